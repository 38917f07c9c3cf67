#include "ui/deferred/DeferredParts.h"

#include "db/local/QueryHistory.h"
#include "ui/deferred/DeferredModule.h"
#include "ui/deferred/PlainSqlTextArea.h"
#include "ui/deferred/UsageChartMessage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

namespace {

struct Opened {
    const DeferredFactories *factories = nullptr;
    QString path;
    QString problem;
};

Opened open(const QString &path)
{
    void *handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return {nullptr, path, QStringLiteral("%1 cannot be opened: %2").arg(path, QString::fromLocal8Bit(dlerror()))};
    using Entry = const DeferredFactories *(*)();
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, kDeferredPartsEntry));
    if (!entry)
        return {nullptr, path, QStringLiteral("%1 is not this console's module (it has no %2)").arg(path, QLatin1String(kDeferredPartsEntry))};
    const DeferredFactories *factories = entry();
    if (qstrcmp(factories->abi, ATLAS_PARTS_ABI) != 0)
        return {nullptr, path, QStringLiteral("%1 is from another build of the console (its interface %2, this console's %3)")
                                   .arg(path, QLatin1String(factories->abi), QLatin1String(ATLAS_PARTS_ABI))};
    return {factories, path, QString()};
}

Opened openOnce()
{
    QStringList looked;
    for (const QString &dir : DeferredParts::searchDirs()) {
        const QString path = QDir(dir).absoluteFilePath(QLatin1String(kDeferredPartsFile));
        if (QFileInfo::exists(path))
            return open(QDir::cleanPath(path));
        looked << QDir::cleanPath(dir);
    }
    return {nullptr, QString(),
            QStringLiteral("%1 was not found (looked in %2)").arg(QLatin1String(kDeferredPartsFile), looked.join(QStringLiteral(", ")))};
}

const Opened &opened()
{
    static const Opened once = openOnce();
    return once;
}

// The factories for a part about to be made; when there are none, said once on stderr, where a
// user who started the console from a terminal looks.
const DeferredFactories *factories()
{
    static const bool said = [] {
        if (!opened().factories)
            qWarning("atlas-console: %s: the SQL editor is plain text, and there is no chart, keychain or history",
                     qPrintable(opened().problem));
        return true;
    }();
    Q_UNUSED(said);
    return opened().factories;
}

// The history when the module is missing: nothing kept, and it says why.
class ClosedQueryHistory : public QueryHistory {
public:
    explicit ClosedQueryHistory(QString why)
        : m_why(std::move(why))
    {
    }
    bool isOpen() const override { return false; }
    QString error() const override { return m_why; }
    bool add(const EditorRun &) override { return false; }
    QList<EditorRun> search(const QString &, const QString &, int) const override { return {}; }
    bool saveSnippet(const QString &, const QString &) override { return false; }
    bool removeSnippet(const QString &) override { return false; }

protected:
    QList<Snippet> savedSnippets() const override { return {}; }

private:
    QString m_why;
};

}  // namespace

namespace DeferredParts {

QStringList searchDirs()
{
    const QString chosen = qEnvironmentVariable("ATLAS_PARTS_DIR");
    if (!chosen.isEmpty())
        return {chosen};
    const QString executable = QCoreApplication::applicationDirPath();
    return {executable, QDir(executable).filePath(QStringLiteral(ATLAS_PARTS_RELATIVE_DIR))};
}

QString modulePath()
{
    return opened().factories ? opened().path : QString();
}

QString problem()
{
    return opened().problem;
}

SqlTextArea *makeSqlTextArea(QWidget *parent)
{
    if (const DeferredFactories *made = factories())
        return made->makeSqlTextArea(parent);
    return new PlainSqlTextArea(QObject::tr("Plain text: no highlighting or completion, because %1.").arg(problem()), parent);
}

UsageChartView *makeUsageChart(QWidget *parent)
{
    if (const DeferredFactories *made = factories())
        return made->makeUsageChart(parent);
    return new UsageChartMessage(QObject::tr("The chart cannot be drawn: %1.").arg(problem()), parent);
}

KeychainAccess *keychain()
{
    const DeferredFactories *made = factories();
    return made ? made->keychain() : nullptr;
}

std::unique_ptr<QueryHistory> openHistory(const QString &path)
{
    if (const DeferredFactories *made = factories())
        return std::unique_ptr<QueryHistory>(made->openHistory(path));
    return std::make_unique<ClosedQueryHistory>(problem());
}

}  // namespace DeferredParts
