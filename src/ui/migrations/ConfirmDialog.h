#pragma once

#include "core/run/ActionGuard.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConfirmDialog;
}

// Shows what an action will do and asks for the confirmation its guard demands: OK on staging,
// the typed database name (or project ref) on production; destructive statements in red.
class ConfirmDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConfirmDialog(const ActionGuard &guard, QWidget *parent = nullptr);
    ~ConfirmDialog() override;

private:
    std::unique_ptr<Ui::ConfirmDialog> m_ui;
    ActionGuard m_guard;
};
