#include "ui/common/GridColumnWidths.h"

#include <QCryptographicHash>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>
#include <QTableView>

namespace {

// Queries come and go: the widths of the most recently sized grids are kept, the oldest dropped.
constexpr int kKeptGrids = 300;
const QString kRecent = QStringLiteral("layout/grids/recent");

// Keys may hold any character (a table named "a/b"); the settings see a hash of them.
QString settingsKey(const QString &key)
{
    return QStringLiteral("layout/grids/") + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(20));
}

// Dragged widths not yet written, by grid key: another grid of the same key (the query run again
// before the write) applies them too.
QHash<QString, QVariantMap> &unsavedWidths()
{
    static QHash<QString, QVariantMap> widths;
    return widths;
}

QString columnName(const QAbstractItemModel *model, int column)
{
    return model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

}  // namespace

GridColumnWidths::GridColumnWidths(QTableView *view)
    : QObject(view)
    , m_view(view)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(300);
    connect(&m_saveTimer, &QTimer::timeout, this, &GridColumnWidths::save);
    // Only what the user does is saved: widths set while filling come without a mouse button down.
    connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logicalIndex, int, int width) {
        if (m_applying || m_key.isEmpty() || !m_view->model() || QGuiApplication::mouseButtons() == Qt::NoButton)
            return;
        unsavedWidths()[m_key].insert(columnName(m_view->model(), logicalIndex), width);
        m_saveTimer.start();
    });
    const auto watchModel = [this] {
        if (QAbstractItemModel *model = m_view->model()) {
            connect(model, &QAbstractItemModel::modelReset, this, &GridColumnWidths::apply, Qt::UniqueConnection);
            connect(model, &QAbstractItemModel::columnsInserted, this, &GridColumnWidths::apply, Qt::UniqueConnection);
            connect(model, &QAbstractItemModel::headerDataChanged, this, &GridColumnWidths::apply, Qt::UniqueConnection);
        }
    };
    watchModel();
    // A view given its model later (QTableView has no signal for it) is watched once it has one.
    connect(view->horizontalHeader(), &QHeaderView::sectionCountChanged, this, watchModel);
}

GridColumnWidths::~GridColumnWidths()
{
    save();
}

void GridColumnWidths::setKey(const QString &key)
{
    save();  // what was dragged belongs to the key it was dragged under
    m_key = key;
    apply();
}

void GridColumnWidths::apply()
{
    const QAbstractItemModel *model = m_view->model();
    if (m_key.isEmpty() || !model)
        return;
    QVariantMap widths = QSettings().value(settingsKey(m_key)).toMap().value(QStringLiteral("widths")).toMap();
    widths.insert(unsavedWidths().value(m_key));
    if (widths.isEmpty())
        return;
    m_applying = true;
    for (int column = 0; column < model->columnCount(); ++column) {
        const int width = widths.value(columnName(model, column)).toInt();
        if (width > 0)
            m_view->setColumnWidth(column, width);
    }
    m_applying = false;
}

void GridColumnWidths::save()
{
    m_saveTimer.stop();
    const QVariantMap dragged = unsavedWidths().take(m_key);
    if (dragged.isEmpty())
        return;
    QSettings settings;
    const QString id = settingsKey(m_key);
    QVariantMap entry = settings.value(id).toMap();
    QVariantMap widths = entry.value(QStringLiteral("widths")).toMap();
    widths.insert(dragged);
    entry.insert(QStringLiteral("key"), m_key);  // for whoever reads the settings file
    entry.insert(QStringLiteral("widths"), widths);
    settings.setValue(id, entry);
    QStringList recent = settings.value(kRecent).toStringList();
    recent.removeAll(id);
    recent.append(id);
    while (recent.size() > kKeptGrids)
        settings.remove(recent.takeFirst());
    settings.setValue(kRecent, recent);
}
