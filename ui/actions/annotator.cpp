#include "annotator.h"

#include "annotationpane.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QSet>

namespace gleaner {

Annotator::Annotator(Library &library, LibraryEvents &events)
    : m_library(library)
    , m_events(events)
{}

bool Annotator::setStarred(const QList<qint64> &ids, bool starred)
{
    return edit(ids, Edit::Star, starred, {});
}

bool Annotator::setRead(const QList<qint64> &ids, bool read)
{
    return edit(ids, Edit::Read, read, {});
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
    return edit({id}, Edit::Note, !text.trimmed().isEmpty(), text);
}

bool Annotator::write(const QList<qint64> &ids, Edit edit, bool on, const QString &text)
{
    switch (edit) {
    case Edit::Star:
        return m_library.setStarred(ids, on);
    case Edit::Read:
        return m_library.setRead(ids, on);
    case Edit::AddTag:
        return m_library.addTags(ids, {text});
    case Edit::RemoveTag:
        return m_library.removeTags(ids, {text});
    case Edit::Note:
        return m_library.setNote(ids.value(0), text);
    }
    return false;
}

bool Annotator::edit(const QList<qint64> &ids, Edit edit, bool on, const QString &text)
{
    // The state before the edit says what the edit changes; a paper listed
    // twice counts once.
    const QList<qint64> unique = QSet<qint64>(ids.cbegin(), ids.cend()).values();
    const QList<Paper> before = m_library.papers(unique, edit == Edit::Read);
    if (!write(ids, edit, on, text)) {
        m_error = edit == Edit::Note
                      ? tr("Your note could not be saved: %1").arg(m_library.errorString())
                      : m_library.errorString();
        // The views put back what the library still holds.
        Q_EMIT m_events.paperChanged(ids, {});
        return false;
    }

    CountDelta delta;
    const int sign = on ? 1 : -1;
    const QString tag = Library::cleanTagName(text);
    const QString folded = tag.toCaseFolded();
    for (const Paper &p : before) {
        switch (edit) {
        case Edit::Star:
            if (p.starred != on)
                delta.starred += sign;
            break;
        case Edit::Read:
            if (p.read != on) {
                delta.unread -= sign;
                for (const Appearance &a : p.appearances)
                    delta.digestUnread[a.digestId] -= sign;
            }
            break;
        case Edit::AddTag:
        case Edit::RemoveTag:
            if (p.tags.contains(tag, Qt::CaseInsensitive) != on) {
                delta.tagPapers[folded] += sign;
                delta.tagsEdited = true;
            }
            break;
        case Edit::Note:
            if (p.note.isEmpty() == on)
                delta.withNotes += sign;
            break;
        }
    }
    Q_EMIT m_events.paperChanged(ids, delta);
    return true;
}

void Annotator::follow(AnnotationPane *pane, QObject *receiver, std::function<void(bool)> done)
{
    QObject::connect(pane, &AnnotationPane::starChanged, receiver,
                     [this, done](qint64 id, bool on) { done(setStarred({id}, on)); });
    QObject::connect(pane, &AnnotationPane::readChanged, receiver,
                     [this, done](qint64 id, bool on) { done(setRead({id}, on)); });
    QObject::connect(pane, &AnnotationPane::tagAdded, receiver,
                     [this, done](qint64 id, const QString &tag) { done(addTag({id}, tag)); });
    QObject::connect(pane, &AnnotationPane::tagRemoved, receiver,
                     [this, done](qint64 id, const QString &tag) { done(removeTag({id}, tag)); });
    QObject::connect(pane, &AnnotationPane::noteChanged, receiver,
                     [this, done](qint64 id, const QString &text) { done(setNote(id, text)); });
}

} // namespace gleaner
