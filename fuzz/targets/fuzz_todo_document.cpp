// Status documents: parsing any bytes, ticking every item and the character repair never crash,
// and a tick then an untick give back the same bytes.
#include "core/todo/TodoDocument.h"
#include "core/todo/TodoEvidence.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    TodoDocument document;
    QString error;
    if (!TodoDocument::parse(bytes, &document, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (document.toBytes() != bytes)
        std::abort();
    for (int i = 0; i < document.items().size(); ++i) {
        const bool was = document.items().at(i).checked;
        TodoEvidence::checkFor(document.items().at(i));
        if (!document.setChecked(i, !was) || !document.setChecked(i, was))
            std::abort();
    }
    if (document.toBytes() != bytes)
        std::abort();
    document.mojibake();
    document.repairMojibake();
    return 0;
}
