#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One part of the Server page, as read from the server: a titled table, or a note saying why it
// has none ("pg_cron is not installed in this database").
struct ServerSection {
    QString title;
    QStringList columns;
    QList<QStringList> rows;
    QString note;
};
Q_DECLARE_METATYPE(ServerSection)
Q_DECLARE_METATYPE(QList<ServerSection>)
