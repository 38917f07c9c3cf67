#pragma once

#include "core/lint/LintFinding.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The linter's findings for machines: --format json, github (workflow annotation lines) and sarif
// (SARIF 2.1.0, for code scanning); and the catalogue as docs/lint.md.
namespace LintFormats {

QJsonObject findingJson(const LintFinding &finding);

QByteArray json(const QList<LintResult> &results, bool ok);
QString github(const QList<LintResult> &results);
QByteArray sarif(const QList<LintResult> &results, const QString &version);
// docs/lint.md: every rule with what, why, a flagged and a clean example, and how to fix it.
QString catalogueMarkdown();

}  // namespace LintFormats
