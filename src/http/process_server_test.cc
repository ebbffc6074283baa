// /api/v1/processes and /api/v1/decide/opinion: a process run by a steward, proposals and
// ballots by participants signed in with their own accounts, paper results, the close, receipts,
// sortition and verification, on both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ecosol/auth/accounts.h"
#include "ecosol/model/actor.h"
#include "ecosol/registry/registry.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

class ProcessServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  ProcessServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    // The steward's scope, a territory, exists once an actor is in it.
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    model::Actor a;
    a.id = "coop-1";
    a.name = "Co-op 1";
    a.address = {"", "Montréal", "", "", "CA"};
    ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok());
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto token = [&](const std::string& email, const std::string& scope, bool steward) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      EXPECT_TRUE(user.ok());
      if (steward) {
        EXPECT_TRUE(accounts.GrantRole(user->id, auth::Role::kSteward, "territory:CA").ok());
      }
      auto t = accounts.CreateToken(user->id, "test", scope, 30);
      EXPECT_TRUE(t.ok());
      return t->token;
    };
    steward_ = token("steward@example.org", "write", true);
    ana_ = token("ana@example.org", "write", false);
    bob_ = token("bob@example.org", "write", false);
    ana_reader_ = token("ana-reads@example.org", "read", false);
    auto server = testing::TestServer::Start(testing::TestServerOptions(db_.url(), "admin"));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string steward_, ana_, bob_, ana_reader_;
};

json Process() {
  return {{"id", "assembly"},
          {"title", "Annual assembly"},
          {"phases", json::array({{{"id", "props"}, {"kind", "proposals"}},
                                  {{"id", "vote"}, {"kind", "decision"}}})},
          {"participants", json::array({{{"id", "ana"}, {"account", "ana@example.org"}},
                                        {{"id", "bob"}, {"account", "bob@example.org"}},
                                        {{"id", "cy"}}})}};
}

