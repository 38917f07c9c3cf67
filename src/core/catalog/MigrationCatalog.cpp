#include "core/catalog/MigrationCatalog.h"

#include "core/text/Utf8Check.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

enum class Role { Up, Down, Verify };

struct Candidate {
    Role role;
    QString relativeName;  // "20250918_x.down.sql" or "down/20250918_x.sql"
    QString path;
    QString fileName;  // in its folder
    int folderFd = -1; // open on its folder while the scan runs (see FolderHandle)
    QString version;
    QString name;
};

const QString kExample = QStringLiteral("20250918_create_usage_tracking_tables.sql");

CatalogIssue issue(CatalogIssue::Severity severity, const QString &file, const QString &message, int line = 0,
                   int column = 0)
{
    CatalogIssue i;
    i.severity = severity;
    i.file = file;
    i.line = line;
    i.column = column;
    i.message = message;
    return i;
}


// A folder opened for the scan: files are opened relative to it, which spares the kernel a walk
// of the whole path for each of thousands of files.
class FolderHandle {
public:
    explicit FolderHandle(const QString &path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
    }
    ~FolderHandle()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FolderHandle(const FolderHandle &) = delete;
    FolderHandle &operator=(const FolderHandle &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

void skip(const QString &relativeName, const QString &reason, QList<SkippedFile> *skipped, QList<CatalogIssue> *issues)
{
    skipped->append({relativeName, reason});
    issues->append(issue(CatalogIssue::Severity::Warning, relativeName, reason));
}

// The CLI's one exception to its pattern: a 14-digit <timestamp>_init.sql from before the CLI
// wrote its own, when it is the first entry of the folder (files and folders, by name).
bool isOldInitFile(const QString &firstEntry)
{
    static const QRegularExpression init(QStringLiteral("([0-9]{14})_init\\.sql"));
    const QRegularExpressionMatch m = init.match(firstEntry);
    return m.hasMatch() && m.captured(1) < QLatin1String("20211209000000");
}

void collect(const QDir &dir, const QString &prefix, Role defaultRole, int folderFd, QList<Candidate> *out,
             QList<SkippedFile> *skipped, QList<CatalogIssue> *issues)
{
    const QString base = dir.absolutePath() + QLatin1Char('/');
    // readdir directly: QDir::entryList builds a QFileInfo per entry, which dominates a scan of
    // thousands of small migrations.
    QStringList names;
    QByteArray firstEntry;  // by byte order, as the CLI lists the folder
    if (DIR *handle = ::opendir(QFile::encodeName(dir.absolutePath()).constData())) {
        while (const dirent *entry = ::readdir(handle)) {
            const QByteArray raw(entry->d_name);
            if (raw != "." && raw != ".." && (firstEntry.isEmpty() || raw < firstEntry))
                firstEntry = raw;
            const QString fileName = QFile::decodeName(entry->d_name);
            if (!fileName.endsWith(QLatin1String(".sql")))
                continue;
            if (entry->d_type == DT_DIR
                || (entry->d_type == DT_UNKNOWN && !QFileInfo(base + fileName).isFile()))
                continue;
            names.append(fileName);
        }
        ::closedir(handle);
    }
    std::sort(names.begin(), names.end());
    for (const QString &fileName : names) {
        if (fileName.startsWith(QLatin1Char('.')))
            continue;  // editor swap and backup files
        if (defaultRole == Role::Up && fileName == QFile::decodeName(firstEntry) && isOldInitFile(fileName)) {
            skip(prefix + fileName,
                 QStringLiteral("skipped, as the Supabase CLI skips it: an init migration from before December 2021 "
                                "(rename it from \"init\" to apply it)"),
                 skipped, issues);
            continue;
        }
        Candidate candidate;
        candidate.relativeName = prefix + fileName;
        candidate.path = base + fileName;
        candidate.fileName = fileName;
        candidate.folderFd = folderFd;
        QString base = fileName.chopped(4);
        candidate.role = defaultRole;
        if (defaultRole == Role::Up && base.endsWith(QLatin1String(".down"))) {
            candidate.role = Role::Down;
            base.chop(5);
        } else if (defaultRole == Role::Up && base.endsWith(QLatin1String(".verify"))) {
            candidate.role = Role::Verify;
            base.chop(7);
        }
        QString problem;
        if (!splitMigrationName(base, &candidate.version, &candidate.name, &problem)) {
            skip(candidate.relativeName, defaultRole == Role::Up ? QStringLiteral("skipped, as the Supabase CLI skips it: ") + problem
                                                                 : QStringLiteral("not read: ") + problem,
                 skipped, issues);
            continue;
        }
        out->append(candidate);
    }
}

// open + read + close and nothing else: QFile's extra stat calls triple the system time of a scan
// of thousands of small files.
bool readWholeFile(const Candidate &candidate, QByteArray *bytes, QString *failure)
{
    const int fd = candidate.folderFd >= 0
        ? ::openat(candidate.folderFd, QFile::encodeName(candidate.fileName).constData(), O_RDONLY | O_CLOEXEC)
        : ::open(QFile::encodeName(candidate.path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *failure = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    bytes->resize(8192);
    qsizetype used = 0;
    while (true) {
        if (used == bytes->size())
            bytes->resize(bytes->size() * 2);
        const ssize_t n = ::read(fd, bytes->data() + used, size_t(bytes->size() - used));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *failure = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        used += n;
    }
    ::close(fd);
    bytes->resize(used);
    return true;
}

// Reads a script: bytes and decoded text. Returns false with an issue when unusable.
bool readScript(const Candidate &candidate, MigrationScript *script, QList<CatalogIssue> *issues)
{
    // Present but unusable until it decodes: it keeps its place, so the version stays known, and
    // the runner refuses a script without text.
    *script = MigrationScript(candidate.path, candidate.relativeName, QString());
    QByteArray bytes;
    QString failure;
    if (!readWholeFile(candidate, &bytes, &failure)) {
        issues->append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                             QStringLiteral("cannot be read: %1").arg(failure)));
        return false;
    }
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        issues->append(issue(CatalogIssue::Severity::Warning, candidate.relativeName,
                             QStringLiteral("starts with a UTF-8 byte-order mark; it is ignored"), 1, 1));
        bytes.remove(0, 3);
    }
    if (bytes.trimmed().isEmpty()) {
        issues->append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                             bytes.isEmpty() ? QStringLiteral("is empty") : QStringLiteral("contains only white space")));
        return false;
    }
    const qsizetype invalid = firstInvalidUtf8Byte(bytes);
    if (invalid >= 0) {
        int line = 0, column = 0;
        lineAndColumnAt(bytes, invalid, &line, &column);
        issues->append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                             QStringLiteral("is not valid UTF-8 (byte 0x%1 at offset %2); save it as UTF-8")
                                 .arg(static_cast<unsigned char>(bytes.at(invalid)), 2, 16, QLatin1Char('0'))
                                 .arg(invalid),
                             line, column));
        return false;
    }
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        int line = 0, column = 0;
        lineAndColumnAt(bytes, nul, &line, &column);
        issues->append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                             QStringLiteral("contains a NUL byte, which PostgreSQL cannot accept in SQL text"), line,
                             column));
        return false;
    }
    *script = MigrationScript(candidate.path, candidate.relativeName, QString::fromUtf8(bytes));
    return true;
}

