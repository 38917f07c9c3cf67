#pragma once

#include "core/todo/TodoDocument.h"

#include <QString>

// The automatic checks a TODO can carry, and which one an item means: an explicit
// "<!-- check: ID -->" marker, or for the seed's wording (which has no markers) its key words.
namespace TodoEvidence {

inline const QString kTierValues = QStringLiteral("tier-values");
inline const QString kUsageMigrationApplied = QStringLiteral("usage-tracking-applied");
inline const QString kRlsVerified = QStringLiteral("rls-verified");
inline const QString kCleanupScheduled = QStringLiteral("cleanup-scheduled");
// "advisor-rls_disabled_in_public": done when that advisor finds nothing.
inline const QString kAdvisorPrefix = QStringLiteral("advisor-");

// The advisor an "advisor-NAME" check means, else empty.
QString advisorOf(const QString &checkId);

QString checkFor(const TodoItem &item);
bool isKnown(const QString &checkId);
QString describe(const QString &checkId);  // what the check looks at, for tooltips

}  // namespace TodoEvidence

struct EvidenceResult {
    QString checkId;
    bool done = false;
    bool error = false;  // the check itself could not run; `detail` says why
    QString detail;
    // Done in the database, but not where the tools look: a migration's objects are there and its
    // history row is not (applied by hand).
    bool unrecorded = false;
};
