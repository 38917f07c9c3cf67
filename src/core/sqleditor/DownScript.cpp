#include "core/sqleditor/DownScript.h"

#include "core/sql/SqlScript.h"

#include <QSet>

#include <algorithm>
#include <QStringList>

namespace {

QString qualified(const CreatedObject &object, const QString &name)
{
    return object.schema.isEmpty() ? name : object.schema + QLatin1Char('.') + name;
}

// Statements that change nothing a down file must undo.
bool needsNoUndo(const SqlStatement &statement)
{
    static const QSet<QString> harmless = {QStringLiteral("SelectStmt"), QStringLiteral("VariableSetStmt"),
                                           QStringLiteral("VariableShowStmt"), QStringLiteral("CommentStmt"),
                                           QStringLiteral("ExplainStmt"), QStringLiteral("TransactionStmt")};
    return harmless.contains(statement.nodeType);
}

}  // namespace

DerivedDown deriveDownScript(const SqlScript &up)
{
    DerivedDown down;
    QStringList lines;
    QStringList todo;
    // Tables the script creates: dropping them takes their indexes, policies and triggers along.
    QSet<QString> droppedTables;
    for (const SqlStatement &statement : up.statements) {
        for (const CreatedObject &object : statement.creates) {
            if (object.kind == CreatedObject::Kind::Table)
                droppedTables.insert(qualified(object, object.table));
        }
    }
    for (auto it = up.statements.crbegin(); it != up.statements.crend(); ++it) {
        const SqlStatement &statement = *it;
        const bool onlyRowSecurity = std::all_of(statement.creates.cbegin(), statement.creates.cend(), [](const CreatedObject &o) {
            return o.kind == CreatedObject::Kind::RowLevelSecurity;
        });
        // An ALTER TABLE that does more than turn row level security on (adds a column, say).
        if (statement.nodeType == QLatin1String("AlterTableStmt") && !statement.creates.isEmpty() && onlyRowSecurity
            && statement.text.contains(QLatin1String(" ADD "), Qt::CaseInsensitive))
            todo << QStringLiteral("-- line %1: %2 — undo by hand: %3").arg(statement.line).arg(statement.kind, statement.text.simplified().left(100));
        if (statement.creates.isEmpty()) {
            if (!needsNoUndo(statement))
                todo << QStringLiteral("-- line %1: %2 — undo by hand: %3").arg(statement.line).arg(statement.kind,
                                                                                            statement.text.simplified().left(100));
            continue;
        }
        for (auto created = statement.creates.crbegin(); created != statement.creates.crend(); ++created) {
            const CreatedObject &object = *created;
            const QString table = qualified(object, object.table);
            switch (object.kind) {
            case CreatedObject::Kind::Table:
                lines << QStringLiteral("DROP TABLE IF EXISTS %1;").arg(table);
                break;
            case CreatedObject::Kind::View:
                lines << QStringLiteral("DROP VIEW IF EXISTS %1;").arg(table);
                break;
            case CreatedObject::Kind::Function:
                lines << QStringLiteral("DROP FUNCTION IF EXISTS %1;").arg(qualified(object, object.name));
                break;
            case CreatedObject::Kind::Index:
                if (!droppedTables.contains(table))
                    lines << QStringLiteral("DROP INDEX IF EXISTS %1;").arg(qualified(object, object.name));
                break;
            case CreatedObject::Kind::Policy:
                if (!droppedTables.contains(table))
                    lines << QStringLiteral("DROP POLICY IF EXISTS %1 ON %2;").arg(object.name, table);
                break;
            case CreatedObject::Kind::Trigger:
                if (!droppedTables.contains(table))
                    lines << QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2;").arg(object.name, table);
                break;
            case CreatedObject::Kind::RowLevelSecurity:
                if (!droppedTables.contains(table))
                    lines << QStringLiteral("ALTER TABLE %1 DISABLE ROW LEVEL SECURITY;").arg(table);
                break;
            case CreatedObject::Kind::Column:
                break;  // goes with its table
            }
        }
    }
    down.complete = todo.isEmpty();
    QString text = QStringLiteral("-- Derived by Atlas Console from the up migration: what it creates, dropped in reverse order.\n");
    if (!todo.isEmpty())
        text += QStringLiteral("-- Not derived; write these by hand before relying on this file:\n") + todo.join(QLatin1Char('\n')) + QLatin1Char('\n');
    text += lines.join(QLatin1Char('\n'));
    down.sql = text + QLatin1Char('\n');
    return down;
}
