#include "ui/deferred/PlainSqlTextArea.h"

#include <QFontDatabase>
#include <QTextBlock>

PlainSqlTextArea::PlainSqlTextArea(const QString &why, QWidget *parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setPlaceholderText(why);
    setToolTip(why);
}

void PlainSqlTextArea::insert(const QString &text)
{
    // As QScintilla's: at the cursor, the selection not replaced.
    QTextCursor at = textCursor();
    at.setPosition(at.position());
    at.insertText(text);
}

QString PlainSqlTextArea::selectedText() const
{
    // QTextCursor ends paragraphs with U+2029; the editor's users expect newlines.
    return textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

bool PlainSqlTextArea::isModified() const
{
    return document()->isModified();
}

void PlainSqlTextArea::setModified(bool modified)
{
    document()->setModified(modified);
}

void PlainSqlTextArea::onModificationChanged(QObject *context, std::function<void(bool)> changed)
{
    connect(document(), &QTextDocument::modificationChanged, context, std::move(changed));
}

bool PlainSqlTextArea::findNext(const QString &text, bool wrap)
{
    if (find(text))
        return true;
    if (!wrap)
        return false;
    const QTextCursor was = textCursor();
    moveCursor(QTextCursor::Start);
    if (find(text))
        return true;
    setTextCursor(was);  // not found anywhere: the cursor and selection as they were
    return false;
}

void PlainSqlTextArea::setCursorPosition(int line, int index)
{
    const QTextBlock block = document()->findBlockByNumber(line);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::min(index, block.length() - 1));
    setTextCursor(cursor);
}

bool PlainSqlTextArea::selectionRange(int *from, int *to) const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return false;
    *from = cursor.selectionStart();
    *to = cursor.selectionEnd();
    return true;
}

void PlainSqlTextArea::markError(int line, int column)
{
    m_errorLine = line;
    setCursorPosition(line - 1, std::max(0, column - 1));
    QTextEdit::ExtraSelection mark;
    mark.format.setBackground(QColor(0xb0, 0x00, 0x20, 60));
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    mark.cursor = textCursor();
    mark.cursor.clearSelection();
    setExtraSelections({mark});
    ensureCursorVisible();
}

void PlainSqlTextArea::clearErrorMark()
{
    m_errorLine = 0;
    setExtraSelections({});
}
