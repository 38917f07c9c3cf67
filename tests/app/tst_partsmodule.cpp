// The console finds the module of later parts (libatlas-console-parts.so: QScintilla's editor,
// the usage chart, the keychain, the history) where a build and the package put it, and says
// which and why not; `atlas-console --check-parts` is how a packager asks.
#include "support/ProgramRun.h"

#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

namespace {

// `console --check-parts`, without the tests' ATLAS_PARTS_DIR unless `partsDir` is given.
ProgramRun checkParts(const QString &console, const QString &partsDir = QString())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ATLAS_PARTS_DIR"));
    if (!partsDir.isEmpty())
        env.insert(QStringLiteral("ATLAS_PARTS_DIR"), partsDir);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(console, {QStringLiteral("--check-parts")});
    ProgramRun run = finishRun(process, 30000);
    run.out = run.out.trimmed();
    run.err = run.err.trimmed();
    return run;
}

bool copy(const QString &from, const QString &to)
{
    return QDir().mkpath(QFileInfo(to).absolutePath()) && QFile::copy(from, to)
        && QFile::setPermissions(to, QFile::permissions(from));
}

}  // namespace

class TestPartsModule : public QObject {
    Q_OBJECT
private slots:
    void aBuildFindsItBesideTheExecutable();
    void thePackageLayoutFindsItUnderLib();
    void saysWhereItLookedWhenMissing();
    void refusesAFileThatIsNotTheModule();
    void refusesTheModuleOfAnotherBuild();
};

void TestPartsModule::aBuildFindsItBesideTheExecutable()
{
    const ProgramRun run = checkParts(QStringLiteral(ATLAS_CONSOLE_BIN));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QFileInfo(run.out).canonicalFilePath(), QFileInfo(QStringLiteral(ATLAS_PARTS_MODULE)).canonicalFilePath());
}

void TestPartsModule::thePackageLayoutFindsItUnderLib()
{
    // bin/atlas-console and <libdir>/atlas-console/libatlas-console-parts.so, as the .deb lays them.
    QTemporaryDir prefix;
    const QString console = prefix.filePath(QStringLiteral("bin/atlas-console"));
    const QString module = QDir(prefix.filePath(QStringLiteral("bin"))).absoluteFilePath(
        QStringLiteral(ATLAS_PARTS_RELATIVE_DIR "/libatlas-console-parts.so"));
    QVERIFY(copy(QStringLiteral(ATLAS_CONSOLE_BIN), console));
    QVERIFY(copy(QStringLiteral(ATLAS_PARTS_MODULE), module));
    const ProgramRun run = checkParts(console);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QDir::cleanPath(module));
}

void TestPartsModule::saysWhereItLookedWhenMissing()
{
    QTemporaryDir empty;
    ProgramRun run = checkParts(QStringLiteral(ATLAS_CONSOLE_BIN), empty.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("libatlas-console-parts.so was not found (looked in %1)").arg(empty.path())), qPrintable(run.err));

    // A console alone in its folder looks beside itself and under lib.
    QTemporaryDir prefix;
    const QString console = prefix.filePath(QStringLiteral("bin/atlas-console"));
    QVERIFY(copy(QStringLiteral(ATLAS_CONSOLE_BIN), console));
    run = checkParts(console);
    QCOMPARE(run.exitCode, 1);
    const QString beside = QFileInfo(console).absolutePath();
    const QString underLib = QDir::cleanPath(beside + QStringLiteral("/" ATLAS_PARTS_RELATIVE_DIR));
    QVERIFY2(run.err.contains(QStringLiteral("(looked in %1, %2)").arg(beside, underLib)), qPrintable(run.err));
}

void TestPartsModule::refusesAFileThatIsNotTheModule()
{
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("libatlas-console-parts.so")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not an ELF file\n");
    broken.close();
    const ProgramRun run = checkParts(QStringLiteral(ATLAS_CONSOLE_BIN), dir.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("%1 cannot be opened").arg(broken.fileName())), qPrintable(run.err));
}

void TestPartsModule::refusesTheModuleOfAnotherBuild()
{
    const ProgramRun run = checkParts(QStringLiteral(ATLAS_CONSOLE_BIN), QStringLiteral(ATLAS_OTHER_BUILD_PARTS_DIR));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("is from another build of the console (its interface 0123456789abcdef, this console's ")),
             qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestPartsModule)
#include "tst_partsmodule.moc"
