// The user's library: papers, digests, appearances and reader data in one
// SQLite file. Reads and annotation writes go through here; imports go
// through Importer on a connection of their own. One Library is one
// connection and is used from one thread.
#pragma once

#include "model/highlight.h"
#include "model/libraryinfo.h"
#include "model/noteversion.h"
#include "model/paper.h"
#include "model/rule.h"
#include "model/snippet.h"
#include "model/textfeatures.h"
#include "search/searchquery.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "storage/tagstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace gleaner {

class SearchSql;

class Library final
{
    Q_DECLARE_TR_FUNCTIONS(Library)

public:
    Library() = default;
    Q_DISABLE_COPY_MOVE(Library)

    // The default library file: $GLEANER_LIBRARY, else library.sqlite3 in
    // the platform's app-data folder.
    static QString defaultPath();

    // Opens or creates the file and brings its schema up to date. False for
    // a corrupt, foreign or too-new file, or one whose folder is not
    // writable (errorString() says which); the file is left as it was.
    // ReadOnly never creates or changes the file: a missing, empty or
    // older-format file is refused, and a read-only folder is no obstacle.
    // Every fallible call below says why it failed in errorString() too.
    [[nodiscard]] bool open(const QString &path,
                            Database::OpenMode mode = Database::OpenMode::ReadWrite);
    // Told before open() upgrades an older library (schema.h).
    void setUpgradeNotice(Schema::UpgradeNotice notice) { m_upgradeNotice = std::move(notice); }
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    QString errorString() const { return m_error; }
    Database &database() { return m_db; }
    // The connection settings for everyday reading and small writes, which
    // open() applies; an import changes them for its duration and calls
    // this to go back.
    static void useEverydaySettings(Database &db);

    // Papers.
    std::optional<Paper> paper(qint64 id);
    // Light rows for lists (no appearances, no highlights); missing ids are
    // left out.
    QList<Paper> papers(const QList<qint64> &ids, bool withAppearances = false);
    int paperCount();

    // Search with the query language (searchquery.h), translated by
    // SearchSql. Malformed queries never fail; empty only when the database
    // does, and error() says why.
    std::optional<SearchResult> search(const SearchRequest &request);
    std::optional<SearchResult> search(const QString &query, SortOrder sort = SortOrder::Relevance,
                                       int limit = -1);

    // Links between papers in notes ([[title words]], model/notelinks.h).
    // The paper a link's words name: the one whose title is those words (by
    // title identity), else the best title holding them as a phrase, else the
    // best title holding them all;
    // nullopt when none matches or the database fails. `others`, when
    // given, is how many other papers the words name that way (0 for a
    // title's own words), up to kNoteLinkOthersCounted: a link the reader
    // marks as a best guess.
    static constexpr int kNoteLinkOthersCounted = 1000;
    std::optional<qint64> resolveNoteLink(const QString &words, int *others = nullptr);
    // The papers the note of `id` links to, in the note's order, each once.
    // `guesses`, when given, gets each link whose words name other papers
    // too, with how many (resolveNoteLink's `others`).
    struct NoteLinkGuess
    {
        QString words;
        qint64 paper = 0;
        int others = 0;
    };
    QList<qint64> noteLinkTargets(qint64 id, QList<NoteLinkGuess> *guesses = nullptr);
    // For an export (ExportOptions::linkedPapers): each link's words, as
    // written in the notes of `papers`, to the paper they name (light
    // rows); unresolved links are left out.
    QHash<QString, Paper> linkedPapers(const QList<Paper> &papers);
    // The papers whose notes link to `id` (not `id` itself), by id. Reads the
    // notes holding "[[" (the noted papers' index, not the whole library)
    // and resolves only the links whose words all occur in the title.
    QList<qint64> linkedFrom(qint64 id);

    // Digests.
    QList<DigestInfo> digests();
    std::optional<DigestInfo> digest(qint64 id);
    [[nodiscard]] bool setDigestDate(qint64 id, const QDate &date);
    // The digest's papers in its order; nullopt when there is no such digest.
    std::optional<QList<qint64>> digestPapers(qint64 id);
    // Removes the digest and its appearances; papers that have reader data
    // or appear in another digest stay. The number of papers removed.
    [[nodiscard]] std::optional<int> removeDigest(qint64 id);
    // removeDigest() for several at once, all or none.
    [[nodiscard]] std::optional<int> removeDigests(const QList<qint64> &ids);
    // The sample digests (see isSampleSource()), oldest first.
    QList<qint64> sampleDigests();

