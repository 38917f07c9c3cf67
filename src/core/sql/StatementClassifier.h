#pragma once

#include "core/sql/SqlScript.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

// Classifies parsed statements (libpg_query's JSON parse tree) one after another: whether each
// can run in a transaction, and what in it is risky. It remembers the tables the script created
// so far, because altering or indexing a table that is born in the same migration locks nothing
// anybody else could be waiting for.
class StatementClassifier {
public:
    void classify(const QJsonObject &stmt, SqlStatement *statement);

private:
    void classifyAlterTable(const QJsonObject &body, SqlStatement *statement);
    bool createdHere(const QString &table) const { return m_createdTables.contains(table); }

    QSet<QString> m_createdTables;  // "schema.table" or "table", as written
};

// "public.daily_usage" from a RangeVar node.
QString qualifiedName(const QJsonObject &rangeVar);
