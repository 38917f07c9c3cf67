#pragma once

#include <QList>
#include <QStringList>

// Which lines of two texts the other lacks (a longest common subsequence of lines), for showing
// two definitions side by side with the changed lines coloured.
struct LineDiff {
    QList<bool> removed;  // per line of the first text: not in the second
    QList<bool> added;    // per line of the second text: not in the first
};

LineDiff diffLines(const QStringList &before, const QStringList &after);
