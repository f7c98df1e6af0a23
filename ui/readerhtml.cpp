#include "readerhtml.h"

#include "model/submitter.h"
#include "model/titletext.h"

#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace gleaner {

namespace {

QString loadTemplate()
{
    QFile file(QStringLiteral(":/assets/page.html"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<!doctype html><body>{{BODY}}</body>");
    return QString::fromUtf8(file.readAll());
}

// Replaces each {{NAME}} in one pass, so that values (digest text) are never
// scanned for placeholders themselves.
QString fillTemplate(const QString &templ, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(templ.size() + 4096);
    qsizetype at = 0;
    while (true) {
        const qsizetype open = templ.indexOf(QLatin1String("{{"), at);
        const qsizetype close = open < 0 ? -1 : templ.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        out += QStringView(templ).mid(at, open - at);
        out += values.value(templ.mid(open + 2, close - open - 2));
        at = close + 2;
    }
    out += QStringView(templ).mid(at);
    return out;
}

QString escaped(QStringView text)
{
    return text.toString().toHtmlEscaped();
}

// Wraps case-insensitive occurrences of the terms in <mark>, escaping the rest.
QString markTerms(QStringView text, const QRegularExpression &terms)
{
    if (!terms.isValid() || terms.pattern().isEmpty())
        return escaped(text);
    QString out;
    qsizetype at = 0;
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    auto it = terms.globalMatchView(text);
#else
    auto it = terms.globalMatch(text);
#endif
    while (it.hasNext()) {
        const auto m = it.next();
        out += escaped(text.mid(at, m.capturedStart() - at));
        out += QStringLiteral("<mark>") + escaped(m.capturedView()) + QStringLiteral("</mark>");
        at = m.capturedEnd();
    }
    out += escaped(text.mid(at));
    return out;
}

QRegularExpression termsPattern(const QStringList &terms)
{
    QStringList parts;
    for (const QString &term : terms) {
        const QString t = term.trimmed();
        if (!t.isEmpty())
            parts << QRegularExpression::escape(t);
    }
    if (parts.isEmpty())
        return QRegularExpression();
    // Longest first so that "model" does not win over "models".
    std::sort(parts.begin(), parts.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return QRegularExpression(
        QStringLiteral("\\b(?:") + parts.join(QLatin1Char('|')) + QStringLiteral(")\\w*"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::LongFormat) : QString();
}

// The upvotes of each digest that showed a count, as a small bar chart in
// inline SVG (no image request, no script): one bar a digest, oldest first,
// each with its date and count as its tooltip. Empty below two counts.
QString upvoteChart(const QList<Appearance> &appearances)
{
    QList<const Appearance *> counted;
    int most = 0;
    for (const Appearance &a : appearances) {
        if (a.upvotes) {
            counted << &a;
            most = std::max(most, *a.upvotes);
        }
    }
    if (counted.size() < 2)
        return {};
    constexpr int kBar = 10, kGap = 4, kHeight = 36;
    const int width = int(counted.size()) * (kBar + kGap) - kGap;
    QString svg = QStringLiteral("<svg class=\"upvote-chart\" role=\"img\" width=\"%1\" "
                                 "height=\"%2\" viewBox=\"0 0 %1 %2\"><title>Upvotes per "
                                 "digest</title>")
                      .arg(width)
                      .arg(kHeight);
    for (qsizetype i = 0; i < counted.size(); ++i) {
        const Appearance &a = *counted.at(i);
        // A zero still shows as a sliver, so every digest has its bar.
        const int h = most > 0 ? std::max(2, *a.upvotes * kHeight / most) : 2;
        const QString when =
            a.digestDate.isValid() ? dateText(a.digestDate) : QStringLiteral("Undated digest");
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"2\">"
                              "<title>%5: %6</title></rect>")
                   .arg(int(i) * (kBar + kGap))
                   .arg(kHeight - h)
                   .arg(kBar)
                   .arg(h)
                   .arg(escaped(when), upvotesText(*a.upvotes, TextStyle::Plain));
    }
    return svg + QStringLiteral("</svg>");
}

// Which highlight each character of a text shows: an index into
// `highlights`, or -1. Empty when no highlight is attached.
std::vector<int> highlightOwners(qsizetype size, const QList<Highlight> &highlights)
{
    std::vector<int> owners;
    for (int i = 0; i < int(highlights.size()); ++i) {
        const Highlight &h = highlights.at(i);
        if (h.detached || h.start < 0 || h.length <= 0 || h.start >= size)
            continue;
        if (owners.empty())
            owners.assign(size_t(size), -1);
        const qsizetype end = std::min<qsizetype>(size, qsizetype(h.start) + h.length);
        for (qsizetype c = h.start; c < end; ++c)
            owners[size_t(c)] = i;
    }
    return owners;
}

// The opening tag of a highlight's mark: only its id and one of the fixed
// colour names reach the page.
QString highlightOpen(const Highlight &h)
{
    const QString colour = isHighlightColour(h.colour) ? h.colour : highlightColours().first();
    return QStringLiteral("<mark class=\"hl hl-%1\" data-h=\"%2\">").arg(colour).arg(h.id);
}

} // namespace

QString markedUpHtml(const QString &abstract, const QStringList &highlightTerms, Links links,
                     const QList<Highlight> &highlights)
{
    const std::vector<int> owners = highlightOwners(abstract.size(), highlights);
    // A piece of plain text [from, to): its runs of one highlight each.
    const QRegularExpression terms = termsPattern(highlightTerms);
    const auto plain = [&](qsizetype from, qsizetype to) -> QString {
        if (owners.empty())
            return markTerms(QStringView(abstract).mid(from, to - from), terms);
        QString out;
        while (from < to) {
            const int owner = owners[size_t(from)];
            qsizetype end = from + 1;
            while (end < to && owners[size_t(end)] == owner)
                ++end;
            const QString run = markTerms(QStringView(abstract).mid(from, end - from), terms);
            out += owner < 0
                       ? run
                       : highlightOpen(highlights.at(owner)) + run + QStringLiteral("</mark>");
            from = end;
        }
        return out;
    };
    // A formula or link [from, to) is marked whole by the first highlight in it.
    const auto whole = [&](qsizetype from, qsizetype to, const QString &html) -> QString {
        for (qsizetype c = from; !owners.empty() && c < to; ++c) {
            if (owners[size_t(c)] >= 0)
                return highlightOpen(highlights.at(owners[size_t(c)])) + html +
                       QStringLiteral("</mark>");
        }
        return html;
    };

    // Math spans ($...$ on one line, not "$ 5") and URLs are found first; the
    // text between them is escaped and gets the highlights.
    static const QRegularExpression pieces(
        QStringLiteral(R"((\$[^$\s](?:[^$]*[^$\s])?\$)|(https?://[^\s<>"']+[^\s<>"'.,;:!?)\]]))"));
    QString out;
    qsizetype at = 0;
    auto it = pieces.globalMatch(abstract);
    while (it.hasNext()) {
        const auto m = it.next();
        out += plain(at, m.capturedStart());
        if (m.capturedLength(1) > 0) {
            out += whole(m.capturedStart(), m.capturedEnd(),
                         QStringLiteral("<span class=\"math\">") + escaped(m.captured(1)) +
                             QStringLiteral("</span>"));
        } else if (links == Links::Plain) {
            out += plain(m.capturedStart(), m.capturedEnd());
        } else {
            const QString url = escaped(m.captured(2));
            out += whole(m.capturedStart(), m.capturedEnd(),
                         QStringLiteral("<a href=\"") + url + QStringLiteral("\">") + url +
                             QStringLiteral("</a>"));
        }
        at = m.capturedEnd();
    }
    out += plain(at, abstract.size());
    return out;
}