    // Reader data. Each call is one transaction.
    [[nodiscard]] bool setStarred(const QList<qint64> &ids, bool starred);
    [[nodiscard]] bool setRead(const QList<qint64> &ids, bool read);
    // "Not interested": the reader's explicit no, a negative for ranking.
    [[nodiscard]] bool setDismissed(const QList<qint64> &ids, bool dismissed);
    // An empty (or all-blank) text clears the note. The note it replaces is
    // kept in the paper's note history by the rules of
    // storage/notehistorystore.h (always when most of it is deleted).
    [[nodiscard]] bool setNote(qint64 id, const QString &text);
    // The earlier versions of the paper's note, newest first (version 1 is
    // the newest); nullopt when the database fails or there is no such paper.
    std::optional<NoteHistory> noteHistory(qint64 id);
    // Makes version `number` (1 = newest) the note again, first keeping the
    // note it replaces as the newest version, so the restore can be undone
    // by restoring version 1. Refused for a number the history lacks.
    [[nodiscard]] bool restoreNoteVersion(qint64 id, int number);

    // The time notes are saved at (and their history pruned by); the
    // current time unless a test sets another clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    [[nodiscard]] bool addTags(const QList<qint64> &ids, const QStringList &tags);
    [[nodiscard]] bool removeTags(const QList<qint64> &ids, const QStringList &tags);
    [[nodiscard]] bool renameTag(const QString &from, const QString &to);
    // Moves every paper of `from` to `into` and deletes `from`.
    [[nodiscard]] bool mergeTags(const QString &from, const QString &into);
    [[nodiscard]] bool deleteTag(const QString &name);
    QList<TagCount> tagCounts();
    QStringList tagsOf(qint64 id);

    // Saved searches.
    QList<SavedSearch> savedSearches();
    [[nodiscard]] bool saveSearch(const QString &name, const QString &query);
    [[nodiscard]] bool renameSavedSearch(qint64 id, const QString &name);
    [[nodiscard]] bool deleteSavedSearch(qint64 id);

    // Rules (storage/rulestore.h): saved searches that act on each import's
    // papers, in the order they run. Empty with errorString() set when the
    // database fails.
    QList<Rule> rules();
    // By name, case-insensitive; nullopt when there is none (errorString()).
    std::optional<Rule> rule(const QString &name);
    // The new rule's id; refused without a name, a query or an action, or
    // when the name is taken.
    [[nodiscard]] std::optional<qint64> addRule(const Rule &rule);
    // Changes the rule with rule.id (name, query, actions); its memory stays.
    [[nodiscard]] bool updateRule(const Rule &rule);
    [[nodiscard]] bool removeRule(qint64 id);
    // Runs a rule on the whole library in one transaction. `dryRun` only
    // counts (the preview); otherwise the RuleRun says what changed, for
    // undoRuleRun().
    [[nodiscard]] std::optional<RuleRun> runRule(qint64 id, bool dryRun);
    [[nodiscard]] bool undoRuleRun(const RuleRun &run);
    // Does again what undoRuleRun() took back.
    [[nodiscard]] bool redoRuleRun(const RuleRun &run);

    // The reading queue (storage/queuestore.h): "read later", in the
    // reader's order. Removing a paper from the library takes it out.
    // The queued papers, first to last; empty with errorString() set when the
    // database fails.
    QList<qint64> queue();
    int queueCount();
    // The paper's place in the queue, 0-based, -1 when it is not queued.
    std::optional<int> queueIndex(qint64 id);
    bool isQueued(qint64 id);
    // Appends the papers not queued yet, in this order; how many were added.
    // Refused, nothing changed, when an id is no paper.
    [[nodiscard]] std::optional<int> enqueue(const QList<qint64> &ids);
    // How many of the papers were in the queue.
    [[nodiscard]] std::optional<int> dequeue(const QList<qint64> &ids);
    // Moves a queued paper to `index` (0-based, clamped to the queue's end).
    [[nodiscard]] bool moveInQueue(qint64 id, int index);
    // Moves it `delta` places (negative: towards the front), clamped.
    [[nodiscard]] bool moveInQueueBy(qint64 id, int delta);
    // Highlights (model/highlight.h, storage/highlightstore.h): passages of
    // a paper's title or abstract, in reading order, detached ones last.
    // nullopt with errorString() when the database fails.
    std::optional<QList<Highlight>> highlights(qint64 paperId);
    std::optional<Highlight> highlight(qint64 id);
    // A highlight of `highlight.start`/`length` in the field of the paper
    // `highlight.paperId`, in its colour and with its comment; the new id.
    // Refused for a range outside the text or an unknown colour.
    [[nodiscard]] std::optional<qint64> addHighlight(const Highlight &highlight);
    // The `occurrence`-th (1-based) place where `passage` occurs in the
    // paper's title, then its abstract (counted on from the title's), as a
    // highlight ready for addHighlight(); nullopt with a sentence when the
    // passage is not there that often.
    std::optional<Highlight> findPassage(qint64 paperId, const QString &passage,
                                         int occurrence = 1);
    [[nodiscard]] bool updateHighlight(qint64 id, const QString &colour, const QString &comment);
    [[nodiscard]] bool removeHighlight(qint64 id);

