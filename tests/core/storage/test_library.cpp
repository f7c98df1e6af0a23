#include "catch.h"
#include "libraryfixture.h"
#include "model/titlekey.h"
#include "storage/paperstore.h"
#include "storage/schema.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

using namespace gleaner;
using gleaner::test::LibraryFixture;

TEST_CASE("A new library has the current schema", "[library]")
{
    LibraryFixture f;
    CHECK(f.library.database().userVersion() == Schema::currentVersion());
    CHECK(f.library.paperCount() == 0);
    CHECK(f.library.digests().isEmpty());
}

TEST_CASE("A corrupt library file is refused and left as it was", "[library]")
{
    LibraryFixture f;
    const QString path = f.path(QStringLiteral("broken.sqlite3"));
    QByteArray junk = "SQLite format 3";
    junk.append(QByteArray(8192, '\x5a'));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(junk);
    file.close();

    Library other;
    CHECK_FALSE(other.open(path));
    CHECK(other.errorString().contains(path));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == junk);
}

TEST_CASE("A library from a newer Gleaner is refused", "[library]")
{
    LibraryFixture f;
    REQUIRE(f.library.database().setUserVersion(Schema::currentVersion() + 1));
    f.library.close();
    Library again;
    CHECK_FALSE(again.open(f.libraryPath()));
    CHECK(again.errorString().contains(QStringLiteral("newer Gleaner")));
}

TEST_CASE("Another program's SQLite database is not taken over", "[library]")
{
    LibraryFixture f;
    const QString path = f.path(QStringLiteral("other.sqlite3"));
    {
        Database db;
        REQUIRE(db.open(path));
        REQUIRE(db.exec("CREATE TABLE contacts(name TEXT)"));
    }
    Library library;
    CHECK_FALSE(library.open(path));
    CHECK(library.errorString().contains(QStringLiteral("not a Gleaner library")));
}

TEST_CASE("Importing a digest adds its papers, appearances and date", "[library][import]")
{
    LibraryFixture f;
    const ImportReport r = f.import({f.copyFixture(QStringLiteral("day1.txt"))});
    CHECK(r.ok());
    CHECK_FALSE(r.hasRejections());
    CHECK(r.digestsAdded == 1);
    CHECK(r.papersAdded == 3);
    CHECK(r.entries == 3);

    const QList<DigestInfo> digests = f.library.digests();
    REQUIRE(digests.size() == 1);
    CHECK(digests.first().date == QDate(2026, 3, 3)); // capture year: 2025 + 1
    CHECK(digests.first().certainty == DateCertainty::Derived);
    CHECK(digests.first().unread == 3);

    const auto paper = f.library.paper(f.idOf(QStringLiteral("Lanternfish")));
    REQUIRE(paper);
    CHECK(paper->submitter.kind == Submitter::Kind::Organisation);
    CHECK(paper->submitter.organisation == QStringLiteral("Marine Robotics Lab"));
    CHECK(paper->published == QDate(2026, 3, 1));
    CHECK(paper->upvotes == 3);
    REQUIRE(paper->appearances.size() == 1);
    CHECK(paper->appearances.first().position == 2);

    const auto guide = f.library.paper(f.idOf(QStringLiteral("Field Guide")));
    REQUIRE(guide);
    CHECK(guide->published == QDate(2025, 12, 30));
    CHECK(guide->submitter.kind == Submitter::Kind::Authors);
    CHECK(guide->submitter.authors == 1);
}

TEST_CASE("Re-importing the same content adds nothing, even renamed", "[library][import]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).digestsAdded == 1);
    const ImportReport again =
        f.import({f.copyFixture(QStringLiteral("day1.txt"), QStringLiteral("renamed/copy.txt"))});
    CHECK(again.digestsAdded == 0);
    CHECK(again.digestsRepeated == 1);
    CHECK(f.library.paperCount() == 3);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM appearances") == 3);
}

