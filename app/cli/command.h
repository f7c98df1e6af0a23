// One row of gleaner-cli's command table (commandtable.cpp): what a command
// is called, the words it takes, how it needs the library and the function
// that does it. Help, usage errors and the library's opening are all made
// from these rows, so a new command is a row and a function.
#pragma once

#include <QCommandLineOption>
#include <QList>

namespace gleaner {
class Library;
}

namespace gleaner::cli {

class Invocation;

// How a command needs the library. Only commands that bring data in may
// create one: a mistyped --library must not look like an empty library.
enum class Access
{
    None,    // not opened (help, version, or a command that opens the file itself)
    Reads,   // must exist; the command only reads
    Writes,  // must exist
    Creates, // created when missing
};

struct Command
{
    // One word, or a word and a sub-command ("tags rename").
    const char *name = nullptr;
    // The words after the name, as the usage shows them: NAME is one word,
    // [NAME] an optional one, NAME... one or more. The number of words a
    // command takes is read from here.
    const char *arguments = "";
    // One line for the list of commands, translated in the context
    // "gleaner::cli::Command" (QT_TRANSLATE_NOOP).
    const char *summary = "";
    Access access = Access::Reads;
    // For a command whose options say whether it writes: how this
    // invocation needs the library, in place of `access`.
    Access (*accessFor)(const Invocation &invocation) = nullptr;
    // Options beyond --help; nullptr for none.
    QList<QCommandLineOption> (*options)() = nullptr;
    int (*run)(Invocation &invocation, Library &library) = nullptr;
    // Everything after the first word is taken as it is, dashes and all
    // (a note's text).
    bool verbatimWords = false;

    Access accessOf(const Invocation &invocation) const
    {
        return accessFor ? accessFor(invocation) : access;
    }
    int minWords() const;
    int maxWords() const; // -1: no limit
};

} // namespace gleaner::cli
