#include "ui/migrations/RepairDialog.h"

#include "ui/common/RememberedLayout.h"

#include "ui_RepairDialog.h"

#include "ui/migrations/DriftView.h"

#include <QPushButton>

RepairDialog::RepairDialog(const Facts &facts, const ActionGuard &guard, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RepairDialog>())
    , m_drift(new DriftView)
    , m_guard(guard)
{
    m_ui->setupUi(this);
    m_ui->driftLayout->addWidget(m_drift);
    setWindowTitle(facts.markApplied ? tr("Mark %1 applied").arg(facts.version) : tr("Mark %1 reverted").arg(facts.version));

    const QString effect = facts.markApplied
        ? (facts.recorded ? tr("Its recorded statements are replaced by the file's. Nothing runs.")
                          : tr("A history row is written as if it had been applied. Nothing runs: the database must already "
                               "have what the file creates."))
        : tr("Its history row is deleted, as if it had been rolled back. Nothing runs: the database keeps whatever the "
             "file created, and the next apply runs the file again.");
    QString summary = guard.summary;
    if (!summary.isEmpty())
        summary[0] = summary.at(0).toUpper();
    m_ui->summaryLabel->setText(tr("<b>%1</b><br>%2<br>Same as <code>supabase migration repair --status %3 %4</code>, "
                                   "with an audit row.")
                                    .arg(summary.toHtmlEscaped(), effect.toHtmlEscaped(),
                                         facts.markApplied ? QStringLiteral("applied") : QStringLiteral("reverted"), facts.version));

    if (facts.recorded && !facts.fileStatements.isEmpty())
        m_drift->showDiff(facts.fileName, facts.recordedStatements, facts.fileStatements);
    else if (facts.recorded)
        m_drift->showMessage(tr("The history records %n statement(s) for it; the folder has no file.", nullptr,
                                int(facts.recordedStatements.size())));
    else
        m_drift->showMessage(tr("The history has no row for %1: nothing recorded to compare with.").arg(facts.version));

    if (facts.markApplied) {
        for (const CheckResult &check : facts.checks.checks) {
            auto *item = new QTreeWidgetItem(m_ui->checkTree);
            item->setText(0, check.passed ? tr("passed") : tr("FAILED"));
            item->setText(1, check.name);
            item->setText(2, check.detail);
            if (!check.passed)
                item->setForeground(0, QColor(0xb0, 0x00, 0x20));
        }
        if (!RememberedLayout::keep(m_ui->checkTree->header(), QStringLiteral("migrations/repairChecks"))) {
            m_ui->checkTree->resizeColumnToContents(0);
            m_ui->checkTree->resizeColumnToContents(1);
        }
        m_checksFailed = !facts.checks.ok || facts.checks.failedChecks() > 0;
        m_ui->checksLabel->setText(m_checksFailed
                                       ? tr("<span style='color:#b00020'><b>The verify checks do not pass on this database</b>: "
                                            "%1</span>").arg(facts.checks.message.toHtmlEscaped())
                                       : tr("Verify checks on this database: %1").arg(facts.checks.message.toHtmlEscaped()));
    } else {
        m_ui->checksLabel->hide();
        m_ui->checkTree->hide();
    }
    m_ui->failedAckCheck->setVisible(m_checksFailed);

    if (guard.kind == ActionGuard::Kind::TypeName) {
        m_ui->typeLabel->setText(tr("This is <b>production</b>. Type <b>%1</b> to go on:").arg(guard.nameToType.toHtmlEscaped()));
    } else {
        m_ui->typeLabel->hide();
        m_ui->typeEdit->hide();
    }
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, this, &RepairDialog::updateOk);
    connect(m_ui->typeEdit, &QLineEdit::textChanged, this, &RepairDialog::updateOk);
    connect(m_ui->failedAckCheck, &QCheckBox::toggled, this, &RepairDialog::updateOk);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(facts.markApplied ? tr("Mark applied") : tr("Mark reverted"));
    m_ui->reasonEdit->setFocus();
    updateOk();
}

RepairDialog::~RepairDialog() = default;

QString RepairDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

bool RepairDialog::acceptable() const
{
    return !reason().isEmpty() && (!m_checksFailed || m_ui->failedAckCheck->isChecked())
        && (m_guard.kind != ActionGuard::Kind::TypeName || m_guard.accepts(m_ui->typeEdit->text()));
}

void RepairDialog::updateOk()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(acceptable());
}
