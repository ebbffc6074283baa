// /api/v1/knowledge: cases written by contributors as drafts, reviewed by stewards, read by the
// public once published; search with facets; similar cases; transfer analysis; the context
// catalogue; clear errors. Runs on both backends.

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

const char kAdminToken[] = "knowledge-test-admin-token";

json Case(const std::string& id, const std::string& title) {
  return {
      {"id", id},
      {"title", {{"en", title}, {"fr", title + " (fr)"}}},
      {"summary", {{"en", title + ", run by women drivers for women passengers."}}},
      {"themes", json::array({"mobility"})},
      {"sdgs", json::array({5, 11})},
      {"countries", json::array({"IN"})},
      {"type", "case_study"},
      {"origin", {{"socio_cultural", {{"trust", "high"}}}}},
      {"core_elements",
       json::array(
           {{{"id", "drivers_network"},
             {"label", {{"en", "Network of trusted drivers"}}},
             {"relies_on",
              json::array({{{"feature", "trust"}, {"op", "at_least"}, {"value", "medium"}}})}}})}};
}

class KnowledgeServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  KnowledgeServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    // A drivers' association in Uttar Pradesh (it makes the territory IN that a steward curates).
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    model::Actor drivers;
    drivers.id = "up-drivers";
    drivers.name = "Women drivers' association";
    drivers.address = {"", "Lucknow", "", "", "IN"};
    ASSERT_TRUE(reg.CreateActor(drivers, "test", "api").ok());
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto token = [&](const std::string& email, const std::string& scope, bool steward) {
      auto user = accounts.AddUser(email, "long enough passphrase", "");
      EXPECT_TRUE(user.ok());
      if (steward) {
        EXPECT_TRUE(accounts.GrantRole(user->id, auth::Role::kSteward, "territory:IN").ok());
      }
      auto t = accounts.CreateToken(user->id, "test", scope, 30);
      EXPECT_TRUE(t.ok());
      return t->token;
    };
    author_ = token("author@example.org", "write", false);
    other_ = token("other@example.org", "write", false);
    steward_ = token("steward@example.org", "write", true);
    reader_ = token("reader@example.org", "read", false);
    http::ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
    o.clauses_dir = ::ecosol::testing::SourceDir() + "/data/clauses";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;
  std::string author_, other_, steward_, reader_;
};

TEST_P(KnowledgeServerTest, ContributorsWriteDraftsStewardsPublishThem) {
  const json doc = Case("in-erickshaw", "Women's e-rickshaw safe network");
  EXPECT_EQ(server_->Post("/api/v1/knowledge/cases", doc).first, 401);
  EXPECT_EQ(server_->Post("/api/v1/knowledge/cases", doc, reader_).first, 403);
  auto [created, saved] = server_->Post("/api/v1/knowledge/cases", doc, author_);
  ASSERT_EQ(created, 201) << saved.dump();
  EXPECT_EQ(saved["status"], "draft");
  EXPECT_EQ(saved["version"], 1);
  EXPECT_EQ(server_->Post("/api/v1/knowledge/cases", doc, author_).first, 409);
  json bad = doc;
  bad["id"] = "other";
  bad["sdgs"] = json::array({18});
  auto [refused, why] = server_->Post("/api/v1/knowledge/cases", bad, author_);
  EXPECT_EQ(refused, 400);
  EXPECT_NE(why.dump().find("sdgs"), std::string::npos) << why.dump();

  // The draft is hidden from the public and other contributors; its author and stewards read it.
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw").first, 404);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw", other_).first, 404);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw", author_).first, 200);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw", steward_).first, 200);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases?q=rickshaw").second["total"], 0);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases?q=rickshaw", steward_).second["total"], 1);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases?status=draft").first, 403);

  // Submit (author), approve (steward only).
  EXPECT_EQ(
      server_->Post("/api/v1/knowledge/cases/in-erickshaw/review", {{"action", "submit"}}, other_)
          .first,
      404);
  auto [submitted, s] =
      server_->Post("/api/v1/knowledge/cases/in-erickshaw/review", {{"action", "submit"}}, author_);
  ASSERT_EQ(submitted, 200) << s.dump();
  EXPECT_EQ(s["status"], "in_review");
  EXPECT_EQ(
      server_->Post("/api/v1/knowledge/cases/in-erickshaw/review", {{"action", "approve"}}, author_)
          .first,
      403);
  EXPECT_EQ(
      server_->Post("/api/v1/knowledge/cases/in-erickshaw/review", {{"action", "return"}}, steward_)
          .first,
      400);  // no comment
  auto [approved, a] =
      server_->Post("/api/v1/knowledge/cases/in-erickshaw/review",
                    {{"action", "approve"}, {"comment", "sources checked"}}, steward_);
  ASSERT_EQ(approved, 200) << a.dump();
  EXPECT_EQ(a["status"], "published");
  EXPECT_EQ(
      server_
          ->Post("/api/v1/knowledge/cases/in-erickshaw/review", {{"action", "approve"}}, steward_)
          .first,
      409);

  // Published: everyone reads it and finds it, with facets; the trail is public.
  auto [read, c] = server_->Get("/api/v1/knowledge/cases/in-erickshaw");
  ASSERT_EQ(read, 200) << c.dump();
  EXPECT_EQ(c["doc"]["title"]["en"], "Women's e-rickshaw safe network");
  auto [searched, page] = server_->Get("/api/v1/knowledge/cases?q=rickshaws&sdg=5&lang=fr");
  ASSERT_EQ(searched, 200) << page.dump();
  ASSERT_EQ(page["total"], 1);
  EXPECT_EQ(page["items"][0]["title"], "Women's e-rickshaw safe network (fr)");
  EXPECT_EQ(page["facets"]["country"][0]["value"], "IN");
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases?q=rickshaw&sdg=3").second["total"], 0);
  auto [trail_status, trail] = server_->Get("/api/v1/knowledge/cases/in-erickshaw/reviews");
  ASSERT_EQ(trail_status, 200);
  EXPECT_EQ(trail["items"].size(), 2u);
  EXPECT_EQ(trail["items"][1]["comment"], "sources checked");

  // An edit is a draft version 2; the public keeps version 1; a stale base is refused.
  json edited = doc;
  edited["summary"]["en"] = "Now in three cities.";
  edited["base_version"] = 1;
  auto [put, v2] = server_->Put("/api/v1/knowledge/cases/in-erickshaw", edited, author_);
  ASSERT_EQ(put, 200) << v2.dump();
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(server_->Put("/api/v1/knowledge/cases/in-erickshaw", edited, author_).first, 409);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw").second["version"], 1);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw/versions").second["items"].size(),
            1u);
  EXPECT_EQ(
      server_->Get("/api/v1/knowledge/cases/in-erickshaw/versions", author_).second["items"].size(),
      2u);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw/versions/2").first, 404);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw/versions/2", steward_).first, 200);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/in-erickshaw/versions/x").first, 400);
}

