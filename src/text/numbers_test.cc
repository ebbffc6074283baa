#include "numbers.h"

#include <gtest/gtest.h>

#include "cue_pattern.h"
#include "cues.h"
#include "test_paths.h"

namespace ecosol::text {
namespace {

// The number words of data/clauses/<lang>.yaml.
const NumberWords& Words(const std::string& lang) {
  static std::map<std::string, NumberWords> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  auto cues = LoadLanguageCues(
      ::ecosol::testing::SourceDir() + "/data/clauses/" + lang + ".yaml",
      {"one_member_one_vote", "capital_weighted_voting", "voting_colleges", "investor_vote_cap",
       "open_membership", "social_purpose", "general_interest",
       "independence_from_public_authorities", "indivisible_reserves", "reserve_allocation_min",
       "profit_distribution_cap", "limited_return_on_capital", "patronage_refunds", "asset_lock",
       "liquidation_surplus_to_members", "pay_ratio_cap", "listed_shares", "venture_terms",
       "general_assembly_annual"});
  EXPECT_TRUE(cues.ok()) << cues.status().message();
  return cache[lang] = cues.ok() ? cues->numbers : NumberWords{};
}

double Percent(const std::string& text, const std::string& lang) {
  return ParseValue(text, ValueKind::kPercent, Words(lang)).value_or(-1);
}

TEST(NumbersTest, DigitsAndDecimalCommas) {
  EXPECT_DOUBLE_EQ(Percent("15 %", "fr"), 0.15);
  EXPECT_DOUBLE_EQ(Percent("57,5 %", "fr"), 0.575);
  EXPECT_DOUBLE_EQ(Percent("35 per cent", "en"), 0.35);
}

TEST(NumbersTest, NumberWordsInEachLanguage) {
  EXPECT_DOUBLE_EQ(Percent("thirty-five per cent", "en"), 0.35);
  EXPECT_DOUBLE_EQ(Percent("quinze pour cent", "fr"), 0.15);
  EXPECT_DOUBLE_EQ(Percent("soixante-dix pour cent", "fr"), 0.70);
  EXPECT_DOUBLE_EQ(Percent("quatre-vingt-dix-sept pour cent", "fr"), 0.97);
  EXPECT_DOUBLE_EQ(Percent("vingt et un pour cent", "fr"), 0.21);
  EXPECT_DOUBLE_EQ(Percent("treinta y cinco por ciento", "es"), 0.35);
  EXPECT_DOUBLE_EQ(Percent("veintidós por ciento", "es"), 0.22);
  EXPECT_DOUBLE_EQ(Percent("vinte e cinco por cento", "pt"), 0.25);
  EXPECT_DOUBLE_EQ(Percent("cem por cento", "pt"), 1.0);
  EXPECT_DOUBLE_EQ(Percent("one hundred per cent", "en"), 1.0);
  auto n = NumbersIn("two hundred and five", Words("en"));
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0], 205);
}

TEST(NumbersTest, FractionsInEachLanguage) {
  EXPECT_DOUBLE_EQ(Percent("half", "en"), 0.5);
  EXPECT_NEAR(Percent("one third", "en"), 1.0 / 3, 1e-5);
  EXPECT_NEAR(Percent("two thirds", "en"), 2.0 / 3, 1e-5);
  EXPECT_DOUBLE_EQ(Percent("la moitié", "fr"), 0.5);
  EXPECT_NEAR(Percent("un tiers", "fr"), 1.0 / 3, 1e-5);
  EXPECT_NEAR(Percent("deux tiers", "fr"), 2.0 / 3, 1e-5);
  EXPECT_DOUBLE_EQ(Percent("la mitad", "es"), 0.5);
  EXPECT_NEAR(Percent("un tercio", "es"), 1.0 / 3, 1e-5);
  EXPECT_DOUBLE_EQ(Percent("metade", "pt"), 0.5);
  EXPECT_NEAR(Percent("um terço", "pt"), 1.0 / 3, 1e-5);
}

TEST(NumbersTest, MultiplesTakeTheLargerSideOfARatio) {
  const NumberWords& en = Words("en");
  EXPECT_EQ(ParseValue("seven times", ValueKind::kMultiple, en), 7);
  EXPECT_EQ(ParseValue("7x", ValueKind::kMultiple, en), 7);
  EXPECT_EQ(ParseValue("1:8", ValueKind::kMultiple, en), 8);
  EXPECT_EQ(ParseValue("8:1", ValueKind::kMultiple, en), 8);
  EXPECT_EQ(ParseValue("sept fois", ValueKind::kMultiple, Words("fr")), 7);
  EXPECT_EQ(ParseValue("no number", ValueKind::kMultiple, en), std::nullopt);
}

TEST(CuePatternTest, AccentsAndCaseAreExpandedAndMacrosCapture) {
  NumberWords none;
  auto p = ExpandPattern("réserves impartageables", none);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->scan, "r(?:e|é|É)serves\\s+impartageables");
  EXPECT_EQ(p->kind, ValueKind::kNone);
  auto q = ExpandPattern("at least {percent} of{gap} reserve", Words("en"));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->kind, ValueKind::kPercent);
  EXPECT_NE(q->capture.find("((?:\\d+"), std::string::npos);  // the capture group
  EXPECT_EQ(q->scan.find("((?:\\d+"), std::string::npos);     // no capture in the scan form
}

TEST(CuePatternTest, MistakesAreRejected) {
  NumberWords none;
  EXPECT_FALSE(ExpandPattern("{unknown}", none).ok());
  EXPECT_FALSE(ExpandPattern("{percent} and {number}", none).ok());
  EXPECT_FALSE(ExpandPattern("[éè]", none).ok());
  EXPECT_FALSE(ExpandPattern("(?<=x)y", none).ok());
  EXPECT_FALSE(ExpandPattern("abc[", none).ok());
}

}  // namespace
}  // namespace ecosol::text
