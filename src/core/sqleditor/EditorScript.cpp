#include "core/sqleditor/EditorScript.h"

#include <QRegularExpression>

#include <pg_query.h>

namespace {

void lineAndColumn(const QString &text, int offset, int *line, int *column)
{
    *line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++*line;
            lineStart = i + 1;
        }
    }
    *column = offset - lineStart + 1;
}

// The statements of a stretch of SQL, by the scanner: [begin, end) of the whole text.
void splitSql(const QString &text, int begin, int end, QList<EditorUnit> *units)
{
    const QString chunk = text.mid(begin, end - begin);
    if (chunk.trimmed().isEmpty())
        return;
    const QByteArray bytes = chunk.toUtf8();
    PgQuerySplitResult split = pg_query_split_with_scanner(bytes.constData());
    // Byte offsets to character offsets: the chunk is UTF-8.
    const auto characters = [&bytes](int byteOffset) { return int(QString::fromUtf8(bytes.left(byteOffset)).size()); };
    if (split.error) {
        // An unterminated quote or comment: the rest is one statement, and running it says why.
        EditorUnit unit;
        unit.start = begin;
        unit.end = end;
        unit.text = chunk.trimmed();
        units->append(unit);
    } else {
        // libpg_query's scanner split leaves out a statement that starts with a word that is no
        // keyword ("SELEC 1;"): such a stretch between two statements is a unit of its own, and
        // running it says what is wrong.
        QList<QPair<int, int>> spans;  // byte [from, to)
        int covered = 0;
        for (int i = 0; i < split.n_stmts; ++i) {
            const int from = split.stmts[i]->stmt_location;
            if (from > covered)
                spans.append({covered, from});
            spans.append({from, from + split.stmts[i]->stmt_len});
            covered = from + split.stmts[i]->stmt_len;
        }
        if (covered < bytes.size())
            spans.append({covered, int(bytes.size())});
        for (const auto &[byteFrom, byteTo] : spans) {
            const int from = characters(byteFrom);
            const int to = characters(byteTo);
            QString raw = chunk.mid(from, to - from);
            if (raw.trimmed().startsWith(QLatin1Char(';')))  // the ';' that ended the statement before
                raw.replace(int(raw.indexOf(QLatin1Char(';'))), 1, QLatin1Char(' '));
            if (raw.trimmed().endsWith(QLatin1Char(';')))
                raw.truncate(int(raw.lastIndexOf(QLatin1Char(';'))));
            const int lead = int(raw.size() - QString(raw).remove(QRegularExpression(QStringLiteral("^\\s+"))).size());
            EditorUnit unit;
            unit.text = raw.trimmed();
            static const QRegularExpression comments(QStringLiteral("--[^\\n]*|/\\*.*?\\*/"), QRegularExpression::DotMatchesEverythingOption);
            if (QString(unit.text).remove(comments).trimmed().isEmpty())
                continue;  // nothing but comments
            unit.start = begin + from + lead;
            unit.end = begin + to;
            // The ';' belongs to the statement the cursor sits after.
            if (unit.end < end && text.at(unit.end) == QLatin1Char(';'))
                ++unit.end;
            units->append(unit);
        }
    }
    pg_query_free_split_result(split);
}

}  // namespace

QList<EditorUnit> splitEditorText(const QString &text)
{
    QList<EditorUnit> units;
    int sqlStart = 0;
    int lineStart = 0;
    while (lineStart <= text.size()) {
        int lineEnd = int(text.indexOf(QLatin1Char('\n'), lineStart));
        if (lineEnd < 0)
            lineEnd = int(text.size());
        const QString line = text.mid(lineStart, lineEnd - lineStart);
        if (line.trimmed().startsWith(QLatin1Char('\\'))) {
            splitSql(text, sqlStart, lineStart, &units);
            EditorUnit meta;
            meta.kind = EditorUnit::Kind::Meta;
            meta.text = line.trimmed();
            meta.start = lineStart + int(line.indexOf(QLatin1Char('\\')));
            meta.end = lineEnd;
            units.append(meta);
            sqlStart = lineEnd;
        }
        lineStart = lineEnd + 1;
    }
    splitSql(text, sqlStart, int(text.size()), &units);
    for (EditorUnit &unit : units)
        lineAndColumn(text, unit.start, &unit.line, &unit.column);
    return units;
}

int unitAtCursor(const QList<EditorUnit> &units, int cursor)
{
    int before = -1;
    for (int i = 0; i < units.size(); ++i) {
        if (cursor >= units.at(i).start && cursor <= units.at(i).end)
            return i;
        if (units.at(i).end <= cursor)
            before = i;
    }
    if (before >= 0)
        return before;
    return units.isEmpty() ? -1 : 0;
}

QList<EditorUnit> unitsIn(const QList<EditorUnit> &units, int from, int to)
{
    QList<EditorUnit> inside;
    for (const EditorUnit &unit : units) {
        if (unit.end > from && unit.start < to)
            inside.append(unit);
    }
    return inside;
}

void errorPlace(const EditorUnit &unit, int position, int *line, int *column)
{
    *line = unit.line;
    *column = unit.column;
    for (int i = 0; i < position - 1 && i < unit.text.size(); ++i) {
        if (unit.text.at(i) == QLatin1Char('\n')) {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}
