#include "exportactions.h"

#include "actioncontext.h"
#include "exportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMainWindow>

namespace gleaner {

void exportPapers(const ActionContext &context, const ExportScopes &scopes)
{
    ExportDialog dialog(context.library(), scopes, context.window());
    dialog.exec();
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
