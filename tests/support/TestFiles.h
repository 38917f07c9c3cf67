#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

// Writes `bytes` to `path`, making its folder; false when it cannot.
[[nodiscard]] inline bool writeTestFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

[[nodiscard]] inline bool writeTestFile(const QString &path, const QString &text)
{
    return writeTestFile(path, text.toUtf8());
}

[[nodiscard]] inline bool writeTestFile(const QString &path, const char *text)
{
    return writeTestFile(path, QByteArray(text));
}

// In a test function: writes the file, or fails the test there and then.
#define WRITE_FILE(path, text) QVERIFY2(writeTestFile((path), (text)), qPrintable(QStringLiteral("cannot write %1").arg(path)))
