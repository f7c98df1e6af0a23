#include "export/exporter.h"

#include "export/paperjson.h"
#include "model/dates.h"
#include "model/submitter.h"
#include "model/titlekey.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace gleaner {

namespace {

struct FormatInfo
{
    ExportFormat format;
    const char *name;
    const char *suffix;
    const char *label;
};

const FormatInfo kFormats[] = {
    {ExportFormat::Markdown, "md", "md", "Markdown"},
    {ExportFormat::BibTeX, "bibtex", "bib", "BibTeX"},
    {ExportFormat::Ris, "ris", "ris", "RIS"},
    {ExportFormat::CslJson, "csljson", "json", "CSL-JSON"},
    {ExportFormat::Csv, "csv", "csv", "CSV"},
    {ExportFormat::Json, "json", "json", "JSON"},
    {ExportFormat::Html, "html", "html", "HTML"},
};

const FormatInfo &info(ExportFormat format)
{
    for (const FormatInfo &f : kFormats) {
        if (f.format == format)
            return f;
    }
    return kFormats[0];
}

// Digest text comes from browsers and clipboards: old Mac and Windows line
// ends, tabs and stray control characters. Every format gets plain "\n".
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

// Titles are one line in every format.
QString oneLine(const QString &text)
{
    return cleanText(text).simplified();
}

// The paper's date for citations: when it was published, else the first
// digest it appeared in.
QDate citationDate(const Paper &paper)
{
    if (paper.published.isValid())
        return paper.published;
    QDate first;
    for (const Appearance &a : paper.appearances) {
        if (a.digestDate.isValid() && (!first.isValid() || a.digestDate < first))
            first = a.digestDate;
    }
    return first;
}

QStringList digestDates(const Paper &paper)
{
    QStringList dates;
    for (const Appearance &a : paper.appearances) {
        const QString d = isoDate(a.digestDate);
        if (!d.isEmpty() && !dates.contains(d))
            dates << d;
    }
    return dates;
}

// Files other programs read get the plain wording, on one line whatever the
// digest's organisation name held.
QString submitterText(const Submitter &s)
{
    return oneLine(gleaner::submitterText(s, SubmitterStyle::Plain));
}

QString noteTime(const Paper &paper)
{
    return utcMinutes(paper.noteChanged);
}

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

QString csvRow(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << Exporter::csvField(f);
    return quoted.join(u',') + QStringLiteral("\r\n");
}

QString listTitle(const ExportOptions &options)
{
    const QString title = oneLine(options.title);
    return title.isEmpty() ? QStringLiteral("Reading list") : title;
}

QString countText(qsizetype papers)
{
    return papers == 1 ? QStringLiteral("1 paper") : QStringLiteral("%1 papers").arg(papers);
}

QString generatedText(const ExportOptions &options)
{
    return utcMinutes(options.generated);
}

// Markdown: a reading list meant to be read as plain text too.
QString toMarkdown(const QList<Paper> &papers, const ExportOptions &options)
{
    QString md;
    md +=
        QStringLiteral("# ") + Exporter::markdownText(listTitle(options)) + QStringLiteral("\n\n");
    md += countText(options.listSize > 0 ? options.listSize : papers.size());
    if (options.generated.isValid())
        md += QStringLiteral(", exported ") + generatedText(options);
    md += QStringLiteral("\n");
    for (const Paper &p : papers) {
        md += QStringLiteral("\n## ") + Exporter::markdownText(oneLine(p.title)) +
              QStringLiteral("\n\n");
        if (p.published.isValid())
            md += QStringLiteral("- Published: ") + isoDate(p.published) + u'\n';
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            md +=
                (dates.size() == 1 ? QStringLiteral("- Digest: ") : QStringLiteral("- Digests: ")) +
                dates.join(QStringLiteral(", ")) + u'\n';
        const QString submitter = submitterText(p.submitter);
        if (!submitter.isEmpty())
            md += QStringLiteral("- Submitted by: ") + Exporter::markdownText(submitter) + u'\n';
        md += QStringLiteral("- Upvotes: %1\n").arg(p.upvotes);
        if (p.starred || p.read) {
            QStringList state;
            if (p.starred)
                state << QStringLiteral("starred");
            if (p.read)
                state << QStringLiteral("read");
            md += QStringLiteral("- ") + state.join(QStringLiteral(", ")) + u'\n';
        }
        if (!p.tags.isEmpty()) {
            QStringList tags;
            for (const QString &t : p.tags)
                tags << Exporter::markdownText(oneLine(t));
            md += QStringLiteral("- Tags: ") + tags.join(QStringLiteral(", ")) + u'\n';
        }
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            md += u'\n' + Exporter::markdownText(cleanText(p.abstract).trimmed()) + u'\n';
        if (!p.note.trimmed().isEmpty()) {
            const QString when = noteTime(p);
            md += QStringLiteral("\n**Note**") +
                  (when.isEmpty() ? QString() : QStringLiteral(" (") + when + u')') +
                  QStringLiteral(":\n\n");
            // A quoted block; a backslash at a line's end keeps its break.
            const QStringList lines =
                Exporter::markdownText(cleanText(p.note).trimmed()).split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const bool last = i + 1 == lines.size();
                const bool breakAfter =
                    !last && !lines.at(i).isEmpty() && !lines.at(i + 1).isEmpty();
                md += (lines.at(i).isEmpty() ? QStringLiteral(">")
                                             : QStringLiteral("> ") + lines.at(i)) +
                      (breakAfter ? QStringLiteral("\\") : QString()) + u'\n';
            }
        }
    }
    return md;
}

