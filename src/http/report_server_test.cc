// GET /api/v1/ecosystem/report: the territory report as HTML (with its own, stricter content
// policy) and as PDF, what the public sees against an admin, and clear errors; the same report
// and the network's measures as background jobs (POST /api/v1/jobs, GET /jobs/{id}/output).
// Both backends.

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "ecosol/auth/accounts.h"
#include "ecosol/registry/registry.h"
#include "ecosol/text/document.h"
#include "test_paths.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

const char kAdminToken[] = "report-test-admin-token";

class ReportServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  ReportServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    ASSERT_TRUE(db_.store().PutTerritory({"CA/QC", "CA", "Quebec", "region", 8500000}).ok());
    auto add = [&](const std::string& id, const std::string& name, model::ActorKind kind,
                   model::Visibility visibility, std::vector<std::string> structures) {
      model::Actor a;
      a.id = id;
      a.name = name;
      a.kind = kind;
      a.territory = "CA/QC";
      a.visibility = visibility;
      a.structures = std::move(structures);
      a.founded = "2012";
      a.location = model::Location{45.5, -73.6};
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << id;
    };
    add("chantier", "Chantier de l'économie sociale", model::ActorKind::kNetwork,
        model::Visibility::kPublic, {"OS180"});
    add("coop", "Coop du quartier", model::ActorKind::kOrganisation, model::Visibility::kPublic,
        {"OS60"});
    add("secret", "Coopérative discrète", model::ActorKind::kOrganisation,
        model::Visibility::kPrivate, {"OS60"});
    model::Relationship r;
    r.from = "coop";
    r.to = "chantier";
    r.type = model::RelationshipType::kMemberOf;
    ASSERT_TRUE(reg.CreateRelationship(r, "test").ok());
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    for (auto [email, token] :
         {std::pair{"ann@example.org", &ann_token_}, {"bob@example.org", &bob_token_}}) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      ASSERT_TRUE(user.ok()) << user.status().ToString();
      auto t = accounts.CreateToken(user->id, "test", "write", 30);
      ASSERT_TRUE(t.ok()) << t.status().ToString();
      *token = t->token;
    }
    http::ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  httplib::Result Fetch(const std::string& path, const std::string& token = "") {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return server_->Send("GET", path, "", headers);
  }

  // Queues a job as `token` and follows it until it ends; the job as GET /jobs/{id} shows it.
  nlohmann::json RunJob(const nlohmann::json& body, const std::string& token) {
    auto queued = server_->Send("POST", "/api/v1/jobs", body.dump(), Bearer(token));
    EXPECT_TRUE(queued);
    if (!queued) return nullptr;
    EXPECT_EQ(queued->status, 202) << queued->body;
    if (queued->status != 202) return nullptr;
    nlohmann::json job = nlohmann::json::parse(queued->body)["job"];
    const std::string id = job["id"];
    EXPECT_EQ(queued->get_header_value("Location"), "/api/v1/jobs/" + id);
    for (int i = 0; i < 500 && job["state"] != "done" && job["state"] != "failed"; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      auto got = Fetch("/api/v1/jobs/" + id, token);
      EXPECT_TRUE(got && got->status == 200);
      if (got) job = nlohmann::json::parse(got->body);
    }
    return job;
  }

  static httplib::Headers Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string ann_token_, bob_token_;
};

TEST_P(ReportServerTest, HtmlReportInTheLanguageAskedWithItsOwnContentPolicy) {
  auto res = Fetch("/api/v1/ecosystem/report?territory=CA/QC&lang=es");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'self'"), std::string::npos) << csp;
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "SAMEORIGIN");
  EXPECT_NE(res->body.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(res->body.find("Quebec: informe del ecosistema de la ESS"), std::string::npos);
  EXPECT_NE(res->body.find("Chantier de l&#39;économie sociale"), std::string::npos);
  // The public does not see the private actor; an admin does.
  EXPECT_EQ(res->body.find("Coopérative discrète"), std::string::npos);
  auto admin = Fetch("/api/v1/ecosystem/report?territory=CA/QC&lang=es", kAdminToken);
  ASSERT_TRUE(admin);
  ASSERT_EQ(admin->status, 200);
  EXPECT_NE(admin->body.find(">3</td>"), std::string::npos);  // three actors in the summary
  // Other API answers keep the app's policy.
  auto other = Fetch("/api/v1/health");
  ASSERT_TRUE(other);
  EXPECT_NE(other->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
}

TEST_P(ReportServerTest, PdfReportIsADownloadThatReadsBack) {
  auto res = Fetch("/api/v1/ecosystem/report?territory=CA/QC&lang=fr&format=pdf");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 300);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"ecosol-report-CA-QC-fr.pdf\"");
  EXPECT_EQ(res->body.rfind("%PDF-", 0), 0u);
  auto text = text::ExtractDocumentText(res->body, "pdf");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("Quebec : rapport sur l'écosystème"), std::string::npos);
  EXPECT_NE(text->find("Briques de l'écosystème"), std::string::npos);
}

