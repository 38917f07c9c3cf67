#pragma once

#include "core/connection/ServerInfo.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ServerPage;
}

// What the connected server is: where, what it looks like (local, Supabase, a pooler), its
// version, the database and user, and what it has (history, pg_cron).
class ServerPage : public QWidget {
    Q_OBJECT
public:
    explicit ServerPage(QWidget *parent = nullptr);
    ~ServerPage() override;

    void showServer(const ServerInfo &info);
    void clear();

private:
    std::unique_ptr<Ui::ServerPage> m_ui;
};
