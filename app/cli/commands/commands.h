// The functions behind the rows of the command table, one a command, each
// in the file of its area. A command gets its words and options parsed and
// checked against its row, and its library opened as the row asks; it
// returns an exit code (cli.h).
#pragma once

#include "command.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>

namespace gleaner {
class Library;
}

namespace gleaner::cli {

class Invocation;

class Commands final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::cli::Commands)

public:
    // Options of more than one command.
    static QList<QCommandLineOption> jsonOptions();
    static QList<QCommandLineOption> importOptions();
    static QList<QCommandLineOption> searchOptions();
    static QList<QCommandLineOption> exportOptions();
    static QList<QCommandLineOption> repairOptions();
    static QList<QCommandLineOption> markOptions();
    static QList<QCommandLineOption> removeDigestOptions();

    static int import(Invocation &in, Library &library);
    static int search(Invocation &in, Library &library);
    static int show(Invocation &in, Library &library);
    static int web(Invocation &in, Library &library);
    static int exportPapers(Invocation &in, Library &library);

    static int digests(Invocation &in, Library &library);
    static int redate(Invocation &in, Library &library);
    static int removeDigest(Invocation &in, Library &library);

    static int star(Invocation &in, Library &library);
    static int unstar(Invocation &in, Library &library);
    static int markRead(Invocation &in, Library &library);
    static int markUnread(Invocation &in, Library &library);
    static int dismiss(Invocation &in, Library &library);
    static int undismiss(Invocation &in, Library &library);
    static QList<QCommandLineOption> noteOptions();
    // --history only reads the library; the rest writes.
    static Access noteAccess(const Invocation &in);
    static int note(Invocation &in, Library &library);

    static QList<QCommandLineOption> highlightOptions();
    static int highlight(Invocation &in, Library &library);
    static int highlights(Invocation &in, Library &library);
    static int unhighlight(Invocation &in, Library &library);

    static int tag(Invocation &in, Library &library);
    static int untag(Invocation &in, Library &library);
    static int tags(Invocation &in, Library &library);
    static int renameTag(Invocation &in, Library &library);
    static int mergeTags(Invocation &in, Library &library);
    static int deleteTag(Invocation &in, Library &library);

    static int searches(Invocation &in, Library &library);
    static int addSavedSearch(Invocation &in, Library &library);
    static int renameSavedSearch(Invocation &in, Library &library);
    static int removeSavedSearch(Invocation &in, Library &library);

    static QList<QCommandLineOption> addRuleOptions();
    static QList<QCommandLineOption> runRuleOptions();
    static int rules(Invocation &in, Library &library);
    static int addRule(Invocation &in, Library &library);
    static int removeRule(Invocation &in, Library &library);
    static int runRule(Invocation &in, Library &library);

    static int queue(Invocation &in, Library &library);
    static int enqueue(Invocation &in, Library &library);
    static int dequeue(Invocation &in, Library &library);
    static int moveInQueue(Invocation &in, Library &library);
    static QList<QCommandLineOption> relatedOptions();
    static int rank(Invocation &in, Library &library);
    static int trainRanking(Invocation &in, Library &library);
    static int rebuildRanking(Invocation &in, Library &library);
    static int related(Invocation &in, Library &library);
    static int suggestTags(Invocation &in, Library &library);

    static int stats(Invocation &in, Library &library);
    static int backup(Invocation &in, Library &library);
    static int restore(Invocation &in, Library &library);
    static int snapshot(Invocation &in, Library &library);
    static int repair(Invocation &in, Library &library);

    static int help(Invocation &in, Library &library);
    static int version(Invocation &in, Library &library);
};

} // namespace gleaner::cli
