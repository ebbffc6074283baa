// /api/v1/finance: stored finance read by stewards (and an organisation's members, for its own),
// written by stewards, versioned and deleted recoverably; the fund, allocation, loan-book and
// organisation views; computations on a request body; clear errors. Runs on both backends.

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

const char kAdminToken[] = "finance-test-admin-token";

json Fund() {
  return json::parse(R"({"id": "fund-1", "name": "Solidarity fund", "currency": "CAD",
    "tranches": [
    {"id": "grant", "source": "private", "instrument": "grant", "committed": 100000,
     "loss_order": 1},
    {"id": "junior", "source": "private", "instrument": "quasi_equity", "committed": 200000,
     "target_return": 0.08, "loss_order": 2},
    {"id": "senior", "source": "private", "instrument": "senior_debt", "committed": 500000,
     "target_return": 0.04, "loss_order": 3},
    {"id": "public", "source": "public", "instrument": "senior_debt", "committed": 200000,
     "target_return": 0.02, "loss_order": 3}],
    "allocation": {"rules": {"budget": 100, "leverage_ratio": 2}}})");
}

json Application(const std::string& id, double requested, double impact) {
  return {{"id", id},
          {"requested", requested},
          {"min_grant", requested},
          {"impact_score", impact},
          {"private_capital", 2 * requested}};
}

// 12,000.00 at 12% over 12 months, monthly annuity: 1,066.19 a month.
json Loan(const std::string& id, const std::string& disbursed_on,
          const std::vector<std::string>& paid_on) {
  json payments = json::array();
  for (const std::string& d : paid_on) payments.push_back({{"date", d}, {"amount", 106619}});
  return {{"id", id},
          {"terms",
           {{"principal", 1200000},
            {"annual_rate", 0.12},
            {"method", "annuity"},
            {"frequency", "monthly"},
            {"periods", 12},
            {"disbursed_on", disbursed_on}}},
          {"payments", payments}};
}

class FinanceServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  FinanceServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    for (const char* id : {"coop-1", "coop-2"}) {
      model::Actor a;
      a.id = id;
      a.name = std::string("Co-op ") + id;
      a.legal_form = "cooperative";
      a.address = {"", "Montréal", "", "", "CA"};
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok());
    }
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto token = [&](const std::string& email, const std::string& scope, auth::Role role,
                     const std::string& on) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      EXPECT_TRUE(user.ok());
      if (!on.empty()) {
        EXPECT_TRUE(accounts.GrantRole(user->id, role, on).ok());
      }
      auto t = accounts.CreateToken(user->id, "test", scope, 30);
      EXPECT_TRUE(t.ok());
      return t->token;
    };
    steward_ = token("steward@example.org", "write", auth::Role::kSteward, "territory:CA");
    member_ = token("member@example.org", "write", auth::Role::kMember, "actor:coop-1");
    nobody_ = token("nobody@example.org", "write", auth::Role::kMember, "");
    reader_ = token("reader@example.org", "read", auth::Role::kSteward, "territory:CA");
    http::ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  std::pair<int, json> PutRecord(const std::string& kind, const std::string& id, json doc,
                                 long long base, const std::string& token,
                                 const std::string& parent = "", const std::string& actor = "") {
    json body = {{"doc", std::move(doc)}, {"base_version", base}};
    if (!parent.empty()) body["parent"] = parent;
    if (!actor.empty()) body["actor_id"] = actor;
    return server_->Put("/api/v1/finance/records/" + kind + "/" + id, body, token);
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string steward_, member_, nobody_, reader_;
};

