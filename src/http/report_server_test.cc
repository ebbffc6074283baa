// GET /api/v1/ecosystem/report: the territory report as HTML (with its own, stricter content
// policy) and as PDF, what the public sees against an admin, and clear errors. Both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
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

INSTANTIATE_TEST_SUITE_P(Backends, ReportServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