TEST_P(KnowledgeServerTest, TransferSimilarCasesAndTheCatalogue) {
  for (const auto& [id, title] : std::vector<std::pair<std::string, std::string>>{
           {"in-erickshaw", "Women's e-rickshaw safe network"},
           {"ke-boda", "Women's motorbike taxi network"}}) {
    ASSERT_EQ(server_->Post("/api/v1/knowledge/cases", Case(id, title), author_).first, 201);
    ASSERT_EQ(
        server_
            ->Post("/api/v1/knowledge/cases/" + id + "/review", {{"action", "approve"}}, steward_)
            .first,
        200);
  }
  auto [similar_status, similar] = server_->Get("/api/v1/knowledge/cases/in-erickshaw/similar");
  ASSERT_EQ(similar_status, 200) << similar.dump();
  ASSERT_EQ(similar["items"].size(), 1u);
  EXPECT_EQ(similar["items"][0]["id"], "ke-boda");

  json body = {{"case", "in-erickshaw"},
               {"context", {{"id", "low-trust"}, {"socio_cultural", {{"trust", "low"}}}}}};
  auto [analysed, analysis] = server_->Post("/api/v1/knowledge/transfer?lang=fr", body);
  ASSERT_EQ(analysed, 200) << analysis.dump();
  ASSERT_FALSE(analysis["risk_flags"].empty());
  EXPECT_EQ(analysis["risk_flags"][0]["id"], "trust_dependency");
  EXPECT_EQ(analysis["risk_flags"][0]["element"], "drivers_network");
  EXPECT_TRUE(analysis["judgement"].is_string());   // localised to French
  EXPECT_TRUE(analysis["local_partners"].empty());  // no territory named

  // Local partners: the actors of the target territory offering what the flag lacks.
  json offer = {{"linked_schemas", {"offers_wants_schema-v0.1.0"}},
                {"exchange_type", "offer"},
                {"transaction_type", {"receive-donate"}},
                {"tags", {"network"}},
                {"title", "Mentoring by experienced women drivers"},
                {"description", "Peer network."},
                {"geographic_scope", "regional"},
                {"contact_details", {{"email", "contact@example.org"}}}};
  auto [offered, o] = server_->Post("/api/v1/actors/up-drivers/offers-wants", offer, kAdminToken);
  ASSERT_EQ(offered, 201) << o.dump();
  body["context"]["territory"] = "IN";
  auto [local_status, local] = server_->Post("/api/v1/knowledge/transfer", body);
  ASSERT_EQ(local_status, 200) << local.dump();
  ASSERT_EQ(local["local_partners"].size(), 1u) << local.dump();
  EXPECT_EQ(local["local_partners"][0]["flag"], "trust_dependency");
  ASSERT_EQ(local["local_partners"][0]["actors"].size(), 1u);
  EXPECT_EQ(local["local_partners"][0]["actors"][0]["id"], "up-drivers");
  EXPECT_EQ(local["local_partners"][0]["actors"][0]["asset_type"], "network");
  body["context"]["territory"] = "FR";
  EXPECT_TRUE(server_->Post("/api/v1/knowledge/transfer", body)
                  .second["local_partners"][0]["actors"]
                  .empty());
  body["context"].erase("territory");
  EXPECT_EQ(server_->Post("/api/v1/knowledge/transfer", {{"case", "in-erickshaw"}}).first, 400);
  body["context"]["socio_cultural"]["trust"] = "sky-high";
  auto [bad_status, bad] = server_->Post("/api/v1/knowledge/transfer", body);
  EXPECT_EQ(bad_status, 400);
  EXPECT_NE(bad.dump().find("trust"), std::string::npos);
  body["case"] = "nope";
  EXPECT_EQ(server_->Post("/api/v1/knowledge/transfer", body).first, 404);

  auto [cat_status, catalogue] = server_->Get("/api/v1/knowledge/context-framework?lang=es");
  ASSERT_EQ(cat_status, 200);
  EXPECT_EQ(catalogue["domains"].size(), 7u);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/context-framework?lang=xx").first, 400);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases?colour=red").first, 400);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases?limit=500").first, 400);
}

