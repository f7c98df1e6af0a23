#include "model/notelinks.h"

#include <QRegularExpression>

namespace gleaner {

namespace {

// Whether the line starting at `at` opens or closes a fenced code block
// (up to three spaces, then ``` or ~~~).
bool isFence(const QString &text, qsizetype at)
{
    qsizetype i = at;
    while (i < text.size() && i - at < 3 && text.at(i) == u' ')
        ++i;
    if (i + 3 > text.size())
        return false;
    const QChar c = text.at(i);
    return (c == u'`' || c == u'~') && text.at(i + 1) == c && text.at(i + 2) == c;
}

} // namespace

QList<NoteLink> noteLinks(const QString &note)
{
    QList<NoteLink> links;
    bool fenced = false;
    qsizetype lineStart = 0;
    while (lineStart <= note.size()) {
        qsizetype lineEnd = note.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = note.size();
        if (isFence(note, lineStart)) {
            fenced = !fenced;
        } else if (!fenced) {
            qsizetype codeRun = 0; // the length of the backtick run that opened a code span
            for (qsizetype i = lineStart; i < lineEnd; ++i) {
                const QChar c = note.at(i);
                if (c == u'\\') {
                    ++i;
                    continue;
                }
                if (c == u'`') {
                    qsizetype run = 1;
                    while (i + run < lineEnd && note.at(i + run) == u'`')
                        ++run;
                    if (codeRun == 0)
                        codeRun = run;
                    else if (run == codeRun)
                        codeRun = 0;
                    i += run - 1;
                    continue;
                }
                if (codeRun || c != u'[' || i + 1 >= lineEnd || note.at(i + 1) != u'[')
                    continue;
                const qsizetype close = note.indexOf(QLatin1String("]]"), i + 2);
                if (close < 0 || close > lineEnd)
                    continue;
                const QStringView inner = QStringView(note).sliced(i + 2, close - i - 2);
                if (inner.contains(u'[') || inner.contains(u']') ||
                    inner.size() > kMaxNoteLinkWords || inner.trimmed().isEmpty())
                    continue;
                links.append({i, close + 2 - i, inner.trimmed().toString()});
                i = close + 1;
            }
        }
        lineStart = lineEnd + 1;
    }
    return links;
}

QStringList noteLinkWords(const QString &words)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    auto it = word.globalMatch(words);
    while (it.hasNext())
        out << it.next().captured().toCaseFolded();
    return out;
}

QString replaceNoteLinks(const QString &note,
                         const std::function<QString(const NoteLink &)> &replacement)
{
    QString out;
    qsizetype at = 0;
    for (const NoteLink &link : noteLinks(note)) {
        out += QStringView(note).sliced(at, link.start - at);
        out += replacement(link);
        at = link.start + link.length;
    }
    out += QStringView(note).sliced(at);
    return out;
}

} // namespace gleaner
