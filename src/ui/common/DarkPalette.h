#pragma once

class QApplication;

// A dark palette for the Fusion style: what a user with a dark desktop sees, forced where no
// desktop theme says so (Xvfb, or `--palette dark` / ATLAS_PALETTE=dark on any desktop).
namespace DarkPalette {

void apply(QApplication &app);

}  // namespace DarkPalette
