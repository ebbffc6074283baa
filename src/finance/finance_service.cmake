# The service (docs/finance.md, "Service"): finance documents as versioned store records,
# checked by the engines, and the views of an organisation, a fund, its allocation and the loan
# book. Needs every other part.
list(APPEND ECOSOL_FINANCE_SOURCES service.cc)
list(APPEND ECOSOL_FINANCE_TESTS service_test.cc)
