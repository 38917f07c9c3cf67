#include "core/schema/PrivilegePlanner.h"

#include "core/schema/SchemaComparison.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace {

// Privileges of one grantee: "SELECT" plain, "SELECT*" with grant option.
using Privileges = QSet<QString>;
using Acl = QMap<QString, Privileges>;  // by grantee, ordered for stable output

QString bare(const QString &privilege)
{
    return privilege.endsWith(QLatin1Char('*')) ? privilege.chopped(1) : privilege;
}

// The model's key of the object a grant is on, in `model`.
QString targetKey(const SchemaModel &model, const SchemaObject &grant)
{
    const QString on = grant.text("on_kind");
    const QString object = grant.text("object");
    if (on == QLatin1String("column"))
        return QStringLiteral("column %1.%2").arg(object, grant.text("column"));
    if (on == QLatin1String("procedure"))
        return QStringLiteral("function ") + object;
    if (on == QLatin1String("table") && model.contains(QStringLiteral("view ") + object))
        return QStringLiteral("view ") + object;
    return on + QLatin1Char(' ') + object;
}

// "ON TABLE public.t", and for a column grant the "(col)" that follows each privilege.
QString grantTarget(const SchemaObject &grant)
{
    const QString on = grant.text("on_kind");
    if (on == QLatin1String("column"))
        return QStringLiteral("TABLE ") + grant.text("object");
    return on.toUpper() + QLatin1Char(' ') + grant.text("object");
}

QString defaultPrivilegeClass(const QString &kind)
{
    if (kind == QLatin1String("table") || kind == QLatin1String("view"))
        return QStringLiteral("tables");
    if (kind == QLatin1String("sequence") || kind == QLatin1String("function") || kind == QLatin1String("type")
        || kind == QLatin1String("schema"))
        return kind + QLatin1Char('s');
    return QString();
}

void merge(Acl &acl, const QString &grantee, const QStringList &privileges)
{
    for (const QString &privilege : privileges)
        acl[grantee].insert(privilege);
}

void renameGrantee(Acl &acl, const QString &from, const QString &to)
{
    if (from == to || !acl.contains(from))
        return;
    const Privileges moved = acl.take(from);
    acl[to].unite(moved);
}

// What a new object `object` of TO has right after CREATE, run by FROM's current user.
Acl startingAcl(const SchemaModel &from, const SchemaObject &object)
{
    Acl acl;
    const QString on = defaultPrivilegeClass(object.kind);
    if (on.isEmpty())
        return acl;  // a column starts with no privileges of its own
    const QString creator = from.currentUser;
    bool global = false;
    for (const SchemaObject &rule : from.objects()) {
        if (rule.kind != QLatin1String("default privilege") || rule.text("role") != creator || rule.text("on") != on)
            continue;
        if (rule.text("in_schema").isEmpty()) {
            global = true;
            merge(acl, rule.text("grantee"), rule.list("privileges"));
        } else if (rule.text("schema") == object.schema && object.kind != QLatin1String("schema")) {
            merge(acl, rule.text("grantee"), rule.list("privileges"));
        }
    }
    if (!global) {
        const QHash<QString, QStringList> builtin = builtinPrivileges(on, creator);
        for (auto it = builtin.cbegin(); it != builtin.cend(); ++it)
            merge(acl, it.key(), it.value());
    }
    const QString owner = object.text("owner");
    if (!owner.isEmpty())
        renameGrantee(acl, creator, owner);  // ALTER ... OWNER TO moves the creator's rights
    return acl;
}

// GRANT and REVOKE for one grantee, from `had` to `wants`. `spell` writes the privilege list.
QStringList changeStatements(const QString &target, const QString &grantee, const Privileges &had, const Privileges &wants,
                             const std::function<QString(QStringList)> &spell, const QString &head = QString())
{
    QStringList grant, grantWithOption, revoke, revokeOption;
    QSet<QString> names;
    for (const QString &p : had)
        names.insert(bare(p));
    for (const QString &p : wants)
        names.insert(bare(p));
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    for (const QString &name : sorted) {
        const int before = had.contains(name + QLatin1Char('*')) ? 2 : had.contains(name) ? 1 : 0;
        const int after = wants.contains(name + QLatin1Char('*')) ? 2 : wants.contains(name) ? 1 : 0;
        if (after == before)
            continue;
        if (after == 0)
            revoke.append(name);
        else if (after == 1 && before == 2)
            revokeOption.append(name);
        else if (after == 2)
            grantWithOption.append(name);
        else
            grant.append(name);
    }
    QStringList sql;
    if (!revoke.isEmpty())
        sql.append(QStringLiteral("%1REVOKE %2 ON %3 FROM %4;").arg(head, spell(revoke), target, grantee));
    if (!revokeOption.isEmpty())
        sql.append(QStringLiteral("%1REVOKE GRANT OPTION FOR %2 ON %3 FROM %4;").arg(head, spell(revokeOption), target, grantee));
    if (!grant.isEmpty())
        sql.append(QStringLiteral("%1GRANT %2 ON %3 TO %4;").arg(head, spell(grant), target, grantee));
    if (!grantWithOption.isEmpty())
        sql.append(QStringLiteral("%1GRANT %2 ON %3 TO %4 WITH GRANT OPTION;").arg(head, spell(grantWithOption), target, grantee));
    return sql;
}

