#include "cli.h"

#include "backup/backup.h"
#include "export/exporter.h"
#include "export/paperjson.h"
#include "ingest/importer.h"
#include "storage/library.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <gleaner/buildinfo.h>

namespace gleaner::cli {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const char *const kUsage =
    "Usage: gleaner-cli [--library FILE] COMMAND [ARGS...]\n"
    "\n"
    "Commands:\n"
    "  import PATH...                 import digests: files, folders, archives; - reads stdin\n"
    "  search [QUERY] [--sort relevance|published|upvotes|digest|title|read] [--limit N]\n"
    "         [--json]\n"
    "  show ID [--json]               one paper with its digests, tags and note\n"
    "  digests [--json]               the imported digests\n"
    "  redate DIGEST_ID YYYY-MM-DD    correct a digest's date\n"
    "  remove-digest DIGEST_ID        remove a digest (papers with reader data stay)\n"
    "  star|unstar|read|unread ID...  change stars and read state\n"
    "  tag ID TAG...                  add tags;  untag ID TAG...  remove them\n"
    "  tags [--json]                  tags with their paper counts\n"
    "  tags rename OLD NEW | merge FROM INTO | delete NAME\n"
    "  note ID TEXT                   set a note (- reads stdin; an empty text clears it)\n"
    "  stats [--json]                 counts of papers, digests and reader data\n"
    "  export [QUERY] --format md|bibtex|ris|csljson|csv|json|html [--query Q]\n"
    "         [--sort ORDER] [--reverse] [--no-abstracts] [--title T] [-o FILE]\n"
    "                                 write the matching papers (all without a query)\n"
    "                                 to FILE, or to stdout\n"
    "  backup FILE                    write stars, read state, tags, notes and saved\n"
    "                                 searches to a JSON file (- for stdout)\n"
    "  restore FILE                   merge a backup into this library (- for stdin);\n"
    "                                 papers not imported yet get it when they arrive\n"
    "  snapshot FILE                  copy the whole library consistently, even while\n"
    "                                 the window is open\n"
    "\n"
    "Options:\n"
    "  --library FILE   the library (default: $GLEANER_LIBRARY, else\n"
    "                   ~/.local/share/gleaner/library.sqlite3)\n"
    "  --version        print the version and the archive backend\n"
    "  --help           print this help\n"
    "\n"
    "Exit status: 0 all well, 1 some input was rejected, 2 usage error.\n";

int usageError(const QString &message)
{
    err() << "gleaner-cli: " << message << "\n(see gleaner-cli --help)\n";
    return Usage;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

// Arguments of one command: positionals, flags and options with values.
struct Args
{
    QStringList positional;
    QStringList flags;
    QHash<QString, QString> options;
    QString error;

    bool has(const char *flag) const { return flags.contains(QLatin1String(flag)); }
};

Args parseArgs(const QStringList &words, const QStringList &flagNames,
               const QStringList &optionNames)
{
    Args a;
    bool positionalOnly = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (positionalOnly || !w.startsWith(QLatin1String("--"))) {
            a.positional << w;
        } else if (w == QLatin1String("--")) {
            positionalOnly = true;
        } else if (flagNames.contains(w)) {
            a.flags << w.mid(2);
        } else if (optionNames.contains(w.section(QLatin1Char('='), 0, 0))) {
            const qsizetype eq = w.indexOf(QLatin1Char('='));
            if (eq > 0) {
                a.options.insert(w.mid(2, eq - 2), w.mid(eq + 1));
            } else if (i + 1 < words.size()) {
                a.options.insert(w.mid(2), words.at(++i));
            } else {
                a.error = QStringLiteral("%1 needs a value").arg(w);
            }
        } else {
            a.error = QStringLiteral("unknown option %1").arg(w);
        }
    }
    return a;
}

std::optional<qint64> parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

// Checks that every id names a paper; reports the others.
bool knownPapers(Library &library, const QStringList &words, QList<qint64> *ids)
{
    bool allKnown = true;
    for (const QString &w : words) {
        const auto id = parseId(w);
        if (!id) {
            err() << "gleaner-cli: '" << w << "' is not a paper id\n";
            allKnown = false;
            continue;
        }
        if (library.papers({*id}).isEmpty()) {
            err() << "gleaner-cli: there is no paper " << *id << "\n";
            allKnown = false;
            continue;
        }
        ids->append(*id);
    }
    return allKnown;
}

QString submitterText(const Submitter &s)
{
    switch (s.kind) {
    case Submitter::Kind::Authors:
        return QStringLiteral("%1 author%2")
            .arg(s.authors)
            .arg(s.authors == 1 ? QString() : QStringLiteral("s"));
    case Submitter::Kind::Organisation:
        return s.organisation;
    case Submitter::Kind::None:
        break;
    }
    return QStringLiteral("-");
}

QString readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll());
}

