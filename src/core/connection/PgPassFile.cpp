#include "core/connection/PgPassFile.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace PgPassFile {

QString path()
{
    const QString configured = qEnvironmentVariable("PGPASSFILE");
    return configured.isEmpty() ? QDir::home().filePath(QStringLiteral(".pgpass")) : configured;
}

QString escape(const QString &field)
{
    QString out = field;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char(':'), QStringLiteral("\\:"));
    return out;
}

bool upsert(const QString &file, const QString &host, int port, const QString &database, const QString &user,
            const QString &password, QString *error)
{
    if (password.contains(QLatin1Char('\n'))) {
        *error = QStringLiteral("a password with a line break cannot be stored in %1").arg(file);
        return false;
    }
    const QString key = QStringLiteral("%1:%2:%3:%4:").arg(escape(host)).arg(port).arg(escape(database), escape(user));
    QStringList lines;
    QFile existing(file);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(file, existing.errorString());
            return false;
        }
        lines = QString::fromUtf8(existing.readAll()).split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        existing.close();
    }
    const QString line = key + escape(password);
    bool replaced = false;
    for (QString &l : lines) {
        if (l.startsWith(key)) {
            l = line;
            replaced = true;
        }
    }
    if (!replaced)
        lines.append(line);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    if (!out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

}  // namespace PgPassFile
