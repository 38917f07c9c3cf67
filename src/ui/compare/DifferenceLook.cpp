#include "ui/compare/DifferenceLook.h"

#include <QObject>
#include <QPlainTextEdit>
#include <QTextBlock>

#include <algorithm>

QColor DifferenceLook::colour(SchemaDifference::Type type)
{
    switch (type) {
    case SchemaDifference::Type::Added:
        return QColor(0x2e, 0x7d, 0x32);
    case SchemaDifference::Type::Removed:
        return QColor(0xb0, 0x00, 0x20);
    case SchemaDifference::Type::Changed:
        break;
    }
    return QColor(0xef, 0x6c, 0x00);
}

QString DifferenceLook::word(SchemaDifference::Type type)
{
    switch (type) {
    case SchemaDifference::Type::Added:
        return QObject::tr("+ added");
    case SchemaDifference::Type::Removed:
        return QObject::tr("− removed");
    case SchemaDifference::Type::Changed:
        break;
    }
    return QObject::tr("~ changed");
}

std::pair<DifferenceLook::Span, DifferenceLook::Span> DifferenceLook::changedSpans(int fromLine, const QString &from, int toLine,
                                                                                   const QString &to)
{
    int prefix = 0;
    const int shorter = int(std::min(from.size(), to.size()));
    while (prefix < shorter && from.at(prefix) == to.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < shorter - prefix && from.at(from.size() - 1 - suffix) == to.at(to.size() - 1 - suffix))
        ++suffix;
    // Whole words: "RETURN 100" against "RETURN 500" marks 100 and 500, not 1 and 5.
    const auto wordChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    while (prefix > 0 && wordChar(from.at(prefix - 1)) && (prefix < from.size() ? wordChar(from.at(prefix)) : true)
           && (prefix < to.size() ? wordChar(to.at(prefix)) : true))
        --prefix;
    while (suffix > 0 && wordChar(from.at(from.size() - suffix)) && from.size() - suffix - 1 >= prefix
           && wordChar(from.at(from.size() - suffix - 1)) && to.size() - suffix - 1 >= prefix && wordChar(to.at(to.size() - suffix - 1)))
        --suffix;
    return {Span{fromLine, prefix, int(from.size()) - suffix - prefix}, Span{toLine, prefix, int(to.size()) - suffix - prefix}};
}

void DifferenceLook::markLines(QPlainTextEdit *edit, const QList<bool> &marks, const QColor &colour, const QList<Span> &spans,
                               const QColor &spanColour)
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = edit->document()->firstBlock();
    for (int line = 0; block.isValid() && line < marks.size(); ++line, block = block.next()) {
        if (!marks.at(line))
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);  // every row of a wrapped line
        selection.format.setBackground(colour);
        selection.format.setForeground(QColor(0x20, 0x20, 0x20));  // the light marks keep dark text, on a dark palette too
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    for (const Span &span : spans) {
        const QTextBlock line = edit->document()->findBlockByNumber(span.line);
        if (!line.isValid() || span.length <= 0)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(line);
        selection.cursor.setPosition(line.position() + span.start);
        selection.cursor.setPosition(line.position() + span.start + span.length, QTextCursor::KeepAnchor);
        selection.format.setBackground(spanColour);
        selection.format.setForeground(QColor(0x20, 0x20, 0x20));
        selections.append(selection);
    }
    edit->setExtraSelections(selections);
}
