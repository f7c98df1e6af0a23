// plainTitle() is what the list, the window title and plain outputs show of
// a title with LaTeX math; the reader typesets the same title with KaTeX.
#include "catch.h"
#include "model/titletext.h"

#include <QString>

using namespace gleaner;
using namespace Qt::StringLiterals;

TEST_CASE("plainTitle renders the math real digest titles carry", "[titletext]")
{
    // The four titles of the public seeds that have math.
    CHECK(plainTitle(u"M$^3$ViT: Mixture-of-Experts Vision Transformer"_s) ==
          u"M³ViT: Mixture-of-Experts Vision Transformer"_s);
    CHECK(plainTitle(u"$\\textit{Trans-LoRA}$: towards data-free Transferable"_s) ==
          u"Trans-LoRA: towards data-free Transferable"_s);
    CHECK(plainTitle(u"PixArt-$α$: Fast Training of Diffusion Transformer"_s) ==
          u"PixArt-α: Fast Training of Diffusion Transformer"_s);
    CHECK(plainTitle(u"PanGu-$π$: Enhancing Language Model Architectures"_s) ==
          u"PanGu-π: Enhancing Language Model Architectures"_s);
}

TEST_CASE("plainTitle spells commands, scripts and fonts", "[titletext]")
{
    CHECK(plainTitle(u"PixArt-$\\alpha$ and $\\Sigma$-VAE"_s) == u"PixArt-α and Σ-VAE"_s);
    CHECK(plainTitle(u"$O(n \\log n)$ sorting"_s) == u"O(n log n) sorting"_s);
    CHECK(plainTitle(u"$x_1$ to $x^{2n+1}$"_s) == u"x₁ to x²ⁿ⁺¹"_s);
    CHECK(plainTitle(u"$W^\\top x$"_s) == u"Wᵀ x"_s);
    // No superscript q: the script is written out, bracketed when longer.
    CHECK(plainTitle(u"$2^q$ and $2^{qz}$"_s) == u"2^q and 2^(qz)"_s);
    CHECK(plainTitle(u"$\\mathbb{R}^d$ and $\\mathcal{O}(1)$"_s) == u"ℝᵈ and O(1)"_s);
    CHECK(plainTitle(u"$\\frac{1}{2}$-bit and $\\sqrt{n}$"_s) == u"1/2-bit and √n"_s);
    CHECK(plainTitle(u"$3\\times$ faster, $\\geq 90\\%$"_s) == u"3× faster, ≥ 90%"_s);
}

TEST_CASE("plainTitle leaves text without math as it is", "[titletext]")
{
    CHECK(plainTitle(u"Attention Is All You Need"_s) == u"Attention Is All You Need"_s);
    CHECK(plainTitle(u"Costs $5 per run"_s) == u"Costs $5 per run"_s); // a lone $
    CHECK(plainTitle(u"A \\$ sign and $x$"_s) == u"A \\$ sign and x"_s);
    CHECK(plainTitle(QString()).isEmpty());
    CHECK(plainTitle(u"$$"_s).isEmpty());
    // Unknown commands keep their name; unclosed groups run to the end.
    CHECK(plainTitle(u"$\\foo{bar}$"_s) == u"foobar"_s);
    CHECK(plainTitle(u"$\\textbf{open$"_s) == u"open"_s);
    CHECK(plainTitle(u"$\\$"_s) == u"$\\$"_s); // an escaped closing $: no pair
}

TEST_CASE("plainTitle stays bounded on hostile nesting", "[titletext]")
{
    // Ten thousand nested groups, and scripts of scripts: rendered to a few
    // levels, the rest kept as written.
    const QString groups = u"$"_s + QString(10000, u'{') + u'x' + QString(10000, u'}') + u'$';
    CHECK(plainTitle(groups) == u"x"_s);
    QString scripts = u"$"_s;
    for (int i = 0; i < 10000; ++i)
        scripts += u"^{"_s;
    scripts += u'x' + QString(10000, u'}') + u'$';
    const QString plain = plainTitle(scripts);
    CHECK(plain.contains(u'x'));
    CHECK(plain.size() <= scripts.size());
    CHECK(plainTitle(u"$x^$"_s) == u"x^"_s); // a script of nothing
}
