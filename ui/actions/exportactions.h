// Exporting papers: the Export dialog, and copying the selection to the
// clipboard as Markdown or BibTeX.
#pragma once

#include "export/exporter.h"

#include <QList>

namespace gleaner {

class ActionContext;
struct ExportScopes;

void exportPapers(const ActionContext &context, const ExportScopes &scopes);
// Nothing while a text field has the focus: Ctrl+C there copies its text.
void copyPapersAs(const ActionContext &context, const QList<qint64> &ids, ExportFormat format);

} // namespace gleaner
