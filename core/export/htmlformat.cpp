#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"
#include "model/submitter.h"

namespace gleaner::formats {

namespace {

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

} // namespace

// HTML: a reading list as one self-contained page that also prints well.
QString toHtml(const QList<Paper> &papers, const ExportOptions &options)
{
    const QString title = escape::html(listTitle(options));
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
        html += QStringLiteral(", exported ") + escape::html(generatedText(options));
    html += QStringLiteral("</p>\n</header>\n<main>\n");
    const QStringList keys = citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        html += QStringLiteral("<article id=\"") + keys.at(i) + QStringLiteral("\">\n<h2>");
        if (p.starred)
            html += QStringLiteral("<span class=\"star\" title=\"starred\">\u2605</span> ");
        html += escape::html(escape::oneLine(p.title)) + QStringLiteral("</h2>\n");
        QStringList meta;
        if (p.published.isValid())
            meta << QStringLiteral("published ") + isoDate(p.published);
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            meta << QStringLiteral("digest ") + dates.join(QStringLiteral(", "));
        const QString submitter = submitterField(p.submitter);
        if (!submitter.isEmpty())
            meta << escape::html(submitter);
        if (p.upvotes)
            meta << upvotesText(*p.upvotes, TextStyle::Plain);
        if (p.read)
            meta << QStringLiteral("read");
        html += QStringLiteral("<p class=\"meta\">") + meta.join(QStringLiteral(" \u00b7 ")) +
                QStringLiteral("</p>\n");
        if (!p.tags.isEmpty()) {
            html += QStringLiteral("<ul class=\"tags\">");
            for (const QString &t : p.tags)
                html += QStringLiteral("<li>") + escape::html(escape::oneLine(t)) +
                        QStringLiteral("</li>");
            html += QStringLiteral("</ul>\n");
        }
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            html += QStringLiteral("<p class=\"abstract\">") +
                    escape::html(escape::cleanText(p.abstract).trimmed()) +
                    QStringLiteral("</p>\n");
        if (!p.note.trimmed().isEmpty()) {
            html += QStringLiteral("<blockquote class=\"note\">");
            const QString when = noteTime(p);
            if (!when.isEmpty())
                html += QStringLiteral("<span class=\"when\">Note, ") + when +
                        QStringLiteral("</span>");
            html += escape::html(escape::cleanText(p.note).trimmed()) +
                    QStringLiteral("</blockquote>\n");
        }
        html += QStringLiteral("</article>\n");
    }
    html += QStringLiteral("</main>\n</body>\n</html>\n");
    return html;
}

} // namespace gleaner::formats
