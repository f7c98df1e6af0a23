#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"

namespace gleaner::formats {

namespace {

QString csvRow(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << escape::csvField(f);
    return quoted.join(u',') + QStringLiteral("\r\n");
}

} // namespace

// CSV: RFC 4180 rows with CRLF line ends and a header row, for spreadsheets.
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
                        escape::oneLine(p.title),
                        isoDate(p.published),
                        digestDates(p).join(QStringLiteral("; ")),
                        p.upvotes ? QString::number(*p.upvotes) : QString(),
                        submitterField(p.submitter),
                        p.starred ? QStringLiteral("yes") : QStringLiteral("no"),
                        p.read ? QStringLiteral("yes") : QStringLiteral("no"),
                        p.tags.join(QStringLiteral("; ")),
                        escape::cleanText(p.note),
                        isoDateTime(p.noteChanged)};
        if (options.includeAbstracts)
            row << escape::cleanText(p.abstract);
        csv += csvRow(row);
    }
    return csv;
}

} // namespace gleaner::formats
