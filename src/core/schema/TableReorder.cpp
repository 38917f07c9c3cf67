#include "core/schema/TableReorder.h"

#include "core/schema/SchemaAlter.h"
#include "core/schema/SchemaDdl.h"

#include <QRegularExpression>

namespace {

// An identifier as SQL writes it, unquoted: "Body" -> Body, "a""b" -> a"b.
QString unquoted(const QString &identifier)
{
    if (!identifier.startsWith(QLatin1Char('"')) || identifier.size() < 2)
        return identifier;
    return identifier.mid(1, identifier.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
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

// `table` (public.notes) where it waits: atlas_reorder_1.notes.
QString movedTable(const QString &table, int number)
{
    return TableReorder::scratchSchema(number) + QLatin1Char('.') + table.mid(relationStart(table));
}

const SchemaObject *findColumn(const QList<const SchemaObject *> &columns, const QString &name)
{
    for (const SchemaObject *column : columns)
        if (column->text("column") == name)
            return column;
    return nullptr;
}

struct Counter {
    QString column;
    QString source;  // the old sequence, as SQL that gives its regclass (NULL when there is none)
    QString target;
};

// The sequence a column's default calls, as the literal of its name ('public.s'); empty when none.
QString calledSequence(const SchemaObject &column)
{
    static const QRegularExpression nextval(QStringLiteral("nextval\\(('(?:[^']|'')*')::regclass\\)"));
    return nextval.match(column.text("default")).captured(1);
}

// The sequence behind a column of `table` (a literal of its name, as SQL writes it), as SQL that
// gives its regclass: its identity's, else the one it owns, else the one its default calls
// (to_regclass: NULL, not an error, when that one has gone). Empty when no sequence gives its values.
QString counterSource(const SchemaObject &column, const QString &table)
{
    const QString owned = QStringLiteral("pg_get_serial_sequence(%1, %2)").arg(SchemaDdl::literal(table), SchemaDdl::literal(unquoted(column.text("column"))));
    if (!column.text("identity").isEmpty())
        return owned;
    const QString called = calledSequence(column);
    return called.isEmpty() ? QString() : QStringLiteral("coalesce(%1::regclass, to_regclass(%2))").arg(owned, called);
}

}  // namespace

QString TableReorder::scratchSchema(int number)
{
    return QStringLiteral("atlas_reorder_%1").arg(number);
}

QString TableReorder::relationName(const SchemaObject &table)
{
    return unquoted(table.name.mid(relationStart(table.name)));
}

QList<GeneratedStatement> TableReorder::moveAside(const SchemaObject &table, int number, const QList<const SchemaObject *> &ownedSequences)
{
    const QString key = table.key();
    QList<GeneratedStatement> sql;
    for (const SchemaObject *sequence : ownedSequences)
        sql.append({SchemaDdl::sequenceOwner(sequence->name, QString()), sequence->key(), false,
                    QStringLiteral("kept, with its value, when %1 goes").arg(table.name), {}});
    sql.append({QStringLiteral("CREATE SCHEMA %1;").arg(scratchSchema(number)), key, false,
                QStringLiteral("%1 is made again to give it the target's column order: it waits here with its rows, which go into the new table")
                    .arg(table.name), {}});
    sql.append({QStringLiteral("ALTER TABLE %1 SET SCHEMA %2;").arg(table.name, scratchSchema(number)), key, false, QString(), {}});
    // Its policies would hide rows from the copy where RLS is forced on the owner.
    if (table.flag("rls"))
        sql.append({QStringLiteral("ALTER TABLE %1 DISABLE ROW LEVEL SECURITY;").arg(movedTable(table.name, number)), key, false,
                    QStringLiteral("every row is copied, whatever its policies say"), {}});
    return sql;
}

QList<GeneratedStatement> TableReorder::refill(const SchemaObject &table, int number, const QList<const SchemaObject *> &fromColumns,
                                               const QList<const SchemaObject *> &toColumns, QStringList *warnings, QStringList *leftBehind)
{
    const QString key = table.key();
    QStringList names;
    QStringList values;
    QStringList casts;
    QList<Counter> counters;
    bool overriding = false;
    for (const SchemaObject *column : toColumns) {
        const QString name = column->text("column");
        const SchemaObject *before = findColumn(fromColumns, name);
        if (!before) {
            // A new column takes its default; without one, NOT NULL fails on the first row.
            if (column->flag("not_null") && column->text("default").isEmpty() && column->text("generated").isEmpty()
                && column->text("identity").isEmpty())
                warnings->append(QStringLiteral("%1.%2 is new, NOT NULL and without a default: the rows copied into the table made again "
                                                "have no value for it, so the migration fails unless %1 is empty")
                                     .arg(table.name, name));
            continue;
        }
        if (!column->text("generated").isEmpty()) {
            if (before->text("generated").isEmpty())
                leftBehind->append(QStringLiteral("%1.%2 (computed from now on)").arg(table.name, name));
            continue;  // computed
        }
        names.append(name);
        // As ALTER COLUMN ... TYPE ... USING would: an explicit cast; but to a type of limited
        // length (varchar(5), char(3), bit(8)) the cast is to the type without it, and the
        // assignment into the column then refuses a longer value where the explicit cast cuts it.
        const bool retyped = SchemaAlter::retypes(*before, *column);
        const QString type = column->text("type");
        values.append(retyped ? QStringLiteral("%1::%2").arg(name, SchemaDdl::castType(type)) : name);
        if (retyped)
            casts.append(QStringLiteral("%1 from %2 to %3").arg(name, before->text("type"), type));
        overriding = overriding || column->text("identity") == QLatin1String("a");
        // The counter behind the column (an identity's, or the sequence its default calls) goes
        // on from where the old one was, unless it is the same sequence.
        const QString source = counterSource(*before, movedTable(table.name, number));
        const QString target = counterSource(*column, table.name);
        const bool sameSequence = column->text("identity").isEmpty() && before->text("identity").isEmpty()
            && calledSequence(*before) == calledSequence(*column);
        if (!source.isEmpty() && !target.isEmpty() && !sameSequence)
            counters.append({name, source, target});
    }
    QList<GeneratedStatement> sql;
    if (!names.isEmpty())
        sql.append({QStringLiteral("INSERT INTO %1 (%2)%3 SELECT %4 FROM %5;")
                        .arg(table.name, names.join(QStringLiteral(", ")), overriding ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString(),
                             values.join(QStringLiteral(", ")), movedTable(table.name, number)),
                    key, false,
                    QStringLiteral("the rows of the table moved aside, before its indexes and triggers exist%1")
                        .arg(casts.isEmpty() ? QString() : QStringLiteral("; every value is cast: ") + casts.join(QStringLiteral(", "))),
                    {}});
    // The old sequence's state as it is (last value and whether it was used: a RESTART leaves it
    // unused), read through the sequence's own relation, whose name only the catalog knows.
    for (const Counter &counter : counters)
        sql.append({QStringLiteral("DO $atlas$\nDECLARE\n    old regclass := %1;\n    value bigint;\n    used boolean;\n"
                                   "BEGIN\n    IF old IS NOT NULL THEN\n        EXECUTE format('SELECT last_value, is_called FROM %s', old) INTO value, used;\n"
                                   "        PERFORM setval(%2, value, used);\n    END IF;\nEND\n$atlas$;")
                        .arg(counter.source, counter.target),
                    key, false, QStringLiteral("the counter of %1 goes on where it was").arg(counter.column), {}});
    for (const SchemaObject *column : fromColumns)
        if (!findColumn(toColumns, column->text("column")) && column->text("generated").isEmpty())
            leftBehind->append(table.name + QLatin1Char('.') + column->text("column"));
    return sql;
}

QList<GeneratedStatement> TableReorder::dropMoved(const QList<std::pair<QString, int>> &tables, const QStringList &leftBehind)
{
    QStringList moved;
    QStringList schemas;
    for (const auto &[table, number] : tables) {
        moved.append(movedTable(table, number));
        schemas.append(scratchSchema(number));
    }
    const QString drop = QStringLiteral("DROP TABLE %1;").arg(moved.join(QStringLiteral(", ")));
    QList<GeneratedStatement> sql;
    if (leftBehind.isEmpty())
        sql.append({drop, QString(), false, QStringLiteral("the tables moved aside, together (a policy of one may read another): their rows are in the new ones"),
                    {}, QStringLiteral("ban-drop-table their rows are in the tables made again")});
    else
        sql.append({drop, QString(), true, QStringLiteral("the tables moved aside: the values of %1 are not in the target").arg(leftBehind.join(QStringLiteral(", "))), {}});
    sql.append({QStringLiteral("DROP SCHEMA %1;").arg(schemas.join(QStringLiteral(", "))), QString(), false, QStringLiteral("empty again"), {},
                QStringLiteral("ban-drop-schema the scratch schemas of the tables made again, empty by now")});
    return sql;
}
