// An earlier version of a paper's note, kept so that no text the reader
// typed is lost, not even to a select-all and delete (storage/notehistorystore.h
// says which versions are kept and for how long).
#pragma once

#include <QList>
#include <QString>

namespace gleaner {

struct NoteVersion
{
    QString text;
    QString saved; // when this text was saved as the note, ISO 8601 (model/dates.h)
    // The text just before a large deletion (more than half of it removed,
    // or cleared): never pruned within kPinnedDays of being kept.
    bool pinned = false;

    // A backup's versions are told apart by time and text.
    bool sameAs(const NoteVersion &other) const
    {
        return saved == other.saved && text == other.text;
    }
};

// Newest first.
using NoteHistory = QList<NoteVersion>;

} // namespace gleaner
