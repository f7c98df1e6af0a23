// stats: what the library holds.
#include "commands.h"
#include "export/paperjson.h"
#include "invocation.h"
#include "output.h"
#include "storage/library.h"

#include <QLocale>

namespace gleaner::cli {

int Commands::stats(Invocation &in, Library &library)
{
    const LibraryStats s = library.stats();
    if (in.json()) {
        QJsonObject o = statsToJson(s);
        o.insert(QStringLiteral("library"), library.path());
        printJson(o);
        return Ok;
    }
    out() << field(tr("Library"), 12) << library.path() << "\n"
          << field(tr("Papers"), 12)
          << tr("%1 (%2 unread, %3 starred, %4 with notes, %5 not interested)")
                 .arg(s.papers)
                 .arg(s.unread)
                 .arg(s.starred)
                 .arg(s.withNotes)
                 .arg(s.dismissed)
          << "\n"
          << field(tr("Digests"), 12) << s.digests;
    QStringList about;
    if (s.firstDigest.isValid())
        about << tr("%1 to %2")
                     .arg(s.firstDigest.toString(Qt::ISODate), s.lastDigest.toString(Qt::ISODate));
    if (s.undatedDigests > 0)
        about << tr("%n undated", nullptr, s.undatedDigests);
    if (!about.isEmpty())
        out() << " (" << about.join(QStringLiteral("; ")) << ")";
    out() << "\n"
          << field(tr("Appearances"), 12) << s.appearances << "\n"
          << field(tr("Tags"), 12) << s.tags << "\n"
          << field(tr("Queue"), 12) << tr("%n paper(s) to read later", nullptr, s.queued) << "\n"
          << field(tr("File size"), 12) << QLocale::c().formattedDataSize(s.fileBytes) << "\n";
    return Ok;
}

} // namespace gleaner::cli
