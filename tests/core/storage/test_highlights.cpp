// Highlights in the library: made from a passage of the paper's text,
// listed in reading order, changed and removed; found by has:highlight and
// by the words of their comments; kept by a digest's removal; moved with
// the text when an import fills in an abstract.
#include "backup/backup.h"
#include "catch.h"
#include "libraryfixture.h"
#include "model/titlekey.h"
#include "storage/highlightstore.h"
#include "storage/readerdatastore.h"

#include <QFile>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

qint64 highlight(Library &library, qint64 paper, const QString &passage,
                 const QString &comment = {}, const QString &colour = QStringLiteral("yellow"),
                 int occurrence = 1)
{
    std::optional<Highlight> h = library.findPassage(paper, passage, occurrence);
    INFO(library.errorString().toStdString());
    REQUIRE(h);
    h->paperId = paper;
    h->comment = comment;
    h->colour = colour;
    const std::optional<qint64> id = library.addHighlight(*h);
    INFO(library.errorString().toStdString());
    REQUIRE(id);
    return *id;
}

QList<qint64> ids(Library &library, const QString &query, int limit = -1, int offset = 0)
{
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.offset = offset;
    const std::optional<SearchResult> r = library.search(request);
    INFO(library.errorString().toStdString());
    REQUIRE(r);
    return r->ids;
}

} // namespace

TEST_CASE("Highlights are made from the paper's text, listed, changed and removed", "[highlights]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const qint64 later =
        highlight(f.library, tidal, QStringLiteral("dense attention"),
                  QStringLiteral("compare with FlashAttention"), QStringLiteral("green"));
    const qint64 earlier = highlight(f.library, tidal, QStringLiteral("learned oscillator"));
    const qint64 inTitle = highlight(f.library, tidal, QStringLiteral("Routing Tokens"));

    std::optional<QList<Highlight>> list = f.library.highlights(tidal);
    REQUIRE(list);
    REQUIRE(list->size() == 3);
    // Reading order: the title's, then the abstract's by offset.
    CHECK(list->at(0).id == inTitle);
    CHECK(list->at(0).field == HighlightField::Title);
    CHECK(list->at(1).id == earlier);
    CHECK(list->at(2).id == later);
    const Highlight &dense = list->at(2);
    CHECK(dense.quote == QStringLiteral("dense attention"));
    CHECK(dense.colour == QStringLiteral("green"));
    CHECK(dense.comment == QStringLiteral("compare with FlashAttention"));
    CHECK_FALSE(dense.created.isEmpty());
    const QString abstract = f.library.paper(tidal)->abstract;
    CHECK(abstract.mid(dense.start, dense.length) == dense.quote);
    CHECK(abstract.left(dense.start).endsWith(dense.prefix));

    // The paper's full rows carry them; light rows do not.
    CHECK(f.library.paper(tidal)->highlights.size() == 3);
    CHECK(f.library.papers({tidal}).first().highlights.isEmpty());

    REQUIRE(f.library.updateHighlight(later, QStringLiteral("pink"), QStringLiteral("  ok  ")));
    CHECK(f.library.highlight(later)->colour == QStringLiteral("pink"));
    CHECK(f.library.highlight(later)->comment == QStringLiteral("ok"));
    CHECK_FALSE(f.library.updateHighlight(later, QStringLiteral("mauve"), QString()));
    CHECK(f.library.errorString().contains(QStringLiteral("not a highlight colour")));
    CHECK(f.library.highlight(later)->colour == QStringLiteral("pink"));

    REQUIRE(f.library.removeHighlight(earlier));
    CHECK(f.library.highlights(tidal)->size() == 2);
    CHECK_FALSE(f.library.removeHighlight(earlier));
    CHECK(f.library.errorString().contains(QStringLiteral("no highlight")));
}

