// Loading the network from the store as a reader sees it, and the report of the service. Runs on
// both backends.

#include "ecosol/ecosystem/service.h"

#include <gtest/gtest.h>

#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::ecosystem {
namespace {

using model::RelationshipType;
using nlohmann::json;

TEST(ParseTypeListTest, ReadsCommaListsAndNamesTheKnownTypes) {
  auto types = ParseTypeList(" funds, partner_of,funds ");
  ASSERT_TRUE(types.ok()) << types.status().ToString();
  EXPECT_EQ(*types, (std::vector<RelationshipType>{RelationshipType::kFunds,
                                                   RelationshipType::kPartnerOf}));
  EXPECT_TRUE(ParseTypeList("")->empty());
  auto bad = ParseTypeList("funds,lends_to");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'lends_to'"), std::string::npos);
  EXPECT_NE(bad.status().message().find("member_of"), std::string::npos);
}

TEST(CheckFilterTest, RejectsBadDaysAndTerritories) {
  NetworkFilter f;
  EXPECT_TRUE(CheckFilter(f).ok());
  f.as_of = "2015-06-30";
  f.territory = "CA/quebec";
  EXPECT_TRUE(CheckFilter(f).ok());
  f.as_of = "2015";
  EXPECT_NE(CheckFilter(f).message().find("YYYY-MM-DD"), std::string::npos);
  f.as_of = "2015-13-01";
  EXPECT_FALSE(CheckFilter(f).ok());
  f.as_of = "";
  f.territory = "quebec";
  EXPECT_NE(CheckFilter(f).message().find("territory"), std::string::npos);
  f.territory = "CA/";
  EXPECT_FALSE(CheckFilter(f).ok());
  f.territory = "";
  f.with_partners = true;
  EXPECT_NE(CheckFilter(f).message().find("with_partners"), std::string::npos);
}

class SnapshotTest : public ::testing::TestWithParam<std::string> {
 protected:
  SnapshotTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, model::ActorKind kind, model::Visibility visibility) {
      model::Actor a;
      a.id = id;
      a.name = "Actor " + id;
      a.kind = kind;
      a.address = {"", "Montréal", "Québec", "", "CA"};
      a.visibility = visibility;
      auto made = reg.CreateActor(a, "test", "api");
      ASSERT_TRUE(made.ok()) << made.status().ToString();
    };
    add("apex", model::ActorKind::kNetwork, model::Visibility::kPublic);
    add("coop", model::ActorKind::kOrganisation, model::Visibility::kPublic);
    add("fund", model::ActorKind::kFunder, model::Visibility::kPublic);
    add("secret", model::ActorKind::kInformalGroup, model::Visibility::kPrivate);
    auto tie = [&](const std::string& from, const std::string& to, RelationshipType type,
                   const std::string& started, const std::string& ended) {
      model::Relationship r;
      r.from = from;
      r.to = to;
      r.type = type;
      r.started = started;
      r.ended = ended;
      auto made = reg.CreateRelationship(r, "test");
      ASSERT_TRUE(made.ok()) << made.status().ToString();
    };
    tie("coop", "apex", RelationshipType::kMemberOf, "2010", "");
    tie("fund", "coop", RelationshipType::kFunds, "2016-03-01", "");
    tie("fund", "apex", RelationshipType::kFunds, "2005", "2012-12-31");
    tie("secret", "coop", RelationshipType::kPartnerOf, "", "");
  }

  testing::TestStore db_;
};

TEST_P(SnapshotTest, ThePublicSeesPublicActorsAndTheTiesBetweenThem) {
  auto snap = LoadSnapshot(db_.store(), SnapshotScope{});
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  ASSERT_EQ(snap->actors.size(), 3u);
  EXPECT_EQ(snap->actors[0].id, "apex");
  EXPECT_EQ(snap->relationships.size(), 3u);  // not the tie of the private group
  for (const model::Relationship& r : snap->relationships) EXPECT_NE(r.from, "secret");

  SnapshotScope admin;
  admin.audience.everything = true;
  auto all = LoadSnapshot(db_.store(), admin);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->actors.size(), 4u);
  EXPECT_EQ(all->relationships.size(), 4u);
}

TEST_P(SnapshotTest, TheReportFollowsTheFilterAndTheDay) {
  SnapshotScope admin;
  admin.audience.everything = true;
  auto snap = LoadSnapshot(db_.store(), admin);
  ASSERT_TRUE(snap.ok());
  NetworkFilter today;
  auto now = NetworkReport(*snap, today, MetricsOptions{});
  ASSERT_TRUE(now.ok()) << now.status().ToString();
  EXPECT_EQ((*now)["summary"]["nodes"], 4);
  EXPECT_EQ((*now)["summary"]["edges"], 3);  // the funding of the apex ended in 2012
  EXPECT_EQ((*now)["filter"]["territory"], "");

  NetworkFilter in2011;
  in2011.as_of = "2011-06-30";
  auto then = NetworkReport(*snap, in2011, MetricsOptions{});
  ASSERT_TRUE(then.ok()) << then.status().ToString();
  // coop->apex (2010), fund->apex (2005-2012) and the undated partnership; not 2016's funding.
  EXPECT_EQ((*then)["summary"]["edges"], 3);
  bool fund_apex = false;
  for (const json& e : (*then)["edges"]) {
    EXPECT_FALSE(e["from"] == "fund" && e["to"] == "coop");
    if (e["from"] == "fund" && e["to"] == "apex") fund_apex = true;
  }
  EXPECT_TRUE(fund_apex);

  NetworkFilter funds;
  funds.types = {RelationshipType::kFunds};
  auto f = NetworkReport(*snap, funds, MetricsOptions{});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)["summary"]["edges"], 1);
  EXPECT_EQ((*f)["filter"]["types"], json::array({"funds"}));

  NetworkFilter bad;
  bad.as_of = "yesterday";
  auto b = NetworkReport(*snap, bad, MetricsOptions{});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, SnapshotTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::ecosystem
