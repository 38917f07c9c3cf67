#pragma once

#include <QString>

class QHeaderView;
class QSplitter;

// What the user arranges stays arranged: a splitter's sizes and a view's column widths are saved
// in the settings under `key` as they change and restored when the widget is made again.
namespace RememberedLayout {

// Restores the sizes saved under `key` (true when there were some) and saves them on every move.
bool keep(QSplitter *splitter, const QString &key);
// Restores the column widths saved under `key` (true when there were some) and saves them when
// the user resizes a column. Call it once the view has its columns.
bool keep(QHeaderView *header, const QString &key);
// True once the columns of a header kept above have widths of the user's (restored, or dragged
// since): a view that sizes its columns to their contents on each fill leaves them alone then.
bool userSized(const QHeaderView *header);

}  // namespace RememberedLayout
