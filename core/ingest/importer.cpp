#include "ingest/importer.h"

#include "backup/backup.h"
#include "ingest/digestparser.h"
#include "logging.h"
#include "model/dates.h"
#include "model/titlekey.h"
#include "storage/library.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace gleaner {

namespace {

constexpr int kMaxArchiveDepth = 3;

// The same digest saved twice, or kept in an archive, hashes the same: line
// ends and a byte-order mark do not count.
QByteArray contentHash(const QByteArray &bytes)
{
    QByteArray text = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    text.replace("\r\n", "\n");
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 0, QLocale::DataSizeTraditionalFormat);
}

int submitterKind(const Submitter &s)
{
    switch (s.kind) {
    case Submitter::Kind::Authors:
        return 1;
    case Submitter::Kind::Organisation:
        return 2;
    case Submitter::Kind::None:
        break;
    }
    return 0;
}

} // namespace

QString ImportProblem::toString() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(source).arg(line).arg(message)
                    : QStringLiteral("%1: %2").arg(source, message);
}

void ImportReport::add(const ImportReport &other)
{
    files += other.files;
    digestsAdded += other.digestsAdded;
    digestsRepeated += other.digestsRepeated;
    entries += other.entries;
    papersAdded += other.papersAdded;
    papersSeenAgain += other.papersSeenAgain;
    readerDataRestored += other.readerDataRestored;
    rejected += other.rejected;
    damaged += other.damaged;
    ignored += other.ignored;
    cancelled = cancelled || other.cancelled;
    if (error.isEmpty())
        error = other.error;
}

QString ImportReport::summary() const
{
    QStringList parts;
    parts << (digestsAdded == 1 ? QStringLiteral("1 digest added")
                                : QStringLiteral("%1 digests added").arg(digestsAdded));
    if (digestsAdded > 0)
        parts.last() += QStringLiteral(" (%1 new paper%2, %3 already known)")
                            .arg(papersAdded)
                            .arg(papersAdded == 1 ? QString() : QStringLiteral("s"))
                            .arg(papersSeenAgain);
    if (readerDataRestored > 0)
        parts << (readerDataRestored == 1
                      ? QStringLiteral("1 paper got its restored reader data back")
                      : QStringLiteral("%1 papers got their restored reader data back")
                            .arg(readerDataRestored));
    if (digestsRepeated > 0)
        parts << (digestsRepeated == 1
                      ? QStringLiteral("1 already imported")
                      : QStringLiteral("%1 already imported").arg(digestsRepeated));
    if (!rejected.isEmpty())
        parts << (rejected.size() == 1 ? QStringLiteral("1 file skipped")
                                       : QStringLiteral("%1 files skipped").arg(rejected.size()));
    if (!damaged.isEmpty())
        parts << (damaged.size() == 1
                      ? QStringLiteral("1 damaged entry left out")
                      : QStringLiteral("%1 damaged entries left out").arg(damaged.size()));
    if (cancelled)
        parts << QStringLiteral("cancelled");
    return parts.join(QStringLiteral(", "));
}

// A larger page cache while importing: the identity and sort indexes take
// random inserts, and at a million papers they outgrow the everyday cache,
// which made every insert a read from the file. Bounded so a large import
// stays well within a laptop's memory.
class ImportCache final
{
public:
    explicit ImportCache(Database &db)
        : m_db(db)
    {
        (void)m_db.exec("PRAGMA cache_size=-131072");
    }
    ~ImportCache() { (void)m_db.exec("PRAGMA cache_size=-32768"); }
    Q_DISABLE_COPY_MOVE(ImportCache)

private:
    Database &m_db;
};

struct Importer::Context
{
    ImportReport report;
    int done = 0;
    int total = -1;
    bool cancelled = false;
    QDateTime now = QDateTime::currentDateTimeUtc();
};

Importer::Importer(Library &library)
    : m_library(library)
{}

ImportReport Importer::importPaths(const QStringList &paths)
{
    ImportReport total;
    for (const QString &path : paths) {
        ImportReport one;
        const bool keepGoing = importOneSource(path, one);
        total.add(one);
        if (!keepGoing)
            break;
    }
    return total;
}

