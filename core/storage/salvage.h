// Reads what can still be read out of a damaged library, row by row: one
// scan per table, and past a damaged page one lookup per row id, so a bad
// page costs the rows on it and nothing more. Indexes are never trusted
// (they are what damage makes lie); rows come from the tables themselves.
// The file is opened read-only and never changed. Repairer (repair/) builds a
// new library from the result.
#pragma once

#include "model/digest.h"
#include "model/libraryinfo.h"
#include "storage/readerdatastore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

class Database;

struct SalvagedDigest
{
    qint64 id = 0;
    QByteArray contentHash;
    QString source;
    QDate date;
    DateCertainty certainty = DateCertainty::Unknown;
    DigestLayout layout = DigestLayout::Spaced;
    int entries = 0; // as recorded; entries.size() is what could be read
    QDateTime imported;
    QList<DigestEntry> readEntries; // in position order

    bool isComplete() const { return readEntries.size() == entries; }
};

struct SalvagedLibrary
{
    QList<SalvagedDigest> digests;
    QList<ReaderData> readerData;
    QList<SavedSearch> savedSearches;
    QList<Rule> rules;
    int papersRead = 0;
    int unreadableRows = 0; // rows on damaged pages, of every table
};

class Salvage final
{
    Q_DECLARE_TR_FUNCTIONS(Salvage)

public:
    explicit Salvage(const QString &path);

    // Everything readable. Empty when not even the list of tables can be
    // read; errorString() then says why.
    std::optional<SalvagedLibrary> read();
    QString errorString() const { return m_error; }

private:
    QString m_path;
    QString m_error;
};

} // namespace gleaner
