#include "ui/common/SqlHighlighter.h"

#include "ui/common/DarkPalette.h"

namespace {
enum BlockState { Normal = 0, InBlockComment = 1, InDollarQuote = 2 };
}

SqlHighlighter::SqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keywords(QStringLiteral(
          "\\b(SELECT|FROM|WHERE|AND|OR|NOT|NULL|IS|IN|EXISTS|CREATE|TABLE|INDEX|UNIQUE|PRIMARY|KEY|REFERENCES|"
          "FOREIGN|ON|DELETE|UPDATE|INSERT|INTO|VALUES|SET|ALTER|ADD|DROP|COLUMN|CONSTRAINT|CHECK|DEFAULT|"
          "CASCADE|RESTRICT|IF|BEGIN|END|COMMIT|ROLLBACK|FUNCTION|RETURNS|RETURN|LANGUAGE|AS|DECLARE|TRIGGER|"
          "BEFORE|AFTER|FOR|EACH|ROW|EXECUTE|PROCEDURE|POLICY|USING|WITH|ENABLE|DISABLE|ROW|LEVEL|SECURITY|"
          "GRANT|REVOKE|TO|ALL|ON|SCHEMA|EXTENSION|TYPE|VIEW|SEQUENCE|DO|CASE|WHEN|THEN|ELSE|ORDER|BY|GROUP|"
          "LIMIT|JOIN|LEFT|INNER|TRUNCATE|VACUUM|ANALYZE|CONCURRENTLY|REPLACE|STABLE|VOLATILE|IMMUTABLE|"
          "SECURITY|DEFINER|INVOKER|PERFORM|RAISE|NOTICE|EXCEPTION|COMMENT|TRUE|FALSE)\\b"),
                   QRegularExpression::CaseInsensitiveOption)
{
    // Colours that read on the palette's text background, light or dark.
    const bool dark = DarkPalette::isActive();
    m_keyword.setForeground(dark ? QColor(0x7a, 0xb4, 0xff) : QColor(0x1f, 0x4e, 0x9c));
    m_keyword.setFontWeight(QFont::Bold);
    m_string.setForeground(dark ? QColor(0x8b, 0xd5, 0x8b) : QColor(0x2e, 0x7d, 0x32));
    m_comment.setForeground(dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x80, 0x80, 0x80));
    m_comment.setFontItalic(true);
    m_number.setForeground(dark ? QColor(0xf4, 0x8f, 0xb1) : QColor(0xad, 0x14, 0x57));
    m_dollar.setForeground(dark ? QColor(0xd7, 0xb8, 0x9c) : QColor(0x5d, 0x40, 0x37));
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    int start = 0;
    setCurrentBlockState(Normal);
    // Carry a block comment or a dollar-quoted body over from the previous line.
    if (previousBlockState() == InBlockComment) {
        const int end = text.indexOf(QLatin1String("*/"));
        if (end < 0) {
            setFormat(0, int(text.size()), m_comment);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, end + 2, m_comment);
        start = end + 2;
    } else if (previousBlockState() == InDollarQuote) {
        const int end = text.indexOf(QLatin1String("$$"));
        if (end < 0) {
            setFormat(0, int(text.size()), m_dollar);
            setCurrentBlockState(InDollarQuote);
            return;
        }
        setFormat(0, end + 2, m_dollar);
        start = end + 2;
    }
    for (auto it = m_keywords.globalMatch(text, start); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_keyword);
    }
    static const QRegularExpression number(QStringLiteral("\\b\\d+(\\.\\d+)?\\b"));
    for (auto it = number.globalMatch(text, start); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_number);
    }
    // Strings, comments and dollar quotes override what lies inside them.
    int i = start;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\'')) {
            int end = i + 1;
            while (end < text.size() && !(text.at(end) == QLatin1Char('\'') && (end + 1 >= text.size() || text.at(end + 1) != QLatin1Char('\''))))
                end += text.at(end) == QLatin1Char('\'') ? 2 : 1;
            setFormat(i, end - i + 1, m_string);
            i = end + 1;
        } else if (c == QLatin1Char('-') && text.mid(i, 2) == QLatin1String("--")) {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        } else if (c == QLatin1Char('/') && text.mid(i, 2) == QLatin1String("/*")) {
            const int end = text.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_comment);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(i, end + 2 - i, m_comment);
            i = end + 2;
        } else if (c == QLatin1Char('$') && text.mid(i, 2) == QLatin1String("$$")) {
            const int end = text.indexOf(QLatin1String("$$"), i + 2);
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_dollar);
                setCurrentBlockState(InDollarQuote);
                return;
            }
            setFormat(i, end + 2 - i, m_dollar);
            i = end + 2;
        } else {
            ++i;
        }
    }
}