TEST_CASE("A paper seen again gains an appearance and missing metadata only", "[library][import]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.setStarred({id}, true));
    REQUIRE(f.library.addTags({id}, {QStringLiteral("fish")}));
    REQUIRE(f.library.setNote(id, QStringLiteral("Compare with the sonar paper.")));
    REQUIRE(f.library.setRead({id}, true));

    const ImportReport r = f.import({f.copyFixture(QStringLiteral("day2.txt"))});
    CHECK(r.digestsAdded == 1);
    CHECK(r.papersAdded == 2);
    CHECK(r.papersSeenAgain == 1); // same title up to case and spacing
    CHECK(f.library.paperCount() == 5);

    const auto paper = f.library.paper(id);
    REQUIRE(paper);
    CHECK(paper->appearances.size() == 2);
    CHECK(paper->upvotes == 21); // the highest seen
    CHECK(paper->title == QStringLiteral("Counting Lanternfish with Sparse Autoencoders"));
    // Reader data is never touched by an import.
    CHECK(paper->starred);
    CHECK(paper->read);
    CHECK(paper->tags == QStringList{QStringLiteral("fish")});
    CHECK(paper->note == QStringLiteral("Compare with the sonar paper."));
}

TEST_CASE("Upvotes a layout does not show are unknown, never zero", "[library][import]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day5_plain.txt"))}).ok()); // layout B

    // Seen with a count (14) and then without one: the count stays.
    const auto seenTwice = f.library.paper(tidal);
    REQUIRE(seenTwice);
    CHECK(seenTwice->upvotes == 14);
    REQUIRE(seenTwice->appearances.size() == 2);
    CHECK(seenTwice->appearances.at(0).upvotes == 14);
    CHECK_FALSE(seenTwice->appearances.at(1).upvotes.has_value());

    // Only ever seen without one: unknown, in the file too.
    const auto moss = f.library.paper(f.idOf(QStringLiteral("Moss Maps")));
    REQUIRE(moss);
    CHECK_FALSE(moss->upvotes.has_value());
    CHECK(test::scalar(f.library, "SELECT count(*) FROM papers WHERE upvotes IS NULL") == 1);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM papers WHERE upvotes = 0") == 0);

    // Unknown does not match a count filter, not even upvotes:<1.
    CHECK(f.library.search(QStringLiteral("moss upvotes:<1")).value().ids.isEmpty());
}

TEST_CASE("A digest with no year evidence takes the year of the file", "[library][import]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const QList<DigestInfo> digests = f.library.digests();
    REQUIRE(digests.size() == 1);
    CHECK(digests.first().date == QDate(2026, 3, 4));
    CHECK(digests.first().certainty == DateCertainty::FileTime);
}

TEST_CASE("A folder import skips what is not a digest, naming each file", "[library][import]")
{
    LibraryFixture f;
    f.copyFixture(QStringLiteral("day1.txt"), QStringLiteral("in/2026/day1.txt"));
    f.copyFixture(QStringLiteral("day2.txt"), QStringLiteral("in/2026/03/day2.txt"));
    f.copyFixture(QStringLiteral("notes.md"), QStringLiteral("in/notes.md"));
    QFile binary(f.path(QStringLiteral("in/picture.png")));
    REQUIRE(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + QByteArray(200, '\0'));
    binary.close();

    const ImportReport r = f.import({f.path(QStringLiteral("in"))});
    CHECK(r.ok());
    CHECK(r.files == 4);
    CHECK(r.digestsAdded == 2);
    REQUIRE(r.rejected.size() == 2);
    QStringList sources;
    for (const ImportProblem &p : r.rejected) {
        sources << QFileInfo(p.source).fileName();
        CHECK_FALSE(p.message.isEmpty());
    }
    sources.sort();
    CHECK(sources == QStringList{QStringLiteral("notes.md"), QStringLiteral("picture.png")});
    CHECK(f.library.paperCount() == 5);
}

TEST_CASE("A cancelled import leaves the library exactly as it was", "[library][import]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    f.copyFixture(QStringLiteral("day1.txt"), QStringLiteral("in/a.txt"));
    f.copyFixture(QStringLiteral("day2.txt"), QStringLiteral("in/b.txt"));

    Importer importer(f.library);
    importer.setProgressHandler([](const ImportProgress &p) { return p.done < 2; });
    const ImportReport r = importer.importPaths({f.path(QStringLiteral("in"))});
    CHECK(r.cancelled);
    CHECK(f.library.paperCount() == 3);
    CHECK(f.library.digests().size() == 1);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM appearances") == 3);
}

