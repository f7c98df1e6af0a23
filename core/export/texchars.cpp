#include "export/texchars_p.h"

#include <QHash>

namespace gleaner::tex {

namespace {

using Kind = TexChar::Kind;

// Combining marks and the LaTeX accent that builds them in OT1. Ogonek and
// comma below have none there (\k is T1 only); they are dropped to the base
// letter, comma below shown as a cedilla as Romanian text often is.
// "i" rather than "\i" under an accent: LaTeX drops the dot itself (OT1
// composites), and biber and pandoc read \"{i} as ï but \"{\i} as ı and a
// stray combining mark.
struct Accent
{
    char16_t mark;
    const char *command;
};

const Accent kAccents[] = {
    {u'\u0300', "\\`"}, {u'\u0301', "\\'"}, {u'\u0302', "\\^"}, {u'\u0303', "\\~"},
    {u'\u0304', "\\="}, {u'\u0306', "\\u"}, {u'\u0307', "\\."}, {u'\u0308', "\\\""},
    {u'\u030A', "\\r"}, {u'\u030B', "\\H"}, {u'\u030C', "\\v"}, {u'\u0327', "\\c"},
    {u'\u0326', "\\c"}, {u'\u0323', "\\d"}, {u'\u0331', "\\b"},
};

const Accent *accentFor(QChar mark)
{
    for (const Accent &a : kAccents) {
        if (a.mark == mark.unicode())
            return &a;
    }
    return nullptr;
}

struct Entry
{
    Kind kind;
    const char *tex;
    const char *fold;
};

// Characters no decomposition explains: letters OT1 has a command for,
// punctuation, spaces, Greek and the mathematical symbols titles use.
const QHash<char32_t, Entry> &table()
{
    static const QHash<char32_t, Entry> entries = {
        // Letters of their own.
        {U'ß', {Kind::Latin, "{\\ss}", "ss"}},
        {U'æ', {Kind::Latin, "{\\ae}", "ae"}},
        {U'Æ', {Kind::Latin, "{\\AE}", "AE"}},
        {U'œ', {Kind::Latin, "{\\oe}", "oe"}},
        {U'Œ', {Kind::Latin, "{\\OE}", "OE"}},
        {U'ø', {Kind::Latin, "{\\o}", "o"}},
        {U'Ø', {Kind::Latin, "{\\O}", "O"}},
        {U'ł', {Kind::Latin, "{\\l}", "l"}},
        {U'Ł', {Kind::Latin, "{\\L}", "L"}},
        {U'ı', {Kind::Latin, "{\\i}", "i"}},
        {U'ȷ', {Kind::Latin, "{\\j}", "j"}},
        {U'å', {Kind::Latin, "{\\aa}", "a"}},
        {U'Å', {Kind::Latin, "{\\AA}", "A"}},
        // Letters OT1 lacks: their usual transliteration.
        {U'Ð', {Kind::LatinApprox, "D", "D"}},
        {U'ð', {Kind::LatinApprox, "d", "d"}},
        {U'Đ', {Kind::LatinApprox, "D", "D"}},
        {U'đ', {Kind::LatinApprox, "d", "d"}},
        {U'Þ', {Kind::LatinApprox, "Th", "Th"}},
        {U'þ', {Kind::LatinApprox, "th", "th"}},
        {U'Ħ', {Kind::LatinApprox, "H", "H"}},
        {U'ħ', {Kind::LatinApprox, "h", "h"}},
        {U'ĸ', {Kind::LatinApprox, "q", "q"}},
        {U'Ŋ', {Kind::LatinApprox, "NG", "NG"}},
        {U'ŋ', {Kind::LatinApprox, "ng", "ng"}},
        {U'Ŧ', {Kind::LatinApprox, "T", "T"}},
        {U'ŧ', {Kind::LatinApprox, "t", "t"}},
        {U'ſ', {Kind::LatinApprox, "s", "s"}},
        {U'ə', {Kind::LatinApprox, "e", "e"}},
        // Punctuation and spaces.
        {U'\u00A0', {Kind::Latin, "~", ""}},
        {U'\u00AD', {Kind::Latin, "\\-", ""}},
        {U'¡', {Kind::Latin, "\\textexclamdown{}", ""}},
        {U'¿', {Kind::Latin, "\\textquestiondown{}", ""}},
        {U'£', {Kind::Latin, "\\pounds{}", ""}},
        {U'§', {Kind::Latin, "\\S{}", ""}},
        {U'¶', {Kind::Latin, "\\P{}", ""}},
        {U'©', {Kind::Latin, "\\copyright{}", ""}},
        {U'ª', {Kind::LatinApprox, "a", "a"}},
        {U'º', {Kind::LatinApprox, "o", "o"}},
        {U'«', {Kind::LatinApprox, "\\textquotedblleft{}", ""}},
        {U'»', {Kind::LatinApprox, "\\textquotedblright{}", ""}},
        {U'‹', {Kind::LatinApprox, "\\textquoteleft{}", ""}},
        {U'›', {Kind::LatinApprox, "\\textquoteright{}", ""}},
        {U'„', {Kind::LatinApprox, "\\textquotedblleft{}", ""}},
        {U'‚', {Kind::LatinApprox, ",", ""}},
        {U'\u2010', {Kind::Latin, "-", ""}},
        {U'\u2011', {Kind::Latin, "-", ""}},
        {U'\u2012', {Kind::Latin, "-", ""}},
        {U'\u2013', {Kind::Latin, "\\textendash{}", ""}},
        {U'\u2014', {Kind::Latin, "\\textemdash{}", ""}},
        {U'\u2015', {Kind::Latin, "\\textemdash{}", ""}},
        {U'\u2018', {Kind::Latin, "\\textquoteleft{}", ""}},
        {U'\u2019', {Kind::Latin, "\\textquoteright{}", ""}},
        {U'\u201B', {Kind::Latin, "\\textquoteleft{}", ""}},
        {U'\u201C', {Kind::Latin, "\\textquotedblleft{}", ""}},
        {U'\u201D', {Kind::Latin, "\\textquotedblright{}", ""}},
        {U'\u201F', {Kind::Latin, "\\textquotedblleft{}", ""}},
        {U'\u2020', {Kind::Latin, "\\dag{}", ""}},
        {U'\u2021', {Kind::Latin, "\\ddag{}", ""}},
        {U'\u2022', {Kind::Latin, "\\textbullet{}", ""}},
        {U'\u2026', {Kind::Latin, "\\ldots{}", ""}},
        // Greek, as mathematicians write it; capitals that look Latin are Latin.
        {U'α', {Kind::Math, "\\alpha", ""}},
        {U'β', {Kind::Math, "\\beta", ""}},
        {U'γ', {Kind::Math, "\\gamma", ""}},
        {U'δ', {Kind::Math, "\\delta", ""}},
        {U'ε', {Kind::Math, "\\varepsilon", ""}},
        {U'ϵ', {Kind::Math, "\\epsilon", ""}},
        {U'ζ', {Kind::Math, "\\zeta", ""}},
        {U'η', {Kind::Math, "\\eta", ""}},
        {U'θ', {Kind::Math, "\\theta", ""}},
        {U'ϑ', {Kind::Math, "\\vartheta", ""}},
        {U'ι', {Kind::Math, "\\iota", ""}},
        {U'κ', {Kind::Math, "\\kappa", ""}},
        {U'λ', {Kind::Math, "\\lambda", ""}},
        {U'μ', {Kind::Math, "\\mu", ""}},
        {U'µ', {Kind::Math, "\\mu", ""}},
        {U'ν', {Kind::Math, "\\nu", ""}},
        {U'ξ', {Kind::Math, "\\xi", ""}},
        {U'ο', {Kind::Math, "o", ""}},
        {U'π', {Kind::Math, "\\pi", ""}},
        {U'ϖ', {Kind::Math, "\\varpi", ""}},
        {U'ρ', {Kind::Math, "\\rho", ""}},
        {U'ϱ', {Kind::Math, "\\varrho", ""}},
        {U'ς', {Kind::Math, "\\varsigma", ""}},
        {U'σ', {Kind::Math, "\\sigma", ""}},
        {U'τ', {Kind::Math, "\\tau", ""}},
        {U'υ', {Kind::Math, "\\upsilon", ""}},
        {U'φ', {Kind::Math, "\\varphi", ""}},
        {U'ϕ', {Kind::Math, "\\phi", ""}},
        {U'χ', {Kind::Math, "\\chi", ""}},
        {U'ψ', {Kind::Math, "\\psi", ""}},
        {U'ω', {Kind::Math, "\\omega", ""}},
        {U'Α', {Kind::Math, "\\mathrm{A}", ""}},
        {U'Β', {Kind::Math, "\\mathrm{B}", ""}},
        {U'Γ', {Kind::Math, "\\Gamma", ""}},
        {U'Δ', {Kind::Math, "\\Delta", ""}},
        {U'∆', {Kind::Math, "\\Delta", ""}},
        {U'Ε', {Kind::Math, "\\mathrm{E}", ""}},
        {U'Ζ', {Kind::Math, "\\mathrm{Z}", ""}},
        {U'Η', {Kind::Math, "\\mathrm{H}", ""}},
        {U'Θ', {Kind::Math, "\\Theta", ""}},
        {U'Ι', {Kind::Math, "\\mathrm{I}", ""}},
        {U'Κ', {Kind::Math, "\\mathrm{K}", ""}},
        {U'Λ', {Kind::Math, "\\Lambda", ""}},
        {U'Μ', {Kind::Math, "\\mathrm{M}", ""}},
        {U'Ν', {Kind::Math, "\\mathrm{N}", ""}},
        {U'Ξ', {Kind::Math, "\\Xi", ""}},
        {U'Ο', {Kind::Math, "\\mathrm{O}", ""}},
        {U'Π', {Kind::Math, "\\Pi", ""}},
        {U'Ρ', {Kind::Math, "\\mathrm{P}", ""}},
        {U'Σ', {Kind::Math, "\\Sigma", ""}},
        {U'Τ', {Kind::Math, "\\mathrm{T}", ""}},
        {U'Υ', {Kind::Math, "\\Upsilon", ""}},
        {U'Φ', {Kind::Math, "\\Phi", ""}},
        {U'Χ', {Kind::Math, "\\mathrm{X}", ""}},
        {U'Ψ', {Kind::Math, "\\Psi", ""}},
        {U'Ω', {Kind::Math, "\\Omega", ""}},
        {U'\u2126', {Kind::Math, "\\Omega", ""}}, // ohm sign
        // Symbols.
        {U'±', {Kind::Math, "\\pm", ""}},
        {U'∓', {Kind::Math, "\\mp", ""}},
        {U'×', {Kind::Math, "\\times", ""}},
        {U'÷', {Kind::Math, "\\div", ""}},
        {U'·', {Kind::Math, "\\cdot", ""}},
        {U'⋅', {Kind::Math, "\\cdot", ""}},
        {U'∙', {Kind::Math, "\\cdot", ""}},
        {U'¬', {Kind::Math, "\\neg", ""}},
        {U'°', {Kind::Math, "^{\\circ}", ""}},
        {U'¹', {Kind::Math, "^{1}", ""}},
        {U'²', {Kind::Math, "^{2}", ""}},
        {U'³', {Kind::Math, "^{3}", ""}},
        {U'⁰', {Kind::Math, "^{0}", ""}},
        {U'⁴', {Kind::Math, "^{4}", ""}},
        {U'⁵', {Kind::Math, "^{5}", ""}},
        {U'⁶', {Kind::Math, "^{6}", ""}},
        {U'⁷', {Kind::Math, "^{7}", ""}},
        {U'⁸', {Kind::Math, "^{8}", ""}},
        {U'⁹', {Kind::Math, "^{9}", ""}},
        {U'⁺', {Kind::Math, "^{+}", ""}},
        {U'⁻', {Kind::Math, "^{-}", ""}},
        {U'ⁿ', {Kind::Math, "^{n}", ""}},
        {U'₀', {Kind::Math, "_{0}", ""}},
        {U'₁', {Kind::Math, "_{1}", ""}},
        {U'₂', {Kind::Math, "_{2}", ""}},
        {U'₃', {Kind::Math, "_{3}", ""}},
        {U'₄', {Kind::Math, "_{4}", ""}},
        {U'₅', {Kind::Math, "_{5}", ""}},
        {U'₆', {Kind::Math, "_{6}", ""}},
        {U'₇', {Kind::Math, "_{7}", ""}},
        {U'₈', {Kind::Math, "_{8}", ""}},
        {U'₉', {Kind::Math, "_{9}", ""}},
        {U'′', {Kind::Math, "\\prime", ""}},
        {U'″', {Kind::Math, "\\prime\\prime", ""}},
        {U'−', {Kind::Math, "-", ""}},
        {U'←', {Kind::Math, "\\leftarrow", ""}},
        {U'↑', {Kind::Math, "\\uparrow", ""}},
        {U'→', {Kind::Math, "\\rightarrow", ""}},
        {U'↓', {Kind::Math, "\\downarrow", ""}},
        {U'↔', {Kind::Math, "\\leftrightarrow", ""}},
        {U'↦', {Kind::Math, "\\mapsto", ""}},
        {U'⇐', {Kind::Math, "\\Leftarrow", ""}},
        {U'⇒', {Kind::Math, "\\Rightarrow", ""}},
        {U'⇔', {Kind::Math, "\\Leftrightarrow", ""}},
        {U'⟶', {Kind::Math, "\\longrightarrow", ""}},
        {U'∀', {Kind::Math, "\\forall", ""}},
        {U'∂', {Kind::Math, "\\partial", ""}},
        {U'∃', {Kind::Math, "\\exists", ""}},
        {U'∅', {Kind::Math, "\\emptyset", ""}},
        {U'∇', {Kind::Math, "\\nabla", ""}},
        {U'∈', {Kind::Math, "\\in", ""}},
        {U'∉', {Kind::Math, "\\notin", ""}},
        {U'∋', {Kind::Math, "\\ni", ""}},
        {U'∏', {Kind::Math, "\\prod", ""}},
        {U'∑', {Kind::Math, "\\sum", ""}},
        {U'∗', {Kind::Math, "\\ast", ""}},
        {U'∘', {Kind::Math, "\\circ", ""}},
        {U'√', {Kind::Math, "\\surd", ""}},
        {U'∝', {Kind::Math, "\\propto", ""}},
        {U'∞', {Kind::Math, "\\infty", ""}},
        {U'∣', {Kind::Math, "\\mid", ""}},
        {U'∥', {Kind::Math, "\\|", ""}},
        {U'∧', {Kind::Math, "\\wedge", ""}},
        {U'∨', {Kind::Math, "\\vee", ""}},
        {U'∩', {Kind::Math, "\\cap", ""}},
        {U'∪', {Kind::Math, "\\cup", ""}},
        {U'∫', {Kind::Math, "\\int", ""}},
        {U'∼', {Kind::Math, "\\sim", ""}},
        {U'≃', {Kind::Math, "\\simeq", ""}},
        {U'≅', {Kind::Math, "\\cong", ""}},
        {U'≈', {Kind::Math, "\\approx", ""}},
        {U'≠', {Kind::Math, "\\neq", ""}},
        {U'≡', {Kind::Math, "\\equiv", ""}},
        {U'≤', {Kind::Math, "\\leq", ""}},
        {U'≥', {Kind::Math, "\\geq", ""}},
        {U'≪', {Kind::Math, "\\ll", ""}},
        {U'≫', {Kind::Math, "\\gg", ""}},
        {U'⊂', {Kind::Math, "\\subset", ""}},
        {U'⊃', {Kind::Math, "\\supset", ""}},
        {U'⊆', {Kind::Math, "\\subseteq", ""}},
        {U'⊇', {Kind::Math, "\\supseteq", ""}},
        {U'⊕', {Kind::Math, "\\oplus", ""}},
        {U'⊗', {Kind::Math, "\\otimes", ""}},
        {U'⊤', {Kind::Math, "\\top", ""}},
        {U'⊥', {Kind::Math, "\\bot", ""}},
        {U'⋆', {Kind::Math, "\\star", ""}},
        {U'⋯', {Kind::Math, "\\cdots", ""}},
        {U'⌈', {Kind::Math, "\\lceil", ""}},
        {U'⌉', {Kind::Math, "\\rceil", ""}},
        {U'⌊', {Kind::Math, "\\lfloor", ""}},
        {U'⌋', {Kind::Math, "\\rfloor", ""}},
        {U'⟨', {Kind::Math, "\\langle", ""}},
        {U'⟩', {Kind::Math, "\\rangle", ""}},
        {U'ℓ', {Kind::Math, "\\ell", ""}},
        {U'ℏ', {Kind::Math, "\\hbar", ""}},
        // Blackboard bold needs amssymb; bold is what the base fonts have.
        {U'ℕ', {Kind::Math, "\\mathbf{N}", ""}},
        {U'ℤ', {Kind::Math, "\\mathbf{Z}", ""}},
        {U'ℚ', {Kind::Math, "\\mathbf{Q}", ""}},
        {U'ℝ', {Kind::Math, "\\mathbf{R}", ""}},
        {U'ℂ', {Kind::Math, "\\mathbf{C}", ""}},
    };
    return entries;
}

// Named scripts for the placeholder a run of letters pdflatex cannot set
// leaves in the ASCII flavour.
QString scriptName(char32_t ucs4)
{
    switch (QChar::script(ucs4)) {
    case QChar::Script_Cyrillic:
        return QStringLiteral("Cyrillic");
    case QChar::Script_Greek:
        return QStringLiteral("Greek");
    case QChar::Script_Armenian:
        return QStringLiteral("Armenian");
    case QChar::Script_Hebrew:
        return QStringLiteral("Hebrew");
    case QChar::Script_Arabic:
        return QStringLiteral("Arabic");
    case QChar::Script_Devanagari:
        return QStringLiteral("Devanagari");
    case QChar::Script_Bengali:
        return QStringLiteral("Bengali");
    case QChar::Script_Tamil:
        return QStringLiteral("Tamil");
    case QChar::Script_Thai:
        return QStringLiteral("Thai");
    case QChar::Script_Georgian:
        return QStringLiteral("Georgian");
    case QChar::Script_Hangul:
        return QStringLiteral("Hangul");
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
        return QStringLiteral("Kana");
    case QChar::Script_Han:
        return QStringLiteral("Han");
    default:
        return QStringLiteral("non-Latin");
    }
}

bool isSpaceLike(char32_t c)
{
    return (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool isZeroWidth(char32_t c)
{
    return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x034F;
}

char32_t firstCodePoint(QStringView s)
{
    if (s.size() >= 2 && s.at(0).isHighSurrogate() && s.at(1).isLowSurrogate())
        return QChar::surrogateToUcs4(s.at(0), s.at(1));
    return s.isEmpty() ? 0 : s.at(0).unicode();
}

// A Latin letter built from an ASCII base and accents OT1 knows. biber
// turns the accent commands back into one Unicode letter, which pdflatex
// must then set from its UTF-8 input: so only letters of Latin-1 and
// Latin Extended-A are built; others (ǎ, Vietnamese ế, ogonek) keep their
// base letter alone.
TexChar accented(QChar base, QStringView marks)
{
    QString composed = QString(base);
    QString inner = QString(base);
    bool exact = true;
    for (const QChar m : marks) {
        const Accent *a = accentFor(m);
        if (!a) {
            exact = false;
            continue;
        }
        // What biber decodes the command to: comma below is written as a cedilla.
        composed += m == u'\u0326' ? QChar(u'\u0327') : m;
        inner = QLatin1String(a->command) + u'{' + inner + u'}';
    }
    composed = composed.normalized(QString::NormalizationForm_C);
    if (composed.size() != 1 || composed.at(0).unicode() > 0x17F)
        return {Kind::LatinApprox, QString(base), QString(base)};
    if (composed.size() == 1 && composed.at(0) == base)
        return {Kind::LatinApprox, QString(base), QString(base)};
    return {exact ? Kind::Latin : Kind::LatinApprox, u'{' + inner + u'}', QString(base)};
}

} // namespace

qsizetype clusterLength(QStringView text, qsizetype i)
{
    qsizetype j = i + 1;
    if (text.at(i).isHighSurrogate() && j < text.size() && text.at(j).isLowSurrogate())
        ++j;
    while (j < text.size() && (text.at(j).category() == QChar::Mark_NonSpacing ||
                               text.at(j).category() == QChar::Mark_Enclosing))
        ++j;
    return j - i;
}

TexChar texChar(QStringView cluster)
{
    const char32_t c = firstCodePoint(cluster);
    if (c == 0)
        return {};
    const auto &entries = table();
    if (const auto it = entries.constFind(c); it != entries.cend())
        return {it->kind, QLatin1String(it->tex), QLatin1String(it->fold)};
    if (isSpaceLike(c))
        return {Kind::Latin, QStringLiteral(" "), QString()};
    if (isZeroWidth(c))
        return {};
    const QString decomposed = cluster.toString().normalized(QString::NormalizationForm_D);
    const QChar base = decomposed.at(0);
    if (base.unicode() < 128 && base.isLetter())
        return accented(base, QStringView(decomposed).mid(1));
    // Greek with accents or breathings: the letter is what mathematics reads.
    if (base.unicode() >= 0x370 && entries.contains(base.unicode())) {
        const Entry &e = entries.value(base.unicode());
        return {e.kind, QLatin1String(e.tex), QLatin1String(e.fold)};
    }
    // Ligatures, full-width and mathematical letters read as plain ASCII
    // in their compatibility form ("ﬁ" is "fi", "𝐱" is "x").
    const QString compatible = cluster.toString().normalized(QString::NormalizationForm_KD);
    bool ascii = !compatible.isEmpty();
    for (const QChar k : compatible)
        ascii = ascii && k.unicode() < 128 && k.isLetterOrNumber();
    if (ascii)
        return {Kind::LatinApprox, compatible, compatible};
    if (QChar::isDigit(c) && QChar::digitValue(c) >= 0) {
        const QString digit = QString::number(QChar::digitValue(c));
        return {Kind::LatinApprox, digit, digit};
    }
    if (QChar::isLetter(c))
        return {Kind::Script, scriptName(c), QString()};
    return {};
}

QString foldToAscii(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size();) {
        const qsizetype n = clusterLength(view, i);
        const QChar c = view.at(i);
        if (c.unicode() < 128 && n == 1) {
            out += c;
            ++i;
            continue;
        }
        const TexChar t = texChar(view.mid(i, n));
        const bool latin = t.kind == Kind::Latin || t.kind == Kind::LatinApprox;
        out += latin && !t.fold.isEmpty() ? t.fold : QStringLiteral(" ");
        i += n;
    }
    return out;
}

} // namespace gleaner::tex
