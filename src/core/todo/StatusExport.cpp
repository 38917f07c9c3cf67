#include "core/todo/StatusExport.h"

#include <QStringList>

namespace {

QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QByteArray section(const QList<MigrationStatusRow> &rows, const QString &environment, const QDateTime &when,
                   const QByteArray &newline)
{
    QStringList lines;
    lines << QStringLiteral("## Migrations") << QString()
          << QStringLiteral("State in **%1** as read by Atlas Console on %2 UTC; regenerate it with Export status.")
                 .arg(environment, when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
          << QString() << QStringLiteral("| version | name | state | applied | by | detail |")
          << QStringLiteral("| --- | --- | --- | --- | --- | --- |");
    for (const MigrationStatusRow &row : rows) {
        lines << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                     .arg(cell(row.version), cell(row.name), migrationStateName(row.state),
                          row.appliedAt ? row.appliedAt->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(),
                          cell(row.appliedBy), cell(row.detail));
    }
    lines << QString();
    return lines.join(QString::fromUtf8(newline)).toUtf8() + newline;
}

}  // namespace

QByteArray exportMigrationSection(const QByteArray &document, const QList<MigrationStatusRow> &rows,
                                  const QString &environment, const QDateTime &when)
{
    const QByteArray newline = document.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < document.size()) {
        qsizetype end = document.indexOf('\n', start);
        end = end < 0 ? document.size() : end + 1;
        lines.append(document.mid(start, end - start));
        start = end;
    }
    const auto isH2 = [](const QByteArray &line) { return line.startsWith("## "); };
    int begin = -1;
    int finish = int(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        if (begin < 0 && lines.at(i).trimmed() == "## Migrations") {
            begin = i;
        } else if (begin >= 0 && (isH2(lines.at(i)) || lines.at(i).startsWith("# "))) {
            finish = i;
            break;
        }
    }
    if (begin < 0) {
        // No such section yet: before the first other section, or at the end.
        begin = int(lines.size());
        for (int i = 0; i < lines.size(); ++i) {
            if (isH2(lines.at(i))) {
                begin = i;
                break;
            }
        }
        finish = begin;
    }
    QByteArray out;
    for (int i = 0; i < begin; ++i)
        out += lines.at(i);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += newline;
    out += section(rows, environment, when, newline);
    for (int i = finish; i < lines.size(); ++i)
        out += lines.at(i);
    return out;
}