TEST_CASE("Raw text imports like a file", "[library][import]")
{
    LibraryFixture f;
    QFile file(gleaner::test::dataPath(QStringLiteral("library/day1.txt")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    Importer importer(f.library);
    const ImportReport r = importer.importData(file.readAll(), QStringLiteral("(clipboard)"));
    CHECK(r.digestsAdded == 1);
    CHECK(f.library.digests().first().source == QStringLiteral("(clipboard)"));

    const ImportReport junk = importer.importData(QByteArray("hello\n"), QStringLiteral("(stdin)"));
    CHECK(junk.digestsAdded == 0);
    REQUIRE(junk.rejected.size() == 1);
    CHECK(junk.rejected.first().source == QStringLiteral("(stdin)"));
}

TEST_CASE("An archive imports its digests from memory, nested folders too", "[library][import]")
{
    const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
    REQUIRE_FALSE(tar.isEmpty());
    LibraryFixture f;
    f.copyFixture(QStringLiteral("day1.txt"), QStringLiteral("pack/march/day1.txt"));
    f.copyFixture(QStringLiteral("day2.txt"), QStringLiteral("pack/march/day2.txt"));
    f.copyFixture(QStringLiteral("notes.md"), QStringLiteral("pack/notes.md"));
    const QString archive = f.path(QStringLiteral("digests.tar.gz"));
    REQUIRE(QProcess::execute(tar, {QStringLiteral("-czf"), archive, QStringLiteral("-C"),
                                    f.path(QStringLiteral("pack")), QStringLiteral(".")}) == 0);

    const ImportReport r = f.import({archive});
    CHECK(r.ok());
    CHECK(r.digestsAdded == 2);
    CHECK(f.library.paperCount() == 5);
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected.first().source.endsWith(QStringLiteral("notes.md")));
    CHECK(r.rejected.first().source.startsWith(archive));

    // The same digests as loose files are repeats.
    const ImportReport loose = f.import({f.path(QStringLiteral("pack/march"))});
    CHECK(loose.digestsRepeated == 2);
    CHECK(loose.digestsAdded == 0);
}

TEST_CASE("Removing a digest keeps papers with reader data or other appearances", "[library]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal"));
    REQUIRE(f.library.addTags({tidal}, {QStringLiteral("routing")}));

    qint64 day1 = 0;
    for (const DigestInfo &d : f.library.digests()) {
        if (d.date == QDate(2026, 3, 3))
            day1 = d.id;
    }
    REQUIRE(day1 != 0);
    const std::optional<int> removed = f.library.removeDigest(day1);
    REQUIRE(removed);
    CHECK(*removed == 1); // the field guide: no reader data, no other digest
    CHECK(f.library.paperCount() == 4);
    CHECK(f.library.paper(tidal)->tags == QStringList{QStringLiteral("routing")});
    CHECK(f.library.paper(tidal)->appearances.isEmpty());
    CHECK(f.library.paper(f.idOf(QStringLiteral("Lanternfish")))->appearances.size() == 1);
    CHECK_FALSE(f.library.removeDigest(day1));
    CHECK(f.library.errorString().contains(QStringLiteral("no digest")));
}

TEST_CASE("A digest's date can be corrected", "[library]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const qint64 id = f.library.digests().first().id;
    REQUIRE(f.library.setDigestDate(id, QDate(2025, 3, 4)));
    const auto d = f.library.digest(id);
    REQUIRE(d);
    CHECK(d->date == QDate(2025, 3, 4));
    CHECK(d->certainty == DateCertainty::User);
    CHECK(f.library.search(QStringLiteral("digest:2025-03-04")).value().ids.size() == 3);
}

