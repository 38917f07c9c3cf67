#pragma once

#include "core/lint/LintRule.h"

// The two halves of the catalogue (LintCatalogueLocks.cpp, LintCatalogueSecurity.cpp), which
// lintRules() puts together.
QList<LintRule> lockAndTypeRules();
QList<LintRule> securityDataAndScriptRules();
