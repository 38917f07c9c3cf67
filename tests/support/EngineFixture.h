#pragma once

#include "support/TestDatabase.h"
#include "support/TestFiles.h"

#include "core/catalog/MigrationCatalog.h"
#include "db/migrate/MigrationRunner.h"

#include <QTemporaryDir>

// One test case of the engine: a fresh database, a migrations folder of its own, a connection and
// a runner on it (through PgBouncer in transaction mode when ATLAS_TEST_POOLED is set).
struct EngineFixture {
    TestDatabase db;
    QTemporaryDir dir;
    std::unique_ptr<PgConnection> connection = db.connect();
    MigrationRunner runner{*connection, TestDatabase::runnerOptions()};

    QString path(const QString &fileName) const { return dir.filePath(fileName); }
    MigrationCatalog catalog() const { return scanMigrationFolder(dir.path()); }
    // The migration of `version` as the folder has it now (read afresh: a test edits files).
    MigrationFile migration(const QString &version) const
    {
        const MigrationCatalog now = catalog();
        const MigrationFile *file = now.find(version);
        return file ? *file : MigrationFile();
    }
};
