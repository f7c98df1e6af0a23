#include "savedsearchactions.h"

#include "actioncontext.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct SavedSearchActions
{
    Q_DECLARE_TR_FUNCTIONS(SavedSearchActions)
};

} // namespace

void saveSearch(const ActionContext &context, const QString &query, const QString &suggestedName)
{
    if (query.isEmpty()) {
        context.say(SavedSearchActions::tr("Type a search first, then save it."), 5000);
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(context.window(), SavedSearchActions::tr("Save Search"),
                              SavedSearchActions::tr("Name for \u201c%1\u201d:").arg(query),
                              QLineEdit::Normal, suggestedName, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (!context.library().saveSearch(name, query))
        context.fail(context.library().errorString());
    Q_EMIT context.events().savedSearchesChanged();
}

void renameSavedSearch(const ActionContext &context, qint64 id, const QString &name)
{
    bool ok = false;
    const QString newName =
        QInputDialog::getText(context.window(), SavedSearchActions::tr("Rename Saved Search"),
                              SavedSearchActions::tr("New name:"), QLineEdit::Normal, name, &ok);
    if (!ok || newName.trimmed().isEmpty())
        return;
    if (!context.library().renameSavedSearch(id, newName))
        context.fail(context.library().errorString());
    Q_EMIT context.events().savedSearchesChanged();
}

void deleteSavedSearch(const ActionContext &context, qint64 id, const QString &name)
{
    if (QMessageBox::question(
            context.window(), SavedSearchActions::tr("Delete Saved Search"),
            SavedSearchActions::tr("Delete the saved search \u201c%1\u201d?").arg(name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!context.library().deleteSavedSearch(id))
        context.fail(context.library().errorString());
    Q_EMIT context.events().savedSearchesChanged();
}

} // namespace gleaner
