// export: the papers a query finds, in one of the export formats, or as a
// folder of notes (--format notes -o DIR) for Obsidian or Logseq.
#include "commands.h"
#include "export/exporter.h"
#include "export/notesfolder.h"
#include "invocation.h"
#include "options.h"
#include "output.h"
#include "storage/library.h"

namespace gleaner::cli {

namespace {

const QString kNotes = QStringLiteral("notes");

QStringList formatNames()
{
    return exportFormatNames() << kNotes;
}

} // namespace

QList<QCommandLineOption> Commands::exportOptions()
{
    return {
        QCommandLineOption(QStringLiteral("format"),
                           tr("the format: %1 (notes: one Markdown file per paper in the folder "
                              "-o names)")
                               .arg(Options::oneOf(formatNames())),
                           tr("FORMAT")),
        QCommandLineOption(QStringLiteral("query"), tr("the query (before the QUERY words)"),
                           tr("QUERY")),
        Options::sort(),
        QCommandLineOption(QStringLiteral("reverse"), tr("the opposite order")),
        QCommandLineOption(QStringLiteral("no-abstracts"), tr("leave the abstracts out")),
        QCommandLineOption(QStringLiteral("title"), tr("the title of the list"), tr("TITLE")),
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           tr("write to FILE instead of standard output"), tr("FILE")),
        QCommandLineOption(QStringLiteral("recreate"),
                           tr("notes: write again the files deleted from the folder")),
    };
}

int Commands::exportPapers(Invocation &in, Library &library)
{
    const QString formatName = in.value(QStringLiteral("format"));
    if (formatName.isEmpty())
        return in.usageError(
            tr("export needs --format %1").arg(formatNames().join(QLatin1Char('|'))));
    const bool notes = formatName.trimmed().toLower() == kNotes;
    const auto format = exportFormatFromName(formatName);
    if (!format && !notes)
        return in.usageError(tr("--format takes %1").arg(Options::oneOf(formatNames())));
    const QString output = in.value(QStringLiteral("output"));
    if (notes && (output.isEmpty() || output == QLatin1String("-")))
        return in.usageError(tr("--format notes needs -o DIR, the folder of notes"));
    if (!notes && in.isSet(QStringLiteral("recreate")))
        return in.usageError(tr("--recreate is for --format notes"));
    ExportOptions options;
    options.format = format.value_or(ExportFormat::Markdown);
    options.includeAbstracts = !in.isSet(QStringLiteral("no-abstracts"));
    options.title = in.value(QStringLiteral("title"));
    options.generated = QDateTime::currentDateTimeUtc();

    SearchRequest request;
    QStringList query = in.words();
    if (in.isSet(QStringLiteral("query")))
        query.prepend(in.value(QStringLiteral("query")));
    request.query = query.join(QLatin1Char(' '));
    request.sort = in.sortOrder();
    request.reverse = in.isSet(QStringLiteral("reverse"));
    const std::optional<SearchResult> result = library.search(request);
    if (!result)
        return in.rejected(library.errorString());
    if (!result->notice.isEmpty())
        err() << "gleaner-cli: " << result->notice << "\n";
    const QList<Paper> papers = library.papers(result->ids, true);
    options.linkedPapers = library.linkedPapers(papers);
    if (notes) {
        NotesFolder folder(output);
        folder.setLinkedPapers(options.linkedPapers);
        const std::optional<NotesReport> report =
            folder.write(papers, in.isSet(QStringLiteral("recreate")));
        if (!report)
            return in.rejected(folder.errorString());
        out() << tr("Notes for %1 papers in %2: %3 written, %4 unchanged")
                     .arg(papers.size())
                     .arg(output)
                     .arg(report->written)
                     .arg(report->unchanged);
        if (!report->skipped.isEmpty())
            out() << tr(", %1 deleted from the folder left out (--recreate writes them again)")
                         .arg(report->skipped.size());
        out() << "\n";
        return Ok;
    }
    if (!in.writeOutput(output, Exporter::exportPapers(papers, options)))
        return Rejected;
    if (!output.isEmpty() && output != QLatin1String("-"))
        out() << (papers.size() == 1 ? tr("Exported 1 paper as %1 to %2")
                                           .arg(exportFormatLabel(options.format), output)
                                     : tr("Exported %1 papers as %2 to %3")
                                           .arg(papers.size())
                                           .arg(exportFormatLabel(options.format), output))
              << "\n";
    return Ok;
}

} // namespace gleaner::cli
