#pragma once

#include <Qsci/qsciscintilla.h>

class QsciAPIs;
class QsciLexerSQL;

// The editor itself: QScintilla with PostgreSQL's keywords highlighted, line numbers, folding,
// autocompletion from the connected database's names, and an error's place marked in the margin
// with the cursor put there.
class SqlTextEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit SqlTextEditor(QWidget *parent = nullptr);

    // Names to complete (schemas, tables, columns, functions), replacing the previous ones.
    void setCompletions(const QStringList &names);
    QStringList completions() const { return m_names; }
    // Marks line:column (1-based) as where an error is, and moves the cursor there.
    void markError(int line, int column);
    void clearErrorMark();
    int markedErrorLine() const { return m_errorLine; }
    // The cursor's character offset into text(), and the selection's, for EditorScript.
    int cursorOffset() const;
    bool selectionRange(int *from, int *to) const;

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
