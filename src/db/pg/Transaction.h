#pragma once

#include "db/pg/PgResult.h"

#include <functional>

class PgConnection;

// A transaction as a scope: begin() starts it, and it is rolled back when the object goes out of
// scope unless commit() ended it first. The only place BEGIN, COMMIT and ROLLBACK are written.
class Transaction {
public:
    enum class Access { ReadWrite, ReadOnly };

    explicit Transaction(PgConnection &connection);
    ~Transaction();  // ROLLBACK when still open (and the connection still there)
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    PgResult begin(Access access = Access::ReadWrite);
    bool isOpen() const { return m_open; }
    // COMMIT. Fails when the server answers ROLLBACK instead (the transaction had failed), and
    // either way the transaction is over.
    PgResult commit();
    void rollback();
    // Runs `work` under a savepoint: when it fails, only its own changes are rolled back and the
    // transaction goes on; its result is returned.
    PgResult underSavepoint(const QString &name, const std::function<PgResult()> &work);

protected:
    PgConnection &connection() const { return m_connection; }

private:
    PgConnection &m_connection;
    bool m_open = false;
};
