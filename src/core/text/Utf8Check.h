#pragma once

#include <QByteArray>

// Where a byte string stops being valid UTF-8, as a byte offset; -1 when it is valid throughout.
// Overlong forms, surrogates and code points above U+10FFFF count as invalid, as in PostgreSQL.
qsizetype firstInvalidUtf8Byte(const QByteArray &bytes);

// 1-based line and column (in characters) of a byte offset into UTF-8 text. Invalid bytes count
// as one column each, so a position can be reported even in a file that failed to decode.
void lineAndColumnAt(const QByteArray &bytes, qsizetype offset, int *line, int *column);

class QString;
// 1-based line and column of the character (code point) with 0-based index `characters`.
void lineAndColumnAtCharacter(const QString &text, int characters, int *line, int *column);
