#include "core/TextTable.h"

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{
}

void TextTable::addRow(const QStringList &cells, const QStringList &colours)
{
    m_rows.append(cells);
    m_colours.append(colours);
}

QString TextTable::render(bool colour) const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths.append(int(h.size()));
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    }
    const auto line = [&](const QStringList &cells, const QStringList &colours, bool bold) {
        QString out;
        for (int c = 0; c < widths.size(); ++c) {
            const QString cell = cells.value(c);
            const bool last = c == widths.size() - 1;
            const QString padded = last ? cell : cell.leftJustified(widths[c]);
            const QString code = bold ? QStringLiteral("1") : colours.value(c);
            if (colour && !code.isEmpty())
                out += QStringLiteral("\x1b[%1m%2\x1b[0m").arg(code, padded);
            else
                out += padded;
            if (!last)
                out += QStringLiteral("  ");
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out + QLatin1Char('\n');
    };
    QString out = line(m_headers, {}, true);
    for (int r = 0; r < m_rows.size(); ++r)
        out += line(m_rows.at(r), m_colours.at(r), false);
    return out;
}
