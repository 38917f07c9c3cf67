#include "core/browse/ValueFormat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

namespace ValueFormat {

namespace {

const int kCellLimit = 120;

// PostgreSQL's timestamptz text ("2026-06-30 23:59:59.123456+00", offsets like +05:30 or -03).
QDateTime parseTimestamptz(const QString &value)
{
    QString iso = value;
    iso.replace(QLatin1Char(' '), QLatin1Char('T'));
    const qsizetype sign = qMax(iso.lastIndexOf(QLatin1Char('+')), iso.lastIndexOf(QLatin1Char('-')));
    if (sign > 10 && iso.size() - sign == 3)
        iso += QStringLiteral(":00");
    // Qt reads milliseconds; drop the microseconds beyond them.
    const qsizetype dot = iso.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < iso.size() && iso.at(end).isDigit())
            ++end;
        if (end - dot > 4)
            iso.remove(dot + 4, end - dot - 4);
    }
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

}  // namespace

bool isNumeric(const QString &type)
{
    return type.startsWith(QLatin1String("numeric")) || type == QLatin1String("integer") || type == QLatin1String("bigint")
        || type == QLatin1String("smallint") || type == QLatin1String("real") || type == QLatin1String("double precision");
}

QString cell(const QString &type, const QString &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (type == QLatin1String("timestamp with time zone")) {
        const QDateTime t = parseTimestamptz(value);
        if (t.isValid())
            return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    if (type == QLatin1String("bytea") && value.startsWith(QLatin1String("\\x"))) {
        const qsizetype bytes = (value.size() - 2) / 2;
        return value.left(2 + 16) + (bytes > 8 ? QStringLiteral("… (%1 bytes)").arg(bytes) : QString());
    }
    QString text = value;
    text.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    if (text.size() > kCellLimit)
        return text.left(kCellLimit) + QStringLiteral("… (%1 characters)").arg(value.size());
    return text;
}

QString tooltip(const QString &type, const QString &value)
{
    if (value.isNull())
        return QStringLiteral("NULL (no value)");
    if (type == QLatin1String("timestamp with time zone")) {
        const QDateTime t = parseTimestamptz(value);
        if (t.isValid())
            return QStringLiteral("%1 UTC\n%2 local")
                .arg(t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                     t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t")));
    }
    if (value.isEmpty())
        return QStringLiteral("(empty string)");
    return value.size() > 2000 ? value.left(2000) + QStringLiteral("…") : value;
}

QString pretty(const QString &type, const QString &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (type == QLatin1String("jsonb") || type == QLatin1String("json")) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
        if (!doc.isNull())
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    return value;
}

}  // namespace ValueFormat
