#pragma once

#include <QString>

// libpg_query's fingerprint of a statement: the same for statements that differ only in their
// constants, whitespace, comments and the case of keywords ("select * from t where id = 1" and
// "SELECT *\nFROM t WHERE id = 42"), different once the shape changes. Lowercase hex; empty when
// the text does not parse.
QString statementFingerprint(const QString &sql);
