# ecosol_module(NAME SOURCES a.cc b.cc TESTS a_test.cc DEPS other_module PUBLIC_LIBS lib PRIVATE_LIBS lib)
#
# Creates the static library ecosol_<NAME> from the module's sources, with
# src/<NAME>/include as its only public include directory, and (when tests are built) one test
# binary ecosol_<NAME>_test registered with CTest through gtest_discover_tests.
function(ecosol_module name)
  cmake_parse_arguments(M "" "" "SOURCES;TESTS;DEPS;PUBLIC_LIBS;PRIVATE_LIBS;TEST_LIBS" ${ARGN})
  set(target ecosol_${name})
  add_library(${target} STATIC ${M_SOURCES})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
                                       PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  foreach(dep IN LISTS M_DEPS)
    target_link_libraries(${target} PUBLIC ecosol_${dep})
  endforeach()
  target_link_libraries(${target} PUBLIC ${M_PUBLIC_LIBS} PRIVATE ${M_PRIVATE_LIBS})
  ecosol_apply_warnings(${target})
  if(ECOSOL_BUILD_TESTS AND M_TESTS)
    add_executable(${target}_test ${M_TESTS})
    target_include_directories(${target}_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    # ecosol_test_paths (tests/support/test_paths.h) tells where the checkout is.
    target_link_libraries(${target}_test PRIVATE ${target} ${M_TEST_LIBS} ecosol_test_paths
                                                 GTest::gtest GTest::gtest_main GTest::gmock)
    ecosol_apply_warnings(${target}_test)
    gtest_discover_tests(${target}_test DISCOVERY_TIMEOUT 60 PROPERTIES LABELS ${name})
  endif()
endfunction()
