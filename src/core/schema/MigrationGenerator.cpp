#include "core/schema/MigrationGenerator.h"

#include "core/schema/AttachedStatements.h"
#include "core/schema/MigrationPhase.h"
#include "core/schema/MigrationPlan.h"
#include "core/schema/RenameHint.h"
#include "core/schema/SchemaAlter.h"
#include "core/schema/SchemaDdl.h"
#include "core/schema/TableReorder.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <functional>

using namespace MigrationPhase;

namespace {

class Generator : private MigrationPlan {
public:
    Generator(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &reorder)
        : MigrationPlan(from, to, reorder)
    {
    }

    GeneratedMigration run()
    {
        emitDrops();
        emitCreates();
        emitAttached();
        GeneratedMigration migration;
        for (const QList<GeneratedStatement> &phase : m_phases)
            migration.statements += phase;
        migration.warnings = m_warnings;
        migration.warnOfNewEnumValuesUsed();
        return migration;
    }

private:
    void add(Phase phase, const QString &sql, const QString &key, bool dataLoss = false, const QString &note = QString(),
             const QString &ignore = QString())
    {
        if (!sql.isEmpty())
            m_phases[phase].append(GeneratedStatement{sql, key, dataLoss, note, {}, ignore});
    }

    // Types and collations TO makes again (a collation's locale, a domain's collation, a composite
    // type's attributes reordered) while columns use them: PostgreSQL refuses the drop. Said, and
    // left as they are, with what they use (a collation that otherwise goes).
    void holdBack()
    {
        for (const SchemaObject &object : m_from.objects()) {
            if ((object.kind != QLatin1String("type") && object.kind != QLatin1String("collation")) || action(object.key()) != Action::Recreate)
                continue;
            const QStringList users = columnsUsing(object);
            if (users.isEmpty())
                continue;
            m_warnings.append(QStringLiteral("%1 %2 changes in a way that needs it dropped and created again, which PostgreSQL refuses "
                                             "while columns use it (%3); not generated: move the columns off it by hand")
                                  .arg(object.kind, object.name, users.join(QStringLiteral(", "))));
            m_heldBack.insert(object.key());
            for (const QString &used : object.dependsOn)
                if (used.startsWith(QLatin1String("collation ")) && gone(used))
                    m_heldBack.insert(used);
        }
    }

