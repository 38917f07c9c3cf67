#pragma once

#include "core/sql/SqlScript.h"
#include "core/sql/StatementRisks.h"

#include <QJsonObject>

// Classifies parsed statements (libpg_query's JSON parse tree) one after another: what kind each
// is, whether it can run in a transaction, what it creates (CreatedObjects) and what in it is
// risky (StatementRisks, which remembers the tables the script created so far).
class StatementClassifier {
public:
    void classify(const QJsonObject &stmt, SqlStatement *statement);

private:
    StatementRisks m_risks;
};
