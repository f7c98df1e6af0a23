// digests, redate, remove-digest: the digests a library was built from.
#include "commands.h"
#include "export/paperjson.h"
#include "invocation.h"
#include "output.h"
#include "storage/library.h"

namespace gleaner::cli {

int Commands::digests(Invocation &in, Library &library)
{
    const QList<DigestInfo> digests = library.digests();
    if (in.json()) {
        printJson(jsonArray(digests, digestToJson));
        return Ok;
    }
    for (const DigestInfo &d : digests) {
        out() << qSetFieldWidth(5) << Qt::right << d.id << qSetFieldWidth(0) << "  "
              << qSetFieldWidth(10) << Qt::left
              << dateText(d.certainty == DateCertainty::Undated ? QDate() : d.date, tr("undated"))
              << qSetFieldWidth(0) << "  " << qSetFieldWidth(9) << dateCertaintyName(d.certainty)
              << qSetFieldWidth(0) << "  " << layoutName(d.layout) << "  " << qSetFieldWidth(4)
              << Qt::right << d.entries << qSetFieldWidth(0) << " " << tr("papers") << "  "
              << d.unread << " " << tr("unread") << "  " << d.triaged << " " << tr("triaged")
              << "  " << d.source << "\n";
    }
    out() << (digests.size() == 1 ? tr("1 digest") : tr("%1 digests").arg(digests.size())) << "\n";
    return Ok;
}

int Commands::redate(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().at(0));
    if (!id)
        return in.usageError(tr("'%1' is not a digest id").arg(in.words().at(0)));
    const QDate date = QDate::fromString(in.words().at(1), Qt::ISODate);
    if (!date.isValid())
        return in.usageError(tr("'%1' is not a date like 2026-01-07").arg(in.words().at(1)));
    if (!library.setDigestDate(*id, date))
        return in.rejected(library.errorString());
    return Ok;
}

QList<QCommandLineOption> Commands::removeDigestOptions()
{
    return {QCommandLineOption(QStringLiteral("samples"),
                               tr("every sample digest (the window's Try Sample Digests)"))};
}

int Commands::removeDigest(Invocation &in, Library &library)
{
    const bool samples = in.isSet(QStringLiteral("samples"));
    if (samples == !in.words().isEmpty())
        return in.usageError(tr("give a digest id or --samples"));
    QList<qint64> ids;
    if (samples) {
        ids = library.sampleDigests();
        if (ids.isEmpty()) {
            out() << tr("There are no sample digests.") << "\n";
            return Ok;
        }
    } else {
        const auto id = Invocation::parseId(in.words().at(0));
        if (!id)
            return in.usageError(tr("'%1' is not a digest id").arg(in.words().at(0)));
        ids << *id;
    }
    const std::optional<int> removed = library.removeDigests(ids);
    if (!removed)
        return in.rejected(library.errorString());
    out() << (ids.size() == 1
                  ? tr("Removed the digest and %n paper(s) no other digest or note kept.", nullptr,
                       *removed)
                  : tr("Removed %1 digests and %n paper(s) no other digest or note kept.", nullptr,
                       *removed)
                        .arg(ids.size()))
          << "\n";
    return Ok;
}

} // namespace gleaner::cli
