// The schema's migrations: a library of an older format is copied aside and
// upgraded with its data intact.
#include "catch.h"
#include "libraryfixture.h"
#include "storage/schema.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>

using namespace gleaner;
using gleaner::test::LibraryFixture;
using gleaner::test::writeOldLibrary;

TEST_CASE("A format 3 library learns that layouts B and C show no upvotes", "[schema]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        // Papers as format 3 stored them: 0 for a count no digest showed.
        Database v3;
        REQUIRE(v3.open(path));
        Schema schema(v3);
        REQUIRE(schema.migrate(3));
        REQUIRE(v3.exec(R"sql(
            INSERT INTO digests(id, content_hash, source, date, certainty, layout, entries, imported)
                VALUES (1, x'01', 'a.txt', '2026-03-03', 2, 0, 2, '2026-03-03T08:00:00'),
                       (2, x'02', 'b.txt', '2026-03-05', 2, 1, 2, '2026-03-05T08:00:00');
            INSERT INTO papers(id, key, key_hash, title, upvotes, added) VALUES
                (1, 'a', 1, 'Seen in both', 14, '2026-03-03T08:00:00'),
                (2, 'b', 2, 'A real zero', 0, '2026-03-03T08:00:00'),
                (3, 'c', 3, 'Only in layout B', 0, '2026-03-05T08:00:00');
            INSERT INTO appearances(digest_id, position, paper_id, upvotes) VALUES
                (1, 1, 1, 14), (1, 2, 2, 0), (2, 1, 1, 0), (2, 2, 3, 0);
        )sql"));
        CHECK(v3.userVersion() == 3);
        CHECK_FALSE(v3.exec("INSERT INTO papers(key, key_hash, title, upvotes, added) "
                            "VALUES ('d', 4, 'x', NULL, '')"));
    }

    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(upgraded.paper(1)->upvotes == 14);
    CHECK(upgraded.paper(1)->appearances.at(0).upvotes == 14);
    CHECK_FALSE(upgraded.paper(1)->appearances.at(1).upvotes.has_value());
    CHECK(upgraded.paper(2)->upvotes == 0);
    CHECK_FALSE(upgraded.paper(3)->upvotes.has_value());
    // The columns take NULL now, and the file is sound.
    CHECK(upgraded.database().exec("INSERT INTO papers(key, key_hash, title, upvotes, added) "
                                   "VALUES ('d', 4, 'x', NULL, '')"));
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
    CHECK(QDir(dir.path()).entryList({QStringLiteral("library.sqlite3.v3-*.bak")}).size() == 1);
}

TEST_CASE("A format 1 library is upgraded with a backup copy and its data intact", "[schema]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt")),
                      f.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.setStarred({fish}, true));
    REQUIRE(f.library.setNote(fish, test::kTrickyNote));
    REQUIRE(f.library.addTags({fish}, {QStringLiteral("sonar")}));
    const int papers = f.library.paperCount();
    f.library.close();
    {
        // Format 1 is format 3 without the waiting room (2) and the
        // organisation index (3), and has no "Not interested" (6), rules (8),
        // note history (9), the reading queue (10), highlights (11) or
        // "For you" (12, and its scores' triggers of 13).
        Database v1;
        REQUIRE(v1.open(f.libraryPath()));
        REQUIRE(v1.exec("DROP TRIGGER rank_scores_paper_removed; DROP TABLE rank_scores; DROP "
                        "TABLE rank_models; DROP TABLE "
                        "rank_top_terms; DROP TABLE rank_vectors; DROP TABLE rank_state; DROP "
                        "TABLE rank_terms;"));
        REQUIRE(
            v1.exec("DROP TABLE highlights_fts; DROP TABLE highlights; DROP TABLE reading_queue; "
                    "DROP TABLE note_versions; DROP TABLE rule_applied; DROP TABLE rules; "
                    "DROP TABLE pending_reader_data; DROP INDEX papers_organisation; "
                    "DROP INDEX papers_dismissed; ALTER TABLE papers DROP COLUMN dismissed; "
                    "ALTER TABLE papers DROP COLUMN dismissed_at"));
        REQUIRE(v1.setUserVersion(1));
    }

    Library upgraded;
    REQUIRE(upgraded.open(f.libraryPath()));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(Schema::currentVersion() >= 2);
    const QStringList backups = QDir(QFileInfo(f.libraryPath()).absolutePath())
                                    .entryList({QStringLiteral("library.sqlite3.v1-*.bak")});
    CHECK(backups.size() == 1);
    CHECK(upgraded.paperCount() == papers);
    const auto paper = upgraded.paper(fish);
    REQUIRE(paper);
    CHECK(paper->starred);
    CHECK(paper->note == test::kTrickyNote);
    CHECK(paper->tags == QStringList{QStringLiteral("sonar")});
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data") == 0);

    // The copy is the old library, still at format 1.
    Database old;
    REQUIRE(old.open(QFileInfo(f.libraryPath()).absolutePath() + u'/' + backups.value(0),
                     Database::OpenMode::ReadOnly));
    CHECK(old.userVersion() == 1);
}

