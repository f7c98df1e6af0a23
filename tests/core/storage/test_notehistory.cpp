// A note's earlier versions (storage/notehistorystore.h): which saves keep a
// version, which versions pruning lets go, a restore that can be undone,
// and the history in backups, waiting reader data, the removal of papers
// and the repair of a damaged library.
#include "backup/backup.h"
#include "catch.h"
#include "libraryfixture.h"
#include "model/dates.h"
#include "repair/repairer.h"
#include "storage/notehistorystore.h"
#include "storage/schema.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

// A clock the test moves by hand.
struct TestClock
{
    QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());
    void advance(qint64 seconds) { now = now.addSecs(seconds); }
};

void useClock(Library &library, TestClock &clock)
{
    library.setClock([&clock] { return clock.now; });
}

QStringList texts(const NoteHistory &history)
{
    QStringList list;
    for (const NoteVersion &v : history)
        list << v.text;
    return list;
}

NoteHistory historyOf(Library &library, qint64 id)
{
    const std::optional<NoteHistory> history = library.noteHistory(id);
    INFO(library.errorString().toStdString());
    REQUIRE(history);
    return *history;
}

qint64 importedPaper(LibraryFixture &f)
{
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    return f.idOf(QStringLiteral("Lanternfish"));
}

const QString kLongNote = QStringLiteral(
    "Sonar counts are noisy below 20 fish.\nThe bound in section 3 needs independence.");

} // namespace

TEST_CASE("Whether an edit deletes most of a note", "[notehistory]")
{
    CHECK(NoteHistoryStore::isLargeDeletion(QStringLiteral("abcdef"), QString()));
    CHECK(NoteHistoryStore::isLargeDeletion(QStringLiteral("abcdef"), QStringLiteral("x")));
    CHECK(NoteHistoryStore::isLargeDeletion(QStringLiteral("abcdef"), QStringLiteral("af")));
    CHECK_FALSE(
        NoteHistoryStore::isLargeDeletion(QStringLiteral("abcdef"), QStringLiteral("abcd")));
    CHECK_FALSE(
        NoteHistoryStore::isLargeDeletion(QStringLiteral("abcdef"), QStringLiteral("abcdefgh")));
    CHECK_FALSE(NoteHistoryStore::isLargeDeletion(QString(), QStringLiteral("new")));
    // Replacing all of it with other text (select all, then type) is one.
    CHECK(NoteHistoryStore::isLargeDeletion(QStringLiteral("first thoughts"),
                                            QStringLiteral("second thoughts, longer")));
}

TEST_CASE("Saves while typing replace one version; a pause starts another", "[notehistory]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);

    REQUIRE(f.library.setNote(id, QStringLiteral("S")));
    CHECK(historyOf(f.library, id).isEmpty()); // nothing came before it
    clock.advance(2);
    REQUIRE(f.library.setNote(id, QStringLiteral("So")));
    clock.advance(2);
    REQUIRE(f.library.setNote(id, QStringLiteral("Sonar")));
    clock.advance(2);
    REQUIRE(f.library.setNote(id, QStringLiteral("Sonar counts")));
    // The autosave's saves a moment apart are one version, the latest text
    // before the note now.
    NoteHistory history = historyOf(f.library, id);
    CHECK(texts(history) == QStringList{QStringLiteral("Sonar")});
    CHECK(history.first().saved == isoDateTime(clock.now.addSecs(-2)));
    CHECK_FALSE(history.first().pinned);

    // Ten minutes later: the note as it was left is kept beside it.
    clock.advance(10 * 60);
    REQUIRE(f.library.setNote(id, QStringLiteral("Sonar counts are noisy")));
    history = historyOf(f.library, id);
    CHECK(texts(history) == QStringList{QStringLiteral("Sonar counts"), QStringLiteral("Sonar")});

    // Saving the same text again keeps nothing.
    clock.advance(10 * 60);
    REQUIRE(f.library.setNote(id, QStringLiteral("Sonar counts are noisy")));
    CHECK(historyOf(f.library, id).size() == 2);

    // Typing on for more than five minutes without a pause makes a version
    // every five minutes or so, not one a save.
    clock.advance(10 * 60);
    QString text = QStringLiteral("Sonar counts are noisy");
    for (int second = 0; second < 11 * 60; second += 2) {
        text += QLatin1Char('.');
        REQUIRE(f.library.setNote(id, text));
        clock.advance(2);
    }
    const qsizetype added = historyOf(f.library, id).size() - 2;
    CHECK(added >= 2);
    CHECK(added <= 3);
}

