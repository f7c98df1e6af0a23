// gleaner-cli end to end: the real executable against a library in a
// temporary folder.
#include "catch.h"
#include "ingest/importer.h"
#include "plantedtopics.h"
#include "storage/library.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

class Cli
{
public:
    Cli() { REQUIRE(m_dir.isValid()); }

    // `stdinFile` replaces `input` when set (/dev/zero); `addressSpace` runs
    // the command under `prlimit --as`, in bytes, when positive.
    Run run(QStringList args, const QByteArray &input = {}, const QString &stdinFile = {},
            qint64 addressSpace = 0)
    {
        args.prepend(libraryPath());
        args.prepend(QStringLiteral("--library"));
        QString program = QStringLiteral(GLEANER_CLI_PATH);
        if (addressSpace > 0) {
            args.prepend(program);
            args.prepend(QStringLiteral("--as=%1").arg(addressSpace));
            program = QStringLiteral("prlimit");
        }
        QProcess p;
        if (!stdinFile.isEmpty())
            p.setStandardInputFile(stdinFile);
        p.start(program, args);
        REQUIRE(p.waitForStarted());
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        REQUIRE(p.waitForFinished(300000));
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString libraryPath() const { return m_dir.filePath(QStringLiteral("library.sqlite3")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The library as it is on disk, write-ahead log included.
    QByteArray libraryHash() const
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(libraryPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                hash.addData(&file);
        }
        return hash.result();
    }

    QJsonDocument json(const QStringList &args)
    {
        const Run r = run(args);
        REQUIRE(r.code == 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        REQUIRE(error.error == QJsonParseError::NoError);
        return doc;
    }

    QString fixture(const QString &name) const
    {
        return gleaner::test::dataPath(QStringLiteral("library/") + name);
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

TEST_CASE("gleaner-cli prints its version and usage", "[cli]")
{
    Cli cli;
    const Run version = cli.run({QStringLiteral("--version")});
    CHECK(version.code == 0);
    CHECK(version.out.startsWith(QStringLiteral("gleaner-cli ")));
    CHECK(cli.run({QStringLiteral("--help")}).out.contains(QStringLiteral("import PATH")));
    CHECK(cli.run({QStringLiteral("frobnicate")}).code == 2);
    // Usage errors of commands that read need a library to exist first.
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    CHECK(cli.run({QStringLiteral("search"), QStringLiteral("--sort"), QStringLiteral("sideways")})
              .code == 2);
    CHECK(cli.run({QStringLiteral("show")}).code == 2);
}

TEST_CASE("gleaner-cli digests tells an undated digest by its file's date", "[cli]")
{
    Cli cli;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("saved.txt"));
    REQUIRE(QFile::copy(cli.fixture(QStringLiteral("undated_compact.txt")), file));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.setFileTime(QDateTime(QDate(2026, 12, 1), QTime(9, 30)),
                              QFileDevice::FileModificationTime));
    }
    REQUIRE(
        cli.run({QStringLiteral("import"), file, cli.fixture(QStringLiteral("day1.txt"))}).code ==
        0);
    const QJsonArray digests =
        cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array();
    REQUIRE(digests.size() == 2);
    QJsonObject undated, dated;
    for (const QJsonValue &d : digests)
        (d.toObject().value(QStringLiteral("undated")).toBool() ? undated : dated) = d.toObject();
    REQUIRE_FALSE(undated.isEmpty());
    CHECK(undated.value(QStringLiteral("date")).isNull());
    CHECK(undated.value(QStringLiteral("file_date")).toString() == QStringLiteral("2026-12-01"));
    CHECK(undated.value(QStringLiteral("date_certainty")).toString() == QStringLiteral("undated"));
    REQUIRE_FALSE(dated.isEmpty());
    CHECK(dated.value(QStringLiteral("date")).toString() == QStringLiteral("2026-03-03"));
    CHECK(dated.value(QStringLiteral("file_date")).isNull());
    CHECK(dated.value(QStringLiteral("undated")) == QJsonValue(false));

    // The text listing says "undated"; a paper's digests carry the file's
    // date beside a date of null.
    const Run list = cli.run({QStringLiteral("digests")});
    CHECK(list.out.contains(QStringLiteral("undated")));
    CHECK_FALSE(list.out.contains(QStringLiteral("2026-12-01")));
    const QJsonArray lichen =
        cli.json({QStringLiteral("search"), QStringLiteral("lichen"), QStringLiteral("--json")})
            .array();
    REQUIRE(lichen.size() == 1);
    const QJsonObject seen =
        lichen.at(0).toObject().value(QStringLiteral("digests")).toArray().at(0).toObject();
    CHECK(seen.value(QStringLiteral("date")).isNull());
    CHECK(seen.value(QStringLiteral("file_date")).toString() == QStringLiteral("2026-12-01"));
}

TEST_CASE("gleaner-cli marks a whole digest read and counts what is triaged", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     cli.fixture(QStringLiteral("day5_plain.txt"))})
                .code == 0);
    auto digestOf = [&cli](const QString &date) {
        for (const QJsonValue &d :
             cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array()) {
            if (d.toObject().value(QStringLiteral("date")).toString() == date)
                return d.toObject();
        }
        FAIL("no digest of " << date.toStdString());
        return QJsonObject();
    };
    const QJsonObject day5 = digestOf(QStringLiteral("2026-03-05"));
    CHECK(day5.value(QStringLiteral("entries")).toInt() == 2);
    CHECK(day5.value(QStringLiteral("triaged")).toInt() == 0);
    const QString digestId = QString::number(day5.value(QStringLiteral("id")).toInteger());

    // A paper starred in another digest counts as triaged in this one too.
    const QJsonArray tidal =
        cli.json({QStringLiteral("search"), QStringLiteral("tidal"), QStringLiteral("--json")})
            .array();
    REQUIRE(tidal.size() == 1);
    const QString tidalId =
        QString::number(tidal.first().toObject().value(QStringLiteral("id")).toInteger());
    REQUIRE(cli.run({QStringLiteral("star"), tidalId}).code == 0);
    CHECK(digestOf(QStringLiteral("2026-03-05")).value(QStringLiteral("triaged")).toInt() == 1);

    const Run read = cli.run({QStringLiteral("read"), QStringLiteral("--digest"), digestId});
    CHECK(read.code == 0);
    CHECK(read.out.trimmed() == QStringLiteral("Marked 2 papers read."));
    const QJsonObject after = digestOf(QStringLiteral("2026-03-05"));
    CHECK(after.value(QStringLiteral("unread")).toInt() == 0);
    CHECK(after.value(QStringLiteral("triaged")).toInt() == 2);
    // Only that digest's papers: day1's other two stay unread.
    CHECK(digestOf(QStringLiteral("2026-03-03")).value(QStringLiteral("unread")).toInt() == 2);

    CHECK(cli.run({QStringLiteral("unread"), QStringLiteral("--digest"), digestId}).code == 0);
    CHECK(digestOf(QStringLiteral("2026-03-05")).value(QStringLiteral("unread")).toInt() == 2);

    // Usage: a digest that does not exist, a word that is no id, both ways at once.
    const Run missing =
        cli.run({QStringLiteral("read"), QStringLiteral("--digest"), QStringLiteral("999")});
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("There is no digest 999.")));
    CHECK(cli.run({QStringLiteral("read"), QStringLiteral("--digest"), QStringLiteral("x")}).code ==
          2);
    CHECK(cli.run({QStringLiteral("read"), QStringLiteral("--digest"), digestId, tidalId}).code ==
          2);
    CHECK(cli.run({QStringLiteral("read")}).code == 2);
}

TEST_CASE("gleaner-cli says null for upvotes no digest showed", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     cli.fixture(QStringLiteral("day5_plain.txt"))})
                .code == 0);
    const QJsonArray moss =
        cli.json({QStringLiteral("search"), QStringLiteral("moss"), QStringLiteral("--json")})
            .array();
    REQUIRE(moss.size() == 1);
    const QJsonObject paper = moss.first().toObject();
    CHECK(paper.value(QStringLiteral("upvotes")).isNull());
    const QJsonArray digests = paper.value(QStringLiteral("digests")).toArray();
    REQUIRE(digests.size() == 1);
    CHECK(digests.first().toObject().value(QStringLiteral("upvotes")).isNull());

    const QJsonObject tidal =
        cli.json({QStringLiteral("search"), QStringLiteral("tidal"), QStringLiteral("--json")})
            .array()
            .first()
            .toObject();
    CHECK(tidal.value(QStringLiteral("upvotes")).toInt() == 14);
    const QJsonArray seen = tidal.value(QStringLiteral("digests")).toArray();
    REQUIRE(seen.size() == 2);
    CHECK(seen.at(0).toObject().value(QStringLiteral("upvotes")).toInt() == 14);
    CHECK(seen.at(1).toObject().value(QStringLiteral("upvotes")).isNull());

    // Where each was new: Tidal Attention on 3 Mar, though seen again on 5 Mar.
    CHECK(tidal.value(QStringLiteral("first_seen")).toString() == QStringLiteral("2026-03-03"));
    CHECK(paper.value(QStringLiteral("first_seen")).toString() == QStringLiteral("2026-03-05"));
    for (const QJsonValue &d :
         cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array()) {
        const QJsonObject digest = d.toObject();
        const qint64 id = digest.value(QStringLiteral("id")).toInteger();
        const QString date = digest.value(QStringLiteral("date")).toString();
        CHECK((tidal.value(QStringLiteral("new_in")).toInteger() == id) ==
              (date == QStringLiteral("2026-03-03")));
        CHECK((paper.value(QStringLiteral("new_in")).toInteger() == id) ==
              (date == QStringLiteral("2026-03-05")));
    }

    // The text list shows "-" where the count is unknown.
    const Run text = cli.run({QStringLiteral("search"), QStringLiteral("moss")});
    CHECK(text.out.contains(QRegularExpression(QStringLiteral("\\s-\\s+Moss Maps"))));
}