TEST_P(ProcessServerTest, ConvenersRunAProcessAndParticipantsVoteWithReceipts) {
  // Only conveners create; the public reads.
  EXPECT_EQ(server_->Post("/api/v1/processes", Process()).first, 401);
  EXPECT_EQ(server_->Post("/api/v1/processes", Process(), ana_).first, 403);
  auto [created, process] = server_->Post("/api/v1/processes", Process(), steward_);
  ASSERT_EQ(created, 201) << process.dump();
  EXPECT_EQ(process["version"], 1);
  auto [listed, list] = server_->Get("/api/v1/processes");
  ASSERT_EQ(listed, 200);
  EXPECT_EQ(list["items"][0]["id"], "assembly");

  // Participants propose as themselves, with a writing token.
  json proposal = {{"title", "Open a shop"}, {"author", "ana"}};
  EXPECT_EQ(server_->Post("/api/v1/processes/assembly/items/proposal", proposal, bob_).first, 403);
  EXPECT_EQ(server_->Post("/api/v1/processes/assembly/items/proposal", proposal, ana_reader_).first,
            403);
  auto [proposed, item] =
      server_->Post("/api/v1/processes/assembly/items/proposal", proposal, ana_);
  ASSERT_EQ(proposed, 201) << item.dump();
  const std::string pid = item["id"];
  auto [read, view] = server_->Get("/api/v1/processes/assembly/proposals/" + pid);
  ASSERT_EQ(read, 200);
  EXPECT_EQ(view["proposal"]["title"], "Open a shop");
  proposal["title"] = "Open a shared shop";
  auto [edited, v2] = server_->Put("/api/v1/processes/assembly/items/proposal/" + pid,
                                   {{"doc", proposal}, {"base_version", 1}}, ana_);
  ASSERT_EQ(edited, 200) << v2.dump();
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(server_
                ->Put("/api/v1/processes/assembly/items/proposal/" + pid,
                      {{"doc", proposal}, {"base_version", 1}}, ana_)
                .first,
            409);

  // A decision is opened in a decision phase only.
  json decision = {{"id", "shop"},
                   {"title", "Open the shop?"},
                   {"proposal", pid},
                   {"input",
                    {{"method", "consent"},
                     {"options", json::array({"shop"})},
                     {"quorum", {{"min_ballots", 2}}}}}};
  EXPECT_EQ(server_->Post("/api/v1/processes/assembly/decisions", decision, steward_).first, 409);
  EXPECT_EQ(server_->Post("/api/v1/processes/assembly/phase", {{"phase", "vote"}}, ana_).first,
            403);
  ASSERT_EQ(server_->Post("/api/v1/processes/assembly/phase", {{"phase", "vote"}}, steward_).first,
            200);
  auto [opened, state] = server_->Post("/api/v1/processes/assembly/decisions", decision, steward_);
  ASSERT_EQ(opened, 201) << state.dump();
  EXPECT_EQ(state["status"], "open");

  auto [me, who] = server_->Get("/api/v1/processes/assembly/participants/me", ana_);
  ASSERT_EQ(me, 200);
  EXPECT_EQ(who["participants"], json::array({"ana"}));
  auto [cast, receipt] = server_->Post("/api/v1/processes/assembly/decisions/shop/ballots",
                                       {{"ballot", {{"choice", "agree"}}}}, ana_);
  ASSERT_EQ(cast, 201) << receipt.dump();
  EXPECT_EQ(receipt["voter"], "ana");
  EXPECT_EQ(server_
                ->Post("/api/v1/processes/assembly/decisions/shop/ballots",
                       {{"ballot", {{"choice", "agree"}}}}, ana_)
                .first,
            409);
  EXPECT_EQ(server_
                ->Post("/api/v1/processes/assembly/decisions/shop/ballots",
                       {{"ballot", {{"choice", "agree"}}}, {"as", "cy"}}, ana_)
                .first,
            403);
  auto [bad, why] = server_->Post("/api/v1/processes/assembly/decisions/shop/ballots",
                                  {{"ballot", {{"choice", "maybe"}}}}, bob_);
  EXPECT_EQ(bad, 400);
  EXPECT_NE(why.dump().find("ballot.choice"), std::string::npos) << why.dump();
  ASSERT_EQ(server_
                ->Post("/api/v1/processes/assembly/decisions/shop/ballots",
                       {{"ballot", {{"choice", "disagree"}}}}, bob_)
                .first,
            201);
  auto [mine, seen] = server_->Get("/api/v1/processes/assembly/decisions/shop", ana_);
  ASSERT_EQ(mine, 200);
  EXPECT_EQ(seen["mine"]["ana"], true);
  EXPECT_EQ(seen["voted"], 2);

  auto [paper, after_paper] = server_->Post(
      "/api/v1/processes/assembly/decisions/shop/paper",
      {{"ballots", json::array({{{"choice", "agree"}, {"count", 3}, {"channel", "in_person"}}})}},
      steward_);
  ASSERT_EQ(paper, 200) << after_paper.dump();
  EXPECT_EQ(
      server_->Post("/api/v1/processes/assembly/decisions/shop/close", json::object(), bob_).first,
      403);
  auto [closed, result] =
      server_->Post("/api/v1/processes/assembly/decisions/shop/close", json::object(), steward_);
  ASSERT_EQ(closed, 200) << result.dump();
  EXPECT_EQ(result["status"], "closed");
  EXPECT_EQ(result["result"]["ballots"]["cast"], 5);

  auto [checked, inclusion] = server_->Get("/api/v1/processes/assembly/decisions/shop/receipts/" +
                                           receipt["commitment"].get<std::string>());
  ASSERT_EQ(checked, 200) << inclusion.dump();
  EXPECT_EQ(inclusion["included"], true);
  EXPECT_EQ(inclusion["tree_size"], 2);

  auto [drawn, draw] = server_->Post("/api/v1/processes/assembly/sortitions",
                                     {{"id", "panel"},
                                      {"seed", "dice: 3 5 1"},
                                      {"witnesses", json::array({"ana", "bob"})},
                                      {"pool", json::array({"ana", "bob", "cy"})},
                                      {"seats", 1}},
                                     steward_);
  ASSERT_EQ(drawn, 201) << draw.dump();
  auto [logged, log] = server_->Get("/api/v1/processes/assembly/log?from=2&limit=3");
  ASSERT_EQ(logged, 200);
  ASSERT_EQ(log["entries"].size(), 3u);
  EXPECT_EQ(log["entries"][0]["seq"], 2);
  EXPECT_EQ(server_->Get("/api/v1/processes/assembly/log?from=x").first, 400);
  auto [verified, report] = server_->Get("/api/v1/processes/assembly/verify");
  ASSERT_EQ(verified, 200);
  EXPECT_EQ(report["ok"], true) << report.dump(2);
  EXPECT_EQ(report["decisions_closed"], 1);
  EXPECT_EQ(report["sortitions"], 1);
  EXPECT_EQ(server_->Get("/api/v1/processes/nope").first, 404);
}

TEST_P(ProcessServerTest, OpinionMapOfTheBody) {
  json in = {{"statements", json::array({"s1", "s2", "s3"})}, {"votes", json::array()}};
  for (int i = 0; i < 20; ++i) {
    const int side = i < 10 ? 1 : -1;
    const std::string p = "p" + std::to_string(i);
    in["votes"].push_back({{"participant", p}, {"statement", "s1"}, {"vote", side}});
    in["votes"].push_back({{"participant", p}, {"statement", "s2"}, {"vote", -side}});
    in["votes"].push_back({{"participant", p}, {"statement", "s3"}, {"vote", 1}});
  }
  in["min_votes"] = 3;
  auto [status, map] = server_->Post("/api/v1/decide/opinion", in);
  ASSERT_EQ(status, 200) << map.dump();
  EXPECT_EQ(map["k"], 2);
  EXPECT_EQ(map["consensus"][0]["statement"], "s3");
  in["votes"][0]["statement"] = "s9";
  auto [refused, why] = server_->Post("/api/v1/decide/opinion", in);
  EXPECT_EQ(refused, 400);
  EXPECT_NE(why.dump().find("votes[0].statement"), std::string::npos) << why.dump();
}

INSTANTIATE_TEST_SUITE_P(Backends, ProcessServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
