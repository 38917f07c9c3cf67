#pragma once

#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QString>
#include <QtTest>

// A fresh database for one test case, cloned from template1 (which scripts/localdb made
// Supabase-like), dropped again when the test case ends. Connection settings come from the PG*
// variables; DATABASE_URL is ignored so that tests never touch the instance's main database.
class TestDatabase {
public:
    TestDatabase()
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("atlas_t_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
        const QString failure = m_admin.open(QStringLiteral("dbname=postgres"));
        if (!failure.isEmpty())
            qFatal("TestDatabase: cannot connect to the local database: %s", qPrintable(failure));
        const PgResult created = m_admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template1").arg(m_name));
        if (!created.ok())
            qFatal("TestDatabase: %s", qPrintable(created.error().toString()));
    }
    ~TestDatabase() { m_admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)); }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    QString name() const { return m_name; }
    // With ATLAS_TEST_POOLED set, test connections go through the instance's PgBouncer in
    // transaction mode (the database is still created and dropped directly).
    static bool pooled() { return !qEnvironmentVariableIsEmpty("ATLAS_TEST_POOLED"); }
    // The engine's options for this mode: behind a transaction pooler the lock is per transaction.
    static RunnerOptions runnerOptions()
    {
        RunnerOptions options;
        options.transactionPooled = pooled();
        return options;
    }
    // Straight to the server, never through PgBouncer: for watching pg_stat_activity.
    QString directConninfo() const { return QStringLiteral("dbname=%1").arg(m_name); }
    QString conninfo() const
    {
        return pooled() ? QStringLiteral("host=127.0.0.1 port=%1 dbname=%2").arg(qEnvironmentVariable("ATLAS_PGBOUNCER_PORT"), m_name)
                        : QStringLiteral("dbname=%1").arg(m_name);
    }

    // A new connection to this database (fails the test when it cannot connect).
    std::unique_ptr<PgConnection> connect(const QString &extra = QString()) const
    {
        auto connection = std::make_unique<PgConnection>();
        const QString failure = connection->open(conninfo() + QLatin1Char(' ') + extra, QStringLiteral("atlas-test"));
        if (!failure.isEmpty())
            qFatal("TestDatabase: %s", qPrintable(failure));
        return connection;
    }

    // One value of a one-row query, for assertions.
    QString scalar(const QString &sql) const
    {
        auto connection = connect();
        const PgResult result = connection->exec(sql);
        if (!result.ok())
            return QStringLiteral("<error: %1>").arg(result.error().toString());
        return result.value(0, 0);
    }

private:
    PgConnection m_admin;
    QString m_name;
};
