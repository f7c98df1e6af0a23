// star, unstar, read, unread, dismiss, undismiss, note: what the reader
// marks on papers.
#include "commands.h"
#include "invocation.h"
#include "options.h"
#include "output.h"
#include "storage/library.h"

namespace gleaner::cli {

namespace {

enum class Mark
{
    Starred,
    Read,
    Dismissed
};

// Marks the papers that exist, and exits 1 when some word named none; or
// every paper of --digest ID.
int mark(Invocation &in, Library &library, Mark mark, bool on)
{
    if (in.isSet(QStringLiteral("digest"))) {
        if (!in.words().isEmpty())
            return in.usageError(Commands::tr("give paper IDs or --digest, not both"));
        const QString word = in.value(QStringLiteral("digest"));
        const auto digest = Invocation::parseId(word);
        if (!digest)
            return in.usageError(Commands::tr("'%1' is not a digest id").arg(word));
        const std::optional<QList<qint64>> ids = library.digestPapers(*digest);
        if (!ids)
            return in.rejected(library.errorString());
        if (!library.setRead(*ids, on))
            return in.rejected(library.errorString());
        const qsizetype n = ids->size();
        if (on)
            out() << (n == 1 ? Commands::tr("Marked 1 paper read.")
                             : Commands::tr("Marked %1 papers read.").arg(n));
        else
            out() << (n == 1 ? Commands::tr("Marked 1 paper unread.")
                             : Commands::tr("Marked %1 papers unread.").arg(n));
        out() << "\n";
        return Ok;
    }
    if (in.words().isEmpty())
        return in.usageError(Commands::tr("give the IDs of the papers to mark"));
    const QList<qint64> ids = in.knownPapers(library, in.words());
    const bool done = mark == Mark::Starred ? library.setStarred(ids, on)
                      : mark == Mark::Read  ? library.setRead(ids, on)
                                            : library.setDismissed(ids, on);
    if (!done)
        return in.rejected(library.errorString());
    return ids.size() == in.words().size() ? Ok : Rejected;
}

} // namespace

QList<QCommandLineOption> Commands::markOptions()
{
    return {Options::digest()};
}

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

int Commands::dismiss(Invocation &in, Library &library)
{
    return mark(in, library, Mark::Dismissed, true);
}

int Commands::undismiss(Invocation &in, Library &library)
{
    return mark(in, library, Mark::Dismissed, false);
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