    void emitDrops()
    {
        holdBack();
        QStringList views;
        QStringList functions;  // dropped after the tables: one may call another (BEGIN ATOMIC, a default argument)
        QStringList types;  // and collations: dropped to be made again, or for good once the columns left them
        QStringList typesAfterColumns;
        for (const SchemaObject &object : m_from.objects()) {
            const QString key = object.key();
            if (!gone(key) || droppedImplicitly(object))
                continue;
            const bool dropped = action(key) == Action::Drop;
            const QString &kind = object.kind;
            const QString sql = SchemaDdl::drop(object);
            if (kind == QLatin1String("view")) {
                views.append(key);
            } else if (kind == QLatin1String("trigger") || kind == QLatin1String("rule") || kind == QLatin1String("event trigger")) {
                add(DropTriggers, sql, key);
            } else if (kind == QLatin1String("statistics")) {
                add(DropIndexes, sql, key);
            } else if (kind == QLatin1String("policy")) {
                add(DropPolicies, sql, key);
            } else if (kind == QLatin1String("constraint")) {
                add(object.text("type") == QLatin1String("f") ? DropForeignKeys : DropConstraints, sql, key);
            } else if (kind == QLatin1String("index")) {
                add(DropIndexes, sql, key);
            } else if (kind == QLatin1String("column")) {
                const QString hint = renameHint(m_from, m_to, object);
                const bool generated = !object.text("generated").isEmpty();
                add(DropColumns, sql, key, dropped && !generated, hint.isEmpty() && dropped ? QStringLiteral("drops the column and its values") : hint);
                if (generated)  // before the columns it reads, which may go too (a rename)
                    m_phases[DropColumns].prepend(m_phases[DropColumns].takeLast());
            } else if (kind == QLatin1String("table") && scratchNumber(object.name) > 0) {
                m_phases[DropTables] += TableReorder::moveAside(object, scratchNumber(object.name), keptSequences(object.name));
            } else if (kind == QLatin1String("table")) {
                const QString hint = renameHint(m_from, m_to, object);
                add(DropTables, sql, key, true,
                    !dropped         ? QStringLiteral("its partitioning or inheritance changes: dropped and created again, empty")
                    : hint.isEmpty() ? QStringLiteral("drops the table and its rows")
                                     : hint);
            } else if (kind == QLatin1String("sequence")) {
                add(DropSequences, sql, key, false, QStringLiteral("its current value is lost"));
            } else if (kind == QLatin1String("function")) {
                // Before the tables and sequences it reads that go (a BEGIN ATOMIC body, a table's
                // row type), else after them: a default, check or policy calling it goes with its
                // table first (its schema going too is no reason to go early).
                bool early = false;
                for (const QString &used : object.dependsOn) {
                    const SchemaObject *usedObject = m_from.find(used);
                    const bool read = usedObject
                        && (usedObject->kind == QLatin1String("table") || usedObject->kind == QLatin1String("view")
                            || usedObject->kind == QLatin1String("column") || usedObject->kind == QLatin1String("sequence"));
                    early = early || (read && (gone(used) || (!usedObject->parent.isEmpty() && gone(parentKey(*usedObject)))));
                }
                (early ? views : functions).append(key);  // each in the order of what uses what
            } else if (kind == QLatin1String("publication")) {
                add(DropPublications, sql, key);
            } else if (kind == QLatin1String("type") || kind == QLatin1String("collation")) {
                if (!m_heldBack.contains(key))
                    (dropped ? typesAfterColumns : types).append(key);
            } else if (kind == QLatin1String("extension")) {
                add(dropped ? DropExtensionsAfterColumns : DropExtensions, sql, key);
            } else if (kind == QLatin1String("schema")) {
                add(dropped ? DropSchemasAfterColumns : DropSchemas, sql, key);
            }
        }
        const QStringList ordered = m_from.dependencyOrder(views);
        for (auto it = ordered.crbegin(); it != ordered.crend(); ++it)
            add(DropViews, SchemaDdl::drop(*m_from.find(*it)), *it, false, note(*it));
        const QStringList functionOrder = m_from.dependencyOrder(functions);
        for (auto it = functionOrder.crbegin(); it != functionOrder.crend(); ++it)
            add(DropFunctions, SchemaDdl::drop(*m_from.find(*it)), *it, false, note(*it));
        // A domain before the enum it is over, a composite type before the one it holds.
        for (const auto &[phase, keys] : {std::pair{DropTypes, &types}, std::pair{DropTypesAfterColumns, &typesAfterColumns}}) {
            const QStringList inOrder = m_from.dependencyOrder(*keys);
            for (auto it = inOrder.crbegin(); it != inOrder.crend(); ++it)
                add(phase, SchemaDdl::drop(*m_from.find(*it)), *it);
        }
        // Defaults that change go early, so that the functions they call may change in between.
        for (const SchemaObject &before : m_from.objects()) {
            const QString key = before.key();
            // Of the columns that change: the attrs of the rest are not parsed.
            if (before.kind != QLatin1String("column") || (action(key) != Action::Alter && !resetsDefault(key))
                || before.text("default").isEmpty() || gone(key) || droppedImplicitly(before) || !m_to.contains(key))
                continue;
            const SchemaObject *after = m_to.find(key);
            if ((action(key) == Action::Alter && SchemaAlter::defaultChanges(before, *after)) || resetsDefault(key))
                add(DropDefaults, QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(before.parent, before.text("column")), before.key());
        }
        for (const SchemaObject &before : m_from.objects()) {
            if (before.kind != QLatin1String("publication") || action(before.key()) != Action::Alter)
                continue;
            const SchemaObject &after = *m_to.find(before.key());
            QStringList republished;  // the tables whose entry changes: dropped here, added again late
            for (const QString &entry : after.list("tables"))
                republished.append(SchemaDdl::publishedTable(entry));
            for (const QString &table : SchemaAlter::publicationTablesRemoved(before, after))
                if (!gone(QStringLiteral("table ") + table))  // a dropped table leaves its publications itself
                    add(DropPublicationTables, QStringLiteral("ALTER PUBLICATION %1 DROP TABLE %2;").arg(before.name, table), before.key(),
                        false,
                        republished.contains(table)
                            ? QStringLiteral("its column list or row filter changes: added again below; what is written to it in "
                                             "between, outside this migration's transaction, is not published")
                            : QString());
            for (const QString &schema : SchemaAlter::publicationSchemasRemoved(before, after))
                add(DropPublicationTables, QStringLiteral("ALTER PUBLICATION %1 DROP TABLES IN SCHEMA %2;").arg(before.name, schema), before.key());
        }
    }

