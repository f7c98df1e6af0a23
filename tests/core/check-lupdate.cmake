# ctest i18n.lupdate: the catalogues in translations/ hold what lupdate
# finds in the sources today. lupdate runs over a scratch copy of each with
# the options of the update_translations target, and must find no new
# message, drop no old one and warn of no tr() it cannot place (a file-local
# tr() helper files its messages under the wrong context). When it fails:
# cmake --build BUILD --target update_translations, then give any new %n
# message its plural forms in gleaner_en.ts (README.md, "Translations").
#
#   cmake -DLUPDATE=... -DSOURCES_LIST=... -DOPTIONS="..." -DTS_DIR=... -DTS_FILES="..."
#         -DWORK=... -P check-lupdate.cmake
separate_arguments(options UNIX_COMMAND "${OPTIONS}")

# lupdate reads "\u201cFor" as one escape of five hex digits, so the
# catalogue's text differs from the program's and is never used: a \uXXXX
# followed by a hex digit must end its literal ("\u201c" "For").
file(STRINGS "${SOURCES_LIST}" listed)
foreach(source IN LISTS listed)
    if(source MATCHES "^-" OR NOT EXISTS "${source}")
        continue()
    endif()
    file(STRINGS "${source}" escaped REGEX "\\\\u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]")
    if(escaped)
        message(SEND_ERROR "${source}: a \\u escape followed by a hex digit, which lupdate "
                           "misreads: end the literal after the escape\n${escaped}")
    endif()
endforeach()
separate_arguments(ts_files UNIX_COMMAND "${TS_FILES}")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(failed FALSE)
foreach(name IN LISTS ts_files)
    set(copy "${WORK}/${name}")
    file(COPY_FILE "${TS_DIR}/${name}" "${copy}")
    execute_process(COMMAND "${LUPDATE}" ${options} "@${SOURCES_LIST}" -ts "${copy}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    message("${out}${err}")
    file(READ "${TS_DIR}/${name}" before)
    file(READ "${copy}" after)
    string(REGEX MATCHALL "numerus=\"yes\"" numerus_before "${before}")
    string(REGEX MATCHALL "numerus=\"yes\"" numerus_after "${after}")
    if(NOT rc EQUAL 0)
        message(SEND_ERROR "${name}: lupdate failed (${rc})")
    elseif(NOT out MATCHES "\\(0 new and")
        message(SEND_ERROR "${name}: the sources have messages the catalogue lacks")
    elseif(out MATCHES "Removed [0-9]+ obsolete")
        message(SEND_ERROR "${name}: the catalogue has messages the sources no longer have")
    elseif(NOT numerus_before STREQUAL numerus_after)
        message(SEND_ERROR "${name}: a message became a %n message or stopped being one")
    elseif(NOT err STREQUAL "")
        message(SEND_ERROR "${name}: lupdate warns about the sources (above)")
    endif()
endforeach()
