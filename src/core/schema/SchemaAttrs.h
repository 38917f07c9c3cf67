#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

#include <atomic>

// The parts of a schema object the SQL generator needs (a column's type, a table's owner), kept
// as the json text the catalog query sent and parsed when first asked for: most objects are equal
// on both sides of a comparison and never asked, and parsing every one was a third of reading a
// model of 1,000 tables. Safe to read from several threads (the two directions of a migration are
// generated at once from the same models).
class SchemaAttrs {
public:
    SchemaAttrs() = default;
    SchemaAttrs(QJsonObject object);  // NOLINT(google-explicit-constructor): built in place by tests and the comparison
    SchemaAttrs(const SchemaAttrs &other);
    SchemaAttrs &operator=(const SchemaAttrs &other);
    // Moved only by the one thread that has it (a model being built or handed on).
    SchemaAttrs(SchemaAttrs &&other) noexcept;
    SchemaAttrs &operator=(SchemaAttrs &&other) noexcept;
    static SchemaAttrs fromJson(QByteArray json);

    QJsonValue value(QLatin1String key) const { return object().value(key); }
    // The json text, as sent or as the object writes it: for building another object's text.
    QByteArray json() const;

private:
    const QJsonObject &object() const;  // parsed on the first call

    mutable QByteArray m_json;  // emptied once parsed
    mutable QJsonObject m_object;
    mutable std::atomic<bool> m_parsed{true};
};
