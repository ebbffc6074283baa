// Entity resolution over HTTP: the review queue, a merge (dry run, refused, written), who may
// merge, the merge record, undo, and distinct decisions. Runs on both backends.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "ecosol/auth/accounts.h"
#include "ecosol/http/server.h"
#include "ecosol/registry/registry.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "merge-test-admin-token";

class MergeServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  MergeServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    // Two records of one grocery in Manchester, and an unrelated bakery in Lyon.
    model::Actor a;
    a.id = "cuk-r2";
    a.name = "Unicorn Grocery Limited";
    a.legal_form = "Society";
    a.address = {"89 Albany Road", "Manchester", "", "M21 0BN", "GB"};
    a.identifiers = {{"coops-uk", "R2"}};
    ASSERT_TRUE(reg.CreateActor(a, "coops-uk-standard-2023", "import").ok());
    a.id = "map-8";
    a.name = "Unicorn Grocery";
    a.legal_form = "";
    a.website = "https://unicorn-grocery.coop";
    a.identifiers = {{"susy", "S-8"}};
    ASSERT_TRUE(reg.CreateActor(a, "susy-map", "import").ok());
    model::Actor lyon;
    lyon.id = "lyon";
    lyon.name = "Boulangerie du Coin";
    lyon.address = {"", "Lyon", "", "69001", "FR"};
    ASSERT_TRUE(reg.CreateActor(lyon, "seed").ok());

    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto steward = accounts.AddUser("steward@example.org", "long enough passphrase", "");
    ASSERT_TRUE(steward.ok());
    ASSERT_TRUE(accounts.GrantRole(steward->id, auth::Role::kSteward, "territory:GB").ok());
    auto token = accounts.CreateToken(steward->id, "test", "write", 1);
    ASSERT_TRUE(token.ok());
    steward_token_ = token->token;
    auto member = accounts.AddUser("member@example.org", "long enough passphrase", "");
    ASSERT_TRUE(member.ok());
    ASSERT_TRUE(accounts.GrantRole(member->id, auth::Role::kMember, "actor:map-8").ok());
    auto member_token = accounts.CreateToken(member->id, "test", "write", 1);
    ASSERT_TRUE(member_token.ok());
    member_token_ = member_token->token;

    auto server = testing::TestServer::Start(testing::TestServerOptions(db_.url(), kAdminToken));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  testing::TestStore db_;
  std::string steward_token_;
  std::string member_token_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

