#include "db/schema/SchemaReader.h"

#include "core/schema/AclText.h"
#include "core/schema/DependencyLinks.h"
#include "core/text/PgArrayLiteral.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

#include <QHash>
#include <QMutex>

#include <algorithm>
#include <future>
#include <optional>

namespace {

// A row's value, shared with the row before's where the bytes are the same: rows come by kind, a
// table's columns together, and one string then serves thousands of objects.
class RepeatedText {
public:
    const QString &of(const PgResult &result, int row, int column)
    {
        const QByteArrayView bytes = result.bytes(row, column);
        if (row == 0 || bytes != m_bytes) {
            m_bytes = bytes;  // valid while the result lives
            m_text = result.value(row, column);
        }
        return m_text;
    }

private:
    QByteArrayView m_bytes;
    QString m_text;
};

// An oid or a number as the server writes it (digits, maybe a minus): QByteArrayView::toUInt
// showed in the reader's profile, for three of them on each of 25,000 rows.
qint64 number(QByteArrayView digits)
{
    qint64 value = 0;
    const bool negative = digits.startsWith('-');
    for (const char c : negative ? digits.sliced(1) : digits)
        value = value * 10 + (c - '0');
    return negative ? -value : value;
}

// Objects as schema/model.sql sends them, one row at a time; an ACL becomes its grants.
class ObjectRows {
public:
    explicit ObjectRows(QHash<QString, QString> quotedRoles) : m_aclGrants(std::move(quotedRoles)) {}

    void take(const PgResult &result, int row)
    {
        SchemaObject object;
        object.kind = m_kind.of(result, row, 0);
        object.name = result.value(row, 1);
        object.schema = m_schema.of(result, row, 2);
        object.parent = m_parent.of(result, row, 3);
        object.definition = result.value(row, 4);
        object.attrs = SchemaAttrs::fromJson(result.bytes(row, 5).toByteArray());
        const CatalogAddress address{quint32(number(result.bytes(row, 6))), quint32(number(result.bytes(row, 7))),
                                     qint32(number(result.bytes(row, 8)))};
        if (object.kind == QLatin1String("column"))
            object.position = address.subId;
        if (object.kind == QLatin1String("acl")) {
            objects += m_aclGrants.of(object);
            addresses.resize(objects.size());
        } else {
            objects.append(std::move(object));
            addresses.append(address);
        }
    }

    QList<SchemaObject> objects;
    QList<CatalogAddress> addresses;  // of objects[i]

private:
    RepeatedText m_kind;
    RepeatedText m_schema;
    RepeatedText m_parent;
    AclGrants m_aclGrants;
};

// schema/model.sql's parameters for one part (0 all, 1 the columns, 2 the rest).
QStringList modelParameters(const SchemaScope &scope, int part)
{
    return {pgTextArrayLiteral(scope.excluded), pgTextArrayLiteral(scope.included), pgTextArrayLiteral(scope.attached),
            pgTextArrayLiteral(scope.excludedExtensions), QString::number(part)};
}

// The columns' part of the model, read on a second connection in the first one's snapshot while
// the first reads the rest: the two parts take about as long each, and the server has a core for
// each. A failed part is read again on the first connection (no second connection allowed, a
// pooler that refuses the snapshot): slower, never wrong.
class ColumnsPart {
public:
    ColumnsPart(const PgConnection &first, const QString &snapshot, const SchemaScope &scope)
        : m_result(std::async(std::launch::async, [this, &first, snapshot, scope] { return read(first, snapshot, scope); }))
    {
    }
    ~ColumnsPart() { cancel(); }

    void cancel()
    {
        if (m_result.valid()) {
            m_connection.cancel();
            m_result.wait();
        }
    }
    PgResult take() { return m_result.get(); }

private:
    PgResult read(const PgConnection &first, const QString &snapshot, const SchemaScope &scope)
    {
        const QString failure = m_connection.openLike(first, QStringLiteral("atlas-console-compare"));
        if (!failure.isEmpty())
            return PgResult::failure(DbError{{}, {}, failure, {}, {}, {}, 0});
        Transaction transaction(m_connection);
        PgResult result = transaction.begin(Transaction::Access::ReadOnly);
        if (result.ok())
            result = m_connection.exec(sqlResource(QStringLiteral("schema/import_snapshot"),
                                                   {{QStringLiteral("snapshot"), m_connection.quoteLiteral(snapshot)}}));
        if (result.ok())
            result = m_connection.execParams(sqlResource(QStringLiteral("schema/model")), modelParameters(scope, 1));
        return result;
    }

