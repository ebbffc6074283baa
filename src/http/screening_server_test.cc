// Screening over HTTP: frameworks and facts, stateless screening, statutes analysis, profiles,
// stored assessments and their history, the registry job, the verdict filter, and who may do
// what. Runs on both backends.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "ecosol/auth/accounts.h"
#include "ecosol/http/server.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kPassword[] = "long enough passphrase";
const char kAdminToken[] = "screening-test-admin-token";

// Everything an SSE-washing company looks like.
json WashingProfile() {
  return {{"legal_form", "company"},
          {"governance",
           {{"voting_rule", "capital_proportional"}, {"stakeholder_bodies", json::array()}}},
          {"control", {{"for_profit_share", 1.0}, {"founder_family_share", 1.0}}},
          {"capital", {{"venture_terms", true}}},
          {"profits", {{"distributable", true}, {"dividends", 0.9}, {"shares_listed", true}}},
          {"assets", {{"asset_lock", false}, {"dissolution_to", "members"}}}};
}

class ScreeningServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  ScreeningServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    for (const char* id : {"coop", "other"}) {
      model::Actor a;
      a.id = id;
      a.name = std::string("Actor ") + id;
      a.structures = {"OS60"};
      a.address.country = "FR";
      ASSERT_TRUE(reg.CreateActor(a, "test").ok());
    }
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto add = [&](const std::string& email, auth::Role role, const std::string& scope) {
      auto u = accounts.AddUser(email, kPassword, "");
      ASSERT_TRUE(u.ok());
      if (!scope.empty() || role == auth::Role::kAssessor) {
        ASSERT_TRUE(accounts.GrantRole(u->id, role, scope).ok());
      }
    };
    add("member@example.org", auth::Role::kMember, "actor:coop");
    add("assessor@example.org", auth::Role::kAssessor, "");
    add("nobody@example.org", auth::Role::kMember, "");

    ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  std::string Token(const std::string& email) {
    auto res = server_->client().Post("/api/v1/auth/signin",
                                      json{{"email", email}, {"password", kPassword}}.dump(),
                                      "application/json");
    EXPECT_TRUE(res && res->status == 200);
    std::string cookie = res->get_header_value("Set-Cookie");
    httplib::Headers h = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                          {"X-CSRF-Token", json::parse(res->body)["csrf_token"]}};
    auto token =
        server_->client().Post("/api/v1/auth/tokens", h,
                               json{{"name", "t"}, {"scope", "write"}}.dump(), "application/json");
    EXPECT_TRUE(token && token->status == 201) << (token ? token->body : "");
    return json::parse(token->body)["token"];
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

TEST_P(ScreeningServerTest, FrameworksAndFactsAreServed) {
  auto [status, list] = server_->Get("/api/v1/frameworks");
  ASSERT_EQ(status, 200);
  EXPECT_GE(list["items"].size(), 12u);
  auto [s2, un] = server_->Get("/api/v1/frameworks/un-ilo");
  ASSERT_EQ(s2, 200);
  EXPECT_EQ(un["principles"].size(), 5u);
  EXPECT_EQ(server_->Get("/api/v1/frameworks/nope").first, 404);
  auto [s3, facts] = server_->Get("/api/v1/facts");
  ASSERT_EQ(s3, 200);
  bool found = false;
  for (const json& f : facts["items"]) {
    if (f["path"] == "governance.voting_rule") {
      found = true;
      EXPECT_EQ(f["label"].size(), 4u);
    }
  }
  EXPECT_TRUE(found);
}

TEST_P(ScreeningServerTest, AnyoneMayScreenAProfileAndNothingIsStored) {
  auto [status, out] =
      server_->Post("/api/v1/screen", {{"profile", WashingProfile()}, {"frameworks", {"un-ilo"}}});
  ASSERT_EQ(status, 200) << out.dump();
  EXPECT_EQ(out["results"][0]["verdict"], "inconsistent");
  EXPECT_FALSE(out["results"][0]["red_flags"].empty());
  auto [bad, err] =
      server_->Post("/api/v1/screen", {{"profile", {{"profits", {{"dividends", 3}}}}}});
  EXPECT_EQ(bad, 400);
  EXPECT_NE(err["error"]["message"].get<std::string>().find("profits.dividends"),
            std::string::npos);
  EXPECT_EQ(
      server_->Post("/api/v1/screen", {{"profile", json::object()}, {"frameworks", {"x"}}}).first,
      400);
  EXPECT_EQ(server_->Get("/api/v1/actors/coop/screenings").second["items"].size(), 0u);
}