struct GrantTarget {
    QString spelled;  // "TABLE public.t", as GRANT ... ON takes it
    QString column;   // for a column's privileges: its name
    Acl from;
    Acl to;
};

QString spelledTarget(const SchemaObject &object)
{
    if (object.kind == QLatin1String("view"))
        return QStringLiteral("TABLE ") + object.name;
    if (object.kind == QLatin1String("function") && object.text("kind") == QLatin1String("p"))
        return QStringLiteral("PROCEDURE ") + object.name;
    return object.kind.toUpper() + QLatin1Char(' ') + object.name;
}

}  // namespace

PrivilegePlan planPrivileges(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &fresh)
{
    PrivilegePlan plan;
    // A grant equal on both sides needs nothing, unless its object starts anew or changes owner:
    // deciding that first leaves the few that differ (on a thousand tables, most of the work).
    QSet<QString> anew;
    for (const QString &key : fresh)
        anew.insert(key.section(QLatin1Char(' '), 1));
    // By kind and definition first: asking every object for an owner would parse the attrs of all.
    for (const SchemaObject &object : to.objects()) {
        if (object.hasOwner())
            if (const SchemaObject *before = from.find(object.key());
                before && before->definition != object.definition  // which names the owner
                && before->text("owner") != object.text("owner"))
                anew.insert(object.name);
    }
    // From a grant's name ("column public.t.c to anon"), whether its object or column may be in
    // `anew`: a part of the name after the kind, ending before a '.' or " to ", is. Only those
    // grants are asked for their attrs (parsing all was a tenth of comparing 1,000 tables).
    const auto mayStartAnew = [&anew](const SchemaObject &grant) {
        const QStringView rest = QStringView(grant.name).mid(grant.name.indexOf(QLatin1Char(' ')) + 1);
        for (qsizetype i = 0; i < rest.size(); ++i)
            if ((rest.at(i) == QLatin1Char('.') || rest.mid(i).startsWith(QLatin1String(" to "))) && anew.contains(rest.left(i).toString()))
                return true;
        return false;
    };
    const auto unchanged = [&anew, &mayStartAnew](const SchemaObject &grant, const SchemaModel &other) {
        const SchemaObject *same = other.find(grant.key());
        return same && same->definition == grant.definition
            && (!mayStartAnew(grant)
                || (!anew.contains(grant.text("object")) && !anew.contains(grant.text("object") + QLatin1Char('.') + grant.text("column"))));
    };
    QHash<QString, GrantTarget> targets;  // by the target's key in TO
    for (const SchemaObject &grant : to.objects())
        if (grant.kind == QLatin1String("grant") && !unchanged(grant, from)) {
            GrantTarget &target = targets[targetKey(to, grant)];
            target.spelled = grantTarget(grant);
            target.column = grant.text("column");
            merge(target.to, grant.text("grantee"), grant.list("privileges"));
        }
    for (const SchemaObject &grant : from.objects()) {
        if (grant.kind != QLatin1String("grant") || unchanged(grant, to))
            continue;
        const QString key = targetKey(to, grant);
        if (!to.contains(key) || fresh.contains(key))
            continue;  // dropped with its object, or starts anew
        GrantTarget &target = targets[key];
        target.spelled = grantTarget(grant);
        target.column = grant.text("column");
        merge(target.from, grant.text("grantee"), grant.list("privileges"));
    }
    // A new object whose privileges are all revoked in TO has no grant there, but may have some
    // from the default privileges once created.
    for (const QString &key : fresh) {
        const SchemaObject *object = to.find(key);
        if (object && !defaultPrivilegeClass(object->kind).isEmpty() && !targets.contains(key))
            targets[key].spelled = spelledTarget(*object);
    }
    // Tables first: a table's REVOKE takes the same privilege of its columns with it, so what
    // it revokes (by "table\ngrantee") is taken from the columns' starting point, and a column
    // grant equal on both sides is given again.
    QHash<QString, QSet<QString>> revokedOnTables;
    QStringList keys = targets.keys();
    std::sort(keys.begin(), keys.end());  // the statements in the order of the objects
    const auto plan1 = [&](const QString &key, GrantTarget &target) {
        const SchemaObject *object = to.find(key);
        if (!object)
            return;
        if (fresh.contains(key)) {
            target.from = startingAcl(from, *object);
        } else if (const SchemaObject *before = from.find(key)) {
            renameGrantee(target.from, before->text("owner"), object->text("owner"));
        }
        const bool column = !target.column.isEmpty();
        if (column) {
            const QString table = key.section(QLatin1Char(' '), 1).chopped(target.column.size() + 1);
            for (auto g = target.from.begin(); g != target.from.end(); ++g)
                for (const QString &revoked : revokedOnTables.value(table + QLatin1Char('\n') + g.key())) {
                    g.value().remove(revoked);
                    g.value().remove(revoked + QLatin1Char('*'));
                }
        }
        if (target.from == target.to)
            return;  // the common case, decided without spelling anything
        const QString columnName = target.column;
        const auto spell = [column, columnName](const QStringList &privileges) {
            if (!column)
                return privileges.join(QStringLiteral(", "));
            QStringList spelled;
            for (const QString &privilege : privileges)
                spelled.append(QStringLiteral("%1 (%2)").arg(privilege, columnName));
            return spelled.join(QStringLiteral(", "));
        };
        QSet<QString> grantees;
        for (auto g = target.from.cbegin(); g != target.from.cend(); ++g)
            grantees.insert(g.key());
        for (auto g = target.to.cbegin(); g != target.to.cend(); ++g)
            grantees.insert(g.key());
        QStringList ordered(grantees.cbegin(), grantees.cend());
        ordered.sort();
        for (const QString &grantee : ordered) {
            plan.grants += changeStatements(target.spelled, grantee, target.from.value(grantee), target.to.value(grantee), spell);
            if (column || !target.spelled.startsWith(QLatin1String("TABLE ")))
                continue;
            for (const QString &privilege : target.from.value(grantee))
                if (!target.to.value(grantee).contains(privilege) && !target.to.value(grantee).contains(bare(privilege) + QLatin1Char('*')))
                    revokedOnTables[target.spelled.mid(6) + QLatin1Char('\n') + grantee].insert(bare(privilege));
        }
    };
    for (const QString &key : keys)
        if (!key.startsWith(QLatin1String("column ")))
            plan1(key, targets[key]);
    // The column grants equal on both sides that a table's REVOKE has taken away.
    // Where no table's privilege is revoked (the common case) the grants are not asked for their attrs.
    for (const SchemaObject &grant : revokedOnTables.isEmpty() ? QList<SchemaObject>() : to.objects()) {
        if (grant.kind != QLatin1String("grant") || grant.text("on_kind") != QLatin1String("column"))
            continue;
        const QString key = targetKey(to, grant);
        if (targets.contains(key) || !revokedOnTables.contains(grant.text("object") + QLatin1Char('\n') + grant.text("grantee")))
            continue;
        GrantTarget &target = targets[key];
        target.spelled = grantTarget(grant);
        target.column = grant.text("column");
        for (const SchemaObject &other : to.objects())  // every grantee of this column
            if (other.kind == QLatin1String("grant") && targetKey(to, other) == key) {
                merge(target.to, other.text("grantee"), other.list("privileges"));
                if (const SchemaObject *before = from.find(other.key()))
                    merge(target.from, other.text("grantee"), before->list("privileges"));
            }
        keys.append(key);
    }
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys)
        if (key.startsWith(QLatin1String("column ")))
            plan1(key, targets[key]);

    // Default privileges: each (role, schema, class, grantee) compared as it is.
    QMap<QString, QPair<const SchemaObject *, const SchemaObject *>> rules;
    for (const SchemaObject &rule : from.objects())
        if (rule.kind == QLatin1String("default privilege"))
            rules[rule.name].first = &rule;
    for (const SchemaObject &rule : to.objects())
        if (rule.kind == QLatin1String("default privilege"))
            rules[rule.name].second = &rule;
    const auto spellPlain = [](const QStringList &privileges) { return privileges.join(QStringLiteral(", ")); };
    for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
        const SchemaObject *any = it->second ? it->second : it->first;
        const QStringList had = it->first ? it->first->list("privileges") : QStringList();
        const QStringList wants = it->second ? it->second->list("privileges") : QStringList();
        const QString head = QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1%2 ")
                                 .arg(any->text("role"), any->text("in_schema").isEmpty() ? QString()
                                                                                          : QStringLiteral(" IN SCHEMA ") + any->text("in_schema"));
        plan.defaultPrivileges += changeStatements(any->text("on").toUpper(), any->text("grantee"), Privileges(had.cbegin(), had.cend()),
                                                   Privileges(wants.cbegin(), wants.cend()), spellPlain, head);
    }
    return plan;
}