QString bibtexField(const char *name, const QString &value)
{
    return QStringLiteral(",\n  ") + QLatin1String(name) + QStringLiteral(" = {") + value + u'}';
}

QString toBibtex(const QList<Paper> &papers, const ExportOptions &options)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    const QStringList keys = Exporter::citationKeys(papers);
    QString bib;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        if (i > 0)
            bib += u'\n';
        bib += QStringLiteral("@misc{") + keys.at(i);
        // The extra braces keep a style from lower-casing "BERT" or "GPT".
        bib += bibtexField("title", u'{' + Exporter::bibtexText(oneLine(p.title)) + u'}');
        const QDate date = citationDate(p);
        if (date.isValid()) {
            bib += bibtexField("year", QString::number(date.year()));
            bib += QStringLiteral(",\n  month = ") + QLatin1String(months[date.month() - 1]);
            bib += bibtexField("date", isoDate(date));
        }
        if (p.submitter.kind == Submitter::Kind::Organisation &&
            !p.submitter.organisation.isEmpty())
            bib += bibtexField("organization",
                               Exporter::bibtexText(oneLine(p.submitter.organisation)));
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            bib += bibtexField("howpublished", QStringLiteral("Daily Papers digest of ") +
                                                   dates.join(QStringLiteral(", ")));
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            bib += bibtexField("abstract", Exporter::bibtexText(cleanText(p.abstract).trimmed()));
        if (!p.tags.isEmpty()) {
            // Keywords are split at commas; braces keep a tag with a comma whole.
            QStringList tags;
            for (const QString &t : p.tags) {
                const QString tag = Exporter::bibtexText(oneLine(t));
                tags << (t.contains(u',') ? u'{' + tag + u'}' : tag);
            }
            bib += bibtexField("keywords", tags.join(QStringLiteral(", ")));
        }
        // annote is BibTeX's field for the reader's own annotation; styles
        // print it only in annotated bibliographies, so a private note does
        // not end up under a paper's reference.
        if (!p.note.trimmed().isEmpty())
            bib += bibtexField("annote", Exporter::bibtexText(cleanText(p.note).trimmed()));
        bib += QStringLiteral("\n}\n");
    }
    return bib;
}

// RIS has one field per line and no escaping, so a line break in a value
// would start a line that importers may read as a tag of its own ("ER  - "
// ends the record); every value is flattened to one line.
QString risLine(const char *tag, const QString &value)
{
    return QLatin1String(tag) + QStringLiteral("  - ") + oneLine(value) + QStringLiteral("\r\n");
}

QString toRis(const QList<Paper> &papers, const ExportOptions &options)
{
    const QStringList keys = Exporter::citationKeys(papers);
    QString ris;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        ris += risLine("TY", QStringLiteral("GEN"));
        ris += risLine("ID", keys.at(i));
        ris += risLine("TI", p.title);
        const QDate date = citationDate(p);
        if (date.isValid()) {
            ris += risLine("PY", QString::number(date.year()));
            ris += risLine("DA", date.toString(QStringLiteral("yyyy/MM/dd/")));
        }
        if (p.submitter.kind == Submitter::Kind::Organisation &&
            !p.submitter.organisation.isEmpty())
            ris += risLine("PB", p.submitter.organisation);
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            ris += risLine("AB", p.abstract);
        for (const QString &t : p.tags)
            ris += risLine("KW", t);
        if (!p.note.trimmed().isEmpty())
            ris += risLine("N1", p.note);
        ris += QStringLiteral("ER  - \r\n\r\n");
    }
    return ris;
}

