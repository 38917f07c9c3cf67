#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/run/RunReport.h"
#include "core/sql/DerivedChecks.h"
#include "core/status/MigrationStatus.h"

#include <QHash>
#include <QList>
#include <QString>

// Migrations applied by hand. The seed's production path (paste the file into the dashboard's SQL
// editor and run it) leaves the objects in the database and no history row. Without a history
// row a migration looks pending; the objects its up file creates say otherwise. Pure: the
// database layer runs the checks (db/migrate/PresenceProbe) and hands the results back here.

// For each of `versions`, the checks that the objects its up file creates exist: tables, columns,
// indexes, policies, functions, triggers, views, and row level security where it turns it on.
// An object an earlier migration of the folder also creates (a shared trigger function made
// again with CREATE OR REPLACE) says nothing about this one, so it is left out. A version whose
// file creates nothing of its own has no entry.
QHash<QString, QList<DerivedCheck>> presenceChecks(const MigrationCatalog &catalog, const QStringList &versions);

// What the database says of one unrecorded migration: the results of its presence checks, or
// of its verify script when none could be derived.
struct PresenceEvidence {
    QList<CheckResult> checks;
    bool fromVerifyScript = false;
};

// The rows of `evidence` become PresentNotRecorded (everything it creates exists, or its verify
// script passes), PartlyPresent (some of it exists; the detail says what is and what is missing)
// or stay as they are (nothing of it exists).
void applyPresence(QList<MigrationStatusRow> *rows, const QHash<QString, PresenceEvidence> &evidence);

// The present-but-unrecorded migrations an apply up to `toVersion` would meet (the out-of-order
// ones too when `includeOutOfOrder`), in order, but those found by a verify script alone. An
// apply refuses to start while there is one.
QList<MigrationStatusRow> presentUnrecorded(const QList<MigrationStatusRow> &rows, const QString &toVersion, bool includeOutOfOrder);

// Why an apply does not run `row`, and the way out.
QString presentRefusal(const MigrationStatusRow &row, const QString &displayName);
