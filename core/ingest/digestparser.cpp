#include "ingest/digestparser.h"

#include <QLocale>
#include <QStringConverter>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;

namespace gleaner {

namespace {

constexpr char16_t NoBreakSpace = 0x00A0;
constexpr char16_t Bullet = 0x2022;
constexpr char16_t MiddleDot = 0x00B7;
constexpr char16_t ByteOrderMark = 0xFEFF;

// Real titles stay well under this; real abstracts are far above it.
constexpr qsizetype LongLine = 300;
// Abstracts shorter than this make a digest without any header or metadata
// look like ordinary prose rather than a list of papers.
constexpr qsizetype ShortAbstract = 100;
// Longest line that can be page boilerplate or a submitting organisation.
constexpr qsizetype ShortLine = 100;

enum class LineKind : quint8
{
    Text,      // a title, an abstract, boilerplate or an organisation; decided by context
    Submitter, // "• 7 authors" (or a bullet before anything else, taken as a name)
    Dot,       // the lone "·" between submitter and date
    Date,      // "Sep 16, 2024 2", "Jun 24 5", "Jan 7"
};

// One non-blank line. Views point into the text being parsed; only the
// strings a Digest keeps are ever copied.
struct Line
{
    QStringView text; // trimmed, NBSP counts as white space
    int number = 0;   // 1-based
    LineKind kind = LineKind::Text;
    bool blankBefore = false; // a blank line separates it from the previous non-blank one
    bool hasUpvotes = false;  // Date only
    quint8 month = 0;         // Date only
    quint8 day = 0;           // Date only
    int year = 0;             // Date only; 0 when the line shows none
    int count = 0;            // Date: upvotes; Submitter: authors, -1 for a bulleted name
};

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Skips spaces (including NBSP, which QChar::isSpace covers) from pos.
qsizetype skipSpaces(QStringView s, qsizetype pos)
{
    while (pos < s.size() && s[pos].isSpace())
        ++pos;
    return pos;
}

// Reads 1..maxDigits ASCII digits at pos; returns the new position or -1.
qsizetype readNumber(QStringView s, qsizetype pos, int maxDigits, int *value)
{
    int v = 0;
    qsizetype start = pos;
    while (pos < s.size() && isAsciiDigit(s[pos])) {
        if (pos - start == maxDigits)
            return -1;
        v = v * 10 + (s[pos].unicode() - u'0');
        ++pos;
    }
    if (pos == start)
        return -1;
    *value = v;
    return pos;
}

int monthFromAbbreviation(QStringView s)
{
    static constexpr std::array<const char16_t *, 12> names = {
        u"Jan", u"Feb", u"Mar", u"Apr", u"May", u"Jun",
        u"Jul", u"Aug", u"Sep", u"Oct", u"Nov", u"Dec",
    };
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (s.compare(QStringView(names[i]), Qt::CaseInsensitive) == 0)
            return int(i) + 1;
    }
    return 0;
}

// "Mon D", "Mon D, YYYY", each optionally followed by an upvote count.
bool parseDateLine(QStringView s, Line *line)
{
    if (s.size() < 5 || s.size() > 32 || !s[3].isSpace())
        return false;
    const int month = monthFromAbbreviation(s.first(3));
    if (month == 0)
        return false;
    int day = 0;
    qsizetype pos = readNumber(s, skipSpaces(s, 3), 2, &day);
    if (pos < 0 || day < 1 || day > 31)
        return false;
    int year = 0;
    if (pos < s.size() && s[pos] == u',') {
        pos = readNumber(s, skipSpaces(s, pos + 1), 4, &year);
        if (pos < 0 || year < 1000)
            return false;
    }
    int upvotes = 0;
    bool hasUpvotes = false;
    if (pos < s.size()) {
        if (!s[pos].isSpace())
            return false;
        pos = readNumber(s, skipSpaces(s, pos), 9, &upvotes);
        if (pos < 0 || pos != s.size())
            return false;
        hasUpvotes = true;
    }
    line->kind = LineKind::Date;
    line->month = quint8(month);
    line->day = quint8(day);
    line->year = year;
    line->count = upvotes;
    line->hasUpvotes = hasUpvotes;
    return true;
}

// "• 7 authors" / "• 1 author". A bullet before anything else is kept as a
// name (count -1) rather than dropped.
void parseSubmitterLine(QStringView s, Line *line)
{
    line->kind = LineKind::Submitter;
    line->count = -1;
    int authors = 0;
    qsizetype pos = readNumber(s, skipSpaces(s, 1), 6, &authors);
    if (pos < 0 || pos == s.size() || !s[pos].isSpace())
        return;
    const QStringView word = s.sliced(skipSpaces(s, pos));
    if (word == u"authors" || word == u"author")
        line->count = authors;
}

void classify(Line *line)
{
    const QStringView s = line->text;
    const char16_t first = s.front().unicode();
    if (first == Bullet) {
        parseSubmitterLine(s, line);
    } else if (first == MiddleDot && s.size() == 1) {
        line->kind = LineKind::Dot;
    } else if (first >= u'A' && first <= u'z' && s.size() <= 32) {
        parseDateLine(s, line);
    }
}

// Compares ignoring white space, so "by AK" matches "byAK" and NBSPs or
// doubled spaces from a browser do not matter.
bool equalsIgnoringSpaces(QStringView s, QStringView wanted)
{
    qsizetype j = 0;
    for (QChar c : s) {
        if (c.isSpace())
            continue;
        while (j < wanted.size() && wanted[j] == u' ')
            ++j;
        if (j == wanted.size() || wanted[j] != c)
            return false;
        ++j;
    }
    while (j < wanted.size() && wanted[j] == u' ')
        ++j;
    return j == wanted.size();
}

enum class Boilerplate
{
    None,
    Subscribe,
    Other
};

Boilerplate boilerplateKind(QStringView s)
{
    if (s.size() > ShortLine)
        return Boilerplate::None;
    if (equalsIgnoringSpaces(s, u"Subscribe"))
        return Boilerplate::Subscribe;
    static constexpr std::array<const char16_t *, 5> others = {
        u"new",
        u"Daily Papers",
        u"byAK and the research community",
        u"Get trending papers in your email inbox!",
        u"Get trending papers in your email inbox once a day!",
    };
    for (const char16_t *other : others) {
        if (equalsIgnoringSpaces(s, QStringView(other)))
            return Boilerplate::Other;
    }
    return Boilerplate::None;
}

bool endsWithPeriod(QStringView s)
{
    qsizetype i = s.size();
    while (i > 0) {
        const char16_t c = s[i - 1].unicode();
        if (c == u')' || c == u']' || c == u'"' || c == u'\'' || c == 0x201D || c == 0x2019)
            --i;
        else
            break;
    }
    return i > 0 && s[i - 1] == u'.';
}

// Titles are short and never end in a full stop; abstracts are long or read
// like sentences. A line can be neither ("Short one."), never both.
bool looksLikeAbstract(QStringView s)
{
    if (s.size() >= LongLine)
        return true;
    return endsWithPeriod(s) && s.count(u' ') >= 5;
}

bool looksLikeTitle(QStringView s)
{
    return s.size() < LongLine && !endsWithPeriod(s);
}

// Short, no sentence in it: whatever its position, this is no abstract. Real
// abstracts run to several sentences; taking such a line for one would pair
// two titles into a paper.
bool cannotBeAbstract(QStringView s)
{
    return s.size() < 200 && !endsWithPeriod(s) && !s.contains(u". ");
}

QString cleaned(QStringView s)
{
    QString out = s.toString();
    if (s.contains(QChar(NoBreakSpace)))
        out.replace(QChar(NoBreakSpace), u' ');
    return out;
}

QString simplifiedKey(QStringView s)
{
    QString key;
    key.reserve(s.size());
    for (QChar c : s) {
        if (c.isLetterOrNumber())
            key.append(c.toCaseFolded());
    }
    return key;
}

// The page shows an organisation as its handle followed by its display name:
// "Qwen Qwen", "inclusionAI inclusionAI", "Fudan-University Fudan University".
// When the two visibly name the same thing, the display name is kept; any
// other line is kept whole, since guessing where a name ends would be worse.
QString organisationName(QStringView line)
{
    const QString s = cleaned(line).simplified();
    const qsizetype half = s.size() / 2;
    if (s.size() % 2 == 1 && s[half] == u' ' &&
        QStringView(s).first(half) == QStringView(s).sliced(half + 1))
        return s.first(half);
    const qsizetype space = s.indexOf(u' ');
    if (space > 0) {
        const QStringView handle = QStringView(s).first(space);
        const QStringView display = QStringView(s).sliced(space + 1);
        const QString key = simplifiedKey(display);
        if (!key.isEmpty() && key == simplifiedKey(handle))
            return display.toString();
    }
    return s;
}

QString quoted(QStringView title)
{
    constexpr qsizetype limit = 60;
    if (title.size() <= limit)
        return u"\u201C"_s + cleaned(title) + u"\u201D"_s;
    return u"\u201C"_s + cleaned(title.first(limit)).trimmed() + u"\u2026\u201D"_s;
}

QString monthDay(const Line &line)
{
    return QLocale::c().monthName(line.month, QLocale::ShortFormat) + u' ' +
           QString::number(line.day);
}

bool looksLikeMarkdown(QStringView s)
{
    return s.startsWith(u"# ") || s.startsWith(u"## ") || s.startsWith(u"```") ||
           s.startsWith(u"- ") || s.startsWith(u"* ") || s.startsWith(u"> ") ||
           s.startsWith(u"|") || s.startsWith(u"===") || s.startsWith(u"---");
}

// Splits the text into non-blank lines and classifies each one. Blank lines
// are only remembered as the blankBefore flag of the next line.
std::vector<Line> splitLines(QStringView text)
{
    std::vector<Line> lines;
    lines.reserve(std::size_t(text.size() / 256) + 16);
    // Old Mac files end lines with a lone CR; everything else has LF.
    const QChar separator =
        !text.contains(u'\n') && text.contains(u'\r') ? QChar(u'\r') : QChar(u'\n');
    qsizetype pos = 0;
    int number = 0;
    bool blank = false;
    while (pos <= text.size()) {
        qsizetype end = text.indexOf(separator, pos);
        if (end < 0)
            end = text.size();
        ++number;
        const QStringView raw = text.sliced(pos, end - pos);
        const QStringView trimmed = raw.trimmed();
        pos = end + 1;
        if (trimmed.isEmpty()) {
            blank = true;
            continue;
        }
        Line line;
        line.text = trimmed;
        line.number = number;
        line.blankBefore = blank;
        blank = false;
        classify(&line);
        lines.push_back(line);
    }
    return lines;
}

struct PendingDate
{
    qsizetype entry = 0;
    const Line *line = nullptr;
};

// One parse of one text. Lines are classified on their own first (metadata
// lines look like nothing else); titles, abstracts and organisation names
// only differ by position, so a small state machine over the non-blank lines
// places them, looking one line ahead where a lost title or abstract would
// otherwise shift every later pair.
class Parser
{
public:
    Parser(QStringView text, const ParseOptions &options)
        : m_options(options)
        , m_lines(splitLines(text))
    {}

