#pragma once

#include "core/status/MigrationStatus.h"
#include "core/todo/TodoDocument.h"
#include "core/todo/TodoEvidence.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class TodoPage;
}
class DbWorker;

// The production TODO checklist of a status document: ticks written back to the file (that line
// only) and recorded locally with who and when, and beside each TODO the evidence the connected
// database gives, with disagreements highlighted.
class TodoPage : public QWidget {
    Q_OBJECT
public:
    explicit TodoPage(DbWorker *worker, QWidget *parent = nullptr);
    ~TodoPage() override;

    void setDocumentPath(const QString &path);
    QString documentPath() const { return m_path; }
    void setConnected(bool connected);
    // Asks before the character repair rewrites the file; tests replace the dialog.
    void setRepairConfirmer(std::function<bool(const QList<MojibakeFinding> &)> confirmer)
    {
        m_confirmRepair = std::move(confirmer);
    }

public slots:
    void reload();
    void checkEvidence();
    // Appends a checklist item whose evidence is `checkId` to the document (written at once, as a
    // tick is); false with the reason in the status line when it cannot.
    bool addItem(const QString &text, const QString &checkId);
    void repairCharacters();
    // Regenerates the document's Migrations section from `rows` (the live state of `environment`).
    void exportStatus(const QList<MigrationStatusRow> &rows, const QString &environment);

signals:
    void documentChanged();  // a tick or a repair was written to the file
    void evidenceShown();
    void exportRequested();

private:
    void showItems();
    void showDetail();
    void onItemChanged(int index, bool checked);
    void showEvidence(const QList<EvidenceResult> &results);
    bool save(const QByteArray &expectedOnDisk);
    QString tickKey(const TodoItem &item) const;

    std::unique_ptr<Ui::TodoPage> m_ui;
    DbWorker *m_worker;
    QString m_path;
    QByteArray m_loaded;  // the bytes as last read or written, to notice edits made elsewhere
    TodoDocument m_document;
    bool m_connected = false;
    bool m_populating = false;
    bool m_widthsRemembered = false;  // the user's column widths, not the defaults
    std::function<bool(const QList<MojibakeFinding> &)> m_confirmRepair;
};