TEST_P(FinanceServerTest, StewardsWriteRecordsVersionedAndRecoverable) {
  EXPECT_EQ(PutRecord("fund", "fund-1", Fund(), 0, "").first, 401);
  EXPECT_EQ(PutRecord("fund", "fund-1", Fund(), 0, nobody_).first, 403);
  EXPECT_EQ(PutRecord("fund", "fund-1", Fund(), 0, reader_).first, 403);
  auto [created, v1] = PutRecord("fund", "fund-1", Fund(), 0, steward_);
  ASSERT_EQ(created, 201) << v1.dump();
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["doc"]["name"], "Solidarity fund");
  EXPECT_NE(v1["who"], "public");
  EXPECT_FALSE(v1["who"].get<std::string>().empty());

  json renamed = Fund();
  renamed["name"] = "Renamed";
  EXPECT_EQ(PutRecord("fund", "fund-1", renamed, 1, steward_).first, 200);
  auto [stale, why] = PutRecord("fund", "fund-1", Fund(), 1, steward_);
  EXPECT_EQ(stale, 409);
  EXPECT_NE(why.dump().find("is at version 2, not 1"), std::string::npos) << why.dump();
  json bad = Fund();
  bad["tranches"][1]["loss_order"] = 0;
  auto [refused, reason] = PutRecord("fund", "fund-1", bad, 2, steward_);
  EXPECT_EQ(refused, 400);
  EXPECT_NE(reason.dump().find("loss"), std::string::npos) << reason.dump();
  EXPECT_EQ(server_->Put("/api/v1/finance/records/fund/fund-1", {{"doc", Fund()}}, steward_).first,
            400);  // no base_version
  EXPECT_EQ(PutRecord("bond", "b", json::object(), 0, steward_).first, 400);

  auto [read, record] = server_->Get("/api/v1/finance/records/fund/fund-1", reader_);
  ASSERT_EQ(read, 200);
  EXPECT_EQ(record["version"], 2);
  EXPECT_EQ(
      server_->Get("/api/v1/finance/records/fund/fund-1?version=1", steward_).second["doc"]["name"],
      "Solidarity fund");
  EXPECT_EQ(server_->Get("/api/v1/finance/records/fund/fund-1").first, 401);
  EXPECT_EQ(server_->Get("/api/v1/finance/records/fund/fund-1", nobody_).first, 403);
  EXPECT_EQ(server_->Get("/api/v1/finance/records/fund/nope", steward_).first, 404);
  EXPECT_EQ(
      server_->Get("/api/v1/finance/records/fund/fund-1/versions", steward_).second["items"].size(),
      2u);

  EXPECT_EQ(server_->Delete("/api/v1/finance/records/fund/fund-1", steward_).first, 400);
  EXPECT_EQ(server_->Delete("/api/v1/finance/records/fund/fund-1?base_version=1", steward_).first,
            409);
  auto [gone, deleted] =
      server_->Delete("/api/v1/finance/records/fund/fund-1?base_version=2", steward_);
  ASSERT_EQ(gone, 200) << deleted.dump();
  EXPECT_EQ(deleted["deleted"], true);
  EXPECT_TRUE(server_->Get("/api/v1/finance/funds", steward_).second["items"].empty());
  EXPECT_EQ(server_->Get("/api/v1/finance/records/fund", steward_).second["items"].size(), 0u);
  EXPECT_EQ(
      server_->Get("/api/v1/finance/records/fund?deleted=true", steward_).second["items"].size(),
      1u);
  EXPECT_EQ(PutRecord("fund", "fund-1", Fund(), 3, steward_).first, 200);  // restored
  EXPECT_EQ(server_->Get("/api/v1/finance/funds", steward_).second["items"].size(), 1u);
}

