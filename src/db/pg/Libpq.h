#pragma once

#include <libpq-fe.h>

#include <QString>

// libpq, opened with dlopen the first time a connection is made rather than by the dynamic
// linker at start-up: libpq brings Kerberos, LDAP, GnuTLS and OpenSSL with it, whose loading
// and symbol binding cost the console ~14 ms before main() (bench/bench_startup), before its
// window can paint. Only PgConnection and PgResult call it.
#define ATLAS_LIBPQ_FUNCTIONS(X) \
    X(PQcancel) \
    X(PQclear) \
    X(PQcmdStatus) \
    X(PQcmdTuples) \
    X(PQconnectPoll) \
    X(PQconnectStartParams) \
    X(PQconninfo) \
    X(PQconninfoFree) \
    X(PQdb) \
    X(PQerrorMessage) \
    X(PQescapeIdentifier) \
    X(PQescapeLiteral) \
    X(PQexec) \
    X(PQexecParams) \
    X(PQfinish) \
    X(PQfname) \
    X(PQfreeCancel) \
    X(PQfreemem) \
    X(PQftype) \
    X(PQgetCancel) \
    X(PQgetCopyData) \
    X(PQgetResult) \
    X(PQgetisnull) \
    X(PQgetlength) \
    X(PQgetvalue) \
    X(PQhost) \
    X(PQnfields) \
    X(PQntuples) \
    X(PQparameterStatus) \
    X(PQport) \
    X(PQresStatus) \
    X(PQresultErrorField) \
    X(PQresultErrorMessage) \
    X(PQresultStatus) \
    X(PQsendQuery) \
    X(PQsetNoticeReceiver) \
    X(PQsocket) \
    X(PQstatus) \
    X(PQtransactionStatus) \
    X(PQuser)

struct LibpqFunctions {
#define ATLAS_LIBPQ_POINTER(name) decltype(&::name) name = nullptr;
    ATLAS_LIBPQ_FUNCTIONS(ATLAS_LIBPQ_POINTER)
#undef ATLAS_LIBPQ_POINTER
};

namespace Libpq {

// Opens libpq once (thread-safe); empty when it is there, else what is missing, whole.
QString load();
// The functions: only after load() said yes (a connection exists, so it did).
const LibpqFunctions &api();

}  // namespace Libpq

inline const LibpqFunctions &pq()
{
    return Libpq::api();
}
