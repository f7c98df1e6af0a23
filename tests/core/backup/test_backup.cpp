// Backups of reader data, restores that merge without losing anything,
// reader data waiting for papers not imported yet, and snapshots.
#include "backup/backup.h"
#include "catch.h"
#include "libraryfixture.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

// Imports day1, day2 and the tricky digest into `f`.
void importAll(LibraryFixture &f)
{
    const ImportReport report = f.import(
        {f.copyFixture(QStringLiteral("day1.txt")), f.copyFixture(QStringLiteral("day2.txt"))});
    REQUIRE(report.ok());
    const QString tricky = f.path(QStringLiteral("tricky.txt"));
    QFile::remove(tricky);
    REQUIRE(QFile::copy(gleaner::test::dataPath(QStringLiteral("export/tricky.txt")), tricky));
    REQUIRE(f.import({tricky}).ok());
}

struct Annotated
{
    QString title;
    bool starred = false;
    bool read = false;
    QStringList tags;
    QString note;
};

QList<Annotated> readerData(Library &library)
{
    QList<Annotated> list;
    for (const Paper &p : library.papers(library.search(QString(), SortOrder::Title).value().ids)) {
        if (p.starred || p.read || !p.tags.isEmpty() || !p.note.isEmpty())
            list.append({p.title, p.starred, p.read, p.tags, p.note});
    }
    return list;
}

bool operator==(const Annotated &a, const Annotated &b)
{
    return a.title == b.title && a.starred == b.starred && a.read == b.read && a.tags == b.tags &&
           a.note == b.note;
}

} // namespace

namespace Catch {
template <>
struct StringMaker<Annotated>
{
    static std::string convert(const Annotated &a)
    {
        return a.title.toStdString() + (a.starred ? " *" : "") + (a.read ? " read" : "") + " [" +
               a.tags.join(u',').toStdString() + "] " + a.note.toStdString();
    }
};
} // namespace Catch

