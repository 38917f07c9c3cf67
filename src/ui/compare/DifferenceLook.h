#pragma once

#include "core/schema/SchemaComparison.h"

#include <QColor>
#include <QList>
#include <QString>

class QPlainTextEdit;

// How the Compare page shows a difference: its colour and word in the tree, and the changed
// lines of the two definitions marked.
namespace DifferenceLook {

QColor colour(SchemaDifference::Type type);
QString word(SchemaDifference::Type type);  // "+ added", "− removed", "~ changed"
// The part of a line that changed: characters [start, start + length) of line `line`.
struct Span {
    int line = 0;
    int start = 0;
    int length = 0;
};

// Where two versions of a line differ: what lies between their common start and common end, on
// each side (a one-line definition, a policy or an index, shows its changed words, not the line).
std::pair<Span, Span> changedSpans(int fromLine, const QString &from, int toLine, const QString &to);

// Colours the lines of `edit` that `marks` flags (full width, dark text on any palette), and
// within them the `spans` in `spanColour`.
void markLines(QPlainTextEdit *edit, const QList<bool> &marks, const QColor &colour, const QList<Span> &spans = {},
               const QColor &spanColour = QColor());

}  // namespace DifferenceLook
