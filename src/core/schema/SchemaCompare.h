#pragma once

#include "core/schema/GeneratedMigration.h"
#include "core/schema/SchemaComparison.h"
#include "core/schema/SchemaModel.h"

// A comparison of two schemas, whole: the differences, the migration that turns FROM into TO
// (up), the one that turns TO back into FROM (down), each statement with its lint findings.
struct SchemaCompareResult {
    SchemaModel from;
    SchemaModel to;
    QList<SchemaDifference> differences;
    GeneratedMigration up;
    GeneratedMigration down;

    bool equal() const { return differences.isEmpty(); }
    // The migration files' text: a header naming both sources, then the statements.
    QString upScript() const;
    QString downScript() const;
};

struct SchemaCompareOptions {
    bool withDown = true;  // false leaves `down` empty (a caller that shows only the up migration)
    // A table whose columns a migration would leave in another order than the target's is a
    // difference, and is recreated with its rows (ColumnOrder); otherwise the order is a warning.
    bool reorderColumns = false;
};

SchemaCompareResult compareSchemaModels(SchemaModel from, SchemaModel to, const SchemaCompareOptions &options = {});
