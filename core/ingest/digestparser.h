// Turns the text of a saved "Daily Papers" page into a Digest. Pure: no I/O,
// no logging, no global state, so the importer can run it on a worker thread
// and the tests can feed it anything. The format, its three layouts and its
// quirks are described in docs/digest-format.md.
//
// The parser is deliberately forgiving about presentation (CRLF, BOM,
// non-breaking spaces, boilerplate in any order, missing metadata) and strict
// about substance: a line it cannot place is reported as a ParseProblem and
// never becomes a paper, and a text with no papers at all is refused.
#pragma once

#include "model/digest.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace gleaner {

struct ParseOptions
{
    // The file's modification date. Used only when the digest itself carries
    // no evidence of the year it was saved in (see "Dates and years").
    QDate fallbackDate;
};

// One parser, reused for as many texts as needed; errorString() and
// problems() describe the last text it refused.
class DigestParser final
{
    Q_DECLARE_TR_FUNCTIONS(DigestParser)

public:
    explicit DigestParser(const ParseOptions &options = {})
        : m_options(options)
    {}

    // Decodes raw file content (UTF-8 with or without a byte-order mark;
    // UTF-16 with a byte-order mark is accepted too, as Windows editors write
    // it) and parses it. Binary content and invalid UTF-8 are refused with a
    // reason that names the first bad line. std::nullopt when the text is not
    // a digest: nothing from a refused text may be imported by accident.
    [[nodiscard]] std::optional<Digest> parse(QByteArrayView data);
    // Parses already decoded text. A leading U+FEFF is ignored.
    [[nodiscard]] std::optional<Digest> parse(QStringView text);

    // Why the last text is not a digest, as the end of a sentence whose
    // subject is the file ("is empty", "is a binary file, not a text
    // digest"); the importer puts the file name in front. Empty after a
    // success.
    QString errorString() const { return m_error; }
    // The problems that explain why the last text, which had a digest's
    // header, yielded no paper; empty after a success.
    const QList<ParseProblem> &problems() const { return m_problems; }

private:
    std::optional<Digest> finish(bool ok, QString error, Digest digest);

    ParseOptions m_options;
    QString m_error;
    QList<ParseProblem> m_problems;
};

} // namespace gleaner
