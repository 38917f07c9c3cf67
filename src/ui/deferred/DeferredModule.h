#pragma once

class KeychainAccess;
class QString;
class QWidget;
class QueryHistory;
class SqlTextArea;
class UsageChartView;

// What the module of later parts (libatlas-console-parts.so) hands the console: one function,
// atlas_console_parts(), returning these factories. Both sides are built from one tree; `abi`
// refuses a module left from another build of a different shape.
struct DeferredFactories {
    int abi;
    SqlTextArea *(*makeSqlTextArea)(QWidget *parent);
    UsageChartView *(*makeUsageChart)(QWidget *parent);
    KeychainAccess *(*keychain)();
    // The SQL editor's history in the SQLite file at `path` (isOpen() false, with why, if not).
    QueryHistory *(*openHistory)(const QString &path);
};

// Raised whenever DeferredFactories or one of the interfaces changes.
constexpr int kDeferredPartsAbi = 1;
constexpr const char *kDeferredPartsEntry = "atlas_console_parts";
constexpr const char *kDeferredPartsFile = "libatlas-console-parts.so";
