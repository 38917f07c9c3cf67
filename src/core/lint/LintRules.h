#pragma once

#include "core/lint/LintContext.h"
#include "core/sql/ParseTree.h"

// The rules, by what they look at. Each reads one statement (and what LintContext knows of the
// ones before it); the *AtEnd ones judge what only the whole file shows.
namespace LintRules {

void tables(const LintStatement &statement, LintContext &context);       // TableRules.cpp
void columnTypes(const LintStatement &statement, LintContext &context);  // TypeRules.cpp
void indexes(const LintStatement &statement, LintContext &context);      // IndexRules.cpp
void security(const LintStatement &statement, LintContext &context);     // SecurityRules.cpp
void securityAtEnd(LintContext &context);
void data(const LintStatement &statement, LintContext &context);         // DataRules.cpp
void dataAtEnd(LintContext &context);
void script(const LintStatement &statement, LintContext &context);       // ScriptRules.cpp
void scriptAtEnd(LintContext &context);
// Updates what the context knows after a statement's rules have read it (LintFacts.cpp).
void recordFacts(const LintStatement &statement, LintContext &context);

}  // namespace LintRules
