# Funds and capital stacks, the loss waterfall, leverage and match-funding rules
# (docs/finance.md ("Funds, capital stacks and match funding"); issue 8 point 4).
list(APPEND ECOSOL_FINANCE_SOURCES fund_amounts.cc fund.cc fund_waterfall.cc fund_json.cc
     match.cc match_json.cc)
list(APPEND ECOSOL_FINANCE_TESTS fund_test.cc match_test.cc)
