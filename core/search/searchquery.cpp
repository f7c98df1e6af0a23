#include "search/searchquery.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gleaner {

namespace {

using Token = QueryToken;

} // namespace

QList<QueryToken> tokenizeQuery(const QString &text)
{
    QList<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        Token t;
        if (text.at(i) == QLatin1Char('-') && i + 1 < n && !text.at(i + 1).isSpace()) {
            t.negated = true;
            ++i;
        }
        // An optional "field:" made of letters.
        qsizetype j = i;
        while (j < n && text.at(j).isLetter())
            ++j;
        if (j > i && j < n && text.at(j) == QLatin1Char(':') && j + 1 < n &&
            !text.at(j + 1).isSpace()) {
            t.field = text.mid(i, j - i).toLower();
            i = j + 1;
        }
        if (i < n && text.at(i) == QLatin1Char('"')) {
            // A phrase runs to the closing quote, or to the end when unbalanced.
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? n : close;
            t.value = text.mid(i + 1, end - i - 1);
            t.quoted = true;
            i = close < 0 ? n : close + 1;
        } else {
            const qsizetype start = i;
            while (i < n && !text.at(i).isSpace())
                ++i;
            t.value = text.mid(start, i - start);
        }
        t.atEnd = i >= n;
        tokens.append(t);
    }
    return tokens;
}

namespace {

bool hasWordCharacter(const QString &s)
{
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// The names before a colon the language knows.
bool isFilterName(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("title"), QStringLiteral("abstract"), QStringLiteral("is"),
        QStringLiteral("has"),   QStringLiteral("tag"),      QStringLiteral("digest"),
        QStringLiteral("date"),  QStringLiteral("upvotes"),  QStringLiteral("authors"),
        QStringLiteral("org"),
    };
    return names.contains(name);
}

// A filter the user is still typing at the end of the query ("tag:",
// "is:u", "upvotes:>"): searched as words it would empty the list for a
// keystroke or two, so it is left out until it is complete.
bool isUnfinishedFilter(const Token &t, bool handled)
{
    if (!t.atEnd || t.quoted)
        return false;
    if (!t.field.isEmpty())
        return !handled && isFilterName(t.field);
    return t.value.endsWith(QLatin1Char(':')) && isFilterName(t.value.chopped(1).toLower());
}

// An FTS5 string: double quotes inside are doubled, so the user's text can
// never become FTS5 syntax.
QString ftsString(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

std::optional<Comparison> takeComparison(QString &value)
{
    static const std::pair<QLatin1String, Comparison> ops[] = {
        {QLatin1String(">="), Comparison::GreaterEqual},
        {QLatin1String("<="), Comparison::LessEqual},
        {QLatin1String(">"), Comparison::Greater},
        {QLatin1String("<"), Comparison::Less},
        {QLatin1String("="), Comparison::Equal},
    };
    for (const auto &[text, op] : ops) {
        if (value.startsWith(text)) {
            value = value.mid(text.size());
            return op;
        }
    }
    return Comparison::Equal;
}

std::optional<NumberFilter> numberFilter(QString value)
{
    const auto op = takeComparison(value);
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 0)
        return std::nullopt;
    return NumberFilter{*op, number};
}

// date:2024, date:2024-06, date:2024-06-01 with an optional comparison, as a
// half-open range of ISO dates.
std::optional<DateRange> dateFilter(QString value)
{
    const auto op = takeComparison(value);
    static const QRegularExpression shape(
        QStringLiteral(R"(^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$)"));
    const auto m = shape.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    const int month = m.capturedLength(2) ? m.captured(2).toInt() : 0;
    const int day = m.capturedLength(3) ? m.captured(3).toInt() : 0;
    QDate first;
    QDate afterLast;
    if (day) {
        first = QDate(year, month, day);
        afterLast = first.addDays(1);
    } else if (month) {
        first = QDate(year, month, 1);
        afterLast = first.addMonths(1);
    } else {
        first = QDate(year, 1, 1);
        afterLast = first.addYears(1);
    }
    if (!first.isValid())
        return std::nullopt;
    const QString from = first.toString(Qt::ISODate);
    const QString to = afterLast.toString(Qt::ISODate);
    switch (*op) {
    case Comparison::Equal:
        return DateRange{from, to};
    case Comparison::GreaterEqual:
        return DateRange{from, {}};
    case Comparison::Greater:
        return DateRange{to, {}};
    case Comparison::Less:
        return DateRange{{}, from};
    case Comparison::LessEqual:
        return DateRange{{}, to};
    }
    return std::nullopt;
}

// The text with every character SQLite or FTS5 cannot take read as a space:
// NUL ends an FTS5 string early ("unterminated string"), other control
// characters and non-characters are no one's words, and a lone surrogate
// has no UTF-8 form.
QString cleanText(const QString &text)
{
    QString out(text.size(), Qt::Uninitialized);
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            const bool keep = !QChar::isNonCharacter(code);
            out[i] = keep ? c : QLatin1Char(' ');
            out[i + 1] = keep ? text.at(i + 1) : QLatin1Char(' ');
            ++i;
            continue;
        }
        const bool bad = c.isSurrogate() || c.isNonCharacter() ||
                         (c.category() == QChar::Other_Control && !c.isSpace());
        out[i] = bad ? QLatin1Char(' ') : c;
    }
    return out;
}

