#include "export/escaping.h"

#include "export/texchars_p.h"
#include "export/texmath_p.h"
#include "model/titletext.h"

#include <QList>

#include <algorithm>

namespace gleaner::escape {

namespace {

// A run of text, or a $...$ / $$...$$ formula with its delimiters.
struct Segment
{
    bool math = false;
    QString text;
};

// Splits at unescaped dollar pairs. A formula never spans a blank line and
// is never empty, so a lone price ("$5 and $6") that happens to pair stays
// plausible math, while an unpaired dollar is text.
QList<Segment> splitMath(const QString &text)
{
    QList<Segment> segments;
    QString plain;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            plain.append(c);
            plain.append(text.at(i + 1));
            i += 2;
            continue;
        }
        if (c != u'$') {
            plain.append(c);
            ++i;
            continue;
        }
        const bool display = i + 1 < text.size() && text.at(i + 1) == u'$';
        const QString delimiter = display ? QStringLiteral("$$") : QStringLiteral("$");
        const qsizetype start = i + delimiter.size();
        qsizetype end = -1;
        for (qsizetype j = start; j < text.size(); ++j) {
            if (text.at(j) == u'\\') {
                ++j;
                continue;
            }
            if (text.at(j) == u'\n' && j + 1 < text.size() && text.at(j + 1) == u'\n')
                break;
            if (text.at(j) == u'$' &&
                (!display || (j + 1 < text.size() && text.at(j + 1) == u'$'))) {
                end = j;
                break;
            }
        }
        if (end <= start) {
            plain.append(c);
            ++i;
            continue;
        }
        if (!plain.isEmpty())
            segments.append({false, plain});
        plain.clear();
        segments.append({true, text.mid(i, end + delimiter.size() - i)});
        i = end + delimiter.size();
    }
    if (!plain.isEmpty())
        segments.append({false, plain});
    return segments;
}

// BibTeX reads a field by counting braces, escaped or not, so a formula
// whose braces do not balance would swallow the rest of the entry.
bool bracesBalance(const QString &text)
{
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'{')
            ++depth;
        else if (c == u'}' && --depth < 0)
            return false;
    }
    return depth == 0;
}

// One ASCII character of text.
QString bibtexAscii(QChar c)
{
    switch (c.unicode()) {
    case u'\\':
        return QStringLiteral("\\textbackslash{}");
    // \{ would count as an opening brace to BibTeX; these keep every
    // field balanced whatever the title holds.
    case u'{':
        return QStringLiteral("\\textbraceleft{}");
    case u'}':
        return QStringLiteral("\\textbraceright{}");
    case u'%':
    case u'&':
    case u'#':
    case u'_':
    case u'$':
        return QStringLiteral("\\") + c;
    case u'^':
        return QStringLiteral("\\textasciicircum{}");
    case u'~':
        return QStringLiteral("\\textasciitilde{}");
    // In LaTeX's default font encoding these print as inverted marks.
    case u'<':
        return QStringLiteral("\\textless{}");
    case u'>':
        return QStringLiteral("\\textgreater{}");
    default:
        return QString(c);
    }
}

// Where a URL starting at `i` ends, or -1: http(s):// or www. at the start
// of a word, up to white space, without the punctuation that ends a
// sentence or closes a parenthesis around it.
qsizetype urlEnd(QStringView text, qsizetype i)
{
    if (i > 0 && (text.at(i - 1).isLetterOrNumber() || text.at(i - 1) == u'/'))
        return -1;
    const QStringView rest = text.mid(i);
    if (!rest.startsWith(u"http://") && !rest.startsWith(u"https://") && !rest.startsWith(u"www."))
        return -1;
    qsizetype end = i;
    while (end < text.size() && !text.at(end).isSpace())
        ++end;
    static const QString trailing = QStringLiteral(".,;:!?'\"");
    while (end > i && (trailing.contains(text.at(end - 1)) ||
                       (text.at(end - 1) == u')' && !text.mid(i, end - i).contains(u'('))))
        --end;
    return end;
}

// LaTeX joins -- and ---, '' and ``, ,, and ?` into one glyph; inside a URL
// each character must stay itself.
bool formsLigature(QChar a, QChar b)
{
    return (a == b && QStringLiteral("-'`,").contains(a)) ||
           ((a == u'?' || a == u'!') && b == u'`');
}

bool keptAsWritten(QStringView cluster, const tex::TexChar &t)
{
    // What pdflatex's default UTF-8 input sets in OT1 (Latin-1 and
    // Latin Extended-A, general punctuation up to the ellipsis): measured
    // against pdflatex, and a superset is what a T1 document sets too.
    if (t.kind != tex::TexChar::Kind::Latin || cluster.size() != 1)
        return false;
    const char16_t c = cluster.at(0).unicode();
    return c <= 0x17F || (c >= 0x2010 && c <= 0x2026);
}

bool isGreekLetter(QStringView text, qsizetype i)
{
    if (i < 0 || i >= text.size())
        return false;
    return text.at(i).isLetter() && text.at(i).script() == QChar::Script_Greek;
}

