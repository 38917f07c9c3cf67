#include "core/text/TextTable.h"

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
    QList<qsizetype> widths;
    for (const QString &h : m_headers)
        widths.append(h.size());
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    qsizetype lineWidth = 0;
    for (const qsizetype w : widths)
        lineWidth += w + 2;
    QString out;
    out.reserve((m_rows.size() + 1) * (lineWidth + 16));
    const auto line = [&](const QStringList &cells, const QStringList &colours, bool bold) {
        const qsizetype start = out.size();
        for (int c = 0; c < widths.size(); ++c) {
            const QString &cell = c < cells.size() ? cells.at(c) : QString();
            const bool last = c == widths.size() - 1;
            const QString code = bold ? QStringLiteral("1") : colours.value(c);
            const bool paint = colour && !code.isEmpty();
            if (paint)
                out += QLatin1String("\x1b[") + code + QLatin1Char('m');
            out += cell;
            if (!last)
                out.resize(out.size() + widths[c] - cell.size(), QLatin1Char(' '));
            if (paint)
                out += QLatin1String("\x1b[0m");
            if (!last)
                out += QLatin1String("  ");
        }
        while (out.size() > start && out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        out += QLatin1Char('\n');
    };
    line(m_headers, {}, true);
    for (int r = 0; r < m_rows.size(); ++r)
        line(m_rows.at(r), m_colours.at(r), false);
    return out;
}
