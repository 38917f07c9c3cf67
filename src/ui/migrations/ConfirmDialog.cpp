#include "ui/migrations/ConfirmDialog.h"

#include "ui_ConfirmDialog.h"

#include <QPushButton>

ConfirmDialog::ConfirmDialog(const ActionGuard &guard, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConfirmDialog>())
    , m_guard(guard)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Confirm: %1").arg(guard.summary));
    m_ui->summaryLabel->setText(QStringLiteral("<b>%1</b>").arg(guard.summary.toHtmlEscaped()));
    m_ui->planList->addItems(guard.planLines);
    m_ui->destructiveList->addItems(guard.destructiveLines);
    for (int i = 0; i < m_ui->destructiveList->count(); ++i)
        m_ui->destructiveList->item(i)->setForeground(QColor(0xb0, 0x00, 0x20));
    m_ui->destructiveLabel->setVisible(!guard.destructiveLines.isEmpty());
    m_ui->destructiveList->setVisible(!guard.destructiveLines.isEmpty());
    const bool typeName = guard.kind == ActionGuard::Kind::TypeName;
    m_ui->typeLabel->setVisible(typeName);
    m_ui->typeEdit->setVisible(typeName);
    m_ui->typeLabel->setText(tr("This is production. Type <b>%1</b> to confirm.").arg(guard.nameToType.toHtmlEscaped()));
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("Run"));
    ok->setEnabled(!typeName);
    connect(m_ui->typeEdit, &QLineEdit::textChanged, this,
            [this, ok](const QString &text) { ok->setEnabled(m_guard.accepts(text)); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (m_guard.accepts(m_ui->typeEdit->text()))
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ConfirmDialog::~ConfirmDialog() = default;
