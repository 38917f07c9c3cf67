#pragma once

class KeychainAccess;
class QString;
class QWidget;
class QueryHistory;
class SqlTextArea;
class UsageChartView;

// What the module of later parts (libatlas-console-parts.so) hands the console: one function,
// atlas_console_parts(), returning these factories. `abi` is ATLAS_PARTS_ABI, a hash of the
// headers of the interface (src/CMakeLists.txt): a module built from other headers is refused.
struct DeferredFactories {
    const char *abi;
    SqlTextArea *(*makeSqlTextArea)(QWidget *parent);
    UsageChartView *(*makeUsageChart)(QWidget *parent);
    KeychainAccess *(*keychain)();
    // The SQL editor's history in the SQLite file at `path` (isOpen() false, with why, if not).
    QueryHistory *(*openHistory)(const QString &path);
};

constexpr const char *kDeferredPartsEntry = "atlas_console_parts";
constexpr const char *kDeferredPartsFile = "libatlas-console-parts.so";
