#pragma once

#include "core/schema/PrivilegePlanner.h"
#include "core/schema/SchemaModel.h"

#include <QPair>
#include <QSet>

// What a migration says about objects once they all exist: their owners, their comments and their
// privileges. `fresh` holds the keys of the objects it creates (or drops and creates again): they
// start with the role that runs it as owner, no comment, and the privileges PostgreSQL gives.
struct AttachedStatements {
    QList<QPair<QString, QString>> owners;    // (sql, object key)
    QList<QPair<QString, QString>> comments;  // (sql, comment key)
    PrivilegePlan privileges;
};

AttachedStatements attachedStatements(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &fresh);