TEST_P(ScreeningServerTest, StatutesAreAnalysedFromTextAndDocuments) {
  auto [status, out] =
      server_->Post("/api/v1/statutes/analyze",
                    {{"text",
                      "Article 9. Chaque associé dispose d'une voix (un associé, une voix). Les "
                      "réserves impartageables ne peuvent en aucun cas être réparties."}});
  ASSERT_EQ(status, 200) << out.dump();
  EXPECT_EQ(out["language"], "fr");
  std::set<std::string> types;
  for (const json& c : out["clauses"]) types.insert(c["type"]);
  EXPECT_TRUE(types.count("one_member_one_vote")) << out.dump();
  auto res = server_->client().Post(
      "/api/v1/statutes/analyze",
      "<html><body><p>Each member shall have one vote.</p></body></html>", "text/html");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  auto unknown = server_->client().Post("/api/v1/statutes/analyze", "x", "image/png");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
}

TEST_P(ScreeningServerTest, OnlyThoseWhoMayAssessRecordProfilesAndScreen) {
  std::string member = Token("member@example.org");
  std::string nobody = Token("nobody@example.org");
  json put = {
      {"profile", WashingProfile()},
      {"statutes",
       {{"name", "statuts.txt"}, {"text", "Les droits de vote sont proportionnels au capital."}}}};
  EXPECT_EQ(server_->Put("/api/v1/actors/coop/profile", put).first, 401);
  EXPECT_EQ(server_->Put("/api/v1/actors/coop/profile", put, nobody).first, 403);
  EXPECT_EQ(server_->Put("/api/v1/actors/other/profile", put, member).first, 403);
  auto [saved, profile] = server_->Put("/api/v1/actors/coop/profile", put, member);
  ASSERT_EQ(saved, 200) << profile.dump();
  EXPECT_EQ(profile["version"], 1);
  EXPECT_EQ(profile["statutes"]["name"], "statuts.txt");
  EXPECT_EQ(server_->Get("/api/v1/actors/coop/profile", nobody).first, 403);
  EXPECT_EQ(server_->Get("/api/v1/actors/coop/profile", member).first, 200);

  EXPECT_EQ(server_->Post("/api/v1/screenings", {{"actor", "coop"}}, nobody).first, 403);
  auto [screened, out] =
      server_->Post("/api/v1/screenings", {{"actor", "coop"}, {"frameworks", {"un-ilo"}}}, member);
  ASSERT_EQ(screened, 201) << out.dump();
  EXPECT_EQ(out["results"][0]["verdict"], "inconsistent");

  // The public sees the verdict and the reasons, not the figures behind them.
  auto [s1, public_view] = server_->Get("/api/v1/actors/coop/screenings");
  ASSERT_EQ(s1, 200);
  ASSERT_EQ(public_view["items"].size(), 1u);
  EXPECT_FALSE(public_view["can_assess"]);
  for (const json& p : public_view["items"][0]["result"]["principles"]) {
    for (const json& c : p["criteria"]) {
      for (const json& e : c["evidence"]) EXPECT_FALSE(e.contains("value")) << e.dump();
    }
  }
  auto [s2, member_view] = server_->Get("/api/v1/actors/coop/screenings?lang=fr", member);
  ASSERT_EQ(s2, 200);
  EXPECT_TRUE(member_view["can_assess"]);

  // The directory filters by the latest verdict.
  auto [s3, listing] = server_->Get("/api/v1/actors?verdict=inconsistent");
  ASSERT_EQ(s3, 200);
  ASSERT_EQ(listing["items"].size(), 1u);
  EXPECT_EQ(listing["items"][0]["id"], "coop");
  EXPECT_EQ(server_->Get("/api/v1/actors?verdict=maybe").first, 400);
}

