#include "ecosol/finance/guarantee_fund.h"

#include <gtest/gtest.h>

namespace ecosol::finance {
namespace {

using nlohmann::json;

// A fund of 100,000.00 guaranteeing 65% of bank loans (DOMAIN.md: "up to 65% of a bank loan"),
// at most 50,000.00 per loan, up to 3x its capital, for a 1% yearly fee.
//   G1: 60,000.00 outstanding -> 65% = 39,000.00 guaranteed, fee 390.00
//   G2: 100,000.00 -> 65,000.00 capped at 50,000.00, fee 500.00
//   G3: 200,000.00 -> 130,000.00 capped at 50,000.00, fee 500.00
// Exposure 139,000.00 of a 300,000.00 limit.
json Input() {
  return {{"fund",
           {{"capital", 10000000},
            {"leverage", 3},
            {"coverage", 0.65},
            {"per_loan_cap", 5000000},
            {"annual_fee_rate", 0.01}}},
          {"guarantees",
           {{{"loan_id", "G1"}, {"outstanding", 6000000}},
            {{"loan_id", "G2"}, {"outstanding", 10000000}},
            {{"loan_id", "G3"}, {"outstanding", 20000000}}}}};
}

GuaranteeFundReport Evaluate(const json& doc) {
  auto in = ParseGuaranteeFund(doc);
  EXPECT_TRUE(in.ok()) << in.status().message();
  if (!in.ok()) return {};
  auto report = EvaluateGuaranteeFund(*in);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? std::move(*report) : GuaranteeFundReport{};
}

std::string ErrorOf(const json& doc) {
  auto in = ParseGuaranteeFund(doc);
  if (!in.ok()) return in.status().message();
  auto report = EvaluateGuaranteeFund(*in);
  EXPECT_FALSE(report.ok());
  return report.ok() ? "" : report.status().message();
}

TEST(GuaranteeFundTest, CoverageCapsFeesAndCapacity) {
  GuaranteeFundReport r = Evaluate(Input());
  ASSERT_EQ(r.guarantees.size(), 3u);
  EXPECT_EQ(r.guarantees[0].guaranteed, 3900000);
  EXPECT_EQ(r.guarantees[1].guaranteed, 5000000);
  EXPECT_EQ(r.guarantees[2].guaranteed, 5000000);
  EXPECT_EQ(r.guarantees[0].annual_fee, 39000);
  EXPECT_EQ(r.annual_fees, 139000);
  EXPECT_EQ(r.exposure, 13900000);
  EXPECT_EQ(r.limit, 30000000);
  EXPECT_EQ(r.remaining_capacity, 16100000);
}

// G2 defaults with 90,000.00 lost: 65% is 58,500.00 but the per-loan cap pays 50,000.00; the
// bank bears 40,000.00. Capital falls to 50,000.00, the limit to 150,000.00, exposure to
// 89,000.00 (G1 + G3): 61,000.00 of capacity left.
TEST(GuaranteeFundTest, CallHitsThePerLoanCap) {
  json doc = Input();
  doc["calls"] = {{{"loan_id", "G2"}, {"loss", 9000000}}};
  GuaranteeFundReport r = Evaluate(doc);
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0].covered, 5850000);
  EXPECT_EQ(r.calls[0].paid, 5000000);
  EXPECT_EQ(r.calls[0].limited_by, "per_loan_cap");
  EXPECT_EQ(r.calls[0].lender_bears, 4000000);
  EXPECT_EQ(r.capital_left, 5000000);
  EXPECT_EQ(r.limit, 15000000);
  EXPECT_EQ(r.exposure, 8900000);
  EXPECT_EQ(r.remaining_capacity, 6100000);
  EXPECT_EQ(r.annual_fees, 89000);
}

// Then G1 loses 20,000.00 (65% = 13,000.00 paid in full) and G3 200,000.00: 50,000.00 is
// guaranteed but only 37,000.00 of capital is left, so the fund pays that and is exhausted.
TEST(GuaranteeFundTest, CallHitsTheFundCapital) {
  json doc = Input();
  doc["calls"] = {{{"loan_id", "G2"}, {"loss", 9000000}},
                  {{"loan_id", "G1"}, {"loss", 2000000}},
                  {{"loan_id", "G3"}, {"loss", 20000000}}};
  GuaranteeFundReport r = Evaluate(doc);
  ASSERT_EQ(r.calls.size(), 3u);
  EXPECT_EQ(r.calls[1].paid, 1300000);
  EXPECT_EQ(r.calls[1].limited_by, "coverage");
  EXPECT_EQ(r.calls[2].paid, 3700000);
  EXPECT_EQ(r.calls[2].limited_by, "fund_capital");
  EXPECT_EQ(r.calls[2].lender_bears, 16300000);
  EXPECT_EQ(r.capital_left, 0);
  EXPECT_EQ(r.remaining_capacity, 0);
  json out = GuaranteeFundReportToJson(r);
  EXPECT_EQ(out["calls"][2]["limited_by"], "fund_capital");
}

TEST(GuaranteeFundTest, BadInput) {
  json doc = Input();
  doc["fund"]["leverage"] = 1;
  EXPECT_EQ(ErrorOf(doc),
            "guarantees[2]: guaranteeing 5000000 for loan \"G3\" takes exposure to 13900000, over "
            "the fund's limit of 10000000 (leverage x capital); refuse it or raise the fund's "
            "capital");
  doc = Input();
  doc["calls"] = {{{"loan_id", "G9"}, {"loss", 100}}};
  EXPECT_EQ(ErrorOf(doc),
            "calls[0].loan_id: \"G9\" is not guaranteed by the fund; check the loan id");
  doc = Input();
  doc["calls"] = {{{"loan_id", "G1"}, {"loss", 7000000}}};
  EXPECT_EQ(ErrorOf(doc),
            "calls[0].loss: expected more than 0 and at most the 6000000 outstanding, got 7000000");
  doc = Input();
  doc["fund"]["coverage"] = 65;
  EXPECT_EQ(ErrorOf(doc),
            "fund.coverage: expected a fraction above 0 and at most 1 (0.65 for 65%), got "
            "65.000000");
  doc = Input();
  doc["fund"]["capital"] = -1;
  EXPECT_EQ(ErrorOf(doc), "fund.capital: must be positive, got -1");
}

}  // namespace
}  // namespace ecosol::finance
