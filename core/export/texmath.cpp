#include "export/texmath_p.h"

#include <QSet>
#include <QStringView>

namespace gleaner::tex {

namespace {

QSet<QString> words(std::initializer_list<const char *> list)
{
    QSet<QString> set;
    for (const char *w : list)
        set.insert(QLatin1String(w));
    return set;
}

// Commands of LaTeX's base math fonts that take no argument.
const QSet<QString> &symbols()
{
    static const QSet<QString> set = words({
        // Greek
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "vartheta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "pi",
        "varpi",
        "rho",
        "varrho",
        "sigma",
        "varsigma",
        "tau",
        "upsilon",
        "phi",
        "varphi",
        "chi",
        "psi",
        "omega",
        "Gamma",
        "Delta",
        "Theta",
        "Lambda",
        "Xi",
        "Pi",
        "Sigma",
        "Upsilon",
        "Phi",
        "Psi",
        "Omega",
        // binary operators and relations
        "pm",
        "mp",
        "times",
        "div",
        "cdot",
        "ast",
        "star",
        "circ",
        "bullet",
        "oplus",
        "ominus",
        "otimes",
        "oslash",
        "odot",
        "cap",
        "cup",
        "uplus",
        "sqcap",
        "sqcup",
        "vee",
        "wedge",
        "setminus",
        "wr",
        "diamond",
        "triangleleft",
        "triangleright",
        "dagger",
        "ddagger",
        "amalg",
        "leq",
        "le",
        "geq",
        "ge",
        "neq",
        "ne",
        "equiv",
        "sim",
        "simeq",
        "approx",
        "cong",
        "propto",
        "prec",
        "succ",
        "preceq",
        "succeq",
        "ll",
        "gg",
        "subset",
        "supset",
        "subseteq",
        "supseteq",
        "in",
        "ni",
        "notin",
        "vdash",
        "dashv",
        "models",
        "perp",
        "mid",
        "parallel",
        "asymp",
        "doteq",
        "colon",
        // arrows
        "leftarrow",
        "rightarrow",
        "to",
        "gets",
        "Leftarrow",
        "Rightarrow",
        "leftrightarrow",
        "Leftrightarrow",
        "longrightarrow",
        "longleftarrow",
        "Longrightarrow",
        "Longleftarrow",
        "longleftrightarrow",
        "mapsto",
        "longmapsto",
        "uparrow",
        "downarrow",
        "updownarrow",
        "Uparrow",
        "Downarrow",
        "hookrightarrow",
        "hookleftarrow",
        "iff",
        // other symbols, big operators, functions, dots, spacing, styles
        "infty",
        "partial",
        "nabla",
        "forall",
        "exists",
        "neg",
        "lnot",
        "emptyset",
        "ell",
        "hbar",
        "imath",
        "jmath",
        "Re",
        "Im",
        "wp",
        "aleph",
        "prime",
        "top",
        "bot",
        "angle",
        "triangle",
        "surd",
        "flat",
        "sharp",
        "natural",
        "sum",
        "prod",
        "coprod",
        "int",
        "oint",
        "bigcup",
        "bigcap",
        "bigvee",
        "bigwedge",
        "bigoplus",
        "bigotimes",
        "bigodot",
        "biguplus",
        "bigsqcup",
        "log",
        "ln",
        "exp",
        "sin",
        "cos",
        "tan",
        "cot",
        "sec",
        "csc",
        "arcsin",
        "arccos",
        "arctan",
        "sinh",
        "cosh",
        "tanh",
        "max",
        "min",
        "sup",
        "inf",
        "lim",
        "limsup",
        "liminf",
        "arg",
        "det",
        "dim",
        "ker",
        "deg",
        "gcd",
        "hom",
        "Pr",
        "lg",
        "ldots",
        "cdots",
        "vdots",
        "ddots",
        "dots",
        "quad",
        "qquad",
        "displaystyle",
        "textstyle",
        "scriptstyle",
        "scriptscriptstyle",
        "langle",
        "rangle",
        "lfloor",
        "rfloor",
        "lceil",
        "rceil",
        "lbrace",
        "rbrace",
        "vert",
        "Vert",
        "backslash",
    });
    return set;
}

// Math commands with one argument, and text commands whose argument is text.
const QSet<QString> &mathWithArgument()
{
    static const QSet<QString> set = words({
        "mathrm",        "mathbf",   "mathit",    "mathsf",    "mathtt",     "mathcal",
        "mathnormal",    "hat",      "check",     "tilde",     "acute",      "grave",
        "dot",           "ddot",     "breve",     "bar",       "vec",        "widehat",
        "widetilde",     "overline", "underline", "overbrace", "underbrace", "overrightarrow",
        "overleftarrow", "not",
    });
    return set;
}

const QSet<QString> &textWithArgument()
{
    static const QSet<QString> set =
        words({"textrm", "textit", "textbf", "texttt", "textsf", "textup", "emph", "mbox"});
    return set;
}

const QSet<QString> &delimiterCommands()
{
    static const QSet<QString> set =
        words({"langle", "rangle", "lfloor", "rfloor", "lceil", "rceil", "vert", "Vert", "lbrace",
               "rbrace", "backslash", "uparrow", "downarrow", "updownarrow"});
    return set;
}

const QSet<QString> &sizedDelimiters()
{
    static const QSet<QString> set = words({"big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl",
                                            "Bigr", "biggl", "biggr", "Biggl", "Biggr"});
    return set;
}

// A recursive reading of the formula as TeX would: groups, commands and
// their arguments, and at most one superscript and one subscript per atom.
class Checker
{
public:
    explicit Checker(QStringView s)
        : m_s(s)
    {}

