#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class KeychainAccess;
class QWidget;
class QueryHistory;
class SqlTextArea;
class UsageChartView;

// The parts built on libraries the first screen does not need (Qt Charts, QScintilla, Qt Sql,
// QtKeychain): linked into the console they cost every start about 3.5 ms before main()
// (bench/bench_startup), so they live in libatlas-console-parts.so, opened the first time one of
// them is asked for (once the window has painted). When it cannot be opened, each part says why
// and a plainer one stands in: a plain-text SQL editor, a chart that is a sentence, no keychain
// (the .pgpass fallback), no history.
namespace DeferredParts {

// Where the module is looked for, in order: $ATLAS_PARTS_DIR alone when set (the tests set it);
// else beside the executable (a build), then <executable>/../lib/atlas-console (the package's
// layout).
QStringList searchDirs();
// The module's path once opened; empty with problem() when it could not be.
QString modulePath();
QString problem();

SqlTextArea *makeSqlTextArea(QWidget *parent);
UsageChartView *makeUsageChart(QWidget *parent);
// Null when the module could not be opened.
KeychainAccess *keychain();
std::unique_ptr<QueryHistory> openHistory(const QString &path);

}  // namespace DeferredParts