TEST_P(ScreeningServerTest, ScreeningTheRegistryIsAJobWithProgress) {
  std::string member = Token("member@example.org");
  EXPECT_EQ(server_->Post("/api/v1/screenings", {{"all", true}}, member).first, 403);
  std::string assessor = Token("assessor@example.org");
  EXPECT_EQ(server_->Post("/api/v1/screenings", {{"all", true}, {"frameworks", {"nope"}}}, assessor)
                .first,
            400);
  auto [status, started] = server_->Post("/api/v1/screenings", {{"all", true}}, assessor);
  ASSERT_EQ(status, 202) << started.dump();
  std::string id = started["job"]["id"];
  json job;
  for (int i = 0; i < 300; ++i) {
    job = server_->Get("/api/v1/jobs/" + id, assessor).second;
    if (job["state"] == "done" || job["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["done"], 2);
  EXPECT_EQ(job["total"], 2);
  EXPECT_EQ(job["result"]["actors"], 2);
  EXPECT_EQ(server_->Get("/api/v1/jobs/" + id, member).first, 404);
  // un-ilo and the schemes that apply to a French co-operative.
  std::set<std::string> frameworks;
  json history = server_->Get("/api/v1/actors/other/screenings").second;
  SCOPED_TRACE(history.dump().substr(0, 500) + " / job " + job.dump());
  for (const json& item : history["items"]) {
    frameworks.insert(item["framework"]);
  }
  EXPECT_TRUE(frameworks.count("un-ilo"));
  EXPECT_TRUE(frameworks.count("fr-ess"));
  EXPECT_TRUE(frameworks.count("ica-cooperative"));

  // The queue: the caller's own jobs; everyone's for admins; none for the public.
  EXPECT_EQ(job["attempts"], 1);
  EXPECT_NE(job["worker"].get<std::string>(), "");
  auto [s4, mine] = server_->Get("/api/v1/jobs", assessor);
  ASSERT_EQ(s4, 200) << mine.dump();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["id"], id);
  EXPECT_EQ(server_->Get("/api/v1/jobs?state=done", assessor).second["items"].size(), 1u);
  EXPECT_EQ(server_->Get("/api/v1/jobs?state=queued", assessor).second["items"].size(), 0u);
  EXPECT_EQ(server_->Get("/api/v1/jobs", member).second["items"].size(), 0u);
  EXPECT_EQ(server_->Get("/api/v1/jobs", kAdminToken).second["items"].size(), 1u);
  EXPECT_EQ(server_->Get("/api/v1/jobs").first, 401);
  EXPECT_EQ(server_->Get("/api/v1/jobs?state=waiting", assessor).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/jobs?limit=0", assessor).first, 400);
  EXPECT_EQ(server_->Get("/api/v1/jobs?limit=x", assessor).first, 400);
  EXPECT_EQ(server_->Post("/api/v1/screenings", {{"all", true}, {"page_size", 0}}, assessor).first,
            400);
}

// Two servers on one database: one runs no worker threads, so the job it queues waits until the
// other (or any worker process) takes it; each actor is screened once.
TEST_P(ScreeningServerTest, AJobQueuedOnOneServerRunsOnAnother) {
  ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
  o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
  o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
  o.workers = 0;
  auto front = testing::TestServer::Start(o);
  ASSERT_TRUE(front.ok()) << front.status().ToString();
  // The other server (server_) has a worker: stop it until the job is seen waiting.
  server_.reset();
  std::string assessor_token;
  {
    auto res = (*front)->client().Post(
        "/api/v1/auth/signin",
        json{{"email", "assessor@example.org"}, {"password", kPassword}}.dump(),
        "application/json");
    ASSERT_TRUE(res && res->status == 200);
    std::string cookie = res->get_header_value("Set-Cookie");
    httplib::Headers h = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                          {"X-CSRF-Token", json::parse(res->body)["csrf_token"]}};
    auto token =
        (*front)->client().Post("/api/v1/auth/tokens", h,
                                json{{"name", "t"}, {"scope", "write"}}.dump(), "application/json");
    ASSERT_TRUE(token && token->status == 201);
    assessor_token = json::parse(token->body)["token"];
  }
  auto [status, started] =
      (*front)->Post("/api/v1/screenings",
                     {{"all", true}, {"frameworks", {"un-ilo"}}, {"page_size", 1}}, assessor_token);
  ASSERT_EQ(status, 202) << started.dump();
  std::string id = started["job"]["id"];
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ((*front)->Get("/api/v1/jobs/" + id, assessor_token).second["state"], "queued");
  // A server with a worker thread starts on the same database, and the token made on the first
  // server works on it (sessions and tokens live in the database).
  ServerOptions with_worker = o;
  with_worker.workers = 1;
  auto back = testing::TestServer::Start(with_worker);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  json job;
  for (int i = 0; i < 300; ++i) {
    job = (*back)->Get("/api/v1/jobs/" + id, assessor_token).second;
    if (job["state"] == "done" || job["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["result"]["actors"], 2);
  EXPECT_EQ(job["result"]["assessments"], 2);
  for (const std::string actor : {"coop", "other"}) {
    auto records = db_.store().Assessments(actor, "un-ilo");
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->size(), 1u) << actor;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ScreeningServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
