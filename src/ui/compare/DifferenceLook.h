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
// Colours the lines of `edit` that `marks` flags (full width, dark text on any palette).
void markLines(QPlainTextEdit *edit, const QList<bool> &marks, const QColor &colour);

}  // namespace DifferenceLook
