#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"
#include "model/submitter.h"

namespace gleaner::formats {

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

QString submitterField(const Submitter &s)
{
    return escape::oneLine(gleaner::submitterText(s, TextStyle::Plain));
}

QString noteTime(const Paper &paper)
{
    return utcMinutes(paper.noteChanged);
}

QString listTitle(const ExportOptions &options)
{
    const QString title = escape::oneLine(options.title);
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

} // namespace gleaner::formats
