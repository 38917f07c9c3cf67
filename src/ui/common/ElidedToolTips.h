#pragma once

class QAbstractItemView;
class QWidget;

// A cell whose text the view cuts short ("create_usage_tracki…") shows all of it as its tooltip,
// unless the model gives a tooltip of its own: no text is out of reach because a column is narrow.
namespace ElidedToolTips {

void install(QAbstractItemView *view);
// On every item view under `root` (a window: its pages' lists, trees and grids).
void installAll(QWidget *root);

}  // namespace ElidedToolTips