TEST_CASE("gleaner-cli imports, searches and shows papers as JSON", "[cli]")
{
    Cli cli;
    const Run imported = cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                                  cli.fixture(QStringLiteral("day2.txt"))});
    CHECK(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("2 digests added")));

    const QJsonArray all = cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array();
    CHECK(all.size() == 5);

    const QJsonArray hits = cli.json({QStringLiteral("search"), QStringLiteral("lanternfish"),
                                      QStringLiteral("--json")})
                                .array();
    REQUIRE(hits.size() == 1);
    const QJsonObject paper = hits.first().toObject();
    for (const char *key : {"id", "title", "abstract", "submitter", "published", "upvotes",
                            "starred", "read", "tags", "note", "digests"})
        CHECK(paper.contains(QLatin1String(key)));
    CHECK(paper.value(QStringLiteral("submitter")).toObject().value(QStringLiteral("org")) ==
          QStringLiteral("Marine Robotics Lab"));
    CHECK(paper.value(QStringLiteral("upvotes")).toInt() == 21);
    CHECK(paper.value(QStringLiteral("note")).isNull());
    CHECK(paper.value(QStringLiteral("digests")).toArray().size() == 2);

    const QString id = QString::number(paper.value(QStringLiteral("id")).toInteger());
    CHECK(cli.run({QStringLiteral("star"), id}).code == 0);
    CHECK(cli.run({QStringLiteral("read"), id}).code == 0);
    CHECK(cli.run({QStringLiteral("tag"), id, QStringLiteral("fish"), QStringLiteral("sonar")})
              .code == 0);
    CHECK(cli.run({QStringLiteral("note"), id, QStringLiteral("-")}, "Check the \"sonar\" data.\n")
              .code == 0);
    const QJsonObject shown =
        cli.json({QStringLiteral("show"), id, QStringLiteral("--json")}).object();
    CHECK(shown.value(QStringLiteral("starred")).toBool());
    CHECK(shown.value(QStringLiteral("read")).toBool());
    CHECK(shown.value(QStringLiteral("tags")).toArray().size() == 2);
    CHECK(shown.value(QStringLiteral("note")).toString() ==
          QStringLiteral("Check the \"sonar\" data.\n"));
    CHECK(shown.value(QStringLiteral("ambiguous_links")).toArray().isEmpty());

    // A [[link]] whose words two titles carry: show says it is a best guess.
    CHECK(cli.run({QStringLiteral("note"), id, QStringLiteral("See [[tokens]], [[lanternfish]].")})
              .code == 0);
    const QJsonArray guesses = cli.json({QStringLiteral("show"), id, QStringLiteral("--json")})
                                   .object()
                                   .value(QStringLiteral("ambiguous_links"))
                                   .toArray();
    REQUIRE(guesses.size() == 1);
    CHECK(guesses.first().toObject().value(QStringLiteral("words")) == QStringLiteral("tokens"));
    CHECK(guesses.first().toObject().value(QStringLiteral("papers_matching")).toInt() == 2);
    CHECK(
        cli.run({QStringLiteral("show"), id})
            .out.contains(QStringLiteral("the best of 2 papers with these words in their titles")));

    CHECK(cli.run({QStringLiteral("note"), id, QString()}).code == 0);
    CHECK(cli.json({QStringLiteral("show"), id, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("note"))
              .isNull());

    const QJsonObject stats =
        cli.json({QStringLiteral("stats"), QStringLiteral("--json")}).object();
    CHECK(stats.value(QStringLiteral("papers")).toInt() == 5);
    CHECK(stats.value(QStringLiteral("digests")).toInt() == 2);
    CHECK(stats.value(QStringLiteral("starred")).toInt() == 1);

    const QJsonArray digests =
        cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array();
    REQUIRE(digests.size() == 2);
    CHECK(digests.first().toObject().value(QStringLiteral("layout")) == QStringLiteral("A"));
}

TEST_CASE("gleaner-cli exits 1 naming each rejected input, and imports the rest", "[cli]")
{
    Cli cli;
    const Run r = cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                           cli.fixture(QStringLiteral("notes.md")),
                           QStringLiteral("/nonexistent/digest.txt")});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("notes.md")));
    CHECK(r.err.contains(QStringLiteral("/nonexistent/digest.txt: does not exist")));
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array().size() == 3);

    CHECK(cli.run({QStringLiteral("star"), QStringLiteral("99999")}).code == 1);
    CHECK(cli.run({QStringLiteral("show"), QStringLiteral("99999")}).code == 1);
}

TEST_CASE("gleaner-cli reads a digest from standard input", "[cli]")
{
    Cli cli;
    QFile file(cli.fixture(QStringLiteral("day1.txt")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const Run r = cli.run({QStringLiteral("import"), QStringLiteral("-")}, file.readAll());
    CHECK(r.code == 0);
    const Run list = cli.run({QStringLiteral("search"), QStringLiteral("gradient"),
                              QStringLiteral("--limit"), QStringLiteral("5")});
    CHECK(list.code == 0);
    CHECK(list.out.contains(QStringLiteral("A Field Guide to Gradient Noise")));
    CHECK(list.out.contains(QStringLiteral("1 paper")));
}

TEST_CASE("gleaner-cli refuses a corrupt library without touching it", "[cli]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite3"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(5000, 'z'));
    file.close();
    QProcess p;
    p.start(QStringLiteral(GLEANER_CLI_PATH),
            {QStringLiteral("--library"), path, QStringLiteral("stats")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitCode() == 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    CHECK(err.contains(QStringLiteral("not a database")));
    CHECK(err.count(QLatin1Char('\n')) == 1);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == QByteArray(5000, 'z'));
}

TEST_CASE("gleaner-cli exports in every format, to stdout or a file", "[cli][export]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     gleaner::test::dataPath(QStringLiteral("export/tricky.txt"))})
                .code == 0);
    const QJsonArray all = cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array();
    REQUIRE(all.size() == 7);
    const QString id =
        QString::number(all.first().toObject().value(QStringLiteral("id")).toInteger());
    REQUIRE(cli.run({QStringLiteral("tag"), id, QStringLiteral("<b>x</b>")}).code == 0);
    REQUIRE(cli.run({QStringLiteral("note"), id, QStringLiteral("a \"note\", with {braces} & 5%")})
                .code == 0);

    for (const QString &format :
         {QStringLiteral("md"), QStringLiteral("bibtex"), QStringLiteral("biblatex"),
          QStringLiteral("ris"), QStringLiteral("csljson"), QStringLiteral("csv"),
          QStringLiteral("json"), QStringLiteral("html")}) {
        const Run r = cli.run({QStringLiteral("export"), QStringLiteral("--format"), format});
        INFO(format.toStdString() << ": " << r.err.toStdString());
        CHECK(r.code == 0);
        CHECK_FALSE(r.out.isEmpty());
        CHECK(r.err.isEmpty());
    }

    // JSON is exactly what search --json prints.
    const Run json = cli.run({QStringLiteral("export"), QStringLiteral("--format=json")});
    CHECK(QJsonDocument::fromJson(json.out.toUtf8()).array() ==
          cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array());

    // A query narrows the export; -o writes a file.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("list.bib"));
    const Run toFile = cli.run({QStringLiteral("export"), QStringLiteral("--format"),
                                QStringLiteral("bibtex"), QStringLiteral("--query"),
                                QStringLiteral("tag:\"<b>x</b>\""), QStringLiteral("-o"), file});
    CHECK(toFile.code == 0);
    CHECK(toFile.out.contains(QStringLiteral("Exported 1 paper")));
    QFile bib(file);
    REQUIRE(bib.open(QIODevice::ReadOnly));
    const QByteArray text = bib.readAll();
    CHECK(text.count("@misc{") == 1);
    CHECK(text.contains("annote = {a \"note\", with \\textbraceleft{}braces\\textbraceright{} "
                        "\\& 5\\%}"));

    const Run lean = cli.run({QStringLiteral("export"), QStringLiteral("--format"),
                              QStringLiteral("csljson"), QStringLiteral("--no-abstracts"),
                              QStringLiteral("--sort"), QStringLiteral("title")});
    const QJsonArray items = QJsonDocument::fromJson(lean.out.toUtf8()).array();
    REQUIRE(items.size() == 7);
    CHECK_FALSE(items.first().toObject().contains(QStringLiteral("abstract")));

    // A folder of notes: one file per paper, a second export changes nothing.
    const QString vault = dir.filePath(QStringLiteral("vault"));
    const QStringList notes{QStringLiteral("export"), QStringLiteral("--format"),
                            QStringLiteral("notes"), QStringLiteral("-o"), vault};
    const Run first = cli.run(notes);
    INFO(first.err.toStdString());
    CHECK(first.code == 0);
    CHECK(first.out.contains(QStringLiteral("7 written, 0 unchanged")));
    CHECK(QDir(vault).entryList({QStringLiteral("*.md")}, QDir::Files).size() == 7);
    CHECK(cli.run(notes).out.contains(QStringLiteral("0 written, 7 unchanged")));
    CHECK(cli.run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("notes")})
              .code == 2);
    CHECK(cli.run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("md"),
                   QStringLiteral("--recreate")})
              .code == 2);

    CHECK(cli.run({QStringLiteral("export")}).code == 2);
    CHECK(cli.run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("docx")})
              .code == 2);
    CHECK(cli.run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("md"),
                   QStringLiteral("--sort"), QStringLiteral("sideways")})
              .code == 2);
}

