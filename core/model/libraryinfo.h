// Plain data the library reports about itself: its digests, tags, saved
// searches and totals. No I/O; the storage layer fills these in.
#pragma once

#include "model/digest.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace gleaner {

// A sample digest (the window's Try Sample Digests) is imported under the
// source "sample: NAME", which marks it as a sample for good: the sidebar
// says so and Remove Sample Digests finds them all.
inline QString sampleSource(const QString &fileName)
{
    return QStringLiteral("sample: ") + fileName;
}
inline bool isSampleSource(const QString &source)
{
    return source.startsWith(QLatin1String("sample: "));
}

struct DigestInfo
{
    qint64 id = 0;
    QDate date;
    DateCertainty certainty = DateCertainty::Unknown;
    DigestLayout layout = DigestLayout::Spaced;
    QString source;
    int entries = 0;
    int unread = 0;
    // Papers the reader has dealt with: read, starred, tagged or dismissed
    // ("Not interested"). The day's
    // progress is "triaged of entries".
    int triaged = 0;
    QDateTime imported;
};

struct TagCount
{
    QString name;
    int papers = 0;
};

struct SavedSearch
{
    qint64 id = 0;
    QString name;
    QString query;
};

struct LibraryStats
{
    int papers = 0;
    int digests = 0;
    int appearances = 0;
    int starred = 0;
    int read = 0;
    int unread = 0;
    int withNotes = 0;
    int dismissed = 0;
    int queued = 0; // papers in the reading queue
    int tags = 0;
    // The first and last digest dates, of the digests that have one: an
    // undated digest's file date is when it was saved, not a digest's day.
    QDate firstDigest;
    QDate lastDigest;
    int undatedDigests = 0;
    qint64 fileBytes = 0;
};

} // namespace gleaner
