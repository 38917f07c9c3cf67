// Must not compile: only the connection wrapper (db/pg) sees libpq.
#include <libpq-fe.h>