int cmdImport(Library &library, const QStringList &words)
{
    const Args a = parseArgs(words, {}, {});
    if (!a.error.isEmpty())
        return usageError(a.error);
    if (a.positional.isEmpty())
        return usageError(QStringLiteral("import needs at least one PATH (or - for stdin)"));
    Importer importer(library);
    ImportReport report;
    for (const QString &path : a.positional) {
        ImportReport one;
        if (path == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return usageError(QStringLiteral("cannot read standard input"));
            one = importer.importData(in.readAll(), QStringLiteral("(stdin)"));
        } else {
            one = importer.importPaths({path});
        }
        report.add(one);
        if (!one.error.isEmpty())
            break;
    }
    for (const ImportProblem &p : std::as_const(report.rejected))
        err() << "skipped " << p.toString() << "\n";
    for (const ImportProblem &p : std::as_const(report.damaged))
        err() << "damaged " << p.toString() << "\n";
    for (const QString &ignored : std::as_const(report.ignored))
        err() << "ignored " << ignored << "\n";
    if (!report.error.isEmpty()) {
        err() << "gleaner-cli: " << report.error << "\n";
        return Rejected;
    }
    out() << "Imported: " << report.summary() << "\n";
    return report.hasRejections() ? Rejected : Ok;
}

int cmdSearch(Library &library, const QStringList &words)
{
    const Args a = parseArgs(words, {QStringLiteral("--json")},
                             {QStringLiteral("--sort"), QStringLiteral("--limit")});
    if (!a.error.isEmpty())
        return usageError(a.error);
    SearchRequest request;
    request.query = a.positional.join(QLatin1Char(' '));
    if (a.options.contains(QStringLiteral("sort"))) {
        const auto sort = sortOrderFromName(a.options.value(QStringLiteral("sort")));
        if (!sort)
            return usageError(QStringLiteral("--sort takes relevance, published, upvotes, "
                                             "digest or title"));
        request.sort = *sort;
    }
    if (a.options.contains(QStringLiteral("limit"))) {
        bool ok = false;
        request.limit = a.options.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || request.limit < 0)
            return usageError(QStringLiteral("--limit takes a number of papers"));
    }
    const SearchResult result = library.search(request);
    if (!result.ok) {
        err() << "gleaner-cli: " << result.error << "\n";
        return Rejected;
    }
    const QList<Paper> papers = library.papers(result.ids, a.has("json"));
    if (a.has("json")) {
        QJsonArray array;
        for (const Paper &p : papers)
            array.append(paperToJson(p));
        printJson(array);
        return Ok;
    }
    for (const Paper &p : papers) {
        out() << qSetFieldWidth(7) << Qt::right << p.id << qSetFieldWidth(0) << "  "
              << (p.starred ? "*" : " ") << (p.read ? " " : "+") << "  " << qSetFieldWidth(10)
              << Qt::left
              << (p.published.isValid() ? p.published.toString(Qt::ISODate) : QStringLiteral("-"))
              << qSetFieldWidth(0) << "  " << qSetFieldWidth(4) << Qt::right << p.upvotes
              << qSetFieldWidth(0) << "  " << p.title << "\n";
    }
    out() << (result.total == 1 ? QStringLiteral("1 paper")
                                : QStringLiteral("%1 papers").arg(result.total));
    if (result.ids.size() < result.total)
        out() << " (showing " << result.ids.size() << ")";
    out() << "\n";
    return Ok;
}

