// /api/v1/ecosystem/partners, /brokers, /assets and the offers and wants of actors: who may
// record, delete and restore them, what the public sees against an admin, and clear errors.
// Runs on both backends.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ecosol/auth/accounts.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "partners-test-admin-token";

json Profile(const std::string& exchange, const std::string& title,
             const std::vector<std::string>& tags) {
  return {{"linked_schemas", {"offers_wants_schema-v0.1.0"}},
          {"exchange_type", exchange},
          {"transaction_type", {"borrow-lend"}},
          {"tags", tags},
          {"title", title},
          {"description", title + "."},
          {"geographic_scope", "regional"},
          {"contact_details", {{"email", "contact@example.org"}}}};
}

bool Has(const json& items, const std::string& key, const std::string& id) {
  for (const json& i : items) {
    if (i.value(key, "") == id) return true;
  }
  return false;
}

// Whether recommendations name `id` as a partner.
bool Recommends(const json& answer, const std::string& id) {
  for (const json& r : answer["recommendations"]) {
    if (r["partner"]["id"] == id) return true;
  }
  return false;
}

class PartnersServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  PartnersServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, model::ActorKind kind, model::Visibility visibility) {
      model::Actor a;
      a.id = id;
      a.name = "Actor " + id;
      a.kind = kind;
      a.address = {"", "", "Québec", "", "CA"};
      a.visibility = visibility;
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << id;
    };
    add("apex", model::ActorKind::kNetwork, model::Visibility::kPublic);
    add("coop", model::ActorKind::kOrganisation, model::Visibility::kPublic);
    add("fund", model::ActorKind::kFunder, model::Visibility::kPublic);
    add("hidden-fund", model::ActorKind::kFunder, model::Visibility::kPrivate);
    model::Relationship r;
    r.from = "coop";
    r.to = "apex";
    r.type = model::RelationshipType::kMemberOf;
    ASSERT_TRUE(reg.CreateRelationship(r, "test").ok());

    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto token = [&](const std::string& email, const std::string& scope,
                     const std::string& member_of) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      EXPECT_TRUE(user.ok());
      if (!member_of.empty()) {
        EXPECT_TRUE(accounts.GrantRole(user->id, auth::Role::kMember, "actor:" + member_of).ok());
      }
      auto t = accounts.CreateToken(user->id, "test", scope, 30);
      EXPECT_TRUE(t.ok());
      return t->token;
    };
    member_token_ = token("member@example.org", "write", "coop");
    stranger_token_ = token("stranger@example.org", "write", "");
    read_token_ = token("reader@example.org", "read", "coop");

    http::ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string member_token_, stranger_token_, read_token_;
};

TEST_P(PartnersServerTest, MembersRecordOffersAndWantsOthersMayNot) {
  const json want = Profile("want", "A loan for a delivery van", {"finance"});
  auto [anon, anon_body] = server_->Post("/api/v1/actors/coop/offers-wants", want);
  EXPECT_EQ(anon, 401) << anon_body.dump();
  auto [stranger, stranger_body] =
      server_->Post("/api/v1/actors/coop/offers-wants", want, stranger_token_);
  EXPECT_EQ(stranger, 403) << stranger_body.dump();
  auto [reader, reader_body] = server_->Post("/api/v1/actors/coop/offers-wants", want, read_token_);
  EXPECT_EQ(reader, 403) << reader_body.dump();

  auto [created, saved] = server_->Post("/api/v1/actors/coop/offers-wants", want, member_token_);
  ASSERT_EQ(created, 201) << saved.dump();
  const std::string id = saved["id"];
  EXPECT_EQ(saved["version"], 1);
  EXPECT_EQ(saved["asset_type"], "finance");

  auto [listed, list] = server_->Get("/api/v1/actors/coop/offers-wants");
  ASSERT_EQ(listed, 200) << list.dump();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["title"], "A loan for a delivery van");
  auto [m_status, murm] = server_->Get("/api/v1/actors/coop/offers-wants?format=murmurations");
  ASSERT_EQ(m_status, 200);
  EXPECT_EQ(murm["items"][0]["linked_schemas"][0], "offers_wants_schema-v0.1.0");

  EXPECT_EQ(server_->Delete("/api/v1/offers-wants/" + id, stranger_token_).first, 403);
  auto [deleted, d] = server_->Delete("/api/v1/offers-wants/" + id, member_token_);
  ASSERT_EQ(deleted, 200) << d.dump();
  EXPECT_EQ(d["version"], 2);
  EXPECT_EQ(server_->Delete("/api/v1/offers-wants/" + id, member_token_).first, 409);
  EXPECT_TRUE(server_->Get("/api/v1/actors/coop/offers-wants").second["items"].empty());
  EXPECT_EQ(server_->Get("/api/v1/actors/coop/offers-wants?with_deleted=true").first, 401);
  auto [with_deleted, all] =
      server_->Get("/api/v1/actors/coop/offers-wants?with_deleted=true", member_token_);
  ASSERT_EQ(with_deleted, 200) << all.dump();
  EXPECT_EQ(all["items"].size(), 1u);
  auto [restored, r] =
      server_->Post("/api/v1/offers-wants/" + id + "/restore", json::object(), member_token_);
  ASSERT_EQ(restored, 200) << r.dump();
  auto [h_status, history] = server_->Get("/api/v1/offers-wants/" + id + "/history", kAdminToken);
  ASSERT_EQ(h_status, 200) << history.dump();
  EXPECT_EQ(history["versions"].size(), 3u);
  EXPECT_EQ(server_->Get("/api/v1/offers-wants/" + id + "/history").first, 401);
}