    void emitCreate(const SchemaObject &object)
    {
        const QString key = object.key();
        if (m_heldBack.contains(key))
            return;
        const QString &kind = object.kind;
        const QString note = MigrationPlan::note(key);
        if (kind == QLatin1String("column")) {
            // Else inline in CREATE TABLE. A generated column waits for the columns it reads that
            // change type (it could not be added before), else keeps its place in the order.
            if (!fresh(QStringLiteral("table ") + object.parent)) {
                const Phase phase = object.text("generated").isEmpty() || !readsRetypedColumn(object) ? Columns : GeneratedColumns;
                add(phase, SchemaDdl::create(object), key, false, note.isEmpty() ? renameHint(m_from, m_to, object) : note);
                add(phase, SchemaDdl::setSettings(object), key);
            }
            return;
        }
        QList<const SchemaObject *> columns;
        if (kind == QLatin1String("table")) {
            columns = m_to.columns(object.name);
        }
        const QString sql = SchemaDdl::create(object, columns);
        if (sql.isEmpty()) {
            m_warnings.append(QStringLiteral("%1 %2 is not generated: %3").arg(kind, object.name,
                kind == QLatin1String("table") ? QStringLiteral("a foreign table needs its server and options, which are not compared")
                                               : QStringLiteral("create it by hand")));
            return;
        }
        const Phase phase = createPhase(object, m_to.contains(QStringLiteral("view ") + object.parent));
        const bool moved = kind == QLatin1String("table") && scratchNumber(object.name) > 0;
        // The rule is about the check of every column already of the domain: a new one has none.
        const QString ignore = phase == DomainConstraints && fresh(QStringLiteral("type ") + object.parent)
            ? QStringLiteral("ban-alter-domain-with-add-constraint the domain is new in this migration: no column has it yet")
            : QString();
        add(phase, sql, key, false, moved ? QStringLiteral("in the target's column order") : kind == QLatin1String("table") ? renameHint(m_from, m_to, object) : note,
            ignore);
        if (moved)
            refill(object, columns);
        for (const SchemaObject *column : columns)
            add(phase, SchemaDdl::setSettings(*column), column->key());
        for (const QString &extra : SchemaDdl::afterCreate(object))
            add(phase, extra, key);  // right after it: RLS, a trigger's or rule's state, a statistics target
        if (kind == QLatin1String("sequence") && !object.text("owned_by").isEmpty())
            add(SequenceOwners, SchemaDdl::sequenceOwner(object.name, object.text("owned_by")), key);
    }

    // A table made again for its column order gets the rows of the one moved aside.
    void refill(const SchemaObject &table, const QList<const SchemaObject *> &columns)
    {
        m_phases[Tables] += TableReorder::refill(table, scratchNumber(table.name), m_from.columns(table.name), columns, &m_warnings, &m_leftBehind);
        m_refilled.append({table.name, scratchNumber(table.name)});
        for (const SchemaObject *sequence : keptSequences(table.name))
            if (const QString owner = m_to.find(sequence->key())->text("owned_by"); !owner.isEmpty())
                add(SequenceOwners, SchemaDdl::sequenceOwner(sequence->name, owner), sequence->key());
    }

    void emitCreates()
    {
        QStringList views;
        QStringList tables;
        QStringList types;  // and collations: an enum before the domain over it
        QStringList functions;  // that read no relation: one may call another (BEGIN ATOMIC, a default argument)
        QList<const SchemaObject *> columns;  // added to tables that stay
        for (const SchemaObject &object : m_to.objects()) {
            const QString key = object.key();
            if (object.kind == QLatin1String("function") && action(key) == Action::Alter
                && object.text("language") == QLatin1String("sql"))
                m_sqlFunctions = true;
            if (fresh(key)) {
                if (object.kind == QLatin1String("function") && object.text("language") == QLatin1String("sql"))
                    m_sqlFunctions = true;
                // Views and the functions that read relations come together, in the order of what
                // uses what (a view over a function returning SETOF a table); tables likewise (a
                // partition after its parent).
                if (object.kind == QLatin1String("view") || (object.kind == QLatin1String("function") && usesRelation(object)))
                    views.append(key);
                else if (object.kind == QLatin1String("table"))
                    tables.append(key);
                else if (object.kind == QLatin1String("type") || object.kind == QLatin1String("collation"))
                    types.append(key);
                else if (object.kind == QLatin1String("function"))
                    functions.append(key);
                else if (object.kind == QLatin1String("column"))
                    columns.append(&object);
                else
                    emitCreate(object);
                continue;
            }
            const SchemaObject *before = m_from.find(key);
            if (!before || handledApart(object.kind))
                continue;
            if (action(key) == Action::Alter)
                emitAlter(*before, object);
            if (resetsDefault(key) && action(key) != Action::Alter && !object.text("default").isEmpty())
                add(SetDefaults, SchemaDdl::setDefault(object), key);
        }
        for (const QStringList *kind : {&types, &functions})
            for (const QString &key : m_to.dependencyOrder(*kind))
                emitCreate(*m_to.find(key));
        // Added in the target's order: ADD COLUMN puts a column last, so that is where it stays.
        std::sort(columns.begin(), columns.end(), [](const SchemaObject *a, const SchemaObject *b) {
            return a->parent != b->parent ? a->parent < b->parent : a->position < b->position;
        });
        for (const SchemaObject *column : std::as_const(columns))
            emitCreate(*column);
        for (const QString &key : tablesInOrder(tables))
            emitCreate(*m_to.find(key));
        if (!m_refilled.isEmpty())
            m_phases[Tables] += TableReorder::dropMoved(m_refilled, m_leftBehind);
        for (const QString &key : m_to.dependencyOrder(views))
            add(Views, SchemaDdl::create(*m_to.find(key)), key, false, note(key));
        // A table dropped and created again has left its publications: it goes back in (an entry
        // FROM did not have is added by the publication's ALTER).
        for (const SchemaObject &publication : m_to.objects()) {
            const SchemaObject *before = m_from.find(publication.key());
            if (publication.kind != QLatin1String("publication") || fresh(publication.key()) || !before)
                continue;
            const QStringList had = before->list("tables");
            for (const QString &entry : publication.list("tables"))
                if (had.contains(entry) && fresh(QStringLiteral("table ") + SchemaDdl::publishedTable(entry)))
                    add(Publications, QStringLiteral("ALTER PUBLICATION %1 ADD TABLE %2;").arg(publication.name, entry), publication.key());
        }
        // For the session, as pg_dump sets it, and reset at the end: SET LOCAL needs a transaction
        // block, which psql -f and the Supabase CLI's pipeline do not open.
        if (m_sqlFunctions) {
            add(Settings, QStringLiteral("SET check_function_bodies = off;"), QString(), false,
                QStringLiteral("SQL functions are created before the tables they read (as pg_dump does)"),
                QStringLiteral("prefer-set-local reset at the end of this migration"));
            add(ResetSettings, QStringLiteral("RESET check_function_bodies;"), QString());
        }
    }