TEST_CASE("A backup restored into an empty library comes back with the digests", "[backup]")
{
    LibraryFixture source;
    importAll(source);
    Library &lib = source.library;
    const qint64 fish = source.idOf(QStringLiteral("Lanternfish"));
    const qint64 bounding = source.idOf(QStringLiteral("Bounding"));
    const qint64 russian = lib.search(QString::fromUtf8("перевода")).value().ids.value(0);
    REQUIRE(russian > 0);
    REQUIRE(lib.setStarred({fish, bounding}, true));
    REQUIRE(lib.setRead({fish, russian}, true));
    REQUIRE(lib.addTags({fish}, {QStringLiteral("sonar"), QStringLiteral("to cite")}));
    REQUIRE(lib.addTags({bounding, russian}, {QStringLiteral("<math> & more")}));
    REQUIRE(lib.setNote(bounding, test::kTrickyNote));
    REQUIRE(lib.setNote(russian, QString::fromUtf8("Перевод: хорошо")));
    REQUIRE(lib.saveSearch(QStringLiteral("fish"), QStringLiteral("tag:sonar is:unread")));
    const QList<Annotated> before = readerData(lib);
    REQUIRE(before.size() == 3);

    const QString file = source.path(QStringLiteral("reader.json"));
    Backup backup(lib);
    const std::optional<BackupSummary> summary = backup.write(file);
    REQUIRE(summary);
    CHECK(summary->papers == 3);
    CHECK(summary->savedSearches == 1);

    // The documented shape.
    QFile backupFile(file);
    REQUIRE(backupFile.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(backupFile.readAll()).object();
    CHECK(root.value(QStringLiteral("format")) == QStringLiteral("gleaner-reader-data"));
    CHECK(root.value(QStringLiteral("version")).toInt() == 1);
    const QJsonArray entries = root.value(QStringLiteral("papers")).toArray();
    REQUIRE(entries.size() == 3);
    for (const char *member :
         {"key", "title", "starred", "read", "read_at", "tags", "note", "note_changed"})
        CHECK(entries.first().toObject().contains(QLatin1String(member)));

    LibraryFixture target;
    const std::optional<RestoreReport> restored = Backup(target.library).restore(file);
    REQUIRE(restored);
    const RestoreReport &report = *restored;
    CHECK(report.papers == 3);
    CHECK(report.pending == 3);
    CHECK(report.matched == 0);
    CHECK(report.noteConflicts.isEmpty());
    CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data") == 3);
    CHECK(target.library.savedSearches().size() == 1);

    SECTION("the papers arriving later pick it up")
    {
        importAll(target);
        CHECK(readerData(target.library) == before);
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data") == 0);
        const auto paper = target.library.paper(target.idOf(QStringLiteral("Bounding")));
        REQUIRE(paper);
        CHECK(paper->noteChanged.isValid());
        // And the reader data is searchable like any other.
        CHECK(target.library.search(QStringLiteral("tag:sonar")).value().ids.size() == 1);
        CHECK(target.library.search(QStringLiteral("is:starred")).value().ids.size() == 2);
    }
    SECTION("a backup of the waiting data carries it on")
    {
        LibraryFixture third;
        const std::optional<BackupDocument> document = Backup(target.library).toJson();
        REQUIRE(document);
        CHECK(document->summary.papers == 3);
        REQUIRE(Backup(third.library).restoreData(document->json));
        importAll(third);
        CHECK(readerData(third.library) == before);
    }
}

TEST_CASE("Restoring merges into a library that has reader data of its own", "[backup]")
{
    LibraryFixture f;
    importAll(f);
    Library &lib = f.library;
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 noise = f.idOf(QStringLiteral("Gradient Noise"));
    REQUIRE(lib.addTags({fish}, {QStringLiteral("sonar")}));
    REQUIRE(lib.setNote(fish, QStringLiteral("Old note.")));
    REQUIRE(lib.setRead({noise}, true));
    REQUIRE(lib.saveSearch(QStringLiteral("fish"), QStringLiteral("tag:sonar")));
    const std::optional<BackupDocument> document = Backup(lib).toJson();
    REQUIRE(document);
    const QByteArray backup = document->json;

    // Then the library moves on.
    REQUIRE(lib.setNote(fish, QStringLiteral("A different note.")));
    REQUIRE(lib.removeTags({fish}, {QStringLiteral("sonar")}));
    REQUIRE(lib.addTags({fish}, {QStringLiteral("fish")}));
    REQUIRE(lib.setRead({noise}, false));
    REQUIRE(lib.setStarred({noise}, true));
    REQUIRE(lib.saveSearch(QStringLiteral("fish"), QStringLiteral("tag:fish")));

    const std::optional<RestoreReport> restored = Backup(lib).restoreData(backup);
    REQUIRE(restored);
    const RestoreReport &report = *restored;
    CHECK(report.matched == 2);
    CHECK(report.pending == 0);
    CHECK(report.readAdded == 1);
    CHECK(report.tagsAdded == 1);
    REQUIRE(report.noteConflicts.size() == 1);
    CHECK(report.noteConflicts.first().contains(QStringLiteral("Lanternfish")));
    CHECK(report.renamedSearches == QStringList{QStringLiteral("fish (restored)")});
    CHECK(report.summary().contains(QStringLiteral("both are kept")));

    const auto paper = lib.paper(fish);
    REQUIRE(paper);
    CHECK(paper->tags == QStringList({QStringLiteral("fish"), QStringLiteral("sonar")}));
    CHECK(paper->note.startsWith(QStringLiteral("A different note.\n\n--- Note restored from a "
                                                "backup")));
    CHECK(paper->note.endsWith(QStringLiteral("---\n\nOld note.")));
    const auto other = lib.paper(noise);
    REQUIRE(other);
    CHECK(other->starred);
    CHECK(other->read);
    QStringList names;
    for (const SavedSearch &s : lib.savedSearches())
        names << s.name + u'=' + s.query;
    CHECK(names == QStringList({QStringLiteral("fish=tag:fish"),
                                QStringLiteral("fish (restored)=tag:sonar")}));

    SECTION("restoring the same file again changes nothing")
    {
        const QList<Annotated> once = readerData(lib);
        const std::optional<RestoreReport> again = Backup(lib).restoreData(backup);
        REQUIRE(again);
        CHECK(again->noteConflicts.isEmpty());
        CHECK(again->searchesAdded == 0);
        CHECK(again->tagsAdded == 0);
        CHECK(readerData(lib) == once);
        CHECK(lib.savedSearches().size() == 2);
    }
    SECTION("a note the backup only extends is taken, not doubled")
    {
        REQUIRE(lib.setNote(fish, QStringLiteral("Old")));
        const std::optional<RestoreReport> again = Backup(lib).restoreData(backup);
        REQUIRE(again);
        CHECK(again->noteConflicts.isEmpty());
        CHECK(lib.paper(fish)->note == QStringLiteral("Old note."));
    }
}

TEST_CASE("Waiting reader data merges too", "[backup]")
{
    const QString title = QStringLiteral("A Paper Nobody Has Imported Yet");
    auto backupWith = [&title](const QString &note, const QString &tag, bool starred) {
        const QJsonObject paper{{QStringLiteral("title"), title},
                                {QStringLiteral("starred"), starred},
                                {QStringLiteral("read"), false},
                                {QStringLiteral("tags"), QJsonArray{tag}},
                                {QStringLiteral("note"), note}};
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("format"), QStringLiteral("gleaner-reader-data")},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("papers"), QJsonArray{paper}}})
            .toJson();
    };
    LibraryFixture f;
    Backup backup(f.library);
    REQUIRE(backup.restoreData(backupWith(QStringLiteral("First."), QStringLiteral("one"), true)));
    const std::optional<RestoreReport> report =
        backup.restoreData(backupWith(QStringLiteral("Second."), QStringLiteral("two"), false));
    REQUIRE(report);
    CHECK(report->noteConflicts == QStringList{title});
    Statement st =
        f.library.database().prepare("SELECT starred, tags, note FROM pending_reader_data");
    REQUIRE(st.next());
    CHECK(st.integer(0) == 1);
    CHECK(st.text(1) == QStringLiteral("[\"one\",\"two\"]"));
    CHECK(st.text(2).startsWith(QStringLiteral("First.")));
    CHECK(st.text(2).endsWith(QStringLiteral("Second.")));
}

