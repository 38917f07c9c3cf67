// The linter on any bytes that decode as UTF-8 (a "-- down:" line starts a down file, a first line
// "-- file: NAME" names the file, as in the catalogue's examples): every finding names a rule of
// the catalogue and a place inside the file, and says what it found.
#include "core/lint/LintRule.h"
#include "core/lint/Linter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const LintFile file = lintExampleFile(text);
    const LintResult result = lintFile(file);
    const int lines = int(file.sql.count(QLatin1Char('\n'))) + 1;
    if (!result.parsed && result.syntaxError.isEmpty())
        std::abort();
    for (const LintFinding &finding : result.findings) {
        if (!findLintRule(finding.rule) || finding.message.isEmpty() || finding.line < 1 || finding.line > lines || finding.column < 1
            || finding.severity == LintSeverity::Off)
            std::abort();
    }
    return 0;
}