    PgConnection m_connection;
    std::future<PgResult> m_result;  // last: the thread starts once the connection exists
};

// The schema reads in progress on each server (host:port). A second read of the same server
// (schema-diff of two databases there) is not split: the server then already has a query for
// each of its cores, and four on two were slower than two.
class ServerReads {
public:
    explicit ServerReads(const PgConnection &connection)
        : m_server(connection.host() + QLatin1Char(':') + QString::number(connection.port()))
    {
        QMutexLocker lock(&mutex());
        m_alone = reads()[m_server]++ == 0;
    }
    ~ServerReads()
    {
        QMutexLocker lock(&mutex());
        if (--reads()[m_server] == 0)
            reads().remove(m_server);
    }
    bool alone() const { return m_alone; }

private:
    static QMutex &mutex()
    {
        static QMutex instance;
        return instance;
    }
    static QHash<QString, int> &reads()
    {
        static QHash<QString, int> instance;
        return instance;
    }
    QString m_server;
    bool m_alone = true;
};

// `split`: the columns on a second connection (ColumnsPart), else both parts here.
PgResult readModel(PgConnection &connection, const SchemaScope &scope, SchemaModel *model, bool split)
{
    Transaction transaction(connection);
    PgResult result = transaction.begin(Transaction::Access::ReadOnly);
    if (!result.ok())
        return result;
    result = connection.exec(sqlResource(QStringLiteral("schema/read_settings")));
    if (!result.ok())
        return result;
    model->currentUser = result.value(0, 0);
    result = connection.exec(sqlResource(QStringLiteral("schema/quoted_roles")));
    if (!result.ok())
        return result;
    QHash<QString, QString> quotedRoles;
    for (int row = 0; row < result.rowCount(); ++row)
        quotedRoles.insert(result.value(row, 0), result.value(row, 1));
    ObjectRows rows(std::move(quotedRoles));
    // A snapshot that cannot be exported (the error ends this transaction) means one connection:
    // the read starts again, both parts here.
    std::optional<ColumnsPart> columns;
    if (split) {
        const PgResult exported = connection.exec(sqlResource(QStringLiteral("schema/export_snapshot")));
        if (!exported.ok()) {
            transaction.rollback();
            return readModel(connection, scope, model, false);
        }
        columns.emplace(connection, exported.value(0, 0), scope);
    }
    result = connection.execParams(sqlResource(QStringLiteral("schema/model")), modelParameters(scope, split ? 2 : 0));
    if (!result.ok())
        return result;  // the columns' read is cancelled as it goes
    for (int row = 0; row < result.rowCount(); ++row)
        rows.take(result, row);
    if (columns) {
        PgResult columnRows = columns->take();
        if (!columnRows.ok())
            columnRows = connection.execParams(sqlResource(QStringLiteral("schema/model")), modelParameters(scope, 1));
        if (!columnRows.ok())
            return columnRows;
        for (int row = 0; row < columnRows.rowCount(); ++row)
            rows.take(columnRows, row);
    }
    result = connection.exec(sqlResource(QStringLiteral("schema/links")));
    if (!result.ok())
        return result;
    QList<CatalogLink> links;
    links.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row)
        links.append({result.bytes(row, 0) == "alias",
                      {quint32(number(result.bytes(row, 1))), quint32(number(result.bytes(row, 2))), qint32(number(result.bytes(row, 3)))},
                      {quint32(number(result.bytes(row, 4))), quint32(number(result.bytes(row, 5))), qint32(number(result.bytes(row, 6)))}});
    QList<SchemaObject> &objects = rows.objects;
    linkDependencies(objects, rows.addresses, links);
    // In key order ("kind name", by UTF-16 code unit: the C collation for these names): what is
    // generated comes out the same way every time. Keys made once, one comparison each.
    QList<int> order(objects.size());
    for (int i = 0; i < objects.size(); ++i) {
        objects[i].cachedKey = objects.at(i).kind + QLatin1Char(' ') + objects.at(i).name;
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&objects](int a, int b) { return objects.at(a).cachedKey < objects.at(b).cachedKey; });
    model->reserve(int(objects.size()));
    for (int i : order)
        model->add(std::move(objects[i]));
    transaction.rollback();  // read only: nothing to keep
    return result;
}

}  // namespace

PgResult readSchemaModel(PgConnection &connection, const SchemaScope &scope, SchemaModel *model)
{
    const ServerReads reads(connection);
    return readModel(connection, scope, model, reads.alone());
}