    bool formula() { return list(false) && m_i == m_s.size(); }

private:
    bool atEnd() const { return m_i >= m_s.size(); }
    QChar peek() const { return m_s.at(m_i); }

    void skipSpaces()
    {
        while (!atEnd() && peek().isSpace())
            ++m_i;
    }

    QString commandName()
    {
        // At the backslash. A control word is letters; anything else is a
        // one-character control symbol.
        ++m_i;
        if (atEnd())
            return {};
        const qsizetype start = m_i;
        if (peek().unicode() < 128 && peek().isLetter()) {
            while (!atEnd() && peek().unicode() < 128 && peek().isLetter())
                ++m_i;
        } else {
            ++m_i;
        }
        return m_s.mid(start, m_i - start).toString();
    }

    bool list(bool inGroup)
    {
        bool sup = false;
        bool sub = false;
        int lefts = 0;
        while (true) {
            skipSpaces();
            if (atEnd())
                return !inGroup && lefts == 0;
            const QChar c = peek();
            if (c == u'}') {
                if (!inGroup || lefts != 0)
                    return false;
                ++m_i;
                return true;
            }
            if (c == u'^' || c == u'_' || c == u'\'') {
                bool &seen = c == u'_' ? sub : sup;
                if (seen)
                    return false;
                ++m_i;
                if (c == u'\'')
                    continue;
                seen = true;
                if (!argument())
                    return false;
                continue;
            }
            sup = sub = false;
            if (c == u'\\') {
                const qsizetype at = m_i;
                const QString name = commandName();
                if (name == QLatin1String("left")) {
                    ++lefts;
                    if (!delimiter())
                        return false;
                    continue;
                }
                if (name == QLatin1String("right")) {
                    if (--lefts < 0 || !delimiter())
                        return false;
                    continue;
                }
                m_i = at;
            }
            if (!atom())
                return false;
        }
    }

    bool delimiter()
    {
        skipSpaces();
        if (atEnd())
            return false;
        const QChar c = peek();
        if (c == u'\\') {
            const QString name = commandName();
            return name == QLatin1String("{") || name == QLatin1String("}") ||
                   name == QLatin1String("|") || delimiterCommands().contains(name);
        }
        ++m_i;
        return QStringLiteral("()[]|./<>").contains(c);
    }

    // Text mode inside \mbox{...}: plain words only.
    bool textArgument()
    {
        skipSpaces();
        if (atEnd() || peek() != u'{')
            return false;
        ++m_i;
        static const QString allowed = QStringLiteral(" -+.,:;!?()/'=*@");
        while (!atEnd() && peek() != u'}') {
            const QChar c = peek();
            if (!(c.isLetterOrNumber() || allowed.contains(c) || c.unicode() >= 128))
                return false;
            ++m_i;
        }
        if (atEnd())
            return false;
        ++m_i;
        return true;
    }

    bool argument()
    {
        skipSpaces();
        if (atEnd())
            return false;
        const QChar c = peek();
        if (c == u'}' || c == u'^' || c == u'_' || c == u'&' || c == u'\'')
            return false;
        return atom();
    }

    bool atom()
    {
        const QChar c = peek();
        if (c == u'{') {
            ++m_i;
            return list(true);
        }
        if (c != u'\\') {
            ++m_i;
            return true;
        }
        const QString name = commandName();
        if (name.isEmpty())
            return false;
        if (name.size() == 1 && !name.at(0).isLetter())
            return QStringLiteral(",;:! {}|%&#_$").contains(name.at(0));
        if (symbols().contains(name))
            return true;
        if (mathWithArgument().contains(name))
            return argument();
        if (textWithArgument().contains(name))
            return textArgument();
        if (sizedDelimiters().contains(name))
            return delimiter();
        if (name == QLatin1String("frac") || name == QLatin1String("stackrel"))
            return argument() && argument();
        if (name == QLatin1String("sqrt")) {
            skipSpaces();
            if (!atEnd() && peek() == u'[') {
                const qsizetype close = m_s.indexOf(u']', m_i);
                if (close < 0 || !Checker(m_s.mid(m_i + 1, close - m_i - 1)).formula())
                    return false;
                m_i = close + 1;
            }
            return argument();
        }
        return false;
    }

    QStringView m_s;
    qsizetype m_i = 0;
};

} // namespace

bool isSafeMath(const QString &formula)
{
    const qsizetype delimiter = formula.startsWith(QLatin1String("$$")) ? 2 : 1;
    if (formula.size() <= 2 * delimiter)
        return false;
    return Checker(QStringView(formula).mid(delimiter, formula.size() - 2 * delimiter)).formula();
}

} // namespace gleaner::tex
