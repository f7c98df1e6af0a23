// export: the papers a query finds, in one of the export formats.
#include "commands.h"
#include "export/exporter.h"
#include "invocation.h"
#include "options.h"
#include "output.h"
#include "storage/library.h"

namespace gleaner::cli {

QList<QCommandLineOption> Commands::exportOptions()
{
    return {
        QCommandLineOption(QStringLiteral("format"),
                           tr("the format: %1").arg(Options::oneOf(exportFormatNames())),
                           tr("FORMAT")),
        QCommandLineOption(QStringLiteral("query"), tr("the query (before the QUERY words)"),
                           tr("QUERY")),
        Options::sort(),
        QCommandLineOption(QStringLiteral("reverse"), tr("the opposite order")),
        QCommandLineOption(QStringLiteral("no-abstracts"), tr("leave the abstracts out")),
        QCommandLineOption(QStringLiteral("title"), tr("the title of the list"), tr("TITLE")),
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           tr("write to FILE instead of standard output"), tr("FILE")),
    };
}

int Commands::exportPapers(Invocation &in, Library &library)
{
    const QString formatName = in.value(QStringLiteral("format"));
    if (formatName.isEmpty())
        return in.usageError(
            tr("export needs --format %1").arg(exportFormatNames().join(QLatin1Char('|'))));
    const auto format = exportFormatFromName(formatName);
    if (!format)
        return in.usageError(tr("--format takes %1").arg(Options::oneOf(exportFormatNames())));
    ExportOptions options;
    options.format = *format;
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
    const QString output = in.value(QStringLiteral("output"));
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
