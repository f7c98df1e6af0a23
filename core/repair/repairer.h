// The way back from a damaged library: a new library rebuilt from what the
// damaged one recorded. Each digest comes back from its rows in the old file
// when they are all readable, else from its file on disk when that is still
// there with the same content, else with the papers that could be read. The
// reader data (stars, read state, tags, notes, saved searches, reader data
// waiting for papers) that can be read is merged in with the backup's rules
// (backup/backup.h), so a paper that lost its digest keeps its note until the
// digest is imported again. The damaged file is kept aside, never deleted.
//
// The repair layer uses ingest (to store digests), backup (to restore reader
// data) and storage (to read the damaged file).
#pragma once

#include "backup/backup.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace gleaner {

struct RepairReport
{
    QString repairedPath; // the new library
    QString damagedPath;  // where the damaged file is kept
    int digests = 0;      // digests recorded in the damaged file and readable
    int fromLibrary = 0;  // of them, rebuilt complete from its rows
    int fromFiles = 0;    // rebuilt from their digest files
    int partial = 0;      // rebuilt with the papers that could be read
    int papers = 0;       // papers in the new library
    int lostEntries = 0;  // entries of partial digests that could not be read
    int unreadableRows = 0;
    int savedSearches = 0;
    RestoreReport readerData;

    // For people, a few lines.
    QString summary() const;
};

class Repairer final
{
    Q_DECLARE_TR_FUNCTIONS(Repairer)

public:
    // (step done, steps in all); steps are digests, then the reader data.
    using ProgressHandler = std::function<void(int done, int total)>;

    explicit Repairer(const QString &damagedPath);

    // Writes the repaired library to `path` (which must not exist) and leaves
    // the damaged file where it is. Without it the damaged file is renamed
    // to FILE.damaged-DATE and the repaired library takes its place.
    void setOutput(const QString &path) { m_output = path; }
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

    std::optional<RepairReport> run();
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);

    QString m_damaged;
    QString m_output;
    ProgressHandler m_progress;
    QString m_error;
};

} // namespace gleaner
