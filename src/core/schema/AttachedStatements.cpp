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
    // A view's column or a constraint's index is no object of its own: its comment names what
    // holds it ("relation"), which is what is made again, and how COMMENT ON names it.
    const auto made = [&fresh](const SchemaObject &comment, const QString &target) {
        return fresh.contains(target) || (!comment.text("relation").isEmpty() && fresh.contains(comment.text("relation")));
    };
    const auto reference = [&to](const SchemaObject &comment, const QString &target) {
        return comment.text("relation").isEmpty() ? SchemaDdl::objectReference(to, target) : comment.text("reference");
    };
    for (const SchemaObject &comment : to.objects()) {
        if (comment.kind != QLatin1String("comment"))
            continue;
        const QString target = comment.text("on_kind") + QLatin1Char(' ') + comment.text("object");
        const SchemaObject *before = from.find(comment.key());
        if (made(comment, target) || !before || before->definition != comment.definition)
            attached.comments.append({SchemaDdl::comment(reference(comment, target), comment.definition), comment.key()});
    }
    for (const SchemaObject &comment : from.objects()) {
        if (comment.kind != QLatin1String("comment"))
            continue;
        const QString target = comment.text("on_kind") + QLatin1Char(' ') + comment.text("object");
        const bool stays = comment.text("relation").isEmpty() ? to.contains(target) : to.contains(comment.text("relation"));
        if (!to.contains(comment.key()) && stays && !made(comment, target))
            attached.comments.append({SchemaDdl::comment(reference(comment, target), QString()), comment.key()});
    }
    attached.privileges = planPrivileges(from, to, fresh);
    return attached;
}