TEST_CASE("Select all and delete keeps the text before it, pinned", "[notehistory]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);
    REQUIRE(f.library.setNote(id, kLongNote));
    clock.advance(1);
    REQUIRE(f.library.setNote(id, kLongNote + QStringLiteral(" Ask the authors.")));

    SECTION("cleared")
    {
        clock.advance(1); // within the same few minutes: still kept
        REQUIRE(f.library.setNote(id, QString()));
        CHECK(f.library.paper(id)->note.isEmpty());
        const NoteHistory history = historyOf(f.library, id);
        REQUIRE_FALSE(history.isEmpty());
        CHECK(history.first().text == kLongNote + QStringLiteral(" Ask the authors."));
        CHECK(history.first().pinned);
        // Typing again right after does not replace the pinned version.
        clock.advance(1);
        REQUIRE(f.library.setNote(id, QStringLiteral("o")));
        clock.advance(1);
        REQUIRE(f.library.setNote(id, QStringLiteral("oops")));
        CHECK(texts(historyOf(f.library, id))
                  .contains(kLongNote + QStringLiteral(" Ask the authors.")));
    }
    SECTION("replaced by typing over a selection of all of it")
    {
        clock.advance(1);
        REQUIRE(f.library.setNote(id, QStringLiteral("x")));
        const NoteHistory history = historyOf(f.library, id);
        CHECK(history.first().text == kLongNote + QStringLiteral(" Ask the authors."));
        CHECK(history.first().pinned);
    }
    SECTION("a blank note is a cleared one")
    {
        clock.advance(1);
        REQUIRE(f.library.setNote(id, QStringLiteral("   \n ")));
        CHECK(f.library.paper(id)->note.isEmpty());
        CHECK(historyOf(f.library, id).first().pinned);
    }
}

TEST_CASE("Pruning keeps a day, then hourly, then daily, and pinned versions a month",
          "[notehistory]")
{
    const QDateTime now(QDate(2026, 3, 31), QTime(12, 0), QTimeZone::utc());
    const auto at = [&](qint64 secondsAgo, bool pinned = false) {
        return NoteVersion{QStringLiteral("v%1").arg(secondsAgo),
                           isoDateTime(now.addSecs(-secondsAgo)), pinned};
    };
    const qint64 hour = 3600;
    const qint64 day = 24 * hour;
    NoteHistory versions = {
        at(60),                 // 0: today
        at(120),                // 1: today
        at(2 * day + 10),       // 2: two days ago, newest of its hour
        at(2 * day + 20),       // 3: same hour: goes
        at(2 * day + 30, true), // 4: same hour, but pinned and recent: stays
        at(10 * day),           // 5: ten days ago, newest of its day
        at(10 * day + hour),    // 6: same day: goes
        at(40 * day, true),     // 7: pinned long ago: an ordinary old version, alone in its day
        at(40 * day + 60),      // 8: same day as 7, older: goes
    };
    CHECK(NoteHistoryStore::prunable(versions, now) == QList<int>{3, 6, 8});

    // The cap lets the oldest go first, never a recent pinned one.
    NoteHistory many;
    for (int i = 0; i < NoteHistoryStore::kMaxVersions + 5; ++i)
        many.append(at(60 * (i + 1), i == NoteHistoryStore::kMaxVersions + 4));
    const QList<int> dropped = NoteHistoryStore::prunable(many, now);
    CHECK(dropped.size() == 5);
    CHECK_FALSE(dropped.contains(NoteHistoryStore::kMaxVersions + 4));
    CHECK(dropped.first() == NoteHistoryStore::kMaxVersions - 1);
}