// A character outside ASCII in text, spelled in ASCII; nothing for a
// letter of another script (asciiRun names those) or for what LaTeX cannot
// print.
QString asciiSpelling(const tex::TexChar &t)
{
    switch (t.kind) {
    case tex::TexChar::Kind::Latin:
    case tex::TexChar::Kind::LatinApprox:
        return t.tex;
    case tex::TexChar::Kind::Math:
        return QStringLiteral("\\ensuremath{") + t.tex + u'}';
    case tex::TexChar::Kind::Script:
    case tex::TexChar::Kind::Drop:
        break;
    }
    return {};
}

// A run of characters outside ASCII (and the spaces inside it) in ASCII:
// each letter of a script LaTeX cannot set joins its neighbours in one
// "[Cyrillic]" (or "[Han/Kana]") placeholder.
QString asciiRun(QStringView run)
{
    QString out;
    QStringList scripts;
    QString pendingSpace;
    auto flushScripts = [&]() {
        if (!scripts.isEmpty())
            out += u'[' + scripts.join(u'/') + u']';
        scripts.clear();
    };
    for (qsizetype i = 0; i < run.size();) {
        if (run.at(i) == u' ') {
            pendingSpace += u' ';
            ++i;
            continue;
        }
        const qsizetype n = tex::clusterLength(run, i);
        tex::TexChar t = tex::texChar(run.mid(i, n));
        // Two Greek letters in a row are a Greek word, not mathematics.
        if (t.kind == tex::TexChar::Kind::Math && isGreekLetter(run, i) &&
            (isGreekLetter(run, i - 1) || isGreekLetter(run, i + n)))
            t = {tex::TexChar::Kind::Script, QStringLiteral("Greek"), {}};
        if (t.kind == tex::TexChar::Kind::Script) {
            if (!scripts.contains(t.tex))
                scripts << t.tex;
            pendingSpace.clear(); // inside one placeholder
        } else {
            flushScripts();
            out += pendingSpace;
            pendingSpace.clear();
            out += asciiSpelling(t);
        }
        i += n;
    }
    flushScripts();
    return out + pendingSpace;
}

QString bibtexPlain(const QString &text, TexText spelling)
{
    QString out;
    out.reserve(text.size() + 16);
    const QStringView view(text);
    qsizetype url = -1;
    for (qsizetype i = 0; i < view.size();) {
        if (i >= url)
            url = urlEnd(view, i);
        const QChar c = view.at(i);
        qsizetype n = tex::clusterLength(view, i);
        if (c.unicode() < 128 && n == 1) {
            out += bibtexAscii(c);
            if (i + 1 < url && formsLigature(c, view.at(i + 1)))
                out += QStringLiteral("{}");
            ++i;
            continue;
        }
        if (spelling == TexText::Utf8 &&
            keptAsWritten(view.mid(i, n), tex::texChar(view.mid(i, n)))) {
            out += view.mid(i, n);
            i += n;
            continue;
        }
        // A run of what needs spelling out, with the spaces between.
        qsizetype end = i + n;
        while (end < view.size()) {
            qsizetype next = end;
            while (next < view.size() && view.at(next) == u' ')
                ++next;
            if (next >= view.size())
                break;
            const qsizetype m = tex::clusterLength(view, next);
            const QStringView cluster = view.mid(next, m);
            if ((cluster.at(0).unicode() < 128 && m == 1) ||
                (spelling == TexText::Utf8 && keptAsWritten(cluster, tex::texChar(cluster))))
                break;
            end = next + m;
        }
        out += asciiRun(view.mid(i, end - i));
        i = end;
    }
    return out;
}

// Inside a formula only the characters that break LaTeX even in math mode
// (a comment, an alignment tab, a macro parameter) are escaped, and what is
// not ASCII becomes its math command (pdflatex takes no UTF-8 in math mode)
// or, for text, an \mbox. A display formula is set inline: it sits in a title.
QString bibtexMath(const QString &formula)
{
    const qsizetype delimiter = formula.startsWith(QLatin1String("$$")) ? 2 : 1;
    const QStringView body = QStringView(formula).mid(delimiter, formula.size() - 2 * delimiter);
    QString out = QStringLiteral("$");
    for (qsizetype i = 0; i < body.size();) {
        const QChar c = body.at(i);
        const qsizetype n = tex::clusterLength(body, i);
        if (c == u'\\' && i + 1 < body.size()) {
            out += c;
            out += body.at(i + 1);
            i += 2;
            continue;
        }
        if (c.unicode() < 128 && n == 1) {
            if (c == u'%' || c == u'&' || c == u'#')
                out += u'\\';
            out += c;
            ++i;
            continue;
        }
        const tex::TexChar t = tex::texChar(body.mid(i, n));
        if (t.kind == tex::TexChar::Kind::Math) {
            out += t.tex;
            // \alpha before a letter would read as \alphax.
            if (t.tex.back().isLetter() && i + n < body.size() && body.at(i + n).isLetter())
                out += u' ';
        } else if (t.kind != tex::TexChar::Kind::Drop) {
            out += QStringLiteral("\\mbox{") + asciiRun(body.mid(i, n)) + u'}';
        }
        i += n;
    }
    return out + u'$';
}

