#pragma once

#include "core/advise/Advisors.h"

#include <QWidget>

#include <memory>

namespace Ui {
class AdvisorsPage;
}
class DbWorker;

// Supabase's database advisors run live on the connected database: each finding with its level,
// check, object and what is wrong; selected, why it matters and the SQL that fixes it, which opens
// in the SQL editor, and "Add to TODOs", a checklist line whose evidence is that check.
class AdvisorsPage : public QWidget {
    Q_OBJECT
public:
    AdvisorsPage(DbWorker *worker, QWidget *parent = nullptr);
    ~AdvisorsPage() override;

    void setConnected(bool connected);
    const QList<AdvisorFinding> &findings() const { return m_findings; }

public slots:
    void run();

signals:
    void openSql(const QString &sql);
    // A TODO line: its text and its evidence check ("advisor-NAME").
    void addTodo(const QString &text, const QString &checkId);
    void advisorsShown();

private:
    void show(const QList<AdvisorFinding> &findings, const QString &error);
    void select();

    std::unique_ptr<Ui::AdvisorsPage> m_ui;
    DbWorker *m_worker;
    QList<AdvisorFinding> m_findings;
    bool m_connected = false;
};