TEST_CASE("A highlight must be of text the paper has", "[highlights]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));

    CHECK_FALSE(f.library.findPassage(tidal, QStringLiteral("not in this paper")));
    CHECK(f.library.errorString().contains(QStringLiteral("is not in the title or abstract")));
    // As written, case and all: "attention" is twice in the abstract.
    CHECK_FALSE(f.library.findPassage(tidal, QStringLiteral("attention"), 9));
    CHECK(f.library.errorString().contains(QStringLiteral("occurs 2 times")));
    CHECK_FALSE(f.library.findPassage(999999, QStringLiteral("x")));
    CHECK(f.library.errorString().contains(QStringLiteral("no paper 999999")));

    // Occurrences count through the title ("Attention"), then the abstract.
    const std::optional<Highlight> first = f.library.findPassage(tidal, QStringLiteral("tion"), 1);
    REQUIRE(first);
    CHECK(first->field == HighlightField::Title);
    const std::optional<Highlight> second = f.library.findPassage(tidal, QStringLiteral("tion"), 2);
    REQUIRE(second);
    CHECK(second->field == HighlightField::Abstract);
    CHECK(second->prefix.endsWith(QStringLiteral("tidal atten")));

    Highlight outside;
    outside.paperId = tidal;
    outside.field = HighlightField::Title;
    outside.start = 30;
    outside.length = 50;
    CHECK_FALSE(f.library.addHighlight(outside));
    CHECK(f.library.errorString().contains(QStringLiteral("not in the paper's title")));
    outside.start = 0;
    outside.length = 5;
    outside.colour = QStringLiteral("ultraviolet");
    CHECK_FALSE(f.library.addHighlight(outside));
    outside.paperId = 999999;
    outside.colour = QStringLiteral("blue");
    CHECK_FALSE(f.library.addHighlight(outside));
    CHECK(f.library.highlights(tidal)->isEmpty());

    // The same passage once; an overlapping one is another highlight.
    REQUIRE(first);
    Highlight again = *first;
    again.paperId = tidal;
    again.colour = QStringLiteral("yellow");
    REQUIRE(f.library.addHighlight(again));
    again.colour = QStringLiteral("green");
    CHECK_FALSE(f.library.addHighlight(again));
    CHECK(f.library.errorString().contains(QStringLiteral("highlighted already")));
    again.length += 1;
    CHECK(f.library.addHighlight(again));
    CHECK(f.library.highlights(tidal)->size() == 2);
}

