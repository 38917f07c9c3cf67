#pragma once

#include <QString>

// Whose eyes the browser looks through: the connection's own role, or one of Supabase's API roles
// with the claims PostgREST would set, so that row level security applies as it does for them.
struct ViewAs {
    enum class Mode { Owner, ServiceRole, Anon, Authenticated };
    Mode mode = Mode::Owner;
    QString userId;  // Authenticated: the auth.users id
    QString email;

    QString role() const;    // empty for Owner
    QString claims() const;  // request.jwt.claims as JSON; empty for Owner
    QString describe() const;
};
