#include "db/SqlResource.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

QString sqlResource(const QString &name)
{
    static QMutex mutex;
    static QHash<QString, QString> cache;
    QMutexLocker lock(&mutex);
    const auto cached = cache.constFind(name);
    if (cached != cache.constEnd())
        return cached.value();
    QFile file(QStringLiteral(":/sql/%1.sql").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no SQL resource %s (resources/sql/%s.sql)", qPrintable(name), qPrintable(name));
    return cache.insert(name, QString::fromUtf8(file.readAll())).value();
}

QString sqlResource(const QString &name, const QHash<QString, QString> &identifiers)
{
    static const QRegularExpression variable(QStringLiteral(":([a-z_]+)\\b"));
    const QString text = sqlResource(name);
    QString result;
    qsizetype from = 0;
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const auto value = identifiers.constFind(m.captured(1));
        // "::" casts and names not given stay as they are.
        if (value == identifiers.constEnd() || (m.capturedStart() > 0 && text.at(m.capturedStart() - 1) == QLatin1Char(':')))
            continue;
        result += text.mid(from, m.capturedStart() - from) + value.value();
        from = m.capturedEnd();
    }
    return result + text.mid(from);
}
