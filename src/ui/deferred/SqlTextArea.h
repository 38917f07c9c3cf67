#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QObject;
class QWidget;

// What the SQL editor's tab asks of its text area. QScintilla's editor (SqlTextEditor, in the
// module opened after the first paint) is one; a plain-text area is the other, when that module
// cannot be opened. Offsets count QString characters, as EditorScript does; lines and columns
// given to markError are 1-based, those of setCursorPosition 0-based (QScintilla's).
class SqlTextArea {
public:
    virtual ~SqlTextArea() = default;

    // The widget itself (owned by its parent, as any widget).
    virtual QWidget *widget() = 0;

    virtual QString text() const = 0;
    virtual void setText(const QString &text) = 0;
    // At the cursor, without replacing the selection.
    virtual void insert(const QString &text) = 0;
    virtual bool hasSelectedText() const = 0;
    virtual QString selectedText() const = 0;
    virtual bool isModified() const = 0;
    virtual void setModified(bool modified) = 0;
    // Calls `changed` with isModified() when it changes, while `context` lives.
    virtual void onModificationChanged(QObject *context, std::function<void(bool)> changed) = 0;

    // Selects the next occurrence of `text` after the cursor (case-insensitive), from the start
    // again when `wrap`; false when there is none.
    virtual bool findNext(const QString &text, bool wrap) = 0;
    // The selection, whatever it holds, becomes `text`.
    virtual void replaceSelectedText(const QString &text) = 0;
    virtual void setCursorPosition(int line, int index) = 0;
    virtual int cursorOffset() const = 0;
    // The selection as offsets into text(); false when nothing is selected.
    virtual bool selectionRange(int *from, int *to) const = 0;

    // Marks line:column as where an error is and moves the cursor there; 0 when none is marked.
    virtual void markError(int line, int column) = 0;
    virtual void clearErrorMark() = 0;
    virtual int markedErrorLine() const = 0;

    // Names to complete (schemas, tables, columns, functions), replacing the previous ones.
    virtual void setCompletions(const QStringList &names) = 0;
    virtual QStringList completions() const = 0;
};
