// The notes folder for Obsidian and Logseq: one file per paper named by its
// citation key, YAML front matter a YAML parser reads back for any title,
// and the user's text below the marker kept across exports, a deleted file
// left deleted unless asked.
#include "catch.h"
#include "export/exporter.h"
#include "export/notesfolder.h"
#include "model/titletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace gleaner;

namespace {

Paper paper(qint64 id, const QString &title, const QDate &published = {})
{
    Paper p;
    p.id = id;
    p.title = title;
    p.published = published;
    p.abstract = QStringLiteral("An abstract with *stars*, a # and\na second line.");
    p.upvotes = int(id) * 3;
    p.starred = id % 2 == 0;
    p.read = id % 3 == 0;
    Appearance a;
    a.digestDate = QDate(2026, 3, 5);
    p.appearances << a;
    return p;
}

// Titles that are not plain YAML strings: a list item, a mapping, a flow
// sequence, a comment, a boolean, a date, a null, an alias, a tag.
QList<Paper> hostilePapers()
{
    QList<Paper> papers = {
        paper(1, QStringLiteral("- Leading Dash: \"Quoted\" #Hash"), QDate(2024, 5, 2)),
        paper(2, QStringLiteral("[Bracketed] {Braced}: a Colon, and a # Comment")),
        paper(3, QStringLiteral("yes")),
        paper(4, QStringLiteral("2024-01-01")),
        paper(5, QStringLiteral("@At & *Star* %Percent !Tag |Pipe >Fold")),
        paper(6, QStringLiteral("null")),
        paper(7, QStringLiteral("C:\\path\\to 'single' \u2028 end")),
        paper(8, QString::fromUtf8("Нейронные сети: 日本語 ~ `code`")),
        paper(9, QStringLiteral("M$^3$ViT: a \"Title\" in $\\mathbb{R}^n$")),
    };
    papers[8].upvotes.reset(); // a layout without upvotes
    papers[0].tags = {QStringLiteral("to read"), QStringLiteral("a: b"), QStringLiteral("#tag"),
                      QStringLiteral("\"q\"")};
    papers[0].note = QStringLiteral("My note: with a colon\n- and a list");
    return papers;
}

QString readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

} // namespace

TEST_CASE("Notes: one Markdown file per paper, named by its citation key", "[export]")
{
    const QList<Paper> papers = hostilePapers();
    const QStringList keys = Exporter::citationKeys(papers);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("vault/papers"));
    NotesFolder notes(folder);
    const auto report = notes.write(papers);
    REQUIRE(report);
    CHECK(report->written == papers.size());
    CHECK(report->skipped.isEmpty());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const QString text = readFile(QDir(folder).filePath(keys.at(i) + QStringLiteral(".md")));
        CHECK(text.startsWith(QStringLiteral("---\ntitle: \"")));
        CHECK(text.contains(QStringLiteral("\ncitekey: \"") + keys.at(i) + QStringLiteral("\"\n")));
        CHECK(text.contains(u'\n' + NotesFolder::marker() + u'\n'));
        CHECK(text.contains(QStringLiteral("\ndigests:\n  - 2026-03-05\n")));
    }
    const QString first = readFile(QDir(folder).filePath(keys.at(0) + QStringLiteral(".md")));
    CHECK(first.contains(QStringLiteral("\ntitle: \"- Leading Dash: \\\"Quoted\\\" #Hash\"\n")));
    CHECK(first.contains(QStringLiteral("\npublished: 2024-05-02\n")));
    // The note's own Markdown: its list stays a list.
    CHECK(first.contains(QStringLiteral("\n## Note\n\nMy note: with a colon\n- and a list\n")));
    // No invented date here either.
    const QString undated = readFile(QDir(folder).filePath(keys.at(1) + QStringLiteral(".md")));
    CHECK(undated.contains(QStringLiteral("\npublished: null\n")));
    CHECK(undated.contains(QStringLiteral("\ntags: []\n")));
    CHECK(QFileInfo::exists(QDir(folder).filePath(NotesFolder::manifestName())));
}

TEST_CASE("Notes: exporting again keeps what the user wrote below the marker", "[export]")
{
    QList<Paper> papers = hostilePapers();
    const QStringList keys = Exporter::citationKeys(papers);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    NotesFolder notes(dir.path());
    REQUIRE(notes.write(papers));
    const QString path = dir.filePath(keys.at(0) + QStringLiteral(".md"));
    const QString mine = QStringLiteral("My thoughts, with [[links]] and\n---\nmore.\n");
    writeFile(path, readFile(path) + mine);

    SECTION("an unchanged paper leaves its file alone")
    {
        const auto again = notes.write(papers);
        REQUIRE(again);
        CHECK(again->written == 0);
        CHECK(again->unchanged == papers.size());
        CHECK(readFile(path).endsWith(NotesFolder::marker() + u'\n' + mine));
    }
    SECTION("a changed paper updates Gleaner's part only")
    {
        papers[0].starred = !papers[0].starred;
        papers[0].tags << QStringLiteral("new tag");
        papers[0].note = QStringLiteral("A new note.");
        const auto again = notes.write(papers);
        REQUIRE(again);
        CHECK(again->written == 1);
        const QString text = readFile(path);
        CHECK(text.contains(QStringLiteral("  - \"new tag\"\n")));
        CHECK(text.contains(QStringLiteral("A new note.")));
        CHECK_FALSE(text.contains(QStringLiteral("with a colon")));
        CHECK(text.endsWith(NotesFolder::marker() + u'\n' + mine));
        CHECK(text.count(NotesFolder::marker()) == 1);
    }
    SECTION("a file without the marker is kept whole below it")
    {
        const QString other = dir.filePath(keys.at(1) + QStringLiteral(".md"));
        writeFile(other, QStringLiteral("I replaced everything.\n"));
        REQUIRE(notes.write(papers));
        CHECK(readFile(other).endsWith(NotesFolder::marker() +
                                       QStringLiteral("\nI replaced everything.\n")));
    }
}

