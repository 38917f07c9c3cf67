#include "core/sql/StatementFingerprint.h"

#include <pg_query.h>

QString statementFingerprint(const QString &sql)
{
    const QByteArray bytes = sql.toUtf8();
    PgQueryFingerprintResult result = pg_query_fingerprint(bytes.constData());
    QString fingerprint;
    if (!result.error && result.fingerprint_str)
        fingerprint = QString::fromLatin1(result.fingerprint_str);
    pg_query_free_fingerprint_result(result);
    return fingerprint;
}
