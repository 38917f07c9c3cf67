// The TODO page against a copy of the seed's status document and the local database.
#include "support/TestDatabase.h"

#include "core/todo/TodoDocument.h"
#include "db/migrate/MigrationRunner.h"
#include "ui/MainWindow.h"
#include "ui/migrations/MigrationListView.h"
#include "ui/todos/TodoPage.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QtTest>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Lines that differ between two versions of a file (same number of lines expected).
QStringList changedLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    QStringList changed;
    if (a.size() != b.size())
        return {QStringLiteral("line count changed")};
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i) != b.at(i))
            changed << QStringLiteral("%1: %2").arg(i + 1).arg(QString::fromUtf8(b.at(i)));
    }
    return changed;
}

}  // namespace

class TestTodoPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tickAndUntickRewriteOnlyThatLine();
    void evidenceComesFromTheDatabase();
    void evidenceTellsAppliedByHandFromNotDone();
    void repairsDoubleEncodedCharacters();

private:
    QTemporaryDir m_dir;
    QString copyOfSeed()
    {
        const QString path = m_dir.filePath(QStringLiteral("STATUS-%1.md").arg(m_copies++));
        QFile::remove(path);
        QFile::copy(QStringLiteral(ATLAS_SEED_DOCUMENT), path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }
    int m_copies = 0;
};

void TestTodoPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // tick records go to a throwaway settings file
    QSettings().clear();
}

void TestTodoPage::tickAndUntickRewriteOnlyThatLine()
{
    const QString path = copyOfSeed();
    const QByteArray original = readAll(path);
    MainWindow window;
    window.setStatusDocument(path);
    window.show();
    window.makePages();  // the pages after the first screen, now
    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("todoTree"));
    QCOMPARE(tree->topLevelItemCount(), 4);
    QSignalSpy changed(window.todoPage(), &TodoPage::documentChanged);

    tree->topLevelItem(1)->setCheckState(0, Qt::Checked);  // as a click on the box does
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changedLines(original, readAll(path)), QStringList{"65: - [x] Apply migration to production Supabase instance"});
    QVERIFY2(tree->topLevelItem(1)->text(3).startsWith(QLatin1String("ticked by ")), qPrintable(tree->topLevelItem(1)->text(3)));

    tree->topLevelItem(1)->setCheckState(0, Qt::Unchecked);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(readAll(path), original);
    QVERIFY(tree->topLevelItem(1)->text(3).startsWith(QLatin1String("unticked by ")));

    // An edit made elsewhere in between is never overwritten.
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("- [ ] added by someone else\n");
    file.close();
    const QByteArray edited = readAll(path);
    tree->topLevelItem(0)->setCheckState(0, Qt::Checked);
    QCOMPARE(readAll(path), edited);
    QTRY_COMPARE(tree->topLevelItemCount(), 5);  // reloaded
    QVERIFY(window.todoPage()->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains("changed on disk"));
}

