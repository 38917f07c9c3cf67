#include "core/todo/TodoDocument.h"

#include "core/text/Utf8Check.h"

#include <QHash>
#include <QRegularExpression>

namespace {

// Windows-1252's characters for the bytes 0x80-0x9F (the rest of 0x80-0xFF is Latin-1).
const QHash<ushort, uchar> &cp1252Bytes()
{
    static const QHash<ushort, uchar> table = {
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
        {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
        {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
        {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
        {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
    };
    return table;
}

// The byte a character stood for when UTF-8 was misread as Windows-1252; -1 when none.
int misreadByte(QChar c)
{
    const ushort u = c.unicode();
    if (u >= 0x80 && u <= 0xFF)
        return u;  // Latin-1, and the C1 controls that undefined cp1252 bytes become
    const auto it = cp1252Bytes().constFind(u);
    return it == cp1252Bytes().constEnd() ? -1 : it.value();
}

// A line as the item pattern sees it, the same when indexing and when ticking.
QString withoutLineEnd(const QByteArray &bytes)
{
    QString line = QString::fromUtf8(bytes);
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

const QRegularExpression &itemPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\s*[-*+]\\s+\\[)([ xX])(\\]\\s+)(.*?)\\s*$"));
    return pattern;
}

}  // namespace

QString repairDoubleEncoding(const QString &text, QList<MojibakeFinding> *findings, int line)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const int lead = misreadByte(text.at(i));
        int length = 0;
        if (lead >= 0xC2 && lead <= 0xDF)
            length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF)
            length = 3;
        else if (lead >= 0xF0 && lead <= 0xF4)
            length = 4;
        if (length > 0 && i + length <= text.size()) {
            QByteArray bytes(1, char(lead));
            for (int k = 1; k < length; ++k) {
                const int b = misreadByte(text.at(i + k));
                if (b < 0x80 || b > 0xBF)
                    break;
                bytes.append(char(b));
            }
            if (bytes.size() == length && firstInvalidUtf8Byte(bytes) < 0) {
                const QString meant = QString::fromUtf8(bytes);
                if (findings)
                    findings->append({line, int(i) + 1, text.mid(i, length), meant});
                out += meant;
                i += length;
                continue;
            }
        }
        out += text.at(i);
        ++i;
    }
    return out;
}

bool TodoDocument::parse(const QByteArray &bytes, TodoDocument *document, QString *error)
{
    const qsizetype invalid = firstInvalidUtf8Byte(bytes);
    if (invalid >= 0) {
        int line = 0, column = 0;
        lineAndColumnAt(bytes, invalid, &line, &column);
        *error = QStringLiteral("%1:%2: not valid UTF-8 (byte 0x%3); save the file as UTF-8")
                     .arg(line)
                     .arg(column)
                     .arg(static_cast<unsigned char>(bytes.at(invalid)), 2, 16, QLatin1Char('0'));
        return false;
    }
    TodoDocument doc;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        end = end < 0 ? bytes.size() : end + 1;
        doc.m_lines.append(bytes.mid(start, end - start));
        start = end;
    }
    doc.reindex();
    *document = doc;
    return true;
}

void TodoDocument::reindex()
{
    m_items.clear();
    m_itemLines.clear();
    m_tickMarks.clear();
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+(.*?)\\s*#*\\s*$"));
    static const QRegularExpression marker(QStringLiteral("\\s*<!--\\s*check:\\s*([A-Za-z0-9_-]+)\\s*-->\\s*$"));
    QString section;
    bool inFence = false;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString line = withoutLineEnd(m_lines.at(i));
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            inFence = !inFence;  // a checklist inside a code block is an example, not a TODO
            continue;
        }
        if (inFence)
            continue;
        if (const auto h = heading.match(line); h.hasMatch()) {
            section = h.captured(1);
            continue;
        }
        const auto m = itemPattern().match(line);
        if (!m.hasMatch())
            continue;
        TodoItem item;
        item.line = i + 1;
        item.section = section;
        item.checked = m.captured(2) != QLatin1String(" ");
        item.text = m.captured(4);
        if (const auto c = marker.match(item.text); c.hasMatch()) {
            item.checkId = c.captured(1);
            item.text = item.text.left(c.capturedStart());
        }
        m_items.append(item);
        m_itemLines.append(i);
        m_tickMarks.append(item.checked ? m.captured(2).at(0).toLatin1() : 'x');
    }
}

bool TodoDocument::setChecked(int index, bool checked)
{
    if (index < 0 || index >= m_items.size())
        return false;
    QByteArray &line = m_lines[m_itemLines.at(index)];
    const auto m = itemPattern().match(withoutLineEnd(line));
    if (!m.hasMatch())
        return false;
    // The box sits after the prefix; count bytes, not characters, to touch only that byte.
    const qsizetype box = m.captured(1).toUtf8().size();
    if (checked && line.at(box) == ' ')
        line[box] = m_tickMarks.value(index, 'x');  // an item ticked as [X] before gets its X back
    else if (!checked && line.at(box) != ' ')
        line[box] = ' ';
    m_items[index].checked = checked;
    return true;
}

int TodoDocument::appendItem(const QString &text, const QString &checkId)
{
    const int after = m_itemLines.isEmpty() ? int(m_lines.size()) - 1 : m_itemLines.last();
    // The document's line ending: the line's it follows, else the first line's that has one.
    const auto endingOf = [](const QByteArray &line) { return line.endsWith("\r\n") ? QByteArray("\r\n") : QByteArray("\n"); };
    QByteArray ending = "\n";
    if (after >= 0 && m_lines.at(after).endsWith('\n')) {
        ending = endingOf(m_lines.at(after));
    } else {
        for (const QByteArray &line : std::as_const(m_lines)) {
            if (line.endsWith('\n')) {
                ending = endingOf(line);
                break;
            }
        }
    }
    if (after >= 0 && !m_lines.at(after).endsWith('\n'))
        m_lines[after] += ending;  // the last line had no line end
    QString line = QStringLiteral("- [ ] ") + text.simplified();
    if (!checkId.isEmpty())
        line += QStringLiteral(" <!-- check: %1 -->").arg(checkId);
    m_lines.insert(after + 1, line.toUtf8() + ending);
    reindex();
    return int(m_items.size()) - 1;  // after the last item: the last item
}

QByteArray TodoDocument::toBytes() const
{
    QByteArray out;
    for (const QByteArray &line : m_lines)
        out += line;
    return out;
}

QList<MojibakeFinding> TodoDocument::mojibake() const
{
    QList<MojibakeFinding> findings;
    for (int i = 0; i < m_lines.size(); ++i)
        repairDoubleEncoding(QString::fromUtf8(m_lines.at(i)), &findings, i + 1);
    return findings;
}

int TodoDocument::repairMojibake()
{
    int repaired = 0;
    for (QByteArray &line : m_lines) {
        QList<MojibakeFinding> findings;
        const QString fixed = repairDoubleEncoding(QString::fromUtf8(line), &findings);
        if (!findings.isEmpty()) {
            line = fixed.toUtf8();
            repaired += int(findings.size());
        }
    }
    reindex();
    return repaired;
}
