#include "annotator.h"

#include "annotationpane.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QSet>
#include <QUndoCommand>

#include <algorithm>

namespace gleaner {

// One edit as it changed the library: the papers whose state it changed,
// and how. Pushing it does not apply it again (the edit is already written).
class Annotator::HistoryEntry final : public QUndoCommand
{
public:
    HistoryEntry(Annotator &annotator, QList<qint64> changed, Edit edit, bool on, QString tag)
        : QUndoCommand(describe(edit, on, changed.size(), tag))
        , m_annotator(annotator)
        , m_changed(std::move(changed))
        , m_edit(edit)
        , m_on(on)
        , m_tag(std::move(tag))
    {}

    void undo() override
    {
        const Edit back = m_edit == Edit::AddTag      ? Edit::RemoveTag
                          : m_edit == Edit::RemoveTag ? Edit::AddTag
                                                      : m_edit;
        apply(back, !m_on);
    }

    void redo() override
    {
        if (m_written) {
            m_written = false;
            return;
        }
        apply(m_edit, m_on);
    }

private:
    void apply(Edit edit, bool on)
    {
        if (!m_annotator.edit(m_changed, edit, on, m_tag, Record::No) &&
            m_annotator.m_historyFailed)
            m_annotator.m_historyFailed(m_annotator.errorString());
    }