bool looksLikeSupabaseCliFolder(const QString &folder)
{
    const QDir dir(folder);
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.endsWith(QLatin1String("/supabase/migrations"))
        || QFileInfo::exists(dir.absoluteFilePath(QStringLiteral("../config.toml")));
}

}  // namespace

// Splits "<version>_<name>" or says what is wrong with it.
bool splitMigrationName(const QString &base, QString *version, QString *name, QString *problem)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+)_(.*)$"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pattern.match(base);
    if (match.hasMatch() && !match.captured(2).contains(QLatin1Char('\n'))) {
        *version = match.captured(1);
        *name = match.captured(2);
        return true;
    }
    QString hint;
    static const QRegularExpression leadingDigits(QStringLiteral("^([0-9]+)[-. ]?([A-Za-z].*)$"));
    static const QRegularExpression dashedDate(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})[-_ T]?([0-9:]*)[-_ ]?(.*)$"));
    static const QRegularExpression buriedVersion(QStringLiteral("^[^0-9]+_([0-9]{8,})_(.+)$"));
    if (const auto m = dashedDate.match(base); m.hasMatch()) {
        const QString digits = m.captured(1) + m.captured(2) + m.captured(3) + QString(m.captured(4)).remove(QLatin1Char(':'));
        hint = QStringLiteral("; a version is digits only: did you mean %1_%2.sql?")
                   .arg(digits, m.captured(5).isEmpty() ? QStringLiteral("<name>") : m.captured(5));
    } else if (const auto m = buriedVersion.match(base); m.hasMatch()) {
        hint = QStringLiteral("; the version must come first (%1_%2.sql would be read)").arg(m.captured(1), m.captured(2));
    } else if (const auto m = leadingDigits.match(base); m.hasMatch()) {
        hint = QStringLiteral("; did you mean %1_%2.sql?").arg(m.captured(1), m.captured(2));
    } else if (!base.isEmpty() && base.front().isDigit() && std::all_of(base.begin(), base.end(), [](QChar c) { return c.isDigit(); })) {
        hint = QStringLiteral("; name it %1_<name>.sql").arg(base);
    } else {
        hint = QStringLiteral(", e.g. %1").arg(kExample);
    }
    *problem = QStringLiteral("its name must be <version>_<name>.sql (digits, then '_')%1").arg(hint);
    return false;
}

