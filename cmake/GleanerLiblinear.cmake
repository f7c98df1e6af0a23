# Locates liblinear (Debian's liblinear-dev, 2.3 on Debian 12 and 13), which
# trains the "For you" models in core/rank. Debian ships no CMake or
# pkg-config file for it, so the header and the library are found by name.
# Sets GLEANER_LIBLINEAR_INCLUDE_DIR and GLEANER_LIBLINEAR_LIBRARY.
find_path(GLEANER_LIBLINEAR_INCLUDE_DIR
    NAMES linear.h
    PATH_SUFFIXES liblinear
    DOC "Folder holding liblinear's linear.h")
find_library(GLEANER_LIBLINEAR_LIBRARY
    NAMES linear
    DOC "liblinear's shared library")
if(NOT GLEANER_LIBLINEAR_INCLUDE_DIR OR NOT GLEANER_LIBLINEAR_LIBRARY)
    message(FATAL_ERROR "liblinear was not found; install liblinear-dev (packaging/install-deps does).")
endif()
file(STRINGS "${GLEANER_LIBLINEAR_INCLUDE_DIR}/linear.h" _liblinear_version
    REGEX "^#define LIBLINEAR_VERSION [0-9]+")
string(REGEX REPLACE ".* ([0-9]+)$" "\\1" _liblinear_version "${_liblinear_version}")
message(STATUS "Gleaner liblinear: ${GLEANER_LIBLINEAR_LIBRARY} (version ${_liblinear_version})")
