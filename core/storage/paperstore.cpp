#include "storage/paperstore.h"

#include "model/titlekey.h"
#include "storage/database.h"
#include "storage/highlightstore.h"
#include "storage/sqlvalues_p.h"

namespace gleaner {

PaperStore::PaperStore(Database &db)
    : m_db(db)
{}

QString PaperStore::errorString() const
{
    return m_db.errorString();
}

std::optional<bool> PaperStore::hasDigest(const QByteArray &contentHash)
{
    auto known = m_db.cached("SELECT id FROM digests WHERE content_hash = ?1");
    known.bind(1, contentHash);
    if (known.next())
        return true;
    if (!known.ok())
        return std::nullopt;
    return false;
}

bool PaperStore::markUndated(const QByteArray &contentHash)
{
    auto mark =
        m_db.cached("UPDATE digests SET certainty = ?2 WHERE content_hash = ?1 AND certainty = ?3");
    mark.bind(1, contentHash)
        .bind(2, int(DateCertainty::Undated))
        .bind(3, int(DateCertainty::FileTime));
    return mark.run();
}

std::optional<qint64> PaperStore::addDigest(const Digest &digest, const QByteArray &contentHash,
                                            const QString &source, const QDateTime &imported)
{
    auto insert = m_db.cached(
        "INSERT INTO digests(content_hash, source, date, certainty, layout, entries, imported) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, contentHash).bind(2, source).bind(3, sqlvalues::date(digest.date));
    insert.bind(4, int(digest.dateCertainty)).bind(5, int(digest.layout));
    insert.bind(6, int(digest.entries.size())).bind(7, isoDateTime(imported));
    if (!insert.run())
        return std::nullopt;
    return m_db.lastInsertId();
}

std::optional<KnownPaper> PaperStore::findByKey(const QString &key)
{
    auto find =
        m_db.cached("SELECT id, abstract = '' FROM papers WHERE key_hash = ?1 AND key = ?2");
    find.bind(1, std::int64_t(titleKeyHash(key))).bind(2, key);
    KnownPaper known;
    if (find.next()) {
        known.id = find.int64(0);
        known.lacksAbstract = find.integer(1) != 0;
        return known;
    }
    if (!find.ok())
        return std::nullopt;
    return known;
}

std::optional<qint64> PaperStore::addPaper(const QString &key, const DigestEntry &entry,
                                           const QDate &digestDate, const QDateTime &added)
{
    auto insert =
        m_db.cached("INSERT INTO papers(key, title, abstract, submitter, authors, organisation, "
                    "published, upvotes, last_digest, added, key_hash) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert.bind(1, key).bind(2, entry.title).bind(3, entry.abstract);
    insert.bind(4, sqlvalues::submitterKind(entry.submitter));
    insert.bind(5, sqlvalues::submitterAuthors(entry.submitter));
    insert.bind(6, sqlvalues::submitterOrganisation(entry.submitter));
    insert.bind(7, sqlvalues::date(entry.published)).bind(8, entry.upvotes);
    insert.bind(9, sqlvalues::date(digestDate)).bind(10, isoDateTime(added));
    insert.bind(11, std::int64_t(titleKeyHash(key)));
    if (!insert.run())
        return std::nullopt;
    const qint64 id = m_db.lastInsertId();
    auto index = m_db.cached("INSERT INTO papers_fts(rowid, title, abstract) VALUES (?1, ?2, ?3)");
    if (!index.bind(1, std::int64_t(id)).bind(2, entry.title).bind(3, entry.abstract).run())
        return std::nullopt;
    return id;
}

bool PaperStore::fillIn(const KnownPaper &paper, const DigestEntry &entry, const QDate &digestDate)
{
    auto fill =
        m_db.cached("UPDATE papers SET "
                    "submitter = CASE WHEN submitter = 0 THEN ?2 ELSE submitter END, "
                    "authors = CASE WHEN submitter = 0 THEN ?3 ELSE authors END, "
                    "organisation = CASE WHEN submitter = 0 THEN ?4 ELSE organisation END, "
                    "published = coalesce(published, ?5), "
                    // The highest count seen; an unknown one (NULL) changes nothing.
                    "upvotes = max(coalesce(upvotes, ?6), coalesce(?6, upvotes)), "
                    "last_digest = CASE WHEN ?7 IS NOT NULL AND (last_digest IS NULL OR ?7 > "
                    "last_digest) THEN ?7 ELSE last_digest END "
                    "WHERE id = ?1");
    fill.bind(1, std::int64_t(paper.id)).bind(2, sqlvalues::submitterKind(entry.submitter));
    fill.bind(3, sqlvalues::submitterAuthors(entry.submitter));
    fill.bind(4, sqlvalues::submitterOrganisation(entry.submitter));
    fill.bind(5, sqlvalues::date(entry.published)).bind(6, entry.upvotes);
    fill.bind(7, sqlvalues::date(digestDate));
    if (!fill.run())
        return false;
    if (!paper.lacksAbstract || entry.abstract.isEmpty())
        return true;
    // Through the update trigger, which keeps the index in step.
    auto abstract = m_db.cached("UPDATE papers SET abstract = ?2 WHERE id = ?1");
    if (!abstract.bind(1, std::int64_t(paper.id)).bind(2, entry.abstract).run())
        return false;
    // Highlights restored before the abstract was known were kept detached.
    HighlightStore highlights(m_db);
    if (highlights.reanchor(paper.id))
        return true;
    m_db.setError(highlights.errorString());
    return false;
}

bool PaperStore::addAppearance(qint64 digestId, int position, qint64 paperId,
                               std::optional<int> upvotes)
{
    auto appear = m_db.cached("INSERT INTO appearances(digest_id, position, paper_id, upvotes) "
                              "VALUES (?1, ?2, ?3, ?4)");
    return appear.bind(1, std::int64_t(digestId))
        .bind(2, position)
        .bind(3, std::int64_t(paperId))
        .bind(4, upvotes)
        .run();
}

} // namespace gleaner
