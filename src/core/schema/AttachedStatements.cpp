#include "core/schema/AttachedStatements.h"

#include "core/schema/SchemaDdl.h"

AttachedStatements attachedStatements(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &fresh)
{
    AttachedStatements attached;
    for (const SchemaObject &object : to.objects()) {
        if (!object.hasOwner())
            continue;
        const SchemaObject *before = from.find(object.key());
        const bool anew = fresh.contains(object.key()) || !before;
        if (!anew && before->definition == object.definition)
            continue;  // the owner is part of the definition: the same
        const QString owner = object.text("owner");
        if (owner.isEmpty())
            continue;
        const QString had = anew ? from.currentUser : before->text("owner");
        // A sequence owned by a column follows its table's owner.
        if (had != owner && !(object.kind == QLatin1String("sequence") && !object.text("owned_by").isEmpty()))
            attached.owners.append({SchemaDdl::alterOwner(object, owner), object.key()});
    }
    for (const SchemaObject &comment : to.objects()) {
        if (comment.kind != QLatin1String("comment"))
            continue;
        const QString target = comment.text("on_kind") + QLatin1Char(' ') + comment.text("object");
        const SchemaObject *before = from.find(comment.key());
        if (fresh.contains(target) || !before || before->definition != comment.definition)
            attached.comments.append({SchemaDdl::comment(SchemaDdl::objectReference(to, target), comment.definition), comment.key()});
    }
    for (const SchemaObject &comment : from.objects()) {
        if (comment.kind != QLatin1String("comment"))
            continue;
        const QString target = comment.text("on_kind") + QLatin1Char(' ') + comment.text("object");
        if (!to.contains(comment.key()) && to.contains(target) && !fresh.contains(target))
            attached.comments.append({SchemaDdl::comment(SchemaDdl::objectReference(to, target), QString()), comment.key()});
    }
    attached.privileges = planPrivileges(from, to, fresh);
    return attached;
}
