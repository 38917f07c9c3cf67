#pragma once

#include "core/status/MigrationStatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Rewrites the "## Migrations" section of a status document from the live state of one
// environment, so the page is never stale: everything outside that section (the TODO list and
// its ticks included) stays byte for byte. Without such a section, one is added before the first
// other "## " heading (or at the end).
QByteArray exportMigrationSection(const QByteArray &document, const QList<MigrationStatusRow> &rows,
                                  const QString &environment, const QDateTime &when);