TEST_CASE("Tags can be added, renamed, merged and deleted", "[library][tags]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 a = f.idOf(QStringLiteral("Tidal"));
    const qint64 b = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.addTags({a, b}, {QStringLiteral("  to   read "), QStringLiteral("ml")}));
    REQUIRE(f.library.addTags({b}, {QStringLiteral("fish")}));
    CHECK(f.library.tagsOf(b) ==
          QStringList{QStringLiteral("fish"), QStringLiteral("ml"), QStringLiteral("to read")});

    REQUIRE(f.library.renameTag(QStringLiteral("ml"), QStringLiteral("machine learning")));
    REQUIRE(f.library.mergeTags(QStringLiteral("fish"), QStringLiteral("machine learning")));
    const QList<TagCount> counts = f.library.tagCounts();
    REQUIRE(counts.size() == 2);
    CHECK(counts.at(0).name == QStringLiteral("machine learning"));
    CHECK(counts.at(0).papers == 2);
    CHECK(counts.at(1).name == QStringLiteral("to read"));

    // Renaming onto an existing name (in another case) merges.
    REQUIRE(f.library.renameTag(QStringLiteral("to read"), QStringLiteral("Machine Learning")));
    CHECK(f.library.tagCounts().size() == 1);
    REQUIRE(f.library.removeTags({a}, {QStringLiteral("machine learning")}));
    CHECK(f.library.tagsOf(a).isEmpty());
    REQUIRE(f.library.deleteTag(QStringLiteral("machine learning")));
    CHECK(f.library.tagCounts().isEmpty());
    CHECK_FALSE(f.library.deleteTag(QStringLiteral("nothing")));
}

TEST_CASE("Notes keep their time of last change and clear when emptied", "[library]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = f.idOf(QStringLiteral("Tidal"));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    REQUIRE(f.library.setNote(id, QStringLiteral("Line one\nLine \"two\" with 'quotes'")));
    auto p = f.library.paper(id);
    CHECK(p->note == QStringLiteral("Line one\nLine \"two\" with 'quotes'"));
    CHECK(p->noteChanged >= before);
    REQUIRE(f.library.setNote(id, QStringLiteral("   \n")));
    p = f.library.paper(id);
    CHECK(p->note.isEmpty());
    CHECK_FALSE(p->noteChanged.isValid());
}

TEST_CASE("Annotations survive closing and reopening the library", "[library]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = f.idOf(QStringLiteral("Tidal"));
    REQUIRE(f.library.setStarred({id}, true));
    REQUIRE(f.library.setRead({id}, true));
    REQUIRE(f.library.addTags({id}, {QStringLiteral("routing")}));
    REQUIRE(f.library.setNote(id, QStringLiteral("Reread section 3.")));
    REQUIRE(f.library.saveSearch(QStringLiteral("Routing"), QStringLiteral("tag:routing")));
    f.library.close();

    Library again;
    REQUIRE(again.open(f.libraryPath()));
    const auto p = again.paper(id);
    REQUIRE(p);
    CHECK(p->starred);
    CHECK(p->read);
    CHECK(p->tags == QStringList{QStringLiteral("routing")});
    CHECK(p->note == QStringLiteral("Reread section 3."));
    REQUIRE(again.savedSearches().size() == 1);
    CHECK(again.savedSearches().first().query == QStringLiteral("tag:routing"));
    const LibraryStats s = again.stats();
    CHECK(s.papers == 3);
    CHECK(s.starred == 1);
    CHECK(s.read == 1);
    CHECK(s.withNotes == 1);
}

TEST_CASE("Imports leave planner statistics behind", "[library][import]")
{
    LibraryFixture f;
    CHECK(f.library.analysedPaperCount() == 0);
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    CHECK(f.library.paperCount() == 3);
    CHECK(f.library.analysedPaperCount() == f.library.paperCount());
    // Growing past a tenth refreshes them.
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    CHECK(f.library.paperCount() == 5);
    CHECK(f.library.analysedPaperCount() == f.library.paperCount());
}

TEST_CASE("Planner statistics are refreshed after a tenth's growth, not before", "[library]")
{
    LibraryFixture f;
    PaperStore papers(f.library.database());
    int next = 0;
    auto add = [&papers, &next](int count) {
        for (int i = 0; i < count; ++i) {
            DigestEntry e;
            e.title = QStringLiteral("Paper number %1").arg(++next);
            REQUIRE(
                papers.addPaper(titleKey(e.title), e, QDate(), QDateTime::currentDateTimeUtc()));
        }
    };
    add(20);
    f.library.refreshStatistics();
    CHECK(f.library.analysedPaperCount() == 20);
    add(2); // exactly a tenth: not yet
    f.library.refreshStatistics();
    CHECK(f.library.analysedPaperCount() == 20);
    add(1);
    f.library.refreshStatistics();
    CHECK(f.library.analysedPaperCount() == 23);
}

