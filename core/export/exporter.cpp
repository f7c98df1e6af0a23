#include "export/exporter.h"

#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"

namespace gleaner {

namespace {

struct FormatInfo
{
    ExportFormat format;
    const char *name;
    const char *suffix;
    const char *label;
};

const FormatInfo kFormats[] = {
    {ExportFormat::Markdown, "md", "md", "Markdown"},
    {ExportFormat::BibTeX, "bibtex", "bib", "BibTeX"},
    {ExportFormat::BibLaTeX, "biblatex", "bib", "BibLaTeX"},
    {ExportFormat::Ris, "ris", "ris", "RIS"},
    {ExportFormat::CslJson, "csljson", "json", "CSL-JSON"},
    {ExportFormat::Csv, "csv", "csv", "CSV"},
    {ExportFormat::Json, "json", "json", "JSON"},
    {ExportFormat::Html, "html", "html", "HTML"},
};

const FormatInfo &info(ExportFormat format)
{
    for (const FormatInfo &f : kFormats) {
        if (f.format == format)
            return f;
    }
    return kFormats[0];
}

} // namespace

QString exportFormatName(ExportFormat format)
{
    return QLatin1String(info(format).name);
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (const FormatInfo &f : kFormats) {
        if (lower == QLatin1String(f.name))
            return f.format;
    }
    if (lower == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (lower == QLatin1String("bib"))
        return ExportFormat::BibTeX;
    if (lower == QLatin1String("csl-json") || lower == QLatin1String("csl"))
        return ExportFormat::CslJson;
    return std::nullopt;
}

QStringList exportFormatNames()
{
    QStringList names;
    for (const FormatInfo &f : kFormats)
        names << QLatin1String(f.name);
    return names;
}

QString exportFormatSuffix(ExportFormat format)
{
    return QLatin1String(info(format).suffix);
}

QString exportFormatLabel(ExportFormat format)
{
    return QLatin1String(info(format).label);
}

QByteArray Exporter::exportPapers(const QList<Paper> &papers, const ExportOptions &options)
{
    switch (options.format) {
    case ExportFormat::Markdown:
        return formats::toMarkdown(papers, options).toUtf8();
    case ExportFormat::BibTeX:
        return formats::toBibtex(papers, options).toUtf8();
    case ExportFormat::BibLaTeX:
        return formats::toBiblatex(papers, options).toUtf8();
    case ExportFormat::Ris:
        return formats::toRis(papers, options).toUtf8();
    case ExportFormat::CslJson:
        return formats::toCslJson(papers, options).toUtf8();
    case ExportFormat::Csv:
        return formats::toCsv(papers, options).toUtf8();
    case ExportFormat::Json:
        return formats::toJson(papers).toUtf8();
    case ExportFormat::Html:
        return formats::toHtml(papers, options).toUtf8();
    }
    return {};
}

QStringList Exporter::citationKeys(const QList<Paper> &papers)
{
    return gleaner::citationKeys(papers);
}

QString Exporter::bibtexText(const QString &text)
{
    return escape::bibtex(text);
}

QString Exporter::biblatexText(const QString &text)
{
    return escape::bibtex(text, escape::TexText::Utf8);
}

QString Exporter::markdownText(const QString &text)
{
    return escape::markdown(text);
}

QString Exporter::htmlText(const QString &text)
{
    return escape::html(text);
}

QString Exporter::csvField(const QString &text)
{
    return escape::csvField(text);
}

} // namespace gleaner
