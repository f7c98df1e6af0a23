#include "ingest/importer.h"

#include "ingest/digestparser.h"
#include "ingest/sourcewalk.h"
#include "logging.h"
#include "storage/importtransaction.h"
#include "storage/library.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <optional>
#include <vector>

namespace gleaner {

namespace {

constexpr int kMaxArchiveDepth = 3;

// The same digest saved twice, or kept in an archive, hashes the same: line
// ends and a byte-order mark do not count.
QByteArray contentHash(const QByteArray &bytes)
{
    QByteArrayView text(bytes);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    // Hashed as if every CRLF were LF, without a copy of the text.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qsizetype from = 0;
    for (qsizetype cr = text.indexOf("\r\n", from); cr >= 0; cr = text.indexOf("\r\n", from)) {
        hash.addData(text.sliced(from, cr - from));
        from = cr + 1;
    }
    hash.addData(text.sliced(from));
    return hash.result();
}

QByteArray readCapped(QIODevice &device, qint64 expected, qint64 maxSize)
{
    // At most one byte past the cap, so that "too large" can be told from
    // "exactly the cap", whatever the device says its size is: a file can
    // grow while it is read, and a stream has no size.
    const qint64 limit = maxSize + 1;
    QByteArray data = device.read(qBound<qint64>(0, expected, limit));
    constexpr qint64 chunk = qint64(1) << 20;
    while (qint64(data.size()) < limit) {
        const QByteArray more = device.read(qMin(limit - qint64(data.size()), chunk));
        if (more.isEmpty())
            break;
        data += more;
    }
    return data;
}

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 0, QLocale::DataSizeTraditionalFormat);
}

// The ends of the sentences a failed source gets (ImportProblem::message).
QString notImported(const QString &why)
{
    return Importer::tr("was not imported: %1").arg(why);
}

QString notSaved(const QString &why)
{
    return Importer::tr("could not be saved, so nothing of it was kept: %1").arg(why);
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
    texts += other.texts;
    digestsAdded += other.digestsAdded;
    digestsRepeated += other.digestsRepeated;
    entries += other.entries;
    papersAdded += other.papersAdded;
    papersSeenAgain += other.papersSeenAgain;
    readerDataRestored += other.readerDataRestored;
    rejected += other.rejected;
    damaged += other.damaged;
    ignored += other.ignored;
    failed += other.failed;
    cancelled = cancelled || other.cancelled;
    for (const RuleOutcome &rule : other.rules) {
        auto same = std::find_if(rules.begin(), rules.end(),
                                 [&rule](const RuleOutcome &r) { return r.name == rule.name; });
        if (same == rules.end())
            rules << rule;
        else
            same->add(rule);
    }
}

// Singular and plural spelt out: there is no translation catalogue yet to
// turn one %n form into both (the window's issue of plural forms).
QString ImportReport::summary() const
{
    const auto count = [](int n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    QStringList parts;
    parts << count(digestsAdded, tr("1 digest added"), tr("%1 digests added"));
    if (digestsAdded > 0)
        parts.last() += QLatin1Char(' ') + count(papersAdded, tr("(1 new paper, %2 seen again)"),
                                                 tr("(%1 new papers, %2 seen again)"))
                                               .arg(papersSeenAgain);
    if (readerDataRestored > 0)
        parts << count(readerDataRestored, tr("1 paper got its restored reader data back"),
                       tr("%1 papers got their restored reader data back"));
    if (digestsRepeated > 0)
        parts << tr("%1 already imported").arg(digestsRepeated);
    if (!rejected.isEmpty())
        parts << count(int(rejected.size()), tr("1 file skipped"), tr("%1 files skipped"));
    if (!damaged.isEmpty())
        parts << count(int(damaged.size()), tr("1 damaged entry left out"),
                       tr("%1 damaged entries left out"));
    if (!failed.isEmpty())
        parts << count(int(failed.size()), tr("1 source not imported"),
                       tr("%1 sources not imported"));
    if (cancelled)
        parts << tr("cancelled");
    QString text = parts.join(QStringLiteral(", "));
    for (const RuleOutcome &rule : rules)
        text += QStringLiteral("; ") + rule.summary();
    return text;
}

struct Importer::Context
{
    ImportReport report;
    int done = 0;
    int total = -1;     // files of this source
    int before = 0;     // files of the sources before it, for progress
    int grandTotal = 0; // files of all sources
    bool cancelled = false;
    ImportTransaction *tx = nullptr; // the source's, for storeDigest()
};

Importer::Importer(Library &library)
    : m_library(library)
{}

ImportReport Importer::importPaths(const QStringList &paths)
{
    // Every source is walked first, so that progress counts across them all.
    std::vector<std::optional<SourceWalk>> walks;
    int grandTotal = 0;
    for (const QString &path : paths) {
        if (path == StandardInput)
            walks.emplace_back();
        else
            walks.emplace_back(SourceWalk(path));
        grandTotal += walks.back() ? int(walks.back()->files().size()) : 1;
    }

    ImportReport total;
    if (m_progress && !m_progress({0, grandTotal > 0 ? grandTotal : -1, paths.value(0)})) {
        total.cancelled = true;
        return total;
    }
    int before = 0;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        Context ctx;
        ctx.before = before;
        ctx.grandTotal = grandTotal;
        ImportReport one;
        const bool keepGoing = walks[std::size_t(i)]
                                   ? importOneSource(paths.at(i), *walks[std::size_t(i)], ctx, one)
                                   : importStandardInput(one);
        total.add(one);
        if (!keepGoing)
            break;
        before += walks[std::size_t(i)] ? int(walks[std::size_t(i)]->files().size()) : 1;
    }
    return total;
}