TEST_CASE("A file that is not a backup is refused and changes nothing", "[backup]")
{
    LibraryFixture f;
    importAll(f);
    REQUIRE(f.library.setStarred({f.idOf(QStringLiteral("Lanternfish"))}, true));
    const QList<Annotated> before = readerData(f.library);
    const QByteArray bad[] = {
        "not json at all",
        "[1, 2, 3]",
        R"({"format": "something-else", "version": 1, "papers": []})",
        R"({"format": "gleaner-reader-data", "papers": []})",
        R"({"format": "gleaner-reader-data", "version": 1, "papers": {}})",
        R"({"format": "gleaner-reader-data", "version": 1, "papers": [{"starred": true}]})",
    };
    for (const QByteArray &json : bad) {
        Backup backup(f.library);
        CHECK_FALSE(backup.restoreData(json));
        CHECK(backup.errorString().startsWith(QStringLiteral("This ")));
    }
    Backup backup(f.library);
    CHECK_FALSE(
        backup.restoreData(R"({"format": "gleaner-reader-data", "version": 99, "papers": []})"));
    CHECK(backup.errorString().contains(QStringLiteral("newer Gleaner")));
    CHECK_FALSE(backup.restore(f.path(QStringLiteral("missing.json"))));
    CHECK(backup.errorString().contains(QStringLiteral("missing.json")));
    CHECK(readerData(f.library) == before);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM pending_reader_data") == 0);
}

TEST_CASE("A snapshot is a consistent copy even while another connection writes", "[backup]")
{
    LibraryFixture f;
    importAll(f);
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.setStarred({fish}, true));
    const int papers = f.library.paperCount();

    // A second connection (the window, say) in the middle of a write.
    Library writer;
    REQUIRE(writer.open(f.libraryPath()));
    Transaction tx(writer.database());
    REQUIRE(tx.isActive());
    REQUIRE(writer.database().exec("UPDATE papers SET starred = 1"));

    const QString copy = f.path(QStringLiteral("snap/copy.sqlite3"));
    REQUIRE(QDir().mkpath(f.path(QStringLiteral("snap"))));
    Backup backup(f.library);
    REQUIRE(backup.snapshot(copy));
    REQUIRE(tx.commit());
    CHECK_FALSE(QFile::exists(copy + QStringLiteral(".partial")));

    Library snapshot;
    REQUIRE(snapshot.open(copy));
    CHECK(snapshot.paperCount() == papers);
    CHECK(snapshot.stats().starred == 1); // the uncommitted write is not in it
    CHECK(snapshot.search(QStringLiteral("lanternfish")).value().ids.size() == 1);
    Statement check = snapshot.database().prepare("PRAGMA integrity_check");
    REQUIRE(check.next());
    CHECK(check.text(0) == QStringLiteral("ok"));

    SECTION("a second snapshot replaces the first")
    {
        snapshot.close();
        REQUIRE(backup.snapshot(copy));
        Library again;
        REQUIRE(again.open(copy));
        CHECK(again.stats().starred == papers);
    }
    SECTION("it never overwrites the library itself")
    {
        CHECK_FALSE(backup.snapshot(f.libraryPath()));
        CHECK(backup.errorString().contains(QStringLiteral("library itself")));
    }
}