TEST_P(KnowledgeServerTest, LineageAndWatchFeeds) {
  for (const auto& [id, title] : std::vector<std::pair<std::string, std::string>>{
           {"in-erickshaw", "Women's e-rickshaw safe network"},
           {"ke-boda", "Women's motorbike taxi network"}}) {
    ASSERT_EQ(server_->Post("/api/v1/knowledge/cases", Case(id, title), author_).first, 201);
    ASSERT_EQ(
        server_
            ->Post("/api/v1/knowledge/cases/" + id + "/review", {{"action", "approve"}}, steward_)
            .first,
        200);
  }
  json transfer = {{"origin_case", "in-erickshaw"},
                   {"case", "ke-boda"},
                   {"target", {{"socio_cultural", {{"trust", "low"}}}}},
                   {"adaptations",
                    json::array({{{"element", "drivers_network"},
                                  {"when", "implementation"},
                                  {"planned", "reactive"},
                                  {"description", {{"en", "Drivers vetted by a church group"}}}}})},
                   {"outcome", "failure"}};
  EXPECT_EQ(server_->Post("/api/v1/knowledge/transfers", transfer).first, 401);
  auto [recorded, r] = server_->Post("/api/v1/knowledge/transfers", transfer, author_);
  ASSERT_EQ(recorded, 201) << r.dump();
  EXPECT_EQ(r["flags"], json::array({"trust_dependency"}));
  transfer["adaptations"][0]["when"] = "later";
  EXPECT_EQ(server_->Post("/api/v1/knowledge/transfers", transfer, author_).first, 400);
  auto [lineage_status, lineage] = server_->Get("/api/v1/knowledge/cases/in-erickshaw/lineage");
  ASSERT_EQ(lineage_status, 200) << lineage.dump();
  ASSERT_EQ(lineage["transfers"].size(), 1u);
  EXPECT_EQ(lineage["flag_history"]["flags"][0]["flag"], "trust_dependency");
  EXPECT_EQ(lineage["flag_history"]["flags"][0]["failed"], 1);
  EXPECT_EQ(server_->Get("/api/v1/knowledge/cases/ke-boda/lineage").second["origin"].size(), 1u);

  EXPECT_EQ(server_->Get("/api/v1/knowledge/watches").first, 401);
  auto [saved, w] =
      server_->Post("/api/v1/knowledge/watches", {{"name", "Taxis"}, {"q", "taxi"}}, author_);
  ASSERT_EQ(saved, 201) << w.dump();
  const std::string id = w["id"];
  EXPECT_EQ(server_->Get("/api/v1/knowledge/watches", author_).second["items"].size(), 1u);
  EXPECT_TRUE(server_->Get("/api/v1/knowledge/watches", other_).second["items"].empty());
  auto feed = server_->Send("GET", "/api/v1/knowledge/watches/" + id + "/feed", "", {});
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  EXPECT_NE(feed->body.find("Women&#39;s motorbike"), std::string::npos) << feed->body;
  EXPECT_EQ(feed->body.find("rickshaw"), std::string::npos);
  auto topic = server_->Send("GET", "/api/v1/knowledge/feed?sdg=5", "", {});
  ASSERT_TRUE(topic);
  EXPECT_NE(topic->body.find("rickshaw"), std::string::npos);
  EXPECT_EQ(server_->Delete("/api/v1/knowledge/watches/" + id, other_).first, 404);
  EXPECT_EQ(server_->Delete("/api/v1/knowledge/watches/" + id, author_).first, 200);
  EXPECT_EQ(server_->Send("GET", "/api/v1/knowledge/watches/" + id + "/feed", "", {})->status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, KnowledgeServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
