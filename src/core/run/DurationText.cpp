#include "core/run/DurationText.h"

#include <QRegularExpression>

bool isDurationWithUnit(const QString &text)
{
    static const QRegularExpression valid(QStringLiteral("^\\s*\\d+\\s*(ms|s|min|h)\\s*$"));
    return valid.match(text).hasMatch();
}
