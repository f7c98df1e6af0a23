#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"

namespace gleaner::formats {

namespace {

// RIS has one field per line and no escaping, so a line break in a value
// would start a line that importers may read as a tag of its own ("ER  - "
// ends the record); every value is flattened to one line.
QString risLine(const char *tag, const QString &value)
{
    return QLatin1String(tag) + QStringLiteral("  - ") + escape::oneLine(value) +
           QStringLiteral("\r\n");
}

} // namespace

// RIS: one GEN record per paper, for reference managers that prefer it.
QString toRis(const QList<Paper> &papers, const ExportOptions &options)
{
    const QStringList keys = citationKeys(papers);
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

} // namespace gleaner::formats
