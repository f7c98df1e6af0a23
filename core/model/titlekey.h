// A paper's identity. The same paper reaches us through many digests, saved
// by different browsers and pasted through different tools, so its title can
// differ in case, compatibility characters (ligatures, full-width forms) and
// white space while still naming one paper. titleKey() folds those away; two
// titles name the same paper exactly when their keys are equal.
#pragma once

#include <QString>
#include <QStringView>

namespace gleaner {

// Unicode NFKC, case folding, runs of white space (NBSP and tabs included)
// collapsed to one space, trimmed. Idempotent: titleKey(titleKey(t)) ==
// titleKey(t). The result is stored in the library, so changing this
// function needs a schema migration that recomputes every key.
[[nodiscard]] QString titleKey(QStringView title);

// A 64-bit FNV-1a hash of a key's UTF-16 code units, stored next to the key
// so the library can index 8 bytes instead of the whole key. Stored, so it
// must never change.
[[nodiscard]] qint64 titleKeyHash(QStringView key);

} // namespace gleaner
