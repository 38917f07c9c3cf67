#pragma once

#include "core/sql/SqlScript.h"

#include <QSet>

// What a script takes away and then creates again under the same name: a table moved aside and
// made anew (schema compare's column order), a view or policy dropped and created again around
// it. It was there before the script ran: finding it says nothing of whether the script did
// (Presence), and the script's down file need not drop it (DownCoverage). Taking away is a DROP
// without IF EXISTS, a RENAME TO or a SET SCHEMA (RemovedObjects).
class MadeAgain {
public:
    explicit MadeAgain(const QList<const SqlStatement *> &statements);

    // The object itself was taken away before, or (a column, index, policy, trigger, RLS) the
    // table or view it is on.
    bool object(const CreatedObject &object) const;

private:
    QSet<QString> m_again;
};
