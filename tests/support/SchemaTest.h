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

inline QString schemaDump(const TestDatabase &db)
{
    QProcess dump;
    const QString bin = qEnvironmentVariable("PG_BINDIR", QStringLiteral("/usr/lib/postgresql/15/bin"));
    dump.start(bin + QStringLiteral("/pg_dump"), {QStringLiteral("--schema-only"), QStringLiteral("--no-comments"),
                                                  QStringLiteral("--exclude-schema=supabase_migrations"),
                                                  QStringLiteral("--exclude-schema=atlas_console"), QStringLiteral("-d"), db.name()});
    dump.waitForFinished(60000);
    QStringList lines;
    // \restrict carries a random key per run (pg_dump 15.14 and later).
    for (const QString &line : QString::fromUtf8(dump.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1String("\\restrict")) && !line.startsWith(QLatin1String("\\unrestrict")))
            lines << line;
    return dump.exitCode() == 0 ? lines.join(QLatin1Char('\n')) : QStringLiteral("pg_dump failed: ") + QString::fromUtf8(dump.readAllStandardError());
}

inline void compareDumps(const TestDatabase &a, const TestDatabase &b)
{
    const QStringList aDump = schemaDump(a).split(QLatin1Char('\n'));
    const QStringList bDump = schemaDump(b).split(QLatin1Char('\n'));
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
