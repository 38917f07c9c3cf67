#include "ui/common/TextWhenShown.h"

#include <QEvent>
#include <QLabel>

namespace {

const char *const kDeferredText = "atlasTextWhenShown";

// One filter for every label waiting for its first show.
class ShowFilter : public QObject {
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *label = static_cast<QLabel *>(watched);
            label->removeEventFilter(this);
            const QString text = label->property(kDeferredText).toString();
            label->setProperty(kDeferredText, QVariant());
            if (label->text().isEmpty())
                label->setText(text);
        }
        return false;
    }
};

ShowFilter *showFilter()
{
    static auto *filter = new ShowFilter;
    return filter;
}

}  // namespace

void TextWhenShown::set(QLabel *label, const QString &text)
{
    if (label->isVisible()) {
        label->setText(text);
        return;
    }
    label->clear();
    label->setProperty(kDeferredText, text);
    label->installEventFilter(showFilter());
}
