#include "db/local/SqliteQueryHistory.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

// Qt Sql binds a null QString as NULL: '' is meant.
QString orEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

}  // namespace

SqliteQueryHistory::SqliteQueryHistory(const QString &path)
    : m_connectionName(QStringLiteral("atlas-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        fail(QStringLiteral("cannot open the SQL history %1").arg(path), db.lastError().text());
        return;
    }
    QSqlQuery query(db);
    for (const char *ddl : {"CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, profile TEXT NOT NULL, at TEXT NOT NULL, "
                            "duration_ms INTEGER NOT NULL, rows INTEGER NOT NULL, ok INTEGER NOT NULL, error TEXT NOT NULL, "
                            "sql TEXT NOT NULL)",
                            "CREATE INDEX IF NOT EXISTS runs_profile_at ON runs (profile, at)",
                            "CREATE TABLE IF NOT EXISTS snippets (name TEXT PRIMARY KEY, sql TEXT NOT NULL)"}) {
        if (!query.exec(QLatin1String(ddl))) {
            fail(QStringLiteral("cannot prepare the SQL history %1").arg(path), query.lastError().text());
            return;
        }
    }
    m_open = true;
}

SqliteQueryHistory::~SqliteQueryHistory()
{
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SqliteQueryHistory::fail(const QString &what, const QString &why) const
{
    m_error = QStringLiteral("%1: %2").arg(what, why);
    return false;
}

bool SqliteQueryHistory::add(const EditorRun &entry)
{
    if (!m_open)
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT INTO runs (profile, at, duration_ms, rows, ok, error, sql) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(orEmpty(entry.profile));
    query.addBindValue((entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(entry.durationMs);
    query.addBindValue(entry.rows);
    query.addBindValue(entry.ok ? 1 : 0);
    query.addBindValue(orEmpty(entry.error));
    query.addBindValue(orEmpty(entry.sql));
    return query.exec() || fail(QStringLiteral("cannot record the run"), query.lastError().text());
}

QList<EditorRun> SqliteQueryHistory::search(const QString &profile, const QString &text, int limit) const
{
    QList<EditorRun> found;
    if (!m_open)
        return found;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT id, profile, at, duration_ms, rows, ok, error, sql FROM runs WHERE profile = ? "
                                 "AND (? = '' OR instr(lower(sql), lower(?)) > 0 OR instr(lower(error), lower(?)) > 0) "
                                 "ORDER BY id DESC LIMIT ?"));
    query.addBindValue(orEmpty(profile));
    query.addBindValue(orEmpty(text));
    query.addBindValue(orEmpty(text));
    query.addBindValue(orEmpty(text));
    query.addBindValue(limit);
    if (!query.exec()) {
        fail(QStringLiteral("cannot read the SQL history"), query.lastError().text());
        return found;
    }
    while (query.next()) {
        EditorRun entry;
        entry.id = query.value(0).toLongLong();
        entry.profile = query.value(1).toString();
        entry.at = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        entry.durationMs = query.value(3).toLongLong();
        entry.rows = query.value(4).toLongLong();
        entry.ok = query.value(5).toInt() != 0;
        entry.error = query.value(6).toString();
        entry.sql = query.value(7).toString();
        found.append(entry);
    }
    return found;
}

QList<Snippet> SqliteQueryHistory::savedSnippets() const
{
    QList<Snippet> saved;
    if (!m_open)
        return saved;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (query.exec(QStringLiteral("SELECT name, sql FROM snippets ORDER BY name"))) {
        while (query.next())
            saved.append({query.value(0).toString(), query.value(1).toString(), false});
    }
    return saved;
}

bool SqliteQueryHistory::saveSnippet(const QString &name, const QString &sql)
{
    if (!m_open)
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT INTO snippets (name, sql) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql"));
    query.addBindValue(orEmpty(name));
    query.addBindValue(orEmpty(sql));
    return query.exec() || fail(QStringLiteral("cannot save the snippet %1").arg(name), query.lastError().text());
}

bool SqliteQueryHistory::removeSnippet(const QString &name)
{
    if (!m_open)
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM snippets WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() || fail(QStringLiteral("cannot remove the snippet %1").arg(name), query.lastError().text());
}
