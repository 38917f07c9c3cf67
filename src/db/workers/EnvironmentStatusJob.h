#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "db/migrate/MigrationRunner.h"

#include <QObject>
#include <QString>

#include <memory>

class PgConnection;

// Reads the migration status of one environment on a thread of its own, read-only, within a
// time limit: a slow or unreachable environment fills its column with the reason, and the
// others do not wait for it. The job deletes itself when its thread ends.
class EnvironmentStatusJob : public QObject {
    Q_OBJECT
public:
    // Starts at once. `conninfo` may hold a password; it is never logged.
    static EnvironmentStatusJob *start(const QString &key, const QString &conninfo, const MigrationCatalog &catalog,
                                       int timeoutMs);
    void cancel();

signals:
    // `error` empty on success; then `status` holds the rows.
    void finished(const QString &key, const StatusReport &status, const QString &error);

private:
    EnvironmentStatusJob() = default;
    std::shared_ptr<PgConnection> m_connection;
};
