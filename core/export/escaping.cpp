#include "export/escaping.h"

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

QString bibtexPlain(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\textbackslash{}");
            break;
        // \{ would count as an opening brace to BibTeX; these keep every
        // field balanced whatever the title holds.
        case u'{':
            out += QStringLiteral("\\textbraceleft{}");
            break;
        case u'}':
            out += QStringLiteral("\\textbraceright{}");
            break;
        case u'%':
        case u'&':
        case u'#':
        case u'_':
        case u'$':
            out += u'\\';
            out += c;
            break;
        case u'^':
            out += QStringLiteral("\\textasciicircum{}");
            break;
        case u'~':
            out += QStringLiteral("\\textasciitilde{}");
            break;
        // In LaTeX's default font encoding these print as inverted marks.
        case u'<':
            out += QStringLiteral("\\textless{}");
            break;
        case u'>':
            out += QStringLiteral("\\textgreater{}");
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Inside a formula only the characters that break LaTeX even in math mode
// (a comment, an alignment tab, a macro parameter) are escaped.
QString bibtexMath(const QString &formula)
{
    QString out;
    out.reserve(formula.size() + 4);
    for (qsizetype i = 0; i < formula.size(); ++i) {
        const QChar c = formula.at(i);
        if (c == u'\\' && i + 1 < formula.size()) {
            out += c;
            out += formula.at(++i);
            continue;
        }
        if (c == u'%' || c == u'&' || c == u'#')
            out += u'\\';
        out += c;
    }
    return out;
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

QString bibtex(const QString &text)
{
    QString out;
    for (const Segment &s : splitMath(text))
        out += s.math && bracesBalance(s.text) ? bibtexMath(s.text) : bibtexPlain(s.text);
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

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;"));
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
