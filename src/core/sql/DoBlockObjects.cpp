#include "core/sql/DoBlockObjects.h"

#include "core/sql/ParseTree.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <pg_query.h>

using namespace ParseTree;

namespace {

// The JSON tree of `sql` (libpg_query's "stmts"), empty when it does not parse.
QJsonArray parsedStatements(const QString &sql)
{
    PgQueryParseResult parsed = pg_query_parse(sql.toUtf8().constData());
    QJsonArray statements;
    if (!parsed.error)
        statements = QJsonDocument::fromJson(QByteArray(parsed.parse_tree)).object().value(QLatin1String("stmts")).toArray();
    pg_query_free_parse_result(parsed);
    return statements;
}

// The body of a DO block as a function, so the PL/pgSQL parser takes it: a dollar tag that
// the body does not contain.
QString asFunction(const QString &body)
{
    QString tag = QStringLiteral("$atlas_do$");
    for (int n = 1; body.contains(tag); ++n)
        tag = QStringLiteral("$atlas_do%1$").arg(n);
    return QStringLiteral("CREATE FUNCTION atlas_do() RETURNS void LANGUAGE plpgsql AS %1%2%1").arg(tag, body);
}

class BlockReader {
public:
    void walk(const QJsonValue &value)
    {
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                walk(item);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject node = value.toObject();
        if (node.contains(QLatin1String("PLpgSQL_stmt_execsql")))
            madeBy(query(child(node, "PLpgSQL_stmt_execsql"), "sqlstmt"));
        else if (node.contains(QLatin1String("PLpgSQL_stmt_dynexecute")))
            madeBy(constantOf(query(child(node, "PLpgSQL_stmt_dynexecute"), "query")));
        for (auto it = node.begin(); it != node.end(); ++it)
            walk(it.value());
    }
    QList<ObjectReference> take() { return std::move(m_made); }

private:
    static QString query(const QJsonObject &statement, const char *key)
    {
        return text(child(child(statement, key), "PLpgSQL_expr"), "query");
    }
    // EXECUTE 'CREATE ROLE x': the string, when the expression is one constant.
    static QString constantOf(const QString &expression)
    {
        const QJsonArray statements = parsedStatements(QStringLiteral("SELECT ") + expression);
        if (statements.size() != 1)
            return QString();
        const QJsonArray targets = list(child(child(statements.first().toObject(), "stmt"), "SelectStmt"), "targetList");
        if (targets.size() != 1)
            return QString();
        const QJsonObject value = child(child(targets.first().toObject(), "ResTarget"), "val");
        return text(child(child(value, "A_Const"), "sval"), "sval");
    }
    void madeBy(const QString &sql)
    {
        if (sql.isEmpty())
            return;
        for (const QJsonValue &raw : parsedStatements(sql)) {
            const QJsonObject stmt = child(raw.toObject(), "stmt");
            for (const ObjectReference &reference : collectReferences(nodeType(stmt), body(stmt))) {
                // An extension made in a block may be made only where the server offers it.
                if (reference.creates && reference.kind != ObjectReference::Kind::Extension && !m_made.contains(reference))
                    m_made.append(reference);
            }
        }
    }

    QList<ObjectReference> m_made;
};

}  // namespace

QList<ObjectReference> objectsMadeInDoBlock(const QJsonObject &doStmtBody)
{
    QString source;
    for (const QJsonValue &arg : list(doStmtBody, "args")) {
        const QJsonObject def = child(arg.toObject(), "DefElem");
        const QString value = text(child(child(def, "arg"), "String"), "sval");
        if (text(def, "defname") == QLatin1String("language") && value != QLatin1String("plpgsql"))
            return {};
        if (text(def, "defname") == QLatin1String("as"))
            source = value;
    }
    PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(asFunction(source).toUtf8().constData());
    QJsonDocument tree;
    if (!parsed.error)
        tree = QJsonDocument::fromJson(QByteArray(parsed.plpgsql_funcs));
    pg_query_free_plpgsql_parse_result(parsed);
    BlockReader reader;
    reader.walk(tree.array());
    return reader.take();
}
