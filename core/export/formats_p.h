// Private to export/: one function per format, each in its own file, which
// Exporter dispatches to, and the pieces of a paper's entry that several
// formats print alike.
#pragma once

#include "export/escaping.h"
#include "export/exporter.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gleaner::formats {

QString toMarkdown(const QList<Paper> &papers, const ExportOptions &options);
QString toBibtex(const QList<Paper> &papers, const ExportOptions &options);
QString toBiblatex(const QList<Paper> &papers, const ExportOptions &options);
QString toRis(const QList<Paper> &papers, const ExportOptions &options);
QString toCslJson(const QList<Paper> &papers, const ExportOptions &options);
QString toCsv(const QList<Paper> &papers, const ExportOptions &options);
QString toJson(const QList<Paper> &papers);
QString toHtml(const QList<Paper> &papers, const ExportOptions &options);

// The distinct dates of the digests it appeared in, in order of appearance.
QStringList digestDates(const Paper &paper);
// The submitter in plain words, on one line; empty when none is shown.
QString submitterField(const Submitter &submitter);
// When the note last changed, for people; empty without one.
QString noteTime(const Paper &paper);

// The citation key of a paper a note links to: its key in this export when
// it is among `papers` (keys in their order), else its key on its own.
QString linkedKey(const Paper &target, const QList<Paper> &papers, const QStringList &keys);

// A paper's note for an export, cleaned and trimmed: each [[link]] that
// `linked` resolves written by `link` from the target's citation key, the
// text around the links (and the unresolved ones) through `text`.
QString exportNote(const Paper &paper, const QHash<QString, Paper> &linked,
                   const QList<Paper> &papers, const QStringList &keys,
                   const std::function<QString(const QString &)> &text,
                   const std::function<QString(const QString &)> &link);
// A paper's highlights in Markdown: each passage a quote ("> passage", on
// one line), its comment after it; a passage no longer in the text says so.
// Empty without highlights.
QString markdownHighlights(const Paper &paper);
// The heading of a reading list: its title, "Reading list" without one.
QString listTitle(const ExportOptions &options);
// BibTeX and BibLaTeX alike: one `name = {value}` line of an entry, the
// title in the braces that keep its case, and the fields both flavours
// write the same way (organization, howpublished with the digest dates,
// abstract, keywords), in that order.
QString bibField(const char *name, const QString &value);
// A note in a BibTeX or BibLaTeX field, each resolved link as \cite{key}.
QString bibNote(const Paper &paper, const QList<Paper> &papers, const QStringList &keys,
                const ExportOptions &options, escape::TexText spelling);
QString bibTitle(const Paper &paper, escape::TexText spelling);
QString bibSharedFields(const Paper &paper, const ExportOptions &options, escape::TexText spelling);
// "1 paper", "12 papers".
QString countText(qsizetype papers);
// When the export was made; empty when the options leave it out.
QString generatedText(const ExportOptions &options);

} // namespace gleaner::formats
