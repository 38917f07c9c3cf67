#pragma once

#include "core/schema/SchemaModel.h"

// For a table or column on one side only: when the other side has one of the same shape (the
// same columns, the same definition) where this one is missing, a note that it looks like a
// rename, which ALTER ... RENAME would do keeping the data. Empty otherwise.
QString renameHint(const SchemaModel &from, const SchemaModel &to, const SchemaObject &object);
