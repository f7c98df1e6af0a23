#include "libraryevents.h"

namespace gleaner {

LibraryEvents::LibraryEvents(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<CountDelta>();
}

} // namespace gleaner
