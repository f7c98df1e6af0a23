// Rules: saved searches that act on the papers each import brings, once per
// paper and action, and on the whole library on demand with an undo.
#include "catch.h"
#include "libraryfixture.h"
#include "storage/rulestore.h"

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

Rule makeRule(const QString &name, const QString &query)
{
    Rule r;
    r.name = name;
    r.query = query;
    return r;
}

qint64 addRule(Library &library, const Rule &rule)
{
    const std::optional<qint64> id = library.addRule(rule);
    INFO(library.errorString().toStdString());
    REQUIRE(id);
    return *id;
}

} // namespace

TEST_CASE("Rules are made, listed in order, changed and removed", "[rules]")
{
    LibraryFixture f;
    Rule fish = makeRule(QStringLiteral("fish"), QStringLiteral("lanternfish"));
    fish.tags = {QStringLiteral("  sonar  work "), QStringLiteral("Sonar work")};
    const qint64 fishId = addRule(f.library, fish);
    Rule noise = makeRule(QStringLiteral("noise"), QStringLiteral("title:noise"));
    noise.star = true;
    noise.markRead = true;
    addRule(f.library, noise);

    QList<Rule> rules = f.library.rules();
    REQUIRE(rules.size() == 2);
    CHECK(rules.at(0).name == QStringLiteral("fish"));
    CHECK(rules.at(0).tags == QStringList{QStringLiteral("sonar work")});
    CHECK_FALSE(rules.at(0).lastMatched);
    CHECK(rules.at(1).name == QStringLiteral("noise"));
    CHECK(rules.at(1).position > rules.at(0).position);
    CHECK(rules.at(1).star);
    CHECK(rules.at(1).markRead);
    CHECK_FALSE(rules.at(1).dismiss);

    // Names are unique whatever their case; a rule needs a query and an action.
    Rule again = makeRule(QStringLiteral("FISH"), QStringLiteral("x"));
    again.star = true;
    CHECK_FALSE(f.library.addRule(again));
    CHECK(f.library.errorString().contains(QStringLiteral("already a rule")));
    Rule empty = makeRule(QStringLiteral("empty"), QStringLiteral("   "));
    empty.star = true;
    CHECK_FALSE(f.library.addRule(empty));
    CHECK(f.library.errorString().contains(QStringLiteral("needs a search")));
    CHECK_FALSE(f.library.addRule(makeRule(QStringLiteral("idle"), QStringLiteral("x"))));
    CHECK(f.library.errorString().contains(QStringLiteral("something to do")));

    Rule renamed = rules.at(0);
    renamed.name = QStringLiteral("Sonar");
    renamed.dismiss = true;
    REQUIRE(f.library.updateRule(renamed));
    const std::optional<Rule> found = f.library.rule(QStringLiteral("sonar"));
    REQUIRE(found);
    CHECK(found->id == fishId);
    CHECK(found->dismiss);
    renamed.name = QStringLiteral("noise");
    CHECK_FALSE(f.library.updateRule(renamed));

    REQUIRE(f.library.removeRule(fishId));
    CHECK(f.library.rules().size() == 1);
    CHECK_FALSE(f.library.rule(QStringLiteral("sonar")));
    CHECK(f.library.errorString().contains(QStringLiteral("no rule")));
}

TEST_CASE("A search can be restricted to a set of papers", "[rules][search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 noise = f.idOf(QStringLiteral("Gradient Noise"));
    SearchRequest request;
    request.query = QStringLiteral("sparse OR gradient");
    CHECK(f.library.search(request)->ids.size() == 2);
    request.onlyIds = QList<qint64>{noise};
    CHECK(f.library.search(request)->ids == QList<qint64>{noise});
    request.onlyIds = QList<qint64>{};
    CHECK(f.library.search(request)->ids.isEmpty());
    request.query.clear();
    request.onlyIds = QList<qint64>{fish, noise};
    CHECK(f.library.search(request)->ids.size() == 2);
}

