// What to import: the file dialogs, remembering the folder, and the clipboard.
#pragma once

#include <QByteArray>
#include <QStringList>

class QMimeData;
class QWidget;

namespace gleaner {

class ActionContext;

// Digests and archives; empty when the user cancelled.
QStringList chooseFilesToImport(QWidget *parent);
// One folder, or nothing.
QStringList chooseFolderToImport(QWidget *parent);
// The clipboard's text to import as a pasted digest; empty, with a word in
// the status bar, when it holds none.
QByteArray clipboardDigest(const ActionContext &context);
// The local files and folders of a drop; empty when it holds none.
QStringList droppedFiles(const QMimeData *data);

} // namespace gleaner
