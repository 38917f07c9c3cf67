#pragma once

#include "core/schema/SchemaModel.h"

#include <QSet>

// The GRANT and REVOKE statements that give TO's objects the privileges they have in TO, and the
// ALTER DEFAULT PRIVILEGES ones for TO's default privileges. Equal privileges give no statement;
// who granted is not compared.
//
// An object the migration creates (or drops and creates again, `fresh`) starts with what
// PostgreSQL gives it: its owner's rights and FROM's default privileges for the role that runs
// the migration (FROM's current user), so that a new table in a Supabase project's public schema
// is known to be granted to anon already, and a table that should not be is revoked.
struct PrivilegePlan {
    QStringList grants;             // on objects, in object order
    QStringList defaultPrivileges;  // to run after everything else: they act on what is created later
};

PrivilegePlan planPrivileges(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &fresh);