namespace {

// A heading and a list of links that open other papers (the reader's
// "Linked from" and "Related papers"), or nothing when there are none.
QString paperList(const QString &heading, const QString &id, const QList<PaperRef> &papers,
                  const QStringList &highlightTerms)
{
    if (papers.isEmpty())
        return {};
    QString html = QStringLiteral("<h2>") + escaped(heading) + QStringLiteral("</h2><ul id=\"") +
                   id + QStringLiteral("\" class=\"") + id + QStringLiteral("\">");
    for (const PaperRef &ref : papers)
        html += QStringLiteral("<li><a class=\"paper-link\" href=\"") +
                QLatin1String(kPaperLinkPrefix) + QString::number(ref.id) + QStringLiteral("\">") +
                markedUpHtml(ref.title, highlightTerms, Links::Plain) + QStringLiteral("</a></li>");
    return html + QStringLiteral("</ul>");
}

} // namespace

QString readerHtml(const std::optional<Paper> &paper, const ReaderStyle &style,
                   const ReaderExtras &extras)
{
    static const QString pageTemplate = loadTemplate();
    QString body;
    QString title = QStringLiteral("Gleaner");
    if (!paper) {
        body = QStringLiteral("<div class=\"empty\"><p>Select a paper to read it here.</p></div>");
    } else {
        // The page title has no typesetter: the plain rendering, as in the list.
        title = escaped(plainTitle(paper->title));
        if (paper->dismissed)
            body += QStringLiteral("<p id=\"dismissed\" class=\"dismissed\">Not interested "
                                   "<a href=\"") +
                    QLatin1String(kUndismissUrl) +
                    QStringLiteral("\">Undo</a> <span class=\"key\">(X)</span></p>");
        QList<Highlight> inTitle;
        QList<Highlight> inAbstract;
        QList<Highlight> detached;
        for (const Highlight &h : extras.highlights)
            (h.detached                         ? detached
             : h.field == HighlightField::Title ? inTitle
                                                : inAbstract)
                .append(h);
        body += QStringLiteral("<h1 id=\"title\">") +
                markedUpHtml(paper->title, style.highlightTerms, Links::Plain, inTitle) +
                QStringLiteral("</h1>");
        QStringList meta;
        if (const QString who = submitterText(paper->submitter, TextStyle::Plain); !who.isEmpty())
            meta << QStringLiteral("<span class=\"submitter\">") + escaped(who) +
                        QStringLiteral("</span>");
        if (paper->published.isValid())
            meta << QStringLiteral("<span class=\"published\">Published ") +
                        escaped(dateText(paper->published)) + QStringLiteral("</span>");
        if (paper->upvotes)
            meta << QStringLiteral("<span class=\"upvotes\">") +
                        upvotesText(*paper->upvotes, TextStyle::Plain) + QStringLiteral("</span>");
        body += QStringLiteral("<p class=\"meta\">") + meta.join(QStringLiteral(" · ")) +
                QStringLiteral("</p>");
        if (!paper->tags.isEmpty()) {
            body += QStringLiteral("<p class=\"tags\">");
            for (const QString &tag : paper->tags)
                body += QStringLiteral("<span class=\"chip\">") + escaped(tag) +
                        QStringLiteral("</span>");
            body += QStringLiteral("</p>");
        }
        if (extras.whyTag && !extras.why.isEmpty()) {
            const QString from = extras.whyTag->isEmpty()
                                     ? NoteHtml::tr("like the papers you starred")
                                     : NoteHtml::tr("like your tag %1").arg(*extras.whyTag);
            body += QStringLiteral("<p id=\"why\" class=\"why\"><span class=\"why-label\">") +
                    escaped(NoteHtml::tr("Why")) + QStringLiteral("</span> ");
            for (const QString &word : extras.why)
                body += QStringLiteral("<span class=\"chip why-word\">") + escaped(word) +
                        QStringLiteral("</span>");
            body += QStringLiteral(" <span class=\"why-model\">") + escaped(from) +
                    QStringLiteral("</span></p>");
        }
        body += QStringLiteral("<div id=\"abstract\" class=\"abstract\">") +
                markedUpHtml(paper->abstract, style.highlightTerms, Links::Linked, inAbstract) +
                QStringLiteral("</div>");
        if (!detached.isEmpty()) {
            // Their passages are no longer in the text: listed, not drawn.
            body += QStringLiteral("<section id=\"detached\" class=\"detached\"><h2>") +
                    escaped(NoteHtml::tr("Detached highlights")) + QStringLiteral("</h2><ul>");
            for (const Highlight &h : detached)
                body += QStringLiteral("<li>") + highlightOpen(h) + escaped(h.quote) +
                        QStringLiteral("</mark>") +
                        (h.comment.isEmpty() ? QString()
                                             : QStringLiteral(" <span class=\"comment\">") +
                                                   escaped(h.comment) + QStringLiteral("</span>")) +
                        QStringLiteral("</li>");
            body += QStringLiteral("</ul></section>");
        }
        if (!extras.noteHtml.isEmpty())
            body += QStringLiteral("<section id=\"note\" class=\"note\"><h2>") +
                    escaped(NoteHtml::tr("Note")) + QStringLiteral("</h2>") + extras.noteHtml +
                    QStringLiteral("</section>");
        body += paperList(NoteHtml::tr("Linked from"), QStringLiteral("linked-from"),
                          extras.linkedFrom, style.highlightTerms);
        body += paperList(NoteHtml::tr("Related papers"), QStringLiteral("related"), extras.related,
                          style.highlightTerms);
        if (!paper->appearances.isEmpty()) {
            body += QStringLiteral("<h2>Appeared in</h2>") + upvoteChart(paper->appearances) +
                    QStringLiteral("<ul class=\"appearances\">");
            for (const Appearance &a : paper->appearances) {
                const QString when =
                    a.digestDate.isValid() ? escaped(dateText(a.digestDate))
                    : a.fileDate.isValid()
                        ? QStringLiteral("Undated digest (file of %1)").arg(dateText(a.fileDate))
                        : QStringLiteral("Undated digest");
                const QString upvotes =
                    a.upvotes
                        ? QStringLiteral(" (%1)").arg(upvotesText(*a.upvotes, TextStyle::Plain))
                        : QString();
                body += QStringLiteral("<li>%1, #%2%3 <span class=\"source\">%4</span></li>")
                            .arg(when)
                            .arg(a.position)
                            .arg(upvotes, escaped(a.source));
            }
            body += QStringLiteral("</ul>");
        }
    }
    return fillTemplate(
        pageTemplate,
        {{QStringLiteral("THEME"), style.dark ? QStringLiteral("dark") : QStringLiteral("light")},
         {QStringLiteral("FONT_SIZE"), QString::number(style.fontSizePt)},
         {QStringLiteral("TITLE"), title},
         {QStringLiteral("BODY"), body}});
}

} // namespace gleaner
