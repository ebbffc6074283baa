// /api/v1/ecosystem/blocks, /compare, /framework and /perception: what the public sees against
// an admin, the rating form, recording, deleting and restoring assessments with their
// permissions, and clear errors for bad parameters. Runs on both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ecosol/auth/accounts.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "blocks-test-admin-token";

class EcosystemBlocksServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  EcosystemBlocksServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, model::ActorKind kind, const std::string& region,
                   std::vector<std::string> structures, model::Visibility visibility) {
      model::Actor a;
      a.id = id;
      a.name = "Actor " + id;
      a.kind = kind;
      a.address = {"", "", region, "", "CA"};
      a.structures = std::move(structures);
      a.visibility = visibility;
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << id;
    };
    add("apex", model::ActorKind::kNetwork, "Québec", {"OS180"}, model::Visibility::kPublic);
    add("coop", model::ActorKind::kOrganisation, "Québec", {}, model::Visibility::kPublic);
    add("fund", model::ActorKind::kFunder, "Québec", {}, model::Visibility::kPublic);
    add("city", model::ActorKind::kPublicBody, "Québec", {}, model::Visibility::kPublic);
    add("secret", model::ActorKind::kUniversity, "Québec", {}, model::Visibility::kPrivate);
    add("uni", model::ActorKind::kUniversity, "Ontario", {}, model::Visibility::kPublic);
    auto tie = [&](const std::string& from, const std::string& to, model::RelationshipType type) {
      model::Relationship r;
      r.from = from;
      r.to = to;
      r.type = type;
      ASSERT_TRUE(reg.CreateRelationship(r, "test").ok());
    };
    tie("coop", "apex", model::RelationshipType::kMemberOf);
    tie("fund", "apex", model::RelationshipType::kMemberOf);
    tie("coop", "city", model::RelationshipType::kSupplies);
    tie("secret", "apex", model::RelationshipType::kPartnerOf);
    tie("uni", "coop", model::RelationshipType::kPartnerOf);

    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto token = [&](const std::string& email, const std::string& scope, std::string* user_id) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      EXPECT_TRUE(user.ok());
      if (user_id) *user_id = user->id;
      auto t = accounts.CreateToken(user->id, "test", scope, 30);
      EXPECT_TRUE(t.ok());
      return t->token;
    };
    rater_token_ = token("rater@example.org", "write", &rater_id_);
    other_token_ = token("other@example.org", "write", nullptr);
    read_token_ = token("reader@example.org", "read", nullptr);

    http::ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  std::pair<int, json> Rate(const json& scores, const std::string& token,
                            const std::string& territory = "CA/quebec") {
    return server_->Post(
        "/api/v1/ecosystem/perception",
        {{"territory", territory}, {"rater_role", "researcher"}, {"scores", scores}}, token);
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string rater_id_, rater_token_, other_token_, read_token_;
};

TEST_P(EcosystemBlocksServerTest, ThePublicSeesPublicActorsAndAnAdminSeesAll) {
  auto [status, pub] = server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec");
  ASSERT_EQ(status, 200) << pub.dump();
  EXPECT_EQ(pub["territory"]["id"], "CA/quebec");
  EXPECT_EQ(pub["indicators"]["actors"], 4);
  EXPECT_EQ(pub["blocks"].size(), 7u);
  EXPECT_TRUE(pub["type"]["reason"].is_object());
  auto [again_status, again] = server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec");
  EXPECT_EQ(again_status, 200);
  EXPECT_EQ(again, pub);

  auto [admin_status, admin] =
      server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec", kAdminToken);
  ASSERT_EQ(admin_status, 200) << admin.dump();
  EXPECT_EQ(admin["indicators"]["actors"], 5);
  EXPECT_EQ(admin["indicators"]["by_kind"]["university"], 1);
  EXPECT_FALSE(pub["indicators"]["by_kind"].contains("university"));

  auto [fr_status, fr] = server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec&lang=fr");
  ASSERT_EQ(fr_status, 200);
  ASSERT_TRUE(fr["type"]["reason"].is_string());
  EXPECT_EQ(fr["type"]["reason"], pub["type"]["reason"]["fr"]);
}

