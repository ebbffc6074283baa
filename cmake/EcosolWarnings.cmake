# The curated warning set of the house style, applied to our own targets only (never to
# third-party headers, which are included as SYSTEM).
set(ECOSOL_WARNINGS
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wold-style-cast -Wnon-virtual-dtor
    -Woverloaded-virtual -Wduplicated-cond)

function(ecosol_apply_warnings target)
  target_compile_options(${target} PRIVATE ${ECOSOL_WARNINGS})
  set_target_properties(${target} PROPERTIES COMPILE_WARNING_AS_ERROR ON)
  if(ECOSOL_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
