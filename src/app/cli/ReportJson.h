#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/status/MigrationStatus.h"
#include "core/run/RunReport.h"

#include <QJsonArray>
#include <QJsonObject>

// The machine-readable forms of the engine's results (atlas-console --json).
namespace ReportJson {
QJsonObject fromReport(const RunReport &report);
QJsonObject fromStatusRow(const MigrationStatusRow &row);
QJsonArray fromIssues(const QList<CatalogIssue> &issues);
}  // namespace ReportJson
