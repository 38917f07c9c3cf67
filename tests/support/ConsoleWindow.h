#pragma once

#include "ui/MainWindow.h"
#include "ui/migrations/MigrationsPage.h"

#include <QtTest>

// Shows the console on `folder`, connects it to `conninfo` and waits for the first status of the
// migrations page; false when it does not come. QVERIFY(openConsole(...)).
[[nodiscard]] inline bool openConsole(MainWindow &window, const QString &conninfo, const QString &folder)
{
    window.setMigrationsFolder(folder);
    window.show();
    QSignalSpy shown(window.migrationsPage(), &MigrationsPage::statusShown);
    window.connectTo(conninfo);
    return QTest::qWaitFor([&shown] { return !shown.isEmpty(); }, 15000);
}
