// Must not compile: core sees no database code.
#include "db/pg/PgResult.h"
