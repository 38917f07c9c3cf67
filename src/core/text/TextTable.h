#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A table for terminals: columns padded to their widest cell, the last column left ragged.
// Colour codes may be passed per cell; they do not count towards the width.
class TextTable {
public:
    explicit TextTable(QStringList headers);
    void addRow(const QStringList &cells, const QStringList &colours = {});
    QString render(bool colour) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<QStringList> m_colours;
};
