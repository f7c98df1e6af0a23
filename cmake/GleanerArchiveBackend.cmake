# Chooses the archive backend of gleaner-core: KArchive (KF6) where the
# platform has it, libarchive otherwise. Sets GLEANER_ARCHIVE_LIBS and
# GLEANER_ARCHIVE_BACKEND_USED.
set(_backend "${GLEANER_ARCHIVE_BACKEND}")
if(_backend STREQUAL "auto" OR _backend STREQUAL "karchive")
    find_package(KF6Archive QUIET)
    if(KF6Archive_FOUND)
        set(_backend "karchive")
    elseif(_backend STREQUAL "karchive")
        message(FATAL_ERROR "GLEANER_ARCHIVE_BACKEND=karchive, but KF6Archive was not found "
                            "(install libkf6archive-dev, or use libarchive).")
    else()
        set(_backend "libarchive")
    endif()
endif()

if(_backend STREQUAL "karchive")
    set(GLEANER_ARCHIVE_LIBS KF6::Archive)
    set(GLEANER_ARCHIVE_BACKEND_USED "karchive")
    set(_detail "KF6 KArchive ${KF6Archive_VERSION}")
elseif(_backend STREQUAL "libarchive")
    find_package(LibArchive REQUIRED)
    set(GLEANER_ARCHIVE_LIBS LibArchive::LibArchive)
    set(GLEANER_ARCHIVE_BACKEND_USED "libarchive")
    set(_detail "libarchive ${LibArchive_VERSION}")
else()
    message(FATAL_ERROR "Unknown GLEANER_ARCHIVE_BACKEND '${GLEANER_ARCHIVE_BACKEND}' "
                        "(expected auto, karchive or libarchive).")
endif()
message(STATUS "Gleaner archive backend: ${GLEANER_ARCHIVE_BACKEND_USED} (${_detail})")
