// The annotation pane: star, read state, "Not interested", the reading
// queue, tags, the highlights and the note of the paper in the reader. It
// edits nothing itself; it reports each change with the paper's id so the
// owner can store it. The note is reported within a second of a pause in
// typing, on focus loss, before switching papers and on flushNote(), so
// nothing typed is lost.
#pragma once

#include "model/paper.h"

#include <QColor>
#include <QIcon>
#include <QWidget>

#include <optional>

class QCheckBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QTimer;

namespace gleaner {

class AnnotationPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationPane)

public:
    // The pause in typing after which a note is saved.
    static constexpr int kNoteSaveDelayMs = 800;

    explicit AnnotationPane(QWidget *parent = nullptr);

    // Reports a pending note for the previous paper first.
    void setPaper(const std::optional<Paper> &paper);
    // Updates star, read and tags of the shown paper without touching the
    // note being typed.
    void updateState(const Paper &paper);
    qint64 paperId() const { return m_paperId; }
    void setTagCompletions(const QStringList &tags);
    // The shown paper's highlights, in reading order (after one was made,
    // changed or removed).
    void setHighlights(const QList<Highlight> &highlights);
    // The swatch colour of a highlight colour name, for the pane and menus.
    static QColor highlightColour(const QString &name);
    static QIcon colourSwatch(const QString &name);
    // A colour's name as menus show it ("&Yellow").
    static QString colourLabel(const QString &name);
    // "For you" tag suggestions for the shown paper (rank/ranker.h): each a
    // link to click, which adds the tag; none is ever added by itself.
    void setTagSuggestions(const QStringList &tags);
    QStringList tagSuggestions() const { return m_suggested; }

    // Reports the note now if it has unsaved changes.
    void flushNote();
    bool hasUnsavedNote() const { return m_noteDirty; }

    void focusTagEditor();
    void focusNoteEditor();
    // Shows the paper's note as the library holds it now (a version of it
    // restored from its history), replacing what the editor shows.
    void showStoredNote(const Paper &paper);

Q_SIGNALS:
    void starChanged(qint64 id, bool starred);
    void readChanged(qint64 id, bool read);
    void dismissChanged(qint64 id, bool dismissed);
    void queueChanged(qint64 id, bool queued);
    void tagAdded(qint64 id, const QString &tag);
    void tagRemoved(qint64 id, const QString &tag);
    void noteChanged(qint64 id, const QString &text);
    // The History… button: the earlier versions of the note of paper `id`.
    void noteHistoryRequested(qint64 id);
    // A highlight of the list was clicked: the reader scrolls to it.
    void highlightActivated(qint64 highlightId);
    // Its context menu: a new colour, a new comment (after a dialog), or
    // its removal (after the reader confirmed it).
    void highlightColourChanged(qint64 highlightId, const QString &colour);
    void highlightCommentChanged(qint64 highlightId, const QString &comment);
    void highlightRemoved(qint64 highlightId);
    // Enter after a tag, or Esc in the tag or note editor: the keyboard goes
    // back to the list, so single-key shortcuts work again.
    void editingDone();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showTags(const QStringList &tags);
    void removeSelectedTag();
    void highlightMenu(const QPoint &pos);

    qint64 m_paperId = 0;
    bool m_noteDirty = false;
    QLabel *m_heading = nullptr;
    QCheckBox *m_star = nullptr;
    QCheckBox *m_read = nullptr;
    QCheckBox *m_dismiss = nullptr;
    QCheckBox *m_queue = nullptr;
    QListWidget *m_tagList = nullptr;
    QLineEdit *m_tagEdit = nullptr;
    QLabel *m_suggestions = nullptr;
    QStringList m_suggested;
    QStringListModel *m_completions = nullptr;
    QLabel *m_highlightsLabel = nullptr;
    QListWidget *m_highlights = nullptr;
    QList<Highlight> m_shownHighlights;
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_noteStatus = nullptr;
    QPushButton *m_history = nullptr;
    QTimer *m_saveTimer = nullptr;
};

} // namespace gleaner