TEST_P(PartnersServerTest, RecommendationsFollowWhatTheCallerMaySee) {
  ASSERT_EQ(server_
                ->Post("/api/v1/actors/coop/offers-wants",
                       Profile("want", "A loan for a delivery van", {"finance"}), member_token_)
                .first,
            201);
  auto [status, pub] = server_->Get("/api/v1/ecosystem/partners?actor=coop");
  ASSERT_EQ(status, 200) << pub.dump();
  EXPECT_EQ(pub["actor_id"], "coop");
  EXPECT_TRUE(Recommends(pub, "fund")) << pub.dump(2);
  EXPECT_FALSE(Recommends(pub, "hidden-fund")) << pub.dump(2);
  EXPECT_EQ(server_->Get("/api/v1/ecosystem/partners?actor=coop").second, pub);  // cached

  auto [a_status, admin] = server_->Get("/api/v1/ecosystem/partners?actor=coop", kAdminToken);
  ASSERT_EQ(a_status, 200) << admin.dump();
  EXPECT_TRUE(Recommends(admin, "hidden-fund")) << admin.dump(2);

  auto [fr_status, fr] = server_->Get("/api/v1/ecosystem/partners?actor=coop&lang=fr");
  ASSERT_EQ(fr_status, 200);
  ASSERT_FALSE(fr["recommendations"].empty());
  EXPECT_TRUE(fr["recommendations"][0]["explanation"].is_string());

  // A new want moves the public's cached answer.
  ASSERT_EQ(server_
                ->Post("/api/v1/actors/fund/offers-wants",
                       Profile("offer", "Meeting rooms", {"premises"}), kAdminToken)
                .first,
            201);
  ASSERT_EQ(server_
                ->Post("/api/v1/actors/coop/offers-wants",
                       Profile("want", "Rooms for our assembly", {"premises"}), member_token_)
                .first,
            201);
  auto [later_status, later] = server_->Get("/api/v1/ecosystem/partners?actor=coop");
  ASSERT_EQ(later_status, 200);
  EXPECT_NE(later, pub);

  auto [b_status, brokers] = server_->Get("/api/v1/ecosystem/brokers?territory=CA/quebec");
  ASSERT_EQ(b_status, 200) << brokers.dump();
  EXPECT_EQ(brokers["territory"], "CA/quebec");
  EXPECT_TRUE(brokers["gaps"].is_array());
  auto [assets_status, assets] = server_->Get("/api/v1/ecosystem/assets?lang=es");
  ASSERT_EQ(assets_status, 200);
  EXPECT_TRUE(Has(assets["asset_types"], "id", "finance"));
  EXPECT_TRUE(assets["asset_types"][0]["label"].is_string());
}

TEST_P(PartnersServerTest, BadRequestsAreExplained) {
  auto expect = [&](const std::string& path, int code, const std::string& words) {
    auto [status, body] = server_->Get(path);
    EXPECT_EQ(status, code) << path << " " << body.dump();
    EXPECT_NE(body.dump().find(words), std::string::npos) << path << " " << body.dump();
  };
  expect("/api/v1/ecosystem/partners", 400, "actor");
  expect("/api/v1/ecosystem/partners?actor=nobody", 404, "nobody");
  expect("/api/v1/ecosystem/partners?actor=hidden-fund", 404, "hidden-fund");
  expect("/api/v1/ecosystem/partners?actor=coop&limit=0", 400, "limit");
  expect("/api/v1/ecosystem/partners?actor=coop&max_km=-3", 400, "max_km");
  expect("/api/v1/ecosystem/partners?actor=coop&include_tied=maybe", 400, "include_tied");
  expect("/api/v1/ecosystem/partners?actor=coop&asset=gold", 400, "gold");
  expect("/api/v1/ecosystem/partners?actor=coop&colour=red", 400, "colour");
  expect("/api/v1/ecosystem/brokers?territory=CA/nowhere", 404, "CA/nowhere");
  expect("/api/v1/ecosystem/assets?lang=de", 400, "lang");
  expect("/api/v1/actors/hidden-fund/offers-wants", 404, "hidden-fund");
  expect("/api/v1/actors/coop/offers-wants?format=xml", 400, "format");
  expect("/api/v1/offers-wants/ow-none/history", 404, "ow-none");

  json bad = Profile("want", "A loan", {"finance"});
  bad.erase("contact_details");
  auto [status, body] = server_->Post("/api/v1/actors/coop/offers-wants", bad, member_token_);
  EXPECT_EQ(status, 400) << body.dump();
  EXPECT_NE(body.dump().find("contact_details"), std::string::npos) << body.dump();
  EXPECT_TRUE(server_->Get("/api/v1/actors/coop/offers-wants").second["items"].empty());
}

