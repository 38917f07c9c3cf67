#include "core/catalog/NewMigration.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

bool isSupabaseCliFolder(const QString &folder)
{
    const QDir dir(QFileInfo(folder).absoluteFilePath());
    QDir parent = dir;
    return parent.cdUp() && dir.dirName() == QLatin1String("migrations")
        && (parent.dirName() == QLatin1String("supabase") || parent.exists(QStringLiteral("config.toml")));
}

NewMigrationPlan planNewMigration(const QString &folder, const QString &name, const QDateTime &nowUtc)
{
    NewMigrationPlan plan;
    plan.name = name.trimmed().toLower();
    plan.name.replace(QRegularExpression(QStringLiteral("[\\s-]+")), QStringLiteral("_"));
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9_]{1,100}$"));
    if (!allowed.match(plan.name).hasMatch()) {
        plan.error = plan.name.isEmpty() ? QStringLiteral("the migration needs a name")
                                         : QStringLiteral("\"%1\": a migration's name may hold letters, digits and '_' only (at most 100)").arg(name.trimmed());
        return plan;
    }
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists()) {
        plan.error = QStringLiteral("the migrations folder %1 does not exist").arg(folder);
        return plan;
    }
    plan.version = nowUtc.toUTC().toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString base = plan.version + QLatin1Char('_') + plan.name;
    plan.upPath = dir.filePath(base + QStringLiteral(".sql"));
    plan.downPath = isSupabaseCliFolder(folder) ? dir.filePath(QStringLiteral("down/") + base + QStringLiteral(".sql"))
                                                : dir.filePath(base + QStringLiteral(".down.sql"));
    if (!dir.entryList({plan.version + QStringLiteral("_*.sql")}, QDir::Files).isEmpty()) {
        plan.error = QStringLiteral("a migration with version %1 exists in %2 already: wait a second and save again").arg(plan.version, folder);
        return plan;
    }
    return plan;
}

bool writeNewMigration(const NewMigrationPlan &plan, const QString &upSql, const QString &downSql, QString *error)
{
    const auto write = [error](const QString &path, const QString &text) {
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit())
            return true;
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    };
    if (write(plan.upPath, upSql) && write(plan.downPath, downSql))
        return true;
    QFile::remove(plan.upPath);
    return false;
}
