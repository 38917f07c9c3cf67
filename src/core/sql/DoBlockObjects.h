#pragma once

#include "core/sql/ObjectReferences.h"

#include <QJsonObject>
#include <QList>

// The schemas, roles and publications a PL/pgSQL DO block makes. Real folders make roles and
// schemas that way so that a second run does no harm:
//
//     DO $$ BEGIN
//       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_worker') THEN
//         CREATE ROLE app_worker NOLOGIN;
//       END IF;
//     END $$;
//
// The block is read with libpg_query's PL/pgSQL parser; each statement it runs (directly, or by
// EXECUTE of a string constant) is parsed again and what it creates kept. Only what it makes is
// returned, extensions aside: what a block names or creates may sit behind an IF (IF the server
// offers vector THEN CREATE EXTENSION vector), so it is required of nobody.
QList<ObjectReference> objectsMadeInDoBlock(const QJsonObject &doStmtBody);
