#pragma once

#include "core/sql/ObjectReferences.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

enum class RiskLevel { None, Caution, Destructive };

// One reason a statement deserves attention before it runs.
struct StatementRisk {
    RiskLevel level = RiskLevel::None;
    QString reason;  // one line: "drops table public.daily_usage"
};

// An object a statement creates (or a property it turns on), for deriving verify checks.
struct CreatedObject {
    enum class Kind { Table, Column, Index, Policy, Function, Trigger, View, RowLevelSecurity };
    Kind kind = Kind::Table;
    QString schema;  // as written; empty means the search path's first schema
    QString table;   // the table it belongs to (column, index, policy, trigger, RLS) or is
    QString name;    // column, index, policy, function, trigger or view name
};

// "schema.name" as the script names it, public where it writes no schema: how created, dropped
// and derived objects are matched.
QString withSchema(const QString &schema, const QString &name);

// A table lock a statement takes, and what it does to the table while holding it.
struct LockEffect {
    QString relation;      // as written: "public.daily_usage" or "daily_usage"
    QString mode;          // ACCESS EXCLUSIVE, SHARE, SHARE ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, ROW EXCLUSIVE
    bool rewrites = false; // copies the whole table
    bool scans = false;    // reads every row (to build an index or validate)
    bool newHere = false;  // the table is created by this script: nobody else can be waiting
    QString saferForm;     // how to take less, when there is a way
    QString what;          // the operation, for people: "ADD COLUMN tier"
};

// A statement of a script as PostgreSQL's own parser (libpg_query) sees it.
struct SqlStatement {
    QString text;        // from its first token to the end, without the terminating ';'
    int line = 0;        // 1-based position of the first token in the script
    int column = 0;
    QString nodeType;    // parse node: "CreateStmt", "AlterTableStmt", ...
    QString kind;        // for people: "CREATE TABLE", "ALTER TABLE", ...
    bool transactional = true;
    QString nonTransactionalReason;  // why it cannot run inside a transaction block
    bool controlsTransaction = false; // BEGIN, COMMIT, ROLLBACK, SAVEPOINT ... in the script itself
    QList<StatementRisk> risks;
    QList<CreatedObject> creates;
    QList<CreatedObject> removes;        // what it takes away by name (RemovedObjects)
    QList<LockEffect> locks;
    QList<ObjectReference> references;  // schemas, roles, extensions it needs or makes
    QString changesSetting;             // SET/RESET/set_config of this session setting ("all": RESET ALL)
    bool changesSettingLocally = false; // SET LOCAL, set_config(..., true)

    RiskLevel riskLevel() const;
};

struct SqlSyntaxError {
    int line = 0;  // 1-based
    int column = 0;
    QString message;  // PostgreSQL's: syntax error at or near "TABEL"

    // "file.sql:3:8: syntax error at or near "TABEL""
    QString located(const QString &fileName) const;
};

// A script split into statements and classified, or the first syntax error in it.
struct SqlScript {
    QList<SqlStatement> statements;
    std::optional<SqlSyntaxError> syntaxError;

    bool isValid() const { return !syntaxError.has_value(); }
    bool hasNonTransactional() const;
    // Whether a statement changes the session (SET, RESET ALL, set_config): the engine then resets
    // the session after the migration.
    bool changesSession() const;
    RiskLevel riskLevel() const;
};

SqlScript parseSqlScript(const QString &sql);
// The same, also handing back each statement's node of libpg_query's JSON parse tree
// ({"CreateStmt": {...}}), in the order of `statements`: for the linter, which reads more of the
// tree than the classification keeps.
SqlScript parseSqlScript(const QString &sql, QList<QJsonObject> *trees);
// How many scripts this process has parsed: a migration's file is parsed once however many parts
// of the console read it (MigrationScript::parsed()), and tests hold it to that.
int sqlScriptsParsed();

QString riskLevelName(RiskLevel level);
