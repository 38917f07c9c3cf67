#pragma once

#include "core/run/ActionGuard.h"
#include "core/run/RunReport.h"

#include <QDialog>

#include <memory>

namespace Ui {
class RepairDialog;
}
class DriftView;

// Asks before the history is repaired (marked applied or reverted without running anything): it
// shows the file beside the recorded statements, and for "applied" the verify checks on this
// database; it wants a reason, an acknowledgement when checks failed, and on production the
// typed database name.
class RepairDialog : public QDialog {
    Q_OBJECT
public:
    struct Facts {
        QString version;
        QString displayName;      // "20250918_create_usage_tracking_tables"
        bool markApplied = true;
        bool recorded = false;    // the history has a row for it now
        QStringList recordedStatements;
        QStringList fileStatements;  // empty without a file
        QString fileName;
        RunReport checks;         // verify, for "applied"
    };
    RepairDialog(const Facts &facts, const ActionGuard &guard, QWidget *parent = nullptr);
    ~RepairDialog() override;

    QString reason() const;
    DriftView *driftView() const { return m_drift; }
    // Whether OK may be pressed now (reason given, failed checks acknowledged, name typed).
    bool acceptable() const;

private:
    void updateOk();

    std::unique_ptr<Ui::RepairDialog> m_ui;
    DriftView *m_drift;
    ActionGuard m_guard;
    bool m_checksFailed = false;
};
