#include "invocation.h"

#include "options.h"
#include "output.h"
#include "storage/library.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace gleaner::cli {

namespace {

// The query language excludes with -word, and tags and notes are free text,
// so a word with a single dash is an option only when the command has that
// short option. The others are hidden from QCommandLineParser behind this
// mark and uncovered after parsing.
constexpr QChar kWordMark(0xE000);

QString uncovered(QString word)
{
    if (word.startsWith(kWordMark))
        word.remove(0, 1);
    return word;
}

} // namespace

Invocation::Invocation(const Command &command, const QString &libraryPath)
    : m_command(command)
    , m_libraryPath(libraryPath)
{}

QString Invocation::name() const
{
    return QString::fromLatin1(m_command.name);
}

bool Invocation::parse(const QStringList &arguments)
{
    QList<QCommandLineOption> options{Options::help()};
    if (m_command.options)
        options += m_command.options();
    m_parser.addOptions(options);
    if (m_command.verbatimWords)
        m_parser.setOptionsAfterPositionalArgumentsMode(
            QCommandLineParser::ParseAsPositionalArguments);

    QStringList shortNames;
    for (const QCommandLineOption &option : std::as_const(options)) {
        m_optionNames += option.names();
        for (const QString &n : option.names()) {
            if (n.size() == 1)
                shortNames << n;
        }
    }
    QStringList covered{QStringLiteral("gleaner-cli")};
    bool wordsOnly = false;
    for (const QString &a : arguments) {
        const bool singleDash =
            a.size() > 1 && a.startsWith(QLatin1Char('-')) && !a.startsWith(QLatin1String("--"));
        covered << (!wordsOnly && singleDash && !shortNames.contains(a.mid(1)) ? kWordMark + a : a);
        wordsOnly = wordsOnly || a == QLatin1String("--");
    }
    if (!m_parser.parse(covered)) {
        usageError(m_parser.errorText());
        return false;
    }
    m_help = isSet(QStringLiteral("help"));
    if (m_help)
        return true;

    for (const QString &w : m_parser.positionalArguments())
        m_words << uncovered(w);
    const int min = m_command.minWords();
    const int max = m_command.maxWords();
    if (m_words.size() < min || (max >= 0 && m_words.size() > max)) {
        const QString usage = QString::fromLatin1(m_command.arguments);
        usageError(usage.isEmpty() ? tr("%1 takes no arguments").arg(name())
                                   : tr("%1 takes %2").arg(name(), usage));
        return false;
    }

    if (isSet(QStringLiteral("sort"))) {
        const auto sort = sortOrderFromName(value(QStringLiteral("sort")));
        if (!sort) {
            usageError(Options::badSort());
            return false;
        }
        m_sort = *sort;
    }
    if (isSet(QStringLiteral("limit"))) {
        bool ok = false;
        m_limit = value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || m_limit < 0) {
            usageError(tr("--limit takes a number of papers"));
            return false;
        }
    }
    return true;
}

bool Invocation::isSet(const QString &option) const
{
    return m_optionNames.contains(option) && m_parser.isSet(option);
}

QString Invocation::value(const QString &option) const
{
    return isSet(option) ? uncovered(m_parser.value(option)) : QString();
}

QStringList Invocation::values(const QString &option) const
{
    QStringList list;
    if (isSet(option)) {
        for (const QString &v : m_parser.values(option))
            list << uncovered(v);
    }
    return list;
}

bool Invocation::json() const
{
    return isSet(QStringLiteral("json"));
}

int Invocation::usageError(const QString &message) const
{
    err() << "gleaner-cli: " << message << "\n"
          << tr("(see gleaner-cli %1 --help)").arg(name()) << "\n";
    return Usage;
}

int Invocation::rejected(const QString &message) const
{
    err() << "gleaner-cli: " << message << "\n";
    return Rejected;
}

std::optional<qint64> Invocation::parseId(const QString &word)
{
    bool ok = false;
    const qint64 id = word.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

QList<qint64> Invocation::knownPapers(Library &library, const QStringList &words) const
{
    QList<qint64> ids;
    for (const QString &w : words) {
        const auto id = parseId(w);
        if (!id)
            rejected(tr("'%1' is not a paper id").arg(w));
        else if (library.papers({*id}).isEmpty())
            rejected(tr("there is no paper %1").arg(*id));
        else
            ids << *id;
    }
    return ids;
}

std::optional<QByteArray> Invocation::readStandardInput() const
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    return in.readAll();
}

bool Invocation::writeOutput(const QString &path, const QByteArray &bytes) const
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        out().flush();
        QFile stream;
        if (!stream.open(stdout, QIODevice::WriteOnly) || stream.write(bytes) != bytes.size()) {
            rejected(tr("could not write to standard output"));
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        rejected(tr("could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace gleaner::cli
