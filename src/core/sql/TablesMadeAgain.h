#pragma once

#include "core/sql/SqlScript.h"

#include <QSet>

// The tables a script takes away before it creates them again (DROP TABLE, RENAME TO, SET
// SCHEMA, then CREATE TABLE of the same name: a table made again, as schema compare makes one
// for its column order). They were there before the script ran: finding them says nothing of
// whether it did (Presence), and its down file need not drop them (DownCoverage).
// As "schema.table", unquoted, public where the script names no schema.
QSet<QString> tablesMadeAgain(const QList<const SqlStatement *> &statements);

QString qualifiedTableName(const QString &schema, const QString &table);  // public where `schema` is empty
