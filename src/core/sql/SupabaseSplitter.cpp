#include "core/sql/SupabaseSplitter.h"

#include <QByteArray>
#include <QStringDecoder>

#include <memory>

namespace {

// One state of the CLI's tokenizer. Parentheses and ATOMIC bodies hold the state they were in
// before the current character (shared, as the CLI's pointers are).
struct State {
    enum Kind { Ready, Comment, Block, Quote, Dollar, Tag, Escape, Paren, Atomic };
    Kind kind = Ready;
    int depth = 0;                   // Block
    char32_t quote = 0;              // Quote
    bool escape = false;             // Quote: its delimiter was just seen
    QByteArray delimiter;            // Dollar
    qsizetype offset = 0;            // Tag: where its '$' is
    std::shared_ptr<State> previous; // Paren, Atomic
    bool pendingEnd = false;         // Atomic: END was read; the next character decides
    qsizetype statementStart = 0;    // Atomic: where the current inner statement begins
    bool statementHasContent = false;
};
using StatePtr = std::shared_ptr<State>;

StatePtr make(State::Kind kind)
{
    auto state = std::make_shared<State>();
    state->kind = kind;
    return state;
}

// The token being read: data[start, end). Every position is an absolute byte offset into data.
struct Token {
    const QByteArray &data;
    qsizetype start;
    qsizetype end;
};

bool isSqlWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// PostgreSQL's lexer takes every byte from 0x80 up as an identifier or dollar-tag character.
bool isIdentifierRune(char32_t r)
{
    return r >= 0x80 || (r < 0x80 && (std::isalnum(int(r)) || r == U'_' || r == U'$'));
}

// Whether the character before `offset` (within the token) is an identifier character.
bool identifierBefore(const Token &t, qsizetype offset)
{
    if (offset <= t.start)
        return false;
    const auto b = static_cast<unsigned char>(t.data.at(offset - 1));
    return b >= 0x80 || isIdentifierRune(char32_t(b));
}

// Whether data[start, end) ends with `keyword` (any case) at an identifier boundary before it.
bool endsWithKeyword(const Token &t, qsizetype end, const char *keyword)
{
    const qsizetype length = qsizetype(qstrlen(keyword));
    const qsizetype offset = end - length;
    if (offset < t.start || qstrnicmp(t.data.constData() + offset, keyword, length) != 0)
        return false;
    return !identifierBefore(t, offset);
}

bool endsWith(const Token &t, const QByteArray &suffix)
{
    return t.end - t.start >= suffix.size() && t.data.mid(t.end - suffix.size(), suffix.size()) == suffix;
}

bool isBeginAtomic(const Token &t)
{
    if (!endsWithKeyword(t, t.end, "ATOMIC"))
        return false;
    qsizetype prefixEnd = t.end - 6;
    while (prefixEnd > t.start && isSqlWhitespace(t.data.at(prefixEnd - 1)))
        --prefixEnd;
    return endsWithKeyword(t, prefixEnd, "BEGIN");
}

// Whether data[from, to) is only white space and complete (or unterminated) comments, scanned as
// the CLI scans it (a block comment's depth read through a two-byte window).
bool isCommentsAndWhitespace(const QByteArray &data, qsizetype from, qsizetype to)
{
    const auto at = [&](qsizetype i, const char *two) { return i + 1 < to && data.at(i) == two[0] && data.at(i + 1) == two[1]; };
    qsizetype i = from;
    while (i < to) {
        if (isSqlWhitespace(data.at(i))) {
            ++i;
        } else if (at(i, "--")) {
            const qsizetype newline = data.indexOf('\n', i + 2);
            if (newline < 0 || newline >= to)
                return true;
            i = newline + 1;
        } else if (at(i, "/*")) {
            int depth = 1;
            i += 2;
            for (; i < to && depth > 0; ++i) {
                if (at(i - 1, "/*"))
                    ++depth;
                else if (at(i - 1, "*/"))
                    --depth;
            }
            if (depth > 0)
                return true;
        } else {
            return false;
        }
    }
    return true;
}

StatePtr next(const StatePtr &s, char32_t r, const Token &t);

StatePtr readyNext(const StatePtr &s, char32_t r, const Token &t)
{
    switch (r) {
    case U'$': {
        // A '$' after an identifier character continues the identifier (pending$$foo$).
        const qsizetype offset = t.end - 1;
        if (identifierBefore(t, offset))
            return s;
        auto tag = make(State::Tag);
        tag->offset = offset;
        return tag;
    }
    case U'\'':
    case U'"': {
        auto quote = make(State::Quote);
        quote->quote = r;
        return quote;
    }
    case U'-': return make(State::Comment);
    case U'/': return make(State::Block);
    case U'\\': return make(State::Escape);
    case U';': return nullptr;
    case U'(': {
        auto paren = make(State::Paren);
        paren->previous = s;
        return paren;
    }
    case U'c':
    case U'C':
        if (isBeginAtomic(t)) {
            auto atomic = make(State::Atomic);
            atomic->previous = s;
            atomic->statementStart = t.end;
            return atomic;
        }
        return s;
    default: return s;
    }
}

StatePtr fresh(char32_t r, const Token &t)
{
    return readyNext(make(State::Ready), r, t);
}

StatePtr atomicNext(const StatePtr &s, char32_t r, const Token &t)
{
    const bool pendingEnd = s->pendingEnd;
    s->pendingEnd = false;
    if (pendingEnd && !isIdentifierRune(r))
        return fresh(r, t);  // END closed the body; this character starts anew
    // An END inside a quote or comment of the body does not count.
    StatePtr current = next(s->previous, r, t);
    if (!current) {
        s->previous = make(State::Ready);
        s->statementStart = t.end;
        s->statementHasContent = false;
        return s;
    }
    s->previous = current;
    if (current->kind != State::Ready)
        return s;
    // Each inner statement ends with ';', so the closing END is the first token of one.
    if (!s->statementHasContent && endsWithKeyword(t, t.end, "END")) {
        if (isCommentsAndWhitespace(t.data, s->statementStart, t.end - 3))
            s->pendingEnd = true;
        else
            s->statementHasContent = true;
    }
    return s;
}

StatePtr next(const StatePtr &s, char32_t r, const Token &t)
{
    switch (s->kind) {
    case State::Ready: return readyNext(s, r, t);
    case State::Comment:
        if (r == U'-') {
            auto line = make(State::Dollar);  // nothing is escaped in a line comment
            line->delimiter = QByteArrayLiteral("\n");
            return line;
        }
        return fresh(r, t);
    case State::Block:
        if (endsWith(t, QByteArrayLiteral("/*"))) {
            ++s->depth;
            return s;
        }
        if (s->depth == 0)
            return fresh(r, t);
        if (endsWith(t, QByteArrayLiteral("*/")) && --s->depth == 0)
            return make(State::Ready);
        return s;
    case State::Quote:
        if (s->escape) {
            if (r == s->quote) {  // a doubled delimiter stays inside the quote
                s->escape = false;
                return s;
            }
            return fresh(r, t);
        }
        if (r == s->quote)
            s->escape = true;
        return s;
    case State::Dollar: return endsWith(t, s->delimiter) ? make(State::Ready) : s;
    case State::Tag:
        if (r == U'$') {
            auto dollar = make(State::Dollar);
            dollar->delimiter = t.data.mid(s->offset, t.end - s->offset);
            return dollar;
        }
        return isIdentifierRune(r) ? s : fresh(r, t);
    case State::Escape: return make(State::Ready);
    case State::Paren: {
        StatePtr current = next(s->previous, r, t);
        if (!current) {
            s->previous = make(State::Ready);
            return s;
        }
        s->previous = current;
        return current->kind == State::Ready && r == U')' ? make(State::Ready) : s;
    }
    case State::Atomic: return atomicNext(s, r, t);
    }
    return s;
}

// The rune at byte i as the CLI's loop sees it: it steps one byte at a time, so at a lead byte it
// reads the whole character (the token then ends after it), and at each continuation byte
// U+FFFD (the token then ends after that byte).
char32_t runeAt(const QByteArray &data, qsizetype i, qsizetype *end)
{
    const auto b = static_cast<unsigned char>(data.at(i));
    *end = i + 1;
    if (b < 0x80)
        return b;
    const int n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > data.size())
        return 0xFFFD;
    char32_t r = b & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(data.at(i + k));
        if ((c & 0xC0) != 0x80)
            return 0xFFFD;
        r = (r << 6) | (c & 0x3F);
    }
    *end = i + n;
    return r;
}