    ParseResult run();

private:
    enum class State
    {
        ExpectTitle,
        ExpectAbstract,
        AfterAbstract
    };

    void readHeader();
    void readBody();
    void resolveDates();
    void decideLayout();
    QString rejection() const;

    bool isOrganisation(std::size_t i) const;
    bool isMeta(std::size_t i) const
    {
        return m_lines[i].kind != LineKind::Text || isOrganisation(i);
    }
    std::size_t skipMeta(std::size_t i) const;
    const Line *nextLine(std::size_t i) const
    {
        return i + 1 < m_lines.size() ? &m_lines[i + 1] : nullptr;
    }

    void problem(int line, const QString &message)
    {
        m_digest.problems.append(ParseProblem{line, message});
    }
    void addEntry(const Line &title, const Line &abstract);
    void addSubmitter(std::size_t i);
    void addDate(const Line &line);

    const ParseOptions &m_options;
    std::vector<Line> m_lines;
    std::size_t m_bodyStart = 0;
    Digest m_digest;

    bool m_headerEvidence = false;
    bool m_metaEvidence = false;
    bool m_spaced = true;
    const Line *m_headerDate = nullptr;
    int m_latestYear = 0;
    std::vector<PendingDate> m_yearless;
};

bool Parser::isOrganisation(std::size_t i) const
{
    const Line &line = m_lines[i];
    if (line.kind != LineKind::Text || line.text.size() > ShortLine || looksLikeAbstract(line.text))
        return false;
    const Line *next = nextLine(i);
    if (!next)
        return false;
    if (next->kind == LineKind::Dot)
        return true;
    // Without its "·" an organisation still sits right on top of the date
    // in the spaced layouts, where titles and abstracts never touch it.
    return next->kind == LineKind::Date && m_spaced && !next->blankBefore;
}

std::size_t Parser::skipMeta(std::size_t i) const
{
    while (i < m_lines.size() && isMeta(i))
        ++i;
    return i;
}

void Parser::readHeader()
{
    bool sawSubscribe = false;
    std::size_t i = 0;
    for (; i < m_lines.size(); ++i) {
        Line &line = m_lines[i];
        if (line.kind == LineKind::Text) {
            const Boilerplate kind = boilerplateKind(line.text);
            if (kind != Boilerplate::None) {
                m_headerEvidence = true;
                sawSubscribe = sawSubscribe || kind == Boilerplate::Subscribe;
                continue;
            }
            // Layout C glues the first title to the button's label. A title
            // that merely starts with the word cannot follow the label itself.
            if (!sawSubscribe && line.text.size() > 9 && line.text.startsWith(u"Subscribe")) {
                const QStringView rest = line.text.sliced(9).trimmed();
                if (!rest.isEmpty()) {
                    line.text = rest;
                    m_headerEvidence = true;
                }
            }
            break;
        }
        if (line.kind == LineKind::Date && !line.hasUpvotes && !m_headerDate) {
            m_headerDate = &line;
            m_headerEvidence = true;
            continue;
        }
        break;
    }
    m_bodyStart = i;
}

void Parser::decideLayout()
{
    // Compare the gaps between neighbouring text lines: layout C has none.
    int gaps = 0;
    int tight = 0;
    for (std::size_t i = m_bodyStart + 1; i < m_lines.size(); ++i) {
        if (m_lines[i].kind != LineKind::Text || m_lines[i - 1].kind != LineKind::Text)
            continue;
        (m_lines[i].blankBefore ? gaps : tight) += 1;
    }
    m_spaced = gaps >= tight;
}

void Parser::addEntry(const Line &title, const Line &abstract)
{
    DigestEntry entry;
    entry.title = cleaned(title.text);
    entry.abstract = cleaned(abstract.text);
    entry.line = title.number;
    m_digest.entries.append(std::move(entry));
}

void Parser::addSubmitter(std::size_t i)
{
    const Line &line = m_lines[i];
    Submitter &submitter = m_digest.entries.last().submitter;
    if (line.kind == LineKind::Submitter && line.count >= 0) {
        submitter.kind = Submitter::Kind::Authors;
        submitter.authors = line.count;
    } else {
        const QStringView name =
            line.kind == LineKind::Submitter ? line.text.sliced(1).trimmed() : line.text;
        submitter.kind = Submitter::Kind::Organisation;
        submitter.organisation = organisationName(name);
    }
}

void Parser::addDate(const Line &line)
{
    DigestEntry &entry = m_digest.entries.last();
    entry.upvotes = line.count;
    if (line.year == 0) {
        m_yearless.push_back({m_digest.entries.size() - 1, &line});
        return;
    }
    m_latestYear = std::max(m_latestYear, line.year);
    entry.published = QDate(line.year, line.month, line.day);
    if (!entry.published.isValid()) {
        problem(line.number, monthDay(line) + u", "_s + QString::number(line.year) +
                                 u" is not a real date, so the paper was imported without one."_s);
    }
}

void Parser::readBody()
{
    State state = State::ExpectTitle;
    const Line *title = nullptr;
    bool seenSubmitter = false;
    bool seenDot = false;
    const Line *lastMeta = nullptr;

    for (std::size_t i = m_bodyStart; i < m_lines.size(); ++i) {
        const Line &line = m_lines[i];
        if (line.kind == LineKind::Text && boilerplateKind(line.text) != Boilerplate::None) {
            continue; // a second page header pasted below the first
        }
        const bool meta = isMeta(i);

        if (state == State::AfterAbstract) {
            if (!meta) {
                state = State::ExpectTitle;
                lastMeta = nullptr;
            } else {
                const bool isSubmitter = line.kind != LineKind::Dot && line.kind != LineKind::Date;
                if ((isSubmitter && (seenSubmitter || seenDot)) ||
                    (line.kind == LineKind::Dot && seenDot)) {
                    problem(line.number,
                            u"This line repeats a detail of the paper above it and was ignored."_s);
                    continue;
                }
                m_metaEvidence = true;
                lastMeta = &line;
                if (isSubmitter) {
                    seenSubmitter = true;
                    addSubmitter(i);
                } else if (line.kind == LineKind::Dot) {
                    seenDot = true;
                } else {
                    addDate(line);
                    state = State::ExpectTitle;
                    lastMeta = nullptr;
                }
                continue;
            }
        }

        if (state == State::ExpectTitle) {
            if (meta) {
                problem(line.number, u"Paper details (submitter or date) appear here without a "
                                     u"paper before them and were ignored."_s);
                i = skipMeta(i) - 1;
                continue;
            }
            const Line *next = nextLine(i);
            const bool nextIsAbstract = next && next->kind == LineKind::Text &&
                                        !isOrganisation(i + 1) && looksLikeAbstract(next->text);
            if (looksLikeAbstract(line.text) && !nextIsAbstract) {
                problem(line.number, u"This paragraph reads like an abstract but has no title "
                                     u"before it, so it was not imported."_s);
                i = skipMeta(i + 1) - 1; // its details go with it
                continue;
            }
            title = &line;
            state = State::ExpectAbstract;
            continue;
        }

        // ExpectAbstract
        if (meta) {
            const std::size_t after = skipMeta(i);
            if (after < m_lines.size() && looksLikeAbstract(m_lines[after].text)) {
                problem(line.number, u"Paper details between a title and its abstract were "
                                     u"ignored."_s);
                i = after - 1;
                continue;
            }
            problem(title->number,
                    quoted(title->text) + u" has no abstract, so it was not imported."_s);
            i = after - 1;
            state = State::ExpectTitle;
            continue;
        }
        const Line *next = nextLine(i);
        if (cannotBeAbstract(line.text) ||
            (looksLikeTitle(line.text) && next && next->kind == LineKind::Text &&
             !isOrganisation(i + 1) && looksLikeAbstract(next->text))) {
            problem(title->number,
                    quoted(title->text) + u" has no abstract, so it was not imported."_s);
            title = &line;
            continue;
        }
        addEntry(*title, line);
        state = State::AfterAbstract;
        seenSubmitter = false;
        seenDot = false;
    }

    if (state == State::ExpectAbstract) {
        problem(title->number, quoted(title->text) +
                                   u" at the end of the file has no abstract (the file seems "
                                   u"to be cut off), so it was not imported."_s);
    } else if (state == State::AfterAbstract && lastMeta) {
        problem(lastMeta->number, u"The details of "_s + quoted(m_digest.entries.last().title) +
                                      u" stop before its date (the file seems to be cut off)."_s);
    }
}

void Parser::resolveDates()
{
    Digest &d = m_digest;
    const QDate fallback = m_options.fallbackDate;
    const bool headerYearless = m_headerDate && m_headerDate->year == 0;
    const bool anyYearless = headerYearless || !m_yearless.empty();

    if (m_headerDate && m_headerDate->year != 0) {
        d.captureYear = m_headerDate->year;
        d.date = QDate(m_headerDate->year, m_headerDate->month, m_headerDate->day);
        d.dateCertainty = DateCertainty::Derived;
    } else if (anyYearless && m_latestYear > 0) {
        // The page prints a year only for other years than the one it was
        // saved in, so the saving year follows the latest printed one.
        d.captureYear = m_latestYear + 1;
        if (m_headerDate) {
            d.date = QDate(d.captureYear, m_headerDate->month, m_headerDate->day);
            d.dateCertainty = DateCertainty::Derived;
        } else if (fallback.isValid()) {
            d.date = fallback;
            d.dateCertainty = DateCertainty::FileTime;
        }
    } else if (fallback.isValid()) {
        d.dateCertainty = DateCertainty::FileTime;
        if (m_headerDate) {
            // The most recent such day on or before the file was written.
            for (int year = fallback.year(); year > fallback.year() - 8; --year) {
                const QDate candidate(year, m_headerDate->month, m_headerDate->day);
                if (candidate.isValid() && candidate <= fallback) {
                    d.date = candidate;
                    break;
                }
            }
            if (!d.date.isValid())
                d.dateCertainty = DateCertainty::Unknown;
            d.captureYear = d.date.isValid() ? d.date.year() : 0;
        } else {
            d.date = fallback;
            d.captureYear = fallback.year() > m_latestYear ? fallback.year() : 0;
        }
    }

    if (m_headerDate && !d.date.isValid() && d.captureYear != 0) {
        problem(m_headerDate->number, monthDay(*m_headerDate) + u" is not a real date in "_s +
                                          QString::number(d.captureYear) +
                                          u", so the digest has no date."_s);
        d.dateCertainty = DateCertainty::Unknown;
    }

    if (d.captureYear == 0)
        return; // year-less entry dates stay unknown, their upvotes still count
    for (const PendingDate &pending : m_yearless) {
        const QDate date(d.captureYear, pending.line->month, pending.line->day);
        if (date.isValid()) {
            d.entries[pending.entry].published = date;
        } else {
            problem(pending.line->number, monthDay(*pending.line) + u" is not a real date in "_s +
                                              QString::number(d.captureYear) +
                                              u", so the paper was imported without one."_s);
        }
    }
}

QString Parser::rejection() const
{
    const Digest &d = m_digest;
    if (!m_headerEvidence && !m_metaEvidence) {
        // Nothing but paragraphs: accept them only if they pair up the way
        // titles and abstracts do, so a README or a letter is not taken for
        // papers.
        const bool paperLike =
            !d.entries.isEmpty() && d.problems.isEmpty() &&
            std::all_of(d.entries.cbegin(), d.entries.cend(), [](const DigestEntry &e) {
                return e.abstract.size() >= ShortAbstract && e.title.size() < e.abstract.size() &&
                       !looksLikeMarkdown(e.title) && !looksLikeMarkdown(e.abstract);
            });
        if (!paperLike) {
            return u"does not look like a paper digest: it has none of the page's header lines "
                   u"or paper details, and its paragraphs do not pair up as titles and "
                   u"abstracts"_s;
        }
        return {};
    }
    if (!d.entries.isEmpty())
        return {};
    if (d.problems.isEmpty()) {
        return u"has the header of a Daily Papers page but no papers; the page was probably "
               u"saved before it finished loading"_s;
    }
    const ParseProblem &first = d.problems.first();
    QString message = first.message;
    if (message.endsWith(u'.'))
        message.chop(1);
    return u"has no complete paper in it; the first problem is on line "_s +
           QString::number(first.line) + u": "_s + message;
}

ParseResult Parser::run()
{
    ParseResult result;
    if (m_lines.empty()) {
        result.error = u"contains only white space"_s;
        return result;
    }
    readHeader();
    decideLayout();
    readBody();
    resolveDates();

    Digest &d = m_digest;
    const bool anyMeta =
        std::any_of(d.entries.cbegin(), d.entries.cend(), [](const DigestEntry &e) {
            return e.submitter.kind != Submitter::Kind::None || e.published.isValid() ||
                   e.upvotes > 0;
        });
    if (anyMeta || m_metaEvidence)
        d.layout = DigestLayout::Detailed;
    else
        d.layout = m_spaced ? DigestLayout::Spaced : DigestLayout::Compact;

    std::sort(d.problems.begin(), d.problems.end(),
              [](const ParseProblem &a, const ParseProblem &b) { return a.line < b.line; });
    result.error = rejection();
    result.ok = result.error.isEmpty();
    if (!result.ok) {
        // Whatever was taken for papers in a rejected text is not to be
        // trusted; only problems that explain the rejection are kept.
        d.entries.clear();
        if (!m_headerEvidence && !m_metaEvidence)
            d.problems.clear();
    }
    result.digest = std::move(d);
    return result;
}

// Control characters other than the usual white space; text has next to none.
bool isOddControl(unsigned c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
}

template <typename Unit>
bool looksBinary(const Unit *p, qsizetype n)
{
    qsizetype odd = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = unsigned(p[i]);
        if (c == 0)
            return true;
        odd += isOddControl(c) ? 1 : 0;
    }
    return odd > 8 && odd * 100 > n;
}

