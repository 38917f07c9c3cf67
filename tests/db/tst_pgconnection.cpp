// PgConnection and the server probe against the real local database (PG* from scripts/localdb).
#include "support/ServerActivity.h"
#include "support/SilentServer.h"

#include "core/connection/ConnectionProblem.h"
#include "core/connection/ConnectionProfile.h"
#include "db/pg/PgConnection.h"
#include "db/server/ServerProbe.h"

#include <QtTest>

#include <thread>

class TestPgConnection : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void probesTheLocalServer();
    void connectsWithAUriProfile();
    void reportsServerErrorsWhole();
    void bindsParametersLiterally();
    void collectsNotices();
    void cancelsARunningQuery();
    void classifiesFailures_data();
    void classifiesFailures();
    void abandonsAHangingConnectAttempt();
    void timesOutAHangingConnectAttempt();
    void supabaseClaimsDriveAuthUid();
    void verifiesTheServerCertificate_data();
    void verifiesTheServerCertificate();
};

void TestPgConnection::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PGPORT"), "run under scripts/localdb (PG* variables)");
}

void TestPgConnection::probesTheLocalServer()
{
    PgConnection connection;
    QCOMPARE(connection.open(QString()), QString());
    ServerInfo info;
    const PgResult result = probeServer(connection, &info);
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QVERIFY2(info.serverVersion.startsWith(QLatin1String("15.")), qPrintable(info.serverVersion));
    QCOMPARE(info.database, qEnvironmentVariable("PGDATABASE"));
    QCOMPARE(info.user, qEnvironmentVariable("PGUSER"));
    QCOMPARE(info.target.kind, TargetKind::Local);
    // scripts/localdb lays the shape of a Supabase project: its roles, auth, storage, ...
    QVERIFY(info.hasAuthSchema);
    QVERIFY(info.isSupabaseServer);
    QVERIFY2(info.looksLike().startsWith(QLatin1String("local PostgreSQL, PostgreSQL 15.")), qPrintable(info.looksLike()));
    QVERIFY2(info.looksLike().contains(QLatin1String("shaped like a Supabase project")), qPrintable(info.looksLike()));
}

void TestPgConnection::connectsWithAUriProfile()
{
    // What the Supabase dashboard gives is a URI: saved as one, with its password from the
    // keychain (here with characters a URI must escape) and the profile's TLS mode added.
    PgConnection admin;
    QCOMPARE(admin.open(QString()), QString());
    const QString password = QStringLiteral("p@ss word/?&'\\%");
    QVERIFY(admin.exec(QStringLiteral("DROP ROLE IF EXISTS atlas_uri_user")).ok());
    QVERIFY(admin.exec(QStringLiteral("CREATE ROLE atlas_uri_user LOGIN PASSWORD %1").arg(admin.quoteLiteral(password))).ok());
    ConnectionProfile profile;
    profile.source = ConnectionProfile::Source::Uri;
    profile.uri = QStringLiteral("postgresql://atlas_uri_user@%1:%2/%3")
                      .arg(qEnvironmentVariable("PGHOST"), qEnvironmentVariable("PGPORT"), qEnvironmentVariable("PGDATABASE"));
    profile.sslMode = QStringLiteral("disable");
    PgConnection connection;
    QCOMPARE(connection.open(profile.conninfo(password)), QString());
    QCOMPARE(connection.exec(QStringLiteral("SELECT current_user || ' ' || current_database()")).value(0, 0),
             QStringLiteral("atlas_uri_user ") + qEnvironmentVariable("PGDATABASE"));
    connection.close();
    QVERIFY(admin.exec(QStringLiteral("DROP ROLE atlas_uri_user")).ok());
}

