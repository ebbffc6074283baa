# Participatory processes over the store (service.h): processes, items, decisions, sortition,
# the decision log and its verification.
list(APPEND ECOSOL_PARTICIPATION_SOURCES service.cc)
list(APPEND ECOSOL_PARTICIPATION_TESTS service_test.cc)