TEST_CASE("gleaner-cli backs up, restores into a new library and snapshots", "[cli][backup]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const QJsonArray all = cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array();
    REQUIRE(all.size() == 3);
    const QString id =
        QString::number(all.first().toObject().value(QStringLiteral("id")).toInteger());
    REQUIRE(cli.run({QStringLiteral("star"), id}).code == 0);
    REQUIRE(cli.run({QStringLiteral("tag"), id, QStringLiteral("keep")}).code == 0);
    REQUIRE(cli.run({QStringLiteral("note"), id, QStringLiteral("Mine.")}).code == 0);

    QTemporaryDir dir;
    const QString backup = dir.filePath(QStringLiteral("reader.json"));
    const Run b = cli.run({QStringLiteral("backup"), backup});
    CHECK(b.code == 0);
    CHECK(b.out.contains(QStringLiteral("1 paper")));

    // Another library, before and after its digests arrive.
    Cli other;
    const Run restored = other.run({QStringLiteral("restore"), backup});
    CHECK(restored.code == 0);
    CHECK(restored.out.contains(QStringLiteral("1 waiting")));
    REQUIRE(other.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code ==
            0);
    const QJsonArray starred = other
                                   .json({QStringLiteral("search"), QStringLiteral("is:starred"),
                                          QStringLiteral("--json")})
                                   .array();
    REQUIRE(starred.size() == 1);
    const QJsonObject paper = starred.first().toObject();
    CHECK(paper.value(QStringLiteral("note")).toString() == QStringLiteral("Mine."));
    CHECK(paper.value(QStringLiteral("tags")).toArray() == QJsonArray{QStringLiteral("keep")});

    // A different note on one side: both kept, and the user is told.
    const QString otherId = QString::number(paper.value(QStringLiteral("id")).toInteger());
    REQUIRE(other.run({QStringLiteral("note"), otherId, QStringLiteral("Theirs.")}).code == 0);
    const Run merged = other.run({QStringLiteral("restore"), backup});
    CHECK(merged.code == 0);
    CHECK(merged.out.contains(QStringLiteral("both notes kept")));
    const QString note = other.json({QStringLiteral("show"), otherId, QStringLiteral("--json")})
                             .object()
                             .value(QStringLiteral("note"))
                             .toString();
    CHECK(note.startsWith(QStringLiteral("Theirs.")));
    CHECK(note.endsWith(QStringLiteral("Mine.")));

    // Not a backup: exit 1, nothing changed.
    const QString junk = dir.filePath(QStringLiteral("junk.json"));
    QFile junkFile(junk);
    REQUIRE(junkFile.open(QIODevice::WriteOnly));
    junkFile.write("{\"hello\": 1}");
    junkFile.close();
    const Run invalid = other.run({QStringLiteral("restore"), junk});
    CHECK(invalid.code == 1);
    CHECK(invalid.err.contains(QStringLiteral("not a Gleaner backup")));
    CHECK(other.run({QStringLiteral("restore")}).code == 2);

    // Snapshot: a library of its own that gleaner-cli opens.
    const QString snap = dir.filePath(QStringLiteral("snap.sqlite3"));
    CHECK(cli.run({QStringLiteral("snapshot"), snap}).code == 0);
    QProcess p;
    p.start(QStringLiteral(GLEANER_CLI_PATH),
            {QStringLiteral("--library"), snap, QStringLiteral("stats"), QStringLiteral("--json")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitCode() == 0);
    const QJsonObject stats = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    CHECK(stats.value(QStringLiteral("papers")).toInt() == 3);
    CHECK(stats.value(QStringLiteral("starred")).toInt() == 1);
}

TEST_CASE("gleaner-cli does not create a library for a command that only reads", "[cli]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typo/library.sqlite3"));
    for (const QString &command : {QStringLiteral("stats"), QStringLiteral("search")}) {
        QProcess p;
        p.start(QStringLiteral(GLEANER_CLI_PATH), {QStringLiteral("--library"), path, command});
        REQUIRE(p.waitForFinished(30000));
        CHECK(p.exitCode() == 1);
        CHECK(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("no library")));
    }
    CHECK_FALSE(QFileInfo::exists(path));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("typo"))));
}

namespace {

// The commands `gleaner-cli --help` lists: their usage ("tags rename OLD
// NEW") by their name ("tags rename").
QList<QPair<QString, QString>> listedCommands(Cli &cli)
{
    const Run help = cli.run({QStringLiteral("--help")});
    REQUIRE(help.code == 0);
    const QStringList lines = help.out.split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("Commands:"));
    REQUIRE(start >= 0);
    const QRegularExpression row(QStringLiteral("^  (\\S.*?)(?:\\s{2,}.*)?$"));
    const QRegularExpression nameWords(QStringLiteral("^[a-z-]+(?: [a-z-]+)?(?= |$)"));
    QList<QPair<QString, QString>> commands;
    for (qsizetype i = start + 1; i < lines.size() && !lines.at(i).isEmpty(); ++i) {
        const auto match = row.match(lines.at(i));
        if (!match.hasMatch())
            continue; // a summary's second line
        const QString usage = match.captured(1);
        const QString name = nameWords.match(usage).captured(0);
        REQUIRE_FALSE(name.isEmpty());
        commands.append({name, usage});
    }
    return commands;
}

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '));
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(data) == data.size());
}

QByteArray gzipped(const QByteArray &data)
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
    REQUIRE(gzip.waitForStarted());
    gzip.write(data);
    gzip.closeWriteChannel();
    REQUIRE(gzip.waitForFinished(30000));
    return gzip.readAllStandardOutput();
}

// One hostile input: the command's exit code, a phrase its error output must
// contain, and the library left byte for byte as it was.
void refuses(Cli &cli, const QStringList &args, const QString &expected,
             const QString &stdinFile = {})
{
    const QByteArray before = cli.libraryHash();
    QElapsedTimer timer;
    timer.start();
    const Run r = cli.run(args, {}, stdinFile);
    INFO(args.join(QLatin1Char(' ')).toStdString()
         << " -> " << r.code << ": " << r.err.toStdString());
    CHECK(r.code == 1);
    CHECK(r.err.contains(expected));
    CHECK(cli.libraryHash() == before);
    WARN(args.join(QLatin1Char(' ')).toStdString() << ": " << timer.elapsed() << " ms");
}

} // namespace

TEST_CASE("gleaner-cli help, help CMD and CMD --help come from one table", "[cli]")
{
    Cli cli;
    const auto commands = listedCommands(cli);
    REQUIRE(commands.size() >= 24);
    QStringList names;
    for (const auto &[name, usage] : commands)
        names << name;
    for (const char *expected :
         {"import", "search",      "show",       "digests",     "redate", "remove-digest",
          "star",   "unstar",      "read",       "unread",      "tag",    "untag",
          "tags",   "tags rename", "tags merge", "tags delete", "note",   "stats",
          "export", "backup",      "restore",    "snapshot",    "help",   "version"})
        CHECK(names.count(QLatin1String(expected)) == 1);

    for (const auto &[name, usage] : commands) {
        INFO(name.toStdString());
        const Run help = cli.run(QStringList{QStringLiteral("help")} + words(name));
        CHECK(help.code == 0);
        CHECK(help.err.isEmpty());
        CHECK(help.out.startsWith(QStringLiteral("Usage: gleaner-cli [--library FILE] ") + usage +
                                  QStringLiteral(" [OPTIONS]\n")));
        CHECK(help.out.contains(QStringLiteral("-h, --help")));
        const Run dashed = cli.run(words(name) + QStringList{QStringLiteral("--help")});
        CHECK(dashed.code == 0);
        CHECK(dashed.out == help.out);
        CHECK(cli.run(words(name) + QStringList{QStringLiteral("-h")}).out == help.out);
    }
    // Help needs no library, and asking for it makes none.
    CHECK_FALSE(QFileInfo::exists(cli.libraryPath()));

    // Each command's own options are in its help.
    const QString search = cli.run({QStringLiteral("help"), QStringLiteral("search")}).out;
    for (const char *option : {"--sort ORDER", "--limit N", "--json"})
        CHECK(search.contains(QLatin1String(option)));
    // The help wraps its lines; the list of orders is whole once they are joined.
    CHECK(search.simplified().contains(
        QStringLiteral("relevance, published, upvotes, digest, title, read, queue or foryou")));
    const QString exportHelp = cli.run({QStringLiteral("export"), QStringLiteral("--help")}).out;
    for (const char *option : {"--format FORMAT", "--query QUERY", "--sort ORDER", "--reverse",
                               "--no-abstracts", "--title TITLE", "-o, --output FILE"})
        CHECK(exportHelp.contains(QLatin1String(option)));
    CHECK_FALSE(exportHelp.contains(QStringLiteral("--json")));
    CHECK(cli.run({QStringLiteral("tags"), QStringLiteral("--help")})
              .out.contains(QStringLiteral("tags rename OLD NEW")));

    const Run unknown = cli.run({QStringLiteral("help"), QStringLiteral("frobnicate")});
    CHECK(unknown.code == 2);
    CHECK(unknown.out.isEmpty());
    CHECK(unknown.err.contains(QStringLiteral("frobnicate")));
}

TEST_CASE("gleaner-cli rejects unknown options and wrong words as usage errors", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const QByteArray before =
        cli.json({QStringLiteral("stats"), QStringLiteral("--json")}).toJson();
    for (const auto &[name, usage] : listedCommands(cli)) {
        INFO(name.toStdString());
        const Run r = cli.run(words(name) + QStringList{QStringLiteral("--frobnicate")});
        CHECK(r.code == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.contains(QStringLiteral("'frobnicate'")));
        CHECK(r.err.contains(QStringLiteral("gleaner-cli %1 --help").arg(name)));
    }
    const QString id =
        QString::number(cli.json({QStringLiteral("search"), QStringLiteral("--json")})
                            .array()
                            .first()
                            .toObject()
                            .value(QStringLiteral("id"))
                            .toInteger());
    for (const QStringList &args : {
             QStringList{QStringLiteral("search"), QStringLiteral("--sort")},
             QStringList{QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("x")},
             QStringList{QStringLiteral("show"), id, id},
             QStringList{QStringLiteral("show"), QStringLiteral("first")},
             QStringList{QStringLiteral("stats"), QStringLiteral("now")},
             QStringList{QStringLiteral("redate"), QStringLiteral("1")},
             QStringList{QStringLiteral("redate"), QStringLiteral("1"), QStringLiteral("soon")},
             QStringList{QStringLiteral("tag"), id},
             QStringList{QStringLiteral("tags"), QStringLiteral("rename"), QStringLiteral("a")},
             QStringList{QStringLiteral("tags"), QStringLiteral("sideways")},
             QStringList{QStringLiteral("star")},
             QStringList{QStringLiteral("backup")},
             QStringList{QStringLiteral("version"), QStringLiteral("now")},
         }) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const Run r = cli.run(args);
        CHECK(r.code == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.startsWith(QStringLiteral("gleaner-cli: ")));
    }
    // Nothing was changed by any of them.
    CHECK(cli.json({QStringLiteral("stats"), QStringLiteral("--json")}).toJson() == before);
}