TEST_CASE("Digest unread counts follow read marks in the list and one by one", "[library]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    auto unreadIn = [&](qint64 digestId) {
        SearchRequest request;
        request.digestId = digestId;
        request.query = QStringLiteral("is:unread");
        return int(f.library.search(request).value().ids.size());
    };
    auto check = [&] {
        const QList<DigestInfo> all = f.library.digests();
        REQUIRE(all.size() == 2);
        for (const DigestInfo &d : all) {
            CAPTURE(d.id);
            CHECK(d.unread == unreadIn(d.id));
            const auto one = f.library.digest(d.id);
            REQUIRE(one.has_value());
            CHECK(one->unread == d.unread);
            CHECK(one->date == d.date);
            CHECK(one->source == d.source);
            CHECK(one->entries == d.entries);
            CHECK(one->imported == d.imported);
        }
        return all;
    };
    CHECK(check().first().unread == 3);
    // Lanternfish is in both digests.
    REQUIRE(f.library.setRead(
        {f.idOf(QStringLiteral("Lanternfish")), f.idOf(QStringLiteral("Quiet"))}, true));
    const QList<DigestInfo> after = check();
    CHECK(after.first().unread == 1);
    CHECK(after.last().unread == 2);
    REQUIRE(f.library.setRead(f.library.search(QString()).value().ids, true));
    for (const DigestInfo &d : check())
        CHECK(d.unread == 0);
    CHECK_FALSE(f.library.digest(after.first().id + after.last().id + 1).has_value());
}

TEST_CASE("\"Not interested\" is kept, searched, counted as triaged and outlives its digest",
          "[library][dismiss]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const qint64 quiet = f.idOf(QStringLiteral("Quiet"));
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish")); // in both digests
    const int papers = f.library.paperCount();
    auto triaged = [&] {
        QHash<QDate, int> byDate;
        for (const DigestInfo &d : f.library.digests()) {
            byDate.insert(d.date, d.triaged);
            // One digest's count agrees with the list's.
            CHECK(f.library.digest(d.id)->triaged == d.triaged);
        }
        return byDate;
    };
    const QHash<QDate, int> before = triaged();

    REQUIRE(f.library.setDismissed({quiet, fish}, true));
    CHECK(f.library.paper(quiet)->dismissed);
    CHECK_FALSE(f.library.paper(quiet)->read); // a separate mark: not read, not starred
    CHECK_FALSE(f.library.paper(quiet)->starred);
    CHECK_FALSE(f.library.paper(f.idOf(QStringLiteral("Tidal")))->dismissed);
    CHECK(f.library.stats().dismissed == 2);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM papers WHERE dismissed_at IS NOT NULL") ==
          2);

    // The filter both ways, with words and other filters too.
    auto ids = [&](const QString &query) {
        QList<qint64> found = f.library.search(query).value().ids;
        std::sort(found.begin(), found.end());
        return found;
    };
    QList<qint64> both{quiet, fish};
    std::sort(both.begin(), both.end());
    CHECK(ids(QStringLiteral("is:dismissed")) == both);
    CHECK(ids(QStringLiteral("-is:dismissed")).size() == papers - 2);
    CHECK_FALSE(ids(QStringLiteral("-is:dismissed")).contains(quiet));
    CHECK(ids(QStringLiteral("lanternfish is:dismissed")) == QList<qint64>{fish});
    CHECK(ids(QStringLiteral("lanternfish -is:dismissed")).isEmpty());
    CHECK(ids(QStringLiteral("is:dismissed is:unread")) == both);
    CHECK(f.library.search(QStringLiteral("-is:dismissed"), SortOrder::Relevance, 1)->total ==
          papers - 2);

    // Triaged: Lanternfish counts in both digests, Quiet in its own.
    const QHash<QDate, int> after = triaged();
    int gained = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        gained += it.value() - before.value(it.key());
    CHECK(gained == 3);

    // Removing the digests keeps the dismissed papers: a "no" is reader data.
    QList<qint64> digestIds;
    for (const DigestInfo &d : f.library.digests())
        digestIds << d.id;
    REQUIRE(f.library.removeDigests(digestIds));
    CHECK(f.library.paper(quiet).has_value());
    CHECK(f.library.paper(fish)->dismissed);
    CHECK(f.library.paperCount() == 2);

    // And it comes off again, time and all.
    REQUIRE(f.library.setDismissed({quiet}, false));
    CHECK_FALSE(f.library.paper(quiet)->dismissed);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM papers WHERE dismissed_at IS NOT NULL") ==
          1);
    CHECK(ids(QStringLiteral("is:dismissed")) == QList<qint64>{fish});
}

