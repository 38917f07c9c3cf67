// The SQL the program sends, as compiled in from resources/sql: each file one question, valid
// SQL as PostgreSQL's parser reads it (psql variables for identifiers), with its comment.
#include "core/sql/SqlScript.h"
#include "db/SqlResource.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

class TestSqlResources : public QObject {
    Q_OBJECT
private slots:
    void everyFileParsesAndSaysWhatItAsks();
    void identifiersGoWhereTheVariablesAre();
};

void TestSqlResources::everyFileParsesAndSaysWhatItAsks()
{
    int files = 0;
    for (QDirIterator it(QStringLiteral(":/sql"), {QStringLiteral("*.sql")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        const QString name = path.mid(6, path.size() - 6 - 4);  // ":/sql/history/x.sql" -> "history/x"
        const QString sql = sqlResource(name, {{QStringLiteral("relation"), QStringLiteral("public.t")},
                                               {QStringLiteral("database"), QStringLiteral("atlas_shadow_1_0")},
                                               {QStringLiteral("snapshot"), QStringLiteral("'00000003-0000001B-1'")}});
        const SqlScript parsed = parseSqlScript(sql);
        QVERIFY2(parsed.isValid(), qPrintable(name + QStringLiteral(": ") + parsed.syntaxError->located(name)));
        QVERIFY2(!parsed.statements.isEmpty(), qPrintable(name));
        QVERIFY2(sql.startsWith(QLatin1String("--")), qPrintable(name + QStringLiteral(": starts without its comment")));
        ++files;
    }
    QVERIFY2(files >= 60, qPrintable(QString::number(files)));
}

void TestSqlResources::identifiersGoWhereTheVariablesAre()
{
    const QString sql = sqlResource(QStringLiteral("verify/rows_readable"), {{QStringLiteral("relation"), QStringLiteral("\"s\".\"t\"")}});
    QVERIFY2(sql.contains(QLatin1String("FROM \"s\".\"t\" LIMIT 5")), qPrintable(sql));
    // A cast keeps its "::", and a variable not given stays as it is.
    const QString cast = sqlResource(QStringLiteral("browse/columns"), {{QStringLiteral("regclass"), QStringLiteral("x")}});
    QVERIFY(cast.contains(QLatin1String("$1::regclass")));
}

QTEST_GUILESS_MAIN(TestSqlResources)
#include "tst_sqlresources.moc"
