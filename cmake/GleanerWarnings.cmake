# gleaner_set_warnings(target): the project's warning set, as errors when
# GLEANER_WARNINGS_AS_ERRORS is on (the ci preset).
function(gleaner_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
        -Wimplicit-fallthrough -Wcast-qual -Wformat=2 -Wmissing-declarations)
    if(GLEANER_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
