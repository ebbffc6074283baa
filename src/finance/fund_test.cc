#include "ecosol/finance/fund.h"

#include <gtest/gtest.h>

#include "fund_amounts.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

// A blended stack of 10000.00 (amounts in cents): a 1000.00 first-loss grant, a 2000.00 junior
// quasi-equity tranche at 8%, and pari passu seniors: 5000.00 private at 4%, 2000.00 public at 2%.
json StackJson() {
  return json::parse(R"({"id": "demo", "currency": "CAD", "tranches": [
    {"id": "grant", "source": "private", "instrument": "grant", "committed": 100000,
     "target_return": null, "loss_order": 1},
    {"id": "junior", "source": "private", "instrument": "quasi_equity", "committed": 200000,
     "target_return": 0.08, "loss_order": 2},
    {"id": "senior", "source": "private", "instrument": "senior_debt", "committed": 500000,
     "target_return": 0.04, "loss_order": 3},
    {"id": "public", "source": "public", "instrument": "senior_debt", "committed": 200000,
     "drawn": 200000, "target_return": 0.02, "loss_order": 3}]})");
}

Fund Stack() {
  auto fund = ParseFund(StackJson());
  EXPECT_TRUE(fund.ok()) << fund.status().message();
  return fund.ok() ? *fund : Fund{};
}

std::string ParseError(const json& doc) {
  auto fund = ParseFund(doc);
  EXPECT_FALSE(fund.ok());
  return fund.ok() ? "" : fund.status().message();
}

struct LossRow {
  std::int64_t absorbed;
  std::int64_t remaining;
  double share_lost;
};

void ExpectLosses(std::int64_t loss, const std::vector<LossRow>& rows, std::int64_t unabsorbed) {
  auto w = AllocateLoss(Stack(), loss);
  ASSERT_TRUE(w.ok()) << w.status().message();
  ASSERT_EQ(w->tranches.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE("loss " + std::to_string(loss) + ", tranche " + w->tranches[i].id);
    EXPECT_EQ(w->tranches[i].absorbed, rows[i].absorbed);
    EXPECT_EQ(w->tranches[i].remaining, rows[i].remaining);
    EXPECT_DOUBLE_EQ(w->tranches[i].share_lost, rows[i].share_lost);
  }
  EXPECT_EQ(w->unabsorbed, unabsorbed);
  EXPECT_EQ(w->total, 1000000);
}

TEST(FundTest, ParsesStackWithDrawnDefaultingToCommitted) {
  Fund fund = Stack();
  ASSERT_EQ(fund.tranches.size(), 4u);
  EXPECT_EQ(fund.tranches[1].drawn, 200000);
  EXPECT_EQ(fund.tranches[3].source, CapitalSource::kPublic);
  EXPECT_FALSE(fund.tranches[0].target_return.has_value());
  EXPECT_EQ(fund.tranches[2].instrument, Instrument::kSeniorDebt);
  EXPECT_EQ(FundToJson(fund)["tranches"][1]["instrument"], "quasi_equity");
  EXPECT_TRUE(StackWarnings(fund).empty());
}

// Rows in loss order: grant, junior, senior, public (the seniors share pro rata 5:2).
TEST(FundTest, LossWaterfallAtZero) {
  ExpectLosses(0, {{0, 100000, 0}, {0, 200000, 0}, {0, 500000, 0}, {0, 200000, 0}}, 0);
}

TEST(FundTest, LossWithinFirstLoss) {
  ExpectLosses(60000, {{60000, 40000, 0.6}, {0, 200000, 0}, {0, 500000, 0}, {0, 200000, 0}}, 0);
}

TEST(FundTest, LossCrossingIntoJunior) {
  ExpectLosses(150000, {{100000, 0, 1}, {50000, 150000, 0.25}, {0, 500000, 0}, {0, 200000, 0}}, 0);
}

