#include "ui/common/RememberedLayout.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>

namespace {

const char *const kUserSized = "atlasUserSized";

QString settingsKey(const QString &key)
{
    return QStringLiteral("layout/") + key;
}

}  // namespace

bool RememberedLayout::keep(QSplitter *splitter, const QString &key)
{
    const QByteArray saved = QSettings().value(settingsKey(key)).toByteArray();
    const bool restored = !saved.isEmpty() && splitter->restoreState(saved);
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
                     [splitter, key] { QSettings().setValue(settingsKey(key), splitter->saveState()); });
    return restored;
}

bool RememberedLayout::keep(QHeaderView *header, const QString &key)
{
    const QByteArray saved = QSettings().value(settingsKey(key)).toByteArray();
    const bool restored = !saved.isEmpty() && header->restoreState(saved);
    header->setProperty(kUserSized, restored);
    // Only what the user does is saved: sizes set by the program while filling come first, and
    // a user's drag arrives with the mouse button down.
    QObject::connect(header, &QHeaderView::sectionResized, header, [header, key] {
        if (QGuiApplication::mouseButtons() != Qt::NoButton) {
            header->setProperty(kUserSized, true);
            QSettings().setValue(settingsKey(key), header->saveState());
        }
    });
    return restored;
}

bool RememberedLayout::userSized(const QHeaderView *header)
{
    return header->property(kUserSized).toBool();
}
