#pragma once

#include "core/schema/SchemaModel.h"
#include "core/schema/SchemaSource.h"

#include <QMutex>

#include <atomic>
#include <functional>

class PgConnection;

// What reading one source gave: its model, or why not.
struct SchemaRead {
    // BadInput: a folder that cannot be read or does not build; Failed: the catalog could not be read.
    enum class Failure { None, BadInput, Connection, Failed, Cancelled };
    Failure failure = Failure::None;
    QString error;  // says what and where: the folder's first error, libpq's message, the failing migration
    SchemaModel model;

    bool ok() const { return failure == Failure::None; }
};

// Reads the schema of a source (SchemaSource): a database it connects to, or a migrations folder
// built into a fresh shadow database on `shadowServer` (a connection string; empty: the PG*
// variables, as the local server of scripts/localdb sets them), read, and dropped again whatever
// happened. Runs on the caller's thread; cancel() may be called from any other.
class SchemaSourceReader {
public:
    explicit SchemaSourceReader(QString shadowServer = QString());

    // `conninfo`: for a connection or a profile, the string to connect with (a profile resolved by
    // the caller, who holds the keychain); unused for a folder.
    SchemaRead read(const SchemaSource &source, const QString &conninfo, const SchemaScope &scope);
    void cancel();

private:
    SchemaRead readDatabase(PgConnection &connection, const QString &conninfo, const QString &database, const SchemaScope &scope);
    SchemaRead buildFolder(const QString &folder, const SchemaScope &scope);
    void setActive(PgConnection *connection);

    QString m_shadowServer;
    std::atomic<bool> m_cancelled{false};
    QMutex m_activeMutex;
    PgConnection *m_active = nullptr;
};
