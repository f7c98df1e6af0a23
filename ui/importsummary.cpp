#include "importsummary.h"

#include <QCoreApplication>
#include <QStringList>

namespace gleaner {

namespace {

// A folder of thousands of stray files must not make a dialog of megabytes.
constexpr qsizetype kMaxDetailLines = 200;

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct ImportSummary
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::ImportSummary)
};

// The project ships no translations, so English plurals are chosen here
// rather than left to "%n file(s)".
QString plural(qsizetype n, const char *one, const char *many)
{
    return (n == 1 ? ImportSummary::tr(one) : ImportSummary::tr(many)).arg(n);
}

void addSection(QStringList &out, const QString &heading, const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    if (!out.isEmpty())
        out << QString();
    out << heading;
    for (qsizetype i = 0; i < lines.size() && i < kMaxDetailLines; ++i)
        out << QStringLiteral("  ") + lines.at(i);
    if (lines.size() > kMaxDetailLines)
        out << QStringLiteral("  ") +
                   ImportSummary::tr("\u2026 and %1 more").arg(lines.size() - kMaxDetailLines);
}

QString problemLine(const ImportProblem &problem)
{
    return problem.line > 0
               ? ImportSummary::tr("%1, line %2: %3")
                     .arg(problem.source, QString::number(problem.line), problem.message)
               : ImportSummary::tr("%1: %2").arg(problem.source, problem.message);
}

// Why the sources that failed were not kept, one line each.
QString failures(const ImportReport &report)
{
    QStringList lines;
    for (const ImportProblem &p : report.failed)
        lines << problemLine(p);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString importStatusLine(const ImportReport &report)
{
    if (!report.failed.isEmpty())
        return ImportSummary::tr("Import failed: %1").arg(problemLine(report.failed.first()));
    if (report.cancelled && report.digestsAdded == 0)
        return ImportSummary::tr("Import cancelled; nothing was added");
    return ImportSummary::tr("Imported: %1").arg(report.summary());
}

QString importHeadline(const ImportReport &report)
{
    if (!report.failed.isEmpty())
        return ImportSummary::tr("The import stopped because of a problem.");
    if (report.cancelled)
        return ImportSummary::tr("The import was cancelled.");
    if (report.digestsAdded > 0)
        return ImportSummary::tr("Imported %1 with %2.")
            .arg(plural(report.digestsAdded, "%1 digest", "%1 digests"),
                 plural(report.papersAdded, "%1 new paper", "%1 new papers"));
    if (report.digestsRepeated > 0 && report.rejected.isEmpty())
        return ImportSummary::tr("These digests are already in your library.");
    return ImportSummary::tr("Nothing was imported.");
}

QString importAdvice(const ImportReport &report)
{
    QStringList parts;
    if (!report.failed.isEmpty()) {
        parts << failures(report);
        parts << (report.digestsAdded > 0
                      ? ImportSummary::tr("What was imported before the problem is kept (%1).")
                            .arg(report.summary())
                      : ImportSummary::tr("Nothing was added to the library."));
        parts << ImportSummary::tr(
            "Once the problem is solved, import the same files again: digests "
            "already in the library are recognised and not added twice.");
        return parts.join(QStringLiteral("\n\n"));
    }
    if (report.cancelled) {
        parts << ImportSummary::tr(
            "Nothing from the file being read when you cancelled was added.");
        if (report.digestsAdded > 0)
            parts << ImportSummary::tr("Files finished before that are kept (%1).")
                         .arg(report.summary());
        parts << ImportSummary::tr(
            "Import the same files again to finish: digests already in the library "
            "are recognised and not added twice.");
        return parts.join(QStringLiteral("\n\n"));
    }
    if (report.digestsAdded == 0 && report.digestsRepeated == 0 && report.files == 0 &&
        report.texts > 0 && !report.rejected.isEmpty()) {
        parts << ImportSummary::tr(
            "The pasted text is not a digest Gleaner can read. Select the whole "
            "\u201c"
            "Daily Papers\u201d page in the browser (Ctrl+A), copy it and paste "
            "again; Show Details gives the reason.");
        return parts.join(QStringLiteral("\n\n"));
    }
    if (report.digestsAdded == 0 && report.digestsRepeated == 0 && !report.rejected.isEmpty()) {
        parts << ImportSummary::tr(
            "No file was a digest Gleaner can read. A digest is the text of a saved "
            "\u201c"
            "Daily Papers\u201d page; Show Details gives the reason for each file.");
        return parts.join(QStringLiteral("\n\n"));
    }
    parts << report.summary() + QLatin1Char('.');
    if (!report.rejected.isEmpty())
        parts << plural(report.rejected.size(),
                        "%1 file was skipped because it is not a digest Gleaner can read; "
                        "Show Details gives the reason.",
                        "%1 files were skipped because they are not digests Gleaner can read; "
                        "Show Details gives the reason for each.");
    if (!report.damaged.isEmpty())
        parts << plural(report.damaged.size(),
                        "%1 entry could not be read and was left out, usually because the "
                        "page was cut off when it was saved; the rest of the digest was "
                        "imported. Show Details gives its line.",
                        "%1 entries could not be read and were left out, usually because the "
                        "page was cut off when it was saved; the rest of those digests was "
                        "imported. Show Details lists them by line.");
    if (!report.ignored.isEmpty())
        parts << plural(report.ignored.size(),
                        "%1 archive member was ignored because it is a link or a special "
                        "file, which Gleaner never reads.",
                        "%1 archive members were ignored because they are links or special "
                        "files, which Gleaner never reads.");
    return parts.join(QStringLiteral("\n\n"));
}

QString importDetails(const ImportReport &report)
{
    QStringList rejected;
    for (const ImportProblem &p : report.rejected)
        rejected << problemLine(p);
    QStringList damaged;
    for (const ImportProblem &p : report.damaged)
        damaged << problemLine(p);

    QStringList failed;
    for (const ImportProblem &p : report.failed)
        failed << problemLine(p);

    QStringList out;
    addSection(out, ImportSummary::tr("Not imported (%1):").arg(report.failed.size()), failed);
    addSection(out, ImportSummary::tr("Files skipped (%1):").arg(report.rejected.size()), rejected);
    addSection(out, ImportSummary::tr("Entries left out (%1):").arg(report.damaged.size()),
               damaged);
    addSection(out, ImportSummary::tr("Archive members ignored (%1):").arg(report.ignored.size()),
               report.ignored);
    return out.join(QLatin1Char('\n'));
}

QMessageBox::Icon importIcon(const ImportReport &report)
{
    if (!report.failed.isEmpty())
        return QMessageBox::Critical;
    if (report.hasRejections() || !report.ignored.isEmpty())
        return QMessageBox::Warning;
    return QMessageBox::Information;
}

bool importNeedsAttention(const ImportReport &report)
{
    return !report.failed.isEmpty() || report.hasRejections();
}

QMessageBox *createImportSummaryBox(const ImportReport &report, QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(ImportSummary::tr("Import"));
    box->setIcon(importIcon(report));
    box->setText(importHeadline(report));
    box->setInformativeText(importAdvice(report));
    box->setDetailedText(importDetails(report));
    box->setStandardButtons(QMessageBox::Ok);
    return box;
}

void showImportSummary(const ImportReport &report, QWidget *parent)
{
    createImportSummaryBox(report, parent)->open();
}

} // namespace gleaner
