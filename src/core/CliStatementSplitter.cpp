#include "core/CliStatementSplitter.h"

namespace {

bool isTagChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// True when the word `word` (ASCII, upper case) starts at `pos` with word boundaries around it.
bool wordAt(const QString &s, qsizetype pos, QLatin1String word)
{
    if (pos > 0 && isTagChar(s.at(pos - 1)))
        return false;
    if (pos + word.size() > s.size())
        return false;
    if (s.mid(pos, word.size()).compare(word, Qt::CaseInsensitive) != 0)
        return false;
    const qsizetype after = pos + word.size();
    return after >= s.size() || !isTagChar(s.at(after));
}

void appendTrimmed(QStringList *out, const QString &token)
{
    QString trimmed = token;
    while (trimmed.endsWith(QLatin1Char(';')))
        trimmed.chop(1);
    trimmed = trimmed.trimmed();
    if (!trimmed.isEmpty())
        out->append(trimmed);
}

}  // namespace

QStringList splitLikeSupabaseCli(const QString &sql)
{
    QStringList out;
    const qsizetype n = sql.size();
    const QChar *data = sql.constData();
    qsizetype start = 0;
    qsizetype i = 0;
    int parens = 0;
    bool atomic = false;  // inside BEGIN ATOMIC ... END
    while (i < n) {
        const QChar c = data[i];
        if (c.unicode() > 0x7f || (c.isLetterOrNumber() && c != QLatin1Char('B') && c != QLatin1Char('b')
                                   && c != QLatin1Char('E') && c != QLatin1Char('e'))) {
            ++i;  // the common case: nothing that starts a token of interest
            continue;
        }
        const QChar next = i + 1 < n ? data[i + 1] : QChar();
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Quoted until the same delimiter; a doubled delimiter is an escaped one.
            ++i;
            while (i < n) {
                if (sql.at(i) == c) {
                    if (i + 1 < n && sql.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            int depth = 0;
            do {
                if (sql.at(i) == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
                    ++depth;
                    i += 2;
                } else if (sql.at(i) == QLatin1Char('*') && i + 1 < n && sql.at(i + 1) == QLatin1Char('/')) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (i < n && depth > 0);
        } else if (c == QLatin1Char('$')) {
            qsizetype j = i + 1;
            while (j < n && isTagChar(sql.at(j)))
                ++j;
            if (j < n && sql.at(j) == QLatin1Char('$')) {
                const QString tag = sql.mid(i, j - i + 1);
                const qsizetype close = sql.indexOf(tag, j + 1);
                i = close < 0 ? n : close + tag.size();
            } else {
                i = j;
            }
        } else if (c == QLatin1Char('\\')) {
            i += 2;
        } else if (c == QLatin1Char('(')) {
            ++parens;
            ++i;
        } else if (c == QLatin1Char(')')) {
            if (parens > 0)
                --parens;
            ++i;
        } else if (!atomic && (c == QLatin1Char('B') || c == QLatin1Char('b')) && wordAt(sql, i, QLatin1String("BEGIN"))) {
            qsizetype j = i + 5;
            while (j < n && sql.at(j).isSpace())
                ++j;
            atomic = wordAt(sql, j, QLatin1String("ATOMIC"));
            i = atomic ? j + 6 : i + 5;
        } else if (atomic && (c == QLatin1Char('E') || c == QLatin1Char('e')) && wordAt(sql, i, QLatin1String("END"))) {
            atomic = false;
            i += 3;
        } else if (c == QLatin1Char(';') && parens == 0 && !atomic) {
            appendTrimmed(&out, sql.mid(start, i - start + 1));
            start = ++i;
        } else {
            ++i;
        }
    }
    if (start < n)
        appendTrimmed(&out, sql.mid(start));
    return out;
}