TEST_CASE("has:highlight and the words of highlights find papers", "[highlights][search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt")),
                      f.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 noise = f.idOf(QStringLiteral("Gradient Noise"));
    highlight(f.library, tidal, QStringLiteral("learned oscillator"),
              QStringLiteral("reminds me of zeitgebers"));
    highlight(f.library, fish, QStringLiteral("sonar images"), QStringLiteral("zeitgebers again"));
    REQUIRE(f.library.setStarred({fish}, true));

    const QList<qint64> marked = ids(f.library, QStringLiteral("has:highlight"));
    CHECK(marked.size() == 2);
    CHECK(marked.contains(tidal));
    CHECK(marked.contains(fish));
    const QList<qint64> unmarked = ids(f.library, QStringLiteral("-has:highlight"));
    CHECK(unmarked.size() == f.library.paperCount() - 2);
    CHECK_FALSE(unmarked.contains(tidal));
    CHECK(ids(f.library, QStringLiteral("has:highlight is:starred")) == QList<qint64>{fish});

    // A word only a comment has finds the paper, with the filters applied.
    CHECK(ids(f.library, QStringLiteral("zeitgebers")).size() == 2);
    CHECK(ids(f.library, QStringLiteral("zeitgebers is:starred")) == QList<qint64>{fish});
    CHECK(ids(f.library, QStringLiteral("zeitgebers -sonar")) == QList<qint64>{tidal});
    CHECK(ids(f.library, QStringLiteral("zeitgeb")).isEmpty());
    SearchRequest typing;
    typing.query = QStringLiteral("zeitgeb");
    typing.prefixLastWord = true;
    CHECK(f.library.search(typing)->ids.size() == 2);
    // title: and abstract: restrict to the passages in that field.
    CHECK(ids(f.library, QStringLiteral("abstract:zeitgebers")).isEmpty());

    // The comment's papers come after the papers whose text has the words,
    // and pages and counts include them.
    highlight(f.library, noise, QStringLiteral("Gradient noise"), QStringLiteral("attention"));
    const QList<qint64> all = ids(f.library, QStringLiteral("attention"));
    CHECK(all.last() == noise);
    CHECK(all.count(noise) == 1);
    SearchRequest page;
    page.query = QStringLiteral("attention");
    page.limit = 1;
    page.offset = int(all.size()) - 1;
    const std::optional<SearchResult> last = f.library.search(page);
    REQUIRE(last);
    CHECK(last->ids == QList<qint64>{noise});
    CHECK(last->total == all.size());
    page.offset = 0; // a full first page counts them too
    const std::optional<SearchResult> first = f.library.search(page);
    REQUIRE(first);
    CHECK(first->ids == all.mid(0, 1));
    CHECK(first->total == all.size());
    CHECK(ids(f.library, QStringLiteral("attention"), 2, int(all.size()) - 2) ==
          all.mid(all.size() - 2));
    CHECK(ids(f.library, QStringLiteral("attention"), 5, int(all.size())).isEmpty());

    // Removing the highlight takes its words out of the index.
    const QList<Highlight> onFish = *f.library.highlights(fish);
    REQUIRE(f.library.removeHighlight(onFish.first().id));
    CHECK(ids(f.library, QStringLiteral("zeitgebers")) == QList<qint64>{tidal});
    CHECK(test::scalar(f.library, "SELECT count(*) FROM highlights_fts") == 2);
}

TEST_CASE("Removing a digest keeps its highlighted papers", "[highlights]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    highlight(f.library, tidal, QStringLiteral("learned oscillator"), QStringLiteral("phase"));
    const int papers = f.library.paperCount();
    REQUIRE(f.library.removeDigest(f.library.digests().first().id) == papers - 1);
    CHECK(f.library.paperCount() == 1);
    CHECK(f.library.highlights(tidal)->size() == 1);
}

TEST_CASE("An abstract filled in by an import re-anchors its highlights", "[highlights]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const QString abstract = f.library.paper(tidal)->abstract;
    // As a sighting in a layout without abstracts leaves a paper.
    REQUIRE(f.library.database().exec("UPDATE papers SET abstract = '' WHERE title LIKE 'Tidal%'"));

    // A backup from a library that has the abstract, restored here: the
    // highlight is kept, detached.
    Highlight h = *makeHighlight(abstract, HighlightField::Abstract,
                                 int(abstract.indexOf(QStringLiteral("learned oscillator"))), 18);
    h.comment = QStringLiteral("the phase");
    ReaderDataSet set;
    ReaderData d;
    d.title = f.library.paper(tidal)->title;
    d.key = titleKey(d.title);
    d.highlights = {h};
    set.papers = {d};
    Backup backup(f.library);
    const std::optional<RestoreReport> report = backup.restoreData(Backup::document(set).json);
    REQUIRE(report);
    CHECK(report->highlightsAdded == 1);
    REQUIRE(f.library.highlights(tidal)->size() == 1);
    CHECK(f.library.highlights(tidal)->first().detached);
    CHECK(f.library.highlights(tidal)->first().quote == QStringLiteral("learned oscillator"));

    // A digest with the abstract: the importer fills it in, and the
    // highlight is found again.
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day5_plain.txt"))}).ok());
    REQUIRE(f.library.paper(tidal)->abstract == abstract);
    const Highlight back = f.library.highlights(tidal)->first();
    CHECK_FALSE(back.detached);
    CHECK(back.quote == QStringLiteral("learned oscillator"));
    CHECK(abstract.mid(back.start, back.length) == back.quote);
    CHECK(back.comment == QStringLiteral("the phase"));
}