    Annotator &m_annotator;
    const QList<qint64> m_changed;
    const Edit m_edit;
    const bool m_on;
    const QString m_tag;
    bool m_written = true;
};

Annotator::Annotator(Library &library, LibraryEvents &events)
    : m_library(library)
    , m_events(events)
{}

bool Annotator::setStarred(const QList<qint64> &ids, bool starred)
{
    return edit(ids, Edit::Star, starred, {});
}

bool Annotator::setRead(const QList<qint64> &ids, bool read, Record record)
{
    return edit(ids, Edit::Read, read, {}, record);
}

bool Annotator::setDismissed(const QList<qint64> &ids, bool dismissed)
{
    return edit(ids, Edit::Dismiss, dismissed, {});
}

std::optional<bool> Annotator::toggleDismissed(const QList<qint64> &ids)
{
    bool all = true;
    for (const Paper &p : m_library.papers(ids))
        all = all && p.dismissed;
    if (!setDismissed(ids, !all))
        return std::nullopt;
    return !all;
}

bool Annotator::setQueued(const QList<qint64> &ids, bool queued)
{
    return edit(ids, Edit::Queue, queued, {});
}

std::optional<bool> Annotator::toggleQueued(const QList<qint64> &ids)
{
    bool all = true;
    for (const Paper &p : m_library.papers(ids))
        all = all && p.queued;
    if (!setQueued(ids, !all))
        return std::nullopt;
    return !all;
}

bool Annotator::toggleStarred(const QList<qint64> &ids)
{
    bool all = true;
    for (const Paper &p : m_library.papers(ids))
        all = all && p.starred;
    return setStarred(ids, !all);
}

bool Annotator::toggleRead(const QList<qint64> &ids)
{
    bool all = true;
    for (const Paper &p : m_library.papers(ids))
        all = all && p.read;
    return setRead(ids, !all);
}

bool Annotator::addTag(const QList<qint64> &ids, const QString &tag)
{
    return edit(ids, Edit::AddTag, true, tag);
}

bool Annotator::removeTag(const QList<qint64> &ids, const QString &tag)
{
    return edit(ids, Edit::RemoveTag, false, tag);
}

std::optional<bool> Annotator::toggleTag(const QList<qint64> &ids, const QString &tag)
{
    bool allHave = true;
    for (const Paper &p : m_library.papers(ids))
        allHave = allHave && p.tags.contains(tag, Qt::CaseInsensitive);
    if (!(allHave ? removeTag(ids, tag) : addTag(ids, tag)))
        return std::nullopt;
    return !allHave;
}

bool Annotator::setNote(qint64 id, const QString &text)
{
    return edit({id}, Edit::Note, !text.trimmed().isEmpty(), text, Record::No);
}

bool Annotator::restoreNoteVersion(qint64 id, int number)
{
    const QList<Paper> before = m_library.papers({id});
    if (!m_library.restoreNoteVersion(id, number)) {
        m_error = tr("The note could not be restored: %1").arg(m_library.errorString());
        return false;
    }
    CountDelta delta;
    // A version is never empty: a paper without a note has one again.
    if (!before.isEmpty() && before.first().note.isEmpty())
        delta.withNotes = 1;
    Q_EMIT m_events.paperChanged({id}, delta);
    return true;
}

int Annotator::triagedChange(const Paper &before, Edit edit, bool on, const QString &tag)
{
    // Triaged: read, starred, dismissed or tagged (docs: the day's progress).
    const bool was = before.read || before.starred || before.dismissed || !before.tags.isEmpty();
    bool read = before.read;
    bool starred = before.starred;
    bool dismissed = before.dismissed;
    qsizetype tags = before.tags.size();
    const bool hasTag = before.tags.contains(tag, Qt::CaseInsensitive);
    switch (edit) {
    case Edit::Star:
        starred = on;
        break;
    case Edit::Read:
        read = on;
        break;
    case Edit::Dismiss:
        dismissed = on;
        break;
    case Edit::Queue:
        break;
    case Edit::AddTag:
        tags += hasTag ? 0 : 1;
        break;
    case Edit::RemoveTag:
        tags -= hasTag ? 1 : 0;
        break;
    case Edit::Note:
        break;
    }
    const bool is = read || starred || dismissed || tags > 0;
    return int(is) - int(was);
}

QString Annotator::describe(Edit edit, bool on, qsizetype papers, const QString &tag)
{
    const bool one = papers == 1;
    const int n = int(papers);
    switch (edit) {
    case Edit::Star:
        if (on)
            return one ? tr("Star 1 paper") : tr("Star %1 papers").arg(n);
        return one ? tr("Unstar 1 paper") : tr("Unstar %1 papers").arg(n);
    case Edit::Read:
        if (on)
            return one ? tr("Mark 1 paper read") : tr("Mark %1 papers read").arg(n);
        return one ? tr("Mark 1 paper unread") : tr("Mark %1 papers unread").arg(n);
    case Edit::Dismiss:
        if (on)
            return one ? tr("Mark 1 paper not interested")
                       : tr("Mark %1 papers not interested").arg(n);
        return one ? tr("Take \u201cnot interested\u201d off 1 paper")
                   : tr("Take \u201cnot interested\u201d off %1 papers").arg(n);
    case Edit::Queue:
        return on ? tr("Add %n paper(s) to the reading queue", nullptr, n)
                  : tr("Remove %n paper(s) from the reading queue", nullptr, n);
    case Edit::AddTag:
        return one ? tr("Tag 1 paper \u201c%1\u201d").arg(tag)
                   : tr("Tag %1 papers \u201c%2\u201d").arg(n).arg(tag);
    case Edit::RemoveTag:
        return one ? tr("Untag 1 paper \u201c%1\u201d").arg(tag)
                   : tr("Untag %1 papers \u201c%2\u201d").arg(n).arg(tag);
    case Edit::Note:
        break;
    }
    return {};
}

bool Annotator::write(const QList<qint64> &ids, Edit edit, bool on, const QString &text)
{
    switch (edit) {
    case Edit::Star:
        return m_library.setStarred(ids, on);
    case Edit::Read:
        return m_library.setRead(ids, on);
    case Edit::Dismiss:
        return m_library.setDismissed(ids, on);
    case Edit::Queue:
        return on ? m_library.enqueue(ids).has_value() : m_library.dequeue(ids).has_value();
    case Edit::AddTag:
        return m_library.addTags(ids, {text});
    case Edit::RemoveTag:
        return m_library.removeTags(ids, {text});
    case Edit::Note:
        return m_library.setNote(ids.value(0), text);
    }
    return false;
}

bool Annotator::edit(const QList<qint64> &ids, Edit edit, bool on, const QString &text,
                     Record record)
{
    // The state before the edit says what the edit changes; a paper listed
    // twice counts once.
    const QList<qint64> unique = QSet<qint64>(ids.cbegin(), ids.cend()).values();
    // Appearances for every edit but a note's: each digest's triaged count
    // moves with stars, dismissals and tags too.
    const QList<Paper> before = m_library.papers(unique, edit != Edit::Note);
    if (!write(ids, edit, on, text)) {
        m_error = edit == Edit::Note
                      ? tr("Your note could not be saved: %1").arg(m_library.errorString())
                      : m_library.errorString();
        // The views put back what the library still holds.
        Q_EMIT m_events.paperChanged(ids, {});
        return false;
    }

    CountDelta delta;
    QList<qint64> changed;
    const int sign = on ? 1 : -1;
    const QString tag = Library::cleanTagName(text);
    const QString folded = tag.toCaseFolded();
    for (const Paper &p : before) {
        switch (edit) {
        case Edit::Star:
            if (p.starred != on) {
                delta.starred += sign;
                changed << p.id;
            }
            break;
        case Edit::Read:
            if (p.read != on) {
                delta.unread -= sign;
                for (const Appearance &a : p.appearances)
                    delta.digestUnread[a.digestId] -= sign;
                changed << p.id;
            }
            break;
        case Edit::Dismiss:
            if (p.dismissed != on) {
                delta.dismissalsEdited = true;
                changed << p.id;
            }
            break;
        case Edit::Queue:
            if (p.queued != on) {
                delta.queued += sign;
                delta.queueEdited = true;
                changed << p.id;
            }
            break;
        case Edit::AddTag:
        case Edit::RemoveTag:
            if (p.tags.contains(tag, Qt::CaseInsensitive) != on) {
                delta.tagPapers[folded] += sign;
                delta.tagsEdited = true;
                changed << p.id;
            }
            break;
        case Edit::Note:
            if (p.note.isEmpty() == on)
                delta.withNotes += sign;
            break;
        }
        if (const int moved = triagedChange(p, edit, on, tag); moved != 0) {
            for (const Appearance &a : p.appearances)
                delta.digestTriaged[a.digestId] += moved;
        }
    }
    // The queue's order is the order given: an undo or redo keeps it.
    if (edit == Edit::Queue)
        std::sort(changed.begin(), changed.end(),
                  [&ids](qint64 a, qint64 b) { return ids.indexOf(a) < ids.indexOf(b); });
    Q_EMIT m_events.paperChanged(ids, delta);
    if (record == Record::Yes && edit != Edit::Note && !changed.isEmpty())
        m_history.push(new HistoryEntry(*this, std::move(changed), edit, on, tag));
    return true;
}

void Annotator::follow(AnnotationPane *pane, QObject *receiver, std::function<void(bool)> done)
{
    QObject::connect(pane, &AnnotationPane::starChanged, receiver,
                     [this, done](qint64 id, bool on) { done(setStarred({id}, on)); });
    QObject::connect(pane, &AnnotationPane::readChanged, receiver,
                     [this, done](qint64 id, bool on) { done(setRead({id}, on)); });
    QObject::connect(pane, &AnnotationPane::dismissChanged, receiver,
                     [this, done](qint64 id, bool on) { done(setDismissed({id}, on)); });
    QObject::connect(pane, &AnnotationPane::queueChanged, receiver,
                     [this, done](qint64 id, bool on) { done(setQueued({id}, on)); });
    QObject::connect(pane, &AnnotationPane::tagAdded, receiver,
                     [this, done](qint64 id, const QString &tag) { done(addTag({id}, tag)); });
    QObject::connect(pane, &AnnotationPane::tagRemoved, receiver,
                     [this, done](qint64 id, const QString &tag) { done(removeTag({id}, tag)); });
    QObject::connect(pane, &AnnotationPane::noteChanged, receiver,
                     [this, done](qint64 id, const QString &text) { done(setNote(id, text)); });
}

} // namespace gleaner
