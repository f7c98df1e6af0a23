#include "model/snippet.h"

#include <QSet>

#include <algorithm>

namespace gleaner {

namespace {

// A run of text without white space longer than this (a URL, a hostile
// abstract's one endless word) is cut into pieces of this size, and a `$...$`
// span longer than this may be cut at its spaces: each word of the window
// costs at most this much.
constexpr qsizetype kMaxWordLength = 64;
// Words shown before the first match of the window, for context.
constexpr int kLeadWords = 3;
// Matches considered as a window's start: the first ones are enough.
constexpr int kMaxStarts = 64;

const QString kEllipsis = QStringLiteral("\u2026");

// A word of the abstract: [start, end) of the plain text.
struct Word
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool spaceBefore = false; // false where a long run was cut into pieces
};

// White space, and the control characters (C0, DEL, C1), which no abstract
// means to show.
bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || c.isSpace();
}

// Marks the spaces inside short `$...$` (and `$$...$$`) spans, which do not
// end a word, so a window never starts or ends inside a formula. Unbalanced
// dollars glue nothing: then `$` is not math but a character.
QList<bool> gluedSpaces(const QString &text)
{
    QList<qsizetype> delimiters; // start of each delimiter, then its end
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i; // \$ is a dollar, not math
            continue;
        }
        if (text.at(i) != QLatin1Char('$'))
            continue;
        const qsizetype length = i + 1 < text.size() && text.at(i + 1) == QLatin1Char('$') ? 2 : 1;
        delimiters << i << i + length;
        i += length - 1;
    }
    QList<bool> glued(text.size(), false);
    if (delimiters.size() % 4 != 0)
        return glued;
    for (qsizetype d = 0; d + 3 < delimiters.size(); d += 4) {
        const qsizetype from = delimiters.at(d);
        const qsizetype to = delimiters.at(d + 3);
        if (to - from > kMaxWordLength)
            continue;
        for (qsizetype i = from; i < to; ++i)
            glued[i] = true;
    }
    return glued;
}

QList<Word> splitWords(const QString &text)
{
    const QList<bool> glued = gluedSpaces(text);
    QList<Word> words;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool spaceBefore = false;
    while (i < n) {
        if (isSpace(text.at(i)) && !glued.at(i)) {
            spaceBefore = true;
            ++i;
            continue;
        }
        Word w;
        w.start = i;
        w.spaceBefore = spaceBefore;
        while (i < n && (!isSpace(text.at(i)) || glued.at(i)) && i - w.start < kMaxWordLength)
            ++i;
        // Never between the halves of a surrogate pair.
        if (i < n && i > w.start + 1 && text.at(i).isLowSurrogate())
            --i;
        w.end = i;
        words << w;
        spaceBefore = false;
    }
    return words;
}

// The word holding position `pos`, or the last one starting before it.
qsizetype wordAt(const QList<Word> &words, qsizetype pos)
{
    const auto it = std::upper_bound(words.cbegin(), words.cend(), pos,
                                     [](qsizetype p, const Word &w) { return p < w.start; });
    return std::max<qsizetype>(0, (it - words.cbegin()) - 1);
}

} // namespace

Snippet snippetFromMarked(const QString &marked, QChar open, QChar close, int wordCount)
{
    // The marks out, the matches as ranges of what is left.
    QString plain;
    plain.reserve(marked.size());
    QList<Snippet::Range> matches;
    qsizetype openedAt = -1;
    for (const QChar c : marked) {
        if (c == open) {
            if (openedAt >= 0)
                return {};
            openedAt = plain.size();
        } else if (c == close) {
            if (openedAt < 0)
                return {};
            if (plain.size() > openedAt)
                matches.append({openedAt, plain.size() - openedAt});
            openedAt = -1;
        } else {
            plain.append(isSpace(c) ? QChar(QLatin1Char(' ')) : c);
        }
    }
    if (openedAt >= 0 || matches.isEmpty())
        return {};

    const QList<Word> words = splitWords(plain);
    if (words.isEmpty())
        return {};
    const qsizetype total = words.size();
    const qsizetype window = std::clamp<qsizetype>(wordCount, 1, total);

    struct Match
    {
        qsizetype start, end;  // in plain
        qsizetype first, last; // words
        QString term;          // case-folded, to count different words
    };
    QList<Match> found;
    found.reserve(matches.size());
    for (const Snippet::Range &r : std::as_const(matches)) {
        const qsizetype end = r.start + r.length;
        found.append({r.start, end, wordAt(words, r.start), wordAt(words, end - 1),
                      plain.mid(r.start, r.length).toCaseFolded()});
    }

    // The earliest window that shows the most different matched words. More
    // matches of the same words do not make a later one better: a list shows
    // the start of a snippet, and the abstract's own start where it can.
    qsizetype bestStart = 0;
    int bestTerms = -1;
    for (qsizetype m = 0; m < std::min<qsizetype>(found.size(), kMaxStarts); ++m) {
        const qsizetype start =
            std::clamp<qsizetype>(found.at(m).first - kLeadWords, 0, total - window);
        QSet<QString> terms;
        for (const Match &f : std::as_const(found)) {
            if (f.first >= start && f.last < start + window)
                terms.insert(f.term);
        }
        if (int(terms.size()) > bestTerms) {
            bestStart = start;
            bestTerms = int(terms.size());
        }
    }
    const qsizetype first = bestStart;
    const qsizetype last = bestStart + window - 1;

    Snippet snippet;
    QList<qsizetype> placed(total, -1); // where each shown word starts in snippet.text
    if (first > 0)
        snippet.text += words.at(first).spaceBefore ? kEllipsis + QLatin1Char(' ') : kEllipsis;
    for (qsizetype w = first; w <= last; ++w) {
        if (w > first && words.at(w).spaceBefore)
            snippet.text += QLatin1Char(' ');
        placed[w] = snippet.text.size();
        snippet.text +=
            QStringView(plain).mid(words.at(w).start, words.at(w).end - words.at(w).start);
    }
    if (last + 1 < total)
        snippet.text += words.at(last + 1).spaceBefore ? QLatin1Char(' ') + kEllipsis : kEllipsis;

    // A position of the plain text in the snippet, held inside its word.
    auto inSnippet = [&](qsizetype pos, qsizetype word) {
        const Word &w = words.at(word);
        return placed.at(word) + std::clamp<qsizetype>(pos - w.start, 0, w.end - w.start);
    };
    for (const Match &f : std::as_const(found)) {
        if (f.last < first || f.first > last)
            continue;
        const qsizetype startWord = std::max(f.first, first);
        const qsizetype endWord = std::min(f.last, last);
        const qsizetype from = f.first < first ? placed.at(first) : inSnippet(f.start, startWord);
        const qsizetype to =
            f.last > last ? inSnippet(words.at(last).end, last) : inSnippet(f.end, endWord);
        if (to <= from)
            continue;
        if (!snippet.highlights.isEmpty()) {
            Snippet::Range &previous = snippet.highlights.last();
            if (from < previous.start + previous.length) {
                previous.length = std::max(previous.length, to - previous.start);
                continue;
            }
        }
        snippet.highlights.append({from, to - from});
    }
    return snippet;
}

} // namespace gleaner
