// gleaner-cli end to end: the real executable against a library in a
// temporary folder.
#include "catch.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

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

    Run run(QStringList args, const QByteArray &input = {})
    {
        args.prepend(m_dir.filePath(QStringLiteral("library.sqlite3")));
        args.prepend(QStringLiteral("--library"));
        QProcess p;
        p.start(QStringLiteral(GLEANER_CLI_PATH), args);
        REQUIRE(p.waitForStarted());
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        REQUIRE(p.waitForFinished(60000));
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
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
    CHECK(cli.run({QStringLiteral("search"), QStringLiteral("--sort"), QStringLiteral("sideways")})
              .code == 2);
    CHECK(cli.run({QStringLiteral("show")}).code == 2);
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
