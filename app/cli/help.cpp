#include "help.h"

#include "commandtable.h"
#include "options.h"

#include <QStringList>

namespace gleaner::cli {

namespace {

QString summaryOf(const Command &command)
{
    return QCoreApplication::translate("gleaner::cli::Command", command.summary);
}

QString usageOf(const Command &command)
{
    const QString arguments = QString::fromLatin1(command.arguments);
    return arguments.isEmpty() ? QString::fromLatin1(command.name)
                               : QString::fromLatin1(command.name) + QLatin1Char(' ') + arguments;
}

// Rows of two columns, the first padded to line the second up, the second
// wrapped at the 80th column.
QString columns(const QList<QPair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = qMax(width, row.first.size());
    const qsizetype indent = width + 4;
    const qsizetype room = qMax<qsizetype>(80 - indent, 30);
    QString text;
    for (const auto &row : rows) {
        QString line = QStringLiteral("  ") + row.first.leftJustified(width + 2);
        qsizetype used = 0;
        for (const QString &word : row.second.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (used > 0 && used + 1 + word.size() > room) {
                line += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
                used = 0;
            } else if (used > 0) {
                line += QLatin1Char(' ');
                ++used;
            }
            line += word;
            used += word.size();
        }
        text += line + QLatin1Char('\n');
    }
    return text;
}

QString optionSyntax(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString syntax = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        syntax += QLatin1Char(' ') + option.valueName();
    return syntax;
}

} // namespace

QString Help::overview()
{
    QList<QPair<QString, QString>> commands;
    for (const Command &c : commandTable())
        commands.append({usageOf(c), summaryOf(c)});
    return tr("Usage: gleaner-cli [--library FILE] COMMAND [ARGS...]") + QStringLiteral("\n\n") +
           tr("Commands:") + QLatin1Char('\n') + columns(commands) + QLatin1Char('\n') +
           tr("Options:") + QLatin1Char('\n') +
           columns({
               {QStringLiteral("--library FILE"), tr("the library (default: $GLEANER_LIBRARY, else "
                                                     "~/.local/share/gleaner/library.sqlite3)")},
               {QStringLiteral("-v, --version"), tr("print the version and the archive backend")},
               {QStringLiteral("-h, --help"), tr("print this help")},
           }) +
           QLatin1Char('\n') +
           tr("'gleaner-cli help COMMAND' or 'gleaner-cli COMMAND --help' shows a command's "
              "options.") +
           QLatin1Char('\n') +
           tr("Exit status: 0 all well, 1 some input was rejected, 2 usage error.") +
           QLatin1Char('\n');
}

QString Help::command(const Command &command)
{
    QList<QCommandLineOption> options{Options::help()};
    if (command.options)
        options = command.options() + options;
    QList<QPair<QString, QString>> optionRows;
    for (const QCommandLineOption &option : std::as_const(options))
        optionRows.append({optionSyntax(option), option.description()});

    QString text = tr("Usage: gleaner-cli [--library FILE] %1 [OPTIONS]").arg(usageOf(command)) +
                   QStringLiteral("\n\n") + summaryOf(command) + QStringLiteral("\n\n") +
                   tr("Options:") + QLatin1Char('\n') + columns(optionRows);

    // A word's sub-commands ("tags rename") are commands of their own.
    const QString prefix = QString::fromLatin1(command.name) + QLatin1Char(' ');
    QList<QPair<QString, QString>> more;
    for (const Command &c : commandTable()) {
        if (QString::fromLatin1(c.name).startsWith(prefix))
            more.append({usageOf(c), summaryOf(c)});
    }
    if (!more.isEmpty())
        text += QLatin1Char('\n') + tr("Also:") + QLatin1Char('\n') + columns(more);
    return text;
}

} // namespace gleaner::cli
