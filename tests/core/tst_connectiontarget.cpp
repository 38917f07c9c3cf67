#include "core/connection/ConnectionTarget.h"
#include "core/connection/Redaction.h"

#include <QtTest>

class TestConnectionTarget : public QObject {
    Q_OBJECT
private slots:
    void classifies_data();
    void classifies();
    void redacts_data();
    void redacts();
};

void TestConnectionTarget::classifies_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("ref");

    QTest::newRow("socket") << "/var/run/postgresql" << 5432 << "" << "local" << "";
    QTest::newRow("default socket") << "" << 5432 << "" << "local" << "";
    QTest::newRow("localhost") << "localhost" << 54322 << "" << "local" << "";
    QTest::newRow("loopback v4") << "127.0.0.1" << 5432 << "" << "local" << "";
    QTest::newRow("loopback v6") << "::1" << 5432 << "" << "local" << "";
    QTest::newRow("direct") << "db.abcdefghijklmnop.supabase.co" << 5432 << "postgres" << "Supabase direct"
                            << "abcdefghijklmnop";
    QTest::newRow("direct upper case") << "DB.ABCDEF.SUPABASE.CO" << 5432 << "postgres" << "Supabase direct"
                                       << "abcdef";
    QTest::newRow("dedicated pooler") << "db.abcdef.supabase.co" << 6543 << "postgres"
                                      << "Supabase transaction pooler" << "abcdef";
    QTest::newRow("session pooler") << "aws-0-eu-central-1.pooler.supabase.com" << 5432 << "postgres.abcdef"
                                    << "Supabase session pooler" << "abcdef";
    QTest::newRow("transaction pooler") << "aws-0-eu-central-1.pooler.supabase.com" << 6543 << "postgres.abcdef"
                                        << "Supabase transaction pooler" << "abcdef";
    QTest::newRow("look-alike") << "db.abcdef.supabase.co.evil.example" << 5432 << "" << "remote" << "";
    QTest::newRow("remote") << "db.example.com" << 5432 << "" << "remote" << "";
}

void TestConnectionTarget::classifies()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, kind);
    QFETCH(QString, ref);
    const ConnectionTarget target = classifyTarget(host, port, user);
    QCOMPARE(targetKindName(target.kind), kind);
    QCOMPARE(target.projectRef, ref);
}

void TestConnectionTarget::redacts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("uri") << "postgresql://postgres:s3cret@db.x.supabase.co:5432/postgres"
                         << "postgresql://postgres:*****@db.x.supabase.co:5432/postgres";
    QTest::newRow("uri with @ in password") << "postgres://u:p@ss@h/db" << "postgres://u:*****@h/db";
    QTest::newRow("uri no password") << "postgresql://postgres@localhost/db" << "postgresql://postgres@localhost/db";
    QTest::newRow("uri query") << "postgresql://h/db?user=u&password=s3cret&sslmode=require"
                               << "postgresql://h/db?user=u&password=*****&sslmode=require";
    QTest::newRow("key value") << "host=h password=s3cret dbname=d" << "host=h password=***** dbname=d";
    QTest::newRow("key value spaced") << "host=h password = s3cret" << "host=h password = *****";
    QTest::newRow("key value quoted") << "password='a b\\' c' host=h" << "password=***** host=h";
    QTest::newRow("nothing") << "host=h dbname=d" << "host=h dbname=d";
}

void TestConnectionTarget::redacts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(redactConnectionString(input), expected);
}

QTEST_APPLESS_MAIN(TestConnectionTarget)
#include "tst_connectiontarget.moc"
