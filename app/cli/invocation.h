// One command as the user typed it: its options parsed with
// QCommandLineParser against the command's row, its words, and the one way
// a command reports a usage error or a rejected input.
#pragma once

#include "cli.h"
#include "command.h"
#include "search/searchquery.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {
class Library;
}

namespace gleaner::cli {

class Invocation final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::cli::Invocation)

public:
    Invocation(const Command &command, const QString &libraryPath);
    Q_DISABLE_COPY_MOVE(Invocation)

    // Parses the words after the command's name. False after printing a
    // usage error: an unknown option, a missing value, a bad --sort or
    // --limit, or too few or too many words.
    [[nodiscard]] bool parse(const QStringList &arguments);
    bool helpRequested() const { return m_help; }

    const Command &command() const { return m_command; }
    QString name() const;
    QString libraryPath() const { return m_libraryPath; }

    const QStringList &words() const { return m_words; }
    // Whether the option was given; false for an option the command does not have.
    bool isSet(const QString &option) const;
    QString value(const QString &option) const;
    // Every value of an option given more than once (--tag A --tag B).
    QStringList values(const QString &option) const;
    bool json() const;
    SortOrder sortOrder() const { return m_sort; }
    int limit() const { return m_limit; }

    // Prints "gleaner-cli: MESSAGE" and a pointer to this command's help;
    // returns ExitCode::Usage.
    int usageError(const QString &message) const;
    // Prints "gleaner-cli: MESSAGE"; returns ExitCode::Rejected.
    int rejected(const QString &message) const;

    static std::optional<qint64> parseId(const QString &word);
    // The ids among `words` that name a paper; each other word is reported.
    QList<qint64> knownPapers(Library &library, const QStringList &words) const;

    std::optional<QByteArray> readStandardInput() const;
    // Writes to `path`, or to standard output for "" or "-"; false after
    // reporting why.
    [[nodiscard]] bool writeOutput(const QString &path, const QByteArray &bytes) const;

private:
    const Command &m_command;
    QString m_libraryPath;
    QCommandLineParser m_parser;
    QStringList m_optionNames;
    QStringList m_words;
    SortOrder m_sort = SortOrder::Relevance;
    int m_limit = -1;
    bool m_help = false;
};

} // namespace gleaner::cli
