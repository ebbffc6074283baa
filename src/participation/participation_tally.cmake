# The tally of every method (tally.h): colleges, then the method, then quorum and decision.
list(APPEND ECOSOL_PARTICIPATION_SOURCES tally.cc)
list(APPEND ECOSOL_PARTICIPATION_TESTS tally_test.cc)
