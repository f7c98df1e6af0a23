// gleaner-bench: parse speed, import speed against a minimal FTS5 bulk insert
// (the floor), library size, search latency per query class, and peak RSS, on
// deterministic digests of synthetic text or (--from DIR) of real language
// recombined from the digests in DIR. Prints one Markdown table.
//
//   gleaner-bench [--papers N] [--queries K] [--from DIR] [--dir DIR] [--keep]
//                 [--parse-memory-only]
//   gleaner-bench --library FILE [--papers N] [--queries K] [--each]
//                 (search rows only; with --papers, the synthetic classes of
//                 a library made with that many papers)
// --each prints every query's own time too, to find what a p95 is made of.
#include "corpus.h"
#include "ingest/digestparser.h"
#include "ingest/importer.h"
#include "memory.h"
#include "search/searchquery.h"
#include "storage/library.h"
#include "vocabulary.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <time.h>

using namespace gleaner;
using namespace gleaner::bench;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// The shapes that cost the parser most memory per byte of input: many tiny
// lines (each one a problem), nothing but blank lines, one line that is the
// whole file, the smallest entries a digest can have, and a text that turns
// out not to be UTF-8 at its very end.
QList<std::pair<QString, QByteArray>> worstShapes(qint64 size)
{
    const QByteArray header = "Daily Papers\n\n";
    return {
        {QStringLiteral("short lines"), QByteArray("a\n").repeated(size / 2)},
        {QStringLiteral("blank lines"), QByteArray("x\n") + QByteArray(size - 2, '\n')},
        {QStringLiteral("one huge line"),
         header + "Title\n\n" + QByteArray("word ").repeated(size / 5) + "end."},
        {QStringLiteral("many entries"), header + QByteArray("x\na     .\n").repeated(size / 10)},
        {QStringLiteral("titles only"), header + QByteArray("Title\n").repeated(size / 6)},
        {QStringLiteral("invalid UTF-8 late"), QByteArray("a\n").repeated(size / 2 - 1) + "\xff\n"},
    };
}

// Parser memory over its input: the peak resident set while parsing, less
// what the process held with the input already in memory. "many entries"
// stops at the cap on papers per digest, so it also measures the cap.
void parseMemoryRows(const std::function<void(const QString &, const QString &)> &row)
{
    for (const int mib : {4, 60}) {
        const qint64 size = qint64(mib) << 20;
        for (auto &[name, text] : worstShapes(size)) {
            resetPeakRss();
            const double before = statusMiB("VmRSS:");
            QElapsedTimer timer;
            timer.start();
            DigestParser parser;
            const std::optional<Digest> digest = parser.parse(QByteArrayView(text));
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            const double extra = peakRssMiB() - before;
            const double input = double(text.size()) / double(1 << 20);
            row(QStringLiteral("parse memory: %1, %2 MiB").arg(name).arg(mib),
                QStringLiteral("%1x input (%2 MiB over the input; %3 s, %4 entries, %5)")
                    .arg(extra / input, 0, 'f', 2)
                    .arg(extra, 0, 'f', 1)
                    .arg(seconds, 0, 'f', 2)
                    .arg(digest ? digest->entries.size() : 0)
                    .arg(digest ? QStringLiteral("accepted") : QStringLiteral("refused")));
            text = {};
        }
    }
}

struct Latency
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
    double hits = 0; // mean matches on the first page
};

// This thread's CPU time in milliseconds: on a shared machine a query's
// wall time includes the time it waited for a core, its CPU time does not.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

Latency summarise(QList<double> ms, double hits)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms.at(qMin(ms.size() - 1, qsizetype(q * double(ms.size()))));
    };
    return {at(0.50), at(0.95), ms.last(), hits};
}

