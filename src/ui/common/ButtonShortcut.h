#pragma once

#include <QKeySequence>
#include <QString>

#include <functional>

class QAbstractButton;
class QShortcut;
class QWidget;

// Every key the console answers is said where the user looks for it: the key that clicks a
// button is named in the button's tooltip; a key with no button says where it is documented.
// tst_pagesfinished checks that every shortcut of the window is one or the other.
namespace ButtonShortcut {

// `sequence` clicks `button` (when enabled) while `scope` is shown (`context`: where the focus
// must be). Appends " (KEY)" to the tooltip unless it names the key already.
QShortcut *add(QAbstractButton *button, const QKeySequence &sequence, QWidget *scope,
               Qt::ShortcutContext context = Qt::WidgetWithChildrenShortcut);
// A key with no button of its own; `saidIn` names where it is documented ("Help > Keyboard shortcuts").
QShortcut *addWithoutButton(const QKeySequence &sequence, QWidget *scope, std::function<void()> action, const QString &saidIn,
                            Qt::ShortcutContext context = Qt::WidgetWithChildrenShortcut);
// Marks an existing shortcut as `button`'s (its tooltip names the key), where pressing the key
// does more than click it.
void announce(QShortcut *shortcut, QAbstractButton *button);
// Marks an existing shortcut as one with no button, documented in `saidIn`.
void sayIn(QShortcut *shortcut, const QString &saidIn);
// How tooltips write a key: "Ctrl+Enter" for Ctrl+Return.
QString keyText(const QKeySequence &sequence);

}  // namespace ButtonShortcut
