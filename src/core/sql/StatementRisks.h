#pragma once

#include "core/sql/SqlScript.h"

#include <QJsonObject>
#include <QSet>

// What in a statement deserves attention before it runs, one reason per risk: drops, rewrites,
// locks held on tables other sessions use, data changed without WHERE, grants to the anon key.
// Statements are read one after another: it remembers the tables the script created so far,
// because altering or indexing a table born in the same migration blocks nobody.
class StatementRisks {
public:
    void assess(const QString &nodeType, const QJsonObject &body, SqlStatement *statement);

private:
    using Rule = void (StatementRisks::*)(const QJsonObject &body, SqlStatement *statement);
    static const QHash<QString, Rule> &rules();

    void createTable(const QJsonObject &body, SqlStatement *statement);
    void createIndex(const QJsonObject &body, SqlStatement *statement);
    void alterTable(const QJsonObject &body, SqlStatement *statement);
    void alterEnum(const QJsonObject &body, SqlStatement *statement);
    void drop(const QJsonObject &body, SqlStatement *statement);
    void dropDatabase(const QJsonObject &body, SqlStatement *statement);
    void dropRole(const QJsonObject &body, SqlStatement *statement);
    void dropOwned(const QJsonObject &body, SqlStatement *statement);
    void alterSystem(const QJsonObject &body, SqlStatement *statement);
    void truncate(const QJsonObject &body, SqlStatement *statement);
    void deleteRows(const QJsonObject &body, SqlStatement *statement);
    void updateRows(const QJsonObject &body, SqlStatement *statement);
    void grant(const QJsonObject &body, SqlStatement *statement);
    void defaultPrivileges(const QJsonObject &body, SqlStatement *statement);
    void rename(const QJsonObject &body, SqlStatement *statement);

    QSet<QString> m_createdTables;  // "schema.table" or "table", as written
};
