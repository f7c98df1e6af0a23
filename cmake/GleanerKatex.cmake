# Locates KaTeX from the system (Debian's libjs-katex) so the reader pane can
# typeset math offline. Sets GLEANER_KATEX_DIR.
find_path(GLEANER_KATEX_DIR
    NAMES katex.min.js
    PATHS /usr/share/javascript/katex /usr/share/katex /usr/local/share/javascript/katex
    NO_DEFAULT_PATH
    DOC "Folder holding katex.min.js, katex.min.css and fonts/")
if(NOT GLEANER_KATEX_DIR)
    message(FATAL_ERROR "KaTeX was not found; install libjs-katex (packaging/install-deps does).")
endif()
file(GLOB GLEANER_KATEX_FONTS "${GLEANER_KATEX_DIR}/fonts/*.woff2")
list(LENGTH GLEANER_KATEX_FONTS _fonts)
if(_fonts EQUAL 0)
    message(FATAL_ERROR "KaTeX at ${GLEANER_KATEX_DIR} has no woff2 fonts.")
endif()
message(STATUS "Gleaner KaTeX: ${GLEANER_KATEX_DIR} (${_fonts} fonts)")
