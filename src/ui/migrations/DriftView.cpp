#include "ui/migrations/DriftView.h"

#include "ui/common/TextWhenShown.h"
#include "ui/common/RememberedLayout.h"

#include "ui_DriftView.h"

#include <QFontDatabase>

namespace {

QString kindName(StatementDelta::Kind kind)
{
    switch (kind) {
    case StatementDelta::Kind::Same: return QObject::tr("same");
    case StatementDelta::Kind::Changed: return QObject::tr("changed");
    case StatementDelta::Kind::Added: return QObject::tr("added");
    case StatementDelta::Kind::Removed: return QObject::tr("removed");
    }
    return QString();
}

QColor kindColour(StatementDelta::Kind kind)
{
    switch (kind) {
    case StatementDelta::Kind::Changed: return QColor(0xff, 0xf3, 0xe0);
    case StatementDelta::Kind::Added: return QColor(0xe8, 0xf5, 0xe9);
    case StatementDelta::Kind::Removed: return QColor(0xfd, 0xec, 0xea);
    case StatementDelta::Kind::Same: break;
    }
    return QColor();
}

}  // namespace

DriftView::DriftView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DriftView>())
{
    m_ui->setupUi(this);
    RememberedLayout::keep(m_ui->driftTree->header(), QStringLiteral("migrations/drift"));
    connect(m_ui->showSameCheck, &QCheckBox::toggled, this, &DriftView::fill);
    TextWhenShown::set(m_ui->driftLabel, tr("Select an applied migration to compare its file with the statements recorded when it was applied."));
}

DriftView::~DriftView() = default;

void DriftView::showEvent(QShowEvent *event)
{
    // The fixed-width font is looked up (a fontconfig match, milliseconds) when the drift is first
    // shown, not while the window opens with the tab hidden.
    if (!m_fontSet) {
        m_fontSet = true;
        m_ui->driftTree->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    QWidget::showEvent(event);
}

void DriftView::showMessage(const QString &message)
{
    m_deltas.clear();
    m_ui->driftTree->clear();
    m_ui->driftLabel->setText(message);
}

void DriftView::showDiff(const QString &fileName, const QStringList &recorded, const QStringList &file)
{
    m_deltas = diffStatements(recorded, file);
    const auto count = [this](StatementDelta::Kind kind) {
        return std::count_if(m_deltas.begin(), m_deltas.end(), [kind](const StatementDelta &d) { return d.kind == kind; });
    };
    const qsizetype changed = count(StatementDelta::Kind::Changed), added = count(StatementDelta::Kind::Added),
                    removed = count(StatementDelta::Kind::Removed);
    if (changed + added + removed == 0)
        m_ui->driftLabel->setText(tr("%1: its %2 statements are the ones recorded when it was applied.").arg(fileName).arg(file.size()));
    else
        m_ui->driftLabel->setText(tr("<b>%1 changed since it was applied</b>: %2 statements changed, %3 added, %4 removed "
                                     "(recorded %5, file %6).")
                                      .arg(fileName.toHtmlEscaped())
                                      .arg(changed)
                                      .arg(added)
                                      .arg(removed)
                                      .arg(recorded.size())
                                      .arg(file.size()));
    fill();
}

void DriftView::fill()
{
    m_ui->driftTree->clear();
    const bool showSame = m_ui->showSameCheck->isChecked();
    for (const StatementDelta &d : m_deltas) {
        if (d.kind == StatementDelta::Kind::Same && !showSame)
            continue;
        auto *item = new QTreeWidgetItem(m_ui->driftTree);
        item->setText(0, kindName(d.kind));
        item->setText(1, d.recordedIndex >= 0 ? QString::number(d.recordedIndex + 1) : QString());
        item->setText(2, d.recorded);
        item->setText(3, d.fileIndex >= 0 ? QString::number(d.fileIndex + 1) : QString());
        item->setText(4, d.file);
        item->setToolTip(2, d.recorded);
        item->setToolTip(4, d.file);
        const QColor background = kindColour(d.kind);
        if (background.isValid()) {
            for (int c = 0; c < 5; ++c)
                item->setBackground(c, background);
        }
    }
    if (RememberedLayout::userSized(m_ui->driftTree->header()))
        return;
    m_ui->driftTree->resizeColumnToContents(0);
    m_ui->driftTree->resizeColumnToContents(1);
    m_ui->driftTree->resizeColumnToContents(3);
    m_ui->driftTree->setColumnWidth(2, std::max(200, (m_ui->driftTree->viewport()->width() - m_ui->driftTree->columnWidth(0)
                                                      - m_ui->driftTree->columnWidth(1) - m_ui->driftTree->columnWidth(3)) / 2));
}