TEST_P(ReportServerTest, BadRequestsAreRefusedWithTheFix) {
  auto [no_territory, a] = server_->Get("/api/v1/ecosystem/report");
  EXPECT_EQ(no_territory, 400);
  EXPECT_NE(a["error"]["message"].get<std::string>().find("?territory=CA/QC"), std::string::npos)
      << a.dump();
  auto [unknown, b] = server_->Get("/api/v1/ecosystem/report?territory=CA/XX");
  EXPECT_EQ(unknown, 404) << b.dump();
  auto [format, c] = server_->Get("/api/v1/ecosystem/report?territory=CA/QC&format=docx");
  EXPECT_EQ(format, 400);
  EXPECT_NE(c.dump().find("expected html or pdf"), std::string::npos);
  auto [lang, d] = server_->Get("/api/v1/ecosystem/report?territory=CA/QC&lang=de");
  EXPECT_EQ(lang, 400) << d.dump();
  auto [param, e] = server_->Get("/api/v1/ecosystem/report?territory=CA/QC&colour=red");
  EXPECT_EQ(param, 400) << e.dump();
}

TEST_P(ReportServerTest, AReportInTheBackgroundIsTheStartersToFetch) {
  nlohmann::json job = RunJob(
      {{"kind", "report"}, {"params", {{"territory", "CA/QC"}, {"lang", "fr"}}}}, ann_token_);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["kind"], "report");
  EXPECT_EQ(job["result"]["output"]["name"], "ecosol-report-CA-QC-fr.html");
  const std::string output = "/api/v1/jobs/" + job["id"].get<std::string>() + "/output";
  auto res = Fetch(output, ann_token_);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 300);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"ecosol-report-CA-QC-fr.html\"");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(res->body.size(), job["result"]["output"]["bytes"].get<size_t>());
  EXPECT_NE(res->body.find("Coop du quartier"), std::string::npos);
  // Ann holds no grant: her report is the public's, without the private actor.
  auto public_report = Fetch("/api/v1/ecosystem/report?territory=CA/QC&lang=fr");
  ASSERT_TRUE(public_report);
  EXPECT_EQ(res->body, public_report->body);
  // Bob and the public may not see Ann's job or its output; an admin may.
  auto bob = Fetch(output, bob_token_);
  ASSERT_TRUE(bob);
  EXPECT_EQ(bob->status, 404) << bob->body;
  auto anyone = Fetch(output);
  ASSERT_TRUE(anyone);
  EXPECT_EQ(anyone->status, 404) << anyone->body;
  auto admin = Fetch(output, kAdminToken);
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200);
  EXPECT_EQ(admin->body, res->body);
  // The admin's own report, as a PDF: its three actors, the private one with them.
  job = RunJob({{"kind", "report"}, {"params", {{"territory", "CA/QC"}, {"format", "pdf"}}}},
               kAdminToken);
  ASSERT_EQ(job["state"], "done") << job.dump();
  auto pdf = Fetch("/api/v1/jobs/" + job["id"].get<std::string>() + "/output", kAdminToken);
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  auto text = text::ExtractDocumentText(pdf->body, "pdf");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("Quebec"), std::string::npos);
  auto admin_now = Fetch("/api/v1/ecosystem/report?territory=CA/QC&format=pdf", kAdminToken);
  ASSERT_TRUE(admin_now);
  auto text_now = text::ExtractDocumentText(admin_now->body, "pdf");
  ASSERT_TRUE(text_now.ok());
  EXPECT_EQ(*text, *text_now);
}

