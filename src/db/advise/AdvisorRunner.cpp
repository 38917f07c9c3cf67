#include "db/advise/AdvisorRunner.h"

#include "core/text/PgArrayLiteral.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

PgResult runAdvisorCheck(PgConnection &connection, const AdvisorCheck &check, const QStringList &exposedSchemas,
                         QList<AdvisorFinding> *findings)
{
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("advisors/") + check.name), {pgTextArrayLiteral(exposedSchemas)});
    for (int r = 0; r < result.rowCount(); ++r)
        findings->append({check.name, check.level, result.value(r, 0), result.value(r, 1), result.value(r, 2)});
    return result;
}

PgResult runAdvisors(PgConnection &connection, const QStringList &exposedSchemas, QList<AdvisorFinding> *findings)
{
    findings->clear();
    Transaction transaction(connection);
    PgResult result = transaction.begin(Transaction::Access::ReadOnly);
    if (!result.ok())
        return result;
    for (const AdvisorCheck &check : advisorChecks()) {
        result = runAdvisorCheck(connection, check, exposedSchemas, findings);
        if (!result.ok())
            return result;
    }
    transaction.rollback();
    return result;
}
