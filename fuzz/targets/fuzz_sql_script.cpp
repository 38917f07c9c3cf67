// SQL files: the parser and classifier, and the Supabase CLI's splitter, on any bytes that decode
// as UTF-8. Positions must lie inside the text; a syntax error must have a place.
#include "core/sql/SupabaseSplitter.h"
#include "core/sql/SqlScript.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString sql = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const SqlScript script = parseSqlScript(sql);
    const int lines = int(sql.count(QLatin1Char('\n'))) + 1;
    if (script.syntaxError) {
        if (script.syntaxError->line < 1 || script.syntaxError->line > lines || script.syntaxError->column < 1
            || script.syntaxError->message.isEmpty())
            std::abort();
    }
    for (const SqlStatement &statement : script.statements) {
        if (statement.line < 1 || statement.line > lines || statement.column < 1 || statement.kind.isEmpty())
            std::abort();
        for (const StatementRisk &risk : statement.risks) {
            if (risk.reason.isEmpty())
                std::abort();
        }
    }
    for (const QString &piece : splitLikeSupabaseCli(sql)) {
        if (piece.isEmpty() || piece != piece.trimmed())
            std::abort();
    }
    return 0;
}
