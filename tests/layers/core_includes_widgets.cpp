// Must not compile: core links Qt Core only.
#include <QWidget>
