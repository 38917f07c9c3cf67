#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One checklist item of a markdown document: "- [ ] text" or "- [x] text".
struct TodoItem {
    int line = 0;        // 1-based line in the document
    QString section;     // the nearest heading above it ("TODO for Production")
    QString text;        // after the box, without a trailing check marker
    bool checked = false;
    QString checkId;     // from a trailing "<!-- check: ID -->" marker, else empty
};

// Text that arrived double-encoded (UTF-8 read as Windows-1252 and saved as UTF-8 again):
// "âœ…" where "✅" was meant.
struct MojibakeFinding {
    int line = 0;  // 1-based
    int column = 0;
    QString found;     // "âœ…"
    QString repaired;  // "✅"
};

// A markdown status document with a checklist, kept byte for byte: ticking an item rewrites only
// the box of that line, so a diff of the file shows exactly one changed line.
class TodoDocument {
public:
    // Fails (returns false, `error` says where) on text that is not UTF-8.
    static bool parse(const QByteArray &bytes, TodoDocument *document, QString *error);

    const QList<TodoItem> &items() const { return m_items; }
    // Ticks or unticks item `index`; false when the index is out of range.
    bool setChecked(int index, bool checked);
    // Adds "- [ ] text <!-- check: ID -->" after the last item (at the end when there is none),
    // with the document's line ending; returns the new item's index.
    int appendItem(const QString &text, const QString &checkId);
    QByteArray toBytes() const;

    QList<MojibakeFinding> mojibake() const;
    // Replaces every double-encoded sequence with what was meant; returns how many it replaced.
    int repairMojibake();

private:
    void reindex();

    QList<QByteArray> m_lines;  // each with its own line ending, exactly as read
    QList<TodoItem> m_items;
    QList<int> m_itemLines;     // 0-based line of each item
    QList<char> m_tickMarks;    // the mark each item is ticked with: x, or X when the file used X
};

// Repairs one string; exposed for the tests.
QString repairDoubleEncoding(const QString &text, QList<MojibakeFinding> *findings = nullptr, int line = 0);
