#include "core/text/Utf8Check.h"

#include <QString>

qsizetype firstInvalidUtf8Byte(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned int min = 0;
        unsigned int cp = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2, min = 0x80, cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, min = 0x800, cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, min = 0x10000, cp = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (data[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

void lineAndColumnAt(const QByteArray &bytes, qsizetype offset, int *line, int *column)
{
    int l = 1;
    int c = 1;
    const qsizetype end = qMin(offset, bytes.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(bytes.at(i));
        if (byte == '\n') {
            ++l;
            c = 1;
        } else if ((byte & 0xC0) != 0x80) {  // continuation bytes belong to the previous column
            ++c;
        }
    }
    *line = l;
    *column = c;
}

void lineAndColumnAtCharacter(const QString &text, int characters, int *line, int *column)
{
    int l = 1;
    int c = 1;
    int seen = 0;
    for (qsizetype i = 0; i < text.size() && seen < characters; ++i) {
        if (text.at(i).isLowSurrogate())
            continue;  // the second half of a code point counted at its first half
        ++seen;
        if (text.at(i) == QLatin1Char('\n')) {
            ++l;
            c = 1;
        } else {
            ++c;
        }
    }
    *line = l;
    *column = c;
}
