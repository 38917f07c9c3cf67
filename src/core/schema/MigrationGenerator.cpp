#include "core/schema/MigrationGenerator.h"

#include "core/schema/AttachedStatements.h"
#include "core/schema/MigrationPhase.h"
#include "core/schema/RenameHint.h"
#include "core/schema/SchemaAlter.h"
#include "core/schema/SchemaDdl.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>

using namespace MigrationPhase;

namespace {

enum class Action { Keep, Create, Drop, Recreate, Alter };

bool handledApart(const QString &kind)
{
    return kind == QLatin1String("grant") || kind == QLatin1String("default privilege") || kind == QLatin1String("comment");
}

class Generator {
public:
    Generator(const SchemaModel &from, const SchemaModel &to)
        : m_from(from)
        , m_to(to)
    {
    }

    GeneratedMigration run()
    {
        decide();
        propagate();
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
    Action action(const QString &key) const { return m_actions.value(key, Action::Keep); }
    bool gone(const QString &key) const
    {
        const Action a = action(key);
        return a == Action::Drop || a == Action::Recreate;
    }
    bool fresh(const QString &key) const
    {
        const Action a = action(key);
        return a == Action::Create || a == Action::Recreate;
    }
    // The key of what holds a column, constraint, index, policy or trigger: a table, a domain, or
    // a materialized view (its indexes).
    QString parentKey(const SchemaObject &object) const
    {
        // A domain and a table cannot share a name (the table's row type has it): the flag is asked
        // only where a domain has it.
        if (object.kind == QLatin1String("constraint")) {
            const QString domain = QStringLiteral("type ") + object.parent;
            if ((m_from.contains(domain) || m_to.contains(domain)) && object.flag("on_domain"))
                return domain;
        }
        const QString view = QStringLiteral("view ") + object.parent;
        return m_from.contains(view) || m_to.contains(view) ? view : QStringLiteral("table ") + object.parent;
    }
    // Dropped with something else: its table, or the column that owns a sequence.
    bool droppedImplicitly(const SchemaObject &object) const
    {
        // A foreign key goes first even with its table: the table it references may go before.
        if (!object.parent.isEmpty() && gone(parentKey(object)) && object.text("type") != QLatin1String("f"))
            return true;
        if (object.kind == QLatin1String("table") && !object.text("partition_of").isEmpty()
            && gone(QStringLiteral("table ") + object.text("partition_of")))
            return true;  // a partitioned table takes its partitions with it
        if (object.kind == QLatin1String("sequence") && !object.text("owned_by").isEmpty()) {
            const QString column = QStringLiteral("column ") + object.text("owned_by");
            const SchemaObject *owner = m_from.find(column);
            return gone(column) || (owner && gone(QStringLiteral("table ") + owner->parent));
        }
        return false;
    }

    bool readsRetypedColumn(const SchemaObject &object) const
    {
        for (const QString &used : object.dependsOn)
            if (action(used) == Action::Alter)
                if (const SchemaObject *before = m_from.find(used), *after = m_to.find(used); before && after && SchemaAlter::retypes(*before, *after))
                    return true;
        return false;
    }

    // Whether the publication's list changes, and is then set whole (SchemaAlter).
    bool setWhole(const SchemaObject &publication) const
    {
        const SchemaObject *before = m_from.find(publication.key());
        return before && (before->list("tables") != publication.list("tables") || before->list("schemas") != publication.list("schemas"));
    }

    void add(Phase phase, const QString &sql, const QString &key, bool dataLoss = false, const QString &note = QString())
    {
        if (!sql.isEmpty())
            m_phases[phase].append(GeneratedStatement{sql, key, dataLoss, note, {}});
    }

    void decide()
    {
        // An inherited column comes and goes with its parent's; asked last, of the few that differ
        // (asking every column would parse the attrs of all).
        const auto inherited = [](const SchemaObject &object) { return object.kind == QLatin1String("column") && object.flag("inherited"); };
        for (const SchemaObject &before : m_from.objects()) {
            if (handledApart(before.kind))
                continue;
            const SchemaObject *after = m_to.find(before.key());
            if ((after && after->definition == before.definition) || inherited(before))
                continue;
            if (!after)
                m_actions.insert(before.key(), Action::Drop);
            else
                m_actions.insert(before.key(), SchemaAlter::needsRecreate(before, *after) ? Action::Recreate : Action::Alter);
        }
        for (const SchemaObject &after : m_to.objects())
            if (!handledApart(after.kind) && !m_from.contains(after.key()) && !inherited(after))
                m_actions.insert(after.key(), Action::Create);
    }

    void recreate(const SchemaObject &object, const QString &because)
    {
        m_actions.insert(object.key(), Action::Recreate);
        m_notes.insert(object.key(), QStringLiteral("dropped and created again: it uses %1, which changes").arg(because));
    }

    // What depends on something dropped, re-created or re-typed goes and comes back with it.
    void propagate()
    {
        bool changed = true;
        while (changed) {
            changed = false;
            // Where nothing goes, no parent is looked up (a key made for each of thousands of
            // columns, each round).
            bool anyGone = std::any_of(m_actions.cbegin(), m_actions.cend(), [](Action a) { return a == Action::Drop || a == Action::Recreate; });
            for (const SchemaObject &object : m_from.objects()) {
                const QString key = object.key();
                if (handledApart(object.kind) || !m_to.contains(key))
                    continue;
                // The children of a table that is created again come back with it.
                if (anyGone && !object.parent.isEmpty() && action(parentKey(object)) == Action::Recreate && !fresh(key)) {
                    m_actions.insert(key, object.kind == QLatin1String("column") ? Action::Create : Action::Recreate);
                    changed = true;
                    continue;
                }
                if (fresh(key))
                    continue;
                for (const QString &used : object.dependsOn) {
                    const SchemaObject *usedObject = m_from.find(used);
                    const bool usedGoes = anyGone && (gone(used) || (usedObject && !usedObject->parent.isEmpty() && gone(parentKey(*usedObject))));
                    const SchemaObject *usedAfter = m_to.find(used);
                    const bool retyped = usedObject && usedAfter && action(used) == Action::Alter && SchemaAlter::retypes(*usedObject, *usedAfter);
                    if (!usedGoes && !retyped)
                        continue;
                    const QString &kind = object.kind;
                    // PostgreSQL refuses to change the type of a column that a view, policy,
                    // trigger, BEGIN ATOMIC function or generated column reads.
                    const bool generated = kind == QLatin1String("column") && !object.text("generated").isEmpty();
                    if (kind == QLatin1String("view") || kind == QLatin1String("policy") || kind == QLatin1String("trigger")
                        || kind == QLatin1String("function") || generated
                        || (usedGoes && (kind == QLatin1String("index") || kind == QLatin1String("constraint")
                                         || kind == QLatin1String("sequence")))) {
                        recreate(object, used);
                        changed = anyGone = true;
                        break;
                    }
                    if (kind == QLatin1String("column") && usedGoes && !m_resetDefaults.contains(key)) {
                        m_resetDefaults.insert(key);
                        changed = true;
                    }
                }
            }
        }
    }

    void emitDrops()
    {
        QStringList views;
        for (const SchemaObject &object : m_from.objects()) {
            const QString key = object.key();
            if (!gone(key) || droppedImplicitly(object))
                continue;
            const bool dropped = action(key) == Action::Drop;
            const QString &kind = object.kind;
            const QString sql = SchemaDdl::drop(object);
            if (kind == QLatin1String("view")) {
                views.append(key);
            } else if (kind == QLatin1String("trigger")) {
                add(DropTriggers, sql, key);
            } else if (kind == QLatin1String("policy")) {
                add(DropPolicies, sql, key);
            } else if (kind == QLatin1String("constraint")) {
                add(object.text("type") == QLatin1String("f") ? DropForeignKeys : DropConstraints, sql, key);
            } else if (kind == QLatin1String("index")) {
                add(DropIndexes, sql, key);
            } else if (kind == QLatin1String("column")) {
                const QString hint = renameHint(m_from, m_to, object);
                add(DropColumns, sql, key, dropped && object.text("generated").isEmpty(),
                    hint.isEmpty() && dropped ? QStringLiteral("drops the column and its values") : hint);
            } else if (kind == QLatin1String("table")) {
                const QString hint = renameHint(m_from, m_to, object);
                add(DropTables, sql, key, true,
                    !dropped         ? QStringLiteral("its partitioning or inheritance changes: dropped and created again, empty")
                    : hint.isEmpty() ? QStringLiteral("drops the table and its rows")
                                     : hint);
            } else if (kind == QLatin1String("sequence")) {
                add(DropSequences, sql, key, false, QStringLiteral("its current value is lost"));
            } else if (kind == QLatin1String("function")) {
                // Before the tables it reads (a BEGIN ATOMIC body, a table's row type), else after.
                bool early = false;
                for (const QString &used : object.dependsOn) {
                    const SchemaObject *usedObject = m_from.find(used);
                    early = early || (usedObject && usedObject->kind != QLatin1String("function") && usedObject->kind != QLatin1String("type")
                                      && (gone(used) || (!usedObject->parent.isEmpty() && gone(parentKey(*usedObject)))));
                }
                if (early)
                    views.append(key);  // dropped with the views, in the order of what uses what
                else
                    add(DropFunctions, sql, key);
            } else if (kind == QLatin1String("publication")) {
                add(DropPublications, sql, key);
            } else if (kind == QLatin1String("type")) {
                add(DropTypes, sql, key);
            } else if (kind == QLatin1String("extension")) {
                add(DropExtensions, sql, key);
            } else if (kind == QLatin1String("schema")) {
                add(DropSchemas, sql, key);
            }
        }
        const QStringList ordered = m_from.dependencyOrder(views);
        for (auto it = ordered.crbegin(); it != ordered.crend(); ++it)
            add(DropViews, SchemaDdl::drop(*m_from.find(*it)), *it, false, m_notes.value(*it));
        // Defaults that change go early, so that the functions they call may change in between.
        for (const SchemaObject &before : m_from.objects()) {
            const QString key = before.key();
            // Of the columns that change: the attrs of the rest are not parsed.
            if (before.kind != QLatin1String("column") || (action(key) != Action::Alter && !m_resetDefaults.contains(key))
                || before.text("default").isEmpty() || gone(key) || droppedImplicitly(before) || !m_to.contains(key))
                continue;
            const SchemaObject *after = m_to.find(key);
            if ((action(key) == Action::Alter && SchemaAlter::defaultChanges(before, *after)) || m_resetDefaults.contains(key))
                add(DropDefaults, QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(before.parent, before.text("column")), before.key());
        }
        for (const SchemaObject &before : m_from.objects())
            if (before.kind == QLatin1String("publication") && action(before.key()) == Action::Alter)
                for (const QString &table : SchemaAlter::publicationTablesRemoved(before, *m_to.find(before.key())))
                    if (!gone(QStringLiteral("table ") + table))  // a dropped table leaves its publications itself
                        add(DropPublicationTables, QStringLiteral("ALTER PUBLICATION %1 DROP TABLE %2;").arg(before.name, table), before.key());
    }

    void emitCreate(const SchemaObject &object)
    {
        const QString key = object.key();
        const QString &kind = object.kind;
        const QString note = m_notes.value(key);
        if (kind == QLatin1String("column")) {
            // Else inline in CREATE TABLE. A generated column waits for the columns it reads that
            // change type (it could not be added before), else keeps its place in the order.
            if (!fresh(QStringLiteral("table ") + object.parent))
                add(object.text("generated").isEmpty() || !readsRetypedColumn(object) ? Columns : GeneratedColumns,
                    SchemaDdl::create(object), key, false, note.isEmpty() ? renameHint(m_from, m_to, object) : note);
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
        add(phase, sql, key, false, kind == QLatin1String("table") ? renameHint(m_from, m_to, object) : note);
        for (const QString &extra : SchemaDdl::afterCreate(object))
            add(kind == QLatin1String("trigger") ? Triggers : Tables, extra, key);
        if (kind == QLatin1String("sequence") && !object.text("owned_by").isEmpty())
            add(SequenceOwners, QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(object.name, object.text("owned_by")), key);
    }

    void emitCreates()
    {
        QStringList views;
        QStringList tables;
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
                else
                    emitCreate(object);
                continue;
            }
            const SchemaObject *before = m_from.find(key);
            if (!before || handledApart(object.kind))
                continue;
            if (action(key) == Action::Alter)
                emitAlter(*before, object);
            if (m_resetDefaults.contains(key) && action(key) != Action::Alter && !object.text("default").isEmpty())
                add(SetDefaults, SchemaDdl::setDefault(object), key);
        }
        for (const QString &key : m_to.dependencyOrder(tables))
            emitCreate(*m_to.find(key));
        for (const QString &key : m_to.dependencyOrder(views))
            add(Views, SchemaDdl::create(*m_to.find(key)), key, false, m_notes.value(key));
        // A table dropped and created again has left its publications: it goes back in (unless
        // the publication's list is set whole anyway).
        for (const SchemaObject &publication : m_to.objects())
            if (publication.kind == QLatin1String("publication") && !fresh(publication.key()) && !setWhole(publication))
                for (const QString &entry : publication.list("tables"))
                    if (fresh(QStringLiteral("table ") + SchemaDdl::publishedTable(entry)))
                        add(Publications, QStringLiteral("ALTER PUBLICATION %1 ADD TABLE %2;").arg(publication.name, entry), publication.key());
        if (m_sqlFunctions)
            add(Settings, QStringLiteral("SET LOCAL check_function_bodies = off;"), QString(), false,
                QStringLiteral("SQL functions are created before the tables they read (as pg_dump does)"));
    }

