// Correcting a digest's date and removing a digest (or the sample digests)
// from the sidebar, each behind its dialog; the change is announced as digestsChanged().
#pragma once

#include <QtGlobal>

namespace gleaner {

class ActionContext;

void redateDigest(const ActionContext &context, qint64 id);
void removeDigest(const ActionContext &context, qint64 id);
// Every sample digest (Try Sample Digests) at once, after a confirmation.
void removeSampleDigests(const ActionContext &context);

} // namespace gleaner