// `lineStart` carries across the pieces of one text split at formulas.
QString markdownPlain(const QString &text, bool &lineStart)
{
    static const QString special = QStringLiteral("\\`*_{}[]<>#|~$&!");
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            out += c;
            lineStart = true;
            continue;
        }
        if (lineStart) {
            // Indentation would make a code block; a leading -, + or = a list
            // item or a heading underline; "1." or "1)" a numbered item.
            if (c == u' ')
                continue;
            lineStart = false;
            if (c == u'-' || c == u'+' || c == u'=') {
                out += u'\\';
                out += c;
                continue;
            }
            if (c.isDigit()) {
                qsizetype j = i;
                while (j < text.size() && text.at(j).isDigit())
                    ++j;
                if (j < text.size() && (text.at(j) == u'.' || text.at(j) == u')')) {
                    out += text.mid(i, j - i);
                    out += u'\\';
                    out += text.at(j);
                    i = j;
                    continue;
                }
            }
        }
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

QString cleanText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            out.append(u'\n');
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\t') {
            out.append(u' ');
        } else if (c == u'\n' || c.category() != QChar::Other_Control) {
            out.append(c);
        }
    }
    return out;
}

QString oneLine(const QString &text)
{
    return cleanText(text).simplified();
}

QString bibtex(const QString &text, TexText spelling)
{
    // Composed, so that "e" and a combining accent are one letter.
    const QString composed = text.normalized(QString::NormalizationForm_C);
    QString out;
    for (const Segment &s : splitMath(composed)) {
        if (!s.math || !bracesBalance(s.text))
            out += bibtexPlain(s.text, spelling);
        else if (tex::isSafeMath(s.text))
            out += bibtexMath(s.text);
        else
            // A formula a bare document cannot set is text: rendered in
            // Unicode as the list shows it ($\mathbb{R}^n$ is ℝⁿ), then
            // spelled like any text.
            out += bibtexPlain(plainTitle(s.text), spelling);
    }
    return out;
}

QString markdown(const QString &text)
{
    // A formula stays as written for renderers that typeset $...$; one that
    // could be read as HTML or code is escaped like any other text.
    static const QString unsafeInMath = QStringLiteral("<>&`\n");
    QString out;
    bool lineStart = true;
    for (const Segment &s : splitMath(text)) {
        const bool keep = s.math && std::none_of(s.text.cbegin(), s.text.cend(),
                                                 [](QChar c) { return unsafeInMath.contains(c); });
        if (keep) {
            out += s.text;
            lineStart = false;
        } else {
            out += markdownPlain(s.text, lineStart);
        }
    }
    return out;
}

QString markdownNote(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 16);
    bool fenced = false;
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QStringView line = lines.at(n);
        if (n > 0)
            out += u'\n';
        const QStringView trimmed = line.trimmed();
        const bool fence = trimmed.startsWith(u"```") || trimmed.startsWith(u"~~~");
        if (fence)
            fenced = !fenced;
        if (fence || fenced) {
            out += line; // code shows its characters as they are
            continue;
        }
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == u'\\' && i + 1 < line.size()) {
                out += c;
                out += line.at(++i); // an escape the note wrote stays one
            } else {
                if (c == u'<')
                    out += u'\\'; // never the start of a tag (in a code span, shown)
                out += c;
            }
        }
    }
    return out;
}

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;"));
}

QList<TextPiece> mathPieces(const QString &text)
{
    QList<TextPiece> pieces;
    for (const Segment &s : splitMath(text)) {
        const bool display = s.text.startsWith(QLatin1String("$$"));
        const QStringView tex =
            s.math ? QStringView(s.text).sliced(display ? 2 : 1).chopped(display ? 2 : 1)
                   : QStringView();
        // "$5 and $6" is text: inline math neither starts nor ends with a
        // space. Display math may (`$$ x $$`, or the formula on lines of its
        // own between two lines of `$$`); nobody writes prices that way.
        const bool math =
            s.math && (display ? !tex.trimmed().isEmpty()
                               : !tex.isEmpty() && !tex.front().isSpace() && !tex.back().isSpace());
        if (!math && !pieces.isEmpty() && !pieces.last().math)
            pieces.last().text += s.text;
        else
            pieces.append({math, s.text});
    }
    return pieces;
}

QString mathSpan(const QString &formula)
{
    return (formula.startsWith(QLatin1String("$$")) ? QLatin1String("<span class=\"math display\">")
                                                    : QLatin1String("<span class=\"math\">")) +
           html(formula) + QLatin1String("</span>");
}

QString htmlWithMath(const QString &text, bool *hasMath)
{
    QString out;
    bool found = false;
    for (const TextPiece &p : mathPieces(text)) {
        found = found || p.math;
        out += p.math ? mathSpan(p.text) : html(p.text);
    }
    if (hasMath)
        *hasMath = *hasMath || found;
    return out;
}

QString csvField(const QString &text)
{
    static const QString needsQuotes = QStringLiteral(",\"\r\n");
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return needsQuotes.contains(c); }))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace gleaner::escape
