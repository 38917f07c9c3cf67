#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// How a file's statements differ from the ones recorded when it was applied (the Supabase CLI's
// statements column): an alignment by longest common subsequence, so that one inserted statement
// shows as one insertion, not as every statement after it changed.
struct StatementDelta {
    enum class Kind { Same, Changed, Added, Removed };
    Kind kind = Kind::Same;
    int recordedIndex = -1;  // 0-based; -1 for Added
    int fileIndex = -1;      // 0-based; -1 for Removed
    QString recorded;
    QString file;
};

QList<StatementDelta> diffStatements(const QStringList &recorded, const QStringList &file);
// Side by side for a terminal: only what differs, with statement numbers.
QString describeStatementDiff(const QList<StatementDelta> &deltas);
