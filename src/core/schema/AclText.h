#pragma once

#include "core/schema/SchemaModel.h"

#include <QHash>

// PostgreSQL's ACL as text ({postgres=arwdDxt/postgres,=X/postgres,"Role"=r*/postgres}) made into
// the model's 'grant' objects, one per grantee: privileges by name, sorted, "*" marking the grant
// option, PUBLIC for the empty grantee. Who granted is not kept: it does not change access.
//
// `acl` is the model's 'acl' row (resources/sql/schema/model.sql); its definition holds the text.
QList<SchemaObject> grantsOfAcl(const SchemaObject &acl);

// The same for the many ACLs of a model: an ACL text met before (most tables of a project have the
// same grants) is not parsed again.
class AclGrants {
public:
    // `quotedRoles`: the roles whose names quote_ident() quotes, by name (a role named "user" is
    // quoted for being a keyword, which the text alone does not tell).
    explicit AclGrants(QHash<QString, QString> quotedRoles = {});
    QList<SchemaObject> of(const SchemaObject &acl);

private:
    struct Grant {
        QString grantee;
        QString definition;  // SELECT, UPDATE WITH GRANT OPTION
        QByteArray json;     // what the grant's attrs add to the acl's, closing brace included
    };
    QHash<QString, QString> m_quotedRoles;
    QHash<QString, QList<Grant>> m_byText;
};
