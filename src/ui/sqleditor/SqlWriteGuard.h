#pragma once

#include "core/run/ActionGuard.h"
#include "core/sqleditor/EditorScript.h"

#include <QObject>

#include <functional>

class QCheckBox;
class QLabel;

// The safety of the environment in one SQL editor: read-only unless local; on production, writes
// are allowed only once the database's name is typed; a statement that can destroy data (the
// migration rules' error findings, or a destructive kind) is asked about first on staging and
// production, and every statement's findings are said before it runs.
class SqlWriteGuard : public QObject {
    Q_OBJECT
public:
    // `writeCheck`: the "Allow writes" box, which this drives; `status`: where a refusal is said.
    SqlWriteGuard(QCheckBox *writeCheck, QLabel *status, QWidget *dialogParent);

    void setEnvironment(Environment environment, const QString &database);
    Environment environment() const { return m_environment; }
    const QString &database() const { return m_database; }
    bool readOnly() const { return !m_writing; }
    // Whether `unit` may run; its findings go to `say` first.
    bool mayRun(const EditorUnit &unit, const std::function<void(const QString &)> &say);

private:
    void setWriting(bool on);

    QCheckBox *m_writeCheck;
    QLabel *m_status;
    QWidget *m_dialogParent;
    Environment m_environment = Environment::Production;
    QString m_database;
    bool m_writing = false;
};
