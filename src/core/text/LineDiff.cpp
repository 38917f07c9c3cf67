#include "core/text/LineDiff.h"

#include <vector>

LineDiff diffLines(const QStringList &before, const QStringList &after)
{
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    LineDiff diff;
    diff.removed = QList<bool>(n, true);
    diff.added = QList<bool>(m, true);
    // Definitions are short (a function's body, a view's query): the quadratic table is fine; a
    // pathological pair is shown with every line marked rather than computed for long.
    if (n * m > 4'000'000)
        return diff;
    std::vector<std::vector<int>> common(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            common[i][j] = before.at(i) == after.at(j) ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (before.at(i) == after.at(j)) {
            diff.removed[i++] = false;
            diff.added[j++] = false;
        } else if (common[i + 1][j] >= common[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return diff;
}
