#pragma once

#include "core/status/MigrationStatus.h"

#include <QColor>
#include <QIcon>

// The colour of a migration state (green applied, blue pending, orange modified, red failed).
QColor stateColour(MigrationState state);
// A filled circle, so that state reads at a glance (the text says it too, for colour blindness).
QIcon stateIcon(MigrationState state);
