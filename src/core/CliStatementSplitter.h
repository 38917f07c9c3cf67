#pragma once

#include <QString>
#include <QStringList>

// Splits a migration the way the Supabase CLI does (its pkg/parser SplitAndTrim), so that the
// `statements` column of supabase_migrations.schema_migrations holds the same strings whether the
// CLI or this console applied the file: split at top-level ';' (not inside quotes, comments,
// dollar quotes, parentheses or BEGIN ATOMIC ... END), each piece with trailing ';' removed and
// white space trimmed, empty pieces dropped. Comments stay inside the statement that follows
// them; a comment after the last ';' is a piece of its own.
QStringList splitLikeSupabaseCli(const QString &sql);