TEST_P(FinanceServerTest, MembersReadAndAssessTheirOwnOrganisationOnly) {
  json assessment = {{"organisation", "coop-1"},
                     {"date", "2026-03-01"},
                     {"scores",
                      {{"individual", 2},
                       {"proposition", 2},
                       {"people", 1},
                       {"performance", 1},
                       {"plan", 2},
                       {"growth_capital", 1},
                       {"documents", 1}}},
                     {"governance", {{"mission_lock", 2}, {"asset_lock", 2}}}};
  auto [own, saved] = PutRecord("assessment", "coop-1-2026-03-01", assessment, 0, member_);
  ASSERT_EQ(own, 201) << saved.dump();
  EXPECT_EQ(saved["actor_id"], "coop-1");
  json other = assessment;
  other["organisation"] = "coop-2";
  EXPECT_EQ(PutRecord("assessment", "coop-2-2026-03-01", other, 0, member_).first, 403);
  // Members do not write loans, even their own.
  EXPECT_EQ(PutRecord("loan", "L1", Loan("L1", "2026-01-01", {}), 0, member_, "", "coop-1").first,
            403);

  auto [page, view] = server_->Get("/api/v1/finance/organisations/coop-1", member_);
  ASSERT_EQ(page, 200) << view.dump();
  EXPECT_EQ(view["actor"]["name"], "Co-op coop-1");
  EXPECT_EQ(view["readiness"]["latest"]["total"], 10);
  EXPECT_EQ(server_->Get("/api/v1/finance/organisations/coop-2", member_).first, 403);
  EXPECT_EQ(server_->Get("/api/v1/finance/organisations/coop-2", steward_).first, 200);
  EXPECT_EQ(server_->Get("/api/v1/finance/organisations/nobody", steward_).first, 404);
  EXPECT_EQ(server_->Get("/api/v1/finance/organisations/coop-1").first, 401);
  EXPECT_EQ(server_->Get("/api/v1/finance/records/assessment?actor=coop-1", member_)
                .second["items"]
                .size(),
            1u);
  EXPECT_EQ(server_->Get("/api/v1/finance/records/assessment", member_).first, 403);
  EXPECT_EQ(server_->Get("/api/v1/finance/loan-book", member_).first, 403);

  // A funder's applicants: stewards read them, members do not.
  json funder = {{"id", "caisse"}, {"name", "Caisse"}, {"mechanisms", {"cooperative_bank_loan"}}};
  ASSERT_EQ(PutRecord("funder", "caisse", funder, 0, steward_).first, 201);
  auto [listed, applicants] = server_->Get("/api/v1/finance/funders/caisse/applicants", steward_);
  ASSERT_EQ(listed, 200) << applicants.dump();
  ASSERT_EQ(applicants["results"].size(), 1u);
  EXPECT_EQ(applicants["results"][0]["organisation"], "coop-1");
  EXPECT_EQ(server_->Get("/api/v1/finance/funders/caisse/applicants", member_).first, 403);
  EXPECT_EQ(server_->Get("/api/v1/finance/funders/nope/applicants", steward_).first, 404);

  // A guarantee fund and a campaign, evaluated.
  json guarantee = json::parse(R"({"fund": {"capital": 1000000, "coverage": 0.65},
    "guarantees": [{"loan_id": "L1", "outstanding": 400000}]})");
  ASSERT_EQ(PutRecord("guarantee_fund", "g1", guarantee, 0, steward_).first, 201);
  auto [g_status, g] = server_->Get("/api/v1/finance/guarantee-funds/g1", steward_);
  ASSERT_EQ(g_status, 200) << g.dump();
  EXPECT_EQ(g["report"]["guarantees"][0]["guaranteed"], 260000);
  EXPECT_EQ(server_->Get("/api/v1/finance/guarantee-funds/g1", member_).first, 403);
  json campaign = json::parse(R"({"id": "c1", "target": 400000, "deadline": "2026-07-31",
    "pledges": [{"backer": "ana", "amount": 60000, "date": "2026-06-01"}],
    "rule": {"id": "r", "clauses": [{"kind": "ratio", "match_per_unit": 1}]}})");
  ASSERT_EQ(PutRecord("campaign", "c1", campaign, 0, steward_).first, 201);
  auto [c_status, c] = server_->Get("/api/v1/finance/campaigns/c1?as_of=2026-06-10", steward_);
  ASSERT_EQ(c_status, 200) << c.dump();
  EXPECT_EQ(c["match"]["released"], true);
  EXPECT_EQ(server_->Get("/api/v1/finance/campaigns/c1?as_of=june", steward_).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/finance/campaigns/nope", steward_).first, 404);
}

