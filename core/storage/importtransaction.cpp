#include "storage/importtransaction.h"

#include "model/titlekey.h"
#include "storage/library.h"
#include "storage/rankstore.h"
#include "storage/rulestore.h"

namespace gleaner {

namespace {

// Set before the transaction begins, so it is in place for every insert:
// a larger cache, and no map, so the pages an import reads count once, in
// the cache its memory budget allows for.
Database &withImportCache(Database &db)
{
    (void)db.exec("PRAGMA cache_size=-131072; PRAGMA mmap_size=0");
    return db;
}

} // namespace

ImportTransaction::ImportTransaction(Library &library)
    : m_db(withImportCache(library.database()))
    , m_tx(m_db)
    , m_papers(m_db)
    , m_readerData(m_db)
    , m_library(library)
{}

ImportTransaction::~ImportTransaction()
{
    rollback();
    Library::useEverydaySettings(m_db);
}

bool ImportTransaction::commit()
{
    if (!m_papersAdded.isEmpty() && m_tx.isActive()) {
        const Vocabulary *vocabulary = m_library.rankVocabulary();
        if (!vocabulary)
            return false;
        RankStore rank(m_db);
        if (!rank.vectorizeMissing(m_papersAdded, vocabulary)) {
            m_db.setError(rank.errorString());
            return false;
        }
    }
    return m_tx.commit();
}

void ImportTransaction::rollback()
{
    m_tx.rollback();
}

std::optional<bool> ImportTransaction::hasDigest(const QByteArray &contentHash)
{
    return m_papers.hasDigest(contentHash);
}

bool ImportTransaction::markUndated(const QByteArray &contentHash)
{
    return m_papers.markUndated(contentHash);
}

std::optional<qint64> ImportTransaction::addDigest(const Digest &digest,
                                                   const QByteArray &contentHash,
                                                   const QString &source)
{
    return m_papers.addDigest(digest, contentHash, source, m_now);
}

std::optional<StoredEntry> ImportTransaction::addEntry(qint64 digestId, int position,
                                                       const DigestEntry &entry,
                                                       const QDate &digestDate)
{
    const QString key = titleKey(entry.title);
    const std::optional<KnownPaper> known = m_papers.findByKey(key);
    if (!known)
        return std::nullopt;
    StoredEntry stored;
    qint64 paperId = known->id;
    if (paperId != 0) {
        if (!m_papers.fillIn(*known, entry, digestDate))
            return std::nullopt;
    } else {
        const std::optional<qint64> added = m_papers.addPaper(key, entry, digestDate, m_now);
        if (!added)
            return std::nullopt;
        paperId = *added;
        stored.newPaper = true;
        m_papersAdded << paperId;
        // Reader data restored from a backup before the paper was known.
        const std::optional<bool> attached = m_readerData.attachPending(paperId, key);
        if (!attached)
            return std::nullopt;
        stored.readerDataRestored = *attached;
    }
    if (!m_papers.addAppearance(digestId, position, paperId, entry.upvotes))
        return std::nullopt;
    if (!m_seenSet.contains(paperId)) {
        m_seenSet.insert(paperId);
        m_papersSeen << paperId;
    }
    return stored;
}

std::optional<QList<RuleOutcome>> ImportTransaction::runRules()
{
    RuleStore rules(m_db);
    std::optional<QList<RuleOutcome>> outcomes = rules.applyAll(m_papersSeen);
    if (!outcomes)
        m_db.setError(rules.errorString());
    return outcomes;
}

} // namespace gleaner
