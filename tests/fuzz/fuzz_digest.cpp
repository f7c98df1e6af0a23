// The digest parser on arbitrary bytes: it never crashes, and it keeps the
// promise of digestparser.h: a refused text carries a reason and no entry, an
// accepted one has entries, each with a title.
#include "fuzzsupport.h"
#include "ingest/digestparser.h"

using namespace gleaner;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    return 0;
}

namespace {

void checkResult(const DigestParser &parser, const std::optional<Digest> &digest, const char *path)
{
    if (!digest) {
        fuzz::check(!parser.errorString().isEmpty(), "a refused text has no reason",
                    QString::fromUtf8(path));
        return;
    }
    fuzz::check(parser.errorString().isEmpty(), "an accepted text has an error",
                parser.errorString());
    fuzz::check(parser.problems().isEmpty(), "an accepted text keeps the refusal's problems",
                QString::fromUtf8(path));
    fuzz::check(!digest->entries.isEmpty(), "an accepted text has no entry",
                QString::fromUtf8(path));
    for (const DigestEntry &entry : digest->entries)
        fuzz::check(!entry.title.trimmed().isEmpty(), "an entry without a title",
                    QString::fromUtf8(path));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ParseOptions options;
    options.fallbackDate = QDate(2026, 5, 1);
    DigestParser parser(options);
    const std::optional<Digest> fromBytes = parser.parse(bytes);
    checkResult(parser, fromBytes, "bytes");
    // The decoded path too, with whatever the bytes decode to (invalid UTF-8
    // becomes U+FFFD), so text the byte path refuses still reaches the parser.
    const std::optional<Digest> fromText = parser.parse(QStringView(QString::fromUtf8(bytes)));
    checkResult(parser, fromText, "text");
    return 0;
}
