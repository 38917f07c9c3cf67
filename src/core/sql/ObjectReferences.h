#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// A database object a statement needs to exist before it runs, or makes: a schema it names
// (auth.users, storage.foldername(), GRANT ... ON SCHEMA extensions), a role it grants to or
// makes owner, an extension it creates (which the server must offer), a publication it alters.
struct ObjectReference {
    enum class Kind { Schema, Role, Extension, Publication };
    Kind kind = Kind::Schema;
    QString name;
    bool creates = false;  // CREATE SCHEMA / ROLE / EXTENSION / PUBLICATION: the statement makes it

    bool operator==(const ObjectReference &o) const { return kind == o.kind && name == o.name && creates == o.creates; }
};

// Every reference of one parsed statement (libpg_query's JSON tree), each once, in order.
QList<ObjectReference> collectReferences(const QString &nodeType, const QJsonObject &body);

// "schema", "role", "extension", "publication"
QString referenceKindName(ObjectReference::Kind kind);
