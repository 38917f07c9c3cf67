#pragma once

#include "core/connection/ServerDetails.h"
#include "core/connection/ServerInfo.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ServerPage;
}

// What the connected server is: where, what it looks like (local, Supabase, a pooler), its
// version, the database and user, and what it has (history, pg_cron); below, a tab each for the
// settings that matter to migrations, extensions and their updates, sizes, connections and
// pg_cron's jobs, read when the connection opens and on Refresh.
class ServerPage : public QWidget {
    Q_OBJECT
public:
    explicit ServerPage(QWidget *parent = nullptr);
    ~ServerPage() override;

    void showServer(const ServerInfo &info);
    // The sections read by DbWorker::readServerDetails, a tab each.
    void showDetails(const QList<ServerSection> &sections);
    void clear();

signals:
    void detailsRequested();
    void detailsShown();

private:
    void clearDetails();

    std::unique_ptr<Ui::ServerPage> m_ui;
};
