// Migration file names: any text either splits into digits, '_' and a name (possibly empty, as
// the Supabase CLI allows) that put back together give the input, or is refused with a message.
#include "core/catalog/MigrationCatalog.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString base = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString version, name, problem;
    if (splitMigrationName(base, &version, &name, &problem)) {
        for (const QChar c : version) {
            if (!c.isDigit() || c.unicode() > '9')
                std::abort();
        }
        if (version.isEmpty() || name.contains(QLatin1Char('\n')) || version + QLatin1Char('_') + name != base)
            std::abort();
    } else if (problem.isEmpty()) {
        std::abort();
    }
    versionLess(version, base);
    return 0;
}
