#include "catch.h"
#include "libraryfixture.h"

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

QString highlighted(const Snippet &s, qsizetype i)
{
    return s.text.mid(s.highlights.at(i).start, s.highlights.at(i).length);
}

QStringList allHighlighted(const Snippet &s)
{
    QStringList words;
    for (qsizetype i = 0; i < s.highlights.size(); ++i)
        words << highlighted(s, i);
    return words;
}

QHash<qint64, Snippet> snippetsOf(Library &library, const QString &query, const QList<qint64> &ids,
                                  bool typing = false)
{
    const std::optional<QHash<qint64, Snippet>> found = library.snippets(query, ids, typing);
    REQUIRE(found.has_value());
    return *found;
}

// Every range inside the text, in order, not overlapping.
void checkRanges(const Snippet &s)
{
    qsizetype end = 0;
    for (const Snippet::Range &r : s.highlights) {
        CHECK(r.start >= end);
        CHECK(r.length > 0);
        CHECK(r.start + r.length <= s.text.size());
        end = r.start + r.length;
    }
}

struct Fixture : LibraryFixture
{
    Fixture()
    {
        REQUIRE(import({copyFixture(QStringLiteral("day1.txt"))}).ok());
        REQUIRE(import({copyFixture(QStringLiteral("day2.txt"))}).ok());
        all = library.search(QString()).value().ids;
        REQUIRE(all.size() == 5);
    }
    QList<qint64> all;
};

} // namespace

TEST_CASE("A snippet shows where the words matched in the abstract", "[snippets]")
{
    Fixture f;
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const auto snippets = snippetsOf(f.library, QStringLiteral("oscillator"), f.all);
    REQUIRE(snippets.size() == 1);
    REQUIRE(snippets.contains(tidal));
    const Snippet &s = snippets.value(tidal);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, 0) == QStringLiteral("oscillator"));
    CHECK(s.text == QStringLiteral("\u2026 of a learned oscillator. On long-context benchmarks it "
                                   "matches dense attention at a third \u2026"));
    CHECK(s.highlights.first().start == s.text.indexOf(QStringLiteral("oscillator")));
    checkRanges(s);

    // Each matched word is marked, in any case the abstract has it, and a
    // phrase as one range.
    const Snippet two = snippetsOf(f.library, QStringLiteral("SPARSE fish"), f.all)
                            .value(f.idOf(QStringLiteral("Lanternfish")));
    CHECK(allHighlighted(two).contains(QStringLiteral("Sparse")));
    CHECK(allHighlighted(two).contains(QStringLiteral("fish")));
    checkRanges(two);
    const Snippet phrase =
        snippetsOf(f.library, QStringLiteral("\"learned oscillator\""), f.all).value(tidal);
    CHECK(allHighlighted(phrase) == QStringList{QStringLiteral("learned oscillator")});
}

TEST_CASE("A match in the title alone gives no snippet", "[snippets]")
{
    Fixture f;
    // "tokens" is in Quiet Tokens' title and abstract, and in Tidal's abstract;
    // "tidal" only in Tidal's title (and a URL in its abstract).
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    const auto tokens = snippetsOf(f.library, QStringLiteral("tokens"), f.all);
    CHECK(tokens.size() == 2);
    CHECK(tokens.contains(quiet));

    const auto pruning = snippetsOf(f.library, QStringLiteral("pruning"), f.all);
    CHECK(pruning.isEmpty()); // "Pruning" is in Quiet Tokens' title only
    CHECK(snippetsOf(f.library, QStringLiteral("title:prune"), f.all).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("title:tokens"), f.all).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("abstract:prune"), f.all).contains(quiet));
}

TEST_CASE("Filters alone, and papers not asked about, give no snippets", "[snippets]")
{
    Fixture f;
    CHECK(snippetsOf(f.library, QString(), f.all).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("is:unread upvotes:>=1"), f.all).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("-tokens"), f.all).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("tokens"), {}).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("tokens"), {987654}).isEmpty());
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    const auto one = snippetsOf(f.library, QStringLiteral("tokens"), {quiet, quiet});
    CHECK(one.keys() == QList<qint64>{quiet});
    // Filters beside words change nothing about where the words are.
    CHECK(snippetsOf(f.library, QStringLiteral("tokens is:starred"), {quiet}).contains(quiet));
}

TEST_CASE("While typing, the last word matches as a prefix", "[snippets]")
{
    Fixture f;
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    CHECK(snippetsOf(f.library, QStringLiteral("oscil"), f.all, false).isEmpty());
    const auto typing = snippetsOf(f.library, QStringLiteral("oscil"), f.all, true);
    REQUIRE(typing.contains(tidal));
    CHECK(allHighlighted(typing.value(tidal)) == QStringList{QStringLiteral("oscillator")});
    // A trailing space ends the word, as in the search.
    CHECK(snippetsOf(f.library, QStringLiteral("oscil "), f.all, true).isEmpty());
}