int cmdShow(Library &library, const QStringList &words)
{
    const Args a = parseArgs(words, {QStringLiteral("--json")}, {});
    if (!a.error.isEmpty())
        return usageError(a.error);
    if (a.positional.size() != 1 || !parseId(a.positional.first()))
        return usageError(QStringLiteral("show takes one paper ID"));
    const auto paper = library.paper(*parseId(a.positional.first()));
    if (!paper) {
        err() << "gleaner-cli: there is no paper " << a.positional.first() << "\n";
        return Rejected;
    }
    if (a.has("json")) {
        printJson(paperToJson(*paper));
        return Ok;
    }
    out() << paper->title << "\n\n";
    out() << "ID:         " << paper->id << "\n";
    out() << "Submitter:  " << submitterText(paper->submitter) << "\n";
    out() << "Published:  "
          << (paper->published.isValid() ? paper->published.toString(Qt::ISODate)
                                         : QStringLiteral("-"))
          << "\n";
    out() << "Upvotes:    " << paper->upvotes << "\n";
    out() << "Starred:    " << (paper->starred ? "yes" : "no") << "\n";
    out() << "Read:       " << (paper->read ? "yes" : "no") << "\n";
    out() << "Tags:       "
          << (paper->tags.isEmpty() ? QStringLiteral("-") : paper->tags.join(QStringLiteral(", ")))
          << "\n";
    for (const Appearance &ap : paper->appearances) {
        out() << "Digest:     "
              << (ap.digestDate.isValid() ? ap.digestDate.toString(Qt::ISODate)
                                          : QStringLiteral("undated"))
              << " #" << ap.position << " (" << ap.upvotes << " upvotes) " << ap.source << "\n";
    }
    out() << "\n" << paper->abstract << "\n";
    if (!paper->note.isEmpty())
        out() << "\nNote (" << paper->noteChanged.toLocalTime().toString(Qt::ISODate) << "):\n"
              << paper->note << "\n";
    return Ok;
}

int cmdDigests(Library &library, const QStringList &words)
{
    const Args a = parseArgs(words, {QStringLiteral("--json")}, {});
    if (!a.error.isEmpty() || !a.positional.isEmpty())
        return usageError(a.error.isEmpty() ? QStringLiteral("digests takes no arguments")
                                            : a.error);
    const QList<DigestInfo> digests = library.digests();
    if (a.has("json")) {
        QJsonArray array;
        for (const DigestInfo &d : digests)
            array.append(digestToJson(d));
        printJson(array);
        return Ok;
    }
    for (const DigestInfo &d : digests) {
        out() << qSetFieldWidth(5) << Qt::right << d.id << qSetFieldWidth(0) << "  "
              << qSetFieldWidth(10) << Qt::left
              << (d.date.isValid() ? d.date.toString(Qt::ISODate) : QStringLiteral("undated"))
              << qSetFieldWidth(0) << "  " << qSetFieldWidth(9) << dateCertaintyName(d.certainty)
              << qSetFieldWidth(0) << "  " << layoutName(d.layout) << "  " << qSetFieldWidth(4)
              << Qt::right << d.entries << qSetFieldWidth(0) << " papers  " << d.unread
              << " unread  " << d.source << "\n";
    }
    out() << digests.size() << (digests.size() == 1 ? " digest\n" : " digests\n");
    return Ok;
}

int cmdRedate(Library &library, const QStringList &words)
{
    if (words.size() != 2 || !parseId(words.at(0)))
        return usageError(QStringLiteral("redate takes a DIGEST_ID and a date (YYYY-MM-DD)"));
    const QDate date = QDate::fromString(words.at(1), Qt::ISODate);
    if (!date.isValid())
        return usageError(QStringLiteral("'%1' is not a date like 2026-01-07").arg(words.at(1)));
    if (!library.setDigestDate(*parseId(words.at(0)), date)) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    return Ok;
}

int cmdRemoveDigest(Library &library, const QStringList &words)
{
    if (words.size() != 1 || !parseId(words.at(0)))
        return usageError(QStringLiteral("remove-digest takes one DIGEST_ID"));
    int removed = 0;
    if (!library.removeDigest(*parseId(words.at(0)), &removed)) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    out() << "Removed the digest and " << removed << " paper(s) no other digest or note kept.\n";
    return Ok;
}

