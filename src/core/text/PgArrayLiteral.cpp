#include "core/text/PgArrayLiteral.h"

QString pgTextArrayLiteral(const QStringList &elements)
{
    QStringList quoted;
    for (QString element : elements)
        quoted << QLatin1Char('"') + element.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""))
                      + QLatin1Char('"');
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}
