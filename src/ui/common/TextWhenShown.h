#pragma once

#include <QString>

class QLabel;

// Gives a label its text when it is first shown, or now when it is visible. A word-wrapped label
// measures its text at several widths whenever a layout asks for its size, and the layouts of a
// tab widget ask every tab, shown or not: three explanations in the migrations page's hidden tabs
// were a quarter of the work before the window's first paint. A text set on the label in between
// (a result arrived) wins over the deferred one.
namespace TextWhenShown {
void set(QLabel *label, const QString &text);
}
