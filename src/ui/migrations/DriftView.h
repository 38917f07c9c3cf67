#pragma once

#include "core/sql/StatementDiff.h"

#include <QWidget>

#include <memory>

namespace Ui {
class DriftView;
}

// The file's statements beside the ones the history recorded when it was applied, aligned, the
// differing ones coloured: what changed in a file since `db push` or apply.
class DriftView : public QWidget {
    Q_OBJECT
public:
    explicit DriftView(QWidget *parent = nullptr);
    ~DriftView() override;

    void showDiff(const QString &fileName, const QStringList &recorded, const QStringList &file);
    void showMessage(const QString &message);
    const QList<StatementDelta> &deltas() const { return m_deltas; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill();

    std::unique_ptr<Ui::DriftView> m_ui;
    QList<StatementDelta> m_deltas;
    bool m_fontSet = false;
};