// Trends over the same registry: no founding dates here, so every actor is counted apart.
TEST_P(PartnersServerTest, TrendsCountWhatTheCallerMaySee) {
  auto [status, pub] =
      server_->Get("/api/v1/ecosystem/trends?territory=CA/quebec&from=2020&to=2021");
  ASSERT_EQ(status, 200) << pub.dump();
  EXPECT_EQ(pub["total"]["actors"], 3);
  EXPECT_EQ(pub["total"]["unknown_founded"], 3);
  EXPECT_EQ(pub["total"]["years"].size(), 2u);
  auto [a_status, admin] =
      server_->Get("/api/v1/ecosystem/trends?territory=CA/quebec&from=2020&to=2021", kAdminToken);
  ASSERT_EQ(a_status, 200) << admin.dump();
  EXPECT_EQ(admin["total"]["actors"], 4);

  auto csv = server_->Send("GET", "/api/v1/ecosystem/trends?from=2020&to=2020&format=csv", "", {});
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv->body.find("births"), std::string::npos) << csv->body;

  auto expect = [&](const std::string& path, int code, const std::string& words) {
    auto [s, body] = server_->Get(path);
    EXPECT_EQ(s, code) << path << " " << body.dump();
    EXPECT_NE(body.dump().find(words), std::string::npos) << path << " " << body.dump();
  };
  expect("/api/v1/ecosystem/trends?by=colour", 400, "colour");
  expect("/api/v1/ecosystem/trends?from=year", 400, "from");
  expect("/api/v1/ecosystem/trends?from=2020&to=2010", 400, "from");
  expect("/api/v1/ecosystem/trends?territory=CA/nowhere", 404, "CA/nowhere");
  expect("/api/v1/ecosystem/trends?format=xml", 400, "format");
}

// Without a frameworks folder, or with one whose files do not load, the routes that need a
// framework answer 503 with the reason, and the rest of the server works.
TEST(FrameworkRoutesTest, MissingOrBrokenFrameworksAnswer503WithTheReason) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  {
    http::ServerOptions o = testing::TestServerOptions(db.url(), kAdminToken);
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    auto [partners, p] = (*server)->Get("/api/v1/ecosystem/partners?actor=x");
    EXPECT_EQ(partners, 503) << p.dump();
    EXPECT_NE(p.dump().find("partner matching is not configured on this server (start it with "
                            "--frameworks)"),
              std::string::npos)
        << p.dump();
    auto [blocks, b] = (*server)->Get("/api/v1/ecosystem/blocks?territory=CA");
    EXPECT_EQ(blocks, 503) << b.dump();
    EXPECT_NE(b.dump().find("the building blocks are not configured"), std::string::npos)
        << b.dump();
    EXPECT_EQ((*server)->Get("/api/v1/health").first, 200);
  }
  // The project's frameworks with the two files these routes read made invalid (still YAML of
  // their kind, which the screening catalogue leaves aside: a file that is not YAML at all
  // stops the server at start, with the reason).
  const std::string broken =
      ::testing::TempDir() + "broken-frameworks-" + std::to_string(::getpid());
  std::filesystem::remove_all(broken);
  std::filesystem::copy(::ecosol::testing::SourceDir() + "/frameworks", broken,
                        std::filesystem::copy_options::recursive);
  std::ofstream(broken + "/building-blocks.yaml") << "id: building-blocks\nkind: building_blocks\n";
  std::ofstream(broken + "/partner-assets.yaml") << "id: partner-assets\nkind: partner_assets\n";
  http::ServerOptions o = testing::TestServerOptions(db.url(), kAdminToken);
  o.frameworks_dir = broken;
  o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
  auto server = testing::TestServer::Start(o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  auto [blocks, b] = (*server)->Get("/api/v1/ecosystem/framework");
  EXPECT_EQ(blocks, 503) << b.dump();
  EXPECT_NE(b.dump().find("the building-blocks framework could not be loaded"), std::string::npos)
      << b.dump();
  auto [assets, a] = (*server)->Get("/api/v1/ecosystem/assets");
  EXPECT_EQ(assets, 503) << a.dump();
  EXPECT_NE(a.dump().find("the partner-assets framework could not be loaded"), std::string::npos)
      << a.dump();
  EXPECT_EQ((*server)->Get("/api/v1/health").first, 200);
  std::filesystem::remove_all(broken);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnersServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
