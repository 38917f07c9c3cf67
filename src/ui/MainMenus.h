#pragma once

#include <QString>

class MainWindow;
class QTabWidget;

// The menu bar: File (profiles, quit), View (each page, Ctrl+1 … Ctrl+7) and Help (the keyboard
// shortcuts of every page, About). Actions name their shortcut in their tooltip.
namespace MainMenus {

void install(MainWindow *window, QTabWidget *pages);
// The keyboard shortcuts of the console, as Help shows them.
QString shortcutsText();

}  // namespace MainMenus
