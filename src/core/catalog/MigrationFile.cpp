#include "core/catalog/MigrationFile.h"

#include "core/sql/SupabaseSplitter.h"
#include "core/status/MigrationStatus.h"
#include "core/sql/SqlScript.h"

#include <QCryptographicHash>
#include <QRegularExpression>

bool MigrationScript::runsOutsideTransaction() const
{
    static const QRegularExpression marker(QStringLiteral("^\\s*--\\s*atlas:no-transaction\\s*$"),
                                           QRegularExpression::MultilineOption);
    // Only the file's leading comment block counts, so a marker inside a body changes nothing.
    const QRegularExpressionMatch match = marker.match(sql);
    if (!match.hasMatch())
        return false;
    const QString before = sql.left(match.capturedStart());
    for (const QString &line : before.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1String("--")))
            return false;
    }
    return true;
}

bool versionLess(const QString &a, const QString &b)
{
    // Compared in place: a status of a thousand migrations sorts them on every run.
    const auto significant = [](const QString &v) {
        qsizetype i = 0;
        while (i < v.size() - 1 && v.at(i) == QLatin1Char('0'))
            ++i;
        return QStringView(v).mid(i);
    };
    const QStringView x = significant(a);
    const QStringView y = significant(b);
    if (x.size() != y.size())
        return x.size() < y.size();
    const int order = x.compare(y);
    if (order != 0)
        return order < 0;
    return a < b;  // "007" and "7": a stable order for equal numbers
}

QByteArray MigrationScript::sha256() const
{
    if (m_sha256.isEmpty() && !sql.isEmpty())
        m_sha256 = QCryptographicHash::hash(sql.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_sha256;
}

QByteArray MigrationScript::cliStatementsDigest() const
{
    if (m_cliStatementsDigest.isEmpty() && !sql.isEmpty())
        m_cliStatementsDigest = statementsDigest(splitLikeSupabaseCli(sql));
    return m_cliStatementsDigest;
}

bool MigrationScript::runsStatementByStatement() const
{
    return runsOutsideTransaction() && parseSqlScript(sql).hasNonTransactional();
}
