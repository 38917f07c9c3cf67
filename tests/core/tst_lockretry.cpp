#include "core/run/LockRetry.h"

#include <QtTest>

// The pause between tries: doubling from 500 ms, capped, with jitter that never makes it zero.
class TestLockRetry : public QObject {
    Q_OBJECT
private slots:
    void pausesGrowWithJitter()
    {
        QCOMPARE(lockRetryPauseMs(1, 0.0), 250);
        QCOMPARE(lockRetryPauseMs(1, 0.999999), 499);
        QCOMPARE(lockRetryPauseMs(2, 0.0), 500);
        QCOMPARE(lockRetryPauseMs(3, 0.5), 1500);
        QCOMPARE(lockRetryPauseMs(20, 1.0), 30000);  // capped at 30 s
        QCOMPARE(lockRetryPauseMs(0, 0.0), 250);     // out of range: the first pause
    }
    void saysWhereAndWho()
    {
        const LockRetry retry{1, QStringLiteral("x.sql:3:1: ALTER TABLE t ADD COLUMN c int"), QStringLiteral("pid 7 (alice, psql, idle in transaction for 3 s): AccessShareLock on t"), 420};
        QCOMPARE(retry.describe(4), QStringLiteral("attempt 1 of 4 could not get its lock within lock_timeout at x.sql:3:1: ALTER TABLE t "
                                                   "ADD COLUMN c int; held by pid 7 (alice, psql, idle in transaction for 3 s): "
                                                   "AccessShareLock on t; trying again in 420 ms"));
        QVERIFY(isLockNotAvailable(QStringLiteral("55P03")));
        QVERIFY(!isLockNotAvailable(QStringLiteral("57014")));
    }
};

QTEST_APPLESS_MAIN(TestLockRetry)
#include "tst_lockretry.moc"
