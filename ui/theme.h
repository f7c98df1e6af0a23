// The application's look for the Theme preference: the system's, or Fusion
// with a light or a dark palette.
#pragma once

#include "preferences.h"

namespace gleaner {

void applyTheme(Preferences::Theme theme);

} // namespace gleaner
