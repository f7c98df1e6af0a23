#include "importactions.h"

#include "actioncontext.h"
#include "preferences.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct ImportActions
{
    Q_DECLARE_TR_FUNCTIONS(ImportActions)
};

} // namespace

QStringList chooseFilesToImport(QWidget *parent)
{
    const QStringList files = QFileDialog::getOpenFileNames(
        parent, ImportActions::tr("Import Digests"),
        Preferences::lastFolder(Preferences::Folder::Import),
        ImportActions::tr(
            "Digests and archives (*.txt *.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tar.xz);;"
            "All files (*)"));
    if (!files.isEmpty())
        Preferences::setLastFolder(Preferences::Folder::Import,
                                   QFileInfo(files.first()).absolutePath());
    return files;
}

QStringList chooseFolderToImport(QWidget *parent)
{
    const QString dir =
        QFileDialog::getExistingDirectory(parent, ImportActions::tr("Import a Folder of Digests"),
                                          Preferences::lastFolder(Preferences::Folder::Import));
    if (dir.isEmpty())
        return {};
    Preferences::setLastFolder(Preferences::Folder::Import, dir);
    return {dir};
}

QByteArray clipboardDigest(const ActionContext &context)
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        context.say(ImportActions::tr("The clipboard holds no text to import."), 5000);
        return {};
    }
    return text.toUtf8();
}

QStringList droppedFiles(const QMimeData *data)
{
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace gleaner
