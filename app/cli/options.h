// Options several commands share, defined once so that their names, help
// and checks are the same everywhere.
#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

namespace gleaner::cli {

class Options final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::cli::Options)

public:
    static QCommandLineOption help();
    static QCommandLineOption json();   // print JSON instead of text (Invocation::json())
    static QCommandLineOption sort();   // checked by Invocation::parse(), read with sortOrder()
    static QCommandLineOption limit();  // checked by Invocation::parse(), read with limit()
    static QCommandLineOption digest(); // --digest ID: a digest's papers instead of paper IDs

    // "a, b or c": the valid values of an option, for help and errors.
    static QString oneOf(const QStringList &names);
    // The one sentence a bad --sort gets, wherever it is given.
    static QString badSort();
};

} // namespace gleaner::cli
