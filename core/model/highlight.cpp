#include "model/highlight.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <climits>
#include <vector>

namespace gleaner {

QString highlightFieldName(HighlightField field)
{
    return field == HighlightField::Title ? QStringLiteral("title") : QStringLiteral("abstract");
}

std::optional<HighlightField> highlightFieldFromName(const QString &name)
{
    if (name == QLatin1String("title"))
        return HighlightField::Title;
    if (name == QLatin1String("abstract"))
        return HighlightField::Abstract;
    return std::nullopt;
}

const QStringList &highlightColours()
{
    static const QStringList colours{QStringLiteral("yellow"), QStringLiteral("green"),
                                     QStringLiteral("blue"), QStringLiteral("pink"),
                                     QStringLiteral("purple")};
    return colours;
}

bool isHighlightColour(const QString &name)
{
    return highlightColours().contains(name);
}

namespace {

// Text with each run of white space collapsed to one space, and for each of
// its characters the range of the original text it stands for.
struct Collapsed
{
    QString text;
    std::vector<int> from; // original index of each character
    std::vector<int> to;   // original index just past it
};

Collapsed collapse(const QString &original)
{
    Collapsed c;
    c.text.reserve(original.size());
    for (int i = 0; i < original.size(); ++i) {
        if (original.at(i).isSpace()) {
            int end = i + 1;
            while (end < original.size() && original.at(end).isSpace())
                ++end;
            c.text += QLatin1Char(' ');
            c.from.push_back(i);
            c.to.push_back(end);
            i = end - 1;
        } else {
            c.text += original.at(i);
            c.from.push_back(i);
            c.to.push_back(i + 1);
        }
    }
    return c;
}

QString collapsed(const QString &text)
{
    return collapse(text).text;
}

int commonSuffix(const QString &a, const QString &b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(a.size() - 1 - n) == b.at(b.size() - 1 - n))
        ++n;
    return n;
}

int commonPrefix(const QString &a, const QString &b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
        ++n;
    return n;
}

// How well the text around [start, end) matches the stored context: the
// characters that agree, reading outwards from the passage, white space
// collapsed on both sides.
int contextScore(const QString &text, int start, int end, const Highlight &h)
{
    const int reach = kHighlightContext + 10;
    const QString before = collapsed(text.mid(qMax(0, start - reach), qMin(start, reach)));
    const QString after = collapsed(text.mid(end, reach));
    return commonSuffix(collapsed(h.prefix), before) + commonPrefix(collapsed(h.suffix), after);
}

struct Candidate
{
    int start = 0;
    int end = 0;
    int edits = 0;
};

// The best candidate: fewest edits, then the surroundings most like the
// stored context, then the nearest to the old offsets.
std::optional<Candidate> best(const QString &text, const std::vector<Candidate> &candidates,
                              const Highlight &h)
{
    std::optional<Candidate> chosen;
    int chosenScore = 0;
    for (const Candidate &c : candidates) {
        const int score = contextScore(text, c.start, c.end, h);
        const auto distance = [&](const Candidate &x) { return std::abs(x.start - h.start); };
        if (!chosen || c.edits < chosen->edits ||
            (c.edits == chosen->edits &&
             (score > chosenScore || (score == chosenScore && distance(c) < distance(*chosen))))) {
            chosen = c;
            chosenScore = score;
        }
    }
    return chosen;
}

std::vector<Candidate> exactMatches(const QString &text, const QString &passage)
{
    std::vector<Candidate> found;
    for (qsizetype at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1))
        found.push_back({int(at), int(at + passage.size()), 0});
    return found;
}

// Approximate matches of `pattern` in `text` with at most `maxEdits`
// insertions, deletions or substitutions (Sellers' dynamic programme): the
// best end of each run of acceptable ends, with the start its alignment
// began at.
std::vector<Candidate> fuzzyMatches(const QString &text, const QString &pattern, int maxEdits)
{
    const int n = int(text.size());
    const int m = int(pattern.size());
    std::vector<int> prev(n + 1, 0), cur(n + 1, 0), prevStart(n + 1), curStart(n + 1);
    for (int j = 0; j <= n; ++j)
        prevStart[j] = j;
    for (int i = 1; i <= m; ++i) {
        cur[0] = i;
        curStart[0] = 0;
        for (int j = 1; j <= n; ++j) {
            int cost = prev[j - 1] + (pattern.at(i - 1) == text.at(j - 1) ? 0 : 1);
            int start = prevStart[j - 1];
            if (prev[j] + 1 < cost) {
                cost = prev[j] + 1;
                start = prevStart[j];
            }
            if (cur[j - 1] + 1 < cost) {
                cost = cur[j - 1] + 1;
                start = curStart[j - 1];
            }
            cur[j] = cost;
            curStart[j] = start;
        }
        std::swap(prev, cur);
        std::swap(prevStart, curStart);
    }
    // Ends next to each other are one match seen with a character more or
    // less: `lastEnd` tells a run, whose fewest-edit end is kept.
    std::vector<Candidate> found;
    int lastEnd = -2;
    for (int j = 1; j <= n; ++j) {
        if (prev[j] > maxEdits)
            continue;
        const Candidate c{prevStart[j], j, prev[j]};
        if (lastEnd == j - 1 && !found.empty()) {
            if (c.edits < found.back().edits)
                found.back() = c;
        } else {
            found.push_back(c);
        }
        lastEnd = j;
    }
    return found;
}

} // namespace

