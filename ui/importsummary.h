// Turns an ImportReport into what a person reads: one line for the status
// bar, and a message box whose text says what happened and what to do, with
// every skipped file, damaged entry and ignored archive member in its
// details. The text builders are pure so tests can read them.
#pragma once

#include "ingest/importer.h"

#include <QMessageBox>
#include <QString>

class QWidget;

namespace gleaner {

// For the status bar: ImportReport::summary(), or the error.
QString importStatusLine(const ImportReport &report);
// The message box's main sentence ("Imported 2 digests with 5 new papers.").
QString importHeadline(const ImportReport &report);
// The message box's informative text: the counts and what to do next.
QString importAdvice(const ImportReport &report);
// Every problem, one a line, grouped and introduced; empty when there is none.
QString importDetails(const ImportReport &report);
// Information when all went well, warning when something was left out,
// critical when an error stopped the import.
QMessageBox::Icon importIcon(const ImportReport &report);
// Whether the report deserves a dialog rather than only the status line.
bool importNeedsAttention(const ImportReport &report);

// A message box for the report, not yet shown; deletes itself when closed.
QMessageBox *createImportSummaryBox(const ImportReport &report, QWidget *parent);
// Opens that box window-modally and returns at once.
void showImportSummary(const ImportReport &report, QWidget *parent);

} // namespace gleaner