// The floor: the same rows into an identical FTS5 table (external content
// over a table of titles and abstracts, same tokenizer and prefixes) with
// nothing else: one transaction, two prepared inserts per row.
double floorSeconds(const QString &path, const QList<std::pair<QString, QString>> &rows)
{
    QFile::remove(path);
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
        "CREATE TABLE p(id INTEGER PRIMARY KEY, title TEXT NOT NULL, abstract TEXT NOT NULL);"
        "CREATE VIRTUAL TABLE f USING fts5(title, abstract, content='p', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');",
        nullptr, nullptr, nullptr);
    QElapsedTimer timer;
    timer.start();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *content = nullptr;
    sqlite3_stmt *index = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO p(id, title, abstract) VALUES (?1, ?2, ?3)", -1, &content,
                       nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO f(rowid, title, abstract) VALUES (?1, ?2, ?3)", -1, &index,
                       nullptr);
    sqlite3_int64 id = 0;
    for (const auto &[title, abstract] : rows) {
        ++id;
        for (sqlite3_stmt *st : {content, index}) {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_text16(st, 2, title.utf16(), int(title.size() * 2), SQLITE_STATIC);
            sqlite3_bind_text16(st, 3, abstract.utf16(), int(abstract.size() * 2), SQLITE_STATIC);
            sqlite3_step(st);
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(content);
    sqlite3_finalize(index);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_close(db);
    return seconds;
}

using Row = std::function<void(const QString &, const QString &)>;

// The search rows: each query class K times with different words, first
// page of 50. The words come from the synthetic corpus's own bands, or
// (synthetic null) from the library's index.
bool searchRows(Library &library, const Corpus *synthetic, int queries, bool each, const Row &row)
{
    struct QueryClass
    {
        const char *name;
        std::function<QString(int)> make;
        bool typing = false;
        bool words = true; // only words: bm25 alone is its baseline, titles its check
    };
    const QStringList filters = {QStringLiteral("is:unread upvotes:>=90"),
                                 QStringLiteral("is:starred"),
                                 QStringLiteral("tag:to-read date:>=2023-06"),
                                 QStringLiteral("authors:>=18"), QStringLiteral("date:2023-03")};
    auto filterOnly = [&](int i) -> QString { return filters.at(i % filters.size()); };
    QList<QueryClass> classes;
    if (synthetic) {
        const QStringList &w = synthetic->words();
        classes = {
            {"rare word", [&](int i) -> QString { return w.at(30000 + i * 37); }},
            {"common word", [&](int i) -> QString { return w.at(i % 5); }},
            {"two words",
             [&](int i) -> QString { return w.at(50 + i) + QLatin1Char(' ') + w.at(400 + i * 7); }},
            {"phrase",
             [&](int i) -> QString {
                 return QLatin1Char('"') +
                        synthetic->phrases().at(i % synthetic->phrases().size()) + QLatin1Char('"');
             }},
            {"short prefix", [&](int i) -> QString { return w.at(i % 40).left(2); }, true, false},
            {"filter only", filterOnly, false, false},
            {"words + filters",
             [&](int i) -> QString {
                 return w.at(100 + i * 3) + QStringLiteral(" upvotes:>=20 date:>=2023-03");
             },
             false, false},
            {"impossible filter",
             [&](int i) -> QString { return QStringLiteral("tag:no-such-tag ") + w.at(i % 5); },
             false, false},
        };
    } else {
        // Real language: the words come from the library's own index.
        const QueryWords qw = queryWords(library.database(), queries);
        if (qw.rare.isEmpty() || qw.common.isEmpty() || qw.pairs.isEmpty()) {
            std::fprintf(stderr, "gleaner-bench: too few words in the library\n");
            return false;
        }
        auto at = [](const QStringList &list, int i) { return list.at(i % list.size()); };
        classes = {
            {"rare word", [=](int i) -> QString { return at(qw.rare, i); }},
            {"common word", [=](int i) -> QString { return at(qw.common, i); }},
            {"two words", [=](int i) -> QString { return at(qw.pairs, i); }},
            {"phrase",
             [=](int i) -> QString {
                 return QLatin1Char('"') + at(qw.pairs, i) + QLatin1Char('"');
             }},
            {"short prefix", [=](int i) -> QString { return at(qw.common, i).left(2); }, true,
             false},
            {"filter only", filterOnly, false, false},
            {"words + filters",
             [=](int i) -> QString {
                 return at(qw.common, i) + QStringLiteral(" upvotes:>=20 date:>=2023-03");
             },
             false, false},
            {"impossible filter",
             [=](int i) -> QString {
                 return QStringLiteral("tag:no-such-tag ") + at(qw.common, i);
             },
             false, false},
        };
    }
    Database &db = library.database();
    // How many of a page's papers carry every word in their title, and how
    // many could: min(page, papers whose titles carry them).
    auto titleCheck = [&](const QString &match, const QList<qint64> &ids, int page) {
        const QString inTitles = QStringLiteral("{title} : (%1)").arg(match);
        Statement all =
            db.prepare("SELECT count(*) FROM (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ?1 "
                       "LIMIT ?2)");
        all.bind(1, inTitles).bind(2, page);
        const int could = all.next() ? all.integer(0) : 0;
        QStringList list;
        for (const qint64 id : ids)
            list << QString::number(id);
        Statement got = db.prepare("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?1 AND "
                                   "rowid IN (SELECT value FROM json_each(?2))");
        got.bind(1, inTitles)
            .bind(2, QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']'));
        return std::pair{got.next() ? got.integer(0) : 0, could};
    };
    // The process's first search reads what every later one shares (the
    // index's structure, the top of each b-tree) from a cold cache: its own
    // row, so the classes below measure searches in a running program.
    {
        SearchRequest first;
        first.query = QStringLiteral("zzqxwarm"); // a word no paper has
        first.limit = 50;
        first.countTotal = false;
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        if (!library.search(first)) {
            std::fprintf(stderr, "gleaner-bench: %s\n", qPrintable(library.errorString()));
            return false;
        }
        row(QStringLiteral("search: the process's first"),
            QStringLiteral("%1 ms (CPU %2 ms; a word no paper has)")
                .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 2)
                .arg(threadCpuMs() - cpuStart, 0, 'f', 2));
    }
    for (const QueryClass &c : classes) {
        QList<double> ms;
        QList<double> cpu;
        QList<double> baseline;
        double hits = 0;
        int ranked = 0;       // every part shown in bm25 order
        int titlesRanked = 0; // the title matches at least
        int inTitle = 0;
        int couldBeInTitle = 0;
        for (int i = 0; i < queries; ++i) {
            SearchRequest request;
            request.query = c.make(i);
            request.limit = 50;
            request.countTotal = false;
            request.prefixLastWord = c.typing;
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            const std::optional<SearchResult> result = library.search(request);
            if (!result) {
                std::fprintf(stderr, "gleaner-bench: %s\n", qPrintable(library.errorString()));
                return false;
            }
            const QList<Paper> page = library.papers(result->ids);
            ms << double(timer.nsecsElapsed()) / 1e6;
            cpu << threadCpuMs() - cpuStart;
            if (each)
                std::fprintf(stderr, "    %s: %s: %.2f ms, CPU %.2f ms\n", c.name,
                             qPrintable(request.query), ms.last(), cpu.last());
            hits += double(page.size());
            ranked += result->ranking == Ranking::Relevance ? 1 : 0;
            titlesRanked += result->ranking != Ranking::TitlesNewestOnly ? 1 : 0;
            if (!c.words)
                continue;
            // The floor: FTS5 ranking the same expression by bm25, alone.
            const QString match = parseQuery(request.query, request.prefixLastWord).match;
            timer.restart();
            Statement floor = db.prepare(
                "SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?1 ORDER BY rank LIMIT 50");
            floor.bind(1, match);
            while (floor.next()) {
            }
            baseline << double(timer.nsecsElapsed()) / 1e6;
            const auto [got, could] = titleCheck(match, result->ids, int(request.limit));
            inTitle += got;
            couldBeInTitle += could;
        }
        const Latency l = summarise(ms, hits / queries);
        const Latency cpuTimes = summarise(cpu, 0);
        QString value = QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms (%4 rows); "
                                       "CPU p50 %5 ms, p95 %6 ms")
                            .arg(l.p50, 0, 'f', 2)
                            .arg(l.p95, 0, 'f', 2)
                            .arg(l.max, 0, 'f', 2)
                            .arg(l.hits, 0, 'f', 0)
                            .arg(cpuTimes.p50, 0, 'f', 2)
                            .arg(cpuTimes.p95, 0, 'f', 2);
        if (c.words || c.typing)
            value += QStringLiteral("; ranked %1/%3, titles ranked %2/%3")
                         .arg(ranked)
                         .arg(titlesRanked)
                         .arg(queries);
        if (c.words) {
            const Latency f = summarise(baseline, 0);
            value += QStringLiteral("; words in title %1/%2; bm25 alone p50 %3 ms, p95 %4 ms")
                         .arg(inTitle)
                         .arg(couldBeInTitle)
                         .arg(f.p50, 0, 'f', 2)
                         .arg(f.p95, 0, 'f', 2);
        }
        row(QStringLiteral("search: %1").arg(QLatin1String(c.name)), value);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int papers = 100000;
    int queries = 40;
    QString dirArg;
    QString fromDir;
    QString existingLibrary;
    bool keep = false;
    bool parseMemoryOnly = false;
    bool papersGiven = false;
    bool each = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--papers") && i + 1 < args.size()) {
            papers = args.at(++i).toInt();
            papersGiven = true;
        } else if (args.at(i) == QLatin1String("--each"))
            each = true;
        else if (args.at(i) == QLatin1String("--queries") && i + 1 < args.size())
            queries = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size())
            dirArg = args.at(++i);
        else if (args.at(i) == QLatin1String("--from") && i + 1 < args.size())
            fromDir = args.at(++i);
        else if (args.at(i) == QLatin1String("--library") && i + 1 < args.size())
            existingLibrary = args.at(++i);
        else if (args.at(i) == QLatin1String("--keep"))
            keep = true;
        else if (args.at(i) == QLatin1String("--parse-memory-only"))
            parseMemoryOnly = true;
        else {
            std::fprintf(stderr,
                         "usage: gleaner-bench [--papers N] [--queries K] [--from DIR] [--dir DIR] "
                         "[--keep] [--parse-memory-only] [--each]\n"
                         "       gleaner-bench --library FILE [--papers N] [--queries K] "
                         "[--each]\n");
            return 2;
        }
    }
    if (papers <= 0 || queries <= 0) {
        std::fprintf(stderr, "gleaner-bench: --papers and --queries take positive numbers\n");
        return 2;
    }
    const QString scratchParent = dirArg.isEmpty() ? QDir::tempPath() : dirArg;
    // --dir names where the scratch folder goes; it may not exist yet.
    QDir().mkpath(scratchParent);
    QTemporaryDir temp(scratchParent + QStringLiteral("/gleaner-bench-XXXXXX"));
    if (!temp.isValid()) {
        std::fprintf(stderr, "gleaner-bench: cannot create a scratch folder in %s: %s\n",
                     qPrintable(scratchParent), qPrintable(temp.errorString()));
        return 1;
    }
    if (keep) {
        temp.setAutoRemove(false);
        std::fprintf(stderr, "keeping %s\n", qPrintable(temp.path()));
    }

    QList<std::pair<QString, QString>> table; // metric, value
    auto row = [&](const QString &metric, const QString &value) {
        table.append({metric, value});
        std::fprintf(stderr, "  %s: %s\n", qPrintable(metric), qPrintable(value));
    };

    auto printTable = [&table] {
        out() << "\n| metric | value |\n|---|---|\n";
        for (const auto &[metric, value] : table)
            out() << "| " << metric << " | " << value << " |\n";
    };
    if (!existingLibrary.isEmpty()) {
        // Only the search rows, on a library made before (--keep), with
        // query words from its own index, or (--papers) from the synthetic
        // corpus it was made of; nothing in it is changed.
        Library library;
        if (!library.open(existingLibrary)) {
            std::fprintf(stderr, "gleaner-bench: %s\n", qPrintable(library.errorString()));
            return 1;
        }
        std::optional<Corpus> synthetic;
        if (papersGiven) {
            synthetic.emplace(papers);
            synthetic->releaseDigests();
        }
        if (!searchRows(library, synthetic ? &*synthetic : nullptr, queries, each, row))
            return 1;
        row(QStringLiteral("peak RSS"),
            QStringLiteral("%1 MiB (%2)").arg(peakRssMiB(), 0, 'f', 0).arg(residentSplit()));
        printTable();
        return 0;
    }

    // First, while the process is small, so the resident set reflects the
    // parser alone.
    parseMemoryRows(row);
    if (parseMemoryOnly) {
        printTable();
        return 0;
    }

    std::optional<RealLanguage> language;
    if (!fromDir.isEmpty()) {
        QString error;
        language = RealLanguage::read(fromDir, &error);
        if (!language) {
            std::fprintf(stderr, "gleaner-bench: %s\n", qPrintable(error));
            return 1;
        }
        row(QStringLiteral("text"),
            QStringLiteral("real language: %1 titles and %2 abstract sentences from %3")
                .arg(language->sourcePapers())
                .arg(language->sentences())
                .arg(fromDir));
    } else {
        row(QStringLiteral("text"), QStringLiteral("synthetic"));
    }
    std::fprintf(stderr, "generating %d papers...\n", papers);
    Corpus corpus = language ? Corpus(papers, *language) : Corpus(papers);
    const QString digestDir = temp.filePath(QStringLiteral("digests"));
    QDir().mkpath(digestDir);
    for (qsizetype i = 0; i < corpus.digests().size(); ++i) {
        QFile f(QStringLiteral("%1/%2.txt").arg(digestDir).arg(i, 6, 10, QLatin1Char('0')));
        if (!f.open(QIODevice::WriteOnly) || f.write(corpus.digests().at(i)) < 0) {
            std::fprintf(stderr, "gleaner-bench: cannot write digests (disk full?)\n");
            return 1;
        }
    }
    const double textMB = double(corpus.textBytes()) / 1e6;
    const qsizetype digestCount = corpus.digests().size();
    row(QStringLiteral("papers / digests / text"),
        QStringLiteral("%1 / %2 / %3 MB").arg(papers).arg(digestCount).arg(textMB, 0, 'f', 1));

    // Parse: in memory, so this is the parser alone.
    {
        QElapsedTimer timer;
        timer.start();
        qint64 entries = 0;
        DigestParser parser;
        for (const QByteArray &d : corpus.digests()) {
            if (const std::optional<Digest> digest = parser.parse(QByteArrayView(d)))
                entries += digest->entries.size();
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        row(QStringLiteral("parse"),
            QStringLiteral("%1 MB/s (%2 entries)").arg(textMB / s, 0, 'f', 0).arg(entries));
    }

    corpus.releaseDigests();

    // Import: the folder, as a user would, in one transaction. Peak memory
    // is measured from here, without the generator's own.
    resetPeakRss();
    const QString libraryPath = temp.filePath(QStringLiteral("library.sqlite3"));
    double importSeconds = 0;
    {
        Library library;
        if (!library.open(libraryPath)) {
            std::fprintf(stderr, "gleaner-bench: %s\n", qPrintable(library.errorString()));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        Importer importer(library);
        const ImportReport report = importer.importPaths({digestDir});
        importSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (!report.ok() || report.hasRejections()) {
            std::fprintf(stderr, "gleaner-bench: import failed: %s\n",
                         qPrintable(report.failed.value(0).toString()));
            return 1;
        }
        row(QStringLiteral("import"),
            QStringLiteral("%1 papers/s (%2 s, %3 new papers)")
                .arg(double(report.papersAdded) / importSeconds, 0, 'f', 0)
                .arg(importSeconds, 0, 'f', 1)
                .arg(report.papersAdded));
        (void)library.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const double importRss = peakRssMiB();

    // Floor: the same distinct rows, read back from the library first.
    {
        QList<std::pair<QString, QString>> rows;
        Database db;
        if (!db.open(libraryPath))
            return 1;
        Statement st = db.prepare("SELECT title, abstract FROM papers ORDER BY id");
        while (st.next())
            rows.append({st.text(0), st.text(1)});
        db.close();
        const double floor = floorSeconds(temp.filePath(QStringLiteral("floor.sqlite3")), rows);
        row(QStringLiteral("import / floor"), QStringLiteral("%1x (floor %2 s)")
                                                  .arg(importSeconds / floor, 0, 'f', 2)
                                                  .arg(floor, 0, 'f', 1));
        QFile::remove(temp.filePath(QStringLiteral("floor.sqlite3")));
        QFile::remove(temp.filePath(QStringLiteral("floor.sqlite3-wal")));
    }
    row(QStringLiteral("library size / text size"),
        QStringLiteral("%1 (%2 MB)")
            .arg(double(QFileInfo(libraryPath).size()) / double(corpus.textBytes()), 0, 'f', 2)
            .arg(double(QFileInfo(libraryPath).size()) / 1e6, 0, 'f', 1));

    // Search: each class K times with different words, first page of 50.
    resetPeakRss();
    Library library;
    if (!library.open(libraryPath))
        return 1;
    {
        // Reader data for the filters to find.
        QList<qint64> some;
        for (qint64 id = 1; id <= papers; id += 97)
            some << id;
        (void)library.setRead(some, true);
        (void)library.setStarred(some.mid(0, some.size() / 3), true);
        (void)library.addTags(some.mid(0, some.size() / 2), {QStringLiteral("to-read")});
    }
    if (!searchRows(library, language ? nullptr : &corpus, queries, each, row))
        return 1;
    row(QStringLiteral("peak RSS"), QStringLiteral("import %1 MiB, search %2 MiB (%3)")
                                        .arg(importRss, 0, 'f', 0)
                                        .arg(peakRssMiB(), 0, 'f', 0)
                                        .arg(residentSplit()));
    printTable();
    return 0;
}
