#include <gtest/gtest.h>

#include "ecosol/finance/loan_book.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

// 12,000.00 at 12%, monthly annuity over 12 months: 1,066.19 a month; balances after
// instalments 1, 2, 4, 5: 11,053.81, 10,098.16, 8,158.09, 7,173.48 (loan_schedule_test.cc).
json Terms(const char* disbursed_on) {
  return {{"principal", 1200000},   {"annual_rate", 0.12}, {"method", "annuity"},
          {"frequency", "monthly"}, {"periods", 12},       {"disbursed_on", disbursed_on}};
}

json Payments(const std::vector<const char*>& dates, std::int64_t amount) {
  json out = json::array();
  for (const char* d : dates) out.push_back({{"date", d}, {"amount", amount}});
  return out;
}

// Restructured on 1 April with nothing paid: new principal 12,230.54, 1,086.67 a month from
// 1 May (loan_book_test.cc).
json Restructured() {
  return json::array({{{"date", "2026-04-01"},
                       {"terms",
                        {{"annual_rate", 0.12},
                         {"method", "annuity"},
                         {"frequency", "monthly"},
                         {"periods", 12}}}}});
}

// The book on 1 July 2026:
//   A current: 5 instalments paid on time, outstanding 7,173.48, 0 days late.
//   B partly repaid: 2 instalments paid, the 15 April one unpaid: 77 days late, 10,098.16.
//   C disbursed 1 January, 4 paid, the 1 June one unpaid: exactly 30 days late, 8,158.09:
//     NOT in PAR30 (more than 30 days late is required), in PAR1.
//   D restructured, nothing paid since: its 1 May instalment is 61 days late, 12,230.54.
//   E restructured and paying (1 May and 1 June): 12,230.54 - 964.36 - 974.01 = 10,292.17.
//   W written off on 30 June: out of numerator and denominator.
// Outstanding: 7,173.48 + 10,098.16 + 8,158.09 + 12,230.54 + 10,292.17 = 47,952.44.
// PAR30 = (B + D) / total = 22,328.70 / 47,952.44 = 0.465643 (balances summed; counting loans
// would give 2/5 = 0.4).
json Book() {
  json loans = json::array();
  loans.push_back(
      {{"id", "A"},
       {"terms", Terms("2026-01-15")},
       {"payments",
        Payments({"2026-02-15", "2026-03-15", "2026-04-15", "2026-05-15", "2026-06-15"}, 106619)}});
  loans.push_back({{"id", "B"},
                   {"terms", Terms("2026-01-15")},
                   {"payments", Payments({"2026-02-15", "2026-03-15"}, 106619)}});
  loans.push_back(
      {{"id", "C"},
       {"terms", Terms("2026-01-01")},
       {"payments", Payments({"2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"}, 106619)}});
  loans.push_back(
      {{"id", "D"}, {"terms", Terms("2026-01-15")}, {"restructurings", Restructured()}});
  loans.push_back({{"id", "E"},
                   {"terms", Terms("2026-01-15")},
                   {"restructurings", Restructured()},
                   {"payments", Payments({"2026-05-01", "2026-06-01"}, 108667)}});
  loans.push_back({{"id", "W"},
                   {"terms", Terms("2026-01-15")},
                   {"payments", Payments({"2026-02-15"}, 106619)},
                   {"written_off_on", "2026-06-30"}});
  return {{"loans", loans}};
}

PortfolioAtRiskReport Par(const std::vector<int>& thresholds) {
  auto book = ParseLoanBook(Book());
  EXPECT_TRUE(book.ok()) << book.status().message();
  if (!book.ok()) return {};
  auto date = ParseLoanDate("2026-07-01", "as_of");
  auto report = PortfolioAtRisk(*book, *date, thresholds);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? std::move(*report) : PortfolioAtRiskReport{};
}

TEST(PortfolioAtRiskTest, Par30SumsWholeBalancesOfLoansMoreThan30DaysLate) {
  PortfolioAtRiskReport r = Par({30});
  ASSERT_EQ(r.thresholds.size(), 1u);
  const ParFigure& all = r.thresholds[0].all;
  EXPECT_EQ(all.outstanding, 4795244);
  EXPECT_EQ(all.at_risk, 1009816 + 1223054);
  EXPECT_NEAR(all.ratio, 0.4656426, 1e-7);
  EXPECT_EQ(all.loan_ids, (std::vector<std::string>{"B", "D"}));
  EXPECT_TRUE(r.restructured_included);
  EXPECT_EQ(r.written_off_principal, 1105381);
}

// Restructured loans reported separately: D over D + E = 12,230.54 / 22,522.71 = 0.543031;
// the rest: B over A + B + C = 10,098.16 / 25,429.73 = 0.397101.
TEST(PortfolioAtRiskTest, RestructuredLoansReportedSeparately) {
  PortfolioAtRiskReport r = Par({30});
  const ParThreshold& t = r.thresholds[0];
  EXPECT_EQ(t.restructured.outstanding, 1223054 + 1029217);
  EXPECT_EQ(t.restructured.at_risk, 1223054);
  EXPECT_NEAR(t.restructured.ratio, 0.5430315, 1e-7);
  EXPECT_EQ(t.excluding_restructured.outstanding, 717348 + 1009816 + 815809);
  EXPECT_EQ(t.excluding_restructured.at_risk, 1009816);
  EXPECT_NEAR(t.excluding_restructured.ratio, 0.3971006, 1e-7);
}

// PAR1 adds C (30 days late); PAR60 is B (77) and D (61); PAR90 is nothing.
TEST(PortfolioAtRiskTest, OtherThresholds) {
  PortfolioAtRiskReport r = Par({1, 60, 90});
  ASSERT_EQ(r.thresholds.size(), 3u);
  EXPECT_EQ(r.thresholds[0].all.at_risk, 1009816 + 815809 + 1223054);
  EXPECT_NEAR(r.thresholds[0].all.ratio, 0.6357714, 1e-7);
  EXPECT_EQ(r.thresholds[1].all.at_risk, 1009816 + 1223054);
  EXPECT_EQ(r.thresholds[2].all.at_risk, 0);
  EXPECT_EQ(r.thresholds[2].all.ratio, 0.0);
}

TEST(PortfolioAtRiskTest, JsonReport) {
  json out = PortfolioAtRiskToJson(Par({30}));
  EXPECT_EQ(out["as_of"], "2026-07-01");
  EXPECT_EQ(out["thresholds"][0]["all"]["at_risk"], 2232870);
  EXPECT_EQ(out["thresholds"][0]["restructured"]["loan_ids"], json::array({"D"}));
  EXPECT_EQ(out["loans"][2]["days_in_arrears"], 30);
  EXPECT_EQ(out["loans"][5]["written_off"], true);
}

TEST(PortfolioAtRiskTest, BadInput) {
  auto book = ParseLoanBook(Book());
  ASSERT_TRUE(book.ok());
  auto date = ParseLoanDate("2026-07-01", "as_of");
  auto report = PortfolioAtRisk(*book, *date, {30, -1});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(), "thresholds[1]: expected days >= 0, got -1");
  json doc = Book();
  doc["loans"][1]["terms"]["frequency"] = "yearly";
  auto bad = ParseLoanBook(doc);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "loans[1].terms: frequency: unknown frequency \"yearly\"; use \"weekly\", \"monthly\" "
            "or \"quarterly\"");
  EXPECT_EQ(ParseLoanBook(json::object()).status().message(),
            "loans: expected an array of loans, e.g. {\"loans\": [{\"id\": ...}]}");
}

}  // namespace
}  // namespace ecosol::finance