TEST_CASE("gleaner-cli says the same about a bad --sort wherever it is given", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const Run search =
        cli.run({QStringLiteral("search"), QStringLiteral("--sort"), QStringLiteral("sideways")});
    const Run exported = cli.run({QStringLiteral("export"), QStringLiteral("--format"),
                                  QStringLiteral("md"), QStringLiteral("--sort=sideways")});
    CHECK(search.code == 2);
    CHECK(exported.code == 2);
    const QString message = search.err.section(QLatin1Char('\n'), 0, 0);
    CHECK(message == QStringLiteral("gleaner-cli: --sort takes relevance, published, upvotes, "
                                    "digest, title, read, queue or foryou"));
    CHECK(exported.err.section(QLatin1Char('\n'), 0, 0) == message);
    // Every name the message offers is taken.
    for (const char *sort : {"relevance", "published", "upvotes", "digest", "title", "read"}) {
        INFO(sort);
        CHECK(cli.run({QStringLiteral("search"), QStringLiteral("--sort"), QLatin1String(sort)})
                  .code == 0);
    }
}

TEST_CASE("gleaner-cli takes words with one dash as words: -exclusions, notes", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     cli.fixture(QStringLiteral("day2.txt"))})
                .code == 0);
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("-lanternfish"),
                    QStringLiteral("--json")})
              .array()
              .size() == 4);
    const QJsonArray all = cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array();
    const QString id =
        QString::number(all.first().toObject().value(QStringLiteral("id")).toInteger());
    REQUIRE(cli.run({QStringLiteral("note"), id, QStringLiteral("-1:"), QStringLiteral("--not"),
                     QStringLiteral("convinced")})
                .code == 0);
    CHECK(cli.json({QStringLiteral("show"), id, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("note"))
              .toString() == QStringLiteral("-1: --not convinced"));
    // "--" ends the options of any command: then even two dashes are a word
    // (the query language's exclusion).
    CHECK(cli.run({QStringLiteral("search"), QStringLiteral("--lanternfish")}).code == 2);
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("--"),
                    QStringLiteral("--lanternfish")})
              .array()
              .size() == 4);
}

TEST_CASE("gleaner-cli refuses devices, pipes and endless input, naming each", "[cli][hostile]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);

    // A link to /dev/zero is not read through (it used to end in bad_alloc
    // after 4 GB), nor is the device itself.
    const QString link = cli.path(QStringLiteral("x.txt"));
    REQUIRE(QFile::link(QStringLiteral("/dev/zero"), link));
    refuses(cli, {QStringLiteral("import"), link},
            QStringLiteral("is a link to a character device"));
    refuses(cli, {QStringLiteral("import"), QStringLiteral("/dev/zero")},
            QStringLiteral("/dev/zero: is a character device"));

    // Endless standard input is read up to the cap, then refused.
    refuses(cli, {QStringLiteral("import"), QStringLiteral("-")},
            QStringLiteral("(stdin): is more than 64 MB"), QStringLiteral("/dev/zero"));

    // A FIFO without a writer used to block forever; it is never opened.
    const QString fifo = cli.path(QStringLiteral("f.txt"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    refuses(cli, {QStringLiteral("import"), fifo}, QStringLiteral("f.txt: is a named pipe (FIFO)"));

    // In a folder, next to a digest that still comes in.
    const QString folder = cli.path(QStringLiteral("folder"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(::mkfifo(QFile::encodeName(folder + QStringLiteral("/pipe.txt")).constData(), 0600) ==
            0);
    REQUIRE(
        QFile::copy(cli.fixture(QStringLiteral("day2.txt")), folder + QStringLiteral("/day2.txt")));
    const Run walked = cli.run({QStringLiteral("import"), folder});
    CHECK(walked.code == 1);
    CHECK(walked.err.contains(QStringLiteral("pipe.txt: is a named pipe (FIFO)")));
    CHECK(walked.out.contains(QStringLiteral("1 digest added")));
}

TEST_CASE("gleaner-cli names an archive or member that yields no digest", "[cli][hostile]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);

    // The same NUL bytes, plain and compressed, are both named with a reason.
    const QByteArray zeros(10240, '\0');
    writeFile(cli.path(QStringLiteral("zeros.txt")), zeros);
    writeFile(cli.path(QStringLiteral("zeros.gz")), gzipped(zeros));
    refuses(cli, {QStringLiteral("import"), cli.path(QStringLiteral("zeros.txt"))},
            QStringLiteral("zeros.txt: is a binary file"));
    refuses(cli, {QStringLiteral("import"), cli.path(QStringLiteral("zeros.gz"))},
            QStringLiteral("zeros.gz: holds no file that could be a digest"));
    writeFile(cli.path(QStringLiteral("small.gz")), gzipped(QByteArray(8, '\0')));
    refuses(cli, {QStringLiteral("import"), cli.path(QStringLiteral("small.gz"))},
            QStringLiteral("small.gz/small: is a binary file"));

    // An empty zip (only its closing directory).
    writeFile(cli.path(QStringLiteral("empty.zip")),
              QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0'));
    refuses(cli, {QStringLiteral("import"), cli.path(QStringLiteral("empty.zip"))},
            QStringLiteral("empty.zip: holds no file that could be a digest"));
}

#if !GLEANER_SANITIZED
// Parsing used to take ~125 times the file's size for short lines (4 MiB of
// "a\n" took 528 MB, 60 MiB ended in bad_alloc at 5.9 GB). Each 16 MiB shape
// (2 GB before) runs under an address-space limit of 4x its size plus what
// the program needs for an ordinary import; a parser over the limit aborts
// instead of answering. The benchmark measures the same shapes at 4 and 60
// MiB. Sanitizers change memory use, so this is for other builds.
TEST_CASE("gleaner-cli parses the worst shapes within 4x their size", "[cli][hostile][memory]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    constexpr qint64 size = qint64(16) << 20;
    constexpr qint64 program = qint64(256) << 20;
    const QByteArray header = "Daily Papers\n\n";
    struct Shape
    {
        const char *name;
        QByteArray text;
        QString expected;
    };
    const QList<Shape> shapes = {
        {"short lines", QByteArray("a\n").repeated(size / 2),
         QStringLiteral("does not look like a paper digest")},
        {"blank lines", QByteArray("x\n") + QByteArray(size - 2, '\n'),
         QStringLiteral("does not look like a paper digest")},
        {"one huge line", QByteArray("word ").repeated(size / 5),
         QStringLiteral("does not look like a paper digest")},
        {"many entries", header + QByteArray("x\na     .\n").repeated(size / 10),
         QStringLiteral("has more than 100000 papers")},
        {"invalid UTF-8 late", QByteArray("a\n").repeated(size / 2 - 1) + "\xff\n",
         QStringLiteral("is not valid UTF-8 text")},
        {"header, short lines", header + QByteArray("Title\n").repeated(size / 6),
         QStringLiteral("has no complete paper in it")},
    };
    const QString file = cli.path(QStringLiteral("shape.txt"));
    for (const Shape &shape : shapes) {
        INFO(shape.name);
        writeFile(file, shape.text);
        const QByteArray before = cli.libraryHash();
        const Run r = cli.run({QStringLiteral("import"), file}, {}, {},
                              program + 4 * qint64(shape.text.size()));
        INFO(r.err.left(2000).toStdString());
        CHECK(r.code == 1);
        CHECK(r.err.contains(shape.expected));
        CHECK(cli.libraryHash() == before);
    }
}
#endif

TEST_CASE("gleaner-cli remove-digest --samples removes only the sample digests", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    {
        // As the window's Try Sample Digests imports them.
        gleaner::Library library;
        REQUIRE(library.open(cli.libraryPath()));
        QFile day2(cli.fixture(QStringLiteral("day2.txt")));
        REQUIRE(day2.open(QIODevice::ReadOnly));
        gleaner::Importer importer(library);
        REQUIRE(
            importer.importData(day2.readAll(), gleaner::sampleSource(QStringLiteral("day2.txt")))
                .ok());
    }
    CHECK(cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array().size() == 2);
    CHECK(cli.run({QStringLiteral("remove-digest")}).code == 2);
    CHECK(
        cli.run({QStringLiteral("remove-digest"), QStringLiteral("1"), QStringLiteral("--samples")})
            .code == 2);
    const Run removed = cli.run({QStringLiteral("remove-digest"), QStringLiteral("--samples")});
    CHECK(removed.code == 0);
    CHECK(removed.out.contains(QStringLiteral("Removed the digest and 2 papers no other")));
    const QJsonArray left = cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array();
    REQUIRE(left.size() == 1);
    CHECK(left.at(0)
              .toObject()
              .value(QStringLiteral("source"))
              .toString()
              .endsWith(QStringLiteral("day1.txt")));
    CHECK(cli.run({QStringLiteral("remove-digest"), QStringLiteral("--samples")})
              .out.contains(QStringLiteral("no sample digests")));
}

TEST_CASE("gleaner-cli web prints the paper's web search", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const QJsonArray found = cli.json({QStringLiteral("search"), QStringLiteral("lanternfish"),
                                       QStringLiteral("--json")})
                                 .array();
    REQUIRE(found.size() == 1);
    const QString id =
        QString::number(found.at(0).toObject().value(QStringLiteral("id")).toInteger());
    const Run web = cli.run({QStringLiteral("web"), id});
    CHECK(web.code == 0);
    CHECK(web.out.trimmed() ==
          QStringLiteral("https://arxiv.org/search/"
                         "?query=Counting%20Lanternfish%20with%20Sparse%20Autoencoders"
                         "&searchtype=title"));
    CHECK(cli.run({QStringLiteral("web"), QStringLiteral("999999")}).code == 1);
    CHECK(cli.run({QStringLiteral("web"), QStringLiteral("x")}).code == 2);
}

TEST_CASE("gleaner-cli search --json says where the words matched", "[cli]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     cli.fixture(QStringLiteral("day2.txt"))})
                .code == 0);
    // The text a highlight names, its offsets in code points.
    auto marked = [](const QJsonObject &snippet) {
        const QList<uint> text = snippet.value(QStringLiteral("text")).toString().toUcs4();
        QStringList words;
        for (const QJsonValue &h : snippet.value(QStringLiteral("highlights")).toArray()) {
            const qsizetype start = h.toArray().at(0).toInteger();
            const qsizetype length = h.toArray().at(1).toInteger();
            REQUIRE(start >= 0);
            REQUIRE(start + length <= text.size());
            const QList<uint> word = text.mid(start, length);
            words << QString::fromUcs4(reinterpret_cast<const char32_t *>(word.constData()),
                                       word.size());
        }
        return words;
    };

    const QJsonArray hits =
        cli.json({QStringLiteral("search"), QStringLiteral("oscillator"), QStringLiteral("--json")})
            .array();
    REQUIRE(hits.size() == 1);
    const QJsonObject snippet = hits.first().toObject().value(QStringLiteral("snippet")).toObject();
    CHECK(snippet.value(QStringLiteral("text")).toString().contains(QStringLiteral("oscillator")));
    CHECK(marked(snippet) == QStringList{QStringLiteral("oscillator")});

    // "Pruning" is only in a title: no snippet; nor without words.
    const QJsonArray tokens =
        cli.json({QStringLiteral("search"), QStringLiteral("pruning"), QStringLiteral("--json")})
            .array();
    REQUIRE(tokens.size() == 1);
    CHECK_FALSE(tokens.first().toObject().contains(QStringLiteral("snippet")));
    for (const QJsonValue &p :
         cli.json({QStringLiteral("search"), QStringLiteral("--json")}).array())
        CHECK_FALSE(p.toObject().contains(QStringLiteral("snippet")));

    // Offsets count code points: a letter outside the BMP is one.
    const QByteArray digest = "Daily Papers\n\nMar 3\n\nScript Letters in Formulas\n\n"
                              "We write \xf0\x9d\x92\xae and \xf0\x9d\x92\xaf for the sets, then "
                              "zebrafish \xe2\x80\x94 and more zebrafish.\n\n"
                              "  \xe2\x80\xa2 2 authors\n\xc2\xb7\nMar 1, 2025 4\n\n";
    REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("-")}, digest).code == 0);
    const QJsonArray zebra =
        cli.json({QStringLiteral("search"), QStringLiteral("zebrafish"), QStringLiteral("--json")})
            .array();
    REQUIRE(zebra.size() == 1);
    const QJsonObject z = zebra.first().toObject().value(QStringLiteral("snippet")).toObject();
    CHECK(marked(z) == (QStringList{QStringLiteral("zebrafish"), QStringLiteral("zebrafish")}));
    CHECK(z.value(QStringLiteral("highlights")).toArray().at(0).toArray().at(0).toInt() == 36);
}

TEST_CASE("gleaner-cli dismiss and undismiss mark papers \"Not interested\"", "[cli][dismiss]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     cli.fixture(QStringLiteral("day2.txt"))})
                .code == 0);
    auto idOf = [&cli](const QString &words) {
        const QJsonArray hits =
            cli.json({QStringLiteral("search"), words, QStringLiteral("--json")}).array();
        REQUIRE(hits.size() == 1);
        CHECK(hits.first().toObject().value(QStringLiteral("dismissed")) == false);
        return QString::number(hits.first().toObject().value(QStringLiteral("id")).toInteger());
    };
    const QString fish = idOf(QStringLiteral("lanternfish"));
    const QString tidal = idOf(QStringLiteral("tidal"));

    CHECK(cli.run({QStringLiteral("dismiss"), fish, tidal}).code == 0);
    const QJsonObject shown =
        cli.json({QStringLiteral("show"), fish, QStringLiteral("--json")}).object();
    CHECK(shown.value(QStringLiteral("dismissed")) == true);
    CHECK(shown.value(QStringLiteral("read")) == false);
    CHECK(cli.run({QStringLiteral("show"), fish}).out.contains(QStringLiteral("not interested")));
    const QJsonArray dismissed = cli.json({QStringLiteral("search"), QStringLiteral("is:dismissed"),
                                           QStringLiteral("--json")})
                                     .array();
    REQUIRE(dismissed.size() == 2);
    for (const QJsonValue &p : dismissed)
        CHECK(p.toObject().value(QStringLiteral("dismissed")) == true);
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("-is:dismissed"),
                    QStringLiteral("--json")})
              .array()
              .size() == 3);
    CHECK(cli.json({QStringLiteral("stats"), QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("dismissed"))
              .toInt() == 2);
    CHECK(cli.run({QStringLiteral("stats")}).out.contains(QStringLiteral("2 not interested")));
    // Dismissed papers are triaged in their digests: Lanternfish is in both.
    int triaged = 0;
    for (const QJsonValue &d :
         cli.json({QStringLiteral("digests"), QStringLiteral("--json")}).array())
        triaged += d.toObject().value(QStringLiteral("triaged")).toInt();
    CHECK(triaged == 3);

    CHECK(cli.run({QStringLiteral("undismiss"), fish}).code == 0);
    CHECK(cli.json({QStringLiteral("show"), fish, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("dismissed")) == false);
    CHECK(cli.json({QStringLiteral("stats"), QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("dismissed"))
              .toInt() == 1);

    // A backup carries the dismissal into a new library.
    const QString backup = cli.path(QStringLiteral("reader.json"));
    CHECK(cli.run({QStringLiteral("backup"), backup}).code == 0);
    QFile file(backup);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().contains("\"dismissed\": true"));

    // Unknown ids are named and the rest marked; no id is a usage error.
    const Run missing = cli.run({QStringLiteral("dismiss"), QStringLiteral("999"), fish});
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("there is no paper 999")));
    CHECK(cli.json({QStringLiteral("show"), fish, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("dismissed")) == true);
    CHECK(cli.run({QStringLiteral("dismiss")}).code == 2);
    CHECK(cli.run({QStringLiteral("help"), QStringLiteral("dismiss")}).code == 0);
}

