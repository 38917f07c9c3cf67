#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

class PgConnection;

struct RelationSize {
    qint64 bytes = -1;  // pg_total_relation_size; -1 when the table does not exist (yet)
    qint64 estimatedRows = -1;
    QString pretty;     // pg_size_pretty
};

// Size and estimated rows of tables named as a migration writes them, in one round trip, so that
// "rewrites a 40 GB table" can be said before anything runs.
QHash<QString, RelationSize> relationSizes(PgConnection &connection, const QStringList &relations);
