#include "core/connection/DbError.h"

QString DbError::toString() const
{
    QString text;
    if (!severity.isEmpty())
        text += severity + (sqlState.isEmpty() ? QStringLiteral(": ") : QStringLiteral(" "));
    if (!sqlState.isEmpty())
        text += sqlState + QStringLiteral(": ");
    text += message;
    if (!detail.isEmpty())
        text += QStringLiteral("\nDETAIL: ") + detail;
    if (!hint.isEmpty())
        text += QStringLiteral("\nHINT: ") + hint;
    if (!context.isEmpty())
        text += QStringLiteral("\nCONTEXT: ") + context;
    return text;
}