// Offset of the first byte that is not part of well-formed UTF-8, or -1.
qsizetype firstInvalidUtf8(const uchar *p, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        uchar lo = 0x80;
        uchar hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k <= extra; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

int lineOfOffset(const char *p, qsizetype offset)
{
    return int(std::count(p, p + offset, '\n')) + 1;
}

ParseResult failure(const QString &error)
{
    ParseResult result;
    result.error = error;
    return result;
}

ParseResult parseText(QStringView text, const ParseOptions &options)
{
    if (!text.isEmpty() && text.front() == QChar(ByteOrderMark))
        text = text.sliced(1);
    if (text.isEmpty())
        return failure(u"is empty"_s);
    const QStringView start = text.trimmed();
    if (start.isEmpty())
        return failure(u"contains only white space"_s);
    // "Save page as... Web page" is an easy mistake; say so rather than
    // reporting that tags do not pair up as papers.
    if (start.startsWith(u"<!doctype", Qt::CaseInsensitive) ||
        start.startsWith(u"<html", Qt::CaseInsensitive)) {
        return failure(u"is a web page (HTML), not a text digest; save the page as text "
                       u"instead, or copy its text into a file"_s);
    }
    ParseResult result = Parser(text, options).run();
    return result;
}

} // namespace

ParseResult parseDigest(QStringView text, const ParseOptions &options)
{
    if (looksBinary(text.utf16(), text.size()))
        return failure(u"is a binary file, not a text digest"_s);
    return parseText(text, options);
}

