#include "core/sql/StatementDiff.h"

#include <algorithm>
#include <vector>

QList<StatementDelta> diffStatements(const QStringList &recorded, const QStringList &file)
{
    const int n = int(recorded.size());
    const int m = int(file.size());
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[i][j] = recorded.at(i) == file.at(j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QList<StatementDelta> out;
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && recorded.at(i) == file.at(j)) {
            out.append({StatementDelta::Kind::Same, i, j, recorded.at(i), file.at(j)});
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out.append({StatementDelta::Kind::Added, -1, j, QString(), file.at(j)});
            ++j;
        } else {
            out.append({StatementDelta::Kind::Removed, i, -1, recorded.at(i), QString()});
            ++i;
        }
    }
    // Between two unchanged statements, a removed and an added statement that start alike are one
    // statement that changed (the same CREATE, edited); the rest stay added or removed.
    QList<StatementDelta> merged;
    int k = 0;
    while (k < out.size()) {
        if (out.at(k).kind == StatementDelta::Kind::Same) {
            merged.append(out.at(k++));
            continue;
        }
        QList<StatementDelta> removed, added;
        while (k < out.size() && out.at(k).kind != StatementDelta::Kind::Same) {
            (out.at(k).kind == StatementDelta::Kind::Removed ? removed : added).append(out.at(k));
            ++k;
        }
        QList<StatementDelta> block;
        QList<bool> used(added.size(), false);
        for (const StatementDelta &r : removed) {
            int best = -1;
            int bestLength = 5;  // at least a keyword and a bit in common
            for (int a = 0; a < added.size(); ++a) {
                if (used.at(a))
                    continue;
                int common = 0;
                while (common < r.recorded.size() && common < added.at(a).file.size()
                       && r.recorded.at(common) == added.at(a).file.at(common))
                    ++common;
                if (common > bestLength) {
                    best = a;
                    bestLength = common;
                }
            }
            if (best >= 0) {
                used[best] = true;
                block.append({StatementDelta::Kind::Changed, r.recordedIndex, added.at(best).fileIndex, r.recorded, added.at(best).file});
            } else {
                block.append(r);
            }
        }
        for (int a = 0; a < added.size(); ++a) {
            if (!used.at(a))
                block.append(added.at(a));
        }
        std::stable_sort(block.begin(), block.end(), [](const StatementDelta &x, const StatementDelta &y) {
            const int xi = x.fileIndex >= 0 ? x.fileIndex : x.recordedIndex;
            const int yi = y.fileIndex >= 0 ? y.fileIndex : y.recordedIndex;
            return xi < yi;
        });
        merged += block;
    }
    return merged;
}

QString describeStatementDiff(const QList<StatementDelta> &deltas)
{
    QStringList lines;
    const auto indent = [](const QString &text, const QString &mark) {
        QStringList out;
        for (const QString &line : text.split(QLatin1Char('\n')))
            out << mark + QStringLiteral(" ") + line;
        return out.join(QLatin1Char('\n'));
    };
    for (const StatementDelta &d : deltas) {
        switch (d.kind) {
        case StatementDelta::Kind::Same: break;
        case StatementDelta::Kind::Changed:
            lines << QStringLiteral("statement %1 (applied as statement %2) changed:").arg(d.fileIndex + 1).arg(d.recordedIndex + 1)
                  << indent(d.recorded, QStringLiteral("-")) << indent(d.file, QStringLiteral("+"));
            break;
        case StatementDelta::Kind::Added:
            lines << QStringLiteral("statement %1 is new in the file:").arg(d.fileIndex + 1) << indent(d.file, QStringLiteral("+"));
            break;
        case StatementDelta::Kind::Removed:
            lines << QStringLiteral("applied statement %1 is no longer in the file:").arg(d.recordedIndex + 1)
                  << indent(d.recorded, QStringLiteral("-"));
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}
