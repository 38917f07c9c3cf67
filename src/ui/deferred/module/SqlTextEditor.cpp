#include "ui/deferred/module/SqlTextEditor.h"

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexersql.h>

#include "ui/common/DarkPalette.h"

#include <QGuiApplication>
#include <QPalette>

#include <QFontDatabase>
#include <QKeyEvent>

SqlTextEditor::SqlTextEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new QsciLexerSQL(this))
    , m_apis(new QsciAPIs(m_lexer))
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_lexer->setDefaultFont(mono);
    m_lexer->setFont(mono);
    m_lexer->setFoldComments(true);
    m_lexer->setFoldCompact(false);
    followPalette();
    setLexer(m_lexer);
    setUtf8(true);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginsFont(mono);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor(0xf3, 0xf6, 0xfa));
    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    // Margin 1 holds the error marker.
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 14);
    m_errorMarker = markerDefine(QsciScintilla::RightTriangle);
    setMarkerBackgroundColor(QColor(0xb0, 0x00, 0x20), m_errorMarker);
    setMarkerForegroundColor(QColor(0xb0, 0x00, 0x20), m_errorMarker);
}

bool SqlTextEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Keys the page uses that Scintilla binds too: Escape (cancel) and Ctrl+D (dry run,
        // Scintilla's "duplicate selection").
        const bool pages = (key->key() == Qt::Key_Escape && !isListActive())
            || (key->key() == Qt::Key_D && key->modifiers() == Qt::ControlModifier);
        if (pages) {
            event->ignore();
            return true;
        }
    }
    return QsciScintilla::event(event);
}

void SqlTextEditor::onModificationChanged(QObject *context, std::function<void(bool)> changed)
{
    connect(this, &QsciScintilla::modificationChanged, context, std::move(changed));
}

void SqlTextEditor::setCompletions(const QStringList &names)
{
    m_names = names;
    m_apis->clear();
    for (const QString &name : names)
        m_apis->add(name);
    m_apis->prepare();
}

void SqlTextEditor::markError(int line, int column)
{
    clearErrorMark();
    m_errorLine = line;
    markerAdd(line - 1, m_errorMarker);
    setCursorPosition(line - 1, std::max(0, column - 1));
    ensureLineVisible(line - 1);
}

void SqlTextEditor::clearErrorMark()
{
    markerDeleteAll(m_errorMarker);
    m_errorLine = 0;
}

int SqlTextEditor::offsetOf(int line, int index) const
{
    // QScintilla's index counts characters of the line (code points); EditorScript counts QString
    // units, which differ for characters outside the BMP (two units each).
    int offset = 0;
    for (int l = 0; l < line; ++l)
        offset += int(text(l).size());
    const QString lineText = text(line);
    int units = 0;
    for (int characters = 0; characters < index && units < lineText.size(); ++characters)
        units += lineText.at(units).isHighSurrogate() && units + 1 < lineText.size() ? 2 : 1;
    return offset + units;
}

int SqlTextEditor::cursorOffset() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    return offsetOf(line, index);
}

bool SqlTextEditor::selectionRange(int *from, int *to) const
{
    if (!hasSelectedText())
        return false;
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    *from = offsetOf(lineFrom, indexFrom);
    *to = offsetOf(lineTo, indexTo);
    return true;
}

void SqlTextEditor::followPalette()
{
    // QScintilla paints with its own colours (dark blue keywords on white): on a dark palette they
    // are taken from the palette instead, with lighter accents.
    if (!DarkPalette::isActive())
        return;
    const QPalette palette = QGuiApplication::palette();
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    m_lexer->setDefaultPaper(paper);
    m_lexer->setDefaultColor(text);
    for (int style = 0; style <= QsciLexerSQL::QuotedOperator; ++style) {
        m_lexer->setPaper(paper, style);
        m_lexer->setColor(text, style);
    }
    for (const int style : {QsciLexerSQL::Keyword, QsciLexerSQL::KeywordSet5, QsciLexerSQL::KeywordSet6, QsciLexerSQL::KeywordSet7,
                            QsciLexerSQL::KeywordSet8, QsciLexerSQL::PlusKeyword})
        m_lexer->setColor(QColor(0x7a, 0xb4, 0xff), style);
    for (const int style : {QsciLexerSQL::SingleQuotedString, QsciLexerSQL::DoubleQuotedString})
        m_lexer->setColor(QColor(0x8b, 0xd5, 0x8b), style);
    for (const int style : {QsciLexerSQL::Comment, QsciLexerSQL::CommentLine, QsciLexerSQL::CommentDoc, QsciLexerSQL::CommentLineHash})
        m_lexer->setColor(QColor(0x9a, 0x9a, 0x9a), style);
    m_lexer->setColor(QColor(0xf4, 0x8f, 0xb1), QsciLexerSQL::Number);
    setMarginsBackgroundColor(palette.color(QPalette::Window));
    setMarginsForegroundColor(palette.color(QPalette::PlaceholderText));
    setCaretForegroundColor(text);
    setFoldMarginColors(palette.color(QPalette::Window), palette.color(QPalette::Window));
}
