// The parser's answer as one value, so that the parser tests read as
// "parse, then look at ok, error and digest". Test code only.
#pragma once

#include "ingest/digestparser.h"

namespace gleaner::test {

struct ParseResult
{
    bool ok = false;
    QString error;
    Digest digest; // without entries when !ok, but with the problems that explain it
};

template <typename Input>
ParseResult parseDigest(Input input, const ParseOptions &options = {})
{
    DigestParser parser(options);
    std::optional<Digest> digest = parser.parse(input);
    ParseResult result;
    result.ok = digest.has_value();
    result.error = parser.errorString();
    if (digest)
        result.digest = std::move(*digest);
    else
        result.digest.problems = parser.problems();
    return result;
}

} // namespace gleaner::test
