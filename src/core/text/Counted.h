#pragma once

#include <QString>

// "1 statement", "3 statements": a count with its noun, for messages read by people (the CLI's
// summaries, history lines). English plural by appending "s" unless a plural is given.
inline QString counted(qsizetype count, const QString &singular, const QString &plural = QString())
{
    const QString noun = count == 1 ? singular : plural.isEmpty() ? singular + QLatin1Char('s') : plural;
    return QString::number(count) + QLatin1Char(' ') + noun;
}
