#pragma once

// What the schema compare tests share: databases read into models, SQL run in a transaction,
// rows as text, pg_dump --schema-only compared line by line, differences as text, and the corpus
// projects that build on Debian's PostgreSQL.
#include "support/TestDatabase.h"

#include "core/schema/SchemaCompare.h"
#include "db/pg/Transaction.h"
#include "db/schema/SchemaReader.h"

#include <QProcess>
#include <QtTest>

#include <algorithm>

namespace SchemaTest {

inline SchemaModel read(const TestDatabase &db, const SchemaScope &scope = SchemaScope::fromOptions({}, {}))
{
    auto connection = db.connect();
    SchemaModel model;
    const PgResult result = readSchemaModel(*connection, scope, &model);
    if (!result.ok())
        qFatal("reading %s: %s", qPrintable(db.name()), qPrintable(result.error().toString()));
    model.source = db.name();
    return model;
}

inline QString run(const TestDatabase &db, const QString &sql)
{
    auto connection = db.connect();
    Transaction transaction(*connection);
    transaction.begin();
    const PgResult result = connection->exec(sql);
    if (!result.ok())
        return result.error().toString();
    const PgResult committed = transaction.commit();
    return committed.ok() ? QString() : committed.error().toString();
}

// FROM's SQL run in `from`, TO's in `to`, and the two compared; `failure` says which setup failed.
inline SchemaCompareResult compareBuilt(const TestDatabase &from, const QString &fromSql, const TestDatabase &to, const QString &toSql,
                                        QString *failure)
{
    *failure = run(from, fromSql);
    if (failure->isEmpty())
        *failure = run(to, toSql);
    return failure->isEmpty() ? compareSchemaModels(read(from), read(to)) : SchemaCompareResult();
}

// The rows of a query, a line each, the values joined by '|'.
inline QString rows(const TestDatabase &db, const QString &sql)
{
    auto connection = db.connect();
    const PgResult result = connection->exec(sql);
    if (!result.ok())
        return result.error().toString();
    QStringList lines;
    for (int row = 0; row < result.rowCount(); ++row) {
        QStringList values;
        for (int column = 0; column < result.columnCount(); ++column)
            values << result.value(row, column);
        lines << values.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

inline QString pgBinary(const char *name)
{
    return qEnvironmentVariable("PG_BINDIR", QStringLiteral("/usr/lib/postgresql/15/bin")) + QLatin1Char('/') + QLatin1String(name);
}

// The schema as pg_dump writes it (comments included), or an empty string with `error` set when
// pg_dump did not run to the end: two failures must not compare equal.
inline QString schemaDump(const TestDatabase &db, QString *error)
{
    QProcess dump;
    dump.start(pgBinary("pg_dump"), {QStringLiteral("--schema-only"), QStringLiteral("--exclude-schema=supabase_migrations"),
                                     QStringLiteral("--exclude-schema=atlas_console"), QStringLiteral("-d"), db.name()});
    const bool finished = dump.waitForFinished(60000);
    const QString text = QString::fromUtf8(dump.readAllStandardOutput());
    if (!finished || dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0 || !text.contains(QLatin1String("PostgreSQL database dump complete"))) {
        *error = QStringLiteral("pg_dump of %1 failed (%2): %3").arg(db.name(), dump.errorString(), QString::fromUtf8(dump.readAllStandardError()));
        return QString();
    }
    QStringList lines;
    // \restrict carries a random key per run (pg_dump 15.14 and later).
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1String("\\restrict")) && !line.startsWith(QLatin1String("\\unrestrict")))
            lines << line;
    return lines.join(QLatin1Char('\n'));
}

// The script applied as `psql -v ON_ERROR_STOP=1 -f` applies it: statement by statement, outside
// a transaction block (so is a pasted script, and the Supabase CLI's pipeline). psql's errors, or
// an empty string.
inline QString runWithPsql(const TestDatabase &db, const QString &sql)
{
    QProcess psql;
    psql.start(pgBinary("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                  QStringLiteral("-d"), db.name(), QStringLiteral("-f"), QStringLiteral("-")});
    psql.write(sql.toUtf8());
    psql.closeWriteChannel();
    const bool finished = psql.waitForFinished(60000);
    const QString errors = QString::fromUtf8(psql.readAllStandardError());
    if (!finished || psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0)
        return QStringLiteral("psql failed (%1): %2").arg(psql.errorString(), errors);
    // A WARNING (SET LOCAL outside a transaction) is a defect of the script too.
    return errors.contains(QLatin1String("WARNING")) ? errors : QString();
}

inline void compareDumps(const TestDatabase &a, const TestDatabase &b)
{
    QString error;
    const QStringList aDump = schemaDump(a, &error).split(QLatin1Char('\n'));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList bDump = schemaDump(b, &error).split(QLatin1Char('\n'));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (int line = 0; line < std::max(aDump.size(), bDump.size()); ++line)
        QVERIFY2(aDump.value(line) == bDump.value(line),
                 qPrintable(QStringLiteral("pg_dump differs at line %1:\n  %2: %3\n  %4: %5\n%6")
                                .arg(line + 1).arg(a.name(), aDump.value(line), b.name(), bDump.value(line), bDump.mid(line - 8, 16).join('\n'))));
}

inline QString differencesText(const QList<SchemaDifference> &differences)
{
    QStringList lines;
    for (const SchemaDifference &d : differences)
        lines << QStringLiteral("%1 %2 %3\n  from: %4\n  to:   %5").arg(schemaDifferenceTypeName(d.type), d.kind, d.name, d.from, d.to);
    return lines.join(QLatin1Char('\n'));
}

// The corpus's projects that build on Debian's PostgreSQL (the others need pg_net or vault).
inline void realProjectFolders()
{
    QTest::addColumn<QString>("folder");
    for (const char *project : {"apikeys", "avatars", "ledger", "pulled", "todos"})
        QTest::newRow(project) << QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus/%1/supabase/migrations").arg(QLatin1String(project));
}

}  // namespace SchemaTest
