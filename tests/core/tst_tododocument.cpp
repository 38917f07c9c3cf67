#include "core/todo/TodoDocument.h"
#include "core/todo/StatusExport.h"
#include "core/todo/TodoEvidence.h"

#include <QFile>
#include <QtTest>

namespace {

// The status document the project grew from, read where the workplace keeps it (shared/ beside
// the clone), not copied into the repository.
QByteArray seed()
{
    QFile file(QStringLiteral(ATLAS_SEED_DOCUMENT));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the seed status document %s", ATLAS_SEED_DOCUMENT);
    return file.readAll();
}

QList<QByteArray> lines(const QByteArray &text)
{
    return text.split('\n');
}

}  // namespace

class TestTodoDocument : public QObject {
    Q_OBJECT
private slots:
    void appendsAnItemWithItsCheck();
    void readsTheSeedsChecklist();
    void ticksOnlyThatLine();
    void keepsEveryOtherByte();
    void findsAndRepairsDoubleEncoding_data();
    void findsAndRepairsDoubleEncoding();
    void repairsTheSeed();
    void rejectsNonUtf8();
    void readsCheckMarkersAndKeywords();
    void ignoresChecklistsInCodeBlocks();
    void exportsTheMigrationSectionOnly();
    void ticksLinesWithStrayCarriageReturns();
};

void TestTodoDocument::appendsAnItemWithItsCheck()
{
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(seed(), &doc, &error));
    const int before = int(doc.items().size());
    const int index = doc.appendItem(QStringLiteral("Fix the advisor's rls_disabled_in_public"), QStringLiteral("advisor-rls_disabled_in_public"));
    QCOMPARE(index, before);
    const TodoItem &item = doc.items().at(index);
    QCOMPARE(item.text, QStringLiteral("Fix the advisor's rls_disabled_in_public"));
    QCOMPARE(item.checkId, QStringLiteral("advisor-rls_disabled_in_public"));
    QVERIFY(!item.checked);
    QCOMPARE(item.line, doc.items().at(index - 1).line + 1);  // right after the last item
    QCOMPARE(item.section, doc.items().at(index - 1).section);
    // Everything else is as it was: the new line is the only difference.
    QByteArray withoutIt = doc.toBytes();
    withoutIt.replace("- [ ] Fix the advisor's rls_disabled_in_public <!-- check: advisor-rls_disabled_in_public -->\n", "");
    QCOMPARE(withoutIt, seed());
    QVERIFY(TodoEvidence::isKnown(QStringLiteral("advisor-rls_disabled_in_public")));
    QVERIFY(!TodoEvidence::isKnown(QStringLiteral("advisor-no_such_check")));
    QVERIFY(TodoEvidence::describe(QStringLiteral("advisor-unused_index")).startsWith("Supabase's advisor unused_index finds nothing"));
    // A document without a trailing line end, and one with no item at all.
    TodoDocument bare;
    QVERIFY(TodoDocument::parse(QByteArray("# Notes\r\nNothing yet"), &bare, &error));
    QCOMPARE(bare.appendItem(QStringLiteral("First"), QString()), 0);
    QCOMPARE(bare.toBytes(), QByteArray("# Notes\r\nNothing yet\r\n- [ ] First\r\n"));
}

void TestTodoDocument::readsTheSeedsChecklist()
{
    TodoDocument doc;
    QString error;
    QVERIFY2(TodoDocument::parse(seed(), &doc, &error), qPrintable(error));
    QCOMPARE(doc.items().size(), 4);
    QCOMPARE(doc.items().at(0).section, QStringLiteral("TODO for Production"));
    QVERIFY(doc.items().at(0).text.startsWith(QLatin1String("Update tier enum values")));
    QVERIFY(!doc.items().at(0).checked);
    QCOMPARE(doc.items().at(3).text, QStringLiteral("Set up scheduled job for `cleanup_expired_cache()` function"));
}