TEST_CASE("gleaner-cli rules: add, list, run on the next digest and on the library, remove",
          "[cli][rules]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const Run added =
        cli.run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("qwen"),
                 QStringLiteral("qwen"), QStringLiteral("--tag"), QStringLiteral("llm"),
                 QStringLiteral("--tag"), QStringLiteral("small models")});
    REQUIRE(added.code == 0);
    // It says what it will do, and what it would match now, changing nothing yet.
    CHECK(added.out.contains(QStringLiteral("rule \u2018qwen\u2019 added")));
    CHECK(added.out.contains(QStringLiteral("tag llm")));
    CHECK(added.out.contains(QStringLiteral("no paper in the library matches it yet")));
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("tag:llm"), QStringLiteral("--json")})
              .array()
              .isEmpty());
    const Run fishAdded =
        cli.run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("fish"),
                 QStringLiteral("title:lanternfish"), QStringLiteral("-is:read"),
                 QStringLiteral("--star"), QStringLiteral("--read")});
    REQUIRE(fishAdded.code == 0);
    CHECK(fishAdded.out.contains(QStringLiteral(
        "it matches 1 paper in the library now; `gleaner-cli rules run fish` applies it")));
    // A rule without an action is a usage error; a taken name is refused.
    CHECK(cli.run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("idle"),
                   QStringLiteral("x")})
              .code == 2);
    const Run taken =
        cli.run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("QWEN"),
                 QStringLiteral("x"), QStringLiteral("--star")});
    CHECK(taken.code == 1);
    CHECK(taken.err.contains(QStringLiteral("already a rule")));

    const QJsonArray listed =
        cli.json({QStringLiteral("rules"), QStringLiteral("list"), QStringLiteral("--json")})
            .array();
    REQUIRE(listed.size() == 2);
    const QJsonObject qwen = listed.at(0).toObject();
    CHECK(qwen.value(QStringLiteral("name")) == QStringLiteral("qwen"));
    CHECK(qwen.value(QStringLiteral("tags")).toArray().size() == 2);
    CHECK(qwen.value(QStringLiteral("last_matched")).isNull());
    const QJsonObject fish = listed.at(1).toObject();
    CHECK(fish.value(QStringLiteral("query")) == QStringLiteral("title:lanternfish -is:read"));
    CHECK(fish.value(QStringLiteral("star")) == true);
    CHECK(fish.value(QStringLiteral("read")) == true);
    CHECK(fish.value(QStringLiteral("dismiss")) == false);
    CHECK(cli.run({QStringLiteral("rules")})
              .out.contains(QStringLiteral("tag llm, tag small "
                                           "models")));

    // On the library: a dry run counts and changes nothing, a run does it.
    const QByteArray before = cli.libraryHash();
    const Run dry = cli.run({QStringLiteral("rules"), QStringLiteral("run"), QStringLiteral("fish"),
                             QStringLiteral("--dry-run")});
    CHECK(dry.code == 0);
    CHECK(dry.out.contains(QStringLiteral("matches 1 paper;")));
    CHECK(dry.out.contains(QStringLiteral("starred 1, marked 1 read")));
    CHECK(cli.libraryHash() == before);
    const QJsonObject ran = cli.json({QStringLiteral("rules"), QStringLiteral("run"),
                                      QStringLiteral("fish"), QStringLiteral("--json")})
                                .object();
    CHECK(ran.value(QStringLiteral("matched")).toInt() == 1);
    CHECK(ran.value(QStringLiteral("starred")).toInt() == 1);
    CHECK(ran.value(QStringLiteral("dry_run")) == false);
    const QJsonArray starred =
        cli.json({QStringLiteral("search"), QStringLiteral("is:starred"), QStringLiteral("--json")})
            .array();
    REQUIRE(starred.size() == 1);
    const QString fishId =
        QString::number(starred.first().toObject().value(QStringLiteral("id")).toInteger());

    // The next digest: the qwen papers are tagged, and the import says so.
    const Run imported = cli.run(
        {QStringLiteral("import"), gleaner::test::dataPath(QStringLiteral("rules/qwen_day.txt"))});
    CHECK(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("rule \u2018qwen\u2019: tagged 3")));
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("tag:llm"),
                    QStringLiteral("tag:\"small "
                                   "models\""),
                    QStringLiteral("--json")})
              .array()
              .size() == 3);
    CHECK(cli.json({QStringLiteral("rules"), QStringLiteral("--json")})
              .array()
              .at(0)
              .toObject()
              .value(QStringLiteral("last_matched"))
              .toInt() == 3);

    // The reader's unstar survives the rule running again.
    REQUIRE(cli.run({QStringLiteral("unstar"), fishId}).code == 0);
    CHECK(cli.run({QStringLiteral("rules"), QStringLiteral("run"), QStringLiteral("fish")}).code ==
          0);
    CHECK(cli.json({QStringLiteral("show"), fishId, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("starred")) == false);

    // A backup carries the rules.
    const QString backup = cli.path(QStringLiteral("reader.json"));
    CHECK(cli.run({QStringLiteral("backup"), backup}).code == 0);
    QFile file(backup);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(root.value(QStringLiteral("rules")).toArray().size() == 2);

    CHECK(cli.run({QStringLiteral("rules"), QStringLiteral("rm"), QStringLiteral("qwen")}).code ==
          0);
    const Run gone =
        cli.run({QStringLiteral("rules"), QStringLiteral("rm"), QStringLiteral("qwen")});
    CHECK(gone.code == 1);
    CHECK(gone.err.contains(QStringLiteral("no rule")));
    CHECK(cli.json({QStringLiteral("rules"), QStringLiteral("--json")}).array().size() == 1);
    // What it did stays.
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("tag:llm"), QStringLiteral("--json")})
              .array()
              .size() == 3);
    CHECK(cli.run({QStringLiteral("rules"), QStringLiteral("run"), QStringLiteral("nope")}).code ==
          1);
    CHECK(cli.run({QStringLiteral("help"), QStringLiteral("rules"), QStringLiteral("add")}).code ==
          0);
}

