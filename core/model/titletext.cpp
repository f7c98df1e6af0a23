#include "model/titletext.h"

#include <QHash>
#include <QSet>

namespace gleaner {

namespace {

// Commands that stand for one character.
const QHash<QString, QString> &symbols()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        const char16_t *const pairs[][2] = {
            // Greek, lower case and the capitals that differ from Latin ones.
            {u"alpha", u"α"},
            {u"beta", u"β"},
            {u"gamma", u"γ"},
            {u"delta", u"δ"},
            {u"epsilon", u"ε"},
            {u"varepsilon", u"ε"},
            {u"zeta", u"ζ"},
            {u"eta", u"η"},
            {u"theta", u"θ"},
            {u"vartheta", u"ϑ"},
            {u"iota", u"ι"},
            {u"kappa", u"κ"},
            {u"lambda", u"λ"},
            {u"mu", u"μ"},
            {u"nu", u"ν"},
            {u"xi", u"ξ"},
            {u"pi", u"π"},
            {u"varpi", u"ϖ"},
            {u"rho", u"ρ"},
            {u"varrho", u"ϱ"},
            {u"sigma", u"σ"},
            {u"varsigma", u"ς"},
            {u"tau", u"τ"},
            {u"upsilon", u"υ"},
            {u"phi", u"ϕ"},
            {u"varphi", u"φ"},
            {u"chi", u"χ"},
            {u"psi", u"ψ"},
            {u"omega", u"ω"},
            {u"Gamma", u"Γ"},
            {u"Delta", u"Δ"},
            {u"Theta", u"Θ"},
            {u"Lambda", u"Λ"},
            {u"Xi", u"Ξ"},
            {u"Pi", u"Π"},
            {u"Sigma", u"Σ"},
            {u"Upsilon", u"Υ"},
            {u"Phi", u"Φ"},
            {u"Psi", u"Ψ"},
            {u"Omega", u"Ω"},
            // Operators, relations, arrows and the rest titles use.
            {u"times", u"×"},
            {u"cdot", u"·"},
            {u"pm", u"±"},
            {u"mp", u"∓"},
            {u"div", u"÷"},
            {u"ast", u"∗"},
            {u"star", u"⋆"},
            {u"circ", u"∘"},
            {u"bullet", u"•"},
            {u"oplus", u"⊕"},
            {u"otimes", u"⊗"},
            {u"leq", u"≤"},
            {u"le", u"≤"},
            {u"geq", u"≥"},
            {u"ge", u"≥"},
            {u"neq", u"≠"},
            {u"ne", u"≠"},
            {u"approx", u"≈"},
            {u"sim", u"∼"},
            {u"simeq", u"≃"},
            {u"equiv", u"≡"},
            {u"propto", u"∝"},
            {u"ll", u"≪"},
            {u"gg", u"≫"},
            {u"in", u"∈"},
            {u"notin", u"∉"},
            {u"subset", u"⊂"},
            {u"subseteq", u"⊆"},
            {u"cup", u"∪"},
            {u"cap", u"∩"},
            {u"to", u"→"},
            {u"rightarrow", u"→"},
            {u"leftarrow", u"←"},
            {u"leftrightarrow", u"↔"},
            {u"Rightarrow", u"⇒"},
            {u"Leftarrow", u"⇐"},
            {u"Leftrightarrow", u"⇔"},
            {u"mapsto", u"↦"},
            {u"uparrow", u"↑"},
            {u"downarrow", u"↓"},
            {u"infty", u"∞"},
            {u"partial", u"∂"},
            {u"nabla", u"∇"},
            {u"sum", u"∑"},
            {u"prod", u"∏"},
            {u"int", u"∫"},
            {u"forall", u"∀"},
            {u"exists", u"∃"},
            {u"emptyset", u"∅"},
            {u"ell", u"ℓ"},
            {u"hbar", u"ℏ"},
            {u"prime", u"′"},
            {u"dagger", u"†"},
            {u"top", u"⊤"},
            {u"perp", u"⊥"},
            {u"langle", u"⟨"},
            {u"rangle", u"⟩"},
            {u"mid", u"|"},
            {u"vert", u"|"},
            {u"lvert", u"|"},
            {u"rvert", u"|"},
            {u"|", u"‖"},
            {u"ldots", u"…"},
            {u"dots", u"…"},
            {u"cdots", u"⋯"},
            {u"checkmark", u"✓"},
            {u"degree", u"°"},
            {u"S", u"§"},
            {u"textendash", u"–"},
            {u"textemdash", u"—"},
            // Spacing, and the characters TeX needs escaped.
            {u",", u"\u2009"},
            {u";", u" "},
            {u":", u" "},
            {u" ", u" "},
            {u"!", u""},
            {u"quad", u" "},
            {u"qquad", u" "},
            {u"&", u"&"},
            {u"%", u"%"},
            {u"_", u"_"},
            {u"#", u"#"},
            {u"$", u"$"},
            {u"{", u"{"},
            {u"}", u"}"},
            {u"\\", u" "},
        };
        for (const auto &pair : pairs)
            t.insert(QString::fromUtf16(pair[0]), QString::fromUtf16(pair[1]));
        return t;
    }();
    return table;
}