    LibraryStats stats();

    // Where the words of `query` matched in these papers' abstracts, for a
    // page of search results: parsed as search() parses it (the same
    // `prefixLastWord`), so a snippet marks what that search matched. Only
    // papers whose abstract holds a match have one: none for a match in the
    // title alone, none for a query without words (filters only), and none
    // for an abstract containing the marker characters the index returns
    // matches with (it could not be read safely). At most kMaxSnippetPapers
    // ids are looked at; the rest are left out. nullopt when the database
    // fails (errorString() says why).
    std::optional<QHash<qint64, Snippet>> snippets(const QString &query, const QList<qint64> &ids,
                                                   bool prefixLastWord = false);
    static constexpr int kMaxSnippetPapers = 200;

    // A number that changes whenever another connection (another process,
    // another thread's Library) commits a change to the file, and not for
    // this connection's own writes. Cheap enough to poll: it reads no pages.
    // nullopt when the library is not open.
    std::optional<qint64> dataVersion();

    // Refreshes the query planner's statistics when the library has grown by
    // a tenth since they were taken (or never had any): without them SQLite
    // cannot tell that "starred" is rare and walks every paper instead.
    void refreshStatistics();
    // How many papers the library had when those statistics were taken; 0
    // when it has none.
    qint64 analysedPaperCount();

    // The "For you" vocabulary (storage/rankstore.h), read once and kept
    // while the library's stays the same; empty when none was built yet.
    // nullptr when the database fails (errorString()).
    const Vocabulary *rankVocabulary();

    // What a "For you" search without any model says (SearchResult::notice):
    // with too few stars and tags to learn from, and with enough of them
    // but nothing trained yet.
    static QString forYouColdStartNotice();
    static QString forYouUntrainedNotice();

    // Normalises a tag name the way the library stores it (trimmed, inner
    // white space collapsed); empty when nothing is left.
    static QString cleanTagName(const QString &name);

    // Relevance ranking sorts each part of the matches (title matches, then
    // the others) by bm25 up to this many of them; a larger part ranks its
    // newest that many and lists the older ones after them, newest first
    // (SearchResult::ranking says so). A search made while typing
    // (SearchRequest::prefixLastWord) ranks up to a third as many, and a
    // larger part comes newest first.
    void setMaxRankedMatches(int matches) { m_maxRankedMatches = matches; }
    // And in a library of more papers than this, a part with more than a
    // third of that many matches ranks only those among the newest this
    // many papers (at least the newest third of the cap, at most the cap):
    // ranking reads each match's length, and matches spread over a million
    // papers sit on as many pages (SearchResult::rankedSpan says so). The
    // title matches that come first are those among these papers; older
    // ones rank with the others.
    void setRankedSpan(int papers) { m_rankedSpan = papers; }

private:
    bool fail(const QString &what);
    void loadAppearances(Paper &paper);

    bool searchInParts(const SearchSql &sql, const SearchRequest &request, SearchResult &result);
    bool addHighlightMatches(const ParsedQuery &q, const SearchSql &sql,
                             const SearchRequest &request, SearchResult &result);

    Database m_db;
    Schema::UpgradeNotice m_upgradeNotice;
    Database m_snippetIndex; // in memory, opened by the first snippets()
    std::unique_ptr<Vocabulary> m_rankVocabulary;
    QString m_rankVocabularyStamp;
    TagStore m_tags{m_db};
    QString m_error;
    std::function<QDateTime()> m_clock;
    // About 20 ms of probe and bm25 at 100k papers on this project's 2-core
    // test machines, for a first page within 30 ms; 2,000 while typing.
    int m_maxRankedMatches = 6000;
    // Every paper of a library at the design scale, a tenth of the 1M test.
    int m_rankedSpan = 100000;
};

} // namespace gleaner
