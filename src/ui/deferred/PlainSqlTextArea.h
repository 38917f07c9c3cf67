#pragma once

#include "ui/deferred/SqlTextArea.h"

#include <QPlainTextEdit>

// The SQL editor's text when QScintilla's cannot be had (the module of later parts is missing):
// plain text in a fixed-width font, the error's line tinted, no highlighting and no completion
// list. Its placeholder says why.
class PlainSqlTextArea : public QPlainTextEdit, public SqlTextArea {
    Q_OBJECT
public:
    PlainSqlTextArea(const QString &why, QWidget *parent = nullptr);

    QWidget *widget() override { return this; }
    QString text() const override { return toPlainText(); }
    void setText(const QString &text) override { setPlainText(text); }
    void insert(const QString &text) override;
    bool hasSelectedText() const override { return textCursor().hasSelection(); }
    QString selectedText() const override;
    bool isModified() const override;
    void setModified(bool modified) override;
    void onModificationChanged(QObject *context, std::function<void(bool)> changed) override;
    bool findNext(const QString &text, bool wrap) override;
    void replaceSelectedText(const QString &text) override { textCursor().insertText(text); }
    void setCursorPosition(int line, int index) override;
    int cursorOffset() const override { return textCursor().position(); }
    bool selectionRange(int *from, int *to) const override;
    void markError(int line, int column) override;
    void clearErrorMark() override;
    int markedErrorLine() const override { return m_errorLine; }
    void setCompletions(const QStringList &names) override { m_names = names; }
    QStringList completions() const override { return m_names; }

private:
    QStringList m_names;
    int m_errorLine = 0;
};
