#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/run/RunReport.h"

struct EngineSession;

// Dry runs: a migration (or its rollback), or every pending one in order, runs in a transaction
// that is rolled back. The report has the rows each statement affected and the catalog's
// difference before and after. Takes no lock and writes nothing.
class MigrationPreview {
public:
    explicit MigrationPreview(EngineSession &session);

    RunReport dryRun(const MigrationFile &migration, RunDirection direction);
    // The given migrations in order, in one transaction, so that each sees the effect of the ones
    // before it; stops at the first that fails. One report per migration.
    QList<RunReport> dryRunInOrder(const QList<const MigrationFile *> &migrations);

private:
    RunReport previewInOpenTransaction(const MigrationFile &migration, RunDirection direction);

    EngineSession &m_session;
};
