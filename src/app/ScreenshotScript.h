#pragma once

#include <QObject>
#include <QString>

class MainWindow;

// Drives the window to a page and a state, saves a PNG and quits: how the screenshots under
// docs/screenshots are made (scripts/screenshots), under Xvfb like any other run.
class ScreenshotScript : public QObject {
    Q_OBJECT
public:
    struct Plan {
        QString file;
        QString page;     // migrations, statements, blockers, todos, environments, server, profiles, browse...
        QString version;  // migrations: select this migration
        bool preview = false;  // migrations: run its dry run first
    };
    ScreenshotScript(MainWindow *window, Plan plan);

    // Call once the connection attempt has ended.
    void run();

private:
    void grab(QWidget *widget);

    MainWindow *m_window;
    Plan m_plan;
};
