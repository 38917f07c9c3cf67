#pragma once

#include <QString>

struct SqlScript;

// A down migration derived from an up script: what its statements create, dropped in reverse
// order (tables, views, functions, indexes, policies, triggers; row level security turned back
// off). What cannot be derived (an ALTER of an existing table, data changes, grants) is listed as
// a comment for the author to write, and `complete` says whether anything was.
struct DerivedDown {
    QString sql;
    bool complete = true;
};

DerivedDown deriveDownScript(const SqlScript &up);
