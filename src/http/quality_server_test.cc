// Data quality over HTTP: the report as each reader may see it, the due list, and confirmations
// by those who may edit an actor. Runs on both backends.

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

const char kAdminToken[] = "quality-test-admin-token";

class QualityServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  QualityServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    // Created in 2020: due for confirmation now.
    FakeClock past(std::chrono::sys_days{std::chrono::year{2020} / 3 / 1});
    registry::Registry reg(db_.store(), past);
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto add = [&](const std::string& id, const std::string& name, const std::string& region,
                   model::Visibility visibility, const std::string& source) {
      model::Actor a;
      a.id = id;
      a.name = name;
      a.address = {"", "Town", region, "", "GB"};
      a.visibility = visibility;
      ASSERT_TRUE(reg.CreateActor(a, source, "import").ok());
    };
    add("alpha", "Alpha Bakery", "Wales", model::Visibility::kPublic, "coops-uk");
    add("beta", "Beta Housing", "England", model::Visibility::kPublic, "susy");
    add("hidden", "Private Group", "Wales", model::Visibility::kPrivate, "coops-uk");
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto member = accounts.AddUser("member@example.org", "long enough passphrase", "");
    ASSERT_TRUE(member.ok());
    ASSERT_TRUE(accounts.GrantRole(member->id, auth::Role::kMember, "actor:alpha").ok());
    auto token = accounts.CreateToken(member->id, "test", "write", 30);
    ASSERT_TRUE(token.ok());
    member_token_ = token->token;
    auto other = accounts.AddUser("other@example.org", "long enough passphrase", "");
    ASSERT_TRUE(other.ok());
    auto other_token = accounts.CreateToken(other->id, "test", "write", 30);
    ASSERT_TRUE(other_token.ok());
    other_token_ = other_token->token;

    auto server = testing::TestServer::Start(testing::TestServerOptions(db_.url(), kAdminToken));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  std::pair<int, json> Confirm(const std::string& id, const std::string& token) {
    return server_->Post("/api/v1/actors/" + id + "/confirm", nullptr, token);
  }

  testing::TestStore db_;
  std::string member_token_, other_token_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

TEST_P(QualityServerTest, ReportCoversWhatTheReaderMaySee) {
  auto [status, report] = server_->Get("/api/v1/quality");
  ASSERT_EQ(status, 200) << report.dump();
  EXPECT_EQ(report["total"]["actors"], 2);  // the public report: public actors only
  EXPECT_EQ(report["total"]["due"], 2);
  EXPECT_EQ(report["by_territory"][0]["id"], "GB");
  EXPECT_EQ(report["total"]["duplicates"], nullptr);
  // Asked again: the same (cached) answer.
  EXPECT_EQ(server_->Get("/api/v1/quality").second, report);
  auto [admin_status, admin] = server_->Get("/api/v1/quality?territory=GB/wales", kAdminToken);
  ASSERT_EQ(admin_status, 200) << admin.dump();
  EXPECT_EQ(admin["total"]["actors"], 2);
  EXPECT_EQ(admin["territory_name"], "Wales");
  auto [source_status, by_source] = server_->Get("/api/v1/quality?source=susy");
  ASSERT_EQ(source_status, 200);
  EXPECT_EQ(by_source["total"]["actors"], 1);
  // Duplicates need a signed-in reader.
  EXPECT_EQ(server_->Get("/api/v1/quality?duplicates=true").first, 401);
  auto [dup_status, dup] = server_->Get("/api/v1/quality?duplicates=true", member_token_);
  ASSERT_EQ(dup_status, 200) << dup.dump();
  EXPECT_EQ(dup["total"]["duplicates"], 0);
  // Bad parameters are refused, saying which.
  for (const char* bad :
       {"/api/v1/quality?days=0", "/api/v1/quality?duplicates=yes", "/api/v1/quality?colour=red"}) {
    auto [s, body] = server_->Get(bad);
    EXPECT_EQ(s, 400) << bad;
  }
  EXPECT_EQ(server_->Get("/api/v1/quality?territory=GB/atlantis").first, 404);
}

TEST_P(QualityServerTest, DueListAndConfirmation) {
  auto [status, due] = server_->Get("/api/v1/quality/due?limit=1");
  ASSERT_EQ(status, 200) << due.dump();
  EXPECT_EQ(due["total"], 2);
  ASSERT_EQ(due["items"].size(), 1u);
  EXPECT_EQ(due["items"][0]["id"], "alpha");
  EXPECT_EQ(due["items"][0]["last_confirmed"], "2020-03-01");
  ASSERT_TRUE(due["next_cursor"].is_string());
  auto next =
      server_->Get("/api/v1/quality/due?limit=1&cursor=" + due["next_cursor"].get<std::string>());
  ASSERT_EQ(next.first, 200);
  EXPECT_EQ(next.second["items"][0]["id"], "beta");
  EXPECT_EQ(server_->Get("/api/v1/quality/due?cursor=nonsense").first, 400);
  EXPECT_EQ(server_->Get("/api/v1/quality/due?limit=5000").first, 400);
  // The admin sees the private actor due too.
  EXPECT_EQ(server_->Get("/api/v1/quality/due", kAdminToken).second["total"], 3);

  // Only those who may edit an actor confirm it.
  EXPECT_EQ(Confirm("alpha", "").first, 401);
  EXPECT_EQ(Confirm("alpha", other_token_).first, 403);
  EXPECT_EQ(Confirm("hidden", other_token_).first, 404);
  EXPECT_EQ(Confirm("nobody", kAdminToken).first, 404);
  auto [confirmed_status, actor] = Confirm("alpha", member_token_);
  ASSERT_EQ(confirmed_status, 200) << actor.dump();
  EXPECT_EQ(actor["version"], 2);
  EXPECT_EQ(actor["provenance"]["last_confirmed"]["method"], "confirmed");
  EXPECT_EQ(actor["attributes"]["last_confirmed"], FormatDate(SystemClock().Now()));
  auto after = server_->Get("/api/v1/quality/due");
  EXPECT_EQ(after.second["total"], 1);
  EXPECT_EQ(after.second["items"][0]["id"], "beta");
  // The report sees the change at once (the cache follows the registry's generation).
  EXPECT_EQ(server_->Get("/api/v1/quality").second["total"]["due"], 1);
  auto audit = db_.store().AuditEntries(1, 0);
  ASSERT_TRUE(audit.ok() && !audit->empty());
  EXPECT_EQ(audit->back().action, "actor.confirm");
}

INSTANTIATE_TEST_SUITE_P(Backends, QualityServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
