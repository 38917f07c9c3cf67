#include "ui/common/ElidedToolTips.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace {

class Filter : public QObject {
public:
    explicit Filter(QAbstractItemView *view)
        : QObject(view)
        , m_view(view)
    {
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
            return false;
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = m_view->indexAt(help->pos());
        if (!index.isValid() || index.data(Qt::ToolTipRole).isValid())
            return false;  // the model's own tooltip, shown as usual
        const QString text = index.data(Qt::DisplayRole).toString();
        const QRect cell = m_view->visualRect(index);
        // The text's width against the cell's, less the margins the style takes (a fair estimate).
        const int needed = m_view->fontMetrics().horizontalAdvance(text) + 12;
        if (text.isEmpty() || (needed <= cell.width() && !text.contains(QLatin1Char('\n'))))
            return false;
        QToolTip::showText(help->globalPos(), text, m_view->viewport(), cell);
        return true;
    }

private:
    QAbstractItemView *m_view;
};

}  // namespace

void ElidedToolTips::install(QAbstractItemView *view)
{
    if (view->property("atlasElidedToolTips").toBool())
        return;
    view->setProperty("atlasElidedToolTips", true);
    view->viewport()->installEventFilter(new Filter(view));
}

void ElidedToolTips::installAll(QWidget *root)
{
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>())
        install(view);
}
