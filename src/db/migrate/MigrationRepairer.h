#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/run/RunReport.h"

struct EngineSession;

// What `repair` records a migration as, without running it.
enum class RepairStatus { Applied, Reverted };

// What `supabase migration repair --status applied|reverted` does, guarded: under the migration
// lock, in one transaction with an audit row that says who and why. Applied needs the file (its
// statements are recorded, replacing any recorded before); reverted works on a missing file.
// Asking first (the diff, the verify checks, the production guard) is the caller's part.
class MigrationRepairer {
public:
    explicit MigrationRepairer(EngineSession &session);

    RunReport repair(const QString &version, const MigrationFile *file, RepairStatus status, const QString &reason);

private:
    EngineSession &m_session;
};