TEST(FundTest, LossIntoSeniorsIsSharedProRata) {
  // 650000 - 100000 - 200000 = 350000 for the seniors: 5/7 = 250000 and 2/7 = 100000.
  ExpectLosses(650000,
               {{100000, 0, 1}, {200000, 0, 1}, {250000, 250000, 0.5}, {100000, 100000, 0.5}}, 0);
}

TEST(FundTest, LossWipingSeniorsLeavesUnabsorbed) {
  ExpectLosses(1000000, {{100000, 0, 1}, {200000, 0, 1}, {500000, 0, 1}, {200000, 0, 1}}, 0);
  ExpectLosses(1200000, {{100000, 0, 1}, {200000, 0, 1}, {500000, 0, 1}, {200000, 0, 1}}, 200000);
}

TEST(FundTest, OddCentGoesToLargestRemainder) {
  // 1 cent for the seniors: 5/7 and 2/7 of a cent both floor to 0; the larger remainder wins.
  auto w = AllocateLoss(Stack(), 300001);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->tranches[2].absorbed, 1);
  EXPECT_EQ(w->tranches[3].absorbed, 0);
}

TEST(FundTest, AttachmentAndDetachmentPoints) {
  auto w = AllocateLoss(Stack(), 0);
  ASSERT_TRUE(w.ok());
  std::vector<std::pair<std::int64_t, std::int64_t>> expected = {
      {0, 100000}, {100000, 300000}, {300000, 1000000}, {300000, 1000000}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(w->tranches[i].attachment, expected[i].first) << w->tranches[i].id;
    EXPECT_EQ(w->tranches[i].detachment, expected[i].second) << w->tranches[i].id;
  }
  json row = WaterfallToJson(*w)["tranches"][1];
  EXPECT_EQ(row["id"], "junior");
  EXPECT_EQ(row["attachment"], 100000);
  EXPECT_EQ(row["detachment"], 300000);
  EXPECT_EQ(row["remaining"], 200000);
}

TEST(FundTest, NegativeLossIsRefused) {
  auto w = AllocateLoss(Stack(), -5);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("loss: must be from 0"), std::string::npos);
}

struct GainRow {
  std::string id;
  std::int64_t due, paid, shortfall, residual;
};

void ExpectGain(std::int64_t gain, ResidualPolicy policy, const std::vector<GainRow>& rows,
                std::int64_t retained) {
  auto d = DistributeGain(Stack(), gain, policy);
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(d->tranches.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE("gain " + std::to_string(gain) + ", row " + std::to_string(i));
    EXPECT_EQ(d->tranches[i].id, rows[i].id);
    EXPECT_EQ(d->tranches[i].due, rows[i].due);
    EXPECT_EQ(d->tranches[i].paid, rows[i].paid);
    EXPECT_EQ(d->tranches[i].shortfall, rows[i].shortfall);
    EXPECT_EQ(d->tranches[i].residual, rows[i].residual);
  }
  EXPECT_EQ(d->retained, retained);
}

// Due: senior 500000 * 4% = 20000, public 200000 * 2% = 4000, junior 200000 * 8% = 16000, grant 0.
TEST(FundTest, GainPaysSeniorsFirstThenJunior) {
  ExpectGain(30000, ResidualPolicy::kRetained,
             {{"senior", 20000, 20000, 0, 0},
              {"public", 4000, 4000, 0, 0},
              {"junior", 16000, 6000, 10000, 0},
              {"grant", 0, 0, 0, 0}},
             0);
}

TEST(FundTest, GainShortOfSeniorsIsSharedProRataToDue) {
  // 20000 over dues 20000:4000: 16666.67 and 3333.33; the odd cent to the larger remainder.
  ExpectGain(20000, ResidualPolicy::kRetained,
             {{"senior", 20000, 16667, 3333, 0},
              {"public", 4000, 3333, 667, 0},
              {"junior", 16000, 0, 16000, 0},
              {"grant", 0, 0, 0, 0}},
             0);
}

