#pragma once

#include "core/schema/RelationSize.h"

#include <QStringList>

class PgConnection;

// Size and estimated rows of tables named as a migration writes them, in one round trip.
RelationSizeMap relationSizes(PgConnection &connection, const QStringList &relations);
