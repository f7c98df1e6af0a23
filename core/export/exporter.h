// Turns a list of papers into a file another program (or person) can read:
// a Markdown or HTML reading list, BibTeX (ASCII, for classic BibTeX),
// BibLaTeX (UTF-8, for biber), RIS or CSL-JSON for reference
// managers, CSV for spreadsheets, and JSON in the shape of
// `gleaner-cli --json`. Each format escapes what its readers would otherwise
// misread, and the reader's tags and notes travel wherever the format has a
// place for them. Pure functions of their input: the same papers and options
// give the same bytes, so exports can be diffed and tested.
//
// The one entry point of export/: each format is written by a file of its
// own (formats_p.h), with the escaping and citation keys they share in
// escaping.h and citationkeys.h.
#pragma once

#include "model/paper.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

enum class ExportFormat
{
    Markdown,
    BibTeX,
    BibLaTeX,
    Ris,
    CslJson,
    Csv,
    Json,
    Html,
};

// "md", "bibtex", "biblatex", "ris", "csljson", "csv", "json", "html".
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(const QString &name);
QStringList exportFormatNames();
// The usual file suffix without the dot ("md", "bib", "ris", "json", ...).
QString exportFormatSuffix(ExportFormat format);
// A label for people ("BibTeX", "CSL-JSON", ...).
QString exportFormatLabel(ExportFormat format);

struct ExportOptions
{
    ExportFormat format = ExportFormat::Markdown;
    bool includeAbstracts = true; // JSON always carries them: it is the --json shape
    QString title;                // of the list, for Markdown and HTML; empty: "Reading list"
    // Printed in Markdown and HTML; invalid leaves the line out, which keeps
    // an export reproducible byte for byte.
    QDateTime generated;
    // The count Markdown and HTML print, when the papers given are only the
    // start of the list (a preview); 0: the number of papers given.
    qsizetype listSize = 0;
    // The papers notes link to: a [[title words]] link's words as written
    // (model/notelinks.h) to the paper they name (Library::linkedPapers).
    // A resolved link becomes the paper's citation key: [[@key]] in
    // Markdown, \cite{key} in BibTeX and BibLaTeX notes. The others stay as
    // the note has them.
    QHash<QString, Paper> linkedPapers;
};

class Exporter final
{
public:
    // The whole file, UTF-8. Papers come out in the order given.
    static QByteArray exportPapers(const QList<Paper> &papers, const ExportOptions &options);

    // Citation keys for BibTeX, RIS and CSL-JSON, one per paper in order:
    // the first three significant words of the title in camel case and the
    // year, "sparseSpectralTraining2024" (the whole formula is in
    // citationkeys.h).
    static QStringList citationKeys(const QList<Paper> &papers);

    // The escaping each format needs, public for the tests and for copying
    // single fields. bibtexText keeps $...$ math as math when it is safe;
    // it spells the BibTeX flavour (ASCII), biblatexText the BibLaTeX one.
    static QString bibtexText(const QString &text);
    static QString biblatexText(const QString &text);
    static QString markdownText(const QString &text);
    static QString htmlText(const QString &text);
    static QString csvField(const QString &text);
};

} // namespace gleaner
