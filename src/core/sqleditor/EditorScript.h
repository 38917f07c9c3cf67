#pragma once

#include <QList>
#include <QString>

// What the SQL editor runs: its text cut into statements (by PostgreSQL's scanner, so that one
// broken statement does not keep the others from running) and psql meta-commands (a line that
// starts with a backslash, as psql reads it).
struct EditorUnit {
    enum class Kind { Sql, Meta };
    Kind kind = Kind::Sql;
    QString text;   // without the terminating ';'
    int start = 0;  // character offsets into the editor's text: [start, end)
    int end = 0;
    int line = 1;   // 1-based, of the first character
    int column = 1;
};

QList<EditorUnit> splitEditorText(const QString &text);
// The unit the cursor is in, or the nearest one before it (after its ';'), else the first after;
// -1 when there is none.
int unitAtCursor(const QList<EditorUnit> &units, int cursor);
// The units that overlap [from, to).
QList<EditorUnit> unitsIn(const QList<EditorUnit> &units, int from, int to);
// Where in the editor (1-based line and column) the server's error position in `unit` (1-based,
// into the statement's text) is.
void errorPlace(const EditorUnit &unit, int position, int *line, int *column);
