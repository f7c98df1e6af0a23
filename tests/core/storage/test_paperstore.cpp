// PaperStore: the identity lookup, new papers with their index row, what a
// later sighting fills in, digests and appearances.
#include "catch.h"
#include "libraryfixture.h"
#include "model/titlekey.h"
#include "storage/paperstore.h"

#include <QTimeZone>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

DigestEntry entry(const QString &title, const QString &abstract = {})
{
    DigestEntry e;
    e.title = title;
    e.abstract = abstract;
    return e;
}

} // namespace

TEST_CASE("PaperStore finds a paper by its title identity", "[storage][papers]")
{
    LibraryFixture f;
    PaperStore store(f.library.database());
    const QString key = titleKey(QStringLiteral("Tidal Attention: Routing Tokens by Phase"));
    const auto unknown = store.findByKey(key);
    REQUIRE(unknown);
    CHECK(unknown->id == 0);

    const auto id = store.addPaper(key,
                                   entry(QStringLiteral("Tidal Attention: Routing Tokens by Phase"),
                                         QStringLiteral("Experts by the phase of a wave.")),
                                   QDate(2026, 3, 3), QDateTime::currentDateTimeUtc());
    REQUIRE(id);
    const auto known = store.findByKey(key);
    REQUIRE(known);
    CHECK(known->id == *id);
    CHECK_FALSE(known->lacksAbstract);
    // The same identity under another spelling of the title.
    const auto respelt = store.findByKey(titleKey(QStringLiteral("TIDAL  Attention: "
                                                                 "Routing Tokens by Phase ")));
    REQUIRE(respelt);
    CHECK(respelt->id == *id);
    // And it is searchable at once.
    CHECK(f.library.search(QStringLiteral("oscillator OR wave")).value().ids == QList<qint64>{*id});
}

TEST_CASE("PaperStore fills in what an earlier sighting lacked, and nothing else",
          "[storage][papers]")
{
    LibraryFixture f;
    PaperStore store(f.library.database());
    const QString title = QStringLiteral("Counting Lanternfish with Sparse Autoencoders");
    const QString key = titleKey(title);
    DigestEntry first = entry(title);
    first.upvotes = 3;
    const auto id = store.addPaper(key, first, QDate(2026, 3, 1), QDateTime::currentDateTimeUtc());
    REQUIRE(id);
    REQUIRE(f.library.setStarred({*id}, true));
    const auto known = store.findByKey(key);
    REQUIRE(known);
    CHECK(known->lacksAbstract);

    DigestEntry later = entry(title, QStringLiteral("Fish in sonar images."));
    later.submitter.kind = Submitter::Kind::Organisation;
    later.submitter.organisation = QStringLiteral("Marine Robotics Lab");
    later.published = QDate(2026, 2, 27);
    later.upvotes = 9;
    REQUIRE(store.fillIn(*known, later, QDate(2026, 3, 4)));

    DigestEntry older = entry(title, QStringLiteral("Another abstract."));
    older.submitter.kind = Submitter::Kind::Authors;
    older.submitter.authors = 4;
    older.published = QDate(2025, 1, 1);
    older.upvotes = 1;
    const auto again = store.findByKey(key);
    REQUIRE(again);
    CHECK_FALSE(again->lacksAbstract);
    REQUIRE(store.fillIn(*again, older, QDate(2026, 1, 1)));

    const auto paper = f.library.paper(*id);
    REQUIRE(paper);
    CHECK(paper->abstract == QStringLiteral("Fish in sonar images."));
    CHECK(paper->submitter.kind == Submitter::Kind::Organisation);
    CHECK(paper->submitter.organisation == QStringLiteral("Marine Robotics Lab"));
    CHECK(paper->published == QDate(2026, 2, 27));
    CHECK(paper->upvotes == 9);
    CHECK(paper->starred); // reader data is never touched
    CHECK(f.library.search(QStringLiteral("sonar")).value().ids == QList<qint64>{*id});
    CHECK(f.library.search(QStringLiteral("digest:2026-03-04"))
              .value()
              .ids.isEmpty()); // no appearance
}

TEST_CASE("PaperStore records digests by content and their appearances", "[storage][papers]")
{
    LibraryFixture f;
    PaperStore store(f.library.database());
    const QByteArray hash(32, 'x');
    const auto before = store.hasDigest(hash);
    REQUIRE(before);
    CHECK_FALSE(*before);

    Digest digest;
    digest.date = QDate(2026, 3, 3);
    digest.dateCertainty = DateCertainty::Derived;
    digest.layout = DigestLayout::Detailed;
    digest.entries = {entry(QStringLiteral("One")), entry(QStringLiteral("Two"))};
    const auto digestId =
        store.addDigest(digest, hash, QStringLiteral("day.txt"),
                        QDateTime(QDate(2026, 3, 3), QTime(9, 0), QTimeZone::utc()));
    REQUIRE(digestId);
    const auto after = store.hasDigest(hash);
    REQUIRE(after);
    CHECK(*after);

    const auto paper = store.addPaper(titleKey(QStringLiteral("Two")), digest.entries.at(1),
                                      digest.date, QDateTime::currentDateTimeUtc());
    REQUIRE(paper);
    REQUIRE(store.addAppearance(*digestId, 2, *paper, 7));
    const auto info = f.library.digest(*digestId);
    REQUIRE(info);
    CHECK(info->date == QDate(2026, 3, 3));
    CHECK(info->certainty == DateCertainty::Derived);
    CHECK(info->layout == DigestLayout::Detailed);
    CHECK(info->source == QStringLiteral("day.txt"));
    CHECK(info->entries == 2);
    CHECK(info->imported == QDateTime(QDate(2026, 3, 3), QTime(9, 0), QTimeZone::utc()));
    const auto read = f.library.paper(*paper);
    REQUIRE(read);
    REQUIRE(read->appearances.size() == 1);
    CHECK(read->appearances.first().digestId == *digestId);
    CHECK(read->appearances.first().position == 2);
    CHECK(read->appearances.first().upvotes == 7);
    CHECK(read->appearances.first().digestDate == QDate(2026, 3, 3));
    // One appearance per place in a digest.
    CHECK_FALSE(store.addAppearance(*digestId, 2, *paper, 7));
    CHECK_FALSE(store.errorString().isEmpty());
}