TEST_CASE("Hostile abstracts and queries never give bogus ranges", "[snippets]")
{
    Fixture f;
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    const QChar nul(0);
    // An abstract holding the marker characters highlight() is asked for.
    Statement st = f.library.database().prepare("UPDATE papers SET abstract = ?2 WHERE id = ?1");
    REQUIRE(st.bind(1, std::int64_t(tidal))
                .bind(2, QStringLiteral("Ph\x02"
                                        "ase\x03 \x03 oscillator \x02 router"))
                .run());
    CHECK(snippetsOf(f.library, QStringLiteral("oscillator"), {tidal}).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("phase"), {tidal}).isEmpty());

    // Brackets, quotes and TeX are text like any other.
    st.reset();
    REQUIRE(st.bind(1, std::int64_t(quiet))
                .bind(2, QStringLiteral("[x] \"q\" <b>bold</b> $\\alpha$ ] tokens ["))
                .run());
    const Snippet s = snippetsOf(f.library, QStringLiteral("tokens"), {quiet}).value(quiet);
    CHECK(s.text == QStringLiteral("[x] \"q\" <b>bold</b> $\\alpha$ ] tokens ["));
    CHECK(allHighlighted(s) == QStringList{QStringLiteral("tokens")});

    const QStringList queries = {
        QStringLiteral("tokens") + nul,
        nul + QStringLiteral("tokens"),
        QStringLiteral("\"tokens"),
        QStringLiteral("tokens\""),
        QStringLiteral("\"\"\"tokens\"\""),
        QStringLiteral("tok") + QChar(0x02) + QStringLiteral("ens"),
        QStringLiteral("tokens ") + QChar(0x03) + QChar(0x02),
        QStringLiteral("tokens ") + QChar(0xd800),
        QStringLiteral("tokens) OR (x"),
        QStringLiteral("NEAR(tokens"),
        QStringLiteral("tokens*"),
        QStringLiteral("title:"),
        QStringLiteral("abstract:tokens"),
    };
    for (const QString &q : queries) {
        CAPTURE(q.toUtf8().toHex().toStdString());
        for (const bool typing : {false, true}) {
            const auto found = snippetsOf(f.library, q, f.all, typing);
            for (const Snippet &snippet : found) {
                checkRanges(snippet);
                CHECK_FALSE(snippet.text.contains(QChar(0x02)));
                CHECK_FALSE(snippet.text.contains(QChar(0x03)));
                CHECK_FALSE(snippet.text.contains(nul));
            }
        }
    }
    CHECK(snippetsOf(f.library, QStringLiteral("tokens") + nul, {quiet}).contains(quiet));
}

TEST_CASE("Snippets are bounded to a page of papers", "[snippets]")
{
    Fixture f;
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    QList<qint64> many(Library::kMaxSnippetPapers, 987654);
    CHECK(snippetsOf(f.library, QStringLiteral("tokens"), many + QList<qint64>{quiet}).isEmpty());
    CHECK(snippetsOf(f.library, QStringLiteral("tokens"), QList<qint64>{quiet} + many).size() == 1);
}

TEST_CASE("Snippets read a read-only library without writing it", "[snippets]")
{
    Fixture f;
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    f.library.close();
    Library reader;
    REQUIRE(reader.open(f.libraryPath(), Database::OpenMode::ReadOnly));
    CHECK(snippetsOf(reader, QStringLiteral("tokens"), {quiet}).contains(quiet));
    CHECK(snippetsOf(reader, QStringLiteral("prune"), {quiet}).contains(quiet));
}

TEST_CASE("The snippets' index tokenizes as the library's", "[snippets]")
{
    // librarysnippets.cpp indexes a page with the tokenizer of papers_fts:
    // if the schema's changes, snippets would mark other words than the
    // search matched.
    LibraryFixture f;
    Statement st =
        f.library.database().prepare("SELECT sql FROM sqlite_schema WHERE name = 'papers_fts'");
    REQUIRE(st.next());
    CHECK(st.text(0).contains(QStringLiteral("tokenize='unicode61 remove_diacritics 2'")));
    // Diacritics fold both ways, as in the search.
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    Statement set = f.library.database().prepare("UPDATE papers SET abstract = ?2 WHERE id = ?1");
    REQUIRE(set.bind(1, std::int64_t(tidal)).bind(2, QStringLiteral("Un modèle naïf")).run());
    CHECK(f.library.search(QStringLiteral("modele naif")).value().ids == QList<qint64>{tidal});
    const Snippet s = snippetsOf(f.library, QStringLiteral("modele naif"), {tidal}).value(tidal);
    CHECK(allHighlighted(s) == (QStringList{QStringLiteral("modèle"), QStringLiteral("naïf")}));
}
