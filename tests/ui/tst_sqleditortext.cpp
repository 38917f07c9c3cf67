#include "ui/deferred/SqlTextArea.h"
#include "ui/sqleditor/SqlEditorTab.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

// The SQL editor's text as the tab uses it, in QScintilla's editor (the module of later parts):
// the cursor's offset into the text where characters take more than one byte or one QString unit
// (the statement run is the one under the cursor), and find and replace.
class TestSqlEditorText : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void offsetsCountCharactersNotBytes();
    void replaceTakesOnlyWhatWasFound();

private:
    template <typename T>
    T *part(const char *name) const { return m_tab->findChild<T *>(QLatin1String(name)); }

    std::unique_ptr<SqlEditorTab> m_tab;
};

void TestSqlEditorText::init()
{
    m_tab = std::make_unique<SqlEditorTab>(nullptr);
    m_tab->resize(900, 600);
    m_tab->show();
    QVERIFY2(m_tab->editor()->widget()->inherits("QsciScintilla"), qPrintable(m_tab->editor()->widget()->toolTip()));
}

void TestSqlEditorText::cleanup()
{
    m_tab.reset();
}

void TestSqlEditorText::offsetsCountCharactersNotBytes()
{
    SqlTextArea *editor = m_tab->editor();
    // Two statements on one line, the first with five two-byte characters: the cursor on the
    // second (character 22) is at offset 22, not at byte 22 (inside the first statement).
    editor->setText(QStringLiteral("SELECT 'ééééé' AS a;SELECT 2 AS b;"));
    editor->setCursorPosition(0, 22);
    QCOMPARE(editor->cursorOffset(), 22);
    // A character outside the BMP is one character and two QString units.
    editor->setText(QStringLiteral("SELECT 1;\nSELECT '\U0001F600' AS smile;"));
    editor->setCursorPosition(1, 10);
    QCOMPARE(editor->cursorOffset(), 10 + 11);
    QVERIFY(editor->findNext(QStringLiteral("AS"), false));
    int from = 0;
    int to = 0;
    QVERIFY(editor->selectionRange(&from, &to));
    QCOMPARE(editor->text().mid(from, to - from), QStringLiteral("AS"));
}

void TestSqlEditorText::replaceTakesOnlyWhatWasFound()
{
    SqlTextArea *editor = m_tab->editor();
    editor->setText(QStringLiteral("select a from t;\nselect b from u;"));
    part<QLineEdit>("sqlFindEdit")->setText(QStringLiteral("FROM"));
    part<QLineEdit>("sqlReplaceEdit")->setText(QStringLiteral("FROM"));
    // A selection the user made for something else is not replaced; the next "from" is found.
    editor->setCursorPosition(0, 0);
    QVERIFY(editor->findNext(QStringLiteral("select"), false));
    part<QPushButton>("sqlReplaceButton")->click();
    QCOMPARE(editor->text(), QStringLiteral("select a from t;\nselect b from u;"));
    QCOMPARE(editor->selectedText(), QStringLiteral("from"));
    // Now the found one is.
    part<QPushButton>("sqlReplaceButton")->click();
    QCOMPARE(editor->text(), QStringLiteral("select a FROM t;\nselect b from u;"));
    QCOMPARE(editor->selectedText(), QStringLiteral("from"));  // the next, found
    part<QLineEdit>("sqlFindEdit")->setText(QStringLiteral("select"));
    part<QLineEdit>("sqlReplaceEdit")->setText(QStringLiteral("SELECT"));
    part<QPushButton>("sqlReplaceAllButton")->click();
    QCOMPARE(editor->text(), QStringLiteral("SELECT a FROM t;\nSELECT b from u;"));
    QCOMPARE(part<QLabel>("sqlStatusLabel")->text(), QStringLiteral("2 replaced"));
    // Not found anywhere: said, and the text as it was.
    part<QLineEdit>("sqlFindEdit")->setText(QStringLiteral("missing"));
    part<QPushButton>("sqlFindNextButton")->click();
    QCOMPARE(part<QLabel>("sqlStatusLabel")->text(), QStringLiteral("\"missing\" not found"));
    QCOMPARE(editor->text(), QStringLiteral("SELECT a FROM t;\nSELECT b from u;"));
}

QTEST_MAIN(TestSqlEditorText)
#include "tst_sqleditortext.moc"