TEST_CASE("Note links resolve to papers by title, and papers know who links to them",
          "[library][notelinks]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 noise = f.idOf(QStringLiteral("Gradient Noise"));
    // The whole title first (by identity), else the best title match.
    CHECK(f.library.resolveNoteLink(QStringLiteral("Tidal attention: routing tokens by phase")) ==
          tidal);
    CHECK(f.library.resolveNoteLink(QStringLiteral("lanternfish")) == fish);
    CHECK(f.library.resolveNoteLink(QStringLiteral("gradient noise")) == noise);
    CHECK_FALSE(f.library.resolveNoteLink(QStringLiteral("quantum gravity")));
    // Query syntax in the words is only words.
    CHECK_FALSE(f.library.resolveNoteLink(QStringLiteral("is:starred OR -tag:x")));
    CHECK_FALSE(f.library.resolveNoteLink(QStringLiteral("\"")));

    REQUIRE(f.library.setNote(fish, QStringLiteral("Builds on [[tidal attention]]; unlike "
                                                   "[[gradient noise]] and [[no such paper]].")));
    REQUIRE(f.library.setNote(noise, QStringLiteral("Compare [[Tidal Attention]], not "
                                                    "`[[tidal attention]]`.")));
    REQUIRE(f.library.setNote(tidal, QStringLiteral("Self: [[tidal attention]]")));
    CHECK(f.library.noteLinkTargets(fish) == QList<qint64>{tidal, noise});
    CHECK(f.library.linkedFrom(tidal) ==
          QList<qint64>{std::min(fish, noise), std::max(fish, noise)});
    CHECK(f.library.linkedFrom(noise) == QList<qint64>{fish});
    CHECK(f.library.linkedFrom(fish).isEmpty());
}

TEST_CASE("A note link whose words name several papers says how many", "[library][notelinks]")
{
    LibraryFixture f;
    const QByteArray digest =
        "Daily Papers\n\nbyAK and the research community\n\nMar 3\n\n"
        "Sparse Routing for Vision\n\nAbout images.\n\n  \u2022 3 authors\n\u00b7\nMar 1 5\n\n"
        "Sparse Routing for Speech\n\nAbout sound.\n\n  \u2022 2 authors\n\u00b7\nMar 1 4\n\n"
        "Dense Routing\n\nAbout sparse routing, in the abstract only.\n\n  \u2022 2 authors\n"
        "\u00b7\nMar 1 2\n\n";
    REQUIRE(Importer(f.library).importData(digest, QStringLiteral("routing.txt")).ok());
    const qint64 vision = f.idOf(QStringLiteral("Sparse Routing for Vision"));
    const qint64 speech = f.idOf(QStringLiteral("Sparse Routing for Speech"));
    int others = -1;
    // Two titles carry the phrase (an abstract does not count): the link is
    // the better of them, and one other is named.
    const std::optional<qint64> best =
        f.library.resolveNoteLink(QStringLiteral("sparse routing"), &others);
    REQUIRE(best);
    CHECK((*best == vision || *best == speech));
    CHECK(others == 1);
    // A whole title names its paper alone, and so does a word only it has.
    CHECK(f.library.resolveNoteLink(QStringLiteral("Sparse Routing for Speech"), &others) ==
          speech);
    CHECK(others == 0);
    CHECK(f.library.resolveNoteLink(QStringLiteral("vision"), &others) == vision);
    CHECK(others == 0);
    CHECK_FALSE(f.library.resolveNoteLink(QStringLiteral("quantum"), &others));
    CHECK(others == 0);
}
