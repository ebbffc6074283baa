# The loan book (docs/finance.md, "Loan book"): repayment schedules, repayments and arrears,
# restructuring and write-offs, portfolio at risk, guarantee funds and co-op share withdrawals.
list(APPEND ECOSOL_FINANCE_SOURCES
     loan_schedule.cc loan_schedule_json.cc loan_json_util.cc loan_book.cc loan_book_json.cc
     guarantee_fund.cc guarantee_fund_json.cc share_capital.cc share_capital_json.cc)
list(APPEND ECOSOL_FINANCE_TESTS
     loan_schedule_test.cc loan_book_test.cc loan_par_test.cc guarantee_fund_test.cc
     share_capital_test.cc)