TEST_P(FinanceServerTest, FundWaterfallAllocationAndLoanBook) {
  ASSERT_EQ(PutRecord("fund", "fund-1", Fund(), 0, steward_).first, 201);
  ASSERT_EQ(PutRecord("application", "a", Application("a", 60, 60), 0, steward_, "fund-1", "coop-1")
                .first,
            201);
  ASSERT_EQ(PutRecord("application", "b", Application("b", 50, 40), 0, steward_, "fund-1", "coop-2")
                .first,
            201);
  ASSERT_EQ(PutRecord("application", "c", Application("c", 40, 45), 0, steward_, "fund-1", "coop-2")
                .first,
            201);

  auto [got, fund] = server_->Get("/api/v1/finance/funds/fund-1?loss=150000", reader_);
  ASSERT_EQ(got, 200) << fund.dump();
  EXPECT_EQ(fund["waterfall"]["tranches"][0]["absorbed"], 100000);
  EXPECT_EQ(fund["waterfall"]["tranches"][1]["absorbed"], 50000);
  EXPECT_EQ(fund["losses"].size(), 11u);
  EXPECT_EQ(fund["applications"].size(), 3u);
  EXPECT_EQ(server_->Get("/api/v1/finance/funds/fund-1?loss=lots", reader_).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/finance/funds/nope", reader_).first, 404);

  // Running an allocation reads; saving it writes.
  auto [ran, answer] =
      server_->Post("/api/v1/finance/funds/fund-1/allocate", json::object(), reader_);
  ASSERT_EQ(ran, 200) << answer.dump();
  EXPECT_NEAR(answer["impact"].get<double>(), 105, 1e-6);
  EXPECT_EQ(server_->Post("/api/v1/finance/funds/fund-1/allocate", {{"save", true}}, reader_).first,
            403);
  EXPECT_EQ(server_->Post("/api/v1/finance/funds/fund-1/allocate", {{"sav", true}}, steward_).first,
            400);
  auto [kept, saved] =
      server_->Post("/api/v1/finance/funds/fund-1/allocate", {{"save", true}}, steward_);
  ASSERT_EQ(kept, 200) << saved.dump();
  EXPECT_EQ(saved["saved"]["version"], 1);
  EXPECT_NEAR(server_->Get("/api/v1/finance/funds/fund-1", reader_)
                  .second["allocation"]["doc"]["impact"]
                  .get<double>(),
              105, 1e-6);

  ASSERT_EQ(PutRecord("loan", "A", Loan("A", "2026-01-01", {"2026-02-01", "2026-03-01"}), 0,
                      steward_, "fund-1", "coop-1")
                .first,
            201);
  ASSERT_EQ(PutRecord("loan", "B",
                      Loan("B", "2026-01-01",
                           {"2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"}),
                      0, steward_, "", "coop-2")
                .first,
            201);
  auto [book_status, book] =
      server_->Get("/api/v1/finance/loan-book?as_of=2026-07-01&thresholds=30,90", reader_);
  ASSERT_EQ(book_status, 200) << book.dump();
  // A has been unpaid since 1 April (91 days): its whole balance is in PAR30 and PAR90.
  const json& par30 = book["par"]["thresholds"][0]["all"];
  EXPECT_EQ(par30["loans_at_risk"], 1);
  EXPECT_EQ(par30["loan_ids"], json::array({"A"}));
  EXPECT_EQ(book["par"]["thresholds"][1]["all"]["loans_at_risk"], 1);
  EXPECT_EQ(book["loans"][0]["actor_name"], "Co-op coop-1");
  EXPECT_EQ(server_->Get("/api/v1/finance/loan-book?fund=fund-1&as_of=2026-07-01", reader_)
                .second["loans"]
                .size(),
            1u);
  EXPECT_EQ(server_->Get("/api/v1/finance/loan-book?thresholds=30,x", reader_).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/finance/loan-book?as_of=2026-13-01", reader_).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/finance/loan-book?colour=red", reader_).first, 400);

  // The impact export, as JSON for the page; CSV and JSON-LD are downloads.
  auto [impact_status, impact] = server_->Get("/api/v1/finance/impact?as_of=2026-07-01", reader_);
  ASSERT_EQ(impact_status, 200) << impact.dump();
  EXPECT_EQ(impact["currency"], "CAD");
  EXPECT_FALSE(impact["values"].empty());
  EXPECT_EQ(server_->Get("/api/v1/finance/impact?format=xml", reader_).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/finance/impact", member_).first, 403);
  auto csv = server_->Send("GET", "/api/v1/finance/impact?format=csv&as_of=2026-07-01", "",
                           testing::BearerHeaders(reader_));
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.rfind("indicator,name,", 0), 0u) << csv->body.substr(0, 60);
  auto ld = server_->Send("GET", "/api/v1/finance/impact?format=jsonld&as_of=2026-07-01", "",
                          testing::BearerHeaders(reader_));
  ASSERT_TRUE(ld);
  EXPECT_EQ(ld->status, 200);
  EXPECT_TRUE(json::parse(ld->body).contains("@context"));
}