QJsonObject cslItem(const Paper &p, const QString &key, const ExportOptions &options)
{
    // "article" is CSL 1.0.2's type for preprints, which most digest papers are.
    QJsonObject item{{QStringLiteral("id"), key},
                     {QStringLiteral("citation-key"), key},
                     {QStringLiteral("type"), QStringLiteral("article")},
                     {QStringLiteral("title"), oneLine(p.title)}};
    const QDate date = citationDate(p);
    if (date.isValid())
        item.insert(QStringLiteral("issued"),
                    QJsonObject{{QStringLiteral("date-parts"),
                                 QJsonArray{QJsonArray{date.year(), date.month(), date.day()}}}});
    if (p.submitter.kind == Submitter::Kind::Organisation && !p.submitter.organisation.isEmpty())
        item.insert(QStringLiteral("publisher"), oneLine(p.submitter.organisation));
    if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
        item.insert(QStringLiteral("abstract"), cleanText(p.abstract).trimmed());
    if (!p.tags.isEmpty()) {
        QStringList tags;
        for (const QString &t : p.tags)
            tags << oneLine(t);
        item.insert(QStringLiteral("keyword"), tags.join(QStringLiteral(", ")));
    }
    if (!p.note.trimmed().isEmpty())
        item.insert(QStringLiteral("note"), cleanText(p.note).trimmed());
    return item;
}

QString toCslJson(const QList<Paper> &papers, const ExportOptions &options)
{
    const QStringList keys = Exporter::citationKeys(papers);
    QJsonArray items;
    for (qsizetype i = 0; i < papers.size(); ++i)
        items.append(cslItem(papers.at(i), keys.at(i), options));
    return QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Indented));
}

QString toCsv(const QList<Paper> &papers, const ExportOptions &options)
{
    QStringList header{
        QStringLiteral("id"),      QStringLiteral("title"),       QStringLiteral("published"),
        QStringLiteral("digests"), QStringLiteral("upvotes"),     QStringLiteral("submitter"),
        QStringLiteral("starred"), QStringLiteral("read"),        QStringLiteral("tags"),
        QStringLiteral("note"),    QStringLiteral("note_changed")};
    if (options.includeAbstracts)
        header << QStringLiteral("abstract");
    QString csv = csvRow(header);
    for (const Paper &p : papers) {
        QStringList row{QString::number(p.id),
                        oneLine(p.title),
                        isoDate(p.published),
                        digestDates(p).join(QStringLiteral("; ")),
                        QString::number(p.upvotes),
                        submitterText(p.submitter),
                        p.starred ? QStringLiteral("yes") : QStringLiteral("no"),
                        p.read ? QStringLiteral("yes") : QStringLiteral("no"),
                        p.tags.join(QStringLiteral("; ")),
                        cleanText(p.note),
                        isoDateTime(p.noteChanged)};
        if (options.includeAbstracts)
            row << cleanText(p.abstract);
        csv += csvRow(row);
    }
    return csv;
}

QString toJson(const QList<Paper> &papers)
{
    QJsonArray array;
    for (const Paper &p : papers)
        array.append(paperToJson(p));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

// Inline, so the page is one file that opens anywhere; the content security
// policy in the head makes sure nothing is ever fetched. The page is also
// well-formed XML (void elements closed, XML's entities only), so XML tools
// can read it and the tests can parse it.
const char *const kHtmlStyle = R"css(
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --rule: #d8d8dc;
  --accent: #8a5a00; --note: #f6f1e4; --tag: #ececf0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e8; --muted: #a0a4aa; --rule: #3a3a3f; --accent: #f0b44c;
    --note: #2b2720; --tag: #2e2e33; }
}
body { font: 17px/1.55 Charter, "Bitstream Charter", "DejaVu Serif", Georgia, serif;
  color: var(--fg); max-width: 44em; margin: 2.5em auto; padding: 0 1.2em; }
