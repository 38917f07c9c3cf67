#include "ui/compare/DifferenceLook.h"

#include <QObject>
#include <QPlainTextEdit>
#include <QTextBlock>

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

void DifferenceLook::markLines(QPlainTextEdit *edit, const QList<bool> &marks, const QColor &colour)
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = edit->document()->firstBlock();
    for (int line = 0; block.isValid() && line < marks.size(); ++line, block = block.next()) {
        if (!marks.at(line))
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(colour);
        selection.format.setForeground(QColor(0x20, 0x20, 0x20));  // the light marks keep dark text, on a dark palette too
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    edit->setExtraSelections(selections);
}