TEST_CASE("Notes: a file the user deleted stays deleted unless asked", "[export]")
{
    const QList<Paper> papers = hostilePapers();
    const QStringList keys = Exporter::citationKeys(papers);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    NotesFolder notes(dir.path());
    REQUIRE(notes.write(papers));
    const QString path = dir.filePath(keys.at(2) + QStringLiteral(".md"));
    REQUIRE(QFile::remove(path));

    const auto again = notes.write(papers);
    REQUIRE(again);
    CHECK(again->skipped == QStringList{keys.at(2) + QStringLiteral(".md")});
    CHECK_FALSE(QFileInfo::exists(path));

    const auto recreated = notes.write(papers, true);
    REQUIRE(recreated);
    CHECK(recreated->skipped.isEmpty());
    CHECK(recreated->written == 1);
    CHECK(QFileInfo::exists(path));

    SECTION("a paper keeps its file when its key changes")
    {
        QList<Paper> dated = papers;
        dated[2].published = QDate(2025, 1, 1);
        REQUIRE(Exporter::citationKeys(dated).at(2) != keys.at(2));
        const auto moved = notes.write(dated);
        REQUIRE(moved);
        CHECK(readFile(path).contains(QStringLiteral("\ncitekey: \"") +
                                      Exporter::citationKeys(dated).at(2) +
                                      QStringLiteral("\"\n")));
    }
    SECTION("a damaged manifest stops the export with a reason")
    {
        writeFile(dir.filePath(NotesFolder::manifestName()), QStringLiteral("{not json"));
        CHECK_FALSE(notes.write(papers));
        CHECK(notes.errorString().contains(NotesFolder::manifestName()));
    }
}

TEST_CASE("Notes: the front matter reads back with a YAML parser", "[export][tools]")
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QProcess probe;
    if (!python.isEmpty()) {
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import yaml")});
        probe.waitForFinished(30000);
    }
    if (python.isEmpty() || probe.exitCode() != 0) {
        test::markSkipped(QStringLiteral("python3 with PyYAML is not installed (python3-yaml)"));
        return;
    }
    const QList<Paper> papers = hostilePapers();
    const QStringList keys = Exporter::citationKeys(papers);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    REQUIRE(NotesFolder(dir.path()).write(papers));
    // The front matter of each file as JSON, parsed by PyYAML's safe loader.
    const QString script = QStringLiteral("import json, sys, yaml\n"
                                          "out = []\n"
                                          "for path in sys.argv[1:]:\n"
                                          "    text = open(path, encoding='utf-8').read()\n"
                                          "    assert text.startswith('---\\n')\n"
                                          "    front = text[4:text.index('\\n---\\n')]\n"
                                          "    out.append(yaml.safe_load(front))\n"
                                          "print(json.dumps(out, default=str))\n");
    QStringList args{QStringLiteral("-c"), script};
    for (const QString &key : keys)
        args << dir.filePath(key + QStringLiteral(".md"));
    QProcess p;
    p.start(python, args);
    REQUIRE(p.waitForFinished(30000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    const QJsonArray docs = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    REQUIRE(docs.size() == papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &paper = papers.at(i);
        const QJsonObject doc = docs.at(i).toObject();
        INFO(paper.title.toStdString());
        CHECK(doc.value(QStringLiteral("title")).toString() ==
              plainTitle(paper.title.simplified()));
        CHECK(doc.value(QStringLiteral("citekey")).toString() == keys.at(i));
        QStringList tags;
        for (const QJsonValue &t : doc.value(QStringLiteral("tags")).toArray())
            tags << t.toString();
        CHECK(tags == paper.tags);
        CHECK(doc.value(QStringLiteral("published")).toString() ==
              (paper.published.isValid() ? paper.published.toString(Qt::ISODate) : QString()));
        if (paper.upvotes)
            CHECK(doc.value(QStringLiteral("upvotes")).toInt(-1) == *paper.upvotes);
        else
            CHECK(doc.value(QStringLiteral("upvotes")).isNull());
        CHECK(doc.value(QStringLiteral("starred")).toBool(!paper.starred) == paper.starred);
        CHECK(doc.value(QStringLiteral("read")).toBool(!paper.read) == paper.read);
        CHECK(doc.value(QStringLiteral("digests")).toArray() ==
              QJsonArray{QStringLiteral("2026-03-05")});
    }
}
