// What one import source writes, in one transaction: its digests, their
// entries' papers (found by identity or added), appearances, and the reader
// data a restored backup left waiting for a new paper. Nothing is kept unless
// commit() succeeds, so a failure or a cancel leaves the library as it was.
// A larger page cache for its length: the identity and sort indexes take
// random inserts, and at a million papers they outgrow the everyday cache,
// which made every insert a read from the file.
#pragma once

#include "model/digest.h"
#include "model/rule.h"
#include "storage/database.h"
#include "storage/paperstore.h"
#include "storage/readerdatastore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace gleaner {

class Library;

// What storing one digest entry did.
struct StoredEntry
{
    bool newPaper = false;           // false: a known paper seen again
    bool readerDataRestored = false; // the new paper took waiting reader data
};

class ImportTransaction final
{
    Q_DECLARE_TR_FUNCTIONS(ImportTransaction)

public:
    // Begins at once; see isActive().
    explicit ImportTransaction(Library &library);
    ~ImportTransaction();
    Q_DISABLE_COPY_MOVE(ImportTransaction)

    // False when the transaction could not begin (another writer, a
    // read-only file); errorString() says why.
    bool isActive() const { return m_tx.isActive(); }
    // Gives the new papers their "For you" features and scores against the
    // library's vocabulary and models (storage/rankstore.h), then commits.
    [[nodiscard]] bool commit();
    void rollback();

    // Whether this content is already in the library.
    [[nodiscard]] std::optional<bool> hasDigest(const QByteArray &contentHash);
    // See PaperStore::markUndated().
    [[nodiscard]] bool markUndated(const QByteArray &contentHash);
    // The new digest's id; its entries follow with addEntry().
    [[nodiscard]] std::optional<qint64>
    addDigest(const Digest &digest, const QByteArray &contentHash, const QString &source);
    // The entry at `position` (1-based) of the digest: its paper found by
    // title identity and filled in, or added, and the appearance recorded.
    [[nodiscard]] std::optional<StoredEntry>
    addEntry(qint64 digestId, int position, const DigestEntry &entry, const QDate &digestDate);

    // Runs every rule on the papers this transaction's entries added or saw
    // again (RuleStore::applyAll), before commit(): a rule's actions land
    // with the digest or not at all.
    [[nodiscard]] std::optional<QList<RuleOutcome>> runRules();

    // The time recorded as the digests' and new papers' import time; now
    // unless set (the repair of a library keeps the original times).
    void setImportTime(const QDateTime &time) { m_now = time.toUTC(); }

    QString errorString() const { return m_db.errorString(); }

private:
    Database &m_db;
    Transaction m_tx;
    PaperStore m_papers;
    ReaderDataStore m_readerData;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    Library &m_library;
    QList<qint64> m_papersSeen; // in the order first seen, each once
    QList<qint64> m_papersAdded;
    QSet<qint64> m_seenSet;
};

} // namespace gleaner
