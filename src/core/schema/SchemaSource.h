#pragma once

#include <QString>

// Where a schema to compare comes from, as `--from` and `--to` take it: a connection string or
// URI, "profile:NAME" (a saved profile), or "folder:PATH" (a migrations folder, built into a
// shadow database).
struct SchemaSource {
    enum class Kind { Connection, Profile, Folder };
    Kind kind = Kind::Connection;
    QString value;  // the connection string, the profile's name or the folder's path

    // Empty `text` or an empty name after the prefix is an error (`*error` says which).
    static SchemaSource parse(const QString &text, QString *error);
    // "profile production", "folder supabase/migrations", "host db.x.supabase.co" (no password).
    QString describe() const;
};