TEST_CASE("Dismissals go into a backup and come back, before their digests too",
          "[backup][dismiss]")
{
    LibraryFixture source;
    importAll(source);
    const qint64 fish = source.idOf(QStringLiteral("Lanternfish"));
    const qint64 quiet = source.idOf(QStringLiteral("Quiet"));
    REQUIRE(source.library.setDismissed({fish, quiet}, true));
    REQUIRE(source.library.setStarred({quiet}, true)); // independent marks
    const std::optional<BackupDocument> document = Backup(source.library).toJson();
    REQUIRE(document);
    CHECK(document->summary.papers == 2); // a dismissal alone is reader data

    // The documented members.
    const QJsonArray entries =
        QJsonDocument::fromJson(document->json).object().value(QStringLiteral("papers")).toArray();
    REQUIRE(entries.size() == 2);
    for (const QJsonValue &entry : entries) {
        const QJsonObject o = entry.toObject();
        CHECK(o.value(QStringLiteral("dismissed")) == true);
        CHECK(QDateTime::fromString(o.value(QStringLiteral("dismissed_at")).toString(),
                                    Qt::ISODateWithMs)
                  .isValid());
    }

    SECTION("into an empty library: they wait for their papers, then attach")
    {
        LibraryFixture target;
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->pending == 2);
        CHECK(restored->dismissalsAdded == 2);
        CHECK(restored->summary().contains(QStringLiteral("not interested")));
        CHECK(test::scalar(target.library,
                           "SELECT count(*) FROM pending_reader_data WHERE dismissed") == 2);
        importAll(target);
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data") == 0);
        const auto paper = target.library.paper(target.idOf(QStringLiteral("Lanternfish")));
        REQUIRE(paper);
        CHECK(paper->dismissed);
        CHECK_FALSE(paper->starred);
        CHECK(target.library.paper(target.idOf(QStringLiteral("Quiet")))->starred);
        CHECK(target.library.search(QStringLiteral("is:dismissed")).value().ids.size() == 2);
        CHECK(target.library.stats().dismissed == 2);
        // The time they were dismissed, not the time of the import.
        Statement when = target.library.database().prepare(
            "SELECT count(*) FROM papers WHERE dismissed AND dismissed_at IS NOT NULL");
        REQUIRE(when.next());
        CHECK(when.integer(0) == 2);
    }
    SECTION("into the library itself, moved on: merged, and again changes nothing")
    {
        REQUIRE(source.library.setDismissed({fish}, false));
        const std::optional<RestoreReport> restored =
            Backup(source.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->matched == 2);
        CHECK(restored->dismissalsAdded == 1);
        CHECK(source.library.paper(fish)->dismissed);
        const std::optional<RestoreReport> again =
            Backup(source.library).restoreData(document->json);
        REQUIRE(again);
        CHECK(again->dismissalsAdded == 0);
        CHECK(source.library.stats().dismissed == 2);
    }
    SECTION("an older backup without the member dismisses nothing")
    {
        QJsonObject root = QJsonDocument::fromJson(document->json).object();
        QJsonArray papers;
        for (const QJsonValue &entry : root.value(QStringLiteral("papers")).toArray()) {
            QJsonObject o = entry.toObject();
            o.remove(QStringLiteral("dismissed"));
            o.remove(QStringLiteral("dismissed_at"));
            papers.append(o);
        }
        root.insert(QStringLiteral("papers"), papers);
        LibraryFixture target;
        importAll(target);
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(QJsonDocument(root).toJson());
        REQUIRE(restored);
        CHECK(restored->dismissalsAdded == 0);
        CHECK(target.library.stats().dismissed == 0);
        CHECK(target.library.stats().starred == 1);
    }
}