void TestTodoDocument::ticksOnlyThatLine()
{
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(seed(), &doc, &error));
    QVERIFY(doc.setChecked(2, true));
    const QList<QByteArray> before = lines(seed());
    const QList<QByteArray> after = lines(doc.toBytes());
    QCOMPARE(after.size(), before.size());
    int changed = 0;
    for (int i = 0; i < before.size(); ++i) {
        if (before.at(i) != after.at(i)) {
            ++changed;
            QCOMPARE(after.at(i), QByteArray("- [x] Verify RLS policies are working correctly"));
            QCOMPARE(i + 1, doc.items().at(2).line);
        }
    }
    QCOMPARE(changed, 1);
    QVERIFY(doc.items().at(2).checked);
    QVERIFY(doc.setChecked(2, false));
    QCOMPARE(doc.toBytes(), seed());
    QVERIFY(!doc.setChecked(9, true));
}

void TestTodoDocument::keepsEveryOtherByte()
{
    const QByteArray text("# T\r\n\r\n  * [X] done item  \r\n- [ ] open item\n+ [ ] no newline at end");
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(text, &doc, &error));
    QCOMPARE(doc.items().size(), 3);
    QVERIFY(doc.items().at(0).checked);
    QCOMPARE(doc.items().at(0).text, QStringLiteral("done item"));
    QCOMPARE(doc.toBytes(), text);
    QVERIFY(doc.setChecked(0, false));
    QVERIFY(doc.setChecked(2, true));
    QCOMPARE(doc.toBytes(), QByteArray("# T\r\n\r\n  * [ ] done item  \r\n- [ ] open item\n+ [x] no newline at end"));
}

void TestTodoDocument::findsAndRepairsDoubleEncoding_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("repaired");
    QTest::addColumn<int>("findings");
    QTest::newRow("check mark") << QString::fromUtf8("### \xc3\xa2\xc5\x93\xe2\x80\xa6 Usage") << QString::fromUtf8("### \xe2\x9c\x85 Usage") << 1;
    QTest::newRow("e acute") << QString::fromUtf8("caf\xc3\x83\xc2\xa9") << QString::fromUtf8("caf\xc3\xa9") << 1;
    QTest::newRow("arrow") << QString::fromUtf8("basic \xc3\xa2\xe2\x80\xa0\xe2\x80\x99 core") << QString::fromUtf8("basic \xe2\x86\x92 core") << 1;
    QTest::newRow("real accent stays") << QString::fromUtf8("caf\xc3\xa9 cr\xc3\xa8me") << QString::fromUtf8("caf\xc3\xa9 cr\xc3\xa8me") << 0;
    QTest::newRow("real emoji stays") << QString::fromUtf8("\xe2\x9c\x85 done") << QString::fromUtf8("\xe2\x9c\x85 done") << 0;
    QTest::newRow("plain") << "nothing here" << "nothing here" << 0;
}

void TestTodoDocument::findsAndRepairsDoubleEncoding()
{
    QFETCH(QString, input);
    QFETCH(QString, repaired);
    QFETCH(int, findings);
    QList<MojibakeFinding> found;
    QCOMPARE(repairDoubleEncoding(input, &found, 1), repaired);
    QCOMPARE(found.size(), findings);
}

void TestTodoDocument::repairsTheSeed()
{
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(seed(), &doc, &error));
    const QList<MojibakeFinding> findings = doc.mojibake();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().line, 8);
    QCOMPARE(findings.first().column, 5);
    QCOMPARE(findings.first().repaired, QString::fromUtf8("\xe2\x9c\x85"));
    QCOMPARE(doc.repairMojibake(), 1);
    QVERIFY(doc.toBytes().contains("### \xe2\x9c\x85 Usage Tracking Tables"));
    QVERIFY(doc.mojibake().isEmpty());
    QCOMPARE(doc.items().size(), 4);  // the checklist survives the repair
}

void TestTodoDocument::rejectsNonUtf8()
{
    TodoDocument doc;
    QString error;
    QVERIFY(!TodoDocument::parse(QByteArray("# T\n- [ ] caf\xe9\n"), &doc, &error));
    QCOMPARE(error, QStringLiteral("2:10: not valid UTF-8 (byte 0xe9); save the file as UTF-8"));
}