TEST_CASE("gleaner-cli highlight, highlights, unhighlight; show and export carry them",
          "[cli][highlights]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const QJsonArray hits =
        cli.json({QStringLiteral("search"), QStringLiteral("tidal"), QStringLiteral("--json")})
            .array();
    REQUIRE(hits.size() == 1);
    const QString tidal =
        QString::number(hits.first().toObject().value(QStringLiteral("id")).toInteger());

    const Run made = cli.run({QStringLiteral("highlight"), tidal, QStringLiteral("dense attention"),
                              QStringLiteral("--comment"), QStringLiteral("compare -- later"),
                              QStringLiteral("--colour"), QStringLiteral("green")});
    INFO(made.err.toStdString());
    CHECK(made.code == 0);
    CHECK(made.out.contains(QStringLiteral("Highlighted in the abstract (highlight 1)")));
    // Passages are matched as written, case and all: "Tokens" is the title's.
    CHECK(cli.run({QStringLiteral("highlight"), tidal, QStringLiteral("Tokens"),
                   QStringLiteral("--occurrence"), QStringLiteral("1")})
              .code == 0);

    const QJsonArray listed =
        cli.json({QStringLiteral("highlights"), tidal, QStringLiteral("--json")}).array();
    REQUIRE(listed.size() == 2);
    const QJsonObject title = listed.at(0).toObject();
    CHECK(title.value(QStringLiteral("number")) == 1);
    CHECK(title.value(QStringLiteral("field")) == QStringLiteral("title"));
    CHECK(title.value(QStringLiteral("quote")) == QStringLiteral("Tokens"));
    const QJsonObject dense = listed.at(1).toObject();
    CHECK(dense.value(QStringLiteral("quote")) == QStringLiteral("dense attention"));
    CHECK(dense.value(QStringLiteral("colour")) == QStringLiteral("green"));
    CHECK(dense.value(QStringLiteral("comment")) == QStringLiteral("compare -- later"));
    CHECK(dense.value(QStringLiteral("detached")) == false);
    CHECK(cli.run({QStringLiteral("highlights"), tidal})
              .out.contains(QStringLiteral("2\tabstract\tgreen\t")));

    const QJsonObject shown =
        cli.json({QStringLiteral("show"), tidal, QStringLiteral("--json")}).object();
    CHECK(shown.value(QStringLiteral("highlights")).toArray().size() == 2);
    CHECK(cli.run({QStringLiteral("show"), tidal})
              .out.contains(QStringLiteral("> dense attention \u2014 compare -- later")));
    CHECK(cli.json({QStringLiteral("search"), QStringLiteral("has:highlight"),
                    QStringLiteral("--json")})
              .array()
              .size() == 1);

    // Markdown and the notes folder quote them.
    const Run md = cli.run({QStringLiteral("export"), QStringLiteral("--format"),
                            QStringLiteral("md"), QStringLiteral("has:highlight")});
    CHECK(md.code == 0);
    CHECK(md.out.contains(QStringLiteral("**Highlights**:\n\n> Tokens\n\n> dense attention\n\n"
                                         "compare -- later\n")));
    const QString notes = cli.path(QStringLiteral("notes"));
    CHECK(cli.run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("notes"),
                   QStringLiteral("-o"), notes})
              .code == 0);
    bool quoted = false;
    for (const QFileInfo &file : QDir(notes).entryInfoList({QStringLiteral("*.md")})) {
        QFile f(file.filePath());
        REQUIRE(f.open(QIODevice::ReadOnly));
        quoted = quoted || f.readAll().contains("## Highlights\n\n> Tokens\n");
    }
    CHECK(quoted);

    // Bad input: a clear message, nothing changed.
    const Run absent =
        cli.run({QStringLiteral("highlight"), tidal, QStringLiteral("no such passage")});
    CHECK(absent.code == 1);
    CHECK(absent.err.contains(QStringLiteral("is not in the title or abstract")));
    const Run tooFar = cli.run({QStringLiteral("highlight"), tidal, QStringLiteral("attention"),
                                QStringLiteral("--occurrence"), QStringLiteral("7")});
    CHECK(tooFar.code == 1);
    CHECK(tooFar.err.contains(QStringLiteral("occurs 2 times")));
    const Run colour = cli.run({QStringLiteral("highlight"), tidal, QStringLiteral("tidal"),
                                QStringLiteral("--colour"), QStringLiteral("mauve")});
    CHECK(colour.code == 2);
    CHECK(colour.err.contains(QStringLiteral("yellow, green, blue, pink, purple")));
    CHECK(cli.run({QStringLiteral("highlight"), tidal}).code == 2);
    CHECK(cli.run({QStringLiteral("highlight"), QStringLiteral("999"), QStringLiteral("x")}).code ==
          1);
    const Run wrong = cli.run({QStringLiteral("unhighlight"), tidal, QStringLiteral("3")});
    CHECK(wrong.code == 1);
    CHECK(wrong.err.contains(QStringLiteral("highlights 1 to 2")));
    CHECK(
        cli.json({QStringLiteral("highlights"), tidal, QStringLiteral("--json")}).array().size() ==
        2);

    CHECK(cli.run({QStringLiteral("unhighlight"), tidal, QStringLiteral("1")}).code == 0);
    const QJsonArray left =
        cli.json({QStringLiteral("highlights"), tidal, QStringLiteral("--json")}).array();
    REQUIRE(left.size() == 1);
    CHECK(left.first().toObject().value(QStringLiteral("quote")) ==
          QStringLiteral("dense attention"));

    // A backup carries them into a new library, before its digests.
    const QString backup = cli.path(QStringLiteral("reader.json"));
    CHECK(cli.run({QStringLiteral("backup"), backup}).code == 0);
    Cli other;
    const Run restored = other.run({QStringLiteral("restore"), backup});
    CHECK(restored.code == 0);
    CHECK(restored.out.contains(QStringLiteral("1 highlight")));
    REQUIRE(other.run({QStringLiteral("import"), other.fixture(QStringLiteral("day1.txt"))}).code ==
            0);
    const QJsonArray there =
        other.json({QStringLiteral("search"), QStringLiteral("compare"), QStringLiteral("--json")})
            .array();
    REQUIRE(there.size() == 1);
    CHECK(there.first()
              .toObject()
              .value(QStringLiteral("title"))
              .toString()
              .startsWith(QStringLiteral("Tidal")));
}

