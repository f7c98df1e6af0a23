// A paper as the library knows it: identity, best-known metadata, the
// reader's own data and where it appeared. Plain data.
#pragma once

#include "model/digest.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace gleaner {

struct Appearance
{
    qint64 digestId = 0;
    QDate digestDate; // invalid when unknown
    QString source;   // the file (or archive member) it was imported from
    int position = 0; // 1-based place in that digest
    int upvotes = 0;  // as shown that day
};

struct Paper
{
    qint64 id = 0;
    QString title;
    QString abstract;
    Submitter submitter;
    QDate published;
    int upvotes = 0; // the highest seen
    bool starred = false;
    bool read = false;
    QStringList tags;
    QString note;
    QDateTime noteChanged; // invalid when there is no note
    QList<Appearance> appearances;
};

} // namespace gleaner
