// Titles as plain text. Digest titles carry LaTeX math from arXiv
// (`M$^3$ViT`, `$\textit{Trans-LoRA}$`, `PixArt-$α$`); the reader typesets
// it, but the list, the window title and plain-text outputs have no
// typesetter and showed the markup raw. plainTitle() is their one rendering.
#pragma once

#include <QString>

namespace gleaner {

// The title with each `$...$` span rendered as Unicode text: Greek letters
// and common symbols by their characters (`\alpha` is "α", `\times` "×"),
// font commands by their argument (`\textit{X}` is "X", `\mathbb{R}` "ℝ"),
// `^` and `_` by superscript and subscript characters where Unicode has them
// all ("M³ViT", "x₁"), else as `^(...)`. Text outside `$` pairs, and a lone
// `$`, are kept as they are; a title without `$` is returned unchanged.
[[nodiscard]] QString plainTitle(const QString &title);

} // namespace gleaner
