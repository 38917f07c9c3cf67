// Connection strings: redaction never shows the password it removes, a URI's password comes out
// of it whole, and the target and profile logic take any host, user and port.
#include "core/connection/ConnectionProblem.h"
#include "core/connection/ConnectionProfile.h"
#include "core/connection/ConnectionTarget.h"
#include "core/connection/Redaction.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString redacted = redactConnectionString(text);
    const QString uri = QStringLiteral("postgresql://user:") + text.left(20).remove(QLatin1Char('@')).remove(QLatin1Char('/'))
        .remove(QLatin1Char('?')).remove(QLatin1Char('#')) + QStringLiteral("@host:5432/db");
    QString password;
    const QString stripped = stripPasswordFromUri(uri, &password);
    // (A password that is itself "*****" looks redacted: nothing to tell apart there.)
    if (password.size() > 3 && password != QLatin1String("*****")
        && redactConnectionString(uri).contains(QStringLiteral(":") + password + QLatin1Char('@')))
        std::abort();
    if (stripped.contains(QStringLiteral("user:")) && !password.isEmpty())
        std::abort();
    classifyTarget(text, int(size), text);
    classifyConnectionProblem(text);
    ConnectionProfile profile;
    profile.name = text;
    profile.source = ConnectionProfile::Source(size % 3);
    profile.uri = text;
    profile.host = text;
    profile.projectRef = text;
    profile.conninfo(text);
    profile.problems();
    profile.describe();
    Q_UNUSED(redacted)
    return 0;
}
