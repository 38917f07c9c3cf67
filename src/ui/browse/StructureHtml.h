#pragma once

#include "core/browse/BrowseTypes.h"

// The structure pane's text for a table: size, estimated rows and RLS on one line; its columns;
// the key the browser pages by; constraints, indexes, policies, triggers and grants.
QString structureHtml(const QString &schema, const QString &table, const RelationStructure &structure);
