// Indicators over HTTP: Co-operatives UK's register and economy file uploaded through
// POST /api/v1/imports, then GET /api/v1/actors/{id}/indicators as the public, a member of a
// private actor and an admin see it. Runs on both backends.

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

const char kAdminToken[] = "indicator-test-admin-token";

const char kRegister[] =
    "\"CUK Organisation ID\",\"Registered Number\",\"Registrar\",\"Registered Name\","
    "\"Trading Name\",\"Legal Form\",\"Registered Street\",\"Registered City\","
    "\"Registered State/Province\",\"Registered Postcode\",\"UK Nation\",\"SIC Code\","
    "\"SIC section\",\"SIC code  - level 2\",\"SIC code  - level 2 description\","
    "\"SIC code  - level 3\",\"SIC code  - level 3 description\",\"SIC code  - level 4\","
    "\"SIC code  - level 4 description\",\"SIC code  - level 5\",\"SIC code  - level 5 "
    "description\",\"Sector - Simplified, High Level\",\"Ownership Classification\","
    "\"Registered Status\",\"Incorporation Date\",\"Dissolved Date\"\n"
    "\"R1\",\"1R\",\"FCA\",\"Alpha Bakery Co-operative Limited\",\"\",\"Society\",\"\",\"Leeds\","
    "\"\",\"LS1 1AA\",\"England\",\"UKSIC07-1071\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
    "\"\",\"Workers\",\"Live\",\"2/3/1999\",\"\"\n";

const char kEconomy[] =
    "\"CUK Organisation ID\",\"Registered Name\",\"Turnover\",\"Profit before tax\","
    "\"Member/Shareholder Funds\",\"Memberships\",\"Employees\",\"Is Most Recent?\","
    "\"Year End Date\",\"Economic Year\"\n"
    "\"R1\",\"Alpha\",\"125000\",\"-1500.5\",\"\",\"12\",\"4\",\"0\",\"2015-03-31 00:00:00\","
    "\"2015\"\n"
    "\"R1\",\"Alpha\",\"130000\",\"\",\"\",\"12\",\"\",\"1\",\"2016-03-31 00:00:00\",\"2016\"\n"
    "\"R2\",\"Hidden\",\"99\",\"\",\"\",\"\",\"\",\"1\",\"2016-03-31 00:00:00\",\"2016\"\n";

class IndicatorServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  IndicatorServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    model::Actor hidden;
    hidden.id = "hidden";
    hidden.name = "Private Group";
    hidden.visibility = model::Visibility::kPrivate;
    hidden.identifiers["coops-uk"] = "R2";
    ASSERT_TRUE(reg.CreateActor(hidden, "test").ok());
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto member = accounts.AddUser("member@example.org", "long enough passphrase", "");
    ASSERT_TRUE(member.ok());
    ASSERT_TRUE(accounts.GrantRole(member->id, auth::Role::kMember, "actor:hidden").ok());
    auto token = accounts.CreateToken(member->id, "test", "read", 1);
    ASSERT_TRUE(token.ok());
    member_token_ = token->token;

    auto server = testing::TestServer::Start(testing::TestServerOptions(db_.url(), kAdminToken));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  httplib::Result Upload(const std::string& query, const std::string& body) {
    return server_->client().Post("/api/v1/imports?" + query, testing::BearerHeaders(kAdminToken),
                                  body, "text/csv");
  }

  testing::TestStore db_;
  std::string member_token_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

TEST_P(IndicatorServerTest, UploadedFiguresAreServedToWhoMaySeeTheActor) {
  // The economy file before the register: R1 is unknown, so the whole file is refused.
  auto early = Upload("format=coops-uk-economy", kEconomy);
  ASSERT_TRUE(early);
  ASSERT_EQ(early->status, 400) << early->body;
  json details = json::parse(early->body)["error"]["details"];
  EXPECT_EQ(details["committed"], false);
  ASSERT_EQ(details["rejected"].size(), 2u);
  EXPECT_EQ(details["rejected"][0]["line"], 2);
  EXPECT_EQ(details["rejected"][0]["field"], "CUK Organisation ID");
  EXPECT_EQ(*db_.store().CountIndicators(), 0);

  auto orgs = Upload("format=coops-uk&source=cuk-register", kRegister);
  ASSERT_TRUE(orgs);
  ASSERT_EQ(orgs->status, 200) << orgs->body;
  EXPECT_EQ(json::parse(orgs->body)["imported"], 1);

  auto dry = Upload("format=coops-uk-economy&source=cuk-economy&dry_run=true", kEconomy);
  ASSERT_TRUE(dry);
  ASSERT_EQ(dry->status, 200) << dry->body;
  EXPECT_EQ(json::parse(dry->body)["committed"], false);
  EXPECT_EQ(*db_.store().CountIndicators(), 0);

  auto figures = Upload("format=coops-uk-economy&source=cuk-economy", kEconomy);
  ASSERT_TRUE(figures);
  ASSERT_EQ(figures->status, 200) << figures->body;
  json report = json::parse(figures->body);
  EXPECT_EQ(report["imported"], 7);
  EXPECT_EQ(report["committed"], true);

  auto [status, body] = server_->Get("/api/v1/actors/coops-uk-r1/indicators");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["actor_id"], "coops-uk-r1");
  ASSERT_EQ(body["items"].size(), 6u);
  json first = body["items"][0];  // by name, period, source
  EXPECT_EQ(first["name"], "employees");
  EXPECT_EQ(first["period"], "2015");
  EXPECT_EQ(first["value"], 4);
  EXPECT_EQ(first["unit"], "people");
  EXPECT_EQ(first["as_of"], "2015-03-31");
  EXPECT_EQ(first["source"], "cuk-economy");
  EXPECT_EQ(body["items"][3]["name"], "profit_before_tax");
  EXPECT_EQ(body["items"][3]["value"], -1500.5);
  EXPECT_EQ(body["items"][5]["name"], "turnover");
  EXPECT_EQ(body["items"][5]["period"], "2016");
  EXPECT_EQ(body["items"][5]["value"], 130000);

  // The private actor's figures: not for the public, for its member and for admins.
  EXPECT_EQ(server_->Get("/api/v1/actors/hidden/indicators").first, 404);
  auto as_member = server_->Get("/api/v1/actors/hidden/indicators", member_token_);
  ASSERT_EQ(as_member.first, 200) << as_member.second.dump();
  ASSERT_EQ(as_member.second["items"].size(), 1u);
  EXPECT_EQ(as_member.second["items"][0]["value"], 99);
  EXPECT_EQ(server_->Get("/api/v1/actors/hidden/indicators", kAdminToken).first, 200);

  EXPECT_EQ(server_->Get("/api/v1/actors/nobody/indicators").first, 404);
  EXPECT_EQ(server_->Get("/api/v1/actors/coops-uk-r1/indicators?year=2016").first, 400);
  // A deleted actor's figures are gone with it (until it is restored).
  auto [deleted, deleted_body] = server_->Delete("/api/v1/actors/coops-uk-r1", kAdminToken);
  ASSERT_EQ(deleted, 204) << deleted_body.dump();
  EXPECT_EQ(server_->Get("/api/v1/actors/coops-uk-r1/indicators", kAdminToken).first, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
