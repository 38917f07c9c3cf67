#pragma once

#include "core/todo/TodoEvidence.h"

#include <QList>
#include <QStringList>

class PgConnection;

// Runs the TODO evidence checks against a database. The RLS check writes two throwaway users and
// their rows inside a transaction that is always rolled back, so the database is unchanged.
QList<EvidenceResult> checkEvidence(PgConnection &connection, const QStringList &checkIds);
