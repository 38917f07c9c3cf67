#include "core/browse/ValueFormat.h"

#include <QtTest>

class TestValueFormat : public QObject {
    Q_OBJECT
private slots:
    void formatsCells_data();
    void formatsCells();
    void showsUtcInTheTooltip();
    void prettyPrintsJsonb();
};

void TestValueFormat::formatsCells_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");
    QTest::newRow("null") << "text" << QString() << "NULL";
    QTest::newRow("empty is not null") << "text" << QString("") << "";
    QTest::newRow("numeric stays exact") << "numeric(30,9)" << "12345678901234567890.123456789" << "12345678901234567890.123456789";
    QTest::newRow("newline shown") << "text" << "a\nb" << "a↵b";
    QTest::newRow("long text shortened") << "text" << QString(300, 'x') << QString(120, 'x') + "… (300 characters)";
    QTest::newRow("bytea shortened") << "bytea" << "\\x" + QString(64, 'a') << "\\x" + QString(16, 'a') + "… (32 bytes)";
}

void TestValueFormat::formatsCells()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(ValueFormat::cell(type, value), cell);
}

void TestValueFormat::showsUtcInTheTooltip()
{
    qputenv("TZ", "Asia/Kolkata");
    const QString type = QStringLiteral("timestamp with time zone");
    QCOMPARE(ValueFormat::cell(type, "2026-06-30 23:59:59.123456+00"), QStringLiteral("2026-07-01 05:29:59"));
    QVERIFY(ValueFormat::tooltip(type, "2026-06-30 23:59:59.123456+00").startsWith("2026-06-30 23:59:59.123 UTC"));
    QCOMPARE(ValueFormat::cell(type, "2026-01-01 10:00:00+05:30"), QStringLiteral("2026-01-01 10:00:00"));
    QCOMPARE(ValueFormat::tooltip("text", QString()), QStringLiteral("NULL (no value)"));
    QCOMPARE(ValueFormat::tooltip("text", QString("")), QStringLiteral("(empty string)"));
}

void TestValueFormat::prettyPrintsJsonb()
{
    QCOMPARE(ValueFormat::pretty("jsonb", "{\"a\": [1, {\"b\": null}]}"),
             QStringLiteral("{\n    \"a\": [\n        1,\n        {\n            \"b\": null\n        }\n    ]\n}\n"));
    QCOMPARE(ValueFormat::pretty("jsonb", QString()), QStringLiteral("NULL"));
}

QTEST_APPLESS_MAIN(TestValueFormat)
#include "tst_valueformat.moc"