TEST_P(EcosystemBlocksServerTest, BadParametersAreExplained) {
  auto expect = [&](const std::string& path, int code, const std::string& words) {
    auto [status, body] = server_->Get(path);
    EXPECT_EQ(status, code) << path << " " << body.dump();
    EXPECT_NE(body.dump().find(words), std::string::npos) << path << " " << body.dump();
  };
  expect("/api/v1/ecosystem/blocks", 400, "territory");
  expect("/api/v1/ecosystem/blocks?territory=CA/nowhere", 404, "CA/nowhere");
  expect("/api/v1/ecosystem/blocks?territory=quebec", 400, "territory");
  expect("/api/v1/ecosystem/blocks?territory=CA/quebec&lang=de", 400, "lang");
  expect("/api/v1/ecosystem/blocks?territory=CA/quebec&as_of=2020-01-01", 400, "as_of");
  expect("/api/v1/ecosystem/compare?territories=CA/quebec", 400, "two or more");
  expect("/api/v1/ecosystem/compare?territories=CA/quebec,CA/quebec", 400, "twice");
  expect("/api/v1/ecosystem/compare?territories=CA/quebec,CA/nowhere", 404, "CA/nowhere");
  expect("/api/v1/ecosystem/framework?lang=xx", 400, "lang");
  expect("/api/v1/ecosystem/perception?territory=CA/nowhere", 404, "CA/nowhere");
  expect("/api/v1/ecosystem/perception?territory=CA/quebec&with_deleted=yes", 400, "with_deleted");
  expect("/api/v1/ecosystem/perception?territory=CA/quebec&with_deleted=true", 401, "sign in");
}

TEST_P(EcosystemBlocksServerTest, CompareTwoTerritories) {
  auto [status, c] =
      server_->Get("/api/v1/ecosystem/compare?territories=CA/quebec,CA/ontario&lang=en");
  ASSERT_EQ(status, 200) << c.dump();
  ASSERT_EQ(c["territories"].size(), 2u);
  EXPECT_EQ(c["territories"][0]["id"], "CA/quebec");
  EXPECT_EQ(c["territories"][1]["id"], "CA/ontario");
  EXPECT_FALSE(c["rows"].empty());
  ASSERT_FALSE(c["differences"].empty());
  EXPECT_TRUE(c["differences"][0]["text"].is_string());
}

TEST_P(EcosystemBlocksServerTest, FrameworkForARatingForm) {
  auto [status, f] = server_->Get("/api/v1/ecosystem/framework");
  ASSERT_EQ(status, 200) << f.dump();
  EXPECT_EQ(f["id"], "building-blocks");
  ASSERT_EQ(f["blocks"].size(), 7u);
  EXPECT_EQ(f["oecd_areas"].size(), 9u);
  EXPECT_EQ(f["bept_modules"].size(), 7u);
  for (const json& b : f["blocks"]) {
    EXPECT_EQ(b["label"].size(), 4u) << b["id"];
    EXPECT_FALSE(b["statements"].empty()) << b["id"];
    EXPECT_FALSE(b["oecd_areas"].empty()) << b["id"];
    for (const json& s : b["statements"]) EXPECT_TRUE(s["text"]["pt"].is_string());
  }
  auto [pt_status, pt] = server_->Get("/api/v1/ecosystem/framework?lang=pt");
  ASSERT_EQ(pt_status, 200);
  EXPECT_EQ(pt["blocks"][0]["label"], f["blocks"][0]["label"]["pt"]);
}

TEST_P(EcosystemBlocksServerTest, RecordingNeedsASignedInWriter) {
  const json scores = {{"market_access.social_procurement", 9},
                       {"market_access.private_buyers", nullptr}};
  EXPECT_EQ(Rate(scores, "").first, 401);
  EXPECT_EQ(Rate(scores, read_token_).first, 403);
  auto [bad_status, bad] = Rate({{"market_access.social_procurement", 10.5}}, rater_token_);
  EXPECT_EQ(bad_status, 400);
  EXPECT_NE(bad.dump().find("market_access.social_procurement"), std::string::npos) << bad.dump();
  auto [unknown_status, unknown] = Rate({{"market_access.magic", 5}}, rater_token_);
  EXPECT_EQ(unknown_status, 400);
  EXPECT_NE(unknown.dump().find("market_access.magic"), std::string::npos) << unknown.dump();
  EXPECT_EQ(Rate(scores, rater_token_, "CA/nowhere").first, 404);
  auto [extra_status, extra] = server_->Post(
      "/api/v1/ecosystem/perception",
      {{"territory", "CA/quebec"}, {"rater", "someone"}, {"scores", scores}}, rater_token_);
  EXPECT_EQ(extra_status, 400);
  EXPECT_NE(extra.dump().find("'rater'"), std::string::npos) << extra.dump();
  auto [none_status, none] = server_->Get("/api/v1/ecosystem/perception?territory=CA/quebec");
  ASSERT_EQ(none_status, 200);
  EXPECT_TRUE(none["items"].empty());  // nothing was written
}

