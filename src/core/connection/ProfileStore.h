#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QList>
#include <QSettings>

// Saved profiles in the application's settings file. Passwords are never written here; a profile
// read from a file that somehow holds one drops it.
namespace ProfileStore {
QList<ConnectionProfile> load(QSettings &settings);
void save(QSettings &settings, const QList<ConnectionProfile> &profiles);
}  // namespace ProfileStore
