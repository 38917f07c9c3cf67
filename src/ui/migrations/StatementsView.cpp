#include "ui/migrations/StatementsView.h"

#include "ui/common/RememberedLayout.h"

#include "ui_StatementsView.h"

#include "ui/migrations/StateIcon.h"

#include "core/lint/Linter.h"

StatementsView::StatementsView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StatementsView>())
{
    m_ui->setupUi(this);
    RememberedLayout::keep(m_ui->statementTree->header(), QStringLiteral("migrations/statements"));
}

StatementsView::~StatementsView() = default;

void StatementsView::clear()
{
    m_script = MigrationScript();
    m_sizes.clear();
    m_ui->statementTree->clear();
    m_ui->riskSummaryLabel->clear();
}

void StatementsView::showScript(const MigrationScript &script)
{
    m_script = script;
    m_sizes.clear();
    fill();
}

QStringList StatementsView::touchedRelations() const
{
    QStringList relations;
    for (const SqlStatement &s : m_script.parsed().statements) {
        for (const LockEffect &l : s.locks) {
            if (!l.newHere && !relations.contains(l.relation))
                relations << l.relation;
        }
    }
    return relations;
}

void StatementsView::setSizes(const QHash<QString, RelationSize> &sizes)
{
    m_sizes = sizes;
    fill();
}

void StatementsView::fill()
{
    m_ui->statementTree->clear();
    if (!m_script.parsed().isValid()) {
        m_ui->riskSummaryLabel->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                                            .arg(m_script.parsed().syntaxError->located(m_script.fileName()).toHtmlEscaped()));
        return;
    }
    // The rules' findings for every statement, whether or not a dry run gets that far; graded by
    // the tables' sizes once they are known.
    const LintResult lint = lintMigrationScript(m_script, m_sizes);
    QHash<int, QList<LintFinding>> findingsOf;
    for (const LintFinding &finding : lint.findings)
        findingsOf[finding.statementIndex].append(finding);
    int counts[4] = {0, 0, 0, 0};
    int destructive = 0, caution = 0;
    QStringList heavy;  // rewrites and full scans of tables that exist, with their size
    for (int i = 0; i < m_script.parsed().statements.size(); ++i) {
        const SqlStatement &s = m_script.parsed().statements.at(i);
        auto *item = new QTreeWidgetItem(m_ui->statementTree);
        item->setText(0, QString::number(i + 1));
        item->setText(1, QString::number(s.line));
        item->setText(2, s.text.simplified().left(140));
        item->setToolTip(2, s.text);
        QStringList reasons;
        LintSeverity worst = LintSeverity::Off;
        for (const LintFinding &finding : findingsOf.value(i)) {
            reasons << QStringLiteral("%1 [%2] %3").arg(lintSeverityName(finding.severity), finding.rule, finding.message);
            worst = std::max(worst, finding.severity);
            ++counts[int(finding.severity)];
        }
        for (const StatementRisk &r : s.risks)
            reasons << riskLevelName(r.level) + QStringLiteral(": ") + r.reason;
        if (!s.transactional)
            reasons << tr("not in a transaction: %1").arg(s.nonTransactionalReason);
        for (const LockEffect &l : s.locks) {
            if (l.newHere)
                continue;  // created by this script: nobody waits for it
            const auto size = m_sizes.constFind(l.relation);
            const bool known = size != m_sizes.constEnd() && size->bytes >= 0;
            const QString sizeText = !known ? QString()
                : size->estimatedRows >= 0 ? tr("%1, ~%2 rows").arg(size->pretty).arg(size->estimatedRows)
                                           : tr("%1, rows not yet estimated").arg(size->pretty);
            QString lock = tr("lock: %1 on %2 (%3)").arg(l.mode, l.relation, l.what);
            if (known)
                lock += QStringLiteral(" [%1]").arg(sizeText);
            if (l.rewrites)
                lock += tr(", rewrites it");
            else if (l.scans)
                lock += tr(", reads every row");
            if (!l.saferForm.isEmpty())
                lock += tr("; safer: %1").arg(l.saferForm);
            reasons << lock;
            if (known && (l.rewrites || l.scans))
                heavy << tr("line %1 %2 %3 (%4)").arg(s.line).arg(l.rewrites ? tr("rewrites") : tr("reads every row of"), l.relation, sizeText);
        }
        item->setText(3, reasons.join(QLatin1Char('\n')));
        item->setToolTip(3, reasons.join(QLatin1Char('\n')));
        const RiskLevel level = std::max(s.riskLevel(), worst == LintSeverity::Error     ? RiskLevel::Destructive
                                                        : worst == LintSeverity::Warning ? RiskLevel::Caution
                                                                                         : RiskLevel::None);
        if (level == RiskLevel::Destructive) {
            ++destructive;
            item->setForeground(3, stateColour(MigrationState::Failed));
            item->setIcon(3, stateIcon(MigrationState::Failed));
        } else if (level == RiskLevel::Caution) {
            ++caution;
            item->setForeground(3, stateColour(MigrationState::Modified));
            item->setIcon(3, stateIcon(MigrationState::Modified));
        }
    }
    QString summary = tr("%1 statements · %2 destructive · %3 caution · lint: %4 errors, %5 warnings, %6 info%7")
                          .arg(m_script.parsed().statements.size())
                          .arg(destructive)
                          .arg(caution)
                          .arg(counts[int(LintSeverity::Error)])
                          .arg(counts[int(LintSeverity::Warning)])
                          .arg(counts[int(LintSeverity::Info)])
                          .arg(m_script.parsed().hasNonTransactional() ? tr(" · runs outside a transaction") : QString());
    if (!heavy.isEmpty())
        summary += QStringLiteral("<br><span style='color:#ef6c00'>%1</span>").arg(heavy.join(QStringLiteral("; ")).toHtmlEscaped());
    m_ui->riskSummaryLabel->setText(summary);
    if (RememberedLayout::userSized(m_ui->statementTree->header()))
        return;
    m_ui->statementTree->resizeColumnToContents(0);
    m_ui->statementTree->resizeColumnToContents(1);
    // The statement's first words are enough beside its risks; the whole text is in the tooltip.
    m_ui->statementTree->resizeColumnToContents(2);
    m_ui->statementTree->setColumnWidth(2, std::min(m_ui->statementTree->columnWidth(2), 360));
}
