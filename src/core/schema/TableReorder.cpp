#include "core/schema/TableReorder.h"

#include "core/schema/SchemaDdl.h"

namespace {

// An identifier as SQL writes it, unquoted: "Body" -> Body, "a""b" -> a"b.
QString unquoted(const QString &identifier)
{
    if (!identifier.startsWith(QLatin1Char('"')) || identifier.size() < 2)
        return identifier;
    return identifier.mid(1, identifier.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
}

QString quoted(const QString &name)
{
    QString text = name;
    return QLatin1Char('"') + text.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

// Where the relation's own name starts in a qualified one: after the first dot outside quotes.
int relationStart(const QString &qualified)
{
    bool inQuotes = false;
    for (int at = 0; at < qualified.size(); ++at) {
        const QChar c = qualified.at(at);
        if (c == QLatin1Char('"'))
            inQuotes = !inQuotes;
        else if (c == QLatin1Char('.') && !inQuotes)
            return at + 1;
    }
    return 0;
}

QString movedTable(const QString &movedName)
{
    return TableReorder::scratchSchema() + QLatin1Char('.') + quoted(movedName);
}

const SchemaObject *findColumn(const QList<const SchemaObject *> &columns, const QString &name)
{
    for (const SchemaObject *column : columns)
        if (column->text("column") == name)
            return column;
    return nullptr;
}

}  // namespace

QString TableReorder::scratchSchema()
{
    return QStringLiteral("atlas_reorder");
}

GeneratedStatement TableReorder::dropScratchSchema()
{
    return {QStringLiteral("DROP SCHEMA %1;").arg(scratchSchema()), QString(), false, QStringLiteral("empty again: the tables moved aside are dropped"), {},
            QStringLiteral("ban-drop-schema the scratch schema of the tables made again, empty by now")};
}

QString TableReorder::relationName(const SchemaObject &table)
{
    return unquoted(table.name.mid(relationStart(table.name)));
}

QList<GeneratedStatement> TableReorder::moveAside(const SchemaObject &table, const QString &movedName,
                                                  const QList<const SchemaObject *> &ownedSequences, bool first)
{
    const QString key = table.key();
    QList<GeneratedStatement> sql;
    if (first)
        sql.append({QStringLiteral("CREATE SCHEMA %1;").arg(scratchSchema()), QString(), false,
                    QStringLiteral("where the tables made again for their column order wait, with their rows"), {}});
    const QString note = QStringLiteral("made again to give it the target's column order: moved aside with its rows, which go into the new table");
    for (const SchemaObject *sequence : ownedSequences)
        sql.append({QStringLiteral("ALTER SEQUENCE %1 OWNED BY NONE;").arg(sequence->name), sequence->key(), false,
                    QStringLiteral("kept, with its value, when %1 goes").arg(table.name), {}});
    QString name = table.name;
    if (movedName != relationName(table)) {
        name = table.name.left(relationStart(table.name)) + quoted(movedName);
        sql.append({QStringLiteral("ALTER TABLE %1 RENAME TO %2;").arg(table.name, quoted(movedName)), key, false,
                    note + QStringLiteral(" (renamed: the scratch schema has a table of its name)"), {},
                    QStringLiteral("renaming-table a table of the same name is made again in its place")});
    }
    sql.append({QStringLiteral("ALTER TABLE %1 SET SCHEMA %2;").arg(name, scratchSchema()), key, false, name == table.name ? note : QString(), {}});
    // Its policies would hide rows from the copy where RLS is forced on the owner.
    if (table.flag("rls"))
        sql.append({QStringLiteral("ALTER TABLE %1 DISABLE ROW LEVEL SECURITY;").arg(movedTable(movedName)), key, false,
                    QStringLiteral("every row is copied, whatever its policies say"), {}});
    return sql;
}

QList<GeneratedStatement> TableReorder::refill(const SchemaObject &table, const QString &movedName,
                                               const QList<const SchemaObject *> &fromColumns, const QList<const SchemaObject *> &toColumns)
{
    const QString key = table.key();
    QStringList names;
    QStringList identities;
    bool overriding = false;
    for (const SchemaObject *column : toColumns) {
        const QString name = column->text("column");
        const SchemaObject *before = findColumn(fromColumns, name);
        if (!before || !column->text("generated").isEmpty())
            continue;  // a new column takes its default; a generated one is computed
        names.append(name);
        overriding = overriding || column->text("identity") == QLatin1String("a");
        if (!column->text("identity").isEmpty() && !before->text("identity").isEmpty())
            identities.append(name);
    }
    QList<GeneratedStatement> sql;
    if (!names.isEmpty()) {
        const QString list = names.join(QStringLiteral(", "));
        sql.append({QStringLiteral("INSERT INTO %1 (%2)%3 SELECT %2 FROM %4;")
                        .arg(table.name, list, overriding ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString(), movedTable(movedName)),
                    key, false, QStringLiteral("the rows of the table moved aside, before its indexes and triggers exist"), {}});
    }
    // The identity's counter goes on from where the old one was (NULL, never used: setval skips).
    for (const QString &name : identities) {
        const QString column = SchemaDdl::literal(unquoted(name));
        sql.append({QStringLiteral("SELECT setval(pg_get_serial_sequence(%1, %2), pg_sequence_last_value(pg_get_serial_sequence(%3, %2)));")
                        .arg(SchemaDdl::literal(table.name), column, SchemaDdl::literal(movedTable(movedName))),
                    key, false, QString(), {}});
    }
    QStringList leftBehind;
    for (const SchemaObject *column : fromColumns)
        if (!findColumn(toColumns, column->text("column")) && column->text("generated").isEmpty())
            leftBehind.append(column->text("column"));
    const QString drop = QStringLiteral("DROP TABLE %1;").arg(movedTable(movedName));
    if (leftBehind.isEmpty())
        sql.append({drop, key, false, QStringLiteral("the old table: its rows are in the new one"), {},
                    QStringLiteral("ban-drop-table its rows are in the new table")});
    else
        sql.append({drop, key, true, QStringLiteral("drops the values of %1, which the target does not have").arg(leftBehind.join(QStringLiteral(", "))), {}});
    return sql;
}