TEST_P(MergeServerTest, ReviewQueueMergeAndUndo) {
  // The queue: for stewards only; the Manchester pair is in it, with both records summarised.
  EXPECT_EQ(server_->Get("/api/v1/duplicates", "").first, 401);
  auto [qs, queue] = server_->Get("/api/v1/duplicates", steward_token_);
  ASSERT_EQ(qs, 200) << queue.dump();
  ASSERT_EQ(queue["total"], 1);
  EXPECT_EQ(queue["items"][0]["ids"], json::array({"cuk-r2", "map-8"}));
  ASSERT_EQ(queue["items"][0]["actors"].size(), 2u);
  EXPECT_EQ(queue["items"][0]["actors"][0]["source"], "coops-uk-standard-2023");
  // A member of one of them may not see the pair to merge.
  auto [mq, member_queue] = server_->Get("/api/v1/duplicates", member_token_);
  ASSERT_EQ(mq, 200);
  EXPECT_EQ(member_queue["total"], 0);
  EXPECT_EQ(server_->Get("/api/v1/duplicates?threshold=2", steward_token_).first, 400);

  json request = {{"survivor", "map-8"}, {"merged", {"cuk-r2"}}};
  // Refused: no credentials, a member, an actor outside the steward's territory, bad bodies.
  EXPECT_EQ(server_->Post("/api/v1/merges", request).first, 401);
  EXPECT_EQ(server_->Post("/api/v1/merges", request, member_token_).first, 403);
  EXPECT_EQ(
      server_->Post("/api/v1/merges", {{"survivor", "map-8"}, {"merged", {"lyon"}}}, steward_token_)
          .first,
      403);
  EXPECT_EQ(server_->Post("/api/v1/merges", {{"survivor", "map-8"}}, steward_token_).first, 400);
  EXPECT_EQ(server_
                ->Post("/api/v1/merges",
                       {{"survivor", "map-8"}, {"merged", {"cuk-r2"}}, {"rules", {{"x", 1}}}},
                       steward_token_)
                .first,
            400);
  EXPECT_EQ(
      server_
          ->Post("/api/v1/merges", {{"survivor", "map-8"}, {"merged", {"ghost"}}}, steward_token_)
          .first,
      404);

  // A dry run shows the result and writes nothing.
  json dry = request;
  dry["dry_run"] = true;
  auto [ds, preview] = server_->Post("/api/v1/merges", dry, steward_token_);
  ASSERT_EQ(ds, 200) << preview.dump();
  EXPECT_EQ(preview["result"]["legal_form"], "Society");
  EXPECT_EQ(preview["result"]["name"], "Unicorn Grocery Limited");
  EXPECT_EQ(server_->Get("/api/v1/actors/cuk-r2", kAdminToken).first, 200);

  auto [ms, merge] = server_->Post("/api/v1/merges", request, steward_token_);
  ASSERT_EQ(ms, 201) << merge.dump();
  const std::string id = merge["id"];
  EXPECT_EQ(merge["survivor"], "map-8");
  EXPECT_EQ(server_->Get("/api/v1/actors/cuk-r2", kAdminToken).first, 404);
  auto [as, survivor] = server_->Get("/api/v1/actors/map-8", kAdminToken);
  ASSERT_EQ(as, 200);
  EXPECT_EQ(survivor["identifiers"]["coops-uk"], "R2");
  EXPECT_EQ(survivor["website"], "https://unicorn-grocery.coop");
  // The queue is empty now; the merge is listed and readable.
  EXPECT_EQ(server_->Get("/api/v1/duplicates", steward_token_).second["total"], 0);
  auto [ls, list] = server_->Get("/api/v1/merges?actor=cuk-r2", steward_token_);
  ASSERT_EQ(ls, 200);
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["id"], id);
  EXPECT_EQ(server_->Get("/api/v1/merges/" + id, steward_token_).first, 200);
  EXPECT_EQ(server_->Get("/api/v1/merges/" + id, member_token_).first, 404);
  EXPECT_EQ(server_->Get("/api/v1/merges/mrg-none", steward_token_).first, 404);

  // Undo: the member may not; the steward may, once.
  EXPECT_EQ(server_->Post("/api/v1/merges/" + id + "/undo", nullptr, member_token_).first, 403);
  auto [us, undone] = server_->Post("/api/v1/merges/" + id + "/undo", nullptr, steward_token_);
  ASSERT_EQ(us, 200) << undone.dump();
  EXPECT_FALSE(undone["undone_at"].is_null());
  EXPECT_EQ(server_->Post("/api/v1/merges/" + id + "/undo", nullptr, steward_token_).first, 409);
  auto [rs, restored] = server_->Get("/api/v1/actors/cuk-r2", kAdminToken);
  ASSERT_EQ(rs, 200);
  EXPECT_EQ(restored["identifiers"]["coops-uk"], "R2");
  EXPECT_EQ(server_->Get("/api/v1/duplicates", steward_token_).second["total"], 1);
}

TEST_P(MergeServerTest, DistinctDecisionsLeaveTheQueue) {
  json decision = {{"a", "map-8"}, {"b", "cuk-r2"}};
  EXPECT_EQ(server_->Post("/api/v1/duplicates/decisions", decision, member_token_).first, 403);
  EXPECT_EQ(
      server_
          ->Post("/api/v1/duplicates/decisions", {{"a", "map-8"}, {"b", "map-8"}}, steward_token_)
          .first,
      400);
  EXPECT_EQ(server_->Post("/api/v1/duplicates/decisions", decision, steward_token_).first, 204);
  EXPECT_EQ(server_->Get("/api/v1/duplicates", steward_token_).second["total"], 0);
  decision["distinct"] = false;
  EXPECT_EQ(server_->Post("/api/v1/duplicates/decisions", decision, steward_token_).first, 204);
  EXPECT_EQ(server_->Get("/api/v1/duplicates", steward_token_).second["total"], 1);
  EXPECT_EQ(server_->Post("/api/v1/duplicates/decisions", decision, steward_token_).first, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, MergeServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
