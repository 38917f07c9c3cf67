// Must not compile: ui sees nothing of the entry points.
#include "app/cli/CommandLine.h"
