#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"

namespace gleaner::formats {

namespace {

QString bibtexField(const char *name, const QString &value)
{
    return QStringLiteral(",\n  ") + QLatin1String(name) + QStringLiteral(" = {") + value + u'}';
}

} // namespace

// BibTeX: one @misc entry per paper, for reference managers and LaTeX.
QString toBibtex(const QList<Paper> &papers, const ExportOptions &options)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    const QStringList keys = citationKeys(papers);
    QString bib;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        if (i > 0)
            bib += u'\n';
        bib += QStringLiteral("@misc{") + keys.at(i);
        // The extra braces keep a style from lower-casing "BERT" or "GPT".
        bib += bibtexField("title", u'{' + escape::bibtex(escape::oneLine(p.title)) + u'}');
        const QDate date = citationDate(p);
        if (date.isValid()) {
            bib += bibtexField("year", QString::number(date.year()));
            bib += QStringLiteral(",\n  month = ") + QLatin1String(months[date.month() - 1]);
            bib += bibtexField("date", isoDate(date));
        }
        if (p.submitter.kind == Submitter::Kind::Organisation &&
            !p.submitter.organisation.isEmpty())
            bib += bibtexField("organization",
                               escape::bibtex(escape::oneLine(p.submitter.organisation)));
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            bib += bibtexField("howpublished", QStringLiteral("Daily Papers digest of ") +
                                                   dates.join(QStringLiteral(", ")));
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            bib += bibtexField("abstract", escape::bibtex(escape::cleanText(p.abstract).trimmed()));
        if (!p.tags.isEmpty()) {
            // Keywords are split at commas; braces keep a tag with a comma whole.
            QStringList tags;
            for (const QString &t : p.tags) {
                const QString tag = escape::bibtex(escape::oneLine(t));
                tags << (t.contains(u',') ? u'{' + tag + u'}' : tag);
            }
            bib += bibtexField("keywords", tags.join(QStringLiteral(", ")));
        }
        // annote is BibTeX's field for the reader's own annotation; styles
        // print it only in annotated bibliographies, so a private note does
        // not end up under a paper's reference.
        if (!p.note.trimmed().isEmpty())
            bib += bibtexField("annote", escape::bibtex(escape::cleanText(p.note).trimmed()));
        bib += QStringLiteral("\n}\n");
    }
    return bib;
}

} // namespace gleaner::formats
