// Papers, digests and appearances as an import writes them: the identity
// lookup by title key, a new paper with its full-text row, the metadata a
// later sighting fills in, and the digest rows. Works on any connection it is
// given (the importer's own on its worker thread); the hot statements are
// cached on that connection.
#pragma once

#include "model/digest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace gleaner {

class Database;

// A paper found by its title key; id 0 when the library does not know it.
struct KnownPaper
{
    qint64 id = 0;
    bool lacksAbstract = false;
};

class PaperStore final
{
    Q_DECLARE_TR_FUNCTIONS(PaperStore)

public:
    explicit PaperStore(Database &db);

    // Whether a digest with this content hash is already in the library.
    [[nodiscard]] std::optional<bool> hasDigest(const QByteArray &contentHash);
    // A digest format 4 stored as FileTime that has no date of its own
    // (the parse of the same content says so) becomes Undated.
    [[nodiscard]] bool markUndated(const QByteArray &contentHash);
    // The new digest's id.
    [[nodiscard]] std::optional<qint64> addDigest(const Digest &digest,
                                                  const QByteArray &contentHash,
                                                  const QString &source, const QDateTime &imported);

    // The paper whose titleKey() is `key`.
    [[nodiscard]] std::optional<KnownPaper> findByKey(const QString &key);
    // A new paper for the entry, indexed for search; its id.
    [[nodiscard]] std::optional<qint64> addPaper(const QString &key, const DigestEntry &entry,
                                                 const QDate &digestDate, const QDateTime &added);
    // What an earlier sighting lacked (submitter, date, abstract), the highest
    // upvotes and the latest digest date; never the reader's data.
    [[nodiscard]] bool fillIn(const KnownPaper &paper, const DigestEntry &entry,
                              const QDate &digestDate);
    [[nodiscard]] bool addAppearance(qint64 digestId, int position, qint64 paperId,
                                     std::optional<int> upvotes);

    QString errorString() const;

private:
    Database &m_db;
};

} // namespace gleaner
