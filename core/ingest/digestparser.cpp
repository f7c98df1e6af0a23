#include "ingest/digestparser.h"

#include <QLocale>
#include <QStringConverter>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
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

// What one parse ends in; DigestParser turns it into its own state.
struct Outcome
{
    bool ok = false;
    QString error;
    Digest digest;
};

// Caps that keep the parser's memory a small multiple of its input: a page
// lists a few hundred papers, and a file full of problems only needs its first
// ones named.
constexpr qsizetype MaxEntries = 100000;
constexpr qsizetype MaxProblems = 100;

// One non-blank line. The parser never holds more than a few of them (the
// current line, two of look-ahead and a pending title), so its memory does not
// grow with the number of lines. For UTF-8 input the line owns its decoded
// text; for UTF-16 input it points into the text being parsed.
struct Line
{
    QString storage;  // the decoded line (UTF-8 input only); `text` points into it
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
    // Views with their lengths known at compile time: this runs on every
    // short line, and measuring five strings each time showed in profiles.
    static constexpr std::array<QStringView, 5> others = {
        QStringView(u"new"),
        QStringView(u"Daily Papers"),
        QStringView(u"byAK and the research community"),
        QStringView(u"Get trending papers in your email inbox!"),
        QStringView(u"Get trending papers in your email inbox once a day!"),
    };
    for (const QStringView other : others) {
        if (equalsIgnoringSpaces(s, other))
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

QString monthDay(int month, int day)
{
    return QLocale::c().monthName(month, QLocale::ShortFormat) + u' ' + QString::number(day);
}

bool looksLikeMarkdown(QStringView s)
{
    return s.startsWith(u"# ") || s.startsWith(u"## ") || s.startsWith(u"```") ||
           s.startsWith(u"- ") || s.startsWith(u"* ") || s.startsWith(u"> ") ||
           s.startsWith(u"|") || s.startsWith(u"===") || s.startsWith(u"---");
}

// Walks the text one non-blank line at a time, classifying each. Blank lines
// are only remembered as the blankBefore flag of the next line. UTF-8 input is
// decoded a line at a time into the line's own buffer (reused from line to
// line), so the whole text never exists twice.
class LineReader
{
public:
    explicit LineReader(QByteArrayView utf8)
        : m_bytes(utf8)
        , m_utf8(true)
    {
        // Old Mac files end lines with a lone CR; everything else has LF.
        if (!utf8.contains('\n') && utf8.contains('\r'))
            m_separator = u'\r';
    }
    explicit LineReader(QStringView text)
        : m_text(text)
    {
        if (!text.contains(u'\n') && text.contains(u'\r'))
            m_separator = u'\r';
    }

    // Fills `line` with the next non-blank line; false at the end.
    bool next(Line &line)
    {
        const qsizetype size = m_utf8 ? m_bytes.size() : m_text.size();
        bool blank = false;
        while (m_pos <= size) {
            qsizetype end = m_utf8 ? m_bytes.indexOf(char(m_separator), m_pos)
                                   : m_text.indexOf(QChar(m_separator), m_pos);
            if (end < 0)
                end = size;
            ++m_number;
            const qsizetype start = m_pos;
            m_pos = end + 1;
            if (end == start) {
                blank = true;
                continue;
            }
            const QStringView raw = m_utf8
                                        ? decode(line.storage, m_bytes.sliced(start, end - start))
                                        : m_text.sliced(start, end - start);
            const QStringView trimmed = raw.trimmed();
            if (trimmed.isEmpty()) {
                blank = true;
                continue;
            }
            line.text = trimmed;
            line.number = m_number;
            line.kind = LineKind::Text;
            line.blankBefore = blank;
            line.hasUpvotes = false;
            line.month = 0;
            line.day = 0;
            line.year = 0;
            line.count = 0;
            classify(&line);
            return true;
        }
        return false;
    }

private:
    // The input was checked to be valid UTF-8 as a whole, and a line ends at
    // an ASCII byte, so each line decodes on its own.
    static QStringView decode(QString &storage, QByteArrayView bytes)
    {
        // A huge line's buffer is not kept for the short lines after it.
        if (storage.capacity() > 2 * bytes.size() + 4096)
            storage = QString();
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        storage.resize(decoder.requiredSpace(bytes.size()));
        const QChar *end = decoder.appendToBuffer(storage.data(), bytes);
        storage.truncate(end - storage.constData());
        return storage;
    }

    QByteArrayView m_bytes;
    QStringView m_text;
    bool m_utf8 = false;
    char16_t m_separator = u'\n';
    qsizetype m_pos = 0;
    int m_number = 0;
};

// The current line and two lines of look-ahead, in three slots whose buffers
// are reused as the window moves.
class LineWindow
{
public:
    LineWindow(LineReader reader, int firstNumber, int gluedNumber)
        : m_reader(reader)
        , m_firstNumber(firstNumber)
        , m_gluedNumber(gluedNumber)
    {
        fill();
    }

    bool has(int k) const { return k < m_count; }
    Line &at(int k) { return m_slots[std::size_t((m_head + k) % Size)]; }
    const Line *peek(int k) { return has(k) ? &at(k) : nullptr; }
    void advance()
    {
        m_head = (m_head + 1) % Size;
        --m_count;
        fill();
    }

private:
    static constexpr int Size = 3;

    void fill()
    {
        while (m_count < Size && !m_done) {
            Line &line = m_slots[std::size_t((m_head + m_count) % Size)];
            if (!m_reader.next(line)) {
                m_done = true;
                break;
            }
            if (line.number < m_firstNumber)
                continue; // the page header, read already
            if (line.number == m_gluedNumber)
                line.text = line.text.sliced(9).trimmed(); // "Subscribe" glued to a title
            ++m_count;
        }
    }

    LineReader m_reader;
    int m_firstNumber;
    int m_gluedNumber;
    std::array<Line, Size> m_slots;
    int m_head = 0;
    int m_count = 0;
    bool m_done = false;
};

struct PendingDate
{
    qsizetype entry = 0;
    int number = 0;
    quint8 month = 0;
    quint8 day = 0;
};

// One parse of one text, in two passes over its lines. The first reads the
// page header and decides the layout (which needs every line); the second
// places titles, abstracts and organisation names, which differ only by
// position, with a small state machine that looks at most two lines ahead
// where a lost title or abstract would otherwise shift every later pair. A
// run of paper details is skipped as it streams past rather than by looking
// ahead over it, so no pass holds more than a few lines.
class Parser
{
public:
    Parser(LineReader reader, const ParseOptions &options)
        : m_reader(reader)
        , m_options(options)
    {}

    Outcome run();

private:
    enum class State
    {
        ExpectTitle,
        ExpectAbstract,
        AfterAbstract
    };
    // What the lines streaming past are skipped for.
    enum class Skip
    {
        None,
        Details,           // paper details after a rejected line
        DetailsAfterTitle, // details between a title and what follows them
    };

    bool scan();
    void readBody();
    void resolveDates();
    QString rejection() const;

    bool isOrganisation(const Line &line, const Line *next) const;
    bool isMeta(const Line &line, const Line *next) const
    {
        return line.kind != LineKind::Text || isOrganisation(line, next);
    }
    bool startsAbstract(const Line *line, const Line *next) const
    {
        return line && line->kind == LineKind::Text && !isOrganisation(*line, next) &&
               looksLikeAbstract(line->text);
    }

    void problem(int line, const QString &message)
    {
        if (m_digest.problems.size() < MaxProblems)
            m_digest.problems.append(ParseProblem{line, message});
        else
            ++m_moreProblems;
    }
    void addEntry(const Line &title, Line &abstract);
    void addSubmitter(const Line &line);
    void addDate(const Line &line);

    LineReader m_reader;
    const ParseOptions &m_options;
    Digest m_digest;

    int m_lineCount = 0;
    bool m_startsAsHtml = false;
    int m_bodyStart = std::numeric_limits<int>::max(); // line number of the first body line
    int m_glued = 0; // line number of a title glued to "Subscribe", 0 when none
    bool m_headerEvidence = false;
    bool m_metaEvidence = false;
    bool m_spaced = true;
    bool m_tooManyEntries = false;
    qsizetype m_moreProblems = 0;
    std::optional<Line> m_headerDate;
    int m_latestYear = 0;
    std::vector<PendingDate> m_yearless;
};

bool Parser::isOrganisation(const Line &line, const Line *next) const
{
    if (line.kind != LineKind::Text || line.text.size() > ShortLine || looksLikeAbstract(line.text))
        return false;
    if (!next)
        return false;
    if (next->kind == LineKind::Dot)
        return true;
    // Without its "·" an organisation still sits right on top of the date
    // in the spaced layouts, where titles and abstracts never touch it.
    return next->kind == LineKind::Date && m_spaced && !next->blankBefore;
}

// The first pass: the page header, then the gaps between neighbouring text
// lines of the body (layout C has none). False when there is no line at all.
bool Parser::scan()
{
    LineReader reader = m_reader;
    Line line;
    bool inHeader = true;
    bool sawSubscribe = false;
    bool previousIsText = false;
    int gaps = 0;
    int tight = 0;
    while (reader.next(line)) {
        if (++m_lineCount == 1) {
            m_startsAsHtml = line.text.startsWith(u"<!doctype", Qt::CaseInsensitive) ||
                             line.text.startsWith(u"<html", Qt::CaseInsensitive);
        }
        const bool isText = line.kind == LineKind::Text;
        if (inHeader) {
            if (isText) {
                const Boilerplate kind = boilerplateKind(line.text);
                if (kind != Boilerplate::None) {
                    m_headerEvidence = true;
                    sawSubscribe = sawSubscribe || kind == Boilerplate::Subscribe;
                    continue;
                }
                // Layout C glues the first title to the button's label. A
                // title that merely starts with the word cannot follow the
                // label itself.
                if (!sawSubscribe && line.text.size() > 9 && line.text.startsWith(u"Subscribe") &&
                    !line.text.sliced(9).trimmed().isEmpty()) {
                    m_glued = line.number;
                    m_headerEvidence = true;
                }
            } else if (line.kind == LineKind::Date && !line.hasUpvotes && !m_headerDate) {
                m_headerDate = line;
                m_headerEvidence = true;
                continue;
            }
            inHeader = false;
            m_bodyStart = line.number;
            previousIsText = isText;
            continue;
        }
        if (isText && previousIsText)
            (line.blankBefore ? gaps : tight) += 1;
        previousIsText = isText;
    }
    m_spaced = gaps >= tight;
    return m_lineCount > 0;
}

void Parser::addEntry(const Line &title, Line &abstract)
{
    if (m_digest.entries.size() >= MaxEntries) {
        m_tooManyEntries = true;
        return;
    }
    DigestEntry entry;
    entry.title = cleaned(title.text);
    if (abstract.storage.isEmpty()) {
        entry.abstract = cleaned(abstract.text);
    } else {
        // The line's own buffer becomes the abstract: an abstract can be most
        // of the file, and a copy would double it.
        const qsizetype start = abstract.text.data() - abstract.storage.constData();
        const qsizetype size = abstract.text.size();
        entry.abstract = std::move(abstract.storage);
        abstract.storage = QString();
        abstract.text = {};
        entry.abstract.truncate(start + size);
        entry.abstract.remove(0, start);
        entry.abstract.replace(QChar(NoBreakSpace), u' ');
    }
    entry.line = title.number;
    m_digest.entries.append(std::move(entry));
}

void Parser::addSubmitter(const Line &line)
{
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
        m_yearless.push_back({m_digest.entries.size() - 1, line.number, line.month, line.day});
        return;
    }
    m_latestYear = std::max(m_latestYear, line.year);
    entry.published = QDate(line.year, line.month, line.day);
    if (!entry.published.isValid()) {
        problem(line.number, monthDay(line.month, line.day) + u", "_s + QString::number(line.year) +
                                 u" is not a real date, so the paper was imported without one."_s);
    }
}

void Parser::readBody()
{
    LineWindow window(m_reader, m_bodyStart, m_glued);
    State state = State::ExpectTitle;
    Skip skip = Skip::None;
    std::optional<Line> title;
    int firstDetail = 0; // where a run of details after a title starts
    bool seenSubmitter = false;
    bool seenDot = false;
    int lastMeta = 0; // line number, 0 when none

    for (; window.has(0); window.advance()) {
        Line &line = window.at(0);
        const Line *next = window.peek(1);
        const Line *afterNext = window.peek(2);

        if (skip != Skip::None) {
            if (isMeta(line, next))
                continue;
            if (skip == Skip::DetailsAfterTitle) {
                if (looksLikeAbstract(line.text)) {
                    problem(firstDetail, u"Paper details between a title and its abstract were "
                                         u"ignored."_s);
                } else {
                    problem(title->number,
                            quoted(title->text) + u" has no abstract, so it was not imported."_s);
                    state = State::ExpectTitle;
                }
            }
            skip = Skip::None;
        }

        if (line.kind == LineKind::Text && boilerplateKind(line.text) != Boilerplate::None) {
            continue; // a second page header pasted below the first
        }
        const bool meta = isMeta(line, next);

        if (state == State::AfterAbstract) {
            if (!meta) {
                state = State::ExpectTitle;
                lastMeta = 0;
            } else {
                const bool isSubmitter = line.kind != LineKind::Dot && line.kind != LineKind::Date;
                if ((isSubmitter && (seenSubmitter || seenDot)) ||
                    (line.kind == LineKind::Dot && seenDot)) {
                    problem(line.number,
                            u"This line repeats a detail of the paper above it and was ignored."_s);
                    continue;
                }
                m_metaEvidence = true;
                lastMeta = line.number;
                if (isSubmitter) {
                    seenSubmitter = true;
                    addSubmitter(line);
                } else if (line.kind == LineKind::Dot) {
                    seenDot = true;
                } else {
                    addDate(line);
                    state = State::ExpectTitle;
                    lastMeta = 0;
                }
                continue;
            }
        }

        if (state == State::ExpectTitle) {
            if (meta) {
                problem(line.number, u"Paper details (submitter or date) appear here without a "
                                     u"paper before them and were ignored."_s);
                skip = Skip::Details;
                continue;
            }
            if (looksLikeAbstract(line.text) && !startsAbstract(next, afterNext)) {
                problem(line.number, u"This paragraph reads like an abstract but has no title "
                                     u"before it, so it was not imported."_s);
                skip = Skip::Details; // its details go with it
                continue;
            }
            title = line;
            state = State::ExpectAbstract;
            continue;
        }

        // ExpectAbstract
        if (meta) {
            // Whether these details sit between the title and its abstract
            // is known at the first line after them.
            firstDetail = line.number;
            skip = Skip::DetailsAfterTitle;
            continue;
        }
        if (cannotBeAbstract(line.text) ||
            (looksLikeTitle(line.text) && startsAbstract(next, afterNext))) {
            problem(title->number,
                    quoted(title->text) + u" has no abstract, so it was not imported."_s);
            title = line;
            continue;
        }
        addEntry(*title, line);
        if (m_tooManyEntries)
            return;
        state = State::AfterAbstract;
        seenSubmitter = false;
        seenDot = false;
    }

    if (skip == Skip::DetailsAfterTitle) {
        problem(title->number,
                quoted(title->text) + u" has no abstract, so it was not imported."_s);
        state = State::ExpectTitle;
    }
    if (state == State::ExpectAbstract) {
        problem(title->number, quoted(title->text) +
                                   u" at the end of the file has no abstract (the file seems "
                                   u"to be cut off), so it was not imported."_s);
    } else if (state == State::AfterAbstract && lastMeta > 0) {
        problem(lastMeta, u"The details of "_s + quoted(m_digest.entries.last().title) +
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
            d.dateCertainty = DateCertainty::Undated;
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
            d.dateCertainty = DateCertainty::Undated;
            d.captureYear = fallback.year() > m_latestYear ? fallback.year() : 0;
        }
    }

    if (m_headerDate && !d.date.isValid() && d.captureYear != 0) {
        problem(m_headerDate->number,
                monthDay(m_headerDate->month, m_headerDate->day) + u" is not a real date in "_s +
                    QString::number(d.captureYear) + u", so the digest has no date."_s);
        d.dateCertainty = DateCertainty::Unknown;
    }

    if (d.captureYear == 0)
        return; // year-less entry dates stay unknown, their upvotes still count
    for (const PendingDate &pending : m_yearless) {
        const QDate date(d.captureYear, pending.month, pending.day);
        if (date.isValid()) {
            d.entries[pending.entry].published = date;
        } else {
            problem(pending.number, monthDay(pending.month, pending.day) +
                                        u" is not a real date in "_s +
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
            return DigestParser::tr("does not look like a paper digest: it has none of the "
                                    "page's header lines or paper details, and its paragraphs "
                                    "do not pair up as titles and abstracts");
        }
        return {};
    }
    if (!d.entries.isEmpty())
        return {};
    if (d.problems.isEmpty()) {
        return DigestParser::tr("has the header of a Daily Papers page but no papers; the page "
                                "was probably saved before it finished loading");
    }
    const ParseProblem &first = d.problems.first();
    QString message = first.message;
    if (message.endsWith(u'.'))
        message.chop(1);
    return DigestParser::tr("has no complete paper in it; the first problem is on line %1: %2")
        .arg(QString::number(first.line), message);
}

Outcome Parser::run()
{
    Outcome result;
    if (!scan()) {
        result.error = DigestParser::tr("contains only white space");
        return result;
    }
    // "Save page as... Web page" is an easy mistake; say so rather than
    // reporting that tags do not pair up as papers.
    if (m_startsAsHtml) {
        result.error = DigestParser::tr("is a web page (HTML), not a text digest; save the page "
                                        "as text instead, or copy its text into a file");
        return result;
    }
    readBody();
    if (m_tooManyEntries) {
        result.error = DigestParser::tr("has more than %1 papers, far more than a day's digest; "
                                        "split it into one file per day")
                           .arg(MaxEntries);
        return result;
    }
    resolveDates();

    Digest &d = m_digest;
    const bool anyMeta =
        std::any_of(d.entries.cbegin(), d.entries.cend(), [](const DigestEntry &e) {
            return e.submitter.kind != Submitter::Kind::None || e.published.isValid() ||
                   e.upvotes.value_or(0) > 0;
        });
    if (anyMeta || m_metaEvidence)
        d.layout = DigestLayout::Detailed;
    else
        d.layout = m_spaced ? DigestLayout::Spaced : DigestLayout::Compact;

    std::stable_sort(d.problems.begin(), d.problems.end(),
                     [](const ParseProblem &a, const ParseProblem &b) { return a.line < b.line; });
    result.error = rejection();
    if (m_moreProblems > 0) {
        d.problems.append(ParseProblem{0, u"… and "_s + QString::number(m_moreProblems) +
                                              u" more problems like the ones above, not listed "
                                              u"one by one."_s});
    }
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

Outcome failure(const QString &error)
{
    Outcome result;
    result.error = error;
    return result;
}

Outcome parseUtf16(QStringView text, const ParseOptions &options)
{
    if (looksBinary(text.utf16(), text.size()))
        return failure(DigestParser::tr("is a binary file, not a text digest"));
    if (!text.isEmpty() && text.front() == QChar(ByteOrderMark))
        text = text.sliced(1);
    if (text.isEmpty())
        return failure(DigestParser::tr("is empty"));
    return Parser(LineReader(text), options).run();
}

Outcome parseBytes(QByteArrayView data, const ParseOptions &options)
{
    if (data.isEmpty())
        return failure(DigestParser::tr("is empty"));

    const auto *bytes = reinterpret_cast<const uchar *>(data.data());
    const bool utf16le = data.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE;
    const bool utf16be = data.size() >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF;
    if (utf16le || utf16be) {
        QStringDecoder decoder(utf16le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                               QStringConverter::Flag::Stateless);
        const QString text = decoder.decode(data.sliced(2));
        if (decoder.hasError())
            return failure(
                DigestParser::tr("is not valid UTF-16 text, although it starts like it"));
        return parseUtf16(QStringView(text), options);
    }

    // A byte-order mark, and a second one behind it as a careless editor
    // writes them, are not part of the text.
    for (int i = 0; i < 2 && data.size() >= 3 && data.startsWith("\xEF\xBB\xBF"); ++i)
        data = data.sliced(3);
    if (looksBinary(reinterpret_cast<const uchar *>(data.data()), data.size()))
        return failure(DigestParser::tr("is a binary file, not a text digest"));
    if (data.isEmpty())
        return failure(DigestParser::tr("is empty"));

    // Checked as a whole, without decoding: the parser decodes one line at a
    // time, so the text never exists both as bytes and as a QString.
    const qsizetype bad =
        firstInvalidUtf8(reinterpret_cast<const uchar *>(data.data()), data.size());
    if (bad >= 0) {
        return failure(DigestParser::tr("is not valid UTF-8 text: line %1 has bytes in another "
                                        "encoding (save the page again as UTF-8)")
                           .arg(lineOfOffset(data.data(), bad)));
    }
    return Parser(LineReader(data), options).run();
}

} // namespace

std::optional<Digest> DigestParser::parse(QByteArrayView data)
{
    Outcome outcome = parseBytes(data, m_options);
    return finish(outcome.ok, std::move(outcome.error), std::move(outcome.digest));
}

std::optional<Digest> DigestParser::parse(QStringView text)
{
    Outcome outcome = parseUtf16(text, m_options);
    return finish(outcome.ok, std::move(outcome.error), std::move(outcome.digest));
}

std::optional<Digest> DigestParser::finish(bool ok, QString error, Digest digest)
{
    if (ok) {
        m_error.clear();
        m_problems.clear();
        return digest;
    }
    m_error = std::move(error);
    m_problems = std::move(digest.problems);
    return std::nullopt;
}

} // namespace gleaner
