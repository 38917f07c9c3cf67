#pragma once

#include "core/run/BlockingSession.h"

#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

namespace Ui {
class BlockersPanel;
}
class BlockerMonitor;

// Who blocks the migration: the sessions holding the locks the engine's session waits for, read
// twice a second while a migration runs and on demand otherwise (then: every blocked session of
// the database). A selected blocker can be cancelled or terminated after a confirmation.
class BlockersPanel : public QWidget {
    Q_OBJECT
public:
    explicit BlockersPanel(QWidget *parent = nullptr);
    ~BlockersPanel() override;

    void setConnection(const QString &conninfo);
    // The engine's backend pid as its runner publishes it, transaction by transaction (behind a
    // transaction pooler each may run on another backend).
    void setEngineSession(const std::shared_ptr<const std::atomic<int>> &enginePid);
    // While `what` runs ("apply of 20250918_x"): watch the engine's session.
    void startWatching(const QString &what);
    void stopWatching();

    // Asks before cancelling or terminating; returns true to go on. Tests replace it.
    using Confirmer = std::function<bool(const QString &title, const QString &question)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

    const QList<BlockingSession> &blockers() const { return m_blockers; }
    void selectPid(int pid);

public slots:
    void refresh();
    void cancelSelected();
    void terminateSelected();

signals:
    void blockersShown(int count);
    void backendSignalled(int pid, bool terminate, bool ok);

private:
    void showBlockers(int waitingPid, const QList<BlockingSession> &blockers, const QString &error);
    void showSignalled(int pid, bool terminate, bool ok, const QString &message);
    void signalSelected(bool terminate);
    const BlockingSession *selected() const;
    void updateButtons();

    std::unique_ptr<Ui::BlockersPanel> m_ui;
    BlockerMonitor *m_monitor;
    Confirmer m_confirm;
    QList<BlockingSession> m_blockers;
    QString m_conninfo;
    QString m_watching;  // what runs, while watching
    std::shared_ptr<const std::atomic<int>> m_enginePid;
};