int cmdMark(Library &library, const QString &command, const QStringList &words)
{
    if (words.isEmpty())
        return usageError(QStringLiteral("%1 takes one or more paper IDs").arg(command));
    QList<qint64> ids;
    const bool allKnown = knownPapers(library, words, &ids);
    bool ok = true;
    if (command == QLatin1String("star") || command == QLatin1String("unstar"))
        ok = library.setStarred(ids, command == QLatin1String("star"));
    else
        ok = library.setRead(ids, command == QLatin1String("read"));
    if (!ok) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    return allKnown ? Ok : Rejected;
}

int cmdTag(Library &library, bool add, const QStringList &words)
{
    if (words.size() < 2)
        return usageError(QStringLiteral("%1 takes a paper ID and one or more tags")
                              .arg(add ? QStringLiteral("tag") : QStringLiteral("untag")));
    QList<qint64> ids;
    if (!knownPapers(library, {words.first()}, &ids))
        return Rejected;
    const QStringList tags = words.mid(1);
    if (!(add ? library.addTags(ids, tags) : library.removeTags(ids, tags))) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    return Ok;
}

int cmdTags(Library &library, const QStringList &words)
{
    const Args a = parseArgs(words, {QStringLiteral("--json")}, {});
    if (!a.error.isEmpty())
        return usageError(a.error);
    const QStringList &p = a.positional;
    if (p.isEmpty() || p.first() == QLatin1String("list")) {
        const QList<TagCount> tags = library.tagCounts();
        if (a.has("json")) {
            QJsonArray array;
            for (const TagCount &t : tags)
                array.append(QJsonObject{{QStringLiteral("name"), t.name},
                                         {QStringLiteral("papers"), t.papers}});
            printJson(array);
        } else {
            for (const TagCount &t : tags)
                out() << qSetFieldWidth(6) << Qt::right << t.papers << qSetFieldWidth(0) << "  "
                      << t.name << "\n";
        }
        return Ok;
    }
    bool ok = false;
    if (p.first() == QLatin1String("rename") && p.size() == 3)
        ok = library.renameTag(p.at(1), p.at(2));
    else if (p.first() == QLatin1String("merge") && p.size() == 3)
        ok = library.mergeTags(p.at(1), p.at(2));
    else if (p.first() == QLatin1String("delete") && p.size() == 2)
        ok = library.deleteTag(p.at(1));
    else
        return usageError(QStringLiteral("tags takes: list, rename OLD NEW, merge FROM INTO, or "
                                         "delete NAME"));
    if (!ok) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    return Ok;
}

int cmdNote(Library &library, const QStringList &words)
{
    if (words.size() < 2)
        return usageError(QStringLiteral("note takes a paper ID and a text (- reads stdin)"));
    QList<qint64> ids;
    if (!knownPapers(library, {words.first()}, &ids))
        return Rejected;
    const QString text = words.size() == 2 && words.at(1) == QLatin1String("-")
                             ? readStdin()
                             : words.mid(1).join(QLatin1Char(' '));
    if (!library.setNote(ids.first(), text)) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    return Ok;
}

int cmdStats(Library &library, const QStringList &words)
{
    const Args a = parseArgs(words, {QStringLiteral("--json")}, {});
    if (!a.error.isEmpty() || !a.positional.isEmpty())
        return usageError(a.error.isEmpty() ? QStringLiteral("stats takes no arguments") : a.error);
    const LibraryStats s = library.stats();
    if (a.has("json")) {
        QJsonObject o = statsToJson(s);
        o.insert(QStringLiteral("library"), library.path());
        printJson(o);
        return Ok;
    }
    out() << "Library:     " << library.path() << "\n"
          << "Papers:      " << s.papers << " (" << s.unread << " unread, " << s.starred
          << " starred, " << s.withNotes << " with notes)\n"
          << "Digests:     " << s.digests;
    if (s.firstDigest.isValid())
        out() << " (" << s.firstDigest.toString(Qt::ISODate) << " to "
              << s.lastDigest.toString(Qt::ISODate) << ")";
    out() << "\n"
          << "Appearances: " << s.appearances << "\n"
          << "Tags:        " << s.tags << "\n"
          << "File size:   " << QLocale::c().formattedDataSize(s.fileBytes) << "\n";
    return Ok;
}

