#pragma once

#include <QString>
#include <QTemporaryFile>

// Where an export (atlas-migrate export, the browser's CSV export) writes: a temporary file
// beside the target, renamed over it once every row is written, so that a failed or cancelled
// export leaves the target as it was. By default the rows reach the disk (fdatasync) before the
// rename, as pg_dump does; with sync off (--no-sync, as pg_dump --no-sync) they are left to the
// kernel. psql's \copy neither syncs nor replaces atomically: it truncates the target and writes
// into it.
class ExportFile {
public:
    ExportFile(const QString &path, bool sync);
    ~ExportFile();

    bool open();
    bool write(const char *data, qint64 size) { return m_temp.write(data, size) == size; }
    // Syncs (if asked), closes and renames over the target. False with errorString() on failure;
    // the target is then untouched.
    bool commit();
    QString errorString() const { return m_error.isEmpty() ? m_temp.errorString() : m_error; }

private:
    QString m_path;
    bool m_sync;
    QTemporaryFile m_temp;
    QString m_error;
};