    void emitAlter(const SchemaObject &before, const SchemaObject &after)
    {
        const QString key = after.key();
        const QString &kind = after.kind;
        const QStringList statements = SchemaAlter::alter(before, after, &m_warnings);
        const Phase phase = kind == QLatin1String("column") ? Columns : kind == QLatin1String("table") ? Tables
            : kind == QLatin1String("type") ? Types : kind == QLatin1String("sequence") ? Sequences
            : kind == QLatin1String("extension") ? Extensions : kind == QLatin1String("publication") ? Publications
            : usesRelation(after) ? FunctionsLate : Functions;
        for (const QString &sql : statements)
            add(phase, sql, key, false,
                SchemaAlter::retypes(before, after) && sql.contains(QLatin1String(" TYPE "))
                    ? QStringLiteral("the type changes from %1 to %2: every value is cast, and the table is rewritten under an ACCESS EXCLUSIVE lock")
                          .arg(before.text("type"), after.text("type"))
                    : QString());
        if (kind == QLatin1String("column") && (SchemaAlter::defaultChanges(before, after) || m_resetDefaults.contains(key))
            && !after.text("default").isEmpty())
            add(SetDefaults, SchemaDdl::setDefault(after), key);
        if (kind == QLatin1String("sequence") && before.text("owned_by") != after.text("owned_by"))
            add(SequenceOwners, QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(after.name, after.text("owned_by").isEmpty() ? QStringLiteral("NONE") : after.text("owned_by")), key);
    }

    // Owners, comments and privileges, once everything exists.
    void emitAttached()
    {
        QSet<QString> freshKeys;
        for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
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
            add(DefaultPrivileges, sql, QString());
    }

    const SchemaModel &m_from;
    const SchemaModel &m_to;
    QHash<QString, Action> m_actions;
    QHash<QString, QString> m_notes;
    QSet<QString> m_resetDefaults;
    QStringList m_warnings;
    bool m_sqlFunctions = false;
    std::array<QList<GeneratedStatement>, PhaseCount> m_phases;
};

}  // namespace

GeneratedMigration generateMigration(const SchemaModel &from, const SchemaModel &to)
{
    return Generator(from, to).run();
}
