#pragma once

#include "core/schema/SchemaModel.h"

// PostgreSQL's ACL as text ({postgres=arwdDxt/postgres,=X/postgres,"Role"=r*/postgres}) made into
// the model's 'grant' objects, one per grantee: privileges by name, sorted, "*" marking the grant
// option, PUBLIC for the empty grantee. Who granted is not kept: it does not change access.
//
// `acl` is the model's 'acl' row (resources/sql/schema/model.sql); its definition holds the text.
QList<SchemaObject> grantsOfAcl(const SchemaObject &acl);
