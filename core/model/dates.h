// How dates and times are written wherever Gleaner stores or exchanges them:
// the library file, backups, JSON and the exports. One spelling everywhere
// keeps stored text comparable (ISO text sorts like the time it names) and
// lets a file written by one part be read back by any other.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace gleaner {

// "2026-01-07"; empty for an invalid (unknown) date, which storage keeps as NULL.
[[nodiscard]] QString isoDate(const QDate &date);

// "2026-01-07T09:30:00.000Z": in UTC, with milliseconds, so two changes within
// a second still order correctly. Empty for an invalid time.
[[nodiscard]] QString isoDateTime(const QDateTime &time);

// The current time as isoDateTime() writes it.
[[nodiscard]] QString nowIso();

// "2026-01-07 09:30 UTC": a time for people to read in a file that may travel
// between time zones. Empty for an invalid time.
[[nodiscard]] QString utcMinutes(const QDateTime &time);

} // namespace gleaner
