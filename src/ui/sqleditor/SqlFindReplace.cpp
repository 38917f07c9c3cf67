#include "ui/sqleditor/SqlFindReplace.h"

#include "ui/deferred/SqlTextArea.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

SqlFindReplace::SqlFindReplace(const Parts &parts, SqlTextArea *editor, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_editor(editor)
{
    m_parts.bar->hide();
    connect(m_parts.find, &QLineEdit::returnPressed, this, &SqlFindReplace::findNext);
    connect(m_parts.findNext, &QPushButton::clicked, this, &SqlFindReplace::findNext);
    connect(m_parts.replaceOne, &QPushButton::clicked, this, [this] {
        // Only a found occurrence: a selection the user made for something else stays.
        if (m_editor->selectedText().compare(m_parts.find->text(), Qt::CaseInsensitive) == 0 && !m_parts.find->text().isEmpty())
            m_editor->replaceSelectedText(m_parts.replace->text());
        findNext();
    });
    connect(m_parts.replaceAll, &QPushButton::clicked, this, [this] {
        int replaced = 0;
        m_editor->setCursorPosition(0, 0);
        while (m_editor->findNext(m_parts.find->text(), false)) {
            m_editor->replaceSelectedText(m_parts.replace->text());
            ++replaced;
        }
        m_parts.status->setText(tr("%1 replaced").arg(replaced));
    });
}

void SqlFindReplace::open()
{
    m_parts.bar->show();
    m_parts.find->setFocus();
    m_parts.find->selectAll();
}

void SqlFindReplace::close()
{
    m_parts.bar->hide();
}

void SqlFindReplace::findNext()
{
    if (!m_editor->findNext(m_parts.find->text(), true))
        m_parts.status->setText(tr("\"%1\" not found").arg(m_parts.find->text()));
}