TEST_CASE("Rules and what they did go into a backup and merge on restore", "[backup][rules]")
{
    LibraryFixture source;
    Rule fish;
    fish.name = QStringLiteral("fish");
    fish.query = QStringLiteral("lanternfish");
    fish.star = true;
    fish.tags = {QStringLiteral("sonar")};
    REQUIRE(source.library.addRule(fish));
    REQUIRE(source.import({source.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = source.idOf(QStringLiteral("Lanternfish"));
    // The reader took the star off, and that must survive a restore anywhere.
    REQUIRE(source.library.setStarred({id}, false));
    const std::optional<BackupDocument> document = Backup(source.library).toJson();
    REQUIRE(document);
    CHECK(document->summary.rules == 1);
    const QJsonObject root = QJsonDocument::fromJson(document->json).object();
    const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    REQUIRE(rules.size() == 1);
    CHECK(rules.at(0).toObject().value(QStringLiteral("query")).toString() ==
          QStringLiteral("lanternfish"));
    CHECK(rules.at(0).toObject().value(QStringLiteral("star")).toBool());

    SECTION("into an empty library, before the digests")
    {
        LibraryFixture target;
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->rulesAdded == 1);
        CHECK(restored->summary().contains(QStringLiteral("1 rule")));
        const std::optional<Rule> rule = target.library.rule(QStringLiteral("fish"));
        REQUIRE(rule);
        CHECK(rule->star);
        CHECK(rule->tags == QStringList{QStringLiteral("sonar")});
        const ImportReport report = target.import({target.copyFixture(QStringLiteral("day1.txt"))});
        REQUIRE(report.ok());
        const auto paper = target.library.paper(target.idOf(QStringLiteral("Lanternfish")));
        CHECK_FALSE(paper->starred);
        CHECK(paper->tags == QStringList{QStringLiteral("sonar")});
        CHECK(test::scalar(target.library, "SELECT count(*) FROM rule_applied") == 2);
        // Restoring the same file again changes nothing.
        const std::optional<RestoreReport> again =
            Backup(target.library).restoreData(document->json);
        REQUIRE(again);
        CHECK(again->rulesAdded == 0);
        CHECK(target.library.rules().size() == 1);
    }
    SECTION("into a library with the papers and a different rule of that name")
    {
        LibraryFixture target;
        REQUIRE(target.import({target.copyFixture(QStringLiteral("day1.txt"))}).ok());
        Rule other = fish;
        other.query = QStringLiteral("gradient");
        other.tags.clear();
        REQUIRE(target.library.addRule(other));
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->renamedRules == QStringList{QStringLiteral("fish (restored)")});
        const QList<Rule> all = target.library.rules();
        REQUIRE(all.size() == 2);
        CHECK(all.at(1).name == QStringLiteral("fish (restored)"));
        CHECK(all.at(1).query == QStringLiteral("lanternfish"));
        // Its memory follows it: run on the library, it stars nothing.
        const std::optional<RuleRun> run = target.library.runRule(all.at(1).id, false);
        REQUIRE(run);
        CHECK(run->outcome.matched == 1);
        CHECK(run->outcome.changed() == 0);
        CHECK_FALSE(target.library.paper(target.idOf(QStringLiteral("Lanternfish")))->starred);
    }
}

TEST_CASE("The reading queue goes into a backup with its order and merges on restore",
          "[backup][queue]")
{
    LibraryFixture source;
    importAll(source);
    const qint64 quiet = source.idOf(QStringLiteral("Quiet"));
    const qint64 tidal = source.idOf(QStringLiteral("Tidal Attention"));
    const qint64 fish = source.idOf(QStringLiteral("Lanternfish"));
    const qint64 weather = source.idOf(QStringLiteral("Weather Models"));
    REQUIRE(source.library.enqueue({tidal, fish, weather, quiet}) == 4);
    REQUIRE(source.library.moveInQueue(quiet, 0)); // quiet, tidal, fish, weather
    const std::optional<BackupDocument> document = Backup(source.library).toJson();
    REQUIRE(document);
    CHECK(document->summary.papers == 4); // being queued alone is reader data

    // Each queued paper's rank, 1 first.
    QHash<QString, int> ranks;
    for (const QJsonValue &entry :
         QJsonDocument::fromJson(document->json).object().value(QStringLiteral("papers")).toArray())
        ranks.insert(entry[QStringLiteral("title")].toString().left(5),
                     entry[QStringLiteral("queued")].toInt());
    CHECK(ranks == QHash<QString, int>{{QStringLiteral("Quiet"), 1},
                                       {QStringLiteral("Tidal"), 2},
                                       {QStringLiteral("Count"), 3},
                                       {QStringLiteral("Weath"), 4}});

    const auto titles = [](LibraryFixture &f) {
        QStringList list;
        for (const Paper &p : f.library.papers(f.library.queue()))
            list << p.title.left(5);
        return list;
    };
    const QStringList order{QStringLiteral("Quiet"), QStringLiteral("Tidal"),
                            QStringLiteral("Count"), QStringLiteral("Weath")};

    SECTION("into an empty library: the order waits and holds whatever order papers arrive in")
    {
        LibraryFixture target;
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->pending == 4);
        CHECK(restored->queued == 4);
        CHECK(restored->summary().contains(QStringLiteral("4 papers queued")));
        // Day 2 first (Quiet, Lanternfish, Weather), then day 1 (Tidal).
        REQUIRE(target.import({target.copyFixture(QStringLiteral("day2.txt"))}).ok());
        CHECK(titles(target) == QStringList{QStringLiteral("Quiet"), QStringLiteral("Count"),
                                            QStringLiteral("Weath")});
        REQUIRE(target.import({target.copyFixture(QStringLiteral("day1.txt"))}).ok());
        CHECK(titles(target) == order);
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data") == 0);
        // A paper queued after the restore comes after the restored ones.
        REQUIRE(target.library.enqueue({target.idOf(QStringLiteral("Gradient Noise"))}) == 1);
        CHECK(titles(target).last() == QStringLiteral("A Fie"));
    }
    SECTION("into a library with a queue of its own: its papers keep their places, the others "
            "follow in the backup's order, and again changes nothing")
    {
        LibraryFixture target;
        importAll(target);
        const qint64 noise = target.idOf(QStringLiteral("Gradient Noise"));
        REQUIRE(target.library.enqueue({noise, target.idOf(QStringLiteral("Lanternfish"))}) == 2);
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->queued == 3);
        const QStringList merged{QStringLiteral("A Fie"), QStringLiteral("Count"),
                                 QStringLiteral("Quiet"), QStringLiteral("Tidal"),
                                 QStringLiteral("Weath")};
        CHECK(titles(target) == merged);
        const std::optional<RestoreReport> again =
            Backup(target.library).restoreData(document->json);
        REQUIRE(again);
        CHECK(again->queued == 0);
        CHECK(titles(target) == merged);
    }
    SECTION("restored twice before the digests: the places are reserved once")
    {
        LibraryFixture target;
        REQUIRE(Backup(target.library).restoreData(document->json));
        const std::optional<RestoreReport> again =
            Backup(target.library).restoreData(document->json);
        REQUIRE(again);
        CHECK(again->queued == 0);
        importAll(target);
        CHECK(titles(target) == order);
    }
    SECTION("a backup of a library with waiting queued papers keeps their ranks")
    {
        LibraryFixture waiting;
        REQUIRE(Backup(waiting.library).restoreData(document->json));
        const std::optional<BackupDocument> second = Backup(waiting.library).toJson();
        REQUIRE(second);
        LibraryFixture target;
        importAll(target);
        REQUIRE(Backup(target.library).restoreData(second->json));
        CHECK(titles(target) == order);
    }
}