ImportReport Importer::importData(const QByteArray &data, const QString &sourceName,
                                  const QDateTime &modified)
{
    Context ctx;
    ctx.total = 1;
    Database &db = m_library.database();
    const ImportCache cache(db);
    Transaction tx(db);
    if (!tx.isActive()) {
        ctx.report.error = QStringLiteral("Could not start the import: ") + db.lastError();
        return ctx.report;
    }
    const bool ok = ArchiveReader::looksLikeArchive(data.left(512), sourceName)
                        ? importArchive(sourceName, {}, &data, modified, 1, ctx)
                        : importDigestBytes(data, sourceName, modified, 0, ctx);
    if (!ok || !tx.commit()) {
        tx.rollback();
        if (ctx.report.error.isEmpty() && !ctx.cancelled)
            ctx.report.error = QStringLiteral("Could not save the import: ") + db.lastError();
        ctx.report.cancelled = ctx.cancelled;
        ImportReport undone;
        undone.cancelled = ctx.report.cancelled;
        undone.error = ctx.report.error;
        return undone;
    }
    if (ctx.report.papersAdded > 0)
        m_library.refreshStatistics();
    return ctx.report;
}

bool Importer::importOneSource(const QString &path, ImportReport &report)
{
    Context ctx;
    const QFileInfo info(path);
    if (!info.exists()) {
        report.rejected.append({path, 0, QStringLiteral("does not exist")});
        return true;
    }

    QStringList files;
    if (info.isDir()) {
        // Sorted, so reports and positions do not depend on the file system.
        QDirIterator it(path, QDir::Files | QDir::NoSymLinks | QDir::Readable,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        std::sort(files.begin(), files.end());
        if (files.isEmpty()) {
            report.rejected.append({path, 0, QStringLiteral("is an empty folder")});
            return true;
        }
    } else {
        files << path;
    }
    ctx.total = int(files.size());

    Database &db = m_library.database();
    const ImportCache cache(db);
    Transaction tx(db);
    if (!tx.isActive()) {
        report.error = QStringLiteral("Could not start the import: ") + db.lastError();
        return false;
    }
    bool ok = true;
    for (const QString &file : std::as_const(files)) {
        if (!importFile(file, ctx)) {
            ok = false;
            break;
        }
    }
    if (ok && !tx.commit()) {
        ctx.report.error =
            QStringLiteral("Could not save the import of %1: %2").arg(path, db.lastError());
        ok = false;
    }
    if (!ok) {
        tx.rollback();
        // Nothing from this source is in the library; say only why.
        report.cancelled = ctx.cancelled;
        report.error = ctx.report.error;
        report.files = ctx.report.files;
        if (!ctx.cancelled && report.error.isEmpty())
            report.error = QStringLiteral("Could not import %1: %2").arg(path, db.lastError());
        qCInfo(lcImport) << "rolled back" << path << report.error;
        return false;
    }
    report = ctx.report;
    if (report.papersAdded > 0)
        m_library.refreshStatistics();
    return true;
}

bool Importer::tick(const QString &current, Context &ctx)
{
    ++ctx.done;
    if (m_progress && !m_progress({ctx.done, ctx.total, current})) {
        ctx.cancelled = true;
        return false;
    }
    return true;
}

bool Importer::importFile(const QString &path, Context &ctx)
{
    if (!tick(path, ctx))
        return false;
    ++ctx.report.files;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.report.rejected.append(
            {path, 0, QStringLiteral("could not be read: %1").arg(file.errorString())});
        return true;
    }
    const QDateTime modified = QFileInfo(file).lastModified();
    const QByteArray head = file.peek(512);
    if (ArchiveReader::looksLikeArchive(head, path)) {
        file.close();
        return importArchive(path, path, nullptr, modified, 1, ctx);
    }
    if (file.size() > m_maxFileSize) {
        ctx.report.rejected.append(
            {path, 0,
             QStringLiteral("is %1, too large to be a digest (the limit is %2)")
                 .arg(humanSize(file.size()), humanSize(m_maxFileSize))});
        return true;
    }
    return importDigestBytes(file.readAll(), path, modified, 0, ctx);
}

