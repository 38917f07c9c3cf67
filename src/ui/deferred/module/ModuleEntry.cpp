// libatlas-console-parts.so's one entry point: the factories of the parts built on Qt Charts,
// QScintilla, Qt Sql and QtKeychain (ui/deferred/DeferredParts opens it).
#include "db/local/SqliteQueryHistory.h"
#include "ui/deferred/DeferredModule.h"
#include "ui/deferred/module/QtKeychainAccess.h"
#include "ui/deferred/module/SqlTextEditor.h"
#include "ui/deferred/module/UsageChart.h"

namespace {

SqlTextArea *makeSqlTextArea(QWidget *parent)
{
    return new SqlTextEditor(parent);
}

UsageChartView *makeUsageChart(QWidget *parent)
{
    return new UsageChart(parent);
}

KeychainAccess *keychain()
{
    static QtKeychainAccess access;
    return &access;
}

QueryHistory *openHistory(const QString &path)
{
    return new SqliteQueryHistory(path);
}

}  // namespace

extern "C" Q_DECL_EXPORT const DeferredFactories *atlas_console_parts()
{
    static const DeferredFactories factories{ATLAS_PARTS_ABI, &makeSqlTextArea, &makeUsageChart, &keychain, &openHistory};
    return &factories;
}