TEST_CASE("gleaner-cli searches: add, replace, list, rename and remove saved searches",
          "[cli][searches]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const Run added =
        cli.run({QStringLiteral("searches"), QStringLiteral("add"), QStringLiteral("Fish"),
                 QStringLiteral("lanternfish"), QStringLiteral("is:unread")});
    CHECK(added.code == 0);
    CHECK(added.out.contains(QStringLiteral("added: lanternfish is:unread")));
    const Run replaced = cli.run({QStringLiteral("searches"), QStringLiteral("add"),
                                  QStringLiteral("Fish"), QStringLiteral("lanternfish")});
    CHECK(replaced.code == 0);
    CHECK(replaced.out.contains(QStringLiteral("now asks: lanternfish")));
    CHECK(cli.run({QStringLiteral("searches"), QStringLiteral("add"), QStringLiteral("Tides"),
                   QStringLiteral("tidal")})
              .code == 0);

    auto listed = [&cli] {
        QMap<QString, QString> byName;
        for (const QJsonValue &s :
             cli.json({QStringLiteral("searches"), QStringLiteral("--json")}).array())
            byName.insert(s.toObject().value(QStringLiteral("name")).toString(),
                          s.toObject().value(QStringLiteral("query")).toString());
        return byName;
    };
    CHECK(listed() ==
          QMap<QString, QString>{{QStringLiteral("Fish"), QStringLiteral("lanternfish")},
                                 {QStringLiteral("Tides"), QStringLiteral("tidal")}});
    CHECK(cli.run({QStringLiteral("searches")}).out.contains(QStringLiteral("Tides\ttidal")));

    // A name in another case finds the one search it can mean.
    CHECK(cli.run({QStringLiteral("searches"), QStringLiteral("rename"), QStringLiteral("fish"),
                   QStringLiteral("Deep sea")})
              .code == 0);
    CHECK(listed().value(QStringLiteral("Deep sea")) == QStringLiteral("lanternfish"));
    CHECK_FALSE(listed().contains(QStringLiteral("Fish")));

    CHECK(
        cli.run({QStringLiteral("searches"), QStringLiteral("rm"), QStringLiteral("Tides")}).code ==
        0);
    CHECK(listed().keys() == QStringList{QStringLiteral("Deep sea")});

    const Run unknown =
        cli.run({QStringLiteral("searches"), QStringLiteral("rm"), QStringLiteral("Tides")});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(QStringLiteral("no saved search is called")));
    CHECK(cli.run({QStringLiteral("searches"), QStringLiteral("add"), QStringLiteral("Empty")})
              .code == 2);
    CHECK(cli.run({QStringLiteral("searches"), QStringLiteral("bogus")}).code == 2);
}

TEST_CASE("gleaner-cli note --history lists a note's earlier versions; --restore brings one back",
          "[cli][notehistory]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const QJsonArray hits = cli.json({QStringLiteral("search"), QStringLiteral("lanternfish"),
                                      QStringLiteral("--json")})
                                .array();
    REQUIRE(hits.size() == 1);
    const QString id =
        QString::number(hits.first().toObject().value(QStringLiteral("id")).toInteger());
    const QString first = QStringLiteral("Sonar counts are noisy below 20 fish.");
    const auto history = [&](const QStringList &args) {
        return cli.json(QStringList{QStringLiteral("note"), id} + args).array();
    };

    const Run none = cli.run({QStringLiteral("note"), id, QStringLiteral("--history")});
    CHECK(none.code == 0);
    CHECK(none.out.contains(QStringLiteral("no earlier versions")));
    CHECK(history({QStringLiteral("--history"), QStringLiteral("--json")}).isEmpty());

    REQUIRE(cli.run({QStringLiteral("note"), id, first}).code == 0);
    REQUIRE(cli.run({QStringLiteral("note"), id, QString()}).code == 0); // cleared by mistake
    REQUIRE(cli.run({QStringLiteral("note"), id, QStringLiteral("Oops")}).code == 0);

    // Listing only reads: the file is left as it was.
    const QByteArray before = cli.libraryHash();
    const Run listed = cli.run({QStringLiteral("note"), id, QStringLiteral("--history")});
    CHECK(listed.code == 0);
    CHECK(cli.libraryHash() == before);
    REQUIRE(listed.out.startsWith(QStringLiteral("1\t")));
    CHECK(listed.out.contains(QStringLiteral("37 characters")));
    CHECK(listed.out.contains(QStringLiteral("before a deletion")));
    CHECK(listed.out.contains(first));

    // The options may come before the ID too.
    const QJsonArray versions = cli.json({QStringLiteral("note"), QStringLiteral("--history"),
                                          QStringLiteral("--json"), id})
                                    .array();
    REQUIRE(versions.size() == 1);
    const QJsonObject v = versions.first().toObject();
    CHECK(v.value(QStringLiteral("version")).toInt() == 1);
    CHECK(v.value(QStringLiteral("text")).toString() == first);
    CHECK(v.value(QStringLiteral("characters")).toInt() == int(first.size()));
    CHECK(v.value(QStringLiteral("before_deletion")).toBool());
    CHECK(QDateTime::fromString(v.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs)
              .isValid());

    const Run restored =
        cli.run({QStringLiteral("note"), id, QStringLiteral("--restore"), QStringLiteral("1")});
    CHECK(restored.code == 0);
    CHECK(restored.out.contains(QStringLiteral("Restored version 1")));
    CHECK(cli.json({QStringLiteral("show"), id, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("note"))
              .toString() == first);
    // The note the restore replaced is the newest version: the restore can
    // be undone the same way.
    const QJsonArray after = history({QStringLiteral("--history"), QStringLiteral("--json")});
    REQUIRE(after.size() == 2);
    CHECK(after.first().toObject().value(QStringLiteral("text")).toString() ==
          QStringLiteral("Oops"));
    const Run undone = cli.run({QStringLiteral("note"), id, QStringLiteral("--restore=1")});
    CHECK(undone.code == 0);
    CHECK(undone.out.contains(QStringLiteral("the note it replaced is version 1 now")));
    CHECK(cli.json({QStringLiteral("show"), id, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("note"))
              .toString() == QStringLiteral("Oops"));
    // Version 2 is "Oops" too, the note as it is: nothing to do, and it says so.
    REQUIRE(history({QStringLiteral("--history"), QStringLiteral("--json")})
                .at(1)
                .toObject()
                .value(QStringLiteral("text"))
                .toString() == QStringLiteral("Oops"));
    const Run same =
        cli.run({QStringLiteral("note"), id, QStringLiteral("--restore"), QStringLiteral("2")});
    CHECK(same.code == 0);
    CHECK(same.out.contains(QStringLiteral("already")));

    // A version the history lacks is refused, and changes nothing.
    const QByteArray kept = cli.libraryHash();
    const Run missing =
        cli.run({QStringLiteral("note"), id, QStringLiteral("--restore"), QStringLiteral("9")});
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("no version 9")));
    CHECK(cli.libraryHash() == kept);
    for (const QStringList &args :
         {QStringList{QStringLiteral("--restore"), QStringLiteral("two")},
          QStringList{QStringLiteral("--restore"), QStringLiteral("0")},
          QStringList{QStringLiteral("--restore")},
          QStringList{QStringLiteral("--history"), QStringLiteral("--restore"),
                      QStringLiteral("1")},
          QStringList{QStringLiteral("--restore"), QStringLiteral("1"), QStringLiteral("--json")},
          QStringList{QStringLiteral("--history"), QStringLiteral("extra")}, QStringList{}}) {
        const Run r = cli.run(QStringList{QStringLiteral("note"), id} + args);
        INFO(args.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString());
        CHECK(r.code == 2);
    }
    CHECK(cli.libraryHash() == kept);
    // Text that merely contains the words is a note, as ever.
    REQUIRE(
        cli.run({QStringLiteral("note"), id, QStringLiteral("see"), QStringLiteral("--history")})
            .code == 0);
    CHECK(cli.json({QStringLiteral("show"), id, QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("note"))
              .toString() == QStringLiteral("see --history"));
    CHECK(cli.run({QStringLiteral("note"), QStringLiteral("99999"), QStringLiteral("--history")})
              .code == 1);
}

TEST_CASE("gleaner-cli queue: add, list, move, show and rm, with clear errors", "[cli][queue]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt")),
                     cli.fixture(QStringLiteral("day2.txt"))})
                .code == 0);
    auto idOf = [&cli](const QString &words) {
        const QJsonArray hits =
            cli.json({QStringLiteral("search"), words, QStringLiteral("--json")}).array();
        REQUIRE(hits.size() == 1);
        return QString::number(hits.first().toObject().value(QStringLiteral("id")).toInteger());
    };
    const QString fish = idOf(QStringLiteral("lanternfish"));
    const QString tidal = idOf(QStringLiteral("tidal"));
    const QString quiet = idOf(QStringLiteral("title:quiet"));
    auto order = [&cli] {
        QStringList ids;
        for (const QJsonValue &v :
             cli.json({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--json")})
                 .array()) {
            CHECK(v.toObject().value(QStringLiteral("position")).toInt() == ids.size() + 1);
            ids << QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
        }
        return ids;
    };

    CHECK(order().isEmpty());
    const Run added = cli.run({QStringLiteral("queue"), QStringLiteral("add"), tidal, fish, quiet});
    REQUIRE(added.code == 0);
    CHECK(added.out.contains(QStringLiteral("Added 3 papers to the reading queue; it holds 3.")));
    CHECK(order() == QStringList{tidal, fish, quiet});
    const Run again = cli.run({QStringLiteral("queue"), QStringLiteral("add"), fish});
    CHECK(again.out.contains(QStringLiteral("Added 0 papers to the reading queue (1 already in "
                                            "it); it holds 3.")));
    CHECK(order() == QStringList{tidal, fish, quiet});

    // 1-based positions, and the words.
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), quiet, QStringLiteral("1")})
              .out.contains(QStringLiteral("number 1 of 3")));
    CHECK(order() == QStringList{quiet, tidal, fish});
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), quiet, QStringLiteral("down")})
              .code == 0);
    CHECK(order() == QStringList{tidal, quiet, fish});
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), fish, QStringLiteral("top")})
              .code == 0);
    CHECK(order() == QStringList{fish, tidal, quiet});
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), fish, QStringLiteral("bottom")})
              .code == 0);
    CHECK(order() == QStringList{tidal, quiet, fish});
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), fish, QStringLiteral("up")})
              .code == 0);
    CHECK(order() == QStringList{tidal, fish, quiet});
    // Past the end is the end, and the message says the queue is shorter.
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), tidal, QStringLiteral("40")})
              .out.contains(QStringLiteral("The reading queue holds 3 papers: paper %1 goes last.")
                                .arg(tidal)));
    CHECK(order() == QStringList{fish, quiet, tidal});

    // show says whether a paper is queued and where.
    QJsonObject shown =
        cli.json({QStringLiteral("show"), quiet, QStringLiteral("--json")}).object();
    CHECK(shown.value(QStringLiteral("queued")) == true);
    CHECK(shown.value(QStringLiteral("queue_position")) == 2);
    CHECK(cli.run({QStringLiteral("show"), quiet})
              .out.contains(QStringLiteral("number 2 of 3 in the reading queue")));
    CHECK(cli.json({QStringLiteral("stats"), QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("queued")) == 3);
    // The search twin: is:queued in the queue's order.
    QStringList searched;
    for (const QJsonValue &v :
         cli.json({QStringLiteral("search"), QStringLiteral("is:queued"), QStringLiteral("--sort"),
                   QStringLiteral("queue"), QStringLiteral("--json")})
             .array())
        searched << QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
    CHECK(searched == QStringList{fish, quiet, tidal});

    // Errors say what is wrong and change nothing.
    const Run unknown = cli.run({QStringLiteral("queue"), QStringLiteral("add"),
                                 QStringLiteral("999999"), QStringLiteral("x")});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(QStringLiteral("there is no paper 999999")));
    CHECK(unknown.err.contains(QStringLiteral("'x' is not a paper id")));
    CHECK(order() == QStringList{fish, quiet, tidal});
    const Run badPlace = cli.run(
        {QStringLiteral("queue"), QStringLiteral("move"), fish, QStringLiteral("sideways")});
    CHECK(badPlace.code == 2);
    CHECK(badPlace.err.contains(QStringLiteral("not a place in the queue")));
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), fish, QStringLiteral("0")})
              .code == 2);
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("move"), fish}).code == 2);
    CHECK(cli.run({QStringLiteral("queue"), QStringLiteral("frob")}).code == 2);

    const Run removed = cli.run({QStringLiteral("queue"), QStringLiteral("rm"), quiet});
    CHECK(removed.code == 0);
    CHECK(removed.out.contains(
        QStringLiteral("Removed 1 paper from the reading queue; it holds 2.")));
    CHECK(order() == QStringList{fish, tidal});
    const Run notQueued =
        cli.run({QStringLiteral("queue"), QStringLiteral("move"), quiet, QStringLiteral("1")});
    CHECK(notQueued.code == 1);
    CHECK(notQueued.err.contains(QStringLiteral("not in the reading queue")));
    shown = cli.json({QStringLiteral("show"), quiet, QStringLiteral("--json")}).object();
    CHECK(shown.value(QStringLiteral("queued")) == false);
    CHECK(shown.value(QStringLiteral("queue_position")).isNull());
    // The human list: position, id, title.
    const Run listed = cli.run({QStringLiteral("queue")});
    CHECK(listed.out.startsWith(QStringLiteral("1\t") + fish + u'\t'));
}

