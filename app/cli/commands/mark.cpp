// star, unstar, read, unread, note: what the reader marks on papers.
#include "commands.h"
#include "invocation.h"
#include "storage/library.h"

namespace gleaner::cli {

namespace {

enum class Mark
{
    Starred,
    Read
};

// Marks the papers that exist, and exits 1 when some word named none.
int mark(Invocation &in, Library &library, Mark mark, bool on)
{
    const QList<qint64> ids = in.knownPapers(library, in.words());
    const bool done =
        mark == Mark::Starred ? library.setStarred(ids, on) : library.setRead(ids, on);
    if (!done)
        return in.rejected(library.errorString());
    return ids.size() == in.words().size() ? Ok : Rejected;
}

} // namespace

int Commands::star(Invocation &in, Library &library)
{
    return mark(in, library, Mark::Starred, true);
}

int Commands::unstar(Invocation &in, Library &library)
{
    return mark(in, library, Mark::Starred, false);
}

int Commands::markRead(Invocation &in, Library &library)
{
    return mark(in, library, Mark::Read, true);
}

int Commands::markUnread(Invocation &in, Library &library)
{
    return mark(in, library, Mark::Read, false);
}

int Commands::note(Invocation &in, Library &library)
{
    const QList<qint64> ids = in.knownPapers(library, {in.words().first()});
    if (ids.isEmpty())
        return Rejected;
    const QStringList text = in.words().mid(1);
    QString note = text.join(QLatin1Char(' '));
    if (text == QStringList{QStringLiteral("-")}) {
        const auto data = in.readStandardInput();
        note = data ? QString::fromUtf8(*data) : QString();
    }
    if (!library.setNote(ids.first(), note))
        return in.rejected(library.errorString());
    return Ok;
}

} // namespace gleaner::cli