void TestPgConnection::reportsServerErrorsWhole()
{
    PgConnection connection;
    QCOMPARE(connection.open(QString()), QString());
    const PgResult result = connection.exec(QStringLiteral("SELECT 1 FROM no_such_table"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().sqlState, QStringLiteral("42P01"));
    QCOMPARE(result.error().severity, QStringLiteral("ERROR"));
    QCOMPARE(result.error().message, QStringLiteral("relation \"no_such_table\" does not exist"));
    QCOMPARE(result.error().position, 15);
    QVERIFY(connection.exec(QStringLiteral("SELECT 1")).ok());  // still usable afterwards
}

void TestPgConnection::bindsParametersLiterally()
{
    PgConnection connection;
    QCOMPARE(connection.open(QString()), QString());
    const QString hostile = QStringLiteral("x'); DROP TABLE auth.users; --");
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT $1::text IS NULL AS is_null, $2::text = '' AS is_empty, $3::text AS echoed"),
        {QString(), QStringLiteral(""), hostile});
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QCOMPARE(result.value(0, QStringLiteral("is_null")), QStringLiteral("t"));
    QCOMPARE(result.value(0, QStringLiteral("is_empty")), QStringLiteral("t"));
    QCOMPARE(result.value(0, QStringLiteral("echoed")), hostile);
    QVERIFY(result.isNull(0, result.columnIndex(QStringLiteral("is_null"))) == false);
}

void TestPgConnection::collectsNotices()
{
    PgConnection connection;
    QCOMPARE(connection.open(QString()), QString());
    QStringList live;
    connection.setNoticeHandler([&live](const QString &notice) { live << notice; });
    QVERIFY(connection.exec(QStringLiteral("DO $$ BEGIN RAISE NOTICE 'pg_cron not installed'; END $$")).ok());
    QCOMPARE(connection.takeNotices(), QStringList{QStringLiteral("NOTICE: pg_cron not installed")});
    QCOMPARE(live, QStringList{QStringLiteral("NOTICE: pg_cron not installed")});
    QVERIFY(connection.takeNotices().isEmpty());
}

void TestPgConnection::cancelsARunningQuery()
{
    PgConnection connection;
    QCOMPARE(connection.open(QString()), QString());
    // Cancelled once the server shows it running: a cancel that came first would be lost.
    const QString marker = QStringLiteral("SELECT pg_sleep(30) /* %1 */").arg(QCoreApplication::applicationPid());
    int running = 0;
    std::thread canceller([&connection, &running, marker] {
        running = ServerActivity::waitForQuery(QString(), marker);
        connection.cancel();
    });
    const PgResult result = connection.exec(marker);
    canceller.join();
    QVERIFY(running > 0);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().sqlState, QStringLiteral("57014"));  // query_canceled, not the 30 s
}

void TestPgConnection::classifiesFailures_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<int>("kind");
    QTest::newRow("wrong password") << "password=wrong-password" << int(ConnectionProblemKind::Authentication);
    QTest::newRow("refused") << "host=127.0.0.1 port=1" << int(ConnectionProblemKind::Refused);
    QTest::newRow("unresolvable") << "host=no-such-host.invalid" << int(ConnectionProblemKind::NameResolution);
    QTest::newRow("no database") << "dbname=atlas_no_such_database" << int(ConnectionProblemKind::NoDatabase);
    QTest::newRow("no role") << "user=atlas_no_such_role" << int(ConnectionProblemKind::Authentication);
    QTest::newRow("untrusted certificate") << "host=localhost sslmode=verify-ca sslrootcert=/etc/ssl/certs/ca-certificates.crt"
                                           << int(ConnectionProblemKind::Ssl);
    QTest::newRow("garbage") << "host=127.0.0.1 not a connection string" << int(ConnectionProblemKind::BadConnectionString);
    QTest::newRow("bad uri port") << "postgresql://localhost:notaport/db" << int(ConnectionProblemKind::BadConnectionString);
}

void TestPgConnection::classifiesFailures()
{
    QFETCH(QString, conninfo);
    QFETCH(int, kind);
    PgConnection connection;
    const QString failure = connection.open(conninfo);
    QVERIFY2(!failure.isEmpty(), "the connection should have failed");
    QVERIFY(!connection.isOpen());
    const ConnectionProblem problem = classifyConnectionProblem(failure);
    QVERIFY2(problem.kind == ConnectionProblemKind(kind), qPrintable(failure));
}

