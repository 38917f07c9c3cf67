#pragma once

#include "core/advise/Advisors.h"
#include "db/pg/PgResult.h"

#include <QStringList>

class PgConnection;

// Runs the advisors' checks on a database, in one read-only transaction: the findings, in the
// order of the catalogue. A check whose query fails is a failure of the run (its error returned).
PgResult runAdvisors(PgConnection &connection, const QStringList &exposedSchemas, QList<AdvisorFinding> *findings);
// One check's query, in the caller's transaction (or none); its findings are appended.
PgResult runAdvisorCheck(PgConnection &connection, const AdvisorCheck &check, const QStringList &exposedSchemas,
                         QList<AdvisorFinding> *findings);