bool Importer::importArchive(const QString &label, const QString &path, const QByteArray *data,
                             const QDateTime &modified, int depth, Context &ctx)
{
    if (depth > kMaxArchiveDepth) {
        ctx.report.rejected.append(
            {label, 0,
             QStringLiteral("is an archive nested too deeply (more than %1 levels)")
                 .arg(kMaxArchiveDepth)});
        return true;
    }
    auto reader = ArchiveReader::create(m_limits);
    bool storeFailed = false;
    const ArchiveReader::Visitor visit = [&](const ArchiveEntry &entry) {
        const QString source = label + QLatin1Char('/') + entry.path;
        if (!tick(source, ctx))
            return false;
        ++ctx.report.files;
        if (!importDigestBytes(entry.data, source, modified, depth, ctx)) {
            storeFailed = true;
            return false;
        }
        return true;
    };
    const bool read = data ? reader->readData(*data, label, visit) : reader->readFile(path, visit);
    for (const QString &skipped : reader->skipped())
        ctx.report.ignored << label + QLatin1Char('/') + skipped;
    if (ctx.cancelled || storeFailed)
        return false;
    if (!read) {
        // A damaged or hostile archive: the digests read before the damage
        // stay (as the good entries of a damaged digest do), the rest is
        // reported.
        ctx.report.rejected.append({label, 0, reader->error()});
        return true;
    }
    return true;
}

bool Importer::importDigestBytes(const QByteArray &bytes, const QString &source,
                                 const QDateTime &modified, int depth, Context &ctx)
{
    if (depth > 0 && ArchiveReader::looksLikeArchive(bytes.left(512), source))
        return importArchive(source, {}, &bytes, modified, depth + 1, ctx);
    if (bytes.size() > m_maxFileSize) {
        ctx.report.rejected.append(
            {source, 0,
             QStringLiteral("is %1, too large to be a digest (the limit is %2)")
                 .arg(humanSize(bytes.size()), humanSize(m_maxFileSize))});
        return true;
    }
    ParseOptions options;
    options.fallbackDate = modified.date();
    const ParseResult parsed = parseDigest(QByteArrayView(bytes), options);
    if (!parsed.ok) {
        ctx.report.rejected.append({source, 0, parsed.error});
        return true;
    }
    for (const ParseProblem &problem : parsed.digest.problems)
        ctx.report.damaged.append({source, problem.line, problem.message});
    return storeDigest(parsed.digest, contentHash(bytes), source, ctx);
}

