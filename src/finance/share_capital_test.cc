#include "ecosol/finance/share_capital.h"

#include <gtest/gtest.h>

namespace ecosol::finance {
namespace {

using nlohmann::json;

// 100,000.00 of shares by 1 January 2026; 3 months' notice; at most 10% of the capital on
// 1 January may be withdrawn in a year.
//   m1 asks 8,000.00 on 15 Nov 2025 (payable 15 Feb 2026), m2 6,000.00 on 20 Jan 2026
//   (20 Apr 2026), m3 all its 20,000.00 on 1 Sep 2026 (1 Dec 2026).
// 2026: limit 10,000.00: m1 8,000.00 on 15 Feb, m2 2,000.00 on 20 Apr (the limit runs out).
// 2027: capital 90,000.00, limit 9,000.00: m2's last 4,000.00 and 5,000.00 to m3 on 1 Jan.
// 2028: capital 81,000.00, limit 8,100.00 to m3. 2029: capital 72,900.00, limit 7,290.00: m3's
// last 6,900.00.
json Input() {
  return {{"shares",
           {{{"member", "m1"}, {"amount", 5000000}, {"date", "2024-01-10"}},
            {{"member", "m2"}, {"amount", 3000000}, {"date", "2024-06-01"}},
            {{"member", "m3"}, {"amount", 2000000}, {"date", "2025-03-01"}}}},
          {"requests",
           {{{"member", "m3"}, {"amount", 2000000}, {"date", "2026-09-01"}},
            {{"member", "m1"}, {"amount", 800000}, {"date", "2025-11-15"}},
            {{"member", "m2"}, {"amount", 600000}, {"date", "2026-01-20"}}}},
          {"rules", {{"notice_months", 3}, {"annual_limit", 0.10}}}};
}

WithdrawalPlan Plan(const json& doc) {
  auto in = ParseShareCapital(doc);
  EXPECT_TRUE(in.ok()) << in.status().message();
  if (!in.ok()) return {};
  auto plan = PlanShareWithdrawals(*in);
  EXPECT_TRUE(plan.ok()) << plan.status().message();
  return plan.ok() ? std::move(*plan) : WithdrawalPlan{};
}

void ExpectPayout(const SharePayout& p, const char* member, std::int64_t amount, const char* date) {
  EXPECT_EQ(p.member, member);
  EXPECT_EQ(p.amount, amount) << member;
  EXPECT_EQ(FormatLoanDate(p.paid_on), date) << member;
}

TEST(ShareCapitalTest, WithdrawalsWaitForTheAnnualLimit) {
  WithdrawalPlan plan = Plan(Input());
  ASSERT_EQ(plan.payouts.size(), 6u);
  ExpectPayout(plan.payouts[0], "m1", 800000, "2026-02-15");
  ExpectPayout(plan.payouts[1], "m2", 200000, "2026-04-20");
  ExpectPayout(plan.payouts[2], "m2", 400000, "2027-01-01");
  ExpectPayout(plan.payouts[3], "m3", 500000, "2027-01-01");
  ExpectPayout(plan.payouts[4], "m3", 810000, "2028-01-01");
  ExpectPayout(plan.payouts[5], "m3", 690000, "2029-01-01");
  ASSERT_EQ(plan.years.size(), 4u);
  EXPECT_EQ(plan.years[0].capital_at_start, 10000000);
  EXPECT_EQ(plan.years[0].limit, 1000000);
  EXPECT_EQ(plan.years[0].paid, 1000000);
  EXPECT_EQ(plan.years[1].capital_at_start, 9000000);
  EXPECT_EQ(plan.years[1].limit, 900000);
  EXPECT_EQ(plan.years[3].capital_at_start, 7290000);
  EXPECT_EQ(plan.years[3].paid, 690000);
  EXPECT_TRUE(plan.unpaid.empty());
}

TEST(ShareCapitalTest, WhatTheHorizonCannotPayIsReported) {
  json doc = Input();
  doc["rules"]["horizon_years"] = 2;
  WithdrawalPlan plan = Plan(doc);
  ASSERT_EQ(plan.unpaid.size(), 1u);
  EXPECT_EQ(plan.unpaid[0].member, "m3");
  EXPECT_EQ(plan.unpaid[0].request, 0u);
  EXPECT_EQ(plan.unpaid[0].amount, 1500000);
  EXPECT_EQ(WithdrawalPlanToJson(plan)["unpaid"][0]["amount"], 1500000);
}

TEST(ShareCapitalTest, BadInput) {
  json doc = Input();
  doc["requests"][2]["amount"] = 3500000;
  auto in = ParseShareCapital(doc);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(PlanShareWithdrawals(*in).status().message(),
            "requests[2]: member \"m2\" asks for 3500000 but holds 3000000 on 2026-01-20 (after "
            "earlier requests); reduce the amount");
  doc = Input();
  doc["rules"]["annual_limit"] = 10;
  in = ParseShareCapital(doc);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(PlanShareWithdrawals(*in).status().message(),
            "rules.annual_limit: expected a fraction above 0 and at most 1 (0.10 for 10% of the "
            "capital a year), got 10.000000");
  doc = Input();
  doc["shares"][0]["amount"] = -100;
  in = ParseShareCapital(doc);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(PlanShareWithdrawals(*in).status().message(),
            "shares[0].amount: must be positive, got -100");
}

}  // namespace
}  // namespace ecosol::finance
