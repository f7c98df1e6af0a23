// Finishing a day's digest: marking a whole list or digest read (undoable,
// through the annotator's history), and the "12 of 17 triaged" progress the
// status bar shows for the digest in view.
#pragma once

#include <QLabel>
#include <QList>
#include <QString>

namespace gleaner {

class ActionContext;
class Annotator;
class Library;

// Marks the papers read; more than a few thousand at once are confirmed
// first. The status bar says how many changed and that Ctrl+Z undoes it.
void markAllRead(const ActionContext &context, Annotator &annotator, const QList<qint64> &ids,
                 const QString &listLabel);

// Every paper of the digest, whatever the list shows.
void markDigestRead(const ActionContext &context, Annotator &annotator, qint64 digestId);

// "12 of 17 triaged" for a digest: read, starred, tagged or dismissed papers of all
// its entries. Hidden for views that are not a digest.
class TriageProgress final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriageProgress)

public:
    explicit TriageProgress(QWidget *parent = nullptr);

    // The digest to follow, 0 for none; reads its counts now.
    void follow(Library &library, qint64 digestId);
    // Reads the followed digest's counts again (after an edit).
    void refresh(Library &library);
    qint64 digestId() const { return m_digestId; }

private:
    qint64 m_digestId = 0;
};

} // namespace gleaner
