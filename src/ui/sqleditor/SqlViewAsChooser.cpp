#include "ui/sqleditor/SqlViewAsChooser.h"

#include <QComboBox>
#include <QInputDialog>

SqlViewAsChooser::SqlViewAsChooser(QComboBox *combo, QWidget *dialogParent)
    : QObject(combo)
    , m_combo(combo)
    , m_dialogParent(dialogParent)
{
    m_combo->addItem(tr("the connection's role"), int(ViewAs::Mode::Owner));
    m_combo->addItem(QStringLiteral("service_role"), int(ViewAs::Mode::ServiceRole));
    m_combo->addItem(QStringLiteral("anon"), int(ViewAs::Mode::Anon));
    m_combo->addItem(tr("authenticated (a user)…"), int(ViewAs::Mode::Authenticated));
    connect(m_combo, &QComboBox::activated, this, &SqlViewAsChooser::chosen);
}

ViewAs SqlViewAsChooser::current() const
{
    ViewAs viewAs;
    viewAs.mode = ViewAs::Mode(m_combo->currentData().toInt());
    viewAs.userId = m_userId;
    return viewAs;
}

void SqlViewAsChooser::chosen()
{
    if (m_combo->currentData().toInt() != int(ViewAs::Mode::Authenticated))
        return;
    bool given = false;
    const QString id = QInputDialog::getText(m_dialogParent, tr("View as a user"), tr("The user's id (auth.users.id):"), QLineEdit::Normal,
                                             m_userId, &given);
    if (!given || id.trimmed().isEmpty())
        m_combo->setCurrentIndex(0);
    else
        m_userId = id.trimmed();
}
