#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/sql/SqlScript.h"
#include "core/schema/RelationSize.h"

#include <QWidget>

#include <memory>

namespace Ui {
class StatementsView;
}

// A script's statements as PostgreSQL's parser sees them: each with its risks, whether it can run
// in a transaction, the lock it takes on which table (rewrite or full scan, a safer form), and,
// once the sizes are known, how big each locked table is.
class StatementsView : public QWidget {
    Q_OBJECT
public:
    explicit StatementsView(QWidget *parent = nullptr);
    ~StatementsView() override;

    void showScript(const MigrationScript &script);
    void clear();
    // The existing tables the statements lock (not the ones the script creates).
    QStringList touchedRelations() const;
    // Sizes from the database: shown beside each lock, and the big rewrites and scans in the summary.
    void setSizes(const QHash<QString, RelationSize> &sizes);

private:
    void fill();

    std::unique_ptr<Ui::StatementsView> m_ui;
    MigrationScript m_script;  // its parse is shared with every other reader of the file
    QHash<QString, RelationSize> m_sizes;
};
