#pragma once

#include "core/sql/DerivedChecks.h"
#include "core/status/Presence.h"
#include "db/pg/PgResult.h"

#include <QHash>

class PgConnection;
struct EngineSession;

// The presence checks of unrecorded migrations (core/status/Presence), all asked in one query
// (resources/sql/status/objects_present.sql). Reads only the catalog; changes nothing.
PgResult probePresence(PgConnection &connection, const QHash<QString, QList<DerivedCheck>> &checks,
                       QHash<QString, PresenceEvidence> *evidence);

// The unrecorded migrations of `rows` (pending or out of order, with a file) that the database
// already has: their presence checks in one query, and, for at most kVerifyScriptsAsked of those
// without derivable checks whose previous migration is in the database, their verify scripts
// (read-only, not audited). Rows found become PresentNotRecorded or PartlyPresent. A read that
// fails leaves the rows as they were.
void markPresentMigrations(EngineSession &session, const MigrationCatalog &catalog, QList<MigrationStatusRow> *rows);
inline constexpr int kVerifyScriptsAsked = 10;
