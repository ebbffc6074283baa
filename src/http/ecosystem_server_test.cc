// /api/v1/ecosystem/metrics: the network of what each reader may see, the filters, and clear
// errors for bad parameters. Runs on both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ecosol/registry/registry.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "ecosystem-test-admin-token";

class EcosystemServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  EcosystemServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, model::ActorKind kind, const std::string& region,
                   model::Visibility visibility) {
      model::Actor a;
      a.id = id;
      a.name = "Actor " + id;
      a.kind = kind;
      a.address = {"", "", region, "", "CA"};
      a.visibility = visibility;
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok());
    };
    add("apex", model::ActorKind::kNetwork, "Québec", model::Visibility::kPublic);
    add("coop", model::ActorKind::kOrganisation, "Québec", model::Visibility::kPublic);
    add("fund", model::ActorKind::kFunder, "Québec", model::Visibility::kPublic);
    add("uni", model::ActorKind::kUniversity, "Ontario", model::Visibility::kPublic);
    add("secret", model::ActorKind::kInformalGroup, "Québec", model::Visibility::kPrivate);
    auto tie = [&](const std::string& from, const std::string& to, model::RelationshipType type,
                   const std::string& started) {
      model::Relationship r;
      r.from = from;
      r.to = to;
      r.type = type;
      r.started = started;
      ASSERT_TRUE(reg.CreateRelationship(r, "test").ok());
    };
    tie("coop", "apex", model::RelationshipType::kMemberOf, "2010");
    tie("fund", "coop", model::RelationshipType::kFunds, "2018-01-01");
    tie("uni", "apex", model::RelationshipType::kPartnerOf, "2015");
    tie("secret", "coop", model::RelationshipType::kPartnerOf, "2012");
    auto server = testing::TestServer::Start(testing::TestServerOptions(db_.url(), kAdminToken));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  static std::set<std::string> Ids(const json& report) {
    std::set<std::string> ids;
    for (const json& n : report["nodes"]) ids.insert(n["id"].get<std::string>());
    return ids;
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_P(EcosystemServerTest, EachReaderGetsTheNetworkItMaySee) {
  auto [status, pub] = server_->Get("/api/v1/ecosystem/metrics");
  ASSERT_EQ(status, 200) << pub.dump();
  EXPECT_EQ(Ids(pub), (std::set<std::string>{"apex", "coop", "fund", "uni"}));
  EXPECT_EQ(pub["summary"]["edges"], 3);
  EXPECT_EQ(pub["filter"]["types"], json::array());
  ASSERT_TRUE(pub["weaving"]["stage"].is_string());
  // The public answer again (from the cache) is the same.
  auto [again_status, again] = server_->Get("/api/v1/ecosystem/metrics");
  EXPECT_EQ(again_status, 200);
  EXPECT_EQ(again, pub);

  auto [admin_status, admin] = server_->Get("/api/v1/ecosystem/metrics", kAdminToken);
  ASSERT_EQ(admin_status, 200) << admin.dump();
  EXPECT_EQ(Ids(admin).count("secret"), 1u);
  EXPECT_EQ(admin["summary"]["edges"], 4);
}

TEST_P(EcosystemServerTest, FiltersByTerritoryTypeAndDay) {
  auto [s1, quebec] = server_->Get("/api/v1/ecosystem/metrics?territory=CA/quebec");
  ASSERT_EQ(s1, 200) << quebec.dump();
  EXPECT_EQ(Ids(quebec), (std::set<std::string>{"apex", "coop", "fund"}));
  auto [s2, partners] =
      server_->Get("/api/v1/ecosystem/metrics?territory=CA/quebec&with_partners=true");
  ASSERT_EQ(s2, 200) << partners.dump();
  EXPECT_EQ(Ids(partners).count("uni"), 1u);
  auto [s3, funds] = server_->Get("/api/v1/ecosystem/metrics?type=funds");
  ASSERT_EQ(s3, 200);
  EXPECT_EQ(funds["summary"]["edges"], 1);
  auto [s4, then] = server_->Get("/api/v1/ecosystem/metrics?as_of=2016-06-30&lang=fr");
  ASSERT_EQ(s4, 200);
  EXPECT_EQ(then["summary"]["edges"], 2);  // before the funding of 2018
  EXPECT_EQ(then["filter"]["as_of"], "2016-06-30");
}

TEST_P(EcosystemServerTest, BadParametersAreNamed) {
  for (const auto& [query, word] :
       std::vector<std::pair<std::string, std::string>>{{"type=lends_to", "lends_to"},
                                                        {"as_of=2016", "YYYY-MM-DD"},
                                                        {"territory=quebec", "territory"},
                                                        {"with_partners=maybe", "with_partners"},
                                                        {"betweenness=fast", "betweenness"},
                                                        {"samples=-3", "samples"},
                                                        {"lang=de", "lang"},
                                                        {"colour=red", "colour"}}) {
    auto [status, body] = server_->Get("/api/v1/ecosystem/metrics?" + query);
    EXPECT_EQ(status, 400) << query;
    EXPECT_NE(body.dump().find(word), std::string::npos) << query << ": " << body.dump();
  }
  auto [status, body] = server_->Get("/api/v1/ecosystem/metrics?territory=XX/nowhere");
  EXPECT_EQ(status, 404) << body.dump();
}

INSTANTIATE_TEST_SUITE_P(Backends, EcosystemServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