TEST_CASE("gleaner-cli rules add --queue adds what the rule matches to the reading queue",
          "[cli][queue][rules]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day1.txt"))}).code == 0);
    const Run added =
        cli.run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("later"),
                 QStringLiteral("title:quiet"), QStringLiteral("--queue")});
    REQUIRE(added.code == 0);
    CHECK(added.out.contains(QStringLiteral("add to the reading queue")));
    const QJsonArray rules = cli.json({QStringLiteral("rules"), QStringLiteral("--json")}).array();
    REQUIRE(rules.size() == 1);
    CHECK(rules.first().toObject().value(QStringLiteral("queue")) == true);
    const Run imported =
        cli.run({QStringLiteral("import"), cli.fixture(QStringLiteral("day2.txt"))});
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("queued 1 to read later")));
    const QJsonArray queue = cli.json({QStringLiteral("queue"), QStringLiteral("--json")}).array();
    REQUIRE(queue.size() == 1);
    CHECK(queue.first()
              .toObject()
              .value(QStringLiteral("title"))
              .toString()
              .startsWith(QStringLiteral("Quiet Tokens")));
}

TEST_CASE("gleaner-cli rank, search --sort foryou, related and suggest-tags", "[cli][rank]")
{
    Cli cli;
    gleaner::test::PlantedTopics::Settings settings;
    settings.topics = 6;
    settings.papersPerTopic = 40;
    const gleaner::test::PlantedTopics corpus(settings);
    QList<QString> ids; // by paper number
    {
        gleaner::Library library;
        REQUIRE(library.open(cli.libraryPath()));
        gleaner::Importer importer(library);
        corpus.import(importer, 0, corpus.papers());
        for (int i = 0; i < corpus.papers(); ++i) {
            gleaner::Statement st =
                library.database().prepare("SELECT id FROM papers WHERE title = ?1");
            st.bind(1, corpus.entry(i).title);
            REQUIRE(st.next());
            ids << QString::number(st.int64(0));
        }
    }
    auto topicOf = [&](const QString &id) { return corpus.topicOf(int(ids.indexOf(id))); };

    // Nothing to learn from: the order falls back, and says so.
    CHECK(cli.run({QStringLiteral("rank")}).out.contains(QStringLiteral("rank train")));
    const Run cold =
        cli.run({QStringLiteral("search"), QStringLiteral("--sort"), QStringLiteral("foryou"),
                 QStringLiteral("--limit"), QStringLiteral("3")});
    CHECK(cold.code == 0);
    CHECK(cold.err.contains(QStringLiteral("upvotes")));
    CHECK(cli.run({QStringLiteral("related"), ids.first()})
              .out.contains(QStringLiteral("rank train")));

    // Five stars on topic 1, four papers of topic 4 tagged.
    QStringList star{QStringLiteral("star")};
    QStringList tagged;
    QStringList restOfOne;
    QStringList restOfFour;
    for (int i = 0; i < corpus.papers(); ++i) {
        if (corpus.topicOf(i) == 1)
            (star.size() <= 5 ? star : restOfOne) << ids.at(i);
        else if (corpus.topicOf(i) == 4)
            (tagged.size() < 4 ? tagged : restOfFour) << ids.at(i);
    }
    REQUIRE(cli.run(star).code == 0);
    for (const QString &id : std::as_const(tagged))
        REQUIRE(cli.run({QStringLiteral("tag"), id, QStringLiteral("reef")}).code == 0);
    CHECK(cli.json({QStringLiteral("rank"), QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("stale"))
              .toBool());
    const QJsonObject trained =
        cli.json({QStringLiteral("rank"), QStringLiteral("train"), QStringLiteral("--json")})
            .object();
    CHECK(trained.value(QStringLiteral("rebuilt")).toBool());
    CHECK(trained.value(QStringLiteral("trained")).toInt() == 2);
    const QJsonObject status =
        cli.json({QStringLiteral("rank"), QStringLiteral("--json")}).object();
    CHECK_FALSE(status.value(QStringLiteral("stale")).toBool());
    CHECK(status.value(QStringLiteral("vectors")).toInt() == corpus.papers());
    CHECK(status.value(QStringLiteral("models")).toArray().size() == 2);
    CHECK(cli.run({QStringLiteral("rank")}).out.contains(QStringLiteral("tag reef: 4 positive")));

    const Run personal =
        cli.run({QStringLiteral("search"), QStringLiteral("--sort"), QStringLiteral("foryou"),
                 QStringLiteral("--limit"), QStringLiteral("10"), QStringLiteral("--json")});
    REQUIRE(personal.code == 0);
    CHECK(personal.err.isEmpty());
    const QJsonArray top = QJsonDocument::fromJson(personal.out.toUtf8()).array();
    REQUIRE(top.size() == 10);
    double previous = 2;
    for (const QJsonValue &v : top) {
        const QJsonObject p = v.toObject();
        const QString id = QString::number(p.value(QStringLiteral("id")).toInteger());
        CHECK((topicOf(id) == 1 || topicOf(id) == 4));
        const double score = p.value(QStringLiteral("score")).toDouble();
        CHECK(score <= previous);
        previous = score;
        CHECK(p.value(QStringLiteral("why")).toArray().size() >= 1);
        CHECK(p.value(QStringLiteral("model")).toString() ==
              (topicOf(id) == 1 ? QStringLiteral("stars") : QStringLiteral("tag:reef")));
    }

    const QJsonArray related =
        cli.json({QStringLiteral("related"), restOfOne.first(), QStringLiteral("--limit"),
                  QStringLiteral("3"), QStringLiteral("--json")})
            .array();
    REQUIRE(related.size() == 3);
    int sameTopic = 0;
    for (const QJsonValue &v : related) {
        const QString id = QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
        sameTopic += topicOf(id) == 1;
        CHECK(v.toObject().value(QStringLiteral("similarity")).toDouble() > 0);
    }
    CHECK(sameTopic >= 2);
    CHECK(cli.run({QStringLiteral("related")}).code == 2);
    CHECK(cli.run({QStringLiteral("related"), QStringLiteral("999999")}).code == 1);
    CHECK(cli.run({QStringLiteral("related"), ids.first(), QStringLiteral("--limit"),
                   QStringLiteral("many")})
              .code == 2);

    const QJsonArray suggested =
        cli.json({QStringLiteral("suggest-tags"), restOfFour.first(), QStringLiteral("--json")})
            .array();
    REQUIRE(suggested.size() == 1);
    CHECK(suggested.first().toObject().value(QStringLiteral("tag")).toString() ==
          QStringLiteral("reef"));
    CHECK(suggested.first().toObject().value(QStringLiteral("score")).toDouble() >= 0.5);
    CHECK(cli.run({QStringLiteral("suggest-tags"), restOfOne.first()})
              .out.contains(QStringLiteral("No tag to suggest")));
    // A suggestion is never a tag by itself.
    CHECK(cli.json({QStringLiteral("show"), restOfFour.first(), QStringLiteral("--json")})
              .object()
              .value(QStringLiteral("tags"))
              .toArray()
              .isEmpty());
    // Read-only commands changed nothing.
    const QByteArray before = cli.libraryHash();
    (void)cli.run({QStringLiteral("related"), restOfOne.first()});
    (void)cli.run({QStringLiteral("suggest-tags"), restOfOne.first()});
    CHECK(cli.libraryHash() == before);
}
