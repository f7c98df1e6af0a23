// Brings digests into a library: single files, folders (recursive), archives
// (nested ones too) and raw text. Each source given to importPaths() is one
// transaction, so a failure or a cancel leaves the library exactly as it was
// before that source. Files that are not digests are reported with a reason
// and skipped; the rest of the source still comes in. Reader data is never
// touched by an import, except that a new paper picks up the reader data a
// restored backup left waiting for it (backup.h), and that the library's
// rules (storage/rulestore.h) act on the papers the source added or saw
// again, in its transaction, before it commits.
//
// Runs on whatever thread owns the Library it is given; the window gives it a
// Library of its own on a worker thread.
#pragma once

#include "ingest/archive/archivereader.h"
#include "model/digest.h"
#include "model/rule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gleaner {

class Library;
class ImportTransaction;
class SourceWalk;

struct ImportProblem
{
    QString source; // file, or "archive.zip/inner/file.txt"
    int line = 0;   // 1-based, 0 for the whole file
    QString message;

    QString toString() const;
};

struct ImportReport
{
    int files = 0; // candidate files looked at
    int texts = 0; // texts handed over in memory (a paste, standard input)
    int digestsAdded = 0;
    int digestsRepeated = 0; // same content already in the library
    int entries = 0;         // entries in the added digests
    int papersAdded = 0;
    int papersSeenAgain = 0;       // entries whose paper was already known
    int readerDataRestored = 0;    // new papers that picked up restored reader data
    QList<ImportProblem> rejected; // files not imported, with the reason
    QList<ImportProblem> damaged;  // entries skipped inside imported digests
    QStringList ignored;           // archive members skipped (links, devices)
    // Sources that could not be saved, so nothing of them was kept (a full
    // disk, a library another program holds, a damaged library), with why.
    QList<ImportProblem> failed;
    bool cancelled = false;
    // What each rule that matched a paper of the import did, in the order
    // the rules ran (RuleStore::applyAll).
    QList<RuleOutcome> rules;

    // Every source read to its end and saved (files it skipped aside).
    bool ok() const { return failed.isEmpty() && !cancelled; }
    bool hasRejections() const { return !rejected.isEmpty() || !damaged.isEmpty(); }
    void add(const ImportReport &other);
    // A short summary for people: "2 digests added (120 papers, 3 already
    // known), 1 repeat, 1 file skipped".
    QString summary() const;

    Q_DECLARE_TR_FUNCTIONS(ImportReport)
};

struct ImportProgress
{
    int done = 0;   // files handled so far in this import, across all its sources
    int total = -1; // files in all its sources; -1 while unknown (archive members)
    QString current;
};

class Importer final
{
    Q_DECLARE_TR_FUNCTIONS(Importer)

public:
    // Return false to cancel; the current source is then rolled back.
    using ProgressHandler = std::function<bool(const ImportProgress &)>;

    explicit Importer(Library &library);

    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }
    void setArchiveLimits(const ArchiveLimits &limits) { m_limits = limits; }
    // The largest single file read as a digest (default 64 MiB).
    void setMaxFileSize(qint64 bytes) { m_maxFileSize = bytes; }

    // Each path is a file, a folder or an archive; "-" is standard input,
    // read up to the same cap as a file. One transaction per path; a path
    // that fails or is cancelled is rolled back and the rest are not started.
    ImportReport importPaths(const QStringList &paths);
    static constexpr QLatin1String StandardInput{"-"};
    // Raw text (a paste, a dropped page) under a name for reports; refused
    // beyond the file size cap like a file.
    ImportReport importData(const QByteArray &data, const QString &sourceName,
                            const QDateTime &modified = QDateTime::currentDateTime());

    // A digest already parsed, stored as if imported at `imported` (the
    // repair of a damaged library rebuilds its digests with this). One
    // transaction; a digest with the same content hash is a repeat.
    ImportReport importDigest(const Digest &digest, const QByteArray &contentHash,
                              const QString &source, const QDateTime &imported);
    // The hash that identifies a digest's text (line ends and a byte-order
    // mark do not count).
    static QByteArray digestHash(const QByteArray &bytes);

private:
    struct Context;
    bool importOneSource(const QString &path, const SourceWalk &walk, Context &ctx,
                         ImportReport &report);
    bool importStandardInput(ImportReport &report);
    bool importFile(const QString &path, Context &ctx);
    bool importArchive(const QString &label, const QString &path, const QByteArray *data,
                       const QDateTime &modified, int depth, Context &ctx);
    bool importDigestBytes(const QByteArray &bytes, const QString &source,
                           const QDateTime &modified, int depth, Context &ctx);
    bool storeDigest(const Digest &digest, const QByteArray &hash, const QString &source,
                     Context &ctx);
    bool runRules(ImportTransaction &tx, Context &ctx);
    bool tick(const QString &current, Context &ctx);

    Library &m_library;
    ProgressHandler m_progress;
    ArchiveLimits m_limits;
    qint64 m_maxFileSize = qint64(64) << 20;
};

} // namespace gleaner
