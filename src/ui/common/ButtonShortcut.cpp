#include "ui/common/ButtonShortcut.h"

#include <QAbstractButton>
#include <QShortcut>

QString ButtonShortcut::keyText(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText).replace(QLatin1String("Return"), QLatin1String("Enter"));
}

QShortcut *ButtonShortcut::add(QAbstractButton *button, const QKeySequence &sequence, QWidget *scope, Qt::ShortcutContext context)
{
    auto *shortcut = new QShortcut(sequence, scope);
    shortcut->setContext(context);
    QObject::connect(shortcut, &QShortcut::activated, button, [button] {
        if (button->isEnabled() && button->isVisible())
            button->click();
    });
    announce(shortcut, button);
    return shortcut;
}

void ButtonShortcut::announce(QShortcut *shortcut, QAbstractButton *button)
{
    shortcut->setProperty("atlasButton", QVariant::fromValue<QObject *>(button));
    const QString key = keyText(shortcut->key());
    if (!button->toolTip().contains(key))
        button->setToolTip(button->toolTip().isEmpty() ? QStringLiteral("(%1)").arg(key) : QStringLiteral("%1 (%2)").arg(button->toolTip(), key));
}

QShortcut *ButtonShortcut::addWithoutButton(const QKeySequence &sequence, QWidget *scope, std::function<void()> action,
                                            const QString &saidIn, Qt::ShortcutContext context)
{
    auto *shortcut = new QShortcut(sequence, scope);
    shortcut->setContext(context);
    sayIn(shortcut, saidIn);
    QObject::connect(shortcut, &QShortcut::activated, scope, std::move(action));
    return shortcut;
}

void ButtonShortcut::sayIn(QShortcut *shortcut, const QString &saidIn)
{
    shortcut->setProperty("atlasSaidIn", saidIn);
}
