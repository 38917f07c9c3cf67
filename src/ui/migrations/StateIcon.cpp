#include "ui/migrations/StateIcon.h"

#include <QPainter>
#include <QPixmap>

QColor stateColour(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return QColor(0x2e, 0x7d, 0x32);
    case MigrationState::Pending: return QColor(0x15, 0x65, 0xc0);
    case MigrationState::Modified:
    case MigrationState::OutOfOrder:
    case MigrationState::PartlyPresent: return QColor(0xef, 0x6c, 0x00);
    case MigrationState::PresentNotRecorded: return QColor(0x6a, 0x1b, 0x9a);
    case MigrationState::MissingFile:
    case MigrationState::Failed: return QColor(0xb0, 0x00, 0x20);
    case MigrationState::Unknown:
    case MigrationState::Skipped: return Qt::gray;
    }
    return Qt::gray;
}

// A filled circle, so that state reads at a glance (the text says it too, for colour blindness).
QIcon stateIcon(MigrationState state)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(stateColour(state));
    painter.setPen(Qt::NoPen);
    if (state == MigrationState::Pending || state == MigrationState::PartlyPresent) {
        painter.setPen(QPen(stateColour(state), 2));
        painter.setBrush(Qt::NoBrush);
    }
    painter.drawEllipse(QRectF(2, 2, 10, 10));
    if (state == MigrationState::PartlyPresent) {  // half there
        painter.setPen(Qt::NoPen);
        painter.setBrush(stateColour(state));
        painter.drawPie(QRectF(2, 2, 10, 10), 90 * 16, 180 * 16);
    }
    return QIcon(pixmap);
}

