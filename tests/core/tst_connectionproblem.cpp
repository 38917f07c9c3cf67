#include "core/connection/ConnectionProblem.h"

#include <QtTest>

class TestConnectionProblem : public QObject {
    Q_OBJECT
private slots:
    void classifies_data();
    void classifies();
};

void TestConnectionProblem::classifies_data()
{
    QTest::addColumn<QString>("libpq");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("summary");

    // Messages as libpq 15 prints them.
    QTest::newRow("dns") << "could not translate host name \"db.nosuch.supabase.co\" to address: Name or service not known"
                         << int(ConnectionProblemKind::NameResolution) << "\"db.nosuch.supabase.co\" could not be resolved";
    QTest::newRow("refused")
        << "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"
        << int(ConnectionProblemKind::Refused) << "Connection refused by 127.0.0.1:1";
    QTest::newRow("no socket") << "connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?"
                               << int(ConnectionProblemKind::Refused) << "No PostgreSQL server at the Unix socket /var/run/postgresql/.s.PGSQL.5432";
    QTest::newRow("bad sslmode") << "invalid sslmode value: \"bogus\"" << int(ConnectionProblemKind::BadConnectionString)
                                 << "The connection string is not valid: invalid sslmode value";
    QTest::newRow("password") << "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication failed for user \"postgres\""
                              << int(ConnectionProblemKind::Authentication) << "Authentication failed for user \"postgres\"";
    QTest::newRow("no password") << "connection to server at \"127.0.0.1\", port 5432 failed: fe_sendauth: no password supplied"
                                 << int(ConnectionProblemKind::Authentication) << "asks for a password and none was given";
    QTest::newRow("hba") << "FATAL:  no pg_hba.conf entry for host \"10.0.0.1\", user \"app\", database \"x\", no encryption"
                         << int(ConnectionProblemKind::Authentication) << "does not admit user \"app\"";
    QTest::newRow("ssl unsupported") << "connection to server at \"127.0.0.1\", port 5432 failed: server does not support SSL, but SSL was required"
                                     << int(ConnectionProblemKind::Ssl) << "TLS (SSL) handshake failed";
    QTest::newRow("certificate") << "connection to server at \"h\", port 5432 failed: root certificate file \"/x/ca.crt\" does not exist"
                                 << int(ConnectionProblemKind::Ssl) << "root certificate file";
    QTest::newRow("timeout") << "connection to server at \"10.255.255.1\", port 5432 failed: timeout expired"
                             << int(ConnectionProblemKind::Timeout) << "did not answer in time";
    QTest::newRow("our timeout") << "timeout expired while connecting" << int(ConnectionProblemKind::Timeout)
                                 << "did not answer in time";
    QTest::newRow("no database") << "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"atlas\" does not exist"
                                 << int(ConnectionProblemKind::NoDatabase) << "\"atlas\" does not exist";
    QTest::newRow("no role") << "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  role \"bob\" does not exist"
                             << int(ConnectionProblemKind::NoRole) << "\"bob\" does not exist";
    QTest::newRow("bad option") << "invalid connection option \"hots\"" << int(ConnectionProblemKind::BadConnectionString)
                                << "invalid connection option \"hots\"";
    QTest::newRow("bad uri") << "invalid URI query parameter: \"foo\"" << int(ConnectionProblemKind::BadConnectionString)
                             << "not valid";
    QTest::newRow("missing equals") << "missing \"=\" after \"nonsense\" in connection info string"
                                    << int(ConnectionProblemKind::BadConnectionString) << "missing \"=\" after \"nonsense\"";
    QTest::newRow("bad port") << "invalid integer value \"x\" for connection option \"port\""
                              << int(ConnectionProblemKind::BadConnectionString) << "\"port\"";
    QTest::newRow("slots") << "FATAL:  sorry, too many clients already" << int(ConnectionProblemKind::TooManyConnections)
                           << "no free connection slots";
    QTest::newRow("other") << "something unexpected\nsecond line" << int(ConnectionProblemKind::Other)
                           << "something unexpected";
}

void TestConnectionProblem::classifies()
{
    QFETCH(QString, libpq);
    QFETCH(int, kind);
    QFETCH(QString, summary);
    const ConnectionProblem problem = classifyConnectionProblem(libpq);
    QCOMPARE(connectionProblemKindName(problem.kind), connectionProblemKindName(ConnectionProblemKind(kind)));
    QVERIFY2(problem.summary.contains(summary), qPrintable(problem.summary));
    QCOMPARE(problem.raw, libpq.trimmed());
}

QTEST_APPLESS_MAIN(TestConnectionProblem)
#include "tst_connectionproblem.moc"