TEST_CASE("Highlights go into a backup and merge on restore, before their digests too",
          "[backup][highlights]")
{
    LibraryFixture source;
    importAll(source);
    const qint64 fish = source.idOf(QStringLiteral("Lanternfish"));
    std::optional<Highlight> sonar =
        source.library.findPassage(fish, QStringLiteral("sonar images"));
    REQUIRE(sonar);
    sonar->paperId = fish;
    sonar->colour = QStringLiteral("blue");
    sonar->comment = test::kTrickyNote;
    REQUIRE(source.library.addHighlight(*sonar));
    std::optional<Highlight> title =
        source.library.findPassage(fish, QStringLiteral("Lanternfish"));
    REQUIRE(title);
    title->paperId = fish;
    REQUIRE(source.library.addHighlight(*title));
    const std::optional<BackupDocument> document = Backup(source.library).toJson();
    REQUIRE(document);
    CHECK(document->summary.papers == 1); // a highlight alone is reader data

    const QJsonArray entries =
        QJsonDocument::fromJson(document->json).object().value(QStringLiteral("papers")).toArray();
    REQUIRE(entries.size() == 1);
    const QJsonArray marked =
        entries.first().toObject().value(QStringLiteral("highlights")).toArray();
    REQUIRE(marked.size() == 2);
    CHECK(marked.at(1).toObject().value(QStringLiteral("quote")) == QStringLiteral("sonar images"));
    CHECK(marked.at(1).toObject().value(QStringLiteral("colour")) == QStringLiteral("blue"));

    const auto check = [](Library &library, qint64 paper) {
        const std::optional<QList<Highlight>> list = library.highlights(paper);
        REQUIRE(list);
        REQUIRE(list->size() == 2);
        CHECK(list->at(0).field == HighlightField::Title);
        CHECK(list->at(1).quote == QStringLiteral("sonar images"));
        CHECK(list->at(1).colour == QStringLiteral("blue"));
        CHECK(list->at(1).comment == test::kTrickyNote);
        CHECK_FALSE(list->at(1).detached);
    };

    SECTION("into an empty library: they wait for their papers, then attach")
    {
        LibraryFixture target;
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(document->json);
        REQUIRE(restored);
        CHECK(restored->pending == 1);
        CHECK(restored->highlightsAdded == 2);
        CHECK(restored->summary().contains(QStringLiteral("2 highlights")));
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data WHERE "
                                           "json_array_length(highlights) = 2") == 1);
        // Restored twice while waiting: nothing doubles.
        REQUIRE(Backup(target.library).restoreData(document->json));
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data WHERE "
                                           "json_array_length(highlights) = 2") == 1);
        importAll(target);
        CHECK(test::scalar(target.library, "SELECT count(*) FROM pending_reader_data") == 0);
        const qint64 arrived = target.idOf(QStringLiteral("Lanternfish"));
        check(target.library, arrived);
        CHECK(target.library.search(QStringLiteral("has:highlight")).value().ids ==
              QList<qint64>{arrived});
    }
    SECTION("into the library itself: again changes nothing; a removed one comes back")
    {
        const std::optional<RestoreReport> again =
            Backup(source.library).restoreData(document->json);
        REQUIRE(again);
        CHECK(again->highlightsAdded == 0);
        check(source.library, fish);
        REQUIRE(source.library.removeHighlight(source.library.highlights(fish)->at(1).id));
        const std::optional<RestoreReport> back =
            Backup(source.library).restoreData(document->json);
        REQUIRE(back);
        CHECK(back->highlightsAdded == 1);
        check(source.library, fish);
    }
    SECTION("into a library whose text differs: re-anchored, or kept detached")
    {
        QJsonObject root = QJsonDocument::fromJson(document->json).object();
        QJsonArray papers = root.value(QStringLiteral("papers")).toArray();
        QJsonObject paper = papers.first().toObject();
        QJsonArray list = paper.value(QStringLiteral("highlights")).toArray();
        QJsonObject moved = list.at(1).toObject();
        moved.insert(QStringLiteral("start"), 3);
        moved.insert(QStringLiteral("quote"), QStringLiteral("sonar  images"));
        QJsonObject gone = list.at(1).toObject();
        gone.insert(QStringLiteral("quote"), QStringLiteral("a passage this paper never had"));
        paper.insert(QStringLiteral("highlights"), QJsonArray{moved, gone});
        root.insert(QStringLiteral("papers"), QJsonArray{paper});
        LibraryFixture target;
        importAll(target);
        const std::optional<RestoreReport> restored =
            Backup(target.library).restoreData(QJsonDocument(root).toJson());
        REQUIRE(restored);
        CHECK(restored->highlightsAdded == 2);
        const qint64 here = target.idOf(QStringLiteral("Lanternfish"));
        const QList<Highlight> got = *target.library.highlights(here);
        REQUIRE(got.size() == 2);
        CHECK(got.at(0).quote == QStringLiteral("sonar images"));
        CHECK_FALSE(got.at(0).detached);
        CHECK(got.at(1).detached);
        CHECK(got.at(1).quote == QStringLiteral("a passage this paper never had"));
    }
}