TEST_CASE("The library prunes a note's history as versions are kept", "[notehistory]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);
    // One edit a quarter of an hour for three days.
    for (int i = 0; i < 3 * 24 * 4; ++i) {
        REQUIRE(f.library.setNote(id, QStringLiteral("note %1").arg(i)));
        clock.advance(15 * 60);
    }
    const NoteHistory history = historyOf(f.library, id);
    // The last day's (about 96) and one an hour before that, within the cap.
    CHECK(history.size() <= NoteHistoryStore::kMaxVersions);
    CHECK(history.size() > 24 * 4 - 4);
    CHECK(history.first().text == QStringLiteral("note %1").arg(3 * 24 * 4 - 2));
    for (qsizetype i = 1; i < history.size(); ++i)
        CHECK(history.at(i - 1).saved > history.at(i).saved);
}

TEST_CASE("A restored version can itself be undone", "[notehistory]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);
    REQUIRE(f.library.setNote(id, kLongNote));
    clock.advance(60);
    REQUIRE(f.library.setNote(id, QString())); // the accident
    clock.advance(60);
    REQUIRE(f.library.setNote(id, QStringLiteral("Fresh start")));
    REQUIRE(historyOf(f.library, id).first().text == kLongNote);

    clock.advance(5);
    REQUIRE(f.library.restoreNoteVersion(id, 1));
    CHECK(f.library.paper(id)->note == kLongNote);
    CHECK(f.library.paper(id)->noteChanged == clock.now);
    const NoteHistory after = historyOf(f.library, id);
    // The note it replaced is the newest version now, however soon after.
    CHECK(after.first().text == QStringLiteral("Fresh start"));
    REQUIRE(f.library.restoreNoteVersion(id, 1));
    CHECK(f.library.paper(id)->note == QStringLiteral("Fresh start"));

    CHECK_FALSE(f.library.restoreNoteVersion(id, 0));
    CHECK_FALSE(f.library.restoreNoteVersion(id, 99));
    CHECK(f.library.errorString().contains(QStringLiteral("99")));
    CHECK(f.library.paper(id)->note == QStringLiteral("Fresh start"));
    CHECK_FALSE(f.library.noteHistory(123456));
}

TEST_CASE("Typing on right after a restore keeps the note the restore replaced", "[notehistory]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);
    const QString longer = kLongNote + QStringLiteral(" Ask the authors.");
    REQUIRE(f.library.setNote(id, kLongNote));
    clock.advance(10 * 60);
    REQUIRE(f.library.setNote(id, longer));
    clock.advance(10 * 60);
    REQUIRE(f.library.restoreNoteVersion(id, 1)); // back to kLongNote
    REQUIRE(f.library.paper(id)->note == kLongNote);
    // The autosave's saves a moment later: the version the restore kept is
    // not replaced by them, however alike the texts.
    clock.advance(2);
    REQUIRE(f.library.setNote(id, kLongNote + QStringLiteral(" Check")));
    clock.advance(2);
    REQUIRE(f.library.setNote(id, kLongNote + QStringLiteral(" Check the data.")));
    const QStringList kept = texts(historyOf(f.library, id));
    CHECK(kept.contains(longer));
    CHECK(kept.first() == kLongNote + QStringLiteral(" Check"));
}

