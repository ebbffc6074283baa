// POST /api/v1/ecosystem/suppliers and /awards: the public sees verdicts without fact values,
// an admin sees them; only those who may edit the buyer record awards; an award raises the
// territory's market-access block; bad tenders and duplicate awards are refused. Both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ecosol/auth/accounts.h"
#include "ecosol/registry/registry.h"
#include "ecosol/screening/service.h"
#include "ecosol/text/statutes.h"
#include "test_paths.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "suppliers-test-admin-token";

json Tender(const std::string& reference) {
  return {{"buyer", "council"},
          {"title", "Home care"},
          {"reference", reference},
          {"date", "2026-11-29"},
          {"activities", {"ICA140"}},
          {"territory", "GB"},
          {"reservation", "eu-2014-24-art77"},
          {"max_duration_years", 3}};
}

const json* Supplier(const json& answer, const std::string& id) {
  for (const json& s : answer["suppliers"]) {
    if (s["actor"]["id"] == id) return &s;
  }
  return nullptr;
}

class SuppliersServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  SuppliersServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, model::ActorKind kind,
                   std::vector<std::string> activities) {
      model::Actor a;
      a.id = id;
      a.name = "Actor " + id;
      a.kind = kind;
      a.territory = "GB";
      a.address.country = "GB";
      a.activities = std::move(activities);
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << id;
    };
    add("council", model::ActorKind::kPublicBody, {});
    add("care-coop", model::ActorKind::kOrganisation, {"ICA140"});
    add("care-ltd", model::ActorKind::kOrganisation, {"ICA140"});
    ASSERT_TRUE(
        db_.store().PutTerritory({"GB", "", "United Kingdom", "country", std::nullopt}).ok());
    const std::string frameworks = ::ecosol::testing::SourceDir() + "/frameworks";
    auto catalogue = screening::LoadFrameworks(frameworks);
    ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
    auto analyzer = text::ClauseAnalyzer::Load(::ecosol::testing::SourceDir() + "/data/clauses");
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    screening::ScreeningService screening(reg, *catalogue, *analyzer, SystemClock());
    json good = {{"purpose", {{"general_interest", true}}},
                 {"profits", {{"distributable", false}}},
                 {"governance", {{"voting_rule", "one_member_one_vote"}}}};
    ASSERT_TRUE(screening.SaveProfile("care-coop", good, nullptr, "tester").ok());

    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto token = [&](const std::string& email, const std::string& scope) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      EXPECT_TRUE(user.ok());
      auto t = accounts.CreateToken(user->id, "test", scope, 30);
      EXPECT_TRUE(t.ok());
      return t->token;
    };
    stranger_token_ = token("stranger@example.org", "write");

    http::ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = frameworks;
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  double MarketAccess() {
    auto [status, report] = server_->Get("/api/v1/ecosystem/blocks?territory=GB", kAdminToken);
    EXPECT_EQ(status, 200) << report.dump();
    for (const json& b : report["blocks"]) {
      if (b["block"] == "market_access") return b["hard"].get<double>();
    }
    return -1;
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string stranger_token_;
};

TEST_P(SuppliersServerTest, ThePublicSeesVerdictsAndAnAdminTheFactValues) {
  auto [status, pub] = server_->Post("/api/v1/ecosystem/suppliers?lang=pt", Tender("T-1"));
  ASSERT_EQ(status, 200) << pub.dump();
  const json* coop = Supplier(pub, "care-coop");
  ASSERT_NE(coop, nullptr) << pub.dump(2);
  EXPECT_EQ((*coop)["verdict"], "eligible");
  EXPECT_EQ((*coop)["facts_shown"], false);
  EXPECT_TRUE((*coop)["summary"].is_string());  // one language, as asked
  for (const json& c : (*coop)["conditions"]) {
    for (const json& f : c["facts"]) {
      if (f["fact"].get<std::string>().rfind("tender.", 0) != 0) {
        EXPECT_FALSE(f.contains("value")) << f.dump();
      }
    }
  }
  auto [admin_status, admin] =
      server_->Post("/api/v1/ecosystem/suppliers", Tender("T-1"), kAdminToken);
  ASSERT_EQ(admin_status, 200) << admin.dump();
  const json* seen = Supplier(admin, "care-coop");
  ASSERT_NE(seen, nullptr);
  EXPECT_EQ((*seen)["facts_shown"], true);
  EXPECT_EQ(Supplier(admin, "care-ltd")->at("verdict"), "insufficient_evidence");
}

TEST_P(SuppliersServerTest, OnlyThoseWhoMayEditTheBuyerRecordAwards) {
  const json award = {{"tender", Tender("T-1")}, {"supplier", "care-coop"}, {"date", "2026-12-01"}};
  EXPECT_EQ(server_->Post("/api/v1/ecosystem/awards", award).first, 401);
  EXPECT_EQ(server_->Post("/api/v1/ecosystem/awards", award, stranger_token_).first, 403);
  EXPECT_EQ(MarketAccess(), 0);
  auto [created, rel] = server_->Post("/api/v1/ecosystem/awards", award, kAdminToken);
  ASSERT_EQ(created, 201) << rel.dump();
  EXPECT_EQ(rel["from"], "care-coop");
  EXPECT_EQ(rel["to"], "council");
  EXPECT_EQ(rel["type"], "supplies");
  EXPECT_EQ(MarketAccess(), 60);
  // The same award again, or another art. 77 award within three years: refused, nothing written.
  EXPECT_EQ(server_->Post("/api/v1/ecosystem/awards", award, kAdminToken).first, 409);
  json next = award;
  next["tender"]["reference"] = "T-2";
  auto [conflict, why] = server_->Post("/api/v1/ecosystem/awards", next, kAdminToken);
  EXPECT_EQ(conflict, 409) << why.dump();
  EXPECT_NE(why.dump().find("77(2)(d)"), std::string::npos) << why.dump();
  auto [listed, rels] = server_->Get("/api/v1/actors/care-coop/relationships", kAdminToken);
  ASSERT_EQ(listed, 200) << rels.dump();
  size_t supplies = 0;
  for (const json& r : rels["items"]) supplies += r["type"] == "supplies" ? 1 : 0;
  EXPECT_EQ(supplies, 1u) << rels.dump();
}

TEST_P(SuppliersServerTest, BadTendersAreRefusedWithTheFix) {
  json no_activities = Tender("T-1");
  no_activities["activities"] = json::array();
  auto [bad, why] = server_->Post("/api/v1/ecosystem/suppliers", no_activities);
  EXPECT_EQ(bad, 400);
  EXPECT_NE(why.dump().find("activities"), std::string::npos) << why.dump();
  json unknown_buyer = Tender("T-1");
  unknown_buyer["buyer"] = "nobody";
  EXPECT_EQ(server_->Post("/api/v1/ecosystem/suppliers", unknown_buyer).first, 404);
  json unknown_rule = Tender("T-1");
  unknown_rule["reservation"] = "eu-2014-24-art99";
  EXPECT_EQ(server_->Post("/api/v1/ecosystem/suppliers", unknown_rule).first, 400);
  EXPECT_EQ(server_->Post("/api/v1/ecosystem/suppliers?lang=de", Tender("T-1")).first, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, SuppliersServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
