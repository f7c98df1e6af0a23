// show: one paper with everything the library knows about it.
#include "commands.h"
#include "export/paperjson.h"
#include "invocation.h"
#include "model/submitter.h"
#include "model/weblinks.h"
#include "output.h"
#include "storage/library.h"

namespace gleaner::cli {

int Commands::web(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().first());
    if (!id)
        return in.usageError(tr("web takes one paper ID"));
    const auto paper = library.paper(*id);
    if (!paper)
        return in.rejected(tr("there is no paper %1").arg(*id));
    out() << paperSearchUrl(*paper).toString(QUrl::FullyEncoded) << "\n";
    return Ok;
}

int Commands::show(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().first());
    if (!id)
        return in.usageError(tr("show takes one paper ID"));
    const auto paper = library.paper(*id);
    if (!paper)
        return in.rejected(tr("there is no paper %1").arg(*id));
    if (in.json()) {
        printJson(paperToJson(*paper));
        return Ok;
    }
    const QString submitter = submitterText(paper->submitter, TextStyle::Localised);
    out() << paper->title << "\n\n";
    out() << field(tr("ID"), 11) << paper->id << "\n";
    out() << field(tr("Submitter"), 11) << (submitter.isEmpty() ? QStringLiteral("-") : submitter)
          << "\n";
    out() << field(tr("Published"), 11) << dateText(paper->published, QStringLiteral("-")) << "\n";
    out() << field(tr("Upvotes"), 11)
          << (paper->upvotes ? QString::number(*paper->upvotes) : QStringLiteral("-")) << "\n";
    out() << field(tr("Starred"), 11) << (paper->starred ? tr("yes") : tr("no")) << "\n";
    out() << field(tr("Read"), 11) << (paper->read ? tr("yes") : tr("no")) << "\n";
    if (paper->dismissed)
        out() << field(tr("Dismissed"), 11) << tr("yes (not interested)") << "\n";
    out() << field(tr("Tags"), 11)
          << (paper->tags.isEmpty() ? QStringLiteral("-") : paper->tags.join(QStringLiteral(", ")))
          << "\n";
    for (const Appearance &ap : paper->appearances) {
        out() << field(tr("Digest"), 11) << dateText(ap.digestDate, tr("undated")) << " #"
              << ap.position << " "
              << (ap.upvotes
                      ? QStringLiteral("(%1) ").arg(upvotesText(*ap.upvotes, TextStyle::Localised))
                      : QString())
              << ap.source << "\n";
    }
    out() << "\n" << paper->abstract << "\n";
    if (!paper->note.isEmpty())
        out() << "\n"
              << tr("Note (%1):").arg(paper->noteChanged.toLocalTime().toString(Qt::ISODate))
              << "\n"
              << paper->note << "\n";
    return Ok;
}

} // namespace gleaner::cli
