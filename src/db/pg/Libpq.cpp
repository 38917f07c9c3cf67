#include "db/pg/Libpq.h"

#include <QStringList>

#include <dlfcn.h>

namespace {

struct Loaded {
    LibpqFunctions functions;
    QString error;
};

Loaded open()
{
    Loaded loaded;
    // The ABI's major version: the file a libpq5 package installs, whatever its minor version.
    void *library = ::dlopen(ATLAS_LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        loaded.error = QStringLiteral("libpq could not be loaded (%1): install the libpq5 package").arg(QString::fromLocal8Bit(::dlerror()));
        return loaded;
    }
    QStringList missing;
#define ATLAS_LIBPQ_RESOLVE(name)                                                                 \
    loaded.functions.name = reinterpret_cast<decltype(&::name)>(::dlsym(library, #name));          \
    if (!loaded.functions.name)                                                                   \
        missing << QStringLiteral(#name);
    ATLAS_LIBPQ_FUNCTIONS(ATLAS_LIBPQ_RESOLVE)
#undef ATLAS_LIBPQ_RESOLVE
    if (!missing.isEmpty())
        loaded.error = QStringLiteral("the libpq found (%1) lacks %2: a newer libpq5 is needed")
                           .arg(QStringLiteral(ATLAS_LIBPQ_SONAME), missing.join(QStringLiteral(", ")));
    return loaded;  // the library stays open for the life of the process
}

const Loaded &loaded()
{
    static const Loaded once = open();
    return once;
}

}  // namespace

namespace Libpq {

QString load()
{
    return loaded().error;
}

const LibpqFunctions &api()
{
    return loaded().functions;
}

}  // namespace Libpq
