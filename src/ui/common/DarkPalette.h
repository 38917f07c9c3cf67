#pragma once

#include <QGuiApplication>
#include <QPalette>

class QApplication;

// A dark palette for the Fusion style: what a user with a dark desktop sees, forced where no
// desktop theme says so (Xvfb, or `--palette dark` / ATLAS_PALETTE=dark on any desktop).
namespace DarkPalette {

void apply(QApplication &app);
// Whether the palette in use has a dark text background (this one, or a dark desktop's): for
// the colours the console paints itself. Inline: the module of later parts asks it too.
inline bool isActive()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

}  // namespace DarkPalette
