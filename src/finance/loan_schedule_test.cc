#include "ecosol/finance/loan_schedule.h"

#include <gtest/gtest.h>

namespace ecosol::finance {
namespace {

using nlohmann::json;

LoanDate Day(const char* text) {
  auto d = ParseLoanDate(text, "test");
  EXPECT_TRUE(d.ok()) << d.status().message();
  return d.ok() ? *d : LoanDate{};
}

Schedule Built(const json& doc) {
  auto terms = ParseLoanTerms(doc);
  EXPECT_TRUE(terms.ok()) << terms.status().message();
  if (!terms.ok()) return Schedule{};
  auto s = BuildSchedule(*terms);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(*s) : Schedule{};
}

std::string ErrorOf(const json& doc) {
  auto terms = ParseLoanTerms(doc);
  EXPECT_FALSE(terms.ok());
  return terms.ok() ? "" : terms.status().message();
}

// One row of a hand-computed table: principal, interest, total, balance after.
void ExpectRow(const Instalment& row, std::int64_t principal, std::int64_t interest,
               std::int64_t balance_after) {
  EXPECT_EQ(row.principal, principal) << "instalment " << row.number;
  EXPECT_EQ(row.interest, interest) << "instalment " << row.number;
  EXPECT_EQ(row.total, principal + interest) << "instalment " << row.number;
  EXPECT_EQ(row.balance_after, balance_after) << "instalment " << row.number;
}

json Annuity12k() {
  return {{"principal", 1200000},   {"annual_rate", 0.12}, {"method", "annuity"},
          {"frequency", "monthly"}, {"periods", 12},       {"disbursed_on", "2026-01-15"}};
}

// 12,000.00 at 12% a year, monthly over 12 months: A = 12000 x 0.01 / (1 - 1.01^-12) = 1,066.19.
// Table computed by hand (interest = 1% of the balance, rounded half away from zero).
TEST(LoanScheduleTest, AnnuityMatchesHandTable) {
  Schedule s = Built(Annuity12k());
  ASSERT_EQ(s.instalments.size(), 12u);
  EXPECT_EQ(s.regular_instalment, 106619);
  ExpectRow(s.instalments[0], 94619, 12000, 1105381);
  ExpectRow(s.instalments[1], 95565, 11054, 1009816);
  ExpectRow(s.instalments[2], 96521, 10098, 913295);
  ExpectRow(s.instalments[5], 99446, 7173, 617902);
  ExpectRow(s.instalments[10], 104518, 2101, 105558);
  // The last instalment absorbs the rounding: 1,055.58 + 10.56 = 1,066.14.
  ExpectRow(s.instalments[11], 105558, 1056, 0);
  EXPECT_EQ(s.total_interest, 79423);
  EXPECT_EQ(s.total_paid, 1200000 + 79423);
  EXPECT_EQ(FormatLoanDate(s.instalments[0].due_on), "2026-02-15");
  EXPECT_EQ(FormatLoanDate(s.instalments[11].due_on), "2027-01-15");
  EXPECT_NEAR(s.nominal_annual_rate, 0.12, 1e-5);
  EXPECT_NEAR(s.effective_annual_rate, 0.126825, 1e-5);  // 1.01^12 - 1
}

// 12,000.00 at 12% flat: 120.00 interest every month on the original principal, 1,000.00
// principal, 1,120.00 a month. Its true cost (IRR) is 1.7881% a month: 21.457% nominal,
// 23.698% effective a year.
TEST(LoanScheduleTest, FlatShowsEffectiveRate) {
  json doc = Annuity12k();
  doc["method"] = "flat";
  Schedule s = Built(doc);
  ASSERT_EQ(s.instalments.size(), 12u);
  EXPECT_EQ(s.regular_instalment, 112000);
  ExpectRow(s.instalments[0], 100000, 12000, 1100000);
  ExpectRow(s.instalments[11], 100000, 12000, 0);
  EXPECT_EQ(s.total_interest, 144000);
  EXPECT_NEAR(s.nominal_annual_rate, 0.214572, 1e-5);
  EXPECT_NEAR(s.effective_annual_rate, 0.236984, 1e-5);
}

// Full grace of 2 months: 120.00 then 121.20 capitalised; 12,241.20 repaid over 10 months:
// A = 12241.20 x 0.01 / (1 - 1.01^-10) = 1,292.45.
TEST(LoanScheduleTest, FullGraceCapitalisesInterest) {
  json doc = Annuity12k();
  doc["grace"] = {{"type", "full"}, {"periods", 2}};
  Schedule s = Built(doc);
  ASSERT_EQ(s.instalments.size(), 12u);
  EXPECT_EQ(s.instalments[0].total, 0);
  EXPECT_EQ(s.instalments[0].capitalised_interest, 12000);
  EXPECT_EQ(s.instalments[0].balance_after, 1212000);
  EXPECT_EQ(s.instalments[1].capitalised_interest, 12120);
  EXPECT_EQ(s.instalments[1].balance_after, 1224120);
  EXPECT_EQ(s.regular_instalment, 129245);
  ExpectRow(s.instalments[2], 117004, 12241, 1107116);
  ExpectRow(s.instalments[11], 127966, 1280, 0);
}

// Interest-only grace of 3 months on a flat loan at 24%: 240.00 interest a month, then 12,000.00
// over 9 months: 1,333.33 a month, the last 1,333.36.
TEST(LoanScheduleTest, InterestOnlyGraceThenFlat) {
  json doc = Annuity12k();
  doc["method"] = "flat";
  doc["annual_rate"] = 0.24;
  doc["grace"] = {{"type", "interest_only"}, {"periods", 3}};
  Schedule s = Built(doc);
  ASSERT_EQ(s.instalments.size(), 12u);
  for (int i = 0; i < 3; ++i) ExpectRow(s.instalments[static_cast<size_t>(i)], 0, 24000, 1200000);
  ExpectRow(s.instalments[3], 133333, 24000, 1066667);
  ExpectRow(s.instalments[11], 133336, 24000, 0);
  EXPECT_EQ(s.total_interest, 12 * 24000);
}

// A farmer's loan of 10,000.00 at 18% (1.5% a month) from 10 March, repaid after the August and
// December harvests and in March: instalments in periods 5, 9 and 12; interest accrues monthly
// on the balance and is paid with each instalment.
TEST(LoanScheduleTest, SeasonalRepaysOnlyInHarvestMonths) {
  json doc = {{"principal", 1000000},         {"annual_rate", 0.18},
              {"frequency", "monthly"},       {"periods", 12},
              {"disbursed_on", "2026-03-10"}, {"repayment_months", {8, 12, 3}}};
  Schedule s = Built(doc);
  ASSERT_EQ(s.instalments.size(), 3u);
  EXPECT_EQ(FormatLoanDate(s.instalments[0].due_on), "2026-08-10");
  EXPECT_EQ(s.instalments[0].period, 5);
  ExpectRow(s.instalments[0], 333333, 75000, 666667);  // 10,000 x 1.5% x 5 months
  EXPECT_EQ(FormatLoanDate(s.instalments[1].due_on), "2026-12-10");
  ExpectRow(s.instalments[1], 333333, 40000, 333334);  // 6,666.67 x 1.5% x 4 = 400.0002
  EXPECT_EQ(FormatLoanDate(s.instalments[2].due_on), "2027-03-10");
  ExpectRow(s.instalments[2], 333334, 15000, 0);  // 3,333.34 x 1.5% x 3 = 150.0003
}

TEST(LoanScheduleTest, SeasonalMustEndInARepaymentMonth) {
  json doc = {{"principal", 1000000},         {"annual_rate", 0.18},
              {"frequency", "monthly"},       {"periods", 12},
              {"disbursed_on", "2026-03-10"}, {"repayment_months", {8, 12}}};
  EXPECT_EQ(ErrorOf(doc),
            "repayment_months: the last period (due 2027-03-10) is not in a repayment month; "
            "change periods so the loan ends in one of repayment_months");
}

TEST(LoanScheduleTest, DueDatesByFrequencyAndMonthEnd) {
  const LoanDate jan31 = Day("2026-01-31");
  EXPECT_EQ(FormatLoanDate(PeriodEnd(jan31, Frequency::kMonthly, 1)), "2026-02-28");
  EXPECT_EQ(FormatLoanDate(PeriodEnd(jan31, Frequency::kMonthly, 2)), "2026-03-31");
  EXPECT_EQ(FormatLoanDate(PeriodEnd(jan31, Frequency::kQuarterly, 1)), "2026-04-30");
  EXPECT_EQ(FormatLoanDate(PeriodEnd(jan31, Frequency::kWeekly, 1)), "2026-02-07");
  EXPECT_EQ(FormatLoanDate(PeriodEnd(Day("2027-12-31"), Frequency::kMonthly, 2)), "2028-02-29");
}

// 52 weeks at 26% a year: 0.5% a week.
TEST(LoanScheduleTest, WeeklyAnnuityUsesWeeklyRate) {
  json doc = Annuity12k();
  doc["frequency"] = "weekly";
  doc["periods"] = 52;
  doc["annual_rate"] = 0.26;
  Schedule s = Built(doc);
  ASSERT_EQ(s.instalments.size(), 52u);
  EXPECT_EQ(s.instalments[0].interest, 6000);  // 12,000 x 0.5%
  EXPECT_EQ(FormatLoanDate(s.instalments[0].due_on), "2026-01-22");
  EXPECT_EQ(s.instalments.back().balance_after, 0);
}

TEST(LoanScheduleTest, BadInputSaysWhatWhereAndHow) {
  json doc = Annuity12k();
  doc["principal"] = -5;
  EXPECT_EQ(ErrorOf(doc), "principal: must be positive (minor units), got -5");
  doc = Annuity12k();
  doc["principal"] = 12000.5;
  EXPECT_EQ(ErrorOf(doc),
            "principal: expected a whole number of minor units (cents), e.g. 1200000 for "
            "12,000.00; got 12000.5");
  doc = Annuity12k();
  doc["frequency"] = "fortnightly";
  EXPECT_EQ(ErrorOf(doc),
            "frequency: unknown frequency \"fortnightly\"; use \"weekly\", \"monthly\" or "
            "\"quarterly\"");
  doc = Annuity12k();
  doc["method"] = "balloon";
  EXPECT_EQ(ErrorOf(doc),
            "method: unknown repayment method \"balloon\"; use \"annuity\" or \"flat\"");
  doc = Annuity12k();
  doc["disbursed_on"] = "2026-02-30";
  EXPECT_EQ(ErrorOf(doc), "disbursed_on: \"2026-02-30\" is not a calendar date");
  doc = Annuity12k();
  doc["disbursed_on"] = "15/01/2026";
  EXPECT_EQ(ErrorOf(doc), "disbursed_on: expected an ISO 8601 date YYYY-MM-DD, got \"15/01/2026\"");
  doc["disbursed_on"] = "+026-01-15";
  EXPECT_EQ(ErrorOf(doc), "disbursed_on: expected an ISO 8601 date YYYY-MM-DD, got \"+026-01-15\"");
  doc = Annuity12k();
  doc["grace"] = {{"type", "full"}, {"periods", 12}};
  EXPECT_EQ(ErrorOf(doc),
            "grace.periods: expected 1 to periods - 1 (11) with a grace type, got 12; at least one "
            "period must repay principal");
  doc = Annuity12k();
  doc.erase("periods");
  EXPECT_EQ(ErrorOf(doc), "periods: missing; add the field");
}

TEST(LoanScheduleTest, JsonRoundTrip) {
  Schedule s = Built(Annuity12k());
  json out = ScheduleToJson(s);
  EXPECT_EQ(out["instalments"][0]["due_on"], "2026-02-15");
  EXPECT_EQ(out["instalments"][0]["total"], 106619);
  EXPECT_EQ(out["regular_instalment"], 106619);
  auto again = ParseLoanTerms(out["terms"]);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->principal, 1200000);
  EXPECT_EQ(again->disbursed_on, Day("2026-01-15"));
}

}  // namespace
}  // namespace ecosol::finance
