#include "ecosol/finance/loan_book.h"

#include <gtest/gtest.h>

namespace ecosol::finance {
namespace {

using nlohmann::json;

LoanDate Day(const char* text) {
  auto d = ParseLoanDate(text, "test");
  EXPECT_TRUE(d.ok()) << d.status().message();
  return d.ok() ? *d : LoanDate{};
}

// 12,000.00 at 12% a year, monthly annuity over 12 months (loan_schedule_test.cc has its table:
// 1,066.19 a month; balance after instalment 1: 11,053.81, 2: 10,098.16, 4: 8,158.09,
// 5: 7,173.48).
json Terms(const char* disbursed_on, std::int64_t late_fee = 0) {
  json terms = {{"principal", 1200000},   {"annual_rate", 0.12}, {"method", "annuity"},
                {"frequency", "monthly"}, {"periods", 12},       {"disbursed_on", disbursed_on}};
  if (late_fee != 0) terms["late_fee"] = late_fee;
  return terms;
}

json Pay(const char* date, std::int64_t amount) { return {{"date", date}, {"amount", amount}}; }

Loan Parsed(const json& doc) {
  auto loan = ParseLoan(doc, "loan");
  EXPECT_TRUE(loan.ok()) << loan.status().message();
  return loan.ok() ? std::move(*loan) : Loan{};
}

LoanPosition At(const Loan& loan, const char* date) {
  auto pos = LoanPositionAt(loan, Day(date));
  EXPECT_TRUE(pos.ok()) << pos.status().message();
  return pos.ok() ? std::move(*pos) : LoanPosition{};
}

std::string ErrorAt(const json& doc, const char* date) {
  auto loan = ParseLoan(doc, "loan");
  if (!loan.ok()) return loan.status().message();
  auto pos = LoanPositionAt(*loan, Day(date));
  EXPECT_FALSE(pos.ok());
  return pos.ok() ? "" : pos.status().message();
}

// Instalment 1 (1,066.19 due 15 Feb) paid on time. 500.00 paid on 20 March for instalment 2
// (due 15 March: 955.65 principal + 110.54 interest), 5 days late so the 5.00 late fee is
// charged: 5.00 fee, then 110.54 interest, then 384.46 principal; 571.19 principal stays due.
TEST(LoanBookTest, PaymentGoesToFeeThenInterestThenPrincipal) {
  Loan loan = Parsed({{"id", "L1"},
                      {"terms", Terms("2026-01-15", 500)},
                      {"payments", {Pay("2026-02-15", 106619), Pay("2026-03-20", 50000)}}});
  LoanPosition pos = At(loan, "2026-03-31");
  const auto& rows = pos.phases[0].instalments;
  EXPECT_EQ(rows[0].late_fee, 0);
  ASSERT_TRUE(rows[0].paid_in_full_on.has_value());
  EXPECT_EQ(FormatLoanDate(*rows[0].paid_in_full_on), "2026-02-15");
  EXPECT_EQ(rows[1].late_fee, 500);
  EXPECT_EQ(rows[1].late_fee_paid, 500);
  EXPECT_EQ(rows[1].interest_paid, 11054);
  EXPECT_EQ(rows[1].principal_paid, 38446);
  EXPECT_FALSE(rows[1].paid_in_full_on.has_value());
  EXPECT_EQ(rows[1].overdue, 57119);
  EXPECT_EQ(rows[1].days_late, 16);  // 31 March - 15 March
  EXPECT_EQ(pos.outstanding_principal, 1200000 - 94619 - 38446);
  EXPECT_EQ(pos.overdue_principal, 57119);
  EXPECT_EQ(pos.overdue_interest, 0);
  EXPECT_EQ(pos.days_in_arrears, 16);
}

// On 20 April instalment 3 (965.21 + 100.98, due 15 April) is 5 days late and charged its fee;
// instalment 2 is 36 days late; the loan's days in arrears are those of the oldest.
TEST(LoanBookTest, ArrearsPerInstalment) {
  Loan loan = Parsed({{"id", "L1"},
                      {"terms", Terms("2026-01-15", 500)},
                      {"payments", {Pay("2026-02-15", 106619), Pay("2026-03-20", 50000)}}});
  LoanPosition pos = At(loan, "2026-04-20");
  const auto& rows = pos.phases[0].instalments;
  EXPECT_EQ(rows[1].days_late, 36);
  EXPECT_EQ(rows[2].days_late, 5);
  EXPECT_EQ(rows[2].overdue, 96521 + 10098 + 500);
  EXPECT_EQ(rows[3].days_late, 0);
  EXPECT_EQ(pos.overdue_principal, 57119 + 96521);
  EXPECT_EQ(pos.overdue_interest, 10098);
  EXPECT_EQ(pos.overdue_late_fees, 500);
  EXPECT_EQ(pos.days_in_arrears, 36);
}

// An instalment due on day d is not late on d, 1 day late on d + 1; 15 Feb to 17 March is 30
// days (February 2026 has 28).
TEST(LoanBookTest, DaysLateCountFromTheDayAfterTheDueDate) {
  Loan loan = Parsed({{"id", "L1"}, {"terms", Terms("2026-01-15")}});
  EXPECT_EQ(At(loan, "2026-02-15").days_in_arrears, 0);
  EXPECT_EQ(At(loan, "2026-02-15").overdue_principal, 0);
  EXPECT_EQ(At(loan, "2026-02-16").days_in_arrears, 1);
  EXPECT_EQ(At(loan, "2026-03-17").days_in_arrears, 30);
  EXPECT_EQ(At(loan, "2026-01-10").outstanding_principal, 0);  // not yet disbursed
}

// 3,000.00 on 10 Feb pays instalments 1 and 2 in full and 100.98 interest + 766.64 principal of
// instalment 3 in advance.
TEST(LoanBookTest, PrepaymentGoesToTheNextInstalments) {
  Loan loan = Parsed({{"id", "L1"},
                      {"terms", Terms("2026-01-15")},
                      {"payments", json::array({Pay("2026-02-10", 300000)})}});
  LoanPosition pos = At(loan, "2026-03-31");
  const auto& rows = pos.phases[0].instalments;
  EXPECT_EQ(FormatLoanDate(*rows[1].paid_in_full_on), "2026-02-10");
  EXPECT_EQ(rows[2].interest_paid, 10098);
  EXPECT_EQ(rows[2].principal_paid, 76664);
  EXPECT_EQ(pos.days_in_arrears, 0);
  EXPECT_EQ(pos.outstanding_principal, 1200000 - 94619 - 95565 - 76664);
}

// Nothing paid; restructured on 1 April: the 12,000.00 principal plus the unpaid interest of
// the instalments due on 15 Feb and 15 March (120.00 + 110.54) become a new principal of
// 12,230.54 over 12 months from 1 April: 12230.54 x 0.01 / (1 - 1.01^-12) = 1,086.67.
TEST(LoanBookTest, RestructuringStartsANewScheduleAndKeepsHistory) {
  json restructuring = {
      {"date", "2026-04-01"},
      {"terms",
       {{"annual_rate", 0.12}, {"method", "annuity"}, {"frequency", "monthly"}, {"periods", 12}}}};
  Loan loan = Parsed({{"id", "R1"},
                      {"terms", Terms("2026-01-15")},
                      {"restructurings", {restructuring}},
                      {"payments", json::array({Pay("2026-05-01", 108667)})}});
  EXPECT_EQ(At(loan, "2026-03-31").days_in_arrears, 44);  // before: 15 Feb is 44 days back
  LoanPosition pos = At(loan, "2026-05-15");
  ASSERT_EQ(pos.phases.size(), 2u);
  EXPECT_TRUE(pos.restructured);
  EXPECT_EQ(pos.phases[0].instalments[0].interest_paid, 0);  // history kept as it was
  EXPECT_EQ(pos.phases[1].capitalised_arrears, 23054);
  EXPECT_EQ(pos.phases[1].schedule.terms.principal, 1223054);
  EXPECT_EQ(pos.phases[1].schedule.regular_instalment, 108667);
  EXPECT_EQ(FormatLoanDate(pos.phases[1].instalments[0].due.due_on), "2026-05-01");
  EXPECT_EQ(pos.days_in_arrears, 0);
  EXPECT_EQ(pos.outstanding_principal, 1223054 - 96436);
}

TEST(LoanBookTest, WriteOffTakesTheLoanOutAndCountsRecoveries) {
  Loan loan = Parsed({{"id", "W1"},
                      {"terms", Terms("2026-01-15")},
                      {"payments", {Pay("2026-02-15", 106619), Pay("2026-07-01", 10000)}},
                      {"written_off_on", "2026-06-30"}});
  LoanPosition pos = At(loan, "2026-07-01");
  EXPECT_TRUE(pos.written_off);
  EXPECT_EQ(pos.written_off_principal, 1105381);
  EXPECT_EQ(pos.recoveries, 10000);
  EXPECT_EQ(pos.outstanding_principal, 0);
  EXPECT_EQ(At(loan, "2026-06-29").outstanding_principal, 1105381);  // before the write-off
}

TEST(LoanBookTest, BadPaymentsAreRefused) {
  json loan = {{"id", "L1"}, {"terms", Terms("2026-01-15")}};
  loan["payments"] = json::array({Pay("2026-01-10", 1000)});
  EXPECT_EQ(ErrorAt(loan, "2026-03-01"),
            "loan \"L1\": payments[0].date: 2026-01-10 is before the disbursement on 2026-01-15; "
            "correct the payment date or disbursed_on");
  loan["payments"] = json::array({Pay("2026-02-15", 106619), Pay("2026-02-20", -100)});
  EXPECT_EQ(ErrorAt(loan, "2026-03-01"),
            "loan \"L1\": payments[1].amount: must be positive (minor units), got -100");
  loan["payments"] = json::array({Pay("2026-02-15", 2000000)});
  EXPECT_EQ(ErrorAt(loan, "2026-03-01"),
            "loan \"L1\": payments[0]: 2000000 paid on 2026-02-15 is more than the 1279423 owed; "
            "correct the amount or record the excess as a refund");
  loan["payments"] = {{{"date", "2026-02-15"}, {"amount", 1066.19}}};
  EXPECT_EQ(ErrorAt(loan, "2026-03-01"),
            "loan.payments[0].amount: expected a whole number of minor units (cents), e.g. "
            "1200000 for 12,000.00; got 1066.19");
  loan["payments"] = json::array();
  loan["written_off_on"] = "2026-01-01";
  EXPECT_EQ(ErrorAt(loan, "2026-03-01"),
            "loan \"L1\": written_off_on: 2026-01-01 is before 2026-01-15 (the disbursement or the "
            "last restructuring); correct the date");
}

}  // namespace
}  // namespace ecosol::finance