// Go's unicode.IsSpace: what strings.TrimSpace removes.
bool isGoSpace(char32_t c)
{
    switch (c) {
    case U'\t': case U'\n': case 0x0B: case 0x0C: case U'\r': case U' ': case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

// SplitAndTrim: every trailing ';' off, then white space; a leading BOM stays, as in Go.
void appendTrimmed(QStringList *out, const QByteArray &token)
{
    QByteArray bytes = token;
    while (bytes.endsWith(';'))
        bytes.chop(1);
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decode(bytes);
    // Code points at the ends, in UTF-16 (the spaces Go trims are all in the BMP).
    qsizetype from = 0;
    qsizetype to = text.size();
    while (from < to && isGoSpace(text.at(from).unicode()))
        ++from;
    while (to > from && isGoSpace(text.at(to - 1).unicode()))
        --to;
    if (from < to)
        out->append(text.mid(from, to - from));
}

}  // namespace

QStringList splitLikeSupabaseCli(const QString &sql)
{
    QStringList out;
    const QByteArray data = sql.toUtf8();
    StatePtr state = make(State::Ready);
    qsizetype start = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        qsizetype end = 0;
        const char32_t r = runeAt(data, i, &end);
        state = next(state, r, Token{data, start, end});
        if (!state) {
            appendTrimmed(&out, data.mid(start, end - start));
            start = end;
            i = end - 1;
            state = make(State::Ready);
        }
    }
    if (start < data.size())
        appendTrimmed(&out, data.mid(start));
    return out;
}
