# The curated warning set of the house style, applied to our own targets only (never to
# third-party headers, which are included as SYSTEM).
set(ECOSOL_WARNINGS
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wold-style-cast -Wnon-virtual-dtor
    -Woverloaded-virtual)
# GCC only: clang 14 does not know it and would report -Wunknown-warning-option.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  list(APPEND ECOSOL_WARNINGS -Wduplicated-cond)
endif()

# GCC 12 reports false -Wrestrict and -Wmaybe-uninitialized errors inside std::string and
# std::variant at -O3 (GCC bugs 105329 and 105562); both stay on for other compilers and for
# debug builds.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  list(APPEND ECOSOL_WARNINGS -Wno-restrict $<$<NOT:$<CONFIG:Debug>>:-Wno-maybe-uninitialized>)
endif()

function(ecosol_apply_warnings target)
  target_compile_options(${target} PRIVATE ${ECOSOL_WARNINGS})
  set_target_properties(${target} PROPERTIES COMPILE_WARNING_AS_ERROR ON)
  if(ECOSOL_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=undefined
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
