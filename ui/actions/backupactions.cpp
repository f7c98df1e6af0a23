#include "backupactions.h"

#include "actioncontext.h"
#include "backup/backup.h"
#include "libraryevents.h"
#include "libraryjob.h"
#include "preferences.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>

#include <memory>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct BackupActions
{
    Q_DECLARE_TR_FUNCTIONS(BackupActions)
};

QString backupFolder()
{
    const QString dir = Preferences::lastFolder(Preferences::Folder::Backup);
    return dir.isEmpty() ? QDir::homePath() : dir;
}

// One job at a time: a second request while one runs is refused, with a word.
bool startJob(const ActionContext &context, LibraryJob &job, const QString &description,
              LibraryJob::Work work, LibraryJob::Done done)
{
    if (job.start(description, std::move(work), std::move(done)))
        return true;
    context.say(BackupActions::tr("Wait for the work under way to finish, then try again."), 5000);
    return false;
}

} // namespace

void backUpAnnotations(const ActionContext &context, LibraryJob &job)
{
    const QString suggested = QDir(backupFolder())
                                  .filePath(QStringLiteral("gleaner-annotations-%1.json")
                                                .arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(context.window(), BackupActions::tr("Back Up Annotations"),
                                     suggested, BackupActions::tr("Gleaner backup (*.json)"));
    if (path.isEmpty())
        return;
    Preferences::setLastFolder(Preferences::Folder::Backup, QFileInfo(path).absolutePath());
    auto summary = std::make_shared<BackupSummary>();
    (void)startJob(
        context, job, BackupActions::tr("Backing up the annotations…"),
        [path, summary](Library &library) {
            Backup backup(library);
            const std::optional<BackupSummary> written = backup.write(path);
            if (!written)
                return backup.errorString();
            *summary = *written;
            return QString();
        },
        [context, path, summary](const QString &failure) {
            if (!failure.isEmpty()) {
                QMessageBox::warning(context.window(), BackupActions::tr("Back Up Annotations"),
                                     failure);
                return;
            }
            context.say(BackupActions::tr("Backed up the annotations of %n paper(s) to %1.",
                                          nullptr, summary->papers)
                            .arg(QFileInfo(path).fileName()),
                        8000);
        });
}

void restoreAnnotations(const ActionContext &context, LibraryJob &job)
{
    const QString path = QFileDialog::getOpenFileName(
        context.window(), BackupActions::tr("Restore Annotations"), backupFolder(),
        BackupActions::tr("Gleaner backup (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QMessageBox::question(
            context.window(), BackupActions::tr("Restore Annotations"),
            BackupActions::tr("Merge the stars, read marks, tags, notes and saved searches in "
                              "%1 into this library? Nothing you have is removed: tags are "
                              "added, and where a paper has two different notes both are kept.")
                .arg(QFileInfo(path).fileName()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes) != QMessageBox::Yes)
        return;
    auto report = std::make_shared<RestoreReport>();
    (void)startJob(
        context, job, BackupActions::tr("Restoring the annotations…"),
        [path, report](Library &library) {
            Backup backup(library);
            const std::optional<RestoreReport> restored = backup.restore(path);
            if (!restored)
                return backup.errorString();
            *report = *restored;
            return QString();
        },
        [context, report](const QString &failure) {
            if (!failure.isEmpty()) {
                QMessageBox::warning(context.window(), BackupActions::tr("Restore Annotations"),
                                     failure);
                return;
            }
            QString text = report->summary();
            if (!report->noteConflicts.isEmpty())
                text +=
                    QStringLiteral("\n\n") +
                    BackupActions::tr("These papers now hold both notes, one after the other:") +
                    QStringLiteral("\n\u2022 ") +
                    report->noteConflicts.join(QStringLiteral("\n\u2022 "));
            QMessageBox::information(context.window(), BackupActions::tr("Restore Annotations"),
                                     text);
            Q_EMIT context.events().libraryReplaced();
        });
}

void snapshotLibrary(const ActionContext &context, LibraryJob &job)
{
    const QString path = QFileDialog::getSaveFileName(
        context.window(), BackupActions::tr("Save a Copy of the Library"),
        QDir::home().filePath(QStringLiteral("gleaner-library-%1.sqlite3")
                                  .arg(QDate::currentDate().toString(Qt::ISODate))),
        BackupActions::tr("Gleaner library (*.sqlite3)"));
    if (path.isEmpty())
        return;
    (void)startJob(
        context, job, BackupActions::tr("Saving a copy of the library…"),
        [path](Library &library) {
            Backup backup(library);
            return backup.snapshot(path) ? QString() : backup.errorString();
        },
        [context, path](const QString &failure) {
            if (!failure.isEmpty()) {
                QMessageBox::warning(context.window(),
                                     BackupActions::tr("Save a Copy of the Library"), failure);
                return;
            }
            context.say(BackupActions::tr("Saved a copy of the library to %1.").arg(path), 8000);
        });
}

} // namespace gleaner