std::optional<Highlight> makeHighlight(const QString &text, HighlightField field, int start,
                                       int length)
{
    if (start < 0 || length <= 0 || start > text.size() - length)
        return std::nullopt;
    Highlight h;
    h.field = field;
    h.start = start;
    h.length = length;
    h.quote = text.mid(start, length);
    h.prefix = text.mid(qMax(0, start - kHighlightContext), qMin(start, kHighlightContext));
    h.suffix = text.mid(start + length, kHighlightContext);
    return h;
}

Anchor anchorHighlight(const QString &text, const Highlight &h)
{
    Anchor anchor;
    if (h.quote.isEmpty())
        return anchor;
    if (h.start >= 0 && h.start <= text.size() - h.quote.size() &&
        QStringView(text).mid(h.start, h.quote.size()) == h.quote) {
        return {Anchor::Kind::Exact, h.start, int(h.quote.size())};
    }
    if (const auto c = best(text, exactMatches(text, h.quote), h))
        return {Anchor::Kind::Moved, c->start, c->end - c->start};

    // In collapsed text; a match maps back to the original characters it
    // stands for.
    const Collapsed plain = collapse(text);
    const QString pattern = collapsed(h.quote).trimmed();
    if (pattern.isEmpty())
        return anchor;
    const auto original = [&](const Candidate &c) {
        return Candidate{plain.from[size_t(c.start)], plain.to[size_t(c.end - 1)], c.edits};
    };
    std::vector<Candidate> spaced;
    for (const Candidate &c : exactMatches(plain.text, pattern))
        spaced.push_back(original(c));
    if (const auto c = best(text, spaced, h))
        return {Anchor::Kind::Normalised, c->start, c->end - c->start};

    // A few edits: one per ten characters, at most eight; a short passage
    // would match too much that way, and a long one costs too much to try.
    const int m = int(pattern.size());
    if (m < 8 || qint64(m) * plain.text.size() > 20'000'000)
        return anchor;
    const int maxEdits = std::clamp(m / 10, 1, 8);
    std::vector<Candidate> near;
    for (const Candidate &c : fuzzyMatches(plain.text, pattern, maxEdits)) {
        if (c.end > c.start)
            near.push_back(original(c));
    }
    if (const auto c = best(text, near, h)) {
        // Trim white space the alignment took in at either end.
        int s = c->start;
        int e = c->end;
        while (s < e && text.at(s).isSpace())
            ++s;
        while (e > s && text.at(e - 1).isSpace())
            --e;
        if (e > s)
            return {Anchor::Kind::Fuzzy, s, e - s};
    }
    return anchor;
}

Highlight reanchored(const QString &text, const Highlight &h)
{
    const Anchor anchor = anchorHighlight(text, h);
    if (!anchor.found()) {
        Highlight detached = h;
        detached.detached = true;
        return detached;
    }
    std::optional<Highlight> placed = makeHighlight(text, h.field, anchor.start, anchor.length);
    Highlight result = h;
    result.start = placed->start;
    result.length = placed->length;
    result.quote = placed->quote;
    result.prefix = placed->prefix;
    result.suffix = placed->suffix;
    result.detached = false;
    return result;
}

std::optional<int> findOccurrence(const QString &text, const QString &passage, int occurrence)
{
    if (passage.isEmpty() || occurrence < 1)
        return std::nullopt;
    qsizetype at = -1;
    for (int i = 0; i < occurrence; ++i) {
        at = text.indexOf(passage, at + 1);
        if (at < 0)
            return std::nullopt;
    }
    return int(at);
}

QJsonObject highlightToJson(const Highlight &h)
{
    return QJsonObject{{QStringLiteral("field"), highlightFieldName(h.field)},
                       {QStringLiteral("start"), h.start},
                       {QStringLiteral("length"), h.length},
                       {QStringLiteral("quote"), h.quote},
                       {QStringLiteral("prefix"), h.prefix},
                       {QStringLiteral("suffix"), h.suffix},
                       {QStringLiteral("colour"), h.colour},
                       {QStringLiteral("comment"), h.comment},
                       {QStringLiteral("created"), h.created},
                       {QStringLiteral("detached"), h.detached}};
}

std::optional<Highlight> highlightFromJson(const QJsonObject &o)
{
    const std::optional<HighlightField> field =
        highlightFieldFromName(o.value(QStringLiteral("field")).toString());
    const QString quote = o.value(QStringLiteral("quote")).toString();
    const double start = o.value(QStringLiteral("start")).toDouble(-1);
    if (!field || quote.isEmpty() || start < 0 || start > INT_MAX)
        return std::nullopt;
    Highlight h;
    h.field = *field;
    h.start = int(start);
    h.quote = quote;
    h.length = int(quote.size());
    h.prefix = o.value(QStringLiteral("prefix")).toString().right(kHighlightContext);
    h.suffix = o.value(QStringLiteral("suffix")).toString().left(kHighlightContext);
    const QString colour = o.value(QStringLiteral("colour")).toString();
    if (isHighlightColour(colour))
        h.colour = colour;
    h.comment = o.value(QStringLiteral("comment")).toString();
    h.created = o.value(QStringLiteral("created")).toString();
    h.detached = o.value(QStringLiteral("detached")).toBool(false);
    return h;
}

QString highlightsToJsonText(const QList<Highlight> &highlights)
{
    QJsonArray list;
    for (const Highlight &h : highlights)
        list.append(highlightToJson(h));
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QList<Highlight> highlightsFromJsonText(const QString &json)
{
    QList<Highlight> list;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        if (const std::optional<Highlight> h = highlightFromJson(v.toObject()))
            list.append(*h);
    }
    return list;
}

} // namespace gleaner
