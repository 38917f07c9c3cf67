#pragma once

#include "ui/deferred/SqlTextArea.h"

#include <Qsci/qsciscintilla.h>

class QsciAPIs;
class QsciLexerSQL;

// The editor itself: QScintilla with PostgreSQL's keywords highlighted, line numbers, folding,
// autocompletion from the connected database's names, and an error's place marked in the margin
// with the cursor put there.
class SqlTextEditor : public QsciScintilla, public SqlTextArea {
    Q_OBJECT
public:
    explicit SqlTextEditor(QWidget *parent = nullptr);

    // SqlTextArea. Where QScintilla has the same function (virtual or not), this one is it.
    QWidget *widget() override { return this; }
    using QsciScintilla::text;
    QString text() const override { return QsciScintilla::text(); }
    void setText(const QString &text) override { QsciScintilla::setText(text); }
    void insert(const QString &text) override { QsciScintilla::insert(text); }
    bool hasSelectedText() const override { return QsciScintilla::hasSelectedText(); }
    QString selectedText() const override { return QsciScintilla::selectedText(); }
    bool isModified() const override { return QsciScintilla::isModified(); }
    void setModified(bool modified) override { QsciScintilla::setModified(modified); }
    void onModificationChanged(QObject *context, std::function<void(bool)> changed) override;
    bool findNext(const QString &text, bool wrap) override { return findFirst(text, false, false, false, wrap); }
    void replaceSelectedText(const QString &text) override { QsciScintilla::replaceSelectedText(text); }
    void setCursorPosition(int line, int index) override { QsciScintilla::setCursorPosition(line, index); }
    int cursorOffset() const override;
    bool selectionRange(int *from, int *to) const override;
    void markError(int line, int column) override;
    void clearErrorMark() override;
    int markedErrorLine() const override { return m_errorLine; }
    void setCompletions(const QStringList &names) override;
    QStringList completions() const override { return m_names; }

protected:
    // Escape (cancel, unless a completion list is open) and Ctrl+D (dry run) belong to the page.
    bool event(QEvent *event) override;

private:
    void followPalette();
    int offsetOf(int line, int index) const;

    QsciLexerSQL *m_lexer;
    QsciAPIs *m_apis;
    QStringList m_names;
    int m_errorMarker = 0;
    int m_errorLine = 0;
};