// Commands whose argument is shown as it is: fonts, boxes, operator names.
bool isFontCommand(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("text"),       QStringLiteral("textit"),       QStringLiteral("textbf"),
        QStringLiteral("textrm"),     QStringLiteral("textsf"),       QStringLiteral("texttt"),
        QStringLiteral("textsc"),     QStringLiteral("textup"),       QStringLiteral("textnormal"),
        QStringLiteral("emph"),       QStringLiteral("mathrm"),       QStringLiteral("mathit"),
        QStringLiteral("mathbf"),     QStringLiteral("mathsf"),       QStringLiteral("mathtt"),
        QStringLiteral("mathcal"),    QStringLiteral("mathscr"),      QStringLiteral("mathfrak"),
        QStringLiteral("boldsymbol"), QStringLiteral("bm"),           QStringLiteral("mbox"),
        QStringLiteral("hbox"),       QStringLiteral("operatorname"), QStringLiteral("underline"),
        QStringLiteral("overline"),   QStringLiteral("hat"),          QStringLiteral("widehat"),
        QStringLiteral("tilde"),      QStringLiteral("widetilde"),    QStringLiteral("bar"),
        QStringLiteral("vec"),        QStringLiteral("dot"),          QStringLiteral("ddot"),
    };
    return names.contains(name);
}

QString doubleStruck(const QString &letters)
{
    static const QHash<QChar, QChar> table = {
        {u'C', u'ℂ'}, {u'H', u'ℍ'}, {u'N', u'ℕ'}, {u'P', u'ℙ'},
        {u'Q', u'ℚ'}, {u'R', u'ℝ'}, {u'Z', u'ℤ'},
    };
    QString out;
    for (const QChar c : letters)
        out += table.value(c, c);
    return out;
}

// Pairs from[i] -> to[i], strings of equal length.
QHash<QChar, QChar> charTable(const QString &from, const QString &to)
{
    Q_ASSERT(from.size() == to.size());
    QHash<QChar, QChar> table;
    for (qsizetype i = 0; i < from.size(); ++i)
        table.insert(from.at(i), to.at(i));
    return table;
}

// Each character's superscript (or subscript) form; a character missing
// from the table means the whole script is written out instead.
const QHash<QChar, QChar> &superscripts()
{
    static const QHash<QChar, QChar> table =
        charTable(QStringLiteral("0123456789+-=()niabcdefghjklmoprstuvwxyz"
                                 "ABDEGHIJKLMNOPRTUVW\u2032*\u2020\u2217\u22a4"),
                  QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
                                 "ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ\u2032*\u2020\u2217ᵀ"));
    return table;
}

const QHash<QChar, QChar> &subscripts()
{
    static const QHash<QChar, QChar> table =
        charTable(QStringLiteral("0123456789+-=()aehijklmnoprstuvx"),
                  QStringLiteral("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"));
    return table;
}

// Renders the inside of one $...$ span. Nesting beyond a few levels is
// not math a title needs: deeper groups are kept as written, so a hostile
// title cannot recurse without bound.
class MathText
{
public:
    explicit MathText(QStringView tex)
        : m_tex(tex)
    {}