// The first kMaxQueryLength characters, ended at the last space before the
// cut when there is one, so no word (or filter) is searched half-written.
QString cutText(const QString &text)
{
    if (text.size() <= kMaxQueryLength)
        return text;
    qsizetype end = kMaxQueryLength;
    if (text.at(end - 1).isHighSurrogate())
        --end;
    qsizetype space = end;
    while (space > 0 && !text.at(space).isSpace())
        --space;
    return text.left(space > 0 ? space : end);
}

} // namespace

std::optional<SortOrder> sortOrderFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("relevance"))
        return SortOrder::Relevance;
    if (n == QLatin1String("published"))
        return SortOrder::Published;
    if (n == QLatin1String("upvotes"))
        return SortOrder::Upvotes;
    if (n == QLatin1String("digest"))
        return SortOrder::Digest;
    if (n == QLatin1String("title"))
        return SortOrder::Title;
    if (n == QLatin1String("read"))
        return SortOrder::RecentlyRead;
    if (n == QLatin1String("queue"))
        return SortOrder::Queue;
    if (n == QLatin1String("foryou"))
        return SortOrder::ForYou;
    return std::nullopt;
}

QString sortOrderName(SortOrder order)
{
    switch (order) {
    case SortOrder::Relevance:
        return QStringLiteral("relevance");
    case SortOrder::Published:
        return QStringLiteral("published");
    case SortOrder::Upvotes:
        return QStringLiteral("upvotes");
    case SortOrder::Digest:
        return QStringLiteral("digest");
    case SortOrder::Title:
        return QStringLiteral("title");
    case SortOrder::RecentlyRead:
        return QStringLiteral("read");
    case SortOrder::Queue:
        return QStringLiteral("queue");
    case SortOrder::ForYou:
        return QStringLiteral("foryou");
    }
    return {};
}

bool ParsedQuery::isEmpty() const
{
    return match.isEmpty() && exclude.isEmpty() && !starred && !read && !dismissed && !queued &&
           !hasNote && !hasHighlight && tags.isEmpty() && excludedTags.isEmpty() &&
           digestDates.isEmpty() && published.isEmpty() && upvotes.isEmpty() && authors.isEmpty() &&
           organisations.isEmpty();
}

