# The impact export (docs/finance.md, "Impact export"; issue 8 point 7): indicators of the loan
# book, the funds and the readiness assessments as CSV and as JSON-LD aligned with CIDS and IRIS+.
# A pure engine over the JSON views of the other parts; it links no other part's code.
list(APPEND ECOSOL_FINANCE_SOURCES impact.cc impact_json.cc)
list(APPEND ECOSOL_FINANCE_TESTS impact_test.cc)
