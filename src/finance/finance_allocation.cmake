# Allocation of a fund by mixed-integer programming with CBC (docs/finance.md, "Allocation").
# Debian's coinor-libcbc-dev ships cbc.pc; its C interface (Cbc_C_Interface.h) is used.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CBC REQUIRED IMPORTED_TARGET cbc)
list(APPEND ECOSOL_FINANCE_SOURCES allocation.cc allocation_rules.cc allocation_greedy.cc
     allocation_solver.cc allocation_json.cc)
list(APPEND ECOSOL_FINANCE_TESTS allocation_test.cc allocation_json_test.cc)
list(APPEND ECOSOL_FINANCE_LIBS PkgConfig::CBC)