bool Importer::importStandardInput(ImportReport &report)
{
    const QString name = QStringLiteral("(stdin)");
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        report.rejected.append({name, 0, tr("could not be read: %1").arg(in.errorString())});
        return true;
    }
    // Standard input may be endless (< /dev/zero).
    const QByteArray data = readCapped(in, 0, m_maxFileSize);
    if (qint64(data.size()) > m_maxFileSize) {
        report.rejected.append(
            {name, 0,
             tr("is more than %1, too large to be a digest; it was not read further")
                 .arg(humanSize(m_maxFileSize))});
        return true;
    }
    report = importData(data, name);
    return report.ok();
}

ImportReport Importer::importData(const QByteArray &data, const QString &sourceName,
                                  const QDateTime &modified)
{
    Context ctx;
    ctx.total = 1;
    ctx.grandTotal = 1;
    ctx.report.texts = 1;
    // Text handed over in memory (a paste, standard input) has the same cap
    // as a file; checked before anything else looks at it.
    if (qint64(data.size()) > m_maxFileSize &&
        !ArchiveReader::looksLikeArchive(data.left(512), sourceName)) {
        ctx.report.rejected.append({sourceName, 0,
                                    tr("is %1, too large to be a digest (the limit is %2)")
                                        .arg(humanSize(data.size()), humanSize(m_maxFileSize))});
        return ctx.report;
    }
    ImportTransaction tx(m_library);
    if (!tx.isActive()) {
        ctx.report.failed.append({sourceName, 0, notImported(tx.errorString())});
        return ctx.report;
    }
    ctx.tx = &tx;
    const bool ok = ArchiveReader::looksLikeArchive(data.left(512), sourceName)
                        ? importArchive(sourceName, {}, &data, modified, 1, ctx)
                        : importDigestBytes(data, sourceName, modified, 0, ctx);
    if (!ok || !runRules(tx, ctx) || !tx.commit()) {
        tx.rollback();
        // Nothing from this text is in the library; say only why.
        ImportReport undone;
        undone.cancelled = ctx.cancelled;
        if (!ctx.cancelled)
            undone.failed.append({sourceName, 0, notSaved(tx.errorString())});
        return undone;
    }
    if (ctx.report.papersAdded > 0)
        m_library.refreshStatistics();
    return ctx.report;
}

ImportReport Importer::importDigest(const Digest &digest, const QByteArray &contentHash,
                                    const QString &source, const QDateTime &imported)
{
    Context ctx;
    ctx.total = 1;
    ImportTransaction tx(m_library);
    if (imported.isValid())
        tx.setImportTime(imported);
    ctx.tx = &tx;
    if (!tx.isActive() || !storeDigest(digest, contentHash, source, ctx) || !tx.commit()) {
        tx.rollback();
        ImportReport undone;
        undone.failed.append({source, 0, notSaved(tx.errorString())});
        return undone;
    }
    ++ctx.report.files;
    return ctx.report;
}

QByteArray Importer::digestHash(const QByteArray &bytes)
{
    return contentHash(bytes);
}

bool Importer::importOneSource(const QString &path, const SourceWalk &walk, Context &ctx,
                               ImportReport &report)
{
    for (const SourceWalk::Refusal &refused : walk.refused())
        report.rejected.append({refused.path, 0, refused.reason});
    const QStringList &files = walk.files();
    if (files.isEmpty())
        return true;
    ctx.total = int(files.size());

    ImportTransaction tx(m_library);
    if (!tx.isActive()) {
        report.failed.append({path, 0, notImported(tx.errorString())});
        return false;
    }
    ctx.tx = &tx;
    bool ok = true;
    for (const QString &file : files) {
        if (!importFile(file, ctx)) {
            ok = false;
            break;
        }
    }
    ok = ok && runRules(tx, ctx) && tx.commit();
    if (!ok) {
        const QString why = tx.errorString();
        tx.rollback();
        // Nothing from this source is in the library; say only why.
        report.cancelled = ctx.cancelled;
        report.files = ctx.report.files;
        if (!ctx.cancelled)
            report.failed.append({path, 0, notSaved(why)});
        qCInfo(lcImport) << "rolled back" << path << why;
        return false;
    }
    ctx.report.rejected = report.rejected + ctx.report.rejected;
    report = ctx.report;
    if (report.papersAdded > 0)
        m_library.refreshStatistics();
    return true;
}

bool Importer::runRules(ImportTransaction &tx, Context &ctx)
{
    const std::optional<QList<RuleOutcome>> outcomes = tx.runRules();
    if (!outcomes)
        return false;
    ctx.report.rules = *outcomes;
    return true;
}

