#pragma once

#include <QString>

// Who is at the keyboard, for the audit and the TODO ticks: "alice@laptop".
QString currentActor();
