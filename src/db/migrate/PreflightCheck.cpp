#include "db/migrate/PreflightCheck.h"

#include "core/text/PgTextArray.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

#include <QSet>

PgResult findMissing(PgConnection &connection, const QList<Requirement> &requirements, QList<Requirement> *missing)
{
    missing->clear();
    if (requirements.isEmpty())
        return PgResult();
    QStringList names[4];
    for (const Requirement &r : requirements)
        names[int(r.kind)] << r.name;
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("preflight/missing")),
                                                  {toPgTextArray(names[int(ObjectReference::Kind::Extension)]),
                                                   toPgTextArray(names[int(ObjectReference::Kind::Schema)]),
                                                   toPgTextArray(names[int(ObjectReference::Kind::Role)]),
                                                   toPgTextArray(names[int(ObjectReference::Kind::Publication)])});
    QSet<QString> lacking;
    for (int row = 0; result.ok() && row < result.rowCount(); ++row)
        lacking.insert(result.value(row, 0) + QLatin1Char(' ') + result.value(row, 1));
    for (const Requirement &r : requirements) {  // in the order of first use
        if (lacking.contains(referenceKindName(r.kind) + QLatin1Char(' ') + r.name))
            missing->append(r);
    }
    return result;
}
