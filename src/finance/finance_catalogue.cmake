# The mechanisms catalogue, readiness and matching (docs/finance.md ("Mechanisms, readiness and matching")).
list(APPEND ECOSOL_FINANCE_SOURCES
  assessment.cc
  catalogue_util.cc
  funders.cc
  matching.cc
  mechanisms.cc
  readiness.cc
  requests.cc
  suitability.cc)
list(APPEND ECOSOL_FINANCE_TESTS
  matching_test.cc
  mechanisms_test.cc
  readiness_test.cc
  requests_test.cc)