TEST_P(FinanceServerTest, ComputationsOnARequestBody) {
  auto [got, catalogue] = server_->Get("/api/v1/finance/mechanisms");
  ASSERT_EQ(got, 200);
  EXPECT_FALSE(catalogue.dump().find("rosca") == std::string::npos);

  auto [scheduled, schedule] =
      server_->Post("/api/v1/finance/schedule", Loan("X", "2026-01-01", {})["terms"]);
  ASSERT_EQ(scheduled, 200) << schedule.dump();
  EXPECT_EQ(schedule["instalments"].size(), 12u);
  EXPECT_EQ(schedule["instalments"][0]["total"], 106619);
  json bad_terms = Loan("X", "2026-01-01", {})["terms"];
  bad_terms["periods"] = -1;
  EXPECT_EQ(server_->Post("/api/v1/finance/schedule", bad_terms).first, 400);

  json book = {{"as_of", "2026-07-01"},
               {"loans", json::array({Loan("A", "2026-01-01", {"2026-02-01"})})}};
  auto [par_status, par] = server_->Post("/api/v1/finance/par", book);
  ASSERT_EQ(par_status, 200) << par.dump();
  EXPECT_DOUBLE_EQ(par["thresholds"][0]["all"]["ratio"].get<double>(), 1.0);
  book.erase("as_of");
  EXPECT_EQ(server_->Post("/api/v1/finance/par", book).first, 400);

  auto [fell, waterfall] =
      server_->Post("/api/v1/finance/waterfall", {{"fund", Fund()}, {"loss", 250000}});
  ASSERT_EQ(fell, 200) << waterfall.dump();
  EXPECT_EQ(waterfall["tranches"][1]["absorbed"], 150000);

  json problem = {
      {"rules", {{"budget", 100}}},
      {"applications", json::array({Application("a", 60, 60), Application("c", 40, 45)})}};
  EXPECT_EQ(server_->Post("/api/v1/finance/allocate", problem).first, 401);
  auto [solved, allocation] = server_->Post("/api/v1/finance/allocate", problem, nobody_);
  ASSERT_EQ(solved, 200) << allocation.dump();
  EXPECT_NEAR(allocation["impact"].get<double>(), 105, 1e-6);

  json org = {{"organisation",
               {{"id", "group-1"},
                {"facts", {{"legal_form", "informal_group"}, {"purpose", {{"social", true}}}}}}}};
  auto [matched, match] = server_->Post("/api/v1/finance/match", org);
  ASSERT_EQ(matched, 200) << match.dump();
  for (const json& m : match["mechanisms"]["mechanisms"]) {
    if (m["mechanism"] == "equity_with_votes") {
      EXPECT_EQ(m["fit"], "does_not_fit");
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, FinanceServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
