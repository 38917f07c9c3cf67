#pragma once

#include "core/lint/Linter.h"
#include "core/sql/SqlScript.h"

#include <QJsonObject>
#include <QSet>

// A statement as the rules see it: the parse (positions, class) and its node in the parse tree.
struct LintStatement {
    int index = 0;
    const SqlStatement *parsed = nullptr;
    QString nodeType;  // "AlterTableStmt"
    QJsonObject body;  // the node's fields
};

// What the rules know while they read a file statement by statement (the tables it created so
// far, what it did to them), and where their findings go.
class LintContext {
public:
    LintContext(const LintFile &file, const LintOptions &options, const QByteArray &bytes);

    const LintFile &file() const { return m_file; }
    // The file runs in one transaction: the console's default, unless "-- atlas:no-transaction".
    bool atomic() const { return m_atomic; }

    // A finding of `rule` in `statement`, placed at the parse node's byte `location` when there is
    // one (else the statement's start); `table` as written, for grading by size. `escalated`
    // raises the rule's severity for this case (a SECURITY DEFINER function, say).
    void report(const char *rule, const LintStatement &statement, const QString &message, qsizetype location = -1,
                const QString &table = QString(), bool escalated = false);
    QList<LintFinding> take() { return std::move(m_findings); }

    // "public.notes" for a RangeVar (the schema defaults to public, the search path's first).
    static QString key(const QJsonObject &rangeVar);
    static QString schemaOf(const QString &key) { return key.section(QLatin1Char('.'), 0, 0); }
    bool exposed(const QString &schema) const { return m_options.exposedSchemas.contains(schema); }

    // Facts gathered so far (LintFacts.cpp), tables by key, each with the statement that made it.
    QHash<QString, int> createdAt;     // tables made by this file
    QHash<QString, int> rlsEnabledAt;
    QHash<QString, int> rlsDisabledAt;
    QHash<QString, int> policyAt;      // table -> the first policy created on it
    QHash<QString, int> alteredAt;     // a table the file did not create -> its first ALTER TABLE
    QHash<QString, int> backfilledAt;  // table -> the first UPDATE or INSERT ... SELECT into it
    QSet<QString> notValidConstraints; // added NOT VALID by this file
    // Functions and views still waiting for a later ALTER that fixes them (name -> statement).
    QHash<QString, int> functionsWithoutSearchPath;
    QSet<QString> securityDefinerFunctions;
    QHash<QString, int> viewsWithoutInvoker;
    bool lockTimeoutSet = false;
    bool statementTimeoutSet = false;
    int openBegin = -1;                // the statement of a BEGIN not yet ended
    bool createdHere(const QString &table) const { return createdAt.contains(table); }
    QList<LintStatement> statements;

private:
    const LintFile &m_file;
    const LintOptions &m_options;
    const QByteArray &m_bytes;
    bool m_atomic = true;
    QList<LintFinding> m_findings;
};