bool Importer::tick(const QString &current, Context &ctx)
{
    ++ctx.done;
    // Archive members are counted as they are read, past the number of
    // files, so from there on the total is not known.
    const bool known = ctx.total >= 0 && ctx.done <= ctx.total;
    if (m_progress && !m_progress({ctx.before + ctx.done, known ? ctx.grandTotal : -1, current})) {
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
    if (!SourceWalk::openRegularFile(file)) {
        const QString reason = SourceWalk::refusal(path);
        ctx.report.rejected.append(
            {path, 0,
             reason.isEmpty() ? tr("could not be read: %1").arg(file.errorString()) : reason});
        return true;
    }
    const QDateTime modified = QFileInfo(path).lastModified();
    const QByteArray head = file.peek(512);
    if (ArchiveReader::looksLikeArchive(head, path)) {
        file.close();
        return importArchive(path, path, nullptr, modified, 1, ctx);
    }
    if (file.size() > m_maxFileSize) {
        ctx.report.rejected.append({path, 0,
                                    tr("is %1, too large to be a digest (the limit is %2)")
                                        .arg(humanSize(file.size()), humanSize(m_maxFileSize))});
        return true;
    }
    return importDigestBytes(readCapped(file, file.size(), m_maxFileSize), path, modified, 0, ctx);
}

bool Importer::importArchive(const QString &label, const QString &path, const QByteArray *data,
                             const QDateTime &modified, int depth, Context &ctx)
{
    if (depth > kMaxArchiveDepth) {
        ctx.report.rejected.append(
            {label, 0,
             tr("is an archive nested too deeply (more than %1 levels)").arg(kMaxArchiveDepth)});
        return true;
    }
    auto reader = ArchiveReader::create(m_limits);
    bool storeFailed = false;
    int members = 0;
    const ArchiveReader::Visitor visit = [&](const ArchiveEntry &entry) {
        const QString source = label + QLatin1Char('/') + entry.path;
        ++members;
        if (!tick(source, ctx))
            return false;
        ++ctx.report.files;
        // A member's own time says when its page was saved; the archive's
        // only when it was packed.
        const QDateTime when = entry.modified.isValid() ? entry.modified : modified;
        if (!importDigestBytes(entry.data, source, when, depth, ctx)) {
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
        ctx.report.rejected.append({label, 0, reader->errorString()});
        return true;
    }
    if (members == 0) {
        // Nothing in it could be a digest; say so, as for any other input
        // that yields none (a gzip of zero bytes reads as an empty tar).
        ctx.report.rejected.append(
            {label, 0,
             reader->skipped().isEmpty()
                 ? tr("holds no file that could be a digest: the archive is empty or "
                      "has only folders")
                 : tr("holds no file that could be a digest: only links, devices or "
                      "other special entries, which are never read")});
    }
    return true;
}

bool Importer::importDigestBytes(const QByteArray &bytes, const QString &source,
                                 const QDateTime &modified, int depth, Context &ctx)
{
    if (depth > 0 && ArchiveReader::looksLikeArchive(bytes.left(512), source))
        return importArchive(source, {}, &bytes, modified, depth + 1, ctx);
    if (bytes.size() > m_maxFileSize) {
        ctx.report.rejected.append({source, 0,
                                    tr("is %1, too large to be a digest (the limit is %2)")
                                        .arg(humanSize(bytes.size()), humanSize(m_maxFileSize))});
        return true;
    }
    ParseOptions options;
    options.fallbackDate = modified.date();
    DigestParser parser(options);
    const std::optional<Digest> digest = parser.parse(QByteArrayView(bytes));
    if (!digest) {
        ctx.report.rejected.append({source, 0, parser.errorString()});
        return true;
    }
    for (const ParseProblem &problem : digest->problems)
        ctx.report.damaged.append({source, problem.line, problem.message});
    return storeDigest(*digest, contentHash(bytes), source, ctx);
}

bool Importer::storeDigest(const Digest &digest, const QByteArray &hash, const QString &source,
                           Context &ctx)
{
    ImportTransaction &tx = *ctx.tx;
    const std::optional<bool> known = tx.hasDigest(hash);
    if (!known)
        return false;
    if (*known) {
        ++ctx.report.digestsRepeated;
        // Importing it again corrects what an older Gleaner could not tell.
        return digest.dateCertainty != DateCertainty::Undated || tx.markUndated(hash);
    }
    const std::optional<qint64> digestId = tx.addDigest(digest, hash, source);
    if (!digestId)
        return false;
    ++ctx.report.digestsAdded;
    ctx.report.entries += int(digest.entries.size());

    int position = 0;
    for (const DigestEntry &e : digest.entries) {
        const std::optional<StoredEntry> stored =
            tx.addEntry(*digestId, ++position, e, digest.date);
        if (!stored)
            return false;
        if (stored->newPaper)
            ++ctx.report.papersAdded;
        else
            ++ctx.report.papersSeenAgain;
        ctx.report.readerDataRestored += stored->readerDataRestored ? 1 : 0;
    }
    return true;
}

} // namespace gleaner