    QString render(int depth = 0)
    {
        QString out;
        while (m_at < m_tex.size()) {
            const QChar c = m_tex.at(m_at);
            if (c == u'\\') {
                out += command(depth);
            } else if (c == u'^' || c == u'_') {
                ++m_at;
                out += script(argument(), c == u'^' ? superscripts() : subscripts(), c, depth);
            } else if (c == u'{' || c == u'}') {
                ++m_at; // grouping only
            } else if (c == u'~') {
                ++m_at;
                out += u' ';
            } else {
                ++m_at;
                out += c;
            }
        }
        return out;
    }

private:
    static QString renderNested(QStringView tex, int depth)
    {
        if (depth >= kMaxDepth)
            return tex.toString();
        return MathText(tex).render(depth + 1);
    }

    QString commandName()
    {
        // At the backslash: a run of letters, or one other character.
        const qsizetype start = ++m_at;
        while (m_at < m_tex.size() && m_tex.at(m_at).isLetter() && m_tex.at(m_at).unicode() < 128)
            ++m_at;
        if (m_at == start && m_at < m_tex.size())
            ++m_at;
        return m_tex.mid(start, m_at - start).toString();
    }

    QString command(int depth)
    {
        const QString name = commandName();
        if (name == QLatin1String("mathbb"))
            return doubleStruck(renderNested(argument(), depth));
        if (isFontCommand(name))
            return renderNested(argument(), depth);
        if (name == QLatin1String("frac") || name == QLatin1String("tfrac") ||
            name == QLatin1String("dfrac")) {
            const QString numerator = renderNested(argument(), depth);
            return numerator + u'/' + renderNested(argument(), depth);
        }
        if (name == QLatin1String("sqrt"))
            return u'√' + renderNested(argument(), depth);
        const auto symbol = symbols().constFind(name);
        if (symbol != symbols().cend())
            return *symbol;
        return name; // \log, \max, \exp, unknown ones: their name
    }

    // What ^, _ or a command applies to: a {group}, a \command, or one
    // character (both halves of a surrogate pair).
    QStringView argument()
    {
        while (m_at < m_tex.size() && m_tex.at(m_at) == u' ')
            ++m_at;
        if (m_at >= m_tex.size())
            return {};
        const qsizetype start = m_at;
        if (m_tex.at(m_at) == u'{') {
            int open = 0;
            for (; m_at < m_tex.size(); ++m_at) {
                if (m_tex.at(m_at) == u'\\') {
                    ++m_at; // an escaped brace does not count
                    continue;
                }
                if (m_tex.at(m_at) == u'{')
                    ++open;
                else if (m_tex.at(m_at) == u'}' && --open == 0)
                    return m_tex.mid(start + 1, m_at++ - start - 1);
            }
            return m_tex.mid(start + 1); // unclosed: to the end
        }
        if (m_tex.at(m_at) == u'\\') {
            (void)commandName();
            return m_tex.mid(start, m_at - start);
        }
        m_at += m_tex.at(m_at).isHighSurrogate() && m_at + 1 < m_tex.size() ? 2 : 1;
        return m_tex.mid(start, m_at - start);
    }

    static QString script(QStringView tex, const QHash<QChar, QChar> &table, QChar mark, int depth)
    {
        const QString text = renderNested(tex, depth);
        if (text.isEmpty())
            return QString(mark);
        QString mapped;
        for (const QChar c : text) {
            const auto it = table.constFind(c);
            if (it == table.cend()) {
                mapped.clear();
                break;
            }
            mapped += *it;
        }
        if (!mapped.isEmpty())
            return mapped;
        if (text.size() == 1)
            return mark + text;
        return mark + u'(' + text + u')';
    }

    static constexpr int kMaxDepth = 8;
    QStringView m_tex;
    qsizetype m_at = 0;
};

} // namespace

QString plainTitle(const QString &title)
{
    if (!title.contains(u'$'))
        return title;
    QString out;
    out.reserve(title.size());
    qsizetype at = 0;
    while (at < title.size()) {
        qsizetype open = title.indexOf(u'$', at);
        while (open > 0 && title.at(open - 1) == u'\\')
            open = title.indexOf(u'$', open + 1);
        if (open < 0)
            break;
        qsizetype close = title.indexOf(u'$', open + 1);
        while (close > 0 && title.at(close - 1) == u'\\')
            close = title.indexOf(u'$', close + 1);
        if (close < 0)
            break; // a lone $ stays
        out += QStringView(title).mid(at, open - at);
        out += MathText(QStringView(title).mid(open + 1, close - open - 1)).render();
        at = close + 1;
    }
    out += QStringView(title).mid(at);
    return out;
}

} // namespace gleaner
