#pragma once

#include <QString>
#include <QStringList>

// Splits a migration the way the Supabase CLI does (pkg/parser: its tokenizer and SplitAndTrim),
// so that the `statements` column of supabase_migrations.schema_migrations holds the same strings
// whether the CLI or this console applied the file. Agreeing with the CLI matters more than being
// right, so its rules are followed as they are, quirks included; this is the parser of CLI
// releases from September 2026 on (supabase/cli#6587).
//
// A statement ends at ';' outside quotes ('' and "" with doubled delimiters, no backslash escapes),
// -- and nested /* */ comments, dollar quotes ($tag$, where a '$' right after an identifier
// character is text, and every non-ASCII character counts as one), a '\' escape, parentheses and
// BEGIN ATOMIC bodies. A ')' closes every parenthesis open around it. BEGIN ATOMIC (keywords at
// identifier boundaries, ASCII white space between) opens a body that the keyword END closes only
// where it starts an inner statement. Each piece loses its trailing ';' and surrounding Unicode
// white space; empty pieces are dropped; comments stay with the statement after them.
QStringList splitLikeSupabaseCli(const QString &sql);
