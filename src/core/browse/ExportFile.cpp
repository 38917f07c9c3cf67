#include "core/browse/ExportFile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

ExportFile::ExportFile(const QString &path, bool sync)
    : m_path(path)
    , m_sync(sync)
    , m_temp(QFileInfo(path).absoluteFilePath() + QStringLiteral(".XXXXXX"))
{
}

ExportFile::~ExportFile() = default;  // a temporary file not committed is removed with m_temp

bool ExportFile::open()
{
    if (QFileInfo(m_path).isDir()) {
        m_error = QStringLiteral("is a folder");
        return false;
    }
    return m_temp.open();
}

bool ExportFile::commit()
{
    if (!m_temp.flush())
        return false;
    if (m_sync && ::fdatasync(m_temp.handle()) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // The file keeps the permissions a new file gets, not QTemporaryFile's owner-only ones.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    m_temp.setPermissions(QFileDevice::Permissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                                                   | QFileDevice::WriteUser)
                          | ((mask & 040) ? QFileDevice::Permissions() : QFileDevice::ReadGroup)
                          | ((mask & 020) ? QFileDevice::Permissions() : QFileDevice::WriteGroup)
                          | ((mask & 004) ? QFileDevice::Permissions() : QFileDevice::ReadOther)
                          | ((mask & 002) ? QFileDevice::Permissions() : QFileDevice::WriteOther));
    const QString temporary = m_temp.fileName();
    m_temp.close();
    // rename(2) replaces the target in one step (QFile::rename refuses an existing target).
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_temp.setAutoRemove(false);
    return true;
}
