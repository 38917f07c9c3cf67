// The transaction scope: BEGIN, COMMIT and ROLLBACK in one place, against the local database.
#include "support/TestDatabase.h"

#include "db/pg/Transaction.h"

#include <QtTest>

class TestTransaction : public QObject {
    Q_OBJECT
private slots:
    void rollsBackWhenItGoesOutOfScope();
    void commitsWhenAsked();
    void saysWhenCommitBecameARollback();
    void aSavepointKeepsTheTransactionUsable();
    void readOnlyRefusesWrites();
};

void TestTransaction::rollsBackWhenItGoesOutOfScope()
{
    TestDatabase db;
    auto c = db.connect();
    {
        Transaction transaction(*c);
        QVERIFY(transaction.begin().ok());
        QVERIFY(transaction.isOpen());
        QVERIFY(c->exec("CREATE TABLE gone (a int)").ok());
    }
    QVERIFY(!c->inTransaction());
    QCOMPARE(db.scalar("SELECT to_regclass('public.gone') IS NULL"), QStringLiteral("t"));
}

void TestTransaction::commitsWhenAsked()
{
    TestDatabase db;
    auto c = db.connect();
    Transaction transaction(*c);
    QVERIFY(transaction.begin().ok());
    QVERIFY(c->exec("CREATE TABLE kept (a int)").ok());
    QVERIFY(transaction.commit().ok());
    QVERIFY(!transaction.isOpen());
    QCOMPARE(db.scalar("SELECT to_regclass('public.kept') IS NOT NULL"), QStringLiteral("t"));
}

void TestTransaction::saysWhenCommitBecameARollback()
{
    TestDatabase db;
    auto c = db.connect();
    Transaction transaction(*c);
    QVERIFY(transaction.begin().ok());
    QVERIFY(c->exec("CREATE TABLE lost (a int)").ok());
    QVERIFY(!c->exec("SELECT 1/0").ok());
    const PgResult committed = transaction.commit();
    QVERIFY(!committed.ok());
    QVERIFY2(committed.error().message.contains("the server answered COMMIT with ROLLBACK"), qPrintable(committed.error().message));
    QVERIFY(!c->inTransaction());
    QCOMPARE(db.scalar("SELECT to_regclass('public.lost') IS NULL"), QStringLiteral("t"));
}

void TestTransaction::aSavepointKeepsTheTransactionUsable()
{
    TestDatabase db;
    auto c = db.connect();
    Transaction transaction(*c);
    QVERIFY(transaction.begin().ok());
    QVERIFY(c->exec("CREATE TABLE t (a int)").ok());
    const PgResult failed = transaction.underSavepoint("s", [&] { return c->exec("INSERT INTO t VALUES ('not a number')"); });
    QCOMPARE(failed.error().sqlState, QStringLiteral("22P02"));
    QVERIFY(transaction.underSavepoint("s", [&] { return c->exec("INSERT INTO t VALUES (1)"); }).ok());
    QVERIFY(transaction.commit().ok());
    QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
}

void TestTransaction::readOnlyRefusesWrites()
{
    TestDatabase db;
    auto c = db.connect();
    Transaction transaction(*c);
    QVERIFY(transaction.begin(Transaction::Access::ReadOnly).ok());
    QCOMPARE(c->exec("CREATE TABLE t (a int)").error().sqlState, QStringLiteral("25006"));  // read_only_sql_transaction
}

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