header { border-bottom: 2px solid var(--rule); margin-bottom: 1.5em; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 1.2em; line-height: 1.3; margin: 0 0 .3em; }
.count, .meta { color: var(--muted); font: .85em/1.5 system-ui, sans-serif; margin: .2em 0 .8em; }
article { padding: 1.1em 0; border-bottom: 1px solid var(--rule); }
.star { color: var(--accent); }
.tags { list-style: none; padding: 0; margin: .3em 0 .6em; }
.tags li { display: inline-block; background: var(--tag); border-radius: .8em;
  padding: 0 .6em; margin: 0 .3em .3em 0; font: .8em/1.7 system-ui, sans-serif; }
.abstract { margin: .6em 0; white-space: pre-line; }
.note { background: var(--note); border-left: 3px solid var(--accent); margin: .8em 0 0;
  padding: .5em .9em; white-space: pre-wrap; }
.note .when { display: block; color: var(--muted); font: .8em/1.5 system-ui, sans-serif; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; color: #000; }
  article { break-inside: avoid; page-break-inside: avoid; }
  .note { background: none; border-left: 2px solid #888; }
  .tags li { background: none; border: 1px solid #888; }
  @page { margin: 2cm; }
}
)css";

QString toHtml(const QList<Paper> &papers, const ExportOptions &options)
{
    const QString title = Exporter::htmlText(listTitle(options));
    QString html;
    html += QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\" />\n"
        "<meta name=\"generator\" content=\"Gleaner\" />\n<title>");
    html += title + QStringLiteral("</title>\n<style>") + QLatin1String(kHtmlStyle) +
            QStringLiteral("</style>\n</head>\n<body>\n<header>\n<h1>") + title +
            QStringLiteral("</h1>\n<p class=\"count\">") +
            countText(options.listSize > 0 ? options.listSize : papers.size());
    if (options.generated.isValid())
        html += QStringLiteral(", exported ") + Exporter::htmlText(generatedText(options));
    html += QStringLiteral("</p>\n</header>\n<main>\n");
    const QStringList keys = Exporter::citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        html += QStringLiteral("<article id=\"") + keys.at(i) + QStringLiteral("\">\n<h2>");
        if (p.starred)
            html += QStringLiteral("<span class=\"star\" title=\"starred\">\u2605</span> ");
        html += Exporter::htmlText(oneLine(p.title)) + QStringLiteral("</h2>\n");
        QStringList meta;
        if (p.published.isValid())
            meta << QStringLiteral("published ") + isoDate(p.published);
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            meta << QStringLiteral("digest ") + dates.join(QStringLiteral(", "));
        const QString submitter = submitterText(p.submitter);
        if (!submitter.isEmpty())
            meta << Exporter::htmlText(submitter);
        meta << QStringLiteral("%1 upvotes").arg(p.upvotes);
        if (p.read)
            meta << QStringLiteral("read");
        html += QStringLiteral("<p class=\"meta\">") + meta.join(QStringLiteral(" \u00b7 ")) +
                QStringLiteral("</p>\n");
        if (!p.tags.isEmpty()) {
            html += QStringLiteral("<ul class=\"tags\">");
            for (const QString &t : p.tags)
                html += QStringLiteral("<li>") + Exporter::htmlText(oneLine(t)) +
                        QStringLiteral("</li>");
            html += QStringLiteral("</ul>\n");
        }
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            html += QStringLiteral("<p class=\"abstract\">") +
                    Exporter::htmlText(cleanText(p.abstract).trimmed()) + QStringLiteral("</p>\n");
        if (!p.note.trimmed().isEmpty()) {
            html += QStringLiteral("<blockquote class=\"note\">");
            const QString when = noteTime(p);
            if (!when.isEmpty())
                html += QStringLiteral("<span class=\"when\">Note, ") + when +
                        QStringLiteral("</span>");
            html +=
                Exporter::htmlText(cleanText(p.note).trimmed()) + QStringLiteral("</blockquote>\n");
        }
        html += QStringLiteral("</article>\n");
    }
    html += QStringLiteral("</main>\n</body>\n</html>\n");
    return html;
}

// Words a title often starts with that say nothing about the paper.
bool isStopWord(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("a"),      QStringLiteral("an"),   QStringLiteral("the"),
        QStringLiteral("on"),     QStringLiteral("of"),   QStringLiteral("in"),
        QStringLiteral("for"),    QStringLiteral("to"),   QStringLiteral("and"),
        QStringLiteral("with"),   QStringLiteral("from"), QStringLiteral("towards"),
        QStringLiteral("toward"), QStringLiteral("via"),  QStringLiteral("is"),
        QStringLiteral("are"),    QStringLiteral("do"),   QStringLiteral("does"),
    };
    return words.contains(word);
}