bool Importer::storeDigest(const Digest &digest, const QByteArray &hash, const QString &source,
                           Context &ctx)
{
    Database &db = m_library.database();
    auto known = db.cached("SELECT id FROM digests WHERE content_hash = ?1");
    known.bind(1, hash);
    if (known.next()) {
        ++ctx.report.digestsRepeated;
        return true;
    }
    if (!known.ok())
        return false;

    const QString digestDate = isoDate(digest.date);
    auto insertDigest = db.cached(
        "INSERT INTO digests(content_hash, source, date, certainty, layout, entries, imported) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insertDigest.bind(1, hash).bind(2, source).bind(4, int(digest.dateCertainty));
    insertDigest.bind(5, int(digest.layout)).bind(6, int(digest.entries.size()));
    insertDigest.bind(7, ctx.now.toString(Qt::ISODateWithMs));
    if (digestDate.isEmpty())
        insertDigest.bindNull(3);
    else
        insertDigest.bind(3, digestDate);
    if (!insertDigest.run())
        return false;
    const qint64 digestId = db.lastInsertId();
    ++ctx.report.digestsAdded;
    ctx.report.entries += int(digest.entries.size());
    const QString now = ctx.now.toString(Qt::ISODateWithMs);

    int position = 0;
    for (const DigestEntry &e : digest.entries) {
        ++position;
        const QString key = titleKey(e.title);
        const int kind = submitterKind(e.submitter);
        const QString published = isoDate(e.published);

        const qint64 keyHash = titleKeyHash(key);
        auto find =
            db.cached("SELECT id, abstract = '' FROM papers WHERE key_hash = ?1 AND key = ?2");
        find.bind(1, std::int64_t(keyHash)).bind(2, key);
        qint64 paperId = 0;
        if (find.next()) {
            paperId = find.int64(0);
            const bool lacksAbstract = find.integer(1) != 0;
            ++ctx.report.papersSeenAgain;
            // Fill what the earlier sighting lacked; never touch reader data.
            auto fill =
                db.cached("UPDATE papers SET "
                          "submitter = CASE WHEN submitter = 0 THEN ?2 ELSE submitter END, "
                          "authors = CASE WHEN submitter = 0 THEN ?3 ELSE authors END, "
                          "organisation = CASE WHEN submitter = 0 THEN ?4 ELSE organisation END, "
                          "published = coalesce(published, ?5), "
                          "upvotes = max(upvotes, ?6), "
                          "last_digest = CASE WHEN ?7 IS NOT NULL AND (last_digest IS NULL OR ?7 > "
                          "last_digest) THEN ?7 ELSE last_digest END "
                          "WHERE id = ?1");
            fill.bind(1, std::int64_t(paperId)).bind(2, kind);
            if (kind == 1)
                fill.bind(3, e.submitter.authors);
            else
                fill.bindNull(3);
            if (kind == 2)
                fill.bind(4, e.submitter.organisation);
            else
                fill.bindNull(4);
            if (published.isEmpty())
                fill.bindNull(5);
            else
                fill.bind(5, published);
            fill.bind(6, e.upvotes);
            if (digestDate.isEmpty())
                fill.bindNull(7);
            else
                fill.bind(7, digestDate);
            if (!fill.run())
                return false;
            // Through the update trigger, which keeps the index in step.
            if (lacksAbstract && !e.abstract.isEmpty()) {
                auto abstract = db.cached("UPDATE papers SET abstract = ?2 WHERE id = ?1");
                if (!abstract.bind(1, std::int64_t(paperId)).bind(2, e.abstract).run())
                    return false;
            }
        } else {
            if (!find.ok())
                return false;
            auto insert = db.cached(
                "INSERT INTO papers(key, title, abstract, submitter, authors, organisation, "
                "published, upvotes, last_digest, added, key_hash) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
            insert.bind(1, key).bind(2, e.title).bind(3, e.abstract).bind(4, kind);
            if (kind == 1)
                insert.bind(5, e.submitter.authors);
            else
                insert.bindNull(5);
            if (kind == 2)
                insert.bind(6, e.submitter.organisation);
            else
                insert.bindNull(6);
            if (published.isEmpty())
                insert.bindNull(7);
            else
                insert.bind(7, published);
            insert.bind(8, e.upvotes);
            if (digestDate.isEmpty())
                insert.bindNull(9);
            else
                insert.bind(9, digestDate);
            insert.bind(10, now).bind(11, std::int64_t(keyHash));
            if (!insert.run())
                return false;
            paperId = db.lastInsertId();
            auto index =
                db.cached("INSERT INTO papers_fts(rowid, title, abstract) VALUES (?1, ?2, ?3)");
            if (!index.bind(1, std::int64_t(paperId)).bind(2, e.title).bind(3, e.abstract).run())
                return false;
            // Reader data restored from a backup before the paper was known.
            bool attached = false;
            if (!Backup::attachPending(db, paperId, key, &attached))
                return false;
            ctx.report.readerDataRestored += attached ? 1 : 0;
            ++ctx.report.papersAdded;
        }
        auto appear = db.cached("INSERT INTO appearances(digest_id, position, paper_id, "
                                "upvotes) VALUES (?1, ?2, ?3, ?4)");
        if (!appear.bind(1, std::int64_t(digestId))
                 .bind(2, position)
                 .bind(3, std::int64_t(paperId))
                 .bind(4, e.upvotes)
                 .run())
            return false;
    }
    return true;
}

} // namespace gleaner
