// Trends from the store: the actors a reader may see and their indicators, a known territory
// named in the sentences. Runs on both backends.

#include "ecosol/ecosystem/trends_service.h"

#include <gtest/gtest.h>

#include <chrono>

#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::ecosystem {
namespace {

class TrendsServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  TrendsServiceTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), clock_);
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, const std::string& founded, const std::string& dissolved,
                   model::Visibility visibility) {
      model::Actor a;
      a.id = id;
      a.name = "Co-op " + id;
      a.address = {"", "Cardiff", "Wales", "", "GB"};
      a.founded = founded;
      a.dissolved = dissolved;
      a.attributes["sector"] = "Retail";
      a.visibility = visibility;
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << id;
    };
    add("a", "2012-05-01", "", model::Visibility::kPublic);
    add("b", "2013", "2015-02-01", model::Visibility::kPublic);
    add("c", "2014", "", model::Visibility::kPrivate);
    ASSERT_TRUE(db_.store()
                    .PutIndicators({{"a", "turnover", "2014", 100, "GBP", "test", "", ""},
                                    {"c", "turnover", "2014", 50, "GBP", "test", "", ""}})
                    .ok());
    everyone_.audience.everything = true;
  }

  testing::TestStore db_;
  FakeClock clock_;
  SnapshotScope public_;
  SnapshotScope everyone_;
};

TEST_P(TrendsServiceTest, CountsWhatTheReaderMaySee) {
  TrendsQuery q;
  q.territory = "GB/wales";
  q.from_year = 2012;
  q.to_year = 2015;
  auto pub = TrendsFor(db_.store(), public_, q);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  EXPECT_EQ(pub->total.actors, 2);
  EXPECT_EQ(pub->total.summary.births, 2);
  EXPECT_EQ(pub->total.summary.deaths, 1);
  EXPECT_EQ(pub->query.territory_name, "Wales");
  ASSERT_EQ(pub->indicators.size(), 1u);
  ASSERT_EQ(pub->total.years.size(), 4u);
  EXPECT_EQ(pub->total.years[2].indicators[0].sum, 100);  // 2014: a only

  auto all = TrendsFor(db_.store(), everyone_, q);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->total.actors, 3);
  EXPECT_EQ(all->total.years[2].indicators[0].sum, 150);  // 2014: a and c
}

TEST_P(TrendsServiceTest, UnknownTerritoriesAndBadQueriesAreRefused) {
  TrendsQuery q;
  q.territory = "GB/atlantis";
  EXPECT_EQ(TrendsFor(db_.store(), public_, q).status().code(), StatusCode::kNotFound);
  q.territory = "";
  q.dimension = "colour";
  auto bad = TrendsFor(db_.store(), public_, q);
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("colour"), std::string::npos) << bad.status().message();
}

TEST(ParseNameListTest, TrimsAndSkipsEmptyNames) {
  EXPECT_EQ(ParseNameList(" turnover, employees ,,"),
            (std::vector<std::string>{"turnover", "employees"}));
  EXPECT_TRUE(ParseNameList("").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, TrendsServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::ecosystem
