#pragma once

#include "core/sql/SqlScript.h"

#include <QJsonObject>
#include <QSet>

// Which lock each statement takes on which table, whether it rewrites or scans it, and a safer
// form where PostgreSQL offers one (CONCURRENTLY, NOT VALID then VALIDATE, a nullable column
// then a backfill). From the parse tree alone: no database needed. Statements run one after
// another, so it remembers the tables the script creates (their locks block nobody).
class LockAnalyzer {
public:
    void analyze(const QJsonObject &stmt, SqlStatement *statement);

private:
    void alterTable(const QJsonObject &body, SqlStatement *statement);
    void add(SqlStatement *statement, const QString &relation, const QString &mode, const QString &what,
             bool rewrites = false, bool scans = false, const QString &safer = QString());

    QSet<QString> m_created;
};
