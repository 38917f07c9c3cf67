#pragma once

#include "core/lint/LintFinding.h"
#include "core/run/RunReport.h"
#include "core/status/AuditRow.h"

class QLabel;
class QTreeWidget;

// How the migrations page shows what the engine reports: the result line, a dry run's schema
// changes and rows, a verify's checks, and a migration's attempts from the audit.
namespace RunReportView {

// "<b>Done:</b> applied ... <br><span>warning</span>", for the result label.
QString resultHtml(const RunReport &report);
// The schema changes, then the lint findings of the file that ran (docs/lint.md), then the rows.
void showDryRun(const RunReport &report, const QList<LintFinding> &findings, QTreeWidget *tree, QLabel *label);
void showChecks(const RunReport &report, QTreeWidget *tree, QLabel *label);
void showAttempts(const QList<AuditRow> &attempts, QTreeWidget *tree);

}  // namespace RunReportView
