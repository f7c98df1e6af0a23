// star, unstar, read, unread, dismiss, undismiss, note: what the reader
// marks on papers, and the note's earlier versions (note ID --history,
// note ID --restore N).
#include "commands.h"
#include "invocation.h"
#include "options.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

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

namespace {

// What a note command asks for. The note's text is taken as typed, dashes
// and all, so --history and --restore are recognised after the ID only as
// the first word after it (or as options before the ID).
struct NoteRequest
{
    enum class Kind
    {
        Set,
        History,
        Restore
    } kind = Kind::Set;
    bool json = false;
    int number = 0; // for Restore
    QString usage;  // not empty: the words make no sense, and why
};

NoteRequest noteRequest(const Invocation &in)
{
    NoteRequest r;
    const QStringList flags = in.words().mid(1);
    const auto isFlag = [](const QString &w) {
        return w == QLatin1String("--history") || w == QLatin1String("--restore") ||
               w.startsWith(QLatin1String("--restore="));
    };
    const bool optionsBefore =
        in.isSet(QStringLiteral("history")) || in.isSet(QStringLiteral("restore"));
    if (!optionsBefore && (flags.isEmpty() || !isFlag(flags.first()))) {
        if (flags.isEmpty())
            r.usage = Commands::tr("give the note's text, or --history, or --restore N");
        return r;
    }
    if (optionsBefore && !flags.isEmpty() && !isFlag(flags.first()) &&
        flags.first() != QLatin1String("--json")) {
        r.usage = Commands::tr("--history and --restore take no note text");
        return r;
    }
    bool history = in.isSet(QStringLiteral("history"));
    QString restore = in.value(QStringLiteral("restore"));
    bool restoreGiven = in.isSet(QStringLiteral("restore"));
    r.json = in.json();
    for (qsizetype i = 0; i < flags.size(); ++i) {
        const QString &w = flags.at(i);
        if (w == QLatin1String("--history")) {
            history = true;
        } else if (w == QLatin1String("--json")) {
            r.json = true;
        } else if (w == QLatin1String("--restore")) {
            if (i + 1 >= flags.size()) {
                r.usage = Commands::tr("--restore needs the number of a version (see --history)");
                return r;
            }
            restoreGiven = true;
            restore = flags.at(++i);
        } else if (w.startsWith(QLatin1String("--restore="))) {
            restoreGiven = true;
            restore = w.mid(10);
        } else {
            r.usage = Commands::tr("unexpected '%1' after --history or --restore").arg(w);
            return r;
        }
    }
    if (history && restoreGiven) {
        r.usage = Commands::tr("give --history or --restore N, not both");
        return r;
    }
    if (history) {
        r.kind = NoteRequest::Kind::History;
        return r;
    }
    bool ok = false;
    r.number = restore.toInt(&ok);
    if (!ok || r.number < 1) {
        r.usage = Commands::tr("'%1' is not the number of a version (1 is the newest; see "
                               "--history)")
                      .arg(restore);
        return r;
    }
    if (r.json) {
        r.usage = Commands::tr("--json goes with --history");
        return r;
    }
    r.kind = NoteRequest::Kind::Restore;
    return r;
}

// "First line of the note…", for a list of versions.
QString firstLine(const QString &text)
{
    const QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    constexpr qsizetype kMax = 60;
    return line.size() > kMax ? line.left(kMax - 1) + QStringLiteral("\u2026") : line;
}

int printNoteHistory(Invocation &in, Library &library, qint64 id, bool json)
{
    const std::optional<NoteHistory> versions = library.noteHistory(id);
    if (!versions)
        return in.rejected(library.errorString());
    if (json) {
        QJsonArray list;
        int number = 0;
        for (const NoteVersion &v : *versions) {
            list.append(QJsonObject{{QStringLiteral("version"), ++number},
                                    {QStringLiteral("saved"), v.saved},
                                    {QStringLiteral("characters"), int(v.text.size())},
                                    {QStringLiteral("before_deletion"), v.pinned},
                                    {QStringLiteral("text"), v.text}});
        }
        printJson(list);
        return Ok;
    }
    if (versions->isEmpty()) {
        out() << Commands::tr("The note of paper %1 has no earlier versions.").arg(id) << "\n";
        return Ok;
    }
    int number = 0;
    for (const NoteVersion &v : *versions) {
        const QDateTime saved = QDateTime::fromString(v.saved, Qt::ISODateWithMs);
        out() << ++number << "\t"
              << saved.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "\t"
              << Commands::tr("%n character(s)", nullptr, int(v.text.size()));
        if (v.pinned)
            out() << "\t" << Commands::tr("before a deletion");
        out() << "\t" << firstLine(v.text) << "\n";
    }
    return Ok;
}

} // namespace

QList<QCommandLineOption> Commands::noteOptions()
{
    return {QCommandLineOption(QStringLiteral("history"),
                               tr("list the note's earlier versions, 1 the newest")),
            QCommandLineOption(QStringLiteral("restore"),
                               tr("make version N the note again (the note it replaces "
                                  "becomes version 1)"),
                               tr("N")),
            Options::json()};
}

Access Commands::noteAccess(const Invocation &in)
{
    const NoteRequest request = noteRequest(in);
    return request.usage.isEmpty() && request.kind == NoteRequest::Kind::History ? Access::Reads
                                                                                 : Access::Writes;
}

int Commands::note(Invocation &in, Library &library)
{
    const NoteRequest request = noteRequest(in);
    if (!request.usage.isEmpty())
        return in.usageError(request.usage);
    const QList<qint64> ids = in.knownPapers(library, {in.words().first()});
    if (ids.isEmpty())
        return Rejected;
    if (request.kind == NoteRequest::Kind::History)
        return printNoteHistory(in, library, ids.first(), request.json);
    if (request.kind == NoteRequest::Kind::Restore) {
        const std::optional<Paper> before = library.paper(ids.first());
        if (!library.restoreNoteVersion(ids.first(), request.number))
            return in.rejected(library.errorString());
        const std::optional<Paper> after = library.paper(ids.first());
        const QString was = before ? before->note : QString();
        if (after && after->note == was)
            out() << tr("Version %1 is the note of paper %2 already; nothing changed.")
                         .arg(request.number)
                         .arg(ids.first());
        else if (was.isEmpty())
            out() << tr("Restored version %1 of the note of paper %2.")
                         .arg(request.number)
                         .arg(ids.first());
        else
            out() << tr("Restored version %1 of the note of paper %2; the note it replaced is "
                        "version 1 now.")
                         .arg(request.number)
                         .arg(ids.first());
        out() << "\n";
        return Ok;
    }
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
