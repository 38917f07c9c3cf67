#pragma once

#include "core/browse/ViewAs.h"
#include "db/pg/Transaction.h"

// The read-only transaction every browse query runs in, as the chosen role with Supabase's
// claims set for that transaction only; rolled back when it goes out of scope.
class ViewAsTransaction : public Transaction {
public:
    using Transaction::Transaction;
    PgResult begin(const ViewAs &viewAs);
};
