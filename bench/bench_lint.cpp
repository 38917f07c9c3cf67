// What the linter costs over parsing alone, on the engine bench's 1,000-migration folder (the same
// shape: a table and a comment each) and on a folder of 1,000 real-shaped migrations (the Atlas
// migrations and the corpus of Supabase projects, repeated). Target: lint <= 1.5x parse.
#include "core/catalog/MigrationCatalog.h"
#include "core/lint/Linter.h"
#include "core/sql/SqlScript.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kTrials = 7;

QStringList benchFolder()
{
    QStringList files;
    for (int i = 1; i <= 1000; ++i)
        files << QStringLiteral("-- step %1\nCREATE TABLE step_%1 (id bigint PRIMARY KEY, note text);\n"
                                "COMMENT ON TABLE step_%1 IS 'generated for the status benchmark';\n")
                     .arg(i);
    return files;
}

QStringList realShapedFolder()
{
    QStringList sources;
    QStringList folders{QStringLiteral(ATLAS_MIGRATIONS_DIR)};
    const QDir corpus(QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus"));
    for (const QString &project : corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        folders << corpus.filePath(project + QStringLiteral("/supabase/migrations"));
    for (const QString &folder : folders) {
        for (const MigrationFile &migration : scanMigrationFolder(folder).migrations)
            sources << migration.up.sql();
    }
    QStringList files;
    for (int i = 0; files.size() < 1000; ++i)
        files << sources.at(i % sources.size());
    return files;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void compare(const char *what, const QStringList &files)
{
    QList<double> parse;
    QList<double> lint;
    int findings = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
        QElapsedTimer clock;
        clock.start();
        int statements = 0;
        for (const QString &sql : files)
            statements += int(parseSqlScript(sql).statements.size());
        parse << clock.nsecsElapsed() / 1e6;
        clock.restart();
        findings = 0;
        for (const QString &sql : files)
            findings += int(lintFile(LintFile{QStringLiteral("x.sql"), sql, false, QString(), false}).findings.size());
        lint << clock.nsecsElapsed() / 1e6;
        Q_UNUSED(statements);
    }
    const double ratio = median(lint) / median(parse);
    std::printf("%-44s parse %7.1f ms   lint %7.1f ms   %.2fx (target <= 1.50x) %s   [%d findings]\n", what, median(parse), median(lint),
                ratio, ratio <= 1.5 ? "ok" : "MISSED", findings);
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("Linter against parsing alone, in process (median of %d interleaved runs)\n\n", kTrials);
    compare("bench folder, 1,000 migrations", benchFolder());
    compare("real-shaped folder, 1,000 migrations", realShapedFolder());
    return 0;
}