TEST_CASE("Removing a paper removes its history; removing its digest keeps it", "[notehistory]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);
    REQUIRE(f.library.setNote(id, kLongNote));
    clock.advance(60);
    REQUIRE(f.library.setNote(id, QString()));
    REQUIRE(test::scalar(f.library, "SELECT count(*) FROM note_versions") == 1);

    // The cleared note's paper has no other reader data, but its history
    // is the reader's: the paper stays with it.
    const qint64 digest = f.library.digests().first().id;
    REQUIRE(f.library.removeDigest(digest));
    REQUIRE(f.library.paper(id));
    CHECK(historyOf(f.library, id).size() == 1);

    REQUIRE(f.library.database().exec("DELETE FROM papers"));
    CHECK(test::scalar(f.library, "SELECT count(*) FROM note_versions") == 0);
}

TEST_CASE("A library from before note history gains it with its notes intact",
          "[notehistory][schema]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    const int before = 8; // note history came with format 9
    {
        Database old;
        REQUIRE(old.open(path));
        Schema schema(old);
        REQUIRE(schema.migrate(before));
        REQUIRE(old.exec(R"sql(
            INSERT INTO papers(id, key, key_hash, title, upvotes, added, note, note_changed)
                VALUES (1, 'a', 1, 'Noted', 3, '2026-03-03T08:00:00', 'Old note',
                        '2026-03-03T08:00:00.000Z');
            INSERT INTO pending_reader_data(key, title, note, restored)
                VALUES ('awaited', 'Awaited', 'Waiting', '2026-03-05T08:00:00.000Z');
        )sql"));
        CHECK_FALSE(old.exec("SELECT count(*) FROM note_versions"));
    }
    Library upgraded;
    REQUIRE(upgraded.open(path));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("library.sqlite3.v%1-*.bak").arg(before)})
              .size() == 1);
    CHECK(upgraded.paper(1)->note == QStringLiteral("Old note"));
    CHECK(upgraded.noteHistory(1)->isEmpty());
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data WHERE note_history = "
                                 "'[]' AND note = 'Waiting'") == 1);
    REQUIRE(upgraded.setNote(1, QString()));
    CHECK(texts(*upgraded.noteHistory(1)) == QStringList{QStringLiteral("Old note")});
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                 "integrity_check <> 'ok'") == 0);
}

TEST_CASE("Note history goes into a backup and merges back, before its digests too",
          "[notehistory][backup]")
{
    LibraryFixture source;
    TestClock clock;
    useClock(source.library, clock);
    const qint64 id = importedPaper(source);
    REQUIRE(source.library.setNote(id, kLongNote));
    clock.advance(10 * 60);
    REQUIRE(source.library.setNote(id, QStringLiteral("Second thoughts")));
    clock.advance(10 * 60);
    REQUIRE(source.library.setNote(id, QString()));
    const NoteHistory original = historyOf(source.library, id);
    REQUIRE(texts(original) == QStringList{QStringLiteral("Second thoughts"), kLongNote});

    const std::optional<BackupDocument> document = Backup(source.library).toJson();
    REQUIRE(document);
    // A paper with only its history is in the backup, history and all.
    const QJsonArray papers =
        QJsonDocument::fromJson(document->json).object().value(QStringLiteral("papers")).toArray();
    REQUIRE(papers.size() == 1);
    const QJsonArray versions =
        papers.first().toObject().value(QStringLiteral("note_history")).toArray();
    REQUIRE(versions.size() == 2);
    CHECK(versions.first().toObject().value(QStringLiteral("text")).toString() ==
          QStringLiteral("Second thoughts"));
    CHECK(versions.first().toObject().value(QStringLiteral("pinned")).toBool());

    SECTION("into an empty library, before the digests")
    {
        LibraryFixture target;
        const std::optional<RestoreReport> report =
            Backup(target.library).restoreData(document->json);
        REQUIRE(report);
        CHECK(report->pending == 1);
        CHECK(report->noteVersionsAdded == 2);
        // Twice: the waiting history is not doubled.
        REQUIRE(Backup(target.library).restoreData(document->json));
        const qint64 arrived = importedPaper(target);
        const NoteHistory restored = historyOf(target.library, arrived);
        CHECK(texts(restored) == texts(original));
        CHECK(restored.first().saved == original.first().saved);
        CHECK(restored.first().pinned);
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data") == 0);
    }
    SECTION("into a library with a history of its own: united, each version once")
    {
        LibraryFixture target;
        TestClock other;
        other.advance(3 * 3600);
        useClock(target.library, other);
        const qint64 mine = importedPaper(target);
        REQUIRE(target.library.setNote(mine, QStringLiteral("Mine")));
        other.advance(60);
        REQUIRE(target.library.setNote(mine, QStringLiteral("Mine, longer")));
        std::optional<RestoreReport> report = Backup(target.library).restoreData(document->json);
        REQUIRE(report);
        CHECK(report->noteVersionsAdded == 2);
        CHECK(texts(historyOf(target.library, mine)) ==
              QStringList{QStringLiteral("Mine"), QStringLiteral("Second thoughts"), kLongNote});
        report = Backup(target.library).restoreData(document->json);
        REQUIRE(report);
        CHECK(report->noteVersionsAdded == 0);
        CHECK(historyOf(target.library, mine).size() == 3);
        CHECK(target.library.paper(mine)->note == QStringLiteral("Mine, longer"));
    }
}