QString keyBase(const Paper &paper)
{
    // Decomposed, so accented Latin letters keep their base letter ("é" is
    // "e"); scripts without Latin letters leave nothing and fall back.
    const QString decomposed = paper.title.normalized(QString::NormalizationForm_KD);
    QString word;
    QString first;
    auto finishWord = [&]() {
        if (!word.isEmpty() && first.isEmpty() && !isStopWord(word))
            first = word;
        word.clear();
    };
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            if (c.unicode() < 128)
                word += c.toLower();
        } else if (c.category() != QChar::Mark_NonSpacing) {
            finishWord();
        }
        if (!first.isEmpty())
            break;
    }
    finishWord();
    if (first.isEmpty())
        first = QStringLiteral("paper");
    first.truncate(24);
    const QDate date = citationDate(paper);
    return first + (date.isValid() ? QString::number(date.year()) : QStringLiteral("nd"));
}

QString letterSuffix(int n)
{
    // a..z, then aa, ab, ...
    QString s;
    do {
        s.prepend(QChar(u'a' + n % 26));
        n = n / 26 - 1;
    } while (n >= 0);
    return s;
}

} // namespace

QString exportFormatName(ExportFormat format)
{
    return QLatin1String(info(format).name);
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (const FormatInfo &f : kFormats) {
        if (lower == QLatin1String(f.name))
            return f.format;
    }
    if (lower == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (lower == QLatin1String("bib"))
        return ExportFormat::BibTeX;
    if (lower == QLatin1String("csl-json") || lower == QLatin1String("csl"))
        return ExportFormat::CslJson;
    return std::nullopt;
}

QStringList exportFormatNames()
{
    QStringList names;
    for (const FormatInfo &f : kFormats)
        names << QLatin1String(f.name);
    return names;
}

QString exportFormatSuffix(ExportFormat format)
{
    return QLatin1String(info(format).suffix);
}

QString exportFormatLabel(ExportFormat format)
{
    return QLatin1String(info(format).label);
}

QByteArray Exporter::exportPapers(const QList<Paper> &papers, const ExportOptions &options)
{
    switch (options.format) {
    case ExportFormat::Markdown:
        return toMarkdown(papers, options).toUtf8();
    case ExportFormat::BibTeX:
        return toBibtex(papers, options).toUtf8();
    case ExportFormat::Ris:
        return toRis(papers, options).toUtf8();
    case ExportFormat::CslJson:
        return toCslJson(papers, options).toUtf8();
    case ExportFormat::Csv:
        return toCsv(papers, options).toUtf8();
    case ExportFormat::Json:
        return toJson(papers).toUtf8();
    case ExportFormat::Html:
        return toHtml(papers, options).toUtf8();
    }
    return {};
}

QStringList Exporter::citationKeys(const QList<Paper> &papers)
{
    QStringList keys;
    keys.reserve(papers.size());
    QHash<QString, QList<qsizetype>> byBase;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        keys << keyBase(papers.at(i));
        byBase[keys.last()].append(i);
    }
    QSet<QString> taken(keys.cbegin(), keys.cend());
    for (auto it = byBase.begin(); it != byBase.end(); ++it) {
        QList<qsizetype> &group = it.value();
        if (group.size() < 2)
            continue;
        // Ordered by the paper's identity, then id, so that sorting or
        // filtering the list does not reshuffle the letters.
        std::sort(group.begin(), group.end(), [&papers](qsizetype a, qsizetype b) {
            const QString ka = titleKey(papers.at(a).title);
            const QString kb = titleKey(papers.at(b).title);
            return ka != kb ? ka < kb : papers.at(a).id < papers.at(b).id;
        });
        int n = 0;
        for (const qsizetype index : std::as_const(group)) {
            QString key;
            do
                key = it.key() + letterSuffix(n++);
            while (taken.contains(key));
            taken.insert(key);
            keys[index] = key;
        }
    }
    return keys;
}

QString Exporter::bibtexText(const QString &text)
{
    QString out;
    for (const Segment &s : splitMath(text))
        out += s.math && bracesBalance(s.text) ? bibtexMath(s.text) : bibtexPlain(s.text);
    return out;
}

QString Exporter::markdownText(const QString &text)
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

QString Exporter::htmlText(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;"));
}

QString Exporter::csvField(const QString &text)
{
    static const QString needsQuotes = QStringLiteral(",\"\r\n");
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return needsQuotes.contains(c); }))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace gleaner
