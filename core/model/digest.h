// The in-memory form of one parsed digest file: what DigestParser produces and
// what the library imports. Plain data, no I/O.
#pragma once

#include "model/submitter.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace gleaner {

// The three layouts described in docs/digest-format.md.
enum class DigestLayout
{
    Detailed, // layout A: spaced blocks with submitter/date/upvote metadata
    Spaced,   // layout B: spaced blocks, title and abstract only
    Compact,  // layout C: no blank lines, title and abstract alternate
};

// How much a digest's date can be trusted.
enum class DateCertainty
{
    Unknown,  // no evidence at all and no fallback
    FileTime, // day and month from the header, the year from the file's modification time
    Derived,  // day and month from the header, year from the capture-year rule
    User,     // set by the user
    // No date of its own (no header date): the date held is the day the
    // file was last written, for ordering, and is shown as the file's date,
    // never as the digest's. (Format 4 libraries stored this as FileTime.)
    Undated,
};

struct DigestEntry
{
    QString title;
    QString abstract;
    Submitter submitter;
    QDate published; // invalid when the entry has no date line
    // From the entry's date line (layout A; a date without a count is 0);
    // none for an entry without one, and in layouts B and C.
    std::optional<int> upvotes;
    int line = 0; // 1-based line of the title in the file
};

// Something wrong with part of a digest that did not stop the rest importing.
struct ParseProblem
{
    int line = 0; // 1-based
    QString message;
};

struct Digest
{
    DigestLayout layout = DigestLayout::Spaced;
    QDate date; // invalid when unknown
    DateCertainty dateCertainty = DateCertainty::Unknown;
    int captureYear = 0; // 0 when unknown
    QList<DigestEntry> entries;
    QList<ParseProblem> problems;
};

QString layoutName(DigestLayout layout); // "A", "B", "C"
QString dateCertaintyName(DateCertainty certainty);

} // namespace gleaner
