#pragma once

#include <QString>
#include <QStringList>

// Splits a migration the way the Supabase CLI does (its tokenizer in pkg/parser and SplitAndTrim),
// so that the `statements` column of supabase_migrations.schema_migrations holds the same strings
// whether the CLI or this console applied the file. The CLI's state machine is followed rule for
// rule, quirks included, because agreeing with it matters more than being right: a statement is
// ended by ';' outside quotes, comments, dollar quotes, parentheses and "ATOMIC ... END" bodies;
// a nested ')' also closes the parenthesis around it; an ATOMIC body ends at the first "end"
// (any case) outside quotes, even inside a longer word. Each piece has its trailing ';' removed
// and white space trimmed; empty pieces are dropped. Comments stay with the statement after them.
QStringList splitLikeSupabaseCli(const QString &sql);