bool writeOutput(const QString &path, const QByteArray &bytes, QString *error)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        out().flush();
        QFile stream;
        if (!stream.open(stdout, QIODevice::WriteOnly) || stream.write(bytes) != bytes.size()) {
            *error = QStringLiteral("could not write to standard output");
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int cmdExport(Library &library, QStringList words)
{
    // -o is the one short option, as every exporter on the command line has it.
    for (QString &w : words) {
        if (w == QLatin1String("-o"))
            w = QStringLiteral("--output");
    }
    const Args a =
        parseArgs(words, {QStringLiteral("--no-abstracts"), QStringLiteral("--reverse")},
                  {QStringLiteral("--format"), QStringLiteral("--query"), QStringLiteral("--sort"),
                   QStringLiteral("--output"), QStringLiteral("--title")});
    if (!a.error.isEmpty())
        return usageError(a.error);
    ExportOptions options;
    const QString formatName = a.options.value(QStringLiteral("format"));
    if (formatName.isEmpty())
        return usageError(QStringLiteral("export needs --format %1")
                              .arg(exportFormatNames().join(QLatin1Char('|'))));
    const auto format = exportFormatFromName(formatName);
    if (!format)
        return usageError(QStringLiteral("--format takes %1")
                              .arg(exportFormatNames().join(QStringLiteral(", "))));
    options.format = *format;
    options.includeAbstracts = !a.has("no-abstracts");
    options.title = a.options.value(QStringLiteral("title"));
    options.generated = QDateTime::currentDateTimeUtc();

    SearchRequest request;
    QStringList query = a.positional;
    if (a.options.contains(QStringLiteral("query")))
        query.prepend(a.options.value(QStringLiteral("query")));
    request.query = query.join(QLatin1Char(' '));
    request.reverse = a.has("reverse");
    if (a.options.contains(QStringLiteral("sort"))) {
        const auto sort = sortOrderFromName(a.options.value(QStringLiteral("sort")));
        if (!sort)
            return usageError(QStringLiteral("--sort takes relevance, published, upvotes, "
                                             "digest, title or read"));
        request.sort = *sort;
    }
    const SearchResult result = library.search(request);
    if (!result.ok) {
        err() << "gleaner-cli: " << result.error << "\n";
        return Rejected;
    }
    const QList<Paper> papers = library.papers(result.ids, true);
    const QString output = a.options.value(QStringLiteral("output"));
    QString error;
    if (!writeOutput(output, Exporter::exportPapers(papers, options), &error)) {
        err() << "gleaner-cli: " << error << "\n";
        return Rejected;
    }
    if (!output.isEmpty() && output != QLatin1String("-"))
        out() << "Exported " << papers.size() << (papers.size() == 1 ? " paper" : " papers")
              << " as " << exportFormatLabel(options.format) << " to " << output << "\n";
    return Ok;
}

int cmdBackup(Library &library, const QStringList &words)
{
    if (words.size() != 1)
        return usageError(QStringLiteral("backup takes one FILE (- for stdout)"));
    QString error;
    BackupSummary summary;
    const QString &path = words.first();
    if (path == QLatin1String("-")) {
        if (!writeOutput(path, Backup::toJson(library, &summary), &error)) {
            err() << "gleaner-cli: " << error << "\n";
            return Rejected;
        }
        return Ok;
    }
    if (!Backup::write(library, path, &error, &summary)) {
        err() << "gleaner-cli: " << error << "\n";
        return Rejected;
    }
    out() << "Backed up the reader data of " << summary.papers
          << (summary.papers == 1 ? " paper" : " papers") << " and " << summary.savedSearches
          << (summary.savedSearches == 1 ? " saved search" : " saved searches") << " to " << path
          << "\n";
    return Ok;
}

int cmdRestore(Library &library, const QStringList &words)
{
    if (words.size() != 1)
        return usageError(QStringLiteral("restore takes one backup FILE (- for stdin)"));
    RestoreReport report;
    QString error;
    bool ok = false;
    if (words.first() == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return usageError(QStringLiteral("cannot read standard input"));
        ok = Backup::restoreData(library, in.readAll(), &report, &error);
    } else {
        ok = Backup::restore(library, words.first(), &report, &error);
    }
    if (!ok) {
        err() << "gleaner-cli: " << error << "\n";
        return Rejected;
    }
    out() << "Restored: " << report.summary() << "\n";
    for (const QString &title : std::as_const(report.noteConflicts))
        out() << "  both notes kept (the backup's after a separator line): " << title << "\n";
    for (const QString &name : std::as_const(report.renamedSearches))
        out() << "  saved search with a different query kept as: " << name << "\n";
    return Ok;
}

int cmdSnapshot(Library &library, const QStringList &words)
{
    if (words.size() != 1)
        return usageError(QStringLiteral("snapshot takes one FILE"));
    QString error;
    if (!Backup::snapshot(library, words.first(), &error)) {
        err() << "gleaner-cli: " << error << "\n";
        return Rejected;
    }
    out() << "Snapshot of " << library.path() << " written to " << words.first() << "\n";
    return Ok;
}

} // namespace