void TestPgConnection::abandonsAHangingConnectAttempt()
{
    SilentServer silent;
    PgConnection connection;
    // Cancelled once the attempt reached the server: the failure is the cancel, not the 30 s
    // connect_timeout.
    bool reached = false;
    std::thread canceller([&connection, &silent, &reached] {
        reached = silent.waitForClient(15000);
        connection.cancel();
    });
    const QString failure = connection.open(QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=30").arg(silent.port()));
    canceller.join();
    QVERIFY(reached);
    QCOMPARE(failure, QStringLiteral("connection attempt cancelled"));
}

void TestPgConnection::timesOutAHangingConnectAttempt()
{
    SilentServer silent;
    PgConnection connection;
    const QString failure = connection.open(QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=1").arg(silent.port()));
    QCOMPARE(classifyConnectionProblem(failure).kind, ConnectionProblemKind::Timeout);
}

void TestPgConnection::supabaseClaimsDriveAuthUid()
{
    PgConnection connection;
    QCOMPARE(connection.open(QString()), QString());
    const QString user = QStringLiteral("5b0c3a8e-59c4-4f0e-9c55-3f4f5f0d9a11");
    QVERIFY(connection.exec(QStringLiteral("BEGIN")).ok());
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT set_config('role', 'authenticated', true), "
                       "set_config('request.jwt.claims', json_build_object('sub', $1::text, 'role', 'authenticated')::text, true), "
                       "auth.uid()::text AS uid, auth.role() AS role, current_user AS who"),
        {user});
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QCOMPARE(result.value(0, QStringLiteral("uid")), user);
    QCOMPARE(result.value(0, QStringLiteral("role")), QStringLiteral("authenticated"));
    QCOMPARE(result.value(0, QStringLiteral("who")), QStringLiteral("authenticated"));
    QVERIFY(connection.exec(QStringLiteral("ROLLBACK")).ok());
    // Transaction-local: nothing survives the transaction.
    const PgResult after = connection.exec(QStringLiteral("SELECT auth.uid() IS NULL AS cleared, current_user AS who"));
    QCOMPARE(after.value(0, QStringLiteral("cleared")), QStringLiteral("t"));
    QCOMPARE(after.value(0, QStringLiteral("who")), qEnvironmentVariable("PGUSER"));
}

void TestPgConnection::verifiesTheServerCertificate_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("failure");  // empty: the connection must succeed, over TLS
    const QString ca = qEnvironmentVariable("ATLAS_LOCALDB_CA");
    QTest::newRow("right CA and host") << "localhost" << ca << "";
    QTest::newRow("host name mismatch") << "127.0.0.1" << ca << "does not match host name \"127.0.0.1\"";
    QTest::newRow("wrong CA") << "localhost" << "/etc/ssl/certs/ca-certificates.crt" << "certificate verify failed";
    QTest::newRow("missing CA file") << "localhost" << "/nonexistent/ca.crt" << "root certificate file \"/nonexistent/ca.crt\" does not exist";
}

void TestPgConnection::verifiesTheServerCertificate()
{
    QFETCH(QString, host);
    QFETCH(QString, ca);
    QFETCH(QString, failure);
    QVERIFY2(!qEnvironmentVariableIsEmpty("ATLAS_LOCALDB_CA"), "scripts/localdb serves TLS with its own CA");
    PgConnection connection;
    const QString error = connection.open(QStringLiteral("host=%1 sslmode=verify-full sslrootcert=%2").arg(host, ca));
    if (failure.isEmpty()) {
        QCOMPARE(error, QString());
        QCOMPARE(connection.exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").value(0, 0), QStringLiteral("t"));
        return;
    }
    QVERIFY2(error.contains(failure), qPrintable(error));
    const ConnectionProblem problem = classifyConnectionProblem(error);
    QCOMPARE(problem.kind, ConnectionProblemKind::Ssl);
    QVERIFY(problem.advice.contains("verify-full"));
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