TEST_CASE("A backup's versions are taken once each, and only those with text and a time",
          "[notehistory][backup]")
{
    // The fuzz target's seed of note history, odd entries and all.
    QFile file(QStringLiteral(GLEANER_SOURCE_DIR "/tests/fuzz/seeds/backup/history.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    LibraryFixture f;
    const std::optional<RestoreReport> first = Backup(f.library).restoreData(json);
    INFO(f.library.errorString().toStdString());
    REQUIRE(first);
    // Lanternfish's two spellings of one time are one version; the empty,
    // the untimed and the malformed entries are skipped. The waiting
    // paper's version is listed twice and kept once.
    CHECK(first->noteVersionsAdded == 3);
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const NoteHistory fish = historyOf(f.library, f.idOf(QStringLiteral("Lanternfish")));
    CHECK(texts(fish) ==
          QStringList{QStringLiteral("Before the deletion."), QStringLiteral("Earlier.")});
    CHECK(fish.first().pinned);
    CHECK(fish.at(1).saved == QStringLiteral("2026-03-03T08:00:00.000Z"));
    const std::optional<RestoreReport> again = Backup(f.library).restoreData(json);
    REQUIRE(again);
    CHECK(again->noteVersionsAdded == 0);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM note_versions") == 2);
    CHECK(test::scalar(f.library,
                       "SELECT json_array_length(note_history) FROM pending_reader_data") == 1);
}

TEST_CASE("The repair of a damaged library keeps note history", "[notehistory][repair]")
{
    LibraryFixture f;
    TestClock clock;
    useClock(f.library, clock);
    const qint64 id = importedPaper(f);
    REQUIRE(f.library.setNote(id, kLongNote));
    clock.advance(60);
    REQUIRE(f.library.setNote(id, QString()));
    const QString path = f.libraryPath();
    f.library.close();

    const QString output = f.path(QStringLiteral("repaired.sqlite3"));
    Repairer repairer(path);
    repairer.setOutput(output);
    const std::optional<RepairReport> report = repairer.run();
    INFO(repairer.errorString().toStdString());
    REQUIRE(report);
    Library repaired;
    REQUIRE(repaired.open(output));
    const std::optional<qint64> again =
        repaired.search(QStringLiteral("title:Lanternfish")).value().ids.value(0);
    REQUIRE(again);
    REQUIRE(repaired.noteHistory(*again));
    CHECK(texts(*repaired.noteHistory(*again)) == QStringList{kLongNote});
    CHECK(repaired.noteHistory(*again)->first().pinned);
}
