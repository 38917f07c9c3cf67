#include "core/sql/TablesMadeAgain.h"

QString qualifiedTableName(const QString &schema, const QString &table)
{
    return (schema.isEmpty() ? QStringLiteral("public") : schema) + QLatin1Char('.') + table;
}

QSet<QString> tablesMadeAgain(const QList<const SqlStatement *> &statements)
{
    QSet<QString> touched;
    QSet<QString> again;
    for (const SqlStatement *statement : statements) {
        for (const CreatedObject &created : statement->creates) {
            const QString table = qualifiedTableName(created.schema, created.table);
            if (created.kind == CreatedObject::Kind::Table && touched.contains(table))
                again.insert(table);
        }
        // A lock on a table the script has not created yet: it was there before.
        for (const LockEffect &lock : statement->locks)
            if (!lock.newHere)
                touched.insert(lock.relation.contains(QLatin1Char('.')) ? lock.relation : qualifiedTableName(QString(), lock.relation));
    }
    return again;
}
