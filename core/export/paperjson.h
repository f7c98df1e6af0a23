// The JSON form of papers and digests, shared by `gleaner-cli --json` and the
// JSON export so that scripts see one shape everywhere.
#pragma once

#include "model/libraryinfo.h"
#include "model/paper.h"
#include "model/snippet.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gleaner {

// id, title, abstract, submitter ({"authors": N}, {"org": "..."} or null),
// published (YYYY-MM-DD or null), upvotes (null when no digest showed a
// count), new_in (the id of the digest where it was first seen) and
// first_seen (that digest's date), starred, read, dismissed ("Not
// interested"), tags, note (or null),
// note_changed, digests [{date, source, position, upvotes or null}].
QJsonObject paperToJson(const Paper &paper);
// {"text": "...", "highlights": [[start, length], ...]}: where a search's
// words matched (`search --json` adds it to a paper as "snippet"). Offsets
// count Unicode code points, as most languages index strings, not UTF-16.
QJsonObject snippetToJson(const Snippet &snippet);
QJsonObject digestToJson(const DigestInfo &digest);
QJsonObject statsToJson(const LibraryStats &stats);

} // namespace gleaner
