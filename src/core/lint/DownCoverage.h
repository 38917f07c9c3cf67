#pragma once

#include "core/lint/LintContext.h"

// Something an up file creates that its down file does not remove.
struct UndoneObject {
    int statement = 0;  // the up statement that creates it
    QString what;       // "function public.note_count", "column public.notes.title"
};

// What of the up file's tables, views, columns, functions, indexes, policies and triggers the down
// file leaves in place (a DROP TABLE takes its columns, indexes, policies and triggers with it, a
// DROP SCHEMA everything in the schema). A down file that does not parse leaves nothing to judge.
QList<UndoneObject> objectsTheDownLeaves(const QList<LintStatement> &up, const QString &downSql);