TEST_CASE("A format 4 library learns which digests have no date of their own", "[schema]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        // Format 4 called a compact digest dated by its file FileTime (1),
        // like a spaced one whose header gave the day but not the year.
        REQUIRE(writeOldLibrary(path, 4, R"sql(
            INSERT INTO digests(id, content_hash, source, date, certainty, layout, entries, imported)
                VALUES (1, x'01', 'compact.txt', '2026-03-03', 1, 2, 0, '2026-03-03T08:00:00'),
                       (2, x'02', 'spaced.txt', '2026-03-05', 1, 1, 0, '2026-03-05T08:00:00'),
                       (3, x'03', 'dated.txt', '2026-03-07', 2, 2, 0, '2026-03-07T08:00:00');
        )sql"));
    }
    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    QHash<qint64, DateCertainty> certainty;
    for (const DigestInfo &d : upgraded.digests())
        certainty.insert(d.id, d.certainty);
    CHECK(certainty.value(1) == DateCertainty::Undated);
    CHECK(certainty.value(2) == DateCertainty::FileTime); // cannot tell without its file
    CHECK(certainty.value(3) == DateCertainty::Derived);
}

TEST_CASE("Importing a digest again tells an older library it is undated", "[schema][import]")
{
    LibraryFixture f;
    const QString file = f.copyFixture(QStringLiteral("undated_compact.txt"));
    REQUIRE(f.import({file}).ok());
    REQUIRE(f.library.digests().size() == 1);
    CHECK(f.library.digests().first().certainty == DateCertainty::Undated);
    CHECK(f.library.digests().first().date == QDate(2026, 5, 1));
    // As format 4 stored it.
    REQUIRE(f.library.database().exec("UPDATE digests SET certainty = 1"));
    const ImportReport again = f.import({file});
    REQUIRE(again.ok());
    CHECK(again.digestsRepeated == 1);
    CHECK(f.library.digests().first().certainty == DateCertainty::Undated);
    // A date the user gave is never taken back.
    REQUIRE(f.library.setDigestDate(f.library.digests().first().id, QDate(2026, 4, 30)));
    REQUIRE(f.import({file}).ok());
    CHECK(f.library.digests().first().certainty == DateCertainty::User);
    CHECK(f.library.digests().first().date == QDate(2026, 4, 30));
}

TEST_CASE("A format 5 library learns \"Not interested\" and keeps everything", "[schema]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        Database v5;
        REQUIRE(v5.open(path));
        Schema schema(v5);
        REQUIRE(schema.migrate(5));
        REQUIRE(v5.exec(R"sql(
            INSERT INTO digests(id, content_hash, source, date, certainty, layout, entries, imported)
                VALUES (1, x'01', 'a.txt', '2026-03-03', 2, 0, 2, '2026-03-03T08:00:00');
            INSERT INTO papers(id, key, key_hash, title, upvotes, added, starred, read, read_at,
                               note, note_changed) VALUES
                (1, 'a', 1, 'Starred and read', 14, '2026-03-03T08:00:00', 1, 1,
                 '2026-03-04T08:00:00.000Z', 'mine', '2026-03-04T08:01:00.000Z'),
                (2, 'b', 2, 'Untouched', 3, '2026-03-03T08:00:00', 0, 0, NULL, NULL, NULL);
            INSERT INTO appearances(digest_id, position, paper_id, upvotes) VALUES
                (1, 1, 1, 14), (1, 2, 2, 3);
            INSERT INTO pending_reader_data(key, title, starred, restored)
                VALUES ('awaited', 'Awaited', 1, '2026-03-05T08:00:00.000Z');
        )sql"));
        // Format 5 has no such column.
        CHECK_FALSE(v5.exec("UPDATE papers SET dismissed = 1"));
    }

    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(Schema::currentVersion() >= 6);
    CHECK(QDir(dir.path()).entryList({QStringLiteral("library.sqlite3.v5-*.bak")}).size() == 1);
    // Everything as it was, and no paper is dismissed.
    const auto kept = upgraded.paper(1);
    REQUIRE(kept);
    CHECK(kept->starred);
    CHECK(kept->read);
    CHECK(kept->note == QStringLiteral("mine"));
    CHECK_FALSE(kept->dismissed);
    CHECK(upgraded.paperCount() == 2);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM papers WHERE dismissed") == 0);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data WHERE starred AND NOT "
                                 "dismissed") == 1);
    // The new flag works, through its partial index, and the file is sound.
    REQUIRE(upgraded.setDismissed({2}, true));
    CHECK(upgraded.paper(2)->dismissed);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM papers INDEXED BY papers_dismissed "
                                 "WHERE dismissed") == 1);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
}