void TestTodoPage::evidenceComesFromTheDatabase()
{
    TestDatabase db;
    {
        auto connection = db.connect();
        MigrationRunner runner(*connection);
        const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
        QVERIFY(runner.apply(catalog.migrations.at(0)).ok);  // usage tables, old tiers
    }
    const QString path = copyOfSeed();
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.setStatusDocument(path);
    window.show();
    window.makePages();  // the pages after the first screen, now
    QSignalSpy shown(window.todoPage(), &TodoPage::evidenceShown);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("todoTree"));
    const auto evidence = [tree](int row) { return tree->topLevelItem(row)->text(2); };
    QVERIFY2(evidence(0).startsWith("evidence: not done"), qPrintable(evidence(0)));  // tiers still basic/premium
    QVERIFY2(evidence(1).startsWith("evidence: done"), qPrintable(evidence(1)));      // 20250918 applied
    QVERIFY2(evidence(2).startsWith("evidence: done"), qPrintable(evidence(2)));      // live RLS test passes
    QVERIFY2(evidence(2).contains("user A cannot insert a row for user B"), qPrintable(evidence(2)));
    QVERIFY2(evidence(3).startsWith("evidence: not done · pg_cron is not installed"), qPrintable(evidence(3)));
    // What the column cuts short is read whole in the detail pane below the list.
    tree->setCurrentItem(tree->topLevelItem(2));
    const QString detail = window.findChild<QPlainTextEdit *>(QStringLiteral("todoDetail"))->toPlainText();
    QVERIFY2(detail.contains(tree->topLevelItem(2)->text(1)) && detail.contains(tree->topLevelItem(2)->toolTip(2)), qPrintable(detail));
    QVERIFY2(detail.contains(QLatin1String("user A cannot insert a row for user B")), qPrintable(detail));
    // The seed's boxes are all unticked: the two done ones disagree and are highlighted.
    QCOMPARE(tree->topLevelItem(1)->background(1).color(), QColor(0xff, 0xf3, 0xcd));
    QCOMPARE(tree->topLevelItem(0)->background(1).style(), Qt::NoBrush);
    // The RLS test left nothing behind.
    QCOMPARE(db.scalar("SELECT count(*) FROM auth.users WHERE email LIKE 'rls-check-%'"), QStringLiteral("0"));
    QCOMPARE(db.scalar("SELECT count(*) FROM public.daily_usage"), QStringLiteral("0"));

    // Export status: the Migrations section now shows this database; the TODOs keep their ticks.
    auto *migrationsTree = window.findChild<QTreeWidget *>(QStringLiteral("migrationTree"));
    QTRY_COMPARE(migrationsTree->topLevelItemCount(), 3);
    tree->topLevelItem(1)->setCheckState(0, Qt::Checked);
    const QByteArray ticked = readAll(path);
    QTest::mouseClick(window.todoPage()->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    const QByteArray exported = readAll(path);
    QVERIFY(exported.contains("| 20250918 | create_usage_tracking_tables | applied |"));
    QVERIFY(exported.contains("| 20251002090000 | update_daily_usage_tiers | pending |"));
    QVERIFY(exported.contains("- [x] Apply migration to production Supabase instance"));
    const qsizetype todo = ticked.indexOf("## TODO for Production");
    QCOMPARE(exported.mid(exported.indexOf("## TODO for Production")), ticked.mid(todo));
}

void TestTodoPage::evidenceTellsAppliedByHandFromNotDone()
{
    TestDatabase db;
    // The seed's way: the file pasted into the dashboard's SQL editor, no history row.
    const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    QVERIFY(db.connect()->exec(catalog.migrations.at(0).up.sql()).ok());
    const QString path = copyOfSeed();
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.setStatusDocument(path);
    window.show();
    window.makePages();  // the pages after the first screen, now
    QSignalSpy shown(window.todoPage(), &TodoPage::evidenceShown);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("todoTree"));
    const QString evidence = tree->topLevelItem(1)->text(2);
    QVERIFY2(evidence.startsWith("evidence: done by hand, not recorded · the usage tables are there, but 20250918 has no "
                                 "history row"),
             qPrintable(evidence));
    QCOMPARE(tree->topLevelItem(1)->foreground(2).color(), QColor(0x6a, 0x1b, 0x9a));
    // The migrations page says the same of 20250918.
    auto *migrationsTree = window.findChild<QTreeWidget *>(QStringLiteral("migrationTree"));
    QTRY_COMPARE(migrationsTree->topLevelItemCount(), 3);
    QCOMPARE(migrationsTree->topLevelItem(0)->text(MigrationListView::StateColumn), QStringLiteral("present, not recorded"));
}

void TestTodoPage::repairsDoubleEncodedCharacters()
{
    const QString path = copyOfSeed();
    const QByteArray original = readAll(path);
    MainWindow window;
    window.setStatusDocument(path);
    window.makePages();
    auto *label = window.findChild<QLabel *>(QStringLiteral("mojibakeLabel"));
    QVERIFY(!label->isHidden());
    QVERIFY2(label->text().contains(QString::fromUtf8("line 8")), qPrintable(label->text()));
    QList<MojibakeFinding> asked;
    window.todoPage()->setRepairConfirmer([&asked](const QList<MojibakeFinding> &f) {
        asked = f;
        return true;
    });
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("repairButton")), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(changedLines(original, readAll(path)),
             QStringList{QString::fromUtf8("8: ### \xe2\x9c\x85 Usage Tracking Tables (20250918_create_usage_tracking_tables.sql)")});
    QVERIFY(label->isHidden());
}

QTEST_MAIN(TestTodoPage)
#include "tst_todopage.moc"
