#include "db/browse/ViewAsTransaction.h"

#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

PgResult ViewAsTransaction::begin(const ViewAs &viewAs)
{
    PgResult result = Transaction::begin(Access::ReadOnly);
    if (result.ok() && viewAs.mode != ViewAs::Mode::Owner)
        result = connection().execParams(sqlResource(QStringLiteral("browse/act_as")), {viewAs.role(), viewAs.claims()});
    if (!result.ok())
        rollback();
    return result;
}