void TestTodoDocument::readsCheckMarkersAndKeywords()
{
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(QByteArray("## TODO\n- [ ] Tiers are right <!-- check: tier-values -->\n"), &doc, &error));
    QCOMPARE(doc.items().first().text, QStringLiteral("Tiers are right"));
    QCOMPARE(doc.items().first().checkId, QStringLiteral("tier-values"));
    QVERIFY(TodoDocument::parse(seed(), &doc, &error));
    QStringList checks;
    for (const TodoItem &item : doc.items())
        checks << TodoEvidence::checkFor(item);
    QCOMPARE(checks, (QStringList{"tier-values", "usage-tracking-applied", "rls-verified", "cleanup-scheduled"}));
    QFile status(QStringLiteral(ATLAS_STATUS_DOCUMENT));
    QVERIFY(status.open(QIODevice::ReadOnly));
    QVERIFY(TodoDocument::parse(status.readAll(), &doc, &error));
    checks.clear();
    for (const TodoItem &item : doc.items())
        checks << item.checkId;
    QCOMPARE(checks, (QStringList{"tier-values", "usage-tracking-applied", "rls-verified", "cleanup-scheduled"}));
}

void TestTodoDocument::ignoresChecklistsInCodeBlocks()
{
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(QByteArray("# T\n```\n- [ ] example\n```\n- [ ] real\n"), &doc, &error));
    QCOMPARE(doc.items().size(), 1);
    QCOMPARE(doc.items().first().text, QStringLiteral("real"));
}

void TestTodoDocument::exportsTheMigrationSectionOnly()
{
    const QByteArray document("# Status\n\nIntro.\n\n## Migrations\n\nold | table\n\n## TODO for Production\n\n- [x] done\n- [ ] open\n");
    MigrationStatusRow applied;
    applied.version = "20250918";
    applied.name = "create_usage_tracking_tables";
    applied.state = MigrationState::Applied;
    applied.appliedAt = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
    applied.appliedBy = "alice@laptop";
    MigrationStatusRow pending;
    pending.version = "20251002090000";
    pending.name = "update|tiers";
    const QByteArray out = exportMigrationSection(document, {applied, pending}, "production (production)",
                                                  QDateTime(QDate(2026, 11, 26), QTime(13, 5), Qt::UTC));
    QCOMPARE(out, QByteArray("# Status\n\nIntro.\n\n## Migrations\n\n"
                             "State in **production (production)** as read by Atlas Console on 2026-11-26 13:05 UTC; "
                             "regenerate it with Export status.\n\n"
                             "| version | name | state | applied | by | detail |\n| --- | --- | --- | --- | --- | --- |\n"
                             "| 20250918 | create_usage_tracking_tables | applied | 2026-11-26 12:00 | alice@laptop |  |\n"
                             "| 20251002090000 | update\\|tiers | pending |  |  |  |\n\n"
                             "## TODO for Production\n\n- [x] done\n- [ ] open\n"));
    // No section yet: added before the first other section; the checklist is untouched.
    const QByteArray without("# Status\n\n## TODO\n- [x] done\n");
    const QByteArray added = exportMigrationSection(without, {applied}, "local", QDateTime::currentDateTimeUtc());
    QVERIFY(added.startsWith("# Status\n\n## Migrations\n"));
    QVERIFY(added.endsWith("## TODO\n- [x] done\n"));
}

// Found by fuzz_todo_document: unticking and ticking "[X]" again wrote "[x]".
void TestTodoDocument::ticksLinesWithStrayCarriageReturns()
{
    const QByteArray text("# T\r[x] a\r\n- [X] done\r\r\n- [ ] b\rc\n- \r\r[ ] d\r");
    TodoDocument doc;
    QString error;
    QVERIFY(TodoDocument::parse(text, &doc, &error));
    for (int i = 0; i < doc.items().size(); ++i) {
        const bool was = doc.items().at(i).checked;
        QVERIFY2(doc.setChecked(i, !was), qPrintable(doc.items().at(i).text));
        QVERIFY(doc.setChecked(i, was));
    }
    QCOMPARE(doc.toBytes(), text);
}

QTEST_APPLESS_MAIN(TestTodoDocument)
#include "tst_tododocument.moc"