TEST_CASE("An import runs the rules on its papers in its transaction and says what they did",
          "[rules][import]")
{
    LibraryFixture f;
    Rule fish = makeRule(QStringLiteral("fish"), QStringLiteral("lanternfish"));
    fish.tags = {QStringLiteral("sonar")};
    fish.star = true;
    addRule(f.library, fish);
    Rule attention = makeRule(QStringLiteral("attention"), QStringLiteral("attention"));
    attention.markRead = true;
    addRule(f.library, attention);
    Rule nothing = makeRule(QStringLiteral("nothing"), QStringLiteral("zebra"));
    nothing.dismiss = true;
    addRule(f.library, nothing);

    const ImportReport report = f.import({f.copyFixture(QStringLiteral("day1.txt"))});
    REQUIRE(report.ok());
    // In the rules' order; a rule that matched nothing is not reported.
    REQUIRE(report.rules.size() == 2);
    CHECK(report.rules.at(0).name == QStringLiteral("fish"));
    CHECK(report.rules.at(0).matched == 1);
    CHECK(report.rules.at(0).tagged == 1);
    CHECK(report.rules.at(0).starred == 1);
    CHECK(report.rules.at(1).name == QStringLiteral("attention"));
    CHECK(report.rules.at(1).markedRead == report.rules.at(1).matched);
    CHECK(report.summary().contains(QStringLiteral("rule \u2018fish\u2019: tagged 1, starred 1")));

    const qint64 fishId = f.idOf(QStringLiteral("Lanternfish"));
    const auto paper = f.library.paper(fishId);
    CHECK(paper->starred);
    CHECK(paper->tags == QStringList{QStringLiteral("sonar")});
    CHECK(paper->note.isEmpty());
    CHECK(f.library.paper(f.idOf(QStringLiteral("Tidal Attention")))->read);
    CHECK(f.library.rule(QStringLiteral("fish"))->lastMatched == 1);
    CHECK(f.library.rule(QStringLiteral("nothing"))->lastMatched == 0);

    // Seen again in the next digest: nothing left to do, and it says so.
    const ImportReport again = f.import({f.copyFixture(QStringLiteral("day2.txt"))});
    REQUIRE(again.ok());
    REQUIRE_FALSE(again.rules.isEmpty());
    CHECK(again.rules.at(0).name == QStringLiteral("fish"));
    CHECK(again.rules.at(0).matched == 1);
    CHECK(again.rules.at(0).changed() == 0);
    CHECK(again.summary().contains(QStringLiteral("nothing new")));
}

TEST_CASE("A rule that fails rolls the whole import back", "[rules][import]")
{
    LibraryFixture f;
    Rule fish = makeRule(QStringLiteral("fish"), QStringLiteral("lanternfish"));
    fish.star = true;
    addRule(f.library, fish);
    // Its memory cannot be written: the import must not land without it.
    REQUIRE(f.library.database().exec(
        "CREATE TRIGGER refuse BEFORE INSERT ON rule_applied BEGIN SELECT RAISE(ABORT, 'no'); "
        "END"));
    const ImportReport report = f.import({f.copyFixture(QStringLiteral("day1.txt"))});
    CHECK_FALSE(report.ok());
    CHECK(report.failed.size() == 1);
    CHECK(f.library.paperCount() == 0);
    CHECK(f.library.digests().isEmpty());
}

