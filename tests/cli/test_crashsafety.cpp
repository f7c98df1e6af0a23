// kill -9 during imports: gleaner-cli imports generated digests (one source,
// hence one transaction; and one transaction per file) and is killed at
// moments spread over the import. After every kill the library must open,
// pass SQLite's and FTS5's integrity checks, hold every digest whole (as many
// appearances as entries) or not at all, and keep the reader data written
// before the import.
#include "catch.h"
#include "corpus.h"
#include "storage/consistencycheck.h"
#include "storage/library.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

using namespace gleaner;

namespace {

constexpr int kKills = 24;
constexpr int kPapers = 2500; // 50 digests

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QString &library, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(GLEANER_CLI_PATH),
            QStringList{QStringLiteral("--library"), library} + args);
    REQUIRE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// The reader data of the annotated papers, as `show --json` prints it.
QJsonObject readerData(const QString &library, const QString &id)
{
    const Run r = cli(library, {QStringLiteral("show"), id, QStringLiteral("--json")});
    REQUIRE(r.code == 0);
    QJsonObject paper = QJsonDocument::fromJson(r.out).object();
    QJsonObject data;
    for (const char *key : {"title", "starred", "read", "tags", "note", "note_changed"})
        data.insert(QLatin1String(key), paper.value(QLatin1String(key)));
    return data;
}

// Everything the kill may not have broken; returns the number of digests.
qsizetype checkLibrary(const QString &path, const QMap<QString, QJsonObject> &annotated)
{
    qsizetype digestCount = 0;
    {
        Library library;
        REQUIRE(library.open(path));
        ConsistencyCheck check(library.database());
        const bool whole = check.run();
        INFO(check.errorString().toStdString()
             << "\n"
             << check.problems().join(QLatin1Char('\n')).toStdString());
        CHECK(whole);
        const QList<DigestInfo> digests = library.digests();
        digestCount = digests.size();
    }
    for (auto it = annotated.cbegin(); it != annotated.cend(); ++it)
        CHECK(readerData(path, it.key()) == it.value());
    return digestCount;
}

} // namespace

TEST_CASE("kill -9 during an import leaves the library whole", "[cli][crash]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // The digests: files in a folder (one source) that can also be given one
    // by one (a transaction each).
    const bench::Corpus corpus(kPapers);
    QDir(dir.path()).mkdir(QStringLiteral("digests"));
    QStringList files;
    for (qsizetype i = 0; i < corpus.digests().size(); ++i) {
        const QString file =
            dir.filePath(QStringLiteral("digests/%1.txt").arg(i, 3, 10, QLatin1Char('0')));
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        REQUIRE(out.write(corpus.digests().at(i)) == corpus.digests().at(i).size());
        files << file;
    }

    // A library with reader data on papers the import meets again.
    const QString base = dir.filePath(QStringLiteral("base.sqlite3"));
    REQUIRE(cli(base, {QStringLiteral("import"), files.first()}).code == 0);
    const Run listed = cli(base, {QStringLiteral("search"), QStringLiteral("--json")});
    REQUIRE(listed.code == 0);
    const QJsonArray papers = QJsonDocument::fromJson(listed.out).array();
    REQUIRE(papers.size() >= 3);
    const QString starred =
        QString::number(papers.at(0).toObject().value(QStringLiteral("id")).toInteger());
    const QString noted =
        QString::number(papers.at(1).toObject().value(QStringLiteral("id")).toInteger());
    REQUIRE(cli(base, {QStringLiteral("star"), starred}).code == 0);
    REQUIRE(cli(base, {QStringLiteral("tag"), starred, QStringLiteral("keep")}).code == 0);
    REQUIRE(cli(base, {QStringLiteral("read"), noted}).code == 0);
    REQUIRE(
        cli(base, {QStringLiteral("note"), noted, QStringLiteral("-")}, "Written before.\n").code ==
        0);
    const QMap<QString, QJsonObject> annotated{{starred, readerData(base, starred)},
                                               {noted, readerData(base, noted)}};
    const QByteArray baseBytes = [&] {
        QFile f(base);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();
    REQUIRE_FALSE(QFileInfo::exists(base + QStringLiteral("-wal")));

    auto freshLibrary = [&](int n) {
        const QString path = dir.filePath(QStringLiteral("library-%1.sqlite3").arg(n));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(baseBytes) == baseBytes.size());
        return path;
    };
    auto importArgs = [&](bool oneTransaction) {
        return oneTransaction
                   ? QStringList{QStringLiteral("import"), dir.filePath(QStringLiteral("digests"))}
                   : QStringList{QStringLiteral("import")} + files;
    };

    // How long a whole import takes here, to spread the kills over it.
    QElapsedTimer timer;
    timer.start();
    const QString whole = freshLibrary(0);
    const Run complete = cli(whole, importArgs(true));
    const qint64 duration = qMax<qint64>(timer.elapsed(), 200);
    REQUIRE(complete.code == 0);
    REQUIRE(checkLibrary(whole, annotated) == corpus.digests().size());

    int killedWhileRunning = 0;
    for (int i = 0; i < kKills; ++i) {
        const bool oneTransaction = i % 2 == 0;
        // Spread over the import, from its first moments to its commit.
        const int killAt = int(duration * (i / 2 + 0.5) / (kKills / 2));
        const QString path = freshLibrary(i + 1);
        QProcess p;
        p.start(QStringLiteral(GLEANER_CLI_PATH),
                QStringList{QStringLiteral("--library"), path} + importArgs(oneTransaction));
        REQUIRE(p.waitForStarted());
        if (!p.waitForFinished(killAt)) {
            p.kill(); // SIGKILL
            REQUIRE(p.waitForFinished(30000));
            ++killedWhileRunning;
        }
        INFO("kill " << i << " at " << killAt << " ms of " << duration << ", "
                     << (oneTransaction ? "one transaction" : "one per file"));
        const qsizetype digests = checkLibrary(path, annotated);
        // One source is all or nothing: the base digest, or every digest.
        if (oneTransaction)
            CHECK((digests == 1 || digests == corpus.digests().size()));
        // The import can be run again and completes the library.
        if (i % 6 == 5) {
            REQUIRE(cli(path, importArgs(oneTransaction)).code == 0);
            CHECK(checkLibrary(path, annotated) == corpus.digests().size());
        }
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
    // The kills are only worth something if they hit imports in progress.
    INFO("imports killed while running: " << killedWhileRunning << " of " << kKills);
    CHECK(killedWhileRunning > 0);
}
