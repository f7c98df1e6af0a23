#include "exportactions.h"

#include "actioncontext.h"
#include "exportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMainWindow>
#include <QUrl>

namespace gleaner {

void exportPapers(const ActionContext &context, const ExportScopes &scopes)
{
    ExportDialog dialog(context.library(), scopes, context.window());
    dialog.exec();
    // Say where it went, with the way there.
    if (const std::optional<ExportDialog::Saved> saved = dialog.saved()) {
        const QFileInfo where(saved->path);
        const QString folder = where.isDir() ? where.absoluteFilePath() : where.absolutePath();
        context.offer(
            QCoreApplication::translate("ExportActions", "Exported %n paper(s) as %1 to %2.",
                                        nullptr, int(saved->papers))
                .arg(saved->format, QDir::toNativeSeparators(saved->path)),
            QCoreApplication::translate("ExportActions", "Show in Folder"),
            [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); }, 15000);
    }
}

void copyPapersAs(const ActionContext &context, const QList<qint64> &ids, ExportFormat format)
{
    // Ctrl+C in a text field copies its text, not papers.
    if (auto *focus = QApplication::focusWidget();
        focus && (qobject_cast<QLineEdit *>(focus) || focus->inherits("QPlainTextEdit")))
        return;
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ExportDialog::exportText(context.library(), ids, format));
    context.say(QCoreApplication::translate("ExportActions", "Copied %n paper(s) as %1.", nullptr,
                                            int(ids.size()))
                    .arg(exportFormatLabel(format)),
                4000);
}

} // namespace gleaner