TEST_CASE("A rule never redoes what the reader undid by hand", "[rules][import]")
{
    LibraryFixture f;
    Rule fish = makeRule(QStringLiteral("fish"), QStringLiteral("lanternfish"));
    fish.star = true;
    fish.tags = {QStringLiteral("sonar")};
    fish.markRead = true;
    addRule(f.library, fish);
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.paper(id)->starred);

    REQUIRE(f.library.setStarred({id}, false));
    REQUIRE(f.library.removeTags({id}, {QStringLiteral("sonar")}));
    REQUIRE(f.library.setRead({id}, false));
    const ImportReport again = f.import({f.copyFixture(QStringLiteral("day2.txt"))});
    REQUIRE(again.ok());
    CHECK(again.papersSeenAgain >= 1);
    const auto paper = f.library.paper(id);
    CHECK_FALSE(paper->starred);
    CHECK(paper->tags.isEmpty());
    CHECK_FALSE(paper->read);
    // Nor does a run on the library.
    const std::optional<RuleRun> run =
        f.library.runRule(f.library.rule(QStringLiteral("fish"))->id, false);
    REQUIRE(run);
    CHECK(run->outcome.matched == 1);
    CHECK(run->outcome.changed() == 0);
    CHECK_FALSE(f.library.paper(id)->starred);

    // A paper already starred by hand is remembered too: unstarred later, it stays so.
    Rule gradient = makeRule(QStringLiteral("gradient"), QStringLiteral("title:gradient"));
    gradient.star = true;
    addRule(f.library, gradient);
    const qint64 noise = f.idOf(QStringLiteral("Gradient Noise"));
    REQUIRE(f.library.setStarred({noise}, true));
    const std::optional<RuleRun> first =
        f.library.runRule(f.library.rule(QStringLiteral("gradient"))->id, false);
    REQUIRE(first);
    CHECK(first->outcome.matched == 1);
    CHECK(first->outcome.starred == 0);
    REQUIRE(f.library.setStarred({noise}, false));
    REQUIRE(f.library.runRule(f.library.rule(QStringLiteral("gradient"))->id, false));
    CHECK_FALSE(f.library.paper(noise)->starred);

    // Removing the rule removes its memory with it.
    CHECK(test::scalar(f.library, "SELECT count(*) FROM rule_applied") > 0);
    for (const Rule &r : f.library.rules())
        REQUIRE(f.library.removeRule(r.id));
    CHECK(test::scalar(f.library, "SELECT count(*) FROM rule_applied") == 0);
}

TEST_CASE("A rule run on the library previews, applies and undoes", "[rules]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt")),
                      f.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    REQUIRE(f.library.addTags({quiet}, {QStringLiteral("mine")}));
    REQUIRE(f.library.setStarred({quiet}, true));
    Rule rule = makeRule(QStringLiteral("sparse"), QStringLiteral("autoencoders OR pruning"));
    rule.tags = {QStringLiteral("mine"), QStringLiteral("fresh")};
    rule.star = true;
    rule.dismiss = true;
    const qint64 id = addRule(f.library, rule);
    const int papersBefore = f.library.paperCount();

    const std::optional<RuleRun> preview = f.library.runRule(id, true);
    REQUIRE(preview);
    CHECK(preview->outcome.matched == 2);
    CHECK(preview->outcome.tagged == 2); // both lack "fresh"
    CHECK(preview->outcome.starred == 1);
    CHECK(preview->outcome.dismissed == 2);
    CHECK(preview->isEmpty());
    // A preview writes nothing, not even the memory or the count.
    CHECK_FALSE(f.library.paper(fish)->starred);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM rule_applied") == 0);
    CHECK_FALSE(f.library.rule(QStringLiteral("sparse"))->lastMatched);

    const std::optional<RuleRun> run = f.library.runRule(id, false);
    REQUIRE(run);
    CHECK(run->outcome.starred == 1);
    CHECK(run->starred == QList<qint64>{fish});
    CHECK(run->tagged.value(QStringLiteral("fresh")).size() == 2);
    CHECK(run->tagged.value(QStringLiteral("mine")) == QList<qint64>{fish});
    CHECK(f.library.paper(fish)->starred);
    CHECK(f.library.paper(fish)->dismissed);
    CHECK(f.library.tagsOf(fish).contains(QStringLiteral("fresh")));
    CHECK(f.library.rule(QStringLiteral("sparse"))->lastMatched == 2);

    REQUIRE(f.library.undoRuleRun(*run));
    CHECK_FALSE(f.library.paper(fish)->starred);
    CHECK_FALSE(f.library.paper(fish)->dismissed);
    CHECK(f.library.tagsOf(fish).isEmpty());
    // What the reader had before stays.
    CHECK(f.library.paper(quiet)->starred);
    CHECK(f.library.tagsOf(quiet) == QStringList{QStringLiteral("mine")});
    CHECK_FALSE(f.library.paper(quiet)->dismissed);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM tags WHERE name = 'fresh'") == 0);
    CHECK(test::scalar(f.library, "SELECT count(*) FROM rule_applied") == 0);
    CHECK(f.library.paperCount() == papersBefore);
    // The redo of the undo puts back exactly what the run did.
    REQUIRE(f.library.redoRuleRun(*run));
    CHECK(f.library.paper(fish)->starred);
    CHECK(f.library.paper(fish)->dismissed);
    CHECK_FALSE(f.library.paper(quiet)->read);
    CHECK(f.library.tagsOf(fish).contains(QStringLiteral("fresh")));
    CHECK(test::scalar(f.library, "SELECT count(*) FROM rule_applied") ==
          int(run->remembered.size()));
    REQUIRE(f.library.undoRuleRun(*run));
    // Undone, it can be run again and does the same.
    const std::optional<RuleRun> again = f.library.runRule(id, false);
    REQUIRE(again);
    CHECK(again->outcome.starred == 1);
}