TEST_CASE("A format 6 library's search index is made again with longer prefixes", "[schema]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        // Papers indexed as the importer indexes them.
        REQUIRE(writeOldLibrary(path, 6, R"sql(
            INSERT INTO papers(id, key, key_hash, title, abstract, added, starred, note) VALUES
                (1, 'a', 1, 'Transformers at Scale', 'Attention everywhere.',
                 '2026-03-03T08:00:00', 1, 'mine'),
                (2, 'b', 2, 'Tidal Models', 'Transfer of heat.', '2026-03-03T08:00:00', 0, NULL);
            INSERT INTO papers_fts(rowid, title, abstract)
                SELECT id, title, abstract FROM papers;
        )sql"));
    }

    Library upgraded;
    QList<std::pair<int, int>> notices;
    upgraded.setUpgradeNotice([&](int from, int to) { notices.append({from, to}); });
    REQUIRE(upgraded.open(path));
    // Told once, before the backup copy and the rebuild.
    CHECK(notices == QList<std::pair<int, int>>{{6, Schema::currentVersion()}});
    CHECK(Schema::upgradeMessage(6, 7).contains(QStringLiteral("rebuilds the search index")));
    CHECK(QDir(dir.path()).entryList({QStringLiteral("library.sqlite3.v6-*.bak")}).size() == 1);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM sqlite_schema WHERE name = 'papers_fts' "
                                 "AND sql LIKE '%prefix=''2 3 4 5 6''%'") == 1);
    // The rebuilt index holds every paper, ranks titles ten times the
    // abstract, and answers prefixes of every length.
    CHECK(upgraded.database().exec("INSERT INTO papers_fts(papers_fts) VALUES('integrity-check')"));
    for (const char *typed : {"tr", "tra", "tran", "trans", "transf", "transfo"}) {
        SearchRequest request;
        request.query = QString::fromLatin1(typed);
        request.prefixLastWord = true;
        const SearchResult result = upgraded.search(request).value();
        INFO(typed);
        CHECK(result.ids.size() == (qstrlen(typed) < 6 ? 2 : qstrcmp(typed, "transf") ? 1 : 2));
        CHECK(result.ids.value(0) == 1); // the title match first
    }
    CHECK(upgraded.paper(1)->starred);
    CHECK(upgraded.paper(1)->note == QStringLiteral("mine"));

    // Opening it again upgrades nothing.
    notices.clear();
    Library again;
    again.setUpgradeNotice([&](int from, int to) { notices.append({from, to}); });
    REQUIRE(again.open(path));
    CHECK(notices.isEmpty());
}

TEST_CASE("A format 7 library gains rules, with a backup copy and its data intact", "[schema]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        Database v7;
        REQUIRE(v7.open(path));
        Schema schema(v7);
        REQUIRE(schema.migrate(7));
        REQUIRE(v7.exec(R"sql(
            INSERT INTO papers(id, key, key_hash, title, upvotes, added, starred, dismissed)
                VALUES (1, 'a', 1, 'Starred', 14, '2026-03-03T08:00:00', 1, 1);
            INSERT INTO pending_reader_data(key, title, starred, restored)
                VALUES ('awaited', 'Awaited', 1, '2026-03-05T08:00:00.000Z');
        )sql"));
        CHECK_FALSE(v7.exec("SELECT count(*) FROM rules"));
    }
    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(Schema::currentVersion() >= 8);
    CHECK(QDir(dir.path()).entryList({QStringLiteral("library.sqlite3.v7-*.bak")}).size() == 1);
    CHECK(upgraded.paper(1)->starred);
    CHECK(upgraded.paper(1)->dismissed);
    CHECK(upgraded.rules().isEmpty());
    CHECK_FALSE(Schema::upgradeMessage(7, 8).contains(QStringLiteral("rebuilds")));
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data WHERE rules_applied = "
                                 "'[]'") == 1);
    Rule rule;
    rule.name = QStringLiteral("any");
    rule.query = QStringLiteral("starred");
    rule.star = true;
    CHECK(upgraded.addRule(rule));
    CHECK(upgraded.rules().size() == 1);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
}

