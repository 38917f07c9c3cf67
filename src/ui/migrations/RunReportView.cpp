#include "ui/migrations/RunReportView.h"

#include "ui/common/RememberedLayout.h"

#include "ui/migrations/StateIcon.h"

#include <QCoreApplication>
#include <QLabel>
#include <QTreeWidget>

namespace RunReportView {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunReportView", text);
}

const QColor kRed(0xb0, 0x00, 0x20);
const QColor kOrange(0xef, 0x6c, 0x00);
const QColor kGreen(0x2e, 0x7d, 0x32);

}  // namespace

QString resultHtml(const RunReport &report)
{
    QString text = QStringLiteral("<b>%1</b> %2").arg(report.ok ? tr("Done:") : (report.cancelled ? tr("Cancelled:") : tr("Failed:")),
                                                      report.message.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    for (const QString &warning : report.warnings)
        text += QStringLiteral("<br><span style='color:#ef6c00'>%1</span>").arg(warning.toHtmlEscaped());
    return text;
}

void showDryRun(const RunReport &report, const QList<LintFinding> &findings, QTreeWidget *tree, QLabel *label)
{
    tree->clear();
    for (const SchemaChange &change : report.schemaChanges) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(0, schemaChangeTypeName(change.type));
        item->setText(1, change.kind);
        item->setText(2, change.name);
        item->setText(3, (change.type == SchemaChange::Type::Dropped ? change.before : change.after).simplified().left(160));
        item->setToolTip(3, change.type == SchemaChange::Type::Changed
                                ? tr("before: %1\nafter: %2").arg(change.before, change.after)
                                : (change.before + change.after));
        item->setForeground(0, change.type == SchemaChange::Type::Dropped ? kRed
                               : change.type == SchemaChange::Type::Changed ? kOrange
                                                                            : kGreen);
    }
    for (const LintFinding &finding : findings) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(0, tr("lint: %1").arg(lintSeverityName(finding.severity)));
        item->setText(1, finding.rule);
        item->setText(2, tr("line %1:%2").arg(finding.line).arg(finding.column));
        item->setText(3, finding.message);
        item->setToolTip(3, QStringLiteral("%1\n\n%2\n\nFix: %3").arg(finding.message, finding.why, finding.fix));
        item->setForeground(0, finding.severity == LintSeverity::Error ? kRed : finding.severity == LintSeverity::Warning ? kOrange : QColor(0x00, 0x83, 0x8f));
    }
    for (int c = 0; c < 3 && !RememberedLayout::userSized(tree->header()); ++c)
        tree->resizeColumnToContents(c);
    QStringList perStatement;
    for (const StatementReport &s : report.statements) {
        if (s.affectedRows > 0)
            perStatement << tr("line %1: %2").arg(s.line).arg(s.commandTag);
    }
    label->setText(report.ok ? tr("%1 schema changes; %2 statements ran and were rolled back; the database is unchanged.%3")
                                   .arg(report.schemaChanges.size())
                                   .arg(report.statements.size())
                                   .arg(perStatement.isEmpty() ? QString() : tr(" Rows: ") + perStatement.join(QStringLiteral("; ")))
                             : report.message);
}

void showChecks(const RunReport &report, QTreeWidget *tree, QLabel *label)
{
    tree->clear();
    for (const CheckResult &check : report.checks) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(0, check.passed ? tr("passed") : tr("FAILED"));
        item->setIcon(0, stateIcon(check.passed ? MigrationState::Applied : MigrationState::Failed));
        item->setText(1, check.name);
        item->setText(2, check.detail);
    }
    if (!RememberedLayout::userSized(tree->header())) {
        tree->resizeColumnToContents(0);
        tree->resizeColumnToContents(1);
    }
    label->setText(report.message);
}

void showAttempts(const QList<AuditRow> &attempts, QTreeWidget *tree)
{
    tree->clear();
    for (const AuditRow &row : attempts) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(0, row.finishedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        item->setText(1, directionName(row.direction));
        item->setText(2, outcomeName(row.outcome));
        item->setText(3, row.actor + QStringLiteral(" (") + row.databaseUser + QLatin1Char(')'));
        item->setText(4, QStringLiteral("%1 ms").arg(row.durationMs));
        const QString said = row.error.isEmpty() ? row.note : row.error;
        item->setText(5, said.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(5, said);
        if (!row.succeeded())
            item->setForeground(2, kRed);
    }
    for (int c = 0; c < 5 && !RememberedLayout::userSized(tree->header()); ++c)
        tree->resizeColumnToContents(c);
}

}  // namespace RunReportView
