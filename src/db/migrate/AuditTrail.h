#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/run/RunReport.h"
#include "core/status/AuditRow.h"

#include <QDateTime>

#include <functional>

class PgConnection;
class Transaction;

// The audit row of one attempt, made from its report, and its writing: an audit row that cannot be
// written is a warning of the report, never the failure of the migration it describes.
namespace AuditTrail {

// `checksum` of the script that ran; for a successful up, the digest of the statements recorded.
AuditRow attemptOf(const MigrationFile &migration, const MigrationScript &script, const RunReport &report,
                   const QString &actor, const QDateTime &startedAt);

// Inside `transaction` (open), under a savepoint: a failed insert leaves the transaction usable.
void writeInside(PgConnection &connection, Transaction &transaction, const AuditRow &attempt, RunReport *warningsTo);
// In a transaction of its own (the migration's was rolled back, or it ran outside one), together
// with `alsoInside` (dropping a journal row, say).
void writeAlone(PgConnection &connection, const AuditRow &attempt, RunReport *warningsTo,
                const std::function<void()> &alsoInside = {});

}  // namespace AuditTrail