TEST_P(EcosystemBlocksServerTest, RecordListDeleteAndRestore) {
  auto [before_status, before] = server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec");
  ASSERT_EQ(before_status, 200);
  EXPECT_EQ(before["raters"], 0);

  auto [status, a] = Rate({{"market_access.social_procurement", 9}}, rater_token_);
  ASSERT_EQ(status, 201) << a.dump();
  const std::string id = a["id"].get<std::string>();
  EXPECT_EQ(a["rater"], "user:" + rater_id_);
  EXPECT_EQ(a["rater_role"], "researcher");
  EXPECT_EQ(a["territory"], "CA/quebec");
  EXPECT_EQ(a["deleted"], false);

  // The public's cached report follows the new rating.
  auto [after_status, after] = server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec");
  ASSERT_EQ(after_status, 200);
  EXPECT_EQ(after["raters"], 1);

  // Raters are named to signed-in callers only.
  auto [pub_status, pub] = server_->Get("/api/v1/ecosystem/perception?territory=CA/quebec");
  ASSERT_EQ(pub_status, 200);
  ASSERT_EQ(pub["items"].size(), 1u);
  EXPECT_TRUE(pub["items"][0]["rater"].is_null());
  EXPECT_EQ(pub["items"][0]["scores"]["market_access.social_procurement"], 9);
  auto [in_status, in] =
      server_->Get("/api/v1/ecosystem/perception?territory=CA/quebec", other_token_);
  ASSERT_EQ(in_status, 200);
  EXPECT_EQ(in["items"][0]["rater"], "user:" + rater_id_);

  // Only its rater or an admin may delete or restore it.
  const std::string path = "/api/v1/ecosystem/perception/" + id;
  EXPECT_EQ(server_->Delete(path).first, 401);
  EXPECT_EQ(server_->Delete(path, other_token_).first, 403);
  auto [del_status, del] = server_->Delete(path, rater_token_);
  ASSERT_EQ(del_status, 200) << del.dump();
  EXPECT_EQ(del["deleted"], true);
  EXPECT_EQ(server_->Delete(path, rater_token_).first, 409);
  EXPECT_EQ(server_->Delete("/api/v1/ecosystem/perception/pa-none", kAdminToken).first, 404);
  auto [gone_status, gone] = server_->Get("/api/v1/ecosystem/blocks?territory=CA/quebec");
  ASSERT_EQ(gone_status, 200);
  EXPECT_EQ(gone["raters"], 0);

  // Deleted assessments are listed to admins and their rater.
  const std::string deleted = "/api/v1/ecosystem/perception?territory=CA/quebec&with_deleted=true";
  EXPECT_TRUE(server_->Get(deleted, other_token_).second["items"].empty());
  EXPECT_EQ(server_->Get(deleted, rater_token_).second["items"].size(), 1u);
  EXPECT_EQ(server_->Get(deleted, kAdminToken).second["items"].size(), 1u);

  EXPECT_EQ(server_->Post(path + "/restore", nullptr, other_token_).first, 403);
  auto [restored_status, restored] = server_->Post(path + "/restore", nullptr, kAdminToken);
  ASSERT_EQ(restored_status, 200) << restored.dump();
  EXPECT_EQ(restored["deleted"], false);

  auto audit = db_.store().AuditEntries(1, 0);
  ASSERT_TRUE(audit.ok());
  std::vector<std::string> actions;
  for (const store::AuditEntry& e : *audit) {
    if (e.object_id == id) actions.push_back(e.action + " " + e.who);
  }
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_EQ(actions[0].rfind("perception.add token:", 0), 0u) << actions[0];
  EXPECT_EQ(actions[1].rfind("perception.delete token:", 0), 0u) << actions[1];
  EXPECT_EQ(actions[2], "perception.restore admin-token");
}

TEST_P(EcosystemBlocksServerTest, WithoutFrameworksTheRoutesAnswer503) {
  auto bare = testing::TestServer::Start(testing::TestServerOptions(db_.url(), kAdminToken));
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  auto [status, body] = (*bare)->Get("/api/v1/ecosystem/framework");
  EXPECT_EQ(status, 503);
  EXPECT_NE(body.dump().find("--frameworks"), std::string::npos) << body.dump();
  EXPECT_EQ((*bare)->Get("/api/v1/ecosystem/blocks?territory=CA/quebec").first, 503);
}

INSTANTIATE_TEST_SUITE_P(Backends, EcosystemBlocksServerTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
