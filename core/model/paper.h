// A paper as the library knows it: identity, best-known metadata, the
// reader's own data and where it appeared. Plain data.
#pragma once

#include "model/digest.h"
#include "model/highlight.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

struct Appearance
{
    qint64 digestId = 0;
    QDate digestDate;           // invalid when unknown, and for an undated digest
    QDate fileDate;             // an undated digest's: the day its file was written
    QString source;             // the file (or archive member) it was imported from
    int position = 0;           // 1-based place in that digest
    std::optional<int> upvotes; // as shown that day; none when the layout shows no upvotes
};

struct Paper
{
    qint64 id = 0;
    QString title;
    QString abstract;
    Submitter submitter;
    QDate published;
    std::optional<int> upvotes; // the highest seen; none when no digest showed a count
    bool starred = false;
    bool read = false;
    bool dismissed = false; // "Not interested"
    bool queued = false;    // in the reading queue
    QStringList tags;
    QString note;
    QDateTime noteChanged; // invalid when there is no note
    QList<Appearance> appearances;
    // Loaded with the appearances (Library::papers(ids, true)), in reading
    // order; light rows have none.
    QList<Highlight> highlights;
    // A summary of the appearances that light rows carry too: how many
    // digests showed the paper, and the first of them by date (undated
    // ones last), where it was new.
    int digestCount = 0;
    qint64 firstDigestId = 0;
    // The "For you" score (rank/ranker.h: the best model's probability);
    // none without a model or features.
    std::optional<double> forYou;
};

} // namespace gleaner