ParsedQuery parseQuery(const QString &rawText, bool prefixLastWord)
{
    ParsedQuery q;
    const QString cleaned = cleanText(rawText);
    const QString text = cutText(cleaned);
    if (text.size() < cleaned.size())
        q.notice = QCoreApplication::translate(
                       "gleaner::ParsedQuery",
                       "The search was too long: only its first %1 characters were searched.")
                       .arg(text.size());
    // Positive items grouped by OR; the groups are ANDed.
    QList<QStringList> groups;
    QStringList excluded;
    bool pendingOr = false;
    // OR joins words only: one beside a filter ("is:starred OR tag:rl") is
    // read as AND, and the notice says so.
    bool lastWasFilter = false;
    bool orAfterFilter = false;
    bool sawOr = false;
    bool orBesideFilter = false;

    auto addWords = [&](const Token &t, const QString &column) {
        if (!hasWordCharacter(t.value))
            return;
        QString item = ftsString(t.value);
        if (prefixLastWord && t.atEnd && !t.quoted && !t.negated) {
            // A single letter still being typed is left out until the next
            // one: as a prefix it matches most of the index (FTS5's prefix
            // indexes start at two), as a word it would empty the list.
            if (t.value.size() < 2)
                return;
            item += QLatin1Char('*');
        }
        if (!column.isEmpty())
            item = column + QStringLiteral(" : ") + item;
        if (t.negated) {
            excluded << item;
            return;
        }
        for (const QString &word :
             t.value.split(QRegularExpression(QStringLiteral("[^\\w]+")), Qt::SkipEmptyParts))
            q.highlightTerms << word;
        if (pendingOr && !groups.isEmpty())
            groups.last() << item;
        else
            groups.append(QStringList{item});
        pendingOr = false;
    };

    for (const Token &t : tokenizeQuery(text)) {
        if (t.field.isEmpty() && !t.quoted && !t.negated && t.value == QLatin1String("OR")) {
            pendingOr = !groups.isEmpty();
            orAfterFilter = lastWasFilter;
            sawOr = true;
            continue;
        }
        const QString &f = t.field;
        const QString v = t.value.trimmed();
        bool handled = true;
        if (f.isEmpty()) {
            if (prefixLastWord && isUnfinishedFilter(t, false))
                continue;
            addWords(t, {});
        } else if (f == QLatin1String("title") || f == QLatin1String("abstract")) {
            addWords(t, f);
        } else if (f == QLatin1String("is")) {
            const QString w = v.toLower();
            if (w == QLatin1String("starred"))
                q.starred = !t.negated;
            else if (w == QLatin1String("unstarred"))
                q.starred = t.negated;
            else if (w == QLatin1String("read"))
                q.read = !t.negated;
            else if (w == QLatin1String("unread"))
                q.read = t.negated;
            else if (w == QLatin1String("dismissed"))
                q.dismissed = !t.negated;
            else if (w == QLatin1String("queued"))
                q.queued = !t.negated;
            else
                handled = false;
        } else if (f == QLatin1String("has") && v.toLower() == QLatin1String("note")) {
            q.hasNote = !t.negated;
        } else if (f == QLatin1String("has") && v.toLower() == QLatin1String("highlight")) {
            q.hasHighlight = !t.negated;
        } else if (f == QLatin1String("tag") && !v.isEmpty()) {
            (t.negated ? q.excludedTags : q.tags) << v;
        } else if (f == QLatin1String("digest") && !t.negated &&
                   QDate::fromString(v, Qt::ISODate).isValid()) {
            q.digestDates << QDate::fromString(v, Qt::ISODate).toString(Qt::ISODate);
        } else if (f == QLatin1String("date") && !t.negated && dateFilter(v)) {
            q.published << *dateFilter(v);
        } else if (f == QLatin1String("upvotes") && !t.negated && numberFilter(v)) {
            q.upvotes << *numberFilter(v);
        } else if (f == QLatin1String("authors") && !t.negated && numberFilter(v)) {
            q.authors << *numberFilter(v);
        } else if (f == QLatin1String("org") && !t.negated && !v.isEmpty()) {
            q.organisations << v;
        } else {
            handled = false;
        }
        if (!handled && prefixLastWord && isUnfinishedFilter(t, handled))
            continue;
        const bool isFilter = handled && !f.isEmpty() && f != QLatin1String("title") &&
                              f != QLatin1String("abstract");
        if (sawOr && (orAfterFilter || isFilter))
            orBesideFilter = true;
        sawOr = false;
        lastWasFilter = isFilter;
        if (!handled) {
            // Not a filter we know: search for the text as written.
            Token literal = t;
            literal.field.clear();
            literal.value = f + QLatin1Char(':') + t.value;
            addWords(literal, {});
        }
    }

    QStringList parts;
    for (const QStringList &group : std::as_const(groups))
        parts << (group.size() == 1
                      ? group.first()
                      : QLatin1Char('(') + group.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    q.match = parts.join(QStringLiteral(" AND "));
    q.exclude = excluded.join(QStringLiteral(" OR "));
    q.highlightTerms.removeDuplicates();
    if (orBesideFilter) {
        const QString why = QCoreApplication::translate(
            "gleaner::ParsedQuery",
            "OR joins words, not filters: the papers found match all of the filters.");
        q.notice = q.notice.isEmpty() ? why : q.notice + QLatin1Char(' ') + why;
    }
    return q;
}

} // namespace gleaner
