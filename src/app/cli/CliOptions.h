#pragma once

#include <QString>
#include <QStringList>

// The verbs and options of the command line, parsed and checked. Nothing here touches a database
// or the folder: a usage error is found before anything is read.
struct CliOptions {
    enum class Outcome { Run, Help, Version, UsageError };

    QString verb;
    QString version;  // the positional VERSION, when given
    bool dsnGiven = false;
    QString dsn;      // --dsn, else DATABASE_URL
    bool dirGiven = false;
    QString dir;
    bool json = false;
    QString to;
    bool down = false;
    bool includeOutOfOrder = false;
    double lockWaitSeconds = 30;
    int lockRetries = 3;
    QString lockTimeout = QStringLiteral("4s");
    QString statementTimeout = QStringLiteral("15min");
    bool pooled = false;
    bool noColour = false;
    QString repairStatus;
    QString reason;
    bool yes = false;
    bool force = false;
    bool resume = false;
    // lint
    QStringList files;              // the positional FILEs
    QString format = QStringLiteral("text");  // text, json, github, sarif (markdown: --rules only)
    bool strict = false;
    QStringList ruleSettings;       // --rule NAME=LEVEL, as given
    bool listRules = false;
    // export
    QString where;
    QString csvFile;
    QString jsonlFile;
    bool noSync = false;  // export --no-sync: the file is not synced to disk before it replaces the target
    // schema-diff (its TO is `to`)
    QString fromSource;
    QString writeName;
    QStringList includeSchemas;
    QStringList excludeSchemas;
    QString shadowDsn;
    bool withManagedSchemas = false;  // --supabase-schemas: Supabase's own schemas compared too
    bool reorderColumns = false;      // --reorder-columns: tables recreated for their column order

    // Parses arguments[1..] (arguments[0] is the program). On UsageError, `*message` says what;
    // on Help or Version it holds the text to print.
    static CliOptions parse(const QStringList &arguments, const QString &program, Outcome *outcome, QString *message);
    static const QStringList &verbs();
};
