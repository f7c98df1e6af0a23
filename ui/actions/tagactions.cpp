#include "tagactions.h"

#include "actioncontext.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>

namespace gleaner {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TagActions", text, nullptr, n);
}

} // namespace

void renameTag(const ActionContext &context, const QString &tag)
{
    bool ok = false;
    const QString name = QInputDialog::getText(context.window(), tr("Rename Tag"), tr("New name:"),
                                               QLineEdit::Normal, tag, &ok);
    if (!ok || name.trimmed().isEmpty() || name == tag)
        return;
    if (!context.library().renameTag(tag, name))
        context.fail(context.library().errorString());
    Q_EMIT context.events().tagsChanged();
}

void mergeTag(const ActionContext &context, const QString &tag)
{
    QStringList others;
    for (const TagCount &t : context.library().tagCounts()) {
        if (t.name != tag)
            others << t.name;
    }
    if (others.isEmpty()) {
        context.say(tr("There is no other tag to merge into."), 5000);
        return;
    }
    bool ok = false;
    const QString into =
        QInputDialog::getItem(context.window(), tr("Merge Tag"),
                              tr("Merge \u201c%1\u201d into:").arg(tag), others, 0, false, &ok);
    if (!ok)
        return;
    if (!context.library().mergeTags(tag, into))
        context.fail(context.library().errorString());
    Q_EMIT context.events().tagsChanged();
}

void deleteTag(const ActionContext &context, const QString &tag)
{
    int papers = 0;
    for (const TagCount &t : context.library().tagCounts()) {
        if (t.name == tag)
            papers = t.papers;
    }
    if (QMessageBox::question(context.window(), tr("Delete Tag"),
                              tr("Delete the tag \u201c%1\u201d from %n paper(s)? The papers "
                                 "themselves stay.",
                                 papers)
                                  .arg(tag),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!context.library().deleteTag(tag))
        context.fail(context.library().errorString());
    Q_EMIT context.events().tagsChanged();
}

} // namespace gleaner
