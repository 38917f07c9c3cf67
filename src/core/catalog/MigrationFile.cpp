#include "core/catalog/MigrationFile.h"

#include "core/sql/SqlScript.h"
#include "core/sql/SupabaseSplitter.h"
#include "core/status/MigrationStatus.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <mutex>

// What is computed from the text, each item once (std::call_once makes the first caller compute
// it and any other thread wait for that result).
struct MigrationScript::Derived {
    std::once_flag parsedOnce, cliOnce, shaOnce;
    SqlScript parsed;
    QStringList cliStatements;
    QByteArray cliStatementsDigest;
    QByteArray sha256;
};

MigrationScript::MigrationScript(QString path, QString fileName, QString sql)
    : m_path(std::move(path))
    , m_fileName(std::move(fileName))
    , m_sql(std::move(sql))
    , m_derived(std::make_shared<Derived>())
{
}

const SqlScript &MigrationScript::parsed() const
{
    static const SqlScript kNothing;
    if (!m_derived)
        return kNothing;
    std::call_once(m_derived->parsedOnce, [this] { m_derived->parsed = parseSqlScript(m_sql); });
    return m_derived->parsed;
}

const QStringList &MigrationScript::cliStatements() const
{
    static const QStringList kNothing;
    if (!m_derived)
        return kNothing;
    std::call_once(m_derived->cliOnce, [this] {
        m_derived->cliStatements = splitLikeSupabaseCli(m_sql);
        m_derived->cliStatementsDigest = statementsDigest(m_derived->cliStatements);
    });
    return m_derived->cliStatements;
}

const QByteArray &MigrationScript::cliStatementsDigest() const
{
    static const QByteArray kNothing;
    if (!m_derived || m_sql.isEmpty())
        return kNothing;
    cliStatements();
    return m_derived->cliStatementsDigest;
}

const QByteArray &MigrationScript::sha256() const
{
    static const QByteArray kNothing;
    if (!m_derived || m_sql.isEmpty())
        return kNothing;
    std::call_once(m_derived->shaOnce, [this] {
        m_derived->sha256 = QCryptographicHash::hash(m_sql.toUtf8(), QCryptographicHash::Sha256).toHex();
    });
    return m_derived->sha256;
}

bool MigrationScript::runsStatementByStatement() const
{
    return runsOutsideTransaction() && parsed().hasNonTransactional();
}

bool MigrationScript::runsOutsideTransaction() const
{
    static const QRegularExpression marker(QStringLiteral("^\\s*--\\s*atlas:no-transaction\\s*$"),
                                           QRegularExpression::MultilineOption);
    // Only the file's leading comment block counts, so a marker inside a body changes nothing.
    const QRegularExpressionMatch match = marker.match(m_sql);
    if (!match.hasMatch())
        return false;
    const QString before = m_sql.left(match.capturedStart());
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
