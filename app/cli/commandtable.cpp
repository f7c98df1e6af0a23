#include "commandtable.h"

#include "commands/commands.h"

#include <QCoreApplication>

namespace gleaner::cli {

namespace {

#define SUMMARY(text) QT_TRANSLATE_NOOP("gleaner::cli::Command", text)

// Listed in the order the help shows them.
const QList<Command> kCommands = {
    {.name = "import",
     .arguments = "PATH...",
     .summary = SUMMARY("import digests: files, folders, archives; - reads stdin; --watch "
                        "FOLDER keeps importing what is saved into it"),
     .access = Access::Creates,
     .options = &Commands::importOptions,
     .run = &Commands::import},
    {.name = "search",
     .arguments = "[QUERY...]",
     .summary = SUMMARY("the papers that match the query (all without one)"),
     .options = &Commands::searchOptions,
     .run = &Commands::search},
    {.name = "show",
     .arguments = "ID",
     .summary = SUMMARY("one paper with its digests, tags and note"),
     .options = &Commands::jsonOptions,
     .run = &Commands::show},
    {.name = "web",
     .arguments = "ID",
     .summary = SUMMARY("the web search for a paper (arXiv, by title), to open in a browser"),
     .run = &Commands::web},
    {.name = "digests",
     .summary = SUMMARY("the imported digests"),
     .options = &Commands::jsonOptions,
     .run = &Commands::digests},
    {.name = "redate",
     .arguments = "DIGEST_ID YYYY-MM-DD",
     .summary = SUMMARY("correct a digest's date"),
     .access = Access::Writes,
     .run = &Commands::redate},
    {.name = "remove-digest",
     .arguments = "[DIGEST_ID]",
     .summary = SUMMARY("remove a digest (papers with reader data stay); --samples: every "
                        "sample digest"),
     .access = Access::Writes,
     .options = &Commands::removeDigestOptions,
     .run = &Commands::removeDigest},
    {.name = "star",
     .arguments = "ID...",
     .summary = SUMMARY("star papers"),
     .access = Access::Writes,
     .run = &Commands::star},
    {.name = "unstar",
     .arguments = "ID...",
     .summary = SUMMARY("take the star off papers"),
     .access = Access::Writes,
     .run = &Commands::unstar},
    {.name = "read",
     .arguments = "[ID...]",
     .summary = SUMMARY("mark papers read (--digest ID: all of a digest's papers)"),
     .access = Access::Writes,
     .options = &Commands::markOptions,
     .run = &Commands::markRead},
    {.name = "unread",
     .arguments = "[ID...]",
     .summary = SUMMARY("mark papers unread (--digest ID: all of a digest's papers)"),
     .access = Access::Writes,
     .options = &Commands::markOptions,
     .run = &Commands::markUnread},
    {.name = "dismiss",
     .arguments = "ID...",
     .summary = SUMMARY("mark papers \"Not interested\" (search: is:dismissed)"),
     .access = Access::Writes,
     .run = &Commands::dismiss},
    {.name = "undismiss",
     .arguments = "ID...",
     .summary = SUMMARY("take \"Not interested\" off papers"),
     .access = Access::Writes,
     .run = &Commands::undismiss},
    {.name = "tag",
     .arguments = "ID TAG...",
     .summary = SUMMARY("add tags to a paper"),
     .access = Access::Writes,
     .run = &Commands::tag},
    {.name = "untag",
     .arguments = "ID TAG...",
     .summary = SUMMARY("remove tags from a paper"),
     .access = Access::Writes,
     .run = &Commands::untag},
    {.name = "tags",
     .arguments = "[list]",
     .summary = SUMMARY("tags with their paper counts"),
     .options = &Commands::jsonOptions,
     .run = &Commands::tags},
    {.name = "tags rename",
     .arguments = "OLD NEW",
     .summary = SUMMARY("rename a tag"),
     .access = Access::Writes,
     .run = &Commands::renameTag},
    {.name = "tags merge",
     .arguments = "FROM INTO",
     .summary = SUMMARY("move a tag's papers to another tag and delete it"),
     .access = Access::Writes,
     .run = &Commands::mergeTags},
    {.name = "tags delete",
     .arguments = "NAME",
     .summary = SUMMARY("delete a tag"),
     .access = Access::Writes,
     .run = &Commands::deleteTag},
    {.name = "note",
     .arguments = "ID TEXT...",
     .summary = SUMMARY("set a note (- reads stdin; an empty text clears it)"),
     .access = Access::Writes,
     .run = &Commands::note,
     .verbatimWords = true},
    {.name = "searches",
     .arguments = "[list]",
     .summary = SUMMARY("the saved searches the window's sidebar lists, with their queries"),
     .options = &Commands::jsonOptions,
     .run = &Commands::searches},
    {.name = "searches add",
     .arguments = "NAME QUERY...",
     .summary = SUMMARY("save a search (a saved search of that name gets the new query)"),
     .access = Access::Writes,
     .run = &Commands::addSavedSearch},
    {.name = "searches rename",
     .arguments = "OLD NEW",
     .summary = SUMMARY("rename a saved search"),
     .access = Access::Writes,
     .run = &Commands::renameSavedSearch},
    {.name = "searches rm",
     .arguments = "NAME",
     .summary = SUMMARY("delete a saved search"),
     .access = Access::Writes,
     .run = &Commands::removeSavedSearch},
    {.name = "rules",
     .arguments = "[list]",
     .summary = SUMMARY("the rules: saved searches that act on every new digest, in the order "
                        "they run, with what each matched last"),
     .options = &Commands::jsonOptions,
     .run = &Commands::rules},
    {.name = "rules add",
     .arguments = "NAME QUERY...",
     .summary = SUMMARY("make a rule: what the query matches in each digest imported from now "
                        "on gets --tag T (repeatable), --star, --read and/or --dismiss"),
     .access = Access::Writes,
     .options = &Commands::addRuleOptions,
     .run = &Commands::addRule},
    {.name = "rules rm",
     .arguments = "NAME",
     .summary = SUMMARY("delete a rule (what it did stays)"),
     .access = Access::Writes,
     .run = &Commands::removeRule},
    {.name = "rules run",
     .arguments = "NAME",
     .summary = SUMMARY("run a rule on the whole library now; --dry-run only counts"),
     .access = Access::Writes,
     .options = &Commands::runRuleOptions,
     .run = &Commands::runRule},
    {.name = "rank",
     .arguments = "[status]",
     .summary = SUMMARY("the \"For you\" ranking: its vocabulary, its models (one for the stars "
                        "and one per tag with 3 papers or more) and whether they are up to date"),
     .options = &Commands::jsonOptions,
     .run = &Commands::rank},
    {.name = "rank train",
     .summary = SUMMARY("bring \"For you\" up to date: features for new papers (rebuilt when "
                        "the library has doubled) and the models whose papers changed"),
     .access = Access::Writes,
     .options = &Commands::jsonOptions,
     .run = &Commands::trainRanking},
    {.name = "rank rebuild",
     .summary = SUMMARY("count the vocabulary again from every paper, then train every model"),
     .access = Access::Writes,
     .options = &Commands::jsonOptions,
     .run = &Commands::rebuildRanking},
    {.name = "related",
     .arguments = "ID",
     .summary = SUMMARY("the papers nearest to one (cosine over the ranking's features), best "
                        "first; --limit N (default 5)"),
     .options = &Commands::relatedOptions,
     .run = &Commands::related},
    {.name = "suggest-tags",
     .arguments = "ID",
     .summary = SUMMARY("the tags whose models score a paper high and which it does not have"),
     .options = &Commands::jsonOptions,
     .run = &Commands::suggestTags},
    {.name = "stats",
     .summary = SUMMARY("counts of papers, digests and reader data"),
     .options = &Commands::jsonOptions,
     .run = &Commands::stats},
    {.name = "export",
     .arguments = "[QUERY...]",
     .summary = SUMMARY("write the matching papers (all without a query) to a file or stdout"),
     .options = &Commands::exportOptions,
     .run = &Commands::exportPapers},
    {.name = "backup",
     .arguments = "FILE",
     .summary = SUMMARY("write stars, read state, tags, notes and saved searches to a JSON "
                        "file (- for stdout)"),
     .run = &Commands::backup},
    {.name = "restore",
     .arguments = "FILE",
     .summary = SUMMARY("merge a backup into this library (- for stdin); papers not imported "
                        "yet get it when they arrive"),
     .access = Access::Creates,
     .run = &Commands::restore},
    {.name = "snapshot",
     .arguments = "FILE",
     .summary = SUMMARY("copy the whole library consistently, even while the window is open"),
     .run = &Commands::snapshot},
    {.name = "repair",
     .summary = SUMMARY("rebuild a damaged library from its digests and the reader data still "
                        "readable; the damaged file is kept beside it as FILE.damaged-DATE"),
     .access = Access::None,
     .options = &Commands::repairOptions,
     .run = &Commands::repair},
    {.name = "help",
     .arguments = "[COMMAND...]",
     .summary = SUMMARY("this help, or a command's"),
     .access = Access::None,
     .run = &Commands::help},
    {.name = "version",
     .summary = SUMMARY("the version and the archive backend"),
     .access = Access::None,
     .run = &Commands::version},
};

#undef SUMMARY

} // namespace

const QList<Command> &commandTable()
{
    return kCommands;
}

qsizetype nameWords(const Command &command)
{
    return QLatin1String(command.name).count(QLatin1Char(' ')) + 1;
}

const Command *findCommand(const QStringList &words)
{
    const Command *found = nullptr;
    for (const Command &c : kCommands) {
        const qsizetype n = nameWords(c);
        if (words.size() >= n && words.mid(0, n).join(QLatin1Char(' ')) == QLatin1String(c.name) &&
            (!found || n > nameWords(*found)))
            found = &c;
    }
    return found;
}

} // namespace gleaner::cli
