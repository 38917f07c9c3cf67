// Must not compile: db sees nothing of the widgets.
#include "ui/MainWindow.h"
