// The earlier versions of a paper's note (storage/notehistorystore.h): a
// list of them, newest first, with when each was saved, its size and first
// line, and the chosen one's full text beside it with how it differs from
// the note now. Restore (or Enter, or a double click) accepts the dialog
// with the chosen version; the caller restores it, which keeps the note
// now as the newest version, so a restore can itself be undone from here.
#pragma once

#include "model/noteversion.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace gleaner {

class NoteHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteHistoryDialog)

public:
    NoteHistoryDialog(const QString &paperTitle, const QString &currentNote,
                      const NoteHistory &versions, QWidget *parent = nullptr);

    // The version to restore, 1 the newest; 0 when none is chosen.
    int chosenVersion() const;
    // Chooses version `number` (1 the newest) as the keyboard or a click would.
    void chooseVersion(int number);

    // How `version` differs from `current`, in a sentence.
    static QString comparison(const QString &version, const QString &current);

private:
    void showChosen();

    QString m_current;
    NoteHistory m_versions;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_comparison = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace gleaner
