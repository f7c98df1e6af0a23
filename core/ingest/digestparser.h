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
#include <QDate>
#include <QString>
#include <QStringView>

namespace gleaner {

struct ParseOptions
{
    // The file's modification date. Used only when the digest itself carries
    // no evidence of the year it was saved in (see "Dates and years").
    QDate fallbackDate;
};

struct ParseResult
{
    bool ok = false;
    // Why the text is not a digest, as the end of a sentence whose subject is
    // the file ("is empty", "is a binary file, not a text digest"); the
    // importer puts the file name in front. Empty when ok.
    QString error;
    // When !ok it holds no entries (nothing from a rejected text may be
    // imported by accident), but keeps the problems that explain why a page
    // with a digest's header yielded no paper.
    Digest digest;
};

// Decodes raw file content (UTF-8 with or without a byte-order mark; UTF-16
// with a byte-order mark is accepted too, as Windows editors write it) and
// parses it. Binary content and invalid UTF-8 are refused with a reason that
// names the first bad line.
[[nodiscard]] ParseResult parseDigest(QByteArrayView data, const ParseOptions &options = {});

// Parses already decoded text. A leading U+FEFF is ignored.
[[nodiscard]] ParseResult parseDigest(QStringView text, const ParseOptions &options = {});

} // namespace gleaner
