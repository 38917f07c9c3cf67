#include "core/sql/SqlScript.h"

#include "core/sql/LockAnalyzer.h"
#include "core/sql/StatementClassifier.h"
#include "core/text/Utf8Check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <pg_query.h>

#include <algorithm>
#include <atomic>

namespace {

// Skips white space and comments (-- to end of line, nested /* */) from byte `pos`.
qsizetype skipSpaceAndComments(const QByteArray &s, qsizetype pos, qsizetype end)
{
    while (pos < end) {
        const char c = s.at(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++pos;
        } else if (c == '-' && pos + 1 < end && s.at(pos + 1) == '-') {
            while (pos < end && s.at(pos) != '\n')
                ++pos;
        } else if (c == '/' && pos + 1 < end && s.at(pos + 1) == '*') {
            int depth = 0;
            do {
                if (s.at(pos) == '/' && pos + 1 < end && s.at(pos + 1) == '*') {
                    ++depth;
                    pos += 2;
                } else if (s.at(pos) == '*' && pos + 1 < end && s.at(pos + 1) == '/') {
                    --depth;
                    pos += 2;
                } else {
                    ++pos;
                }
            } while (pos < end && depth > 0);
        } else {
            break;
        }
    }
    return pos;
}

}  // namespace

RiskLevel SqlStatement::riskLevel() const
{
    RiskLevel level = RiskLevel::None;
    for (const StatementRisk &risk : risks)
        level = std::max(level, risk.level);
    return level;
}

bool SqlScript::hasNonTransactional() const
{
    return std::any_of(statements.begin(), statements.end(),
                       [](const SqlStatement &s) { return !s.transactional; });
}

bool SqlScript::changesSession() const
{
    return std::any_of(statements.begin(), statements.end(), [](const SqlStatement &s) { return !s.changesSetting.isEmpty(); });
}

RiskLevel SqlScript::riskLevel() const
{
    RiskLevel level = RiskLevel::None;
    for (const SqlStatement &statement : statements)
        level = std::max(level, statement.riskLevel());
    return level;
}

namespace {
std::atomic<int> g_parsed{0};
}

int sqlScriptsParsed()
{
    return g_parsed.load();
}

SqlScript parseSqlScript(const QString &sql)
{
    return parseSqlScript(sql, nullptr);
}

SqlScript parseSqlScript(const QString &sql, QList<QJsonObject> *trees)
{
    ++g_parsed;
    SqlScript script;
    const QByteArray bytes = sql.toUtf8();
    PgQueryParseResult parsed = pg_query_parse(bytes.constData());
    if (parsed.error) {
        SqlSyntaxError error;
        error.message = QString::fromUtf8(parsed.error->message);
        // cursorpos counts characters (code points), 1-based, as PostgreSQL's error position
        // does; 0 when the parser could not place the error.
        const int characters = parsed.error->cursorpos > 0 ? parsed.error->cursorpos - 1 : 0;
        lineAndColumnAtCharacter(sql, characters, &error.line, &error.column);
        script.syntaxError = error;
        pg_query_free_parse_result(parsed);
        return script;
    }
    const QJsonDocument tree = QJsonDocument::fromJson(QByteArray(parsed.parse_tree));
    pg_query_free_parse_result(parsed);

    StatementClassifier classifier;
    LockAnalyzer locks;
    const QJsonArray stmts = tree.object().value(QLatin1String("stmts")).toArray();
    for (const QJsonValue &value : stmts) {
        const QJsonObject raw = value.toObject();
        // Protobuf JSON omits zeros: no stmt_location means 0, no stmt_len means "to the end".
        const qsizetype location = raw.value(QLatin1String("stmt_location")).toInteger(0);
        const qsizetype length = raw.value(QLatin1String("stmt_len")).toInteger(0);
        const qsizetype end = length > 0 ? qMin<qsizetype>(location + length, bytes.size()) : bytes.size();
        const qsizetype start = skipSpaceAndComments(bytes, location, end);

        SqlStatement statement;
        statement.text = QString::fromUtf8(bytes.mid(start, end - start)).trimmed();
        lineAndColumnAt(bytes, start, &statement.line, &statement.column);
        classifier.classify(raw.value(QLatin1String("stmt")).toObject(), &statement);
        locks.analyze(raw.value(QLatin1String("stmt")).toObject(), &statement);
        script.statements.append(statement);
        if (trees)
            trees->append(raw.value(QLatin1String("stmt")).toObject());
    }
    return script;
}

QString SqlSyntaxError::located(const QString &fileName) const
{
    return QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(line).arg(column).arg(message);
}

QString riskLevelName(RiskLevel level)
{
    switch (level) {
    case RiskLevel::None: return QStringLiteral("none");
    case RiskLevel::Caution: return QStringLiteral("caution");
    case RiskLevel::Destructive: return QStringLiteral("destructive");
    }
    return QString();
}

QString withSchema(const QString &schema, const QString &name)
{
    return (schema.isEmpty() ? QStringLiteral("public") : schema) + QLatin1Char('.') + name;
}
