#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"

namespace gleaner::formats {

// BibLaTeX: one @misc entry per paper for biber, in UTF-8 (escaping.h says
// what pdflatex is spared). An ISO `date` instead of year and month, only
// when the paper has one; the digest dates in `howpublished`. Digests carry
// no arXiv identifier; when one is known, `eprint` and `eprinttype = {arxiv}`
// belong in this same entry, which biblatex's styles print for @misc.
QString toBiblatex(const QList<Paper> &papers, const ExportOptions &options)
{
    constexpr auto utf8 = escape::TexText::Utf8;
    const QStringList keys = citationKeys(papers);
    QString bib;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        if (i > 0)
            bib += u'\n';
        bib += QStringLiteral("@misc{") + keys.at(i);
        bib += bibField("title", bibTitle(p, utf8));
        if (const QDate date = citationDate(p); date.isValid())
            bib += bibField("date", isoDate(date));
        bib += bibSharedFields(p, options, utf8);
        // biblatex's name for BibTeX's annote: printed by annotated styles only.
        if (!p.note.trimmed().isEmpty())
            bib += bibField("annotation", bibNote(p, papers, keys, options, utf8));
        bib += QStringLiteral("\n}\n");
    }
    return bib;
}

} // namespace gleaner::formats