    void emitAlter(const SchemaObject &before, const SchemaObject &after)
    {
        const QString key = after.key();
        const QString &kind = after.kind;
        const bool composite = kind == QLatin1String("type") && after.text("typtype") == QLatin1String("c");
        const QStringList statements = composite ? SchemaAlter::alterComposite(before, after, columnsUsing(before), &m_warnings)
                                                 : SchemaAlter::alter(before, after, &m_warnings);
        const Phase phase = kind == QLatin1String("column") ? Columns : kind == QLatin1String("table") ? Tables
            : kind == QLatin1String("type") ? Types : kind == QLatin1String("sequence") ? Sequences
            : kind == QLatin1String("extension") ? Extensions : kind == QLatin1String("publication") ? Publications
            : usesRelation(after) ? FunctionsLate : Functions;
        for (const QString &sql : statements) {
            const bool dropsAttribute = composite && sql.contains(QLatin1String("DROP ATTRIBUTE "));
            add(phase, sql, key, dropsAttribute,
                dropsAttribute ? QStringLiteral("the dropped attributes' values are lost in every column of the type")
                : SchemaAlter::retypes(before, after) && sql.contains(QLatin1String(" TYPE ")) ? SchemaAlter::retypeNote(before, after)
                                                                                                 : QString());
        }
        if (kind == QLatin1String("column") && (SchemaAlter::defaultChanges(before, after) || resetsDefault(key))
            && !after.text("default").isEmpty())
            add(SetDefaults, SchemaDdl::setDefault(after), key);
        if (kind == QLatin1String("sequence") && before.text("owned_by") != after.text("owned_by"))
            add(SequenceOwners, SchemaDdl::sequenceOwner(after.name, after.text("owned_by")), key);
    }

    // Owners, comments and privileges, once everything exists.
    void emitAttached()
    {
        QSet<QString> freshKeys;
        for (auto it = actions().cbegin(); it != actions().cend(); ++it)
            if (it.value() == Action::Create || it.value() == Action::Recreate)
                freshKeys.insert(it.key());
        const AttachedStatements attached = attachedStatements(m_from, m_to, freshKeys);
        for (const auto &[sql, key] : attached.owners)
            add(Owners, sql, key);
        for (const auto &[sql, key] : attached.comments)
            add(Comments, sql, key);
        for (const QString &sql : attached.privileges.grants)
            add(Privileges, sql, QString());
        for (const QString &sql : attached.privileges.defaultPrivileges)
            if (!inDroppedSchema(sql))
                add(DefaultPrivileges, sql, QString());
    }

    QList<std::pair<QString, int>> m_refilled;  // the tables made again for their column order, filled, with their numbers
    QStringList m_leftBehind;  // the values they do not take (public.t.old)
    QStringList m_warnings;
    QSet<QString> m_heldBack;  // made again in TO, left as they are: columns use them
    bool m_sqlFunctions = false;
    std::array<QList<GeneratedStatement>, PhaseCount> m_phases;
};

}  // namespace

GeneratedMigration generateMigration(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &reorder)
{
    return Generator(from, to, reorder).run();
}
