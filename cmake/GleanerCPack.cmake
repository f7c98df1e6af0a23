# CPack: `cpack -G DEB` in the build folder makes an installable package whose
# dependencies dpkg-shlibdeps works out from the binaries.
set(CPACK_PACKAGE_NAME "gleaner")
set(CPACK_PACKAGE_VENDOR "Gleaner")
set(CPACK_PACKAGE_CONTACT "Gleaner developers <gleaner@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Gleaner turns daily research-paper digests saved as text into a searchable, "
    "annotatable library on your laptop, and exports reading lists.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Fonts the reader page falls back on; the SVG icon needs Qt's SVG plugin;
# liblinear trains the "For you" models (shlibdeps finds it too, but it is
# named so a build without dpkg-shlibdeps still says it).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-svg-plugins | libqt6svg6, fonts-dejavu-core, liblinear4")
set(CPACK_GENERATOR "DEB")
include(CPack)