TEST_CASE("A rule adds what it matches to the reading queue once, and a removal stays",
          "[rules][queue]")
{
    LibraryFixture f;
    Rule later = makeRule(QStringLiteral("later"), QStringLiteral("sparse OR tokens"));
    later.queue = true;
    CHECK(later.hasActions());
    const qint64 laterId = addRule(f.library, later);
    CHECK(f.library.rule(QStringLiteral("later"))->queue);

    const ImportReport report = f.import({f.copyFixture(QStringLiteral("day1.txt"))});
    REQUIRE(report.ok());
    REQUIRE(report.rules.size() == 1);
    CHECK(report.rules.at(0).queued == 2); // Lanternfish (sparse), Tidal (tokens)
    CHECK(report.summary().contains(QStringLiteral("queued 2 to read later")));
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    CHECK(f.library.queueCount() == 2);
    CHECK(f.library.isQueued(fish));
    CHECK(f.library.isQueued(tidal));

    // Taken out by hand: neither the next digest nor a run puts it back.
    REQUIRE(f.library.dequeue({fish}) == 1);
    const ImportReport again = f.import({f.copyFixture(QStringLiteral("day2.txt"))});
    REQUIRE(again.ok());
    CHECK_FALSE(f.library.isQueued(fish));
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    CHECK(f.library.queue() == QList<qint64>{tidal, quiet}); // the new match at the end
    const std::optional<RuleRun> run = f.library.runRule(laterId, false);
    REQUIRE(run);
    CHECK(run->outcome.queued == 0);
    CHECK_FALSE(f.library.isQueued(fish));

    // A run that queues is undone and redone exactly.
    REQUIRE(f.library.dequeue({quiet}) == 1);
    REQUIRE(f.library.database().exec("DELETE FROM rule_applied WHERE action = 'queue'"));
    const std::optional<RuleRun> fresh = f.library.runRule(laterId, false);
    REQUIRE(fresh);
    CHECK(fresh->outcome.queued == 2); // Lanternfish and Quiet Tokens; Tidal was queued
    CHECK(f.library.queueCount() == 3);
    REQUIRE(f.library.undoRuleRun(*fresh));
    CHECK(f.library.queue() == QList<qint64>{tidal});
    REQUIRE(f.library.redoRuleRun(*fresh));
    CHECK(f.library.queueCount() == 3);
}
