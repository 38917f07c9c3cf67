#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

// How big a table is, for saying "rewrites a 40 GB table" before anything runs.
struct RelationSize {
    qint64 bytes = -1;  // pg_total_relation_size; -1 when the table does not exist (yet)
    qint64 estimatedRows = -1;
    QString pretty;     // pg_size_pretty
};
// By the table's name as the migration writes it.
using RelationSizeMap = QHash<QString, RelationSize>;
Q_DECLARE_METATYPE(RelationSizeMap)
