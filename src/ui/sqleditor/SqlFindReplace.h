#pragma once

#include <QObject>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;
class SqlTextArea;

// The SQL editor's find and replace bar: Ctrl+F opens it with the text to find selected, Return
// or Find next looks further (wrapping round), Replace changes the match and finds the next,
// Replace all every match from the top; what was not found or how many were replaced is said in
// the status line.
class SqlFindReplace : public QObject {
    Q_OBJECT
public:
    struct Parts {
        QWidget *bar;
        QLineEdit *find;
        QLineEdit *replace;
        QPushButton *findNext;
        QPushButton *replaceOne;
        QPushButton *replaceAll;
        QLabel *status;
    };
    SqlFindReplace(const Parts &parts, SqlTextArea *editor, QObject *parent);

    void open();
    void close();

private:
    void findNext();

    Parts m_parts;
    SqlTextArea *m_editor;
};
