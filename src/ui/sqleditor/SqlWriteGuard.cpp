#include "ui/sqleditor/SqlWriteGuard.h"

#include "core/sqleditor/StatementWarnings.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>

SqlWriteGuard::SqlWriteGuard(QCheckBox *writeCheck, QLabel *status, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_writeCheck(writeCheck)
    , m_status(status)
    , m_dialogParent(dialogParent)
{
    connect(m_writeCheck, &QCheckBox::clicked, this, &SqlWriteGuard::setWriting);
}

void SqlWriteGuard::setEnvironment(Environment environment, const QString &database)
{
    m_environment = environment;
    m_database = database;
    // Read-only unless local; production needs the database's name typed to write.
    m_writing = environment == Environment::Local;
    m_writeCheck->setChecked(m_writing);
    m_writeCheck->setStyleSheet(QString());  // red only while writes are allowed off local
}

void SqlWriteGuard::setWriting(bool on)
{
    if (on && m_environment == Environment::Production) {
        const QString typed = QInputDialog::getText(m_dialogParent, tr("Allow writes on production"),
                                                    tr("Statements will be able to change the production database %1.\n"
                                                       "Type its name to allow writes:").arg(m_database));
        if (typed != m_database) {
            on = false;
            if (!typed.isEmpty())
                m_status->setText(tr("\"%1\" is not the database's name: still read-only").arg(typed));
        }
    }
    m_writing = on;
    m_writeCheck->setChecked(on);
    m_writeCheck->setStyleSheet(on && m_environment != Environment::Local ? QStringLiteral("QCheckBox { color: #b00020; font-weight: bold; }")
                                                                        : QString());
}

bool SqlWriteGuard::mayRun(const EditorUnit &unit, const std::function<void(const QString &)> &say)
{
    const StatementWarnings warnings = statementWarnings(unit);
    for (const QString &line : warnings.lines)
        say(line);
    if (!warnings.destructive || m_environment == Environment::Local || readOnly())
        return true;
    const auto answer = QMessageBox::warning(m_dialogParent, tr("Destructive statement on %1").arg(environmentName(m_environment)),
                                             tr("This statement can destroy data on %1 (%2):\n\n%3\n\nRun it?")
                                                 .arg(m_database, environmentName(m_environment), unit.text.left(400)),
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}