TEST_P(ReportServerTest, TheNetworksMeasuresInTheBackground) {
  nlohmann::json job = RunJob(
      {{"kind", "analytics"}, {"params", {{"territory", "CA/QC"}, {"betweenness", "exact"}}}},
      ann_token_);
  ASSERT_EQ(job["state"], "done") << job.dump();
  auto res = Fetch("/api/v1/jobs/" + job["id"].get<std::string>() + "/output", ann_token_);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 300);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  nlohmann::json measures = nlohmann::json::parse(res->body);
  // The same measures as the endpoint answers the same reader at once.
  auto now = Fetch("/api/v1/ecosystem/metrics?territory=CA/QC&betweenness=exact", ann_token_);
  ASSERT_TRUE(now);
  ASSERT_EQ(now->status, 200) << now->body;
  EXPECT_EQ(measures, nlohmann::json::parse(now->body));
  EXPECT_EQ(measures["summary"]["nodes"], 2);
  EXPECT_EQ(job["result"]["summary"], measures["summary"]);
}

TEST_P(ReportServerTest, BackgroundJobsRefuseBadRequestsAndQueueNothing) {
  auto post = [&](const std::string& body, const std::string& token) {
    auto res = server_->Send("POST", "/api/v1/jobs", body,
                             token.empty() ? httplib::Headers() : Bearer(token));
    EXPECT_TRUE(res);
    return res ? std::pair{res->status, res->body} : std::pair{0, std::string()};
  };
  const std::string good = R"({"kind": "report", "params": {"territory": "CA/QC"}})";
  EXPECT_EQ(post(good, "").first, 401);
  auto [kind, a] = post(R"({"kind": "coffee"})", ann_token_);
  EXPECT_EQ(kind, 400);
  EXPECT_NE(a.find("kind: 'coffee' is not report or analytics"), std::string::npos) << a;
  auto [format, b] =
      post(R"({"kind": "report", "params": {"territory": "CA/QC", "format": "docx"}})", ann_token_);
  EXPECT_EQ(format, 400);
  EXPECT_NE(b.find("params: format: expected html or pdf"), std::string::npos) << b;
  auto [field, c] = post(R"({"kind": "analytics", "colour": "red"})", ann_token_);
  EXPECT_EQ(field, 400);
  EXPECT_NE(c.find("colour: unknown field"), std::string::npos) << c;
  auto [territory, f] = post(R"({"kind": "report", "params": {"territory": "CA/XX"}})", ann_token_);
  EXPECT_EQ(territory, 404);
  EXPECT_NE(f.find("no territory with id 'CA/XX'"), std::string::npos) << f;
  auto [samples, d] = post(R"({"kind": "analytics", "params": {"samples": "many"}})", ann_token_);
  EXPECT_EQ(samples, 400);
  EXPECT_NE(d.find("samples: expected a whole number"), std::string::npos) << d;
  auto [broken, e] = post("{\"kind\": ", ann_token_);
  EXPECT_EQ(broken, 400) << e;
  auto listed = Fetch("/api/v1/jobs", kAdminToken);
  ASSERT_TRUE(listed);
  EXPECT_EQ(nlohmann::json::parse(listed->body)["items"].size(), 0u) << listed->body;
  // A job that is not done has no output yet; one without output says where its result is.
  auto unknown = Fetch("/api/v1/jobs/job-0000000000000000/output", kAdminToken);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  store::JobRecord waiting;
  waiting.id = "job-00000000000000aa";
  waiting.kind = "archive";  // a kind no worker of this server runs
  waiting.state = "queued";
  waiting.params = "{}";
  waiting.who = "admin-token";
  waiting.created_at = waiting.updated_at = "2026-12-01T10:00:00Z";
  ASSERT_TRUE(db_.store().PutJob(waiting).ok());
  auto early = Fetch("/api/v1/jobs/" + waiting.id + "/output", kAdminToken);
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 409) << early->body;
  EXPECT_NE(early->body.find("is queued"), std::string::npos) << early->body;
  waiting.state = "done";
  ASSERT_TRUE(db_.store().PutJob(waiting).ok());
  auto none = Fetch("/api/v1/jobs/" + waiting.id + "/output", kAdminToken);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_NE(none->body.find("has no output"), std::string::npos) << none->body;
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
