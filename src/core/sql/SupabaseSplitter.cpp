#include "core/sql/SupabaseSplitter.h"

#include <QByteArray>

#include <memory>

namespace {

// One state of the tokenizer. States are shared and mutated in place, as the CLI's are: a
// parenthesis or ATOMIC body keeps the state it was in before the last character, even when
// that character would have ended a statement at the top level.
struct State {
    enum Kind { Ready, Comment, Block, Quote, Dollar, Tag, Escape, Atomic };
    Kind kind = Ready;
    int depth = 0;           // Block
    char32_t quote = 0;      // Quote
    bool escape = false;     // Quote: the delimiter was just seen
    QByteArray delimiter;    // Dollar, Atomic
    qsizetype offset = 0;    // Tag: where the '$' started
    std::shared_ptr<State> previous;  // Atomic
};
using StatePtr = std::shared_ptr<State>;

StatePtr make(State::Kind kind)
{
    auto state = std::make_shared<State>();
    state->kind = kind;
    return state;
}

bool endsWith(const QByteArray &data, qsizetype end, const QByteArray &suffix, bool foldCase)
{
    if (end < suffix.size())
        return false;
    const QByteArray window = data.mid(end - suffix.size(), suffix.size());
    return foldCase ? window.compare(suffix, Qt::CaseInsensitive) == 0 : window == suffix;
}

bool isLetterOrDigit(char32_t r)
{
    return r == U'_' || QChar::isLetterOrNumber(r);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// data[start, end) is the token read so far, ending with the rune r. Returns the next state, or
// nullptr to end the token here.
StatePtr next(const StatePtr &s, char32_t r, int runeLength, const QByteArray &data, qsizetype start, qsizetype end);

StatePtr readyNext(const StatePtr &s, char32_t r, int runeLength, const QByteArray &data, qsizetype start, qsizetype end)
{
    switch (r) {
    case U'$': {
        auto tag = make(State::Tag);
        tag->offset = end - runeLength;
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
        auto atomic = make(State::Atomic);
        atomic->previous = s;
        atomic->delimiter = QByteArrayLiteral(")");
        return atomic;
    }
    case U'c':
    case U'C': {
        const qsizetype offset = end - 6;
        if (offset > start && endsWith(data, end, QByteArrayLiteral("ATOMIC"), true) && isSpace(data.at(offset - 1))) {
            auto atomic = make(State::Atomic);
            atomic->previous = s;
            atomic->delimiter = QByteArrayLiteral("END");
            return atomic;
        }
        return s;
    }
    default: return s;
    }
}

StatePtr next(const StatePtr &s, char32_t r, int runeLength, const QByteArray &data, qsizetype start, qsizetype end)
{
    switch (s->kind) {
    case State::Ready: return readyNext(s, r, runeLength, data, start, end);
    case State::Comment:
        if (r == U'-') {
            auto line = make(State::Dollar);  // nothing is escaped in a line comment
            line->delimiter = QByteArrayLiteral("\n");
            return line;
        }
        return readyNext(make(State::Ready), r, runeLength, data, start, end);
    case State::Block:
        if (endsWith(data, end, QByteArrayLiteral("/*"), false)) {
            ++s->depth;
            return s;
        }
        if (s->depth == 0)
            return readyNext(make(State::Ready), r, runeLength, data, start, end);
        if (endsWith(data, end, QByteArrayLiteral("*/"), false) && --s->depth == 0)
            return make(State::Ready);
        return s;
    case State::Quote:
        if (s->escape) {
            if (r == s->quote) {  // a doubled delimiter stays inside the quote
                s->escape = false;
                return s;
            }
            return readyNext(make(State::Ready), r, runeLength, data, start, end);
        }
        if (r == s->quote)
            s->escape = true;
        return s;
    case State::Dollar:
        return endsWith(data, end, s->delimiter, false) ? make(State::Ready) : s;
    case State::Tag:
        if (r == U'$') {
            auto dollar = make(State::Dollar);
            dollar->delimiter = data.mid(s->offset, end - s->offset);
            return dollar;
        }
        if (isLetterOrDigit(r))
            return s;
        return readyNext(make(State::Ready), r, runeLength, data, start, end);
    case State::Escape: return make(State::Ready);
    case State::Atomic: {
        // Inside quotes the delimiter does not count; a statement end inside keeps the state.
        if (StatePtr current = next(s->previous, r, runeLength, data, start, end))
            s->previous = current;
        if (s->previous->kind == State::Ready && endsWith(data, end, s->delimiter, true))
            return make(State::Ready);
        return s;
    }
    }
    return s;
}

// Decodes one UTF-8 rune at `i`; invalid bytes count as one rune each, as Go's decoder does.
char32_t decode(const QByteArray &data, qsizetype i, int *length)
{
    const auto b = static_cast<unsigned char>(data.at(i));
    int n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    if (i + n > data.size())
        n = 1;
    if (n == 1) {
        *length = 1;
        return b < 0x80 ? char32_t(b) : char32_t(0xFFFD);
    }
    char32_t r = b & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(data.at(i + k));
        if ((c & 0xC0) != 0x80) {
            *length = 1;
            return 0xFFFD;
        }
        r = (r << 6) | (c & 0x3F);
    }
    *length = n;
    return r;
}

void appendTrimmed(QStringList *out, const QByteArray &token)
{
    QByteArray trimmed = token;
    while (trimmed.endsWith(';'))
        trimmed.chop(1);
    const QString text = QString::fromUtf8(trimmed).trimmed();
    if (!text.isEmpty())
        out->append(text);
}

}  // namespace

QStringList splitLikeSupabaseCli(const QString &sql)
{
    QStringList out;
    const QByteArray data = sql.toUtf8();
    StatePtr state = make(State::Ready);
    qsizetype start = 0;
    qsizetype i = 0;
    while (i < data.size()) {
        int length = 1;
        const char32_t r = decode(data, i, &length);
        const qsizetype end = i + length;
        state = next(state, r, length, data, start, end);
        if (!state) {
            appendTrimmed(&out, data.mid(start, end - start));
            start = end;
            state = make(State::Ready);
        }
        i = end;
    }
    if (start < data.size())
        appendTrimmed(&out, data.mid(start));
    return out;
}