QString CatalogIssue::toString() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    const QString prefix = severity == Severity::Warning ? QStringLiteral("warning: ") : QString();
    return where.isEmpty() ? prefix + message : where + QStringLiteral(": ") + prefix + message;
}

bool MigrationCatalog::hasErrors() const
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const CatalogIssue &i) { return i.severity == CatalogIssue::Severity::Error; });
}

QList<CatalogIssue> MigrationCatalog::errors() const
{
    QList<CatalogIssue> out;
    for (const CatalogIssue &i : issues) {
        if (i.severity == CatalogIssue::Severity::Error)
            out.append(i);
    }
    return out;
}

QList<CatalogIssue> MigrationCatalog::warnings() const
{
    QList<CatalogIssue> out;
    for (const CatalogIssue &i : issues) {
        if (i.severity == CatalogIssue::Severity::Warning)
            out.append(i);
    }
    return out;
}

const MigrationFile *MigrationCatalog::find(const QString &version) const
{
    const auto it = byVersion.constFind(version);
    return it == byVersion.constEnd() ? nullptr : &migrations.at(it.value());
}

MigrationCatalog scanMigrationFolder(const QString &folder)
{
    MigrationCatalog catalog;
    catalog.folder = folder;
    const QDir dir(folder);
    if (!QFileInfo(folder).isDir()) {
        catalog.issues.append(issue(CatalogIssue::Severity::Error, QString(),
                                    QFileInfo::exists(folder)
                                        ? QStringLiteral("%1 is not a folder").arg(folder)
                                        : QStringLiteral("the migrations folder %1 does not exist").arg(folder)));
        return catalog;
    }

    QList<Candidate> candidates;
    const FolderHandle root(dir.absolutePath());
    const FolderHandle downFolder(dir.filePath(QStringLiteral("down")));
    const FolderHandle verifyFolder(dir.filePath(QStringLiteral("verify")));
    collect(dir, QString(), Role::Up, root.fd(), &candidates, &catalog.skipped, &catalog.issues);
    if (downFolder.fd() >= 0)
        collect(QDir(dir.filePath(QStringLiteral("down"))), QStringLiteral("down/"), Role::Down, downFolder.fd(),
                &candidates, &catalog.skipped, &catalog.issues);
    if (verifyFolder.fd() >= 0)
        collect(QDir(dir.filePath(QStringLiteral("verify"))), QStringLiteral("verify/"), Role::Verify, verifyFolder.fd(),
                &candidates, &catalog.skipped, &catalog.issues);

    // Up files first: they define the versions that down and verify files attach to.
    QHash<QString, int> byVersion;
    byVersion.reserve(candidates.size());
    catalog.migrations.reserve(candidates.size());
    for (const Candidate &candidate : candidates) {
        if (candidate.role != Role::Up)
            continue;
        if (byVersion.contains(candidate.version)) {
            const MigrationFile &first = catalog.migrations.at(byVersion.value(candidate.version));
            catalog.issues.append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                                        QStringLiteral("duplicate version %1: %2 has the same version")
                                            .arg(candidate.version, first.up.fileName())));
            continue;
        }
        MigrationFile migration;
        migration.version = candidate.version;
        migration.name = candidate.name;
        readScript(candidate, &migration.up, &catalog.issues);
        byVersion.insert(candidate.version, int(catalog.migrations.size()));
        catalog.migrations.append(std::move(migration));
    }

    const bool cliFolder = looksLikeSupabaseCliFolder(folder);
    for (const Candidate &candidate : candidates) {
        if (candidate.role == Role::Up)
            continue;
        const QString kind = candidate.role == Role::Down ? QStringLiteral("down") : QStringLiteral("verify");
        const QString upName = candidate.version + QLatin1Char('_') + candidate.name + QStringLiteral(".sql");
        const auto found = byVersion.constFind(candidate.version);
        if (found == byVersion.constEnd()) {
            catalog.issues.append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                                        QStringLiteral("%1 file has no up file %2").arg(kind, upName)));
            continue;
        }
        MigrationFile &migration = catalog.migrations[found.value()];
        if (migration.name != candidate.name) {
            catalog.issues.append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                                        QStringLiteral("%1 file has no up file %2 (the up file of version %3 is %4)")
                                            .arg(kind, upName, candidate.version, migration.up.fileName())));
            continue;
        }
        MigrationScript &slot = candidate.role == Role::Down ? migration.down : migration.verify;
        if (slot.exists()) {
            catalog.issues.append(issue(CatalogIssue::Severity::Error, candidate.relativeName,
                                        QStringLiteral("second %1 file for version %2: %3 is one already")
                                            .arg(kind, candidate.version, slot.fileName())));
            continue;
        }
        readScript(candidate, &slot, &catalog.issues);
        if (cliFolder && !candidate.relativeName.contains(QLatin1Char('/'))) {
            catalog.issues.append(issue(
                CatalogIssue::Severity::Warning, candidate.relativeName,
                QStringLiteral("the Supabase CLI reads every <version>_<name>.sql in this folder and would take this "
                               "file for a second migration with version %1 (and run it on `supabase db push`); "
                               "move it to %2/%3, which the CLI does not read")
                    .arg(candidate.version, kind, upName)));
        }
    }

    // File names come sorted, so versions of one width (timestamps, the usual case) are in order
    // already: check before moving every migration through a merge sort.
    const auto byVersionOrder = [](const MigrationFile &a, const MigrationFile &b) { return versionLess(a.version, b.version); };
    if (!std::is_sorted(catalog.migrations.begin(), catalog.migrations.end(), byVersionOrder))
        std::stable_sort(catalog.migrations.begin(), catalog.migrations.end(), byVersionOrder);
    for (int i = 0; i < catalog.migrations.size(); ++i)
        catalog.byVersion.insert(catalog.migrations.at(i).version, i);
    return catalog;
}

QString defaultMigrationFolder(const QString &cwd, const QString &projectMigrations)
{
    const QString supabase = QDir(cwd).filePath(QStringLiteral("supabase/migrations"));
    return QFileInfo(supabase).isDir() ? supabase : projectMigrations;
}

QString shippedMigrationFolder(const QString &sourceFolder, const QString &executableDir)
{
    if (QFileInfo(sourceFolder).isDir())
        return sourceFolder;
    return QDir(executableDir).absoluteFilePath(QStringLiteral("../share/atlas-console/migrations"));
}
