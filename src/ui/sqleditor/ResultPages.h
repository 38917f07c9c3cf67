#pragma once

#include "core/run/RunReport.h"
#include "core/sqleditor/QueryResult.h"

#include <QString>

#include <functional>

class QTableView;
class QWidget;
class ResultModel;

// The pages of the SQL editor's results, one per statement: a grid of rows, what a dry run
// changed, an EXPLAIN plan as a tree.
namespace ResultPages {

// The result's rows, read page by page through `fetch` as the grid scrolls (its model in
// *model); its columns as wide as the user made them for the same query before.
QTableView *grid(const QueryResult &result, int pageSize, bool expanded, const std::function<void(qint64 offset, int count)> &fetch,
                 ResultModel **model);
// What a dry run changed, as the migrations page shows it.
QWidget *dryRun(const RunReport &report);
// EXPLAIN (FORMAT JSON) as a tree.
QWidget *plan(const QString &json);

}  // namespace ResultPages
