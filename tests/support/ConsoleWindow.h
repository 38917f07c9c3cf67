#pragma once

#include "ui/MainWindow.h"
#include "ui/migrations/MigrationsPage.h"

#include <QtTest>

// Shows the console on `folder`, connects it to `conninfo` and waits for the first status of the
// migrations page (the test fails when it does not come; check QTest::currentTestFailed()).
inline void openConsole(MainWindow &window, const QString &conninfo, const QString &folder)
{
    window.setMigrationsFolder(folder);
    window.show();
    QSignalSpy shown(window.migrationsPage(), &MigrationsPage::statusShown);
    window.connectTo(conninfo);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
}