TEST(FundTest, ResidualPolicies) {
  // 50000 - 40000 due = 10000 residual.
  ExpectGain(50000, ResidualPolicy::kRetained,
             {{"senior", 20000, 20000, 0, 0},
              {"public", 4000, 4000, 0, 0},
              {"junior", 16000, 16000, 0, 0},
              {"grant", 0, 0, 0, 0}},
             10000);
  // Pro rata to drawn 5:2:2 among return-bearing tranches: 5555.56, 2222.22, 2222.22.
  ExpectGain(50000, ResidualPolicy::kProRata,
             {{"senior", 20000, 20000, 0, 5556},
              {"public", 4000, 4000, 0, 2222},
              {"junior", 16000, 16000, 0, 2222},
              {"grant", 0, 0, 0, 0}},
             0);
  // The most junior tranche with a return is the junior one (the grant earns nothing).
  ExpectGain(50000, ResidualPolicy::kMostJunior,
             {{"senior", 20000, 20000, 0, 0},
              {"public", 4000, 4000, 0, 0},
              {"junior", 16000, 16000, 0, 10000},
              {"grant", 0, 0, 0, 0}},
             0);
  EXPECT_EQ(*ParseResidualPolicy("most_junior"), ResidualPolicy::kMostJunior);
  EXPECT_EQ(ParseResidualPolicy("equity").status().message(),
            "residual policy 'equity' is not one of retained, pro_rata, most_junior");
}

TEST(FundTest, GainDistributionJson) {
  auto d = DistributeGain(Stack(), 30000, ResidualPolicy::kRetained);
  ASSERT_TRUE(d.ok());
  json out = GainDistributionToJson(*d);
  EXPECT_EQ(out["residual_policy"], "retained");
  EXPECT_EQ(out["tranches"][2]["shortfall"], 10000);
}

TEST(FundTest, LeveragePassesAtFourToOne) {
  // Public 200000; private 100000 + 200000 + 500000 = 800000: 4.0, needs 400000.
  LeverageCheck c = CheckLeverage(Stack(), CanadaSocialFinanceFundLeverage());
  EXPECT_EQ(c.public_amount, 200000);
  EXPECT_EQ(c.private_amount, 800000);
  ASSERT_TRUE(c.ratio.has_value());
  EXPECT_DOUBLE_EQ(*c.ratio, 4.0);
  EXPECT_EQ(c.private_needed, 400000);
  EXPECT_TRUE(c.passes);
  EXPECT_NE(c.rule.source.find("Social Finance Fund"), std::string::npos);
}

TEST(FundTest, LeverageFailsShortOfTwoToOneAndPassesExactly) {
  json doc = StackJson();
  doc["tranches"][3]["committed"] = 500000;
  doc["tranches"][3]["drawn"] = 500000;
  auto fund = ParseFund(doc);
  ASSERT_TRUE(fund.ok()) << fund.status().message();
  LeverageCheck c = CheckLeverage(*fund, CanadaSocialFinanceFundLeverage());
  EXPECT_DOUBLE_EQ(*c.ratio, 1.6);  // 800000 / 500000
  EXPECT_EQ(c.private_needed, 1000000);
  EXPECT_EQ(c.shortfall, 200000);
  EXPECT_FALSE(c.passes);
  EXPECT_EQ(LeverageCheckToJson(c)["passes"], false);

  doc["tranches"][3]["committed"] = 400000;  // exactly 2:1
  doc["tranches"][3]["drawn"] = 400000;
  EXPECT_TRUE(CheckLeverage(*ParseFund(doc), CanadaSocialFinanceFundLeverage()).passes);
}