TEST_CASE("A library of the format before gains the reading queue, with a backup copy and its "
          "data intact",
          "[schema][queue]")
{
    // The reading queue came with format 10.
    const int before = 9;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        Database v8;
        REQUIRE(v8.open(path));
        Schema schema(v8);
        REQUIRE(schema.migrate(before));
        REQUIRE(v8.exec(R"sql(
            INSERT INTO papers(id, key, key_hash, title, upvotes, added, starred)
                VALUES (1, 'a', 1, 'Starred', 14, '2026-03-03T08:00:00', 1),
                       (2, 'b', 2, 'Plain', 3, '2026-03-03T08:00:00', 0);
            INSERT INTO pending_reader_data(key, title, starred, restored)
                VALUES ('awaited', 'Awaited', 1, '2026-03-05T08:00:00.000Z');
        )sql"));
        CHECK_FALSE(v8.exec("SELECT count(*) FROM reading_queue"));
    }
    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("library.sqlite3.v%1-*.bak").arg(before)})
              .size() == 1);
    CHECK(upgraded.paper(1)->starred);
    CHECK(upgraded.queue().isEmpty());
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data WHERE queue_position "
                                 "IS NULL") == 1);
    CHECK(upgraded.enqueue({2, 1}) == 2);
    CHECK(upgraded.queue() == QList<qint64>{2, 1});
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("A library of the format before highlights gains them, its data intact", "[schema]")
{
    // Highlights came with format 11.
    const int before = 10;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        Database old;
        REQUIRE(old.open(path));
        Schema schema(old);
        REQUIRE(schema.migrate(before));
        REQUIRE(old.exec(R"sql(
            INSERT INTO papers(id, key, key_hash, title, abstract, added, starred)
                VALUES (1, 'a', 1, 'Starred', 'An abstract about lanternfish.',
                        '2026-03-03T08:00:00', 1);
            INSERT INTO papers_fts(rowid, title, abstract)
                VALUES (1, 'Starred', 'An abstract about lanternfish.');
            INSERT INTO pending_reader_data(key, title, starred, restored)
                VALUES ('awaited', 'Awaited', 1, '2026-03-05T08:00:00.000Z');
        )sql"));
        CHECK_FALSE(old.exec("SELECT count(*) FROM highlights"));
    }
    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("library.sqlite3.v%1-*.bak").arg(before)})
              .size() == 1);
    CHECK(upgraded.paper(1)->starred);
    CHECK(upgraded.highlights(1)->isEmpty());
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data WHERE highlights = "
                                 "'[]'") == 1);
    std::optional<Highlight> h = upgraded.findPassage(1, QStringLiteral("lanternfish"));
    REQUIRE(h);
    h->paperId = 1;
    h->comment = QStringLiteral("sonar");
    REQUIRE(upgraded.addHighlight(*h));
    CHECK(upgraded.search(QStringLiteral("has:highlight"))->ids == QList<qint64>{1});
    CHECK(upgraded.search(QStringLiteral("sonar"))->ids == QList<qint64>{1});
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
}

TEST_CASE("A format 13 library's starred, read and noted indexes carry the digest order",
          "[schema]")
{
    const int before = 13;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    REQUIRE(writeOldLibrary(path, before, R"sql(
            INSERT INTO papers(id, key, key_hash, title, abstract, added, starred, read, note,
                               last_digest)
                VALUES (1, 'a', 1, 'Old star', 'About moss.', '2026-03-03T08:00:00', 1, 1, 'n',
                        '2026-03-01'),
                       (2, 'b', 2, 'New star', 'About ferns.', '2026-03-03T08:00:00', 1, 0,
                        NULL, '2026-03-02'),
                       (3, 'c', 3, 'Plain', 'About lichen.', '2026-03-03T08:00:00', 0, 1, NULL,
                        '2026-03-03');
        )sql"));
    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("library.sqlite3.v%1-*.bak").arg(before)})
              .size() == 1);
    // Each index is the flag's papers, by digest.
    for (const char *index : {"papers_starred", "papers_read", "papers_noted"}) {
        CAPTURE(index);
        const QByteArray sql = "SELECT count(*) FROM pragma_index_info('" + QByteArray(index) +
                               "') WHERE seqno = 0 AND name = 'last_digest'";
        CHECK(test::scalar(upgraded, sql.constData()) == 1);
    }
    CHECK(upgraded.search(QStringLiteral("is:starred"))->ids == QList<qint64>{2, 1});
    CHECK(upgraded.search(QStringLiteral("is:read"))->ids == QList<qint64>{3, 1});
    CHECK(upgraded.search(QStringLiteral("has:note"))->ids == QList<qint64>{1});
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
}
