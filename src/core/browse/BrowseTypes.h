#pragma once

#include "core/browse/KeysetQuery.h"
#include "core/browse/ViewAs.h"
#include "core/connection/DbError.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// A table or view of the database, as the browser lists it.
struct RelationInfo {
    QString schema;
    QString name;
    QString kind;  // table, view, materialized view, foreign table, partitioned table
    qint64 estimatedRows = -1;  // from the planner's statistics; -1 when never analysed
};

struct ColumnInfo {
    QString name;
    QString type;  // format_type()
    bool notNull = false;
    QString defaultValue;
};

// What the structure pane shows, read in one round trip per part.
struct RelationStructure {
    QList<ColumnInfo> columns;
    QStringList keyColumns;  // primary key, else a unique index on NOT NULL columns (names, unquoted); empty: none
    QStringList constraints; // "name: definition"
    QStringList indexes;
    bool rowSecurity = false;
    bool forceRowSecurity = false;
    QStringList policies;    // "name (command, roles): USING ... WITH CHECK ..."
    QStringList triggers;
    QStringList grants;      // "role: privileges"
    QString size;            // pg_size_pretty(pg_total_relation_size())
    qint64 estimatedRows = -1;
};

// One page of rows, with what anchors the next and the previous page.
struct BrowsePage {
    QStringList columns;
    QList<QStringList> rows;        // text values; QString() is NULL
    QList<QStringList> boundaries;  // per row, the values that anchor the next or previous page
    DbError error;
};

// One day and tier of daily_usage, summed on the server.
struct UsagePoint {
    QString date;  // yyyy-mm-dd
    QString tier;
    qint64 conversations = 0;
    QString cost;  // numeric text, exact
};

// What the browser asks for, in plain names: the db layer quotes them (libpq) into a BrowseSpec.
struct BrowseRequest {
    QString schema;
    QString table;
    QStringList keyColumns;  // unquoted; empty: ctid
    QString sortColumn;      // unquoted; empty: key order
    bool descending = false;
    QList<BrowseFilter> filters;  // column unquoted
    int pageSize = 200;
};

Q_DECLARE_METATYPE(BrowseRequest)
Q_DECLARE_METATYPE(ViewAs)
Q_DECLARE_METATYPE(BrowsePage)
Q_DECLARE_METATYPE(RelationStructure)
Q_DECLARE_METATYPE(QList<RelationInfo>)
Q_DECLARE_METATYPE(QList<UsagePoint>)
