#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"

namespace gleaner::formats {

QString bibField(const char *name, const QString &value)
{
    return QStringLiteral(",\n  ") + QLatin1String(name) + QStringLiteral(" = {") + value + u'}';
}

QString bibNote(const Paper &paper, const QList<Paper> &papers, const QStringList &keys,
                const ExportOptions &options, escape::TexText spelling)
{
    return exportNote(
        paper, options.linkedPapers, papers, keys,
        [spelling](const QString &text) -> QString { return escape::bibtex(text, spelling); },
        [](const QString &key) -> QString { return QStringLiteral("\\cite{") + key + u'}'; });
}

QString bibTitle(const Paper &paper, escape::TexText spelling)
{
    // The extra braces keep a style from lower-casing "BERT" or "GPT".
    return u'{' + escape::bibtex(escape::oneLine(paper.title), spelling) + u'}';
}

QString bibSharedFields(const Paper &p, const ExportOptions &options, escape::TexText spelling)
{
    QString fields;
    if (p.submitter.kind == Submitter::Kind::Organisation && !p.submitter.organisation.isEmpty())
        fields += bibField("organization",
                           escape::bibtex(escape::oneLine(p.submitter.organisation), spelling));
    if (const QStringList dates = digestDates(p); !dates.isEmpty())
        fields += bibField("howpublished", QStringLiteral("Daily Papers digest of ") +
                                               dates.join(QStringLiteral(", ")));
    if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
        fields +=
            bibField("abstract", escape::bibtex(escape::cleanText(p.abstract).trimmed(), spelling));
    if (!p.tags.isEmpty()) {
        // Keywords are split at commas; braces keep a tag with a comma whole.
        QStringList tags;
        for (const QString &t : p.tags) {
            const QString tag = escape::bibtex(escape::oneLine(t), spelling);
            tags << (t.contains(u',') ? u'{' + tag + u'}' : tag);
        }
        fields += bibField("keywords", tags.join(QStringLiteral(", ")));
    }
    return fields;
}

// BibTeX: one @misc entry per paper, ASCII only (escaping.h), for classic
// BibTeX and any .bst style as well as biber. What plain.bst and its kin
// need to stay quiet: a `key` to sort an entry without authors by, and a
// year (with its month) only when the paper has one.
QString toBibtex(const QList<Paper> &papers, const ExportOptions &options)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    constexpr auto ascii = escape::TexText::Ascii;
    const QStringList keys = citationKeys(papers);
    QString bib;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        if (i > 0)
            bib += u'\n';
        bib += QStringLiteral("@misc{") + keys.at(i);
        bib += bibField("title", bibTitle(p, ascii));
        bib += bibField("key", sortKey(p, keys.at(i)));
        const QDate date = citationDate(p);
        if (date.isValid()) {
            bib += bibField("year", QString::number(date.year()));
            bib += QStringLiteral(",\n  month = ") + QLatin1String(months[date.month() - 1]);
        }
        bib += bibSharedFields(p, options, ascii);
        // annote is BibTeX's field for the reader's own annotation; styles
        // print it only in annotated bibliographies, so a private note does
        // not end up under a paper's reference.
        if (!p.note.trimmed().isEmpty())
            bib += bibField("annote", bibNote(p, papers, keys, options, ascii));
        bib += QStringLiteral("\n}\n");
    }
    return bib;
}

} // namespace gleaner::formats