ParseResult parseDigest(QByteArrayView data, const ParseOptions &options)
{
    if (data.isEmpty())
        return failure(u"is empty"_s);

    const auto *bytes = reinterpret_cast<const uchar *>(data.data());
    const bool utf16le = data.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE;
    const bool utf16be = data.size() >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF;
    if (utf16le || utf16be) {
        QStringDecoder decoder(utf16le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                               QStringConverter::Flag::Stateless);
        const QString text = decoder.decode(data.sliced(2));
        if (decoder.hasError())
            return failure(u"is not valid UTF-16 text, although it starts like it"_s);
        return parseDigest(QStringView(text), options);
    }

    if (data.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        data = data.sliced(3);
    if (looksBinary(reinterpret_cast<const uchar *>(data.data()), data.size()))
        return failure(u"is a binary file, not a text digest"_s);

    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError()) {
        const qsizetype bad =
            firstInvalidUtf8(reinterpret_cast<const uchar *>(data.data()), data.size());
        if (bad < 0)
            return failure(u"is not valid UTF-8 text"_s);
        return failure(u"is not valid UTF-8 text: line "_s +
                       QString::number(lineOfOffset(data.data(), bad)) +
                       u" has bytes in another encoding (save the page again as UTF-8)"_s);
    }
    return parseText(text, options);
}

} // namespace gleaner