int run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    QString libraryPath;
    // --library may stand anywhere before or after the command.
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--library")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--library needs a FILE"));
            libraryPath = args.at(i + 1);
            args.remove(i, 2);
            break;
        }
        if (args.at(i).startsWith(QLatin1String("--library="))) {
            libraryPath = args.at(i).mid(10);
            args.remove(i);
            break;
        }
    }
    if (args.isEmpty()) {
        err() << kUsage;
        return Usage;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-v") ||
        command == QLatin1String("version")) {
        out() << "gleaner-cli " << GLEANER_VERSION
              << " (archive backend: " << GLEANER_ARCHIVE_BACKEND << ")\n";
        return Ok;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out() << kUsage;
        return Ok;
    }
    static const QStringList commands = {
        QStringLiteral("import"),   QStringLiteral("search"), QStringLiteral("show"),
        QStringLiteral("digests"),  QStringLiteral("redate"), QStringLiteral("remove-digest"),
        QStringLiteral("star"),     QStringLiteral("unstar"), QStringLiteral("read"),
        QStringLiteral("unread"),   QStringLiteral("tag"),    QStringLiteral("untag"),
        QStringLiteral("tags"),     QStringLiteral("note"),   QStringLiteral("stats"),
        QStringLiteral("export"),   QStringLiteral("backup"), QStringLiteral("restore"),
        QStringLiteral("snapshot"),
    };
    if (!commands.contains(command))
        return usageError(QStringLiteral("unknown command '%1'").arg(command));

    const QString path = libraryPath.isEmpty() ? Library::defaultPath() : libraryPath;
    // Only commands that bring data in may create a library: a mistyped
    // --library must not look like an empty library.
    if (command != QLatin1String("import") && command != QLatin1String("restore") &&
        !QFileInfo::exists(path)) {
        err() << "gleaner-cli: there is no library at " << path
              << "; check --library, or import digests first (gleaner-cli import PATH...)\n";
        return Rejected;
    }
    Library library;
    if (!library.open(path)) {
        err() << "gleaner-cli: " << library.error() << "\n";
        return Rejected;
    }
    if (command == QLatin1String("import"))
        return cmdImport(library, args);
    if (command == QLatin1String("search"))
        return cmdSearch(library, args);
    if (command == QLatin1String("show"))
        return cmdShow(library, args);
    if (command == QLatin1String("digests"))
        return cmdDigests(library, args);
    if (command == QLatin1String("redate"))
        return cmdRedate(library, args);
    if (command == QLatin1String("remove-digest"))
        return cmdRemoveDigest(library, args);
    if (command == QLatin1String("tag") || command == QLatin1String("untag"))
        return cmdTag(library, command == QLatin1String("tag"), args);
    if (command == QLatin1String("tags"))
        return cmdTags(library, args);
    if (command == QLatin1String("note"))
        return cmdNote(library, args);
    if (command == QLatin1String("stats"))
        return cmdStats(library, args);
    if (command == QLatin1String("export"))
        return cmdExport(library, args);
    if (command == QLatin1String("backup"))
        return cmdBackup(library, args);
    if (command == QLatin1String("restore"))
        return cmdRestore(library, args);
    if (command == QLatin1String("snapshot"))
        return cmdSnapshot(library, args);
    return cmdMark(library, command, args);
}

} // namespace gleaner::cli