TEST(FundTest, LeverageOnDrawnAndWithoutPublicMoney) {
  json doc = StackJson();
  doc["tranches"][2]["drawn"] = 100000;  // private drawn: 100000 + 200000 + 100000 = 400000
  auto rule = ParseLeverageRule(json::parse(R"({"min_private_per_public": 3, "basis": "drawn"})"));
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  LeverageCheck c = CheckLeverage(*ParseFund(doc), *rule);
  EXPECT_EQ(c.private_amount, 400000);
  EXPECT_EQ(c.private_needed, 600000);
  EXPECT_FALSE(c.passes);

  doc["tranches"][3]["source"] = "private";
  LeverageCheck none = CheckLeverage(*ParseFund(doc), CanadaSocialFinanceFundLeverage());
  EXPECT_FALSE(none.ratio.has_value());
  EXPECT_TRUE(none.passes);
  EXPECT_TRUE(LeverageCheckToJson(none)["ratio"].is_null());
  EXPECT_EQ(ParseLeverageRule(json::parse(R"({"min_private_per_public": 2, "basis": "paid"})"))
                .status()
                .message(),
            "leverage rule: basis 'paid' is not one of committed, drawn");
}

TEST(FundTest, WarnsWhenSeniorTargetsMoreThanJunior) {
  json doc = StackJson();
  doc["tranches"][2]["target_return"] = 0.1;
  auto warnings = StackWarnings(*ParseFund(doc));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("'senior' (loss order 3) targets 0.1 but the more junior 'junior'"),
            std::string::npos);
}

TEST(FundTest, BadInputSaysWhatWhereAndHow) {
  json doc = StackJson();
  doc["tranches"][1]["committed"] = -5;
  EXPECT_EQ(ParseError(doc),
            "fund 'demo': tranches[1]: 'committed' must be a whole number of cents from 0 to "
            "1000000000000000 (1500.00 is written 150000), got -5");
  doc = StackJson();
  doc["tranches"][1]["committed"] = 1500.5;
  EXPECT_NE(ParseError(doc).find("got 1500.5"), std::string::npos);
  doc = StackJson();
  doc["tranches"][3]["id"] = "senior";
  EXPECT_EQ(ParseError(doc),
            "fund 'demo': tranches[3]: id 'senior' is used twice; give each tranche its own id");
  doc = StackJson();
  doc["tranches"][2]["drawn"] = 600000;
  EXPECT_EQ(ParseError(doc),
            "fund 'demo': tranches[2]: drawn 6000.00 is more than committed 5000.00; raise the "
            "commitment or lower what is drawn");
  doc = StackJson();
  doc["tranches"][0]["instrument"] = "bond";
  EXPECT_EQ(ParseError(doc),
            "fund 'demo': tranches[0]: instrument 'bond' is not one of grant, equity, "
            "quasi_equity, subordinated_debt, senior_debt");
  doc = StackJson();
  doc["tranches"][0]["target_return"] = 0.01;
  EXPECT_NE(ParseError(doc).find("a grant earns no return"), std::string::npos);
  doc = StackJson();
  doc["tranches"][1]["target_return"] = 8;
  EXPECT_NE(ParseError(doc).find("(5% is written 0.05), got 8"), std::string::npos);
  doc = StackJson();
  doc["tranches"][1]["loss_order"] = 0;
  EXPECT_NE(ParseError(doc).find("tranches[1]: 'loss_order' must be from 1"), std::string::npos);
  doc = StackJson();
  doc["tranches"] = json::array();
  EXPECT_EQ(ParseError(doc), "fund 'demo': needs at least one tranche in 'tranches'");
  EXPECT_EQ(ParseError(json::parse(R"({"tranches": []})")), "fund: needs 'id', a text");
}

TEST(FundAmountsTest, SplitAndRounding) {
  using funds_internal::SplitProRata;
  EXPECT_EQ(SplitProRata(10, {1, 1, 1}), (std::vector<std::int64_t>{4, 3, 3}));
  EXPECT_EQ(SplitProRata(5, {0, 0}), (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(SplitProRata(7, {0, 2}), (std::vector<std::int64_t>{0, 7}));
  // 0.29 * 100 is 28.999999999999996 in doubles; the tolerance keeps it 29.
  EXPECT_EQ(funds_internal::FloorTimes(100, 0.29), 29);
  EXPECT_EQ(funds_internal::CeilTimes(1000000, 0.25), 250000);
  EXPECT_EQ(funds_internal::FormatCents(5), "0.05");
}

}  // namespace
}  // namespace ecosol::finance
