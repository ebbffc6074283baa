// Open data over HTTP: an upload imported (dry run, refused, written), who may import, exports
// in every format, and the Murmurations profile of a public actor. Runs on both backends.

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "ecosol/auth/accounts.h"
#include "ecosol/http/server.h"
#include "ecosol/registry/registry.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "interop-test-admin-token";

json Feature(const std::string& id, const std::string& name, double lon, double lat) {
  return {{"type", "Feature"},
          {"id", id},
          {"geometry", {{"type", "Point"}, {"coordinates", {lon, lat}}}},
          {"properties", {{"name", name}, {"addr:country", "UK"}}}};
}

std::string Collection(const std::vector<json>& features) {
  return json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

class InteropServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  InteropServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    model::Actor hidden;
    hidden.id = "hidden";
    hidden.name = "Private Group";
    hidden.visibility = model::Visibility::kPrivate;
    ASSERT_TRUE(reg.CreateActor(hidden, "test").ok());
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    ASSERT_TRUE(accounts.AddUser("member@example.org", "long enough passphrase", "").ok());

    ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.max_body_bytes = 4096;
    o.public_url = "https://ecosol.example";
    o.murmurations_schemas = testing::SharedDataFolder() + "/murmurations";
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  httplib::Result Upload(const std::string& query, const std::string& body,
                         const std::string& token = kAdminToken) {
    return server_->client().Post("/api/v1/imports?" + query, testing::BearerHeaders(token), body,
                                  "application/geo+json");
  }

  long long Count() { return *db_.store().CountActors(); }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

TEST_P(InteropServerTest, UploadsAreCheckedRefusedOrWritten) {
  const long long before = Count();
  std::string good = Collection(
      {Feature("f1", "Alpha Bakery", -1.55, 53.8), Feature("f2", "Beta Housing", -1.08, 53.96)});
  // A dry run checks and writes nothing.
  auto dry = Upload("format=geojson&source=susy-test&dry_run=true", good);
  ASSERT_TRUE(dry);
  ASSERT_EQ(dry->status, 200) << dry->body;
  EXPECT_EQ(json::parse(dry->body)["committed"], false);
  EXPECT_EQ(Count(), before);
  // A bad feature refuses the whole file, with the report in the details.
  std::string bad = Collection(
      {Feature("f1", "Alpha Bakery", -1.55, 53.8), Feature("f3", "Nowhere", -1.0, 200.0)});
  auto refused = Upload("format=geojson&source=susy-test", bad);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400) << refused->body;
  json error = json::parse(refused->body)["error"];
  EXPECT_EQ(error["details"]["committed"], false);
  ASSERT_EQ(error["details"]["rejected"].size(), 1u);
  EXPECT_EQ(error["details"]["rejected"][0]["line"], 2);
  EXPECT_EQ(Count(), before);
  // Written, with provenance from the source named.
  auto written = Upload("format=geojson&source=susy-test&claim=sse", good);
  ASSERT_TRUE(written);
  ASSERT_EQ(written->status, 200) << written->body;
  EXPECT_EQ(json::parse(written->body)["imported"], 2);
  EXPECT_EQ(Count(), before + 2);
  auto page = server_->client().Get("/api/v1/actors?q=alpha");
  ASSERT_TRUE(page && page->status == 200);
  json items = json::parse(page->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  auto actor = server_->client().Get("/api/v1/actors/" + items[0]["id"].get<std::string>());
  ASSERT_TRUE(actor && actor->status == 200);
  json doc = json::parse(actor->body);
  EXPECT_EQ(doc["address"]["country"], "GB");  // "UK" normalised
  EXPECT_EQ(doc["attributes"]["country_original"], "UK");
  EXPECT_EQ(doc["claims"], json({"sse"}));
  // Bad requests change nothing and say what is wrong.
  auto unknown = Upload("format=shapefile", good);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find("geojson"), std::string::npos);
  auto typo = Upload("format=geojson&dryrun=true", good);
  ASSERT_TRUE(typo);
  EXPECT_EQ(typo->status, 400);
  EXPECT_NE(typo->body.find("dryrun"), std::string::npos);
  EXPECT_EQ(Count(), before + 2);
}

// background=true queues the upload as a job that the server's worker runs; its result is the
// report, and a refused file finishes with a report that says so.
TEST_P(InteropServerTest, BackgroundImportsAreJobs) {
  const long long before = Count();
  auto follow = [&](const httplib::Result& queued) {
    EXPECT_EQ(queued->status, 202) << queued->body;
    json job = json::parse(queued->body)["job"];
    EXPECT_EQ(job["kind"], "import");
    EXPECT_EQ(queued->get_header_value("Location"), "/api/v1/jobs/" + job["id"].get<std::string>());
    for (int i = 0; i < 500 && job["state"] != "done" && job["state"] != "failed"; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      auto got = server_->client().Get("/api/v1/jobs/" + job["id"].get<std::string>(),
                                       testing::BearerHeaders(kAdminToken));
      EXPECT_TRUE(got && got->status == 200);
      if (got) job = json::parse(got->body);
    }
    return job;
  };
  auto queued = Upload("format=geojson&source=bg-test&background=true",
                       Collection({Feature("b1", "Gamma Bakery", -1.55, 53.8),
                                   Feature("b2", "Delta Housing", -1.08, 53.96)}));
  ASSERT_TRUE(queued);
  json job = follow(queued);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["result"]["imported"], 2);
  EXPECT_EQ(job["result"]["committed"], true);
  EXPECT_EQ(Count(), before + 2);
  auto refused = Upload("format=geojson&source=bg-test&background=true",
                        Collection({Feature("b3", "Nowhere", -1.0, 200.0)}));
  ASSERT_TRUE(refused);
  job = follow(refused);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["result"]["committed"], false);
  EXPECT_EQ(job["result"]["rejected"].size(), 1u);
  EXPECT_EQ(Count(), before + 2);
  auto bad_flag = Upload("format=geojson&background=maybe", Collection({}));
  ASSERT_TRUE(bad_flag);
  EXPECT_EQ(bad_flag->status, 400);
  EXPECT_NE(bad_flag->body.find("background"), std::string::npos);
}

TEST_P(InteropServerTest, OnlyAdminsAndStewardsImportAndLargeFilesAreAllowedThere) {
  std::string good = Collection({Feature("f1", "Alpha Bakery", -1.55, 53.8)});
  auto anonymous = Upload("format=geojson", good, "");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  // Files larger than the other requests' limit are accepted by the import route only.
  std::vector<json> many;
  for (int i = 0; i < 60; ++i) {
    many.push_back(Feature("g" + std::to_string(i), "Group " + std::to_string(i), -1.5, 53.0));
  }
  std::string large = Collection(many);
  ASSERT_GT(large.size(), 4096u);
  auto big = Upload("format=geojson&source=big", large);
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 200) << big->body;
  httplib::Headers h = testing::BearerHeaders(kAdminToken);
  auto elsewhere =
      server_->client().Post("/api/v1/actors", h, std::string(5000, ' '), "application/json");
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->status, 413);
}

TEST_P(InteropServerTest, ExportsEveryFormatWithPublicActorsOnly) {
  ASSERT_EQ(Upload("format=geojson&source=susy-test",
                   Collection({Feature("f1", "Alpha Bakery", -1.55, 53.8)}))
                ->status,
            200);
  for (const char* format :
       {"essglobal-csv", "geojson", "murmurations", "essglobal-ttl", "essglobal-jsonld", "kumu"}) {
    auto res = server_->client().Get(std::string("/api/v1/export?format=") + format);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << format << ": " << res->body;
    EXPECT_NE(res->body.find("Alpha Bakery"), std::string::npos) << format;
    EXPECT_EQ(res->body.find("Private Group"), std::string::npos) << format;
    EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  }
  auto ttl = server_->client().Get("/api/v1/export?format=essglobal-ttl");
  EXPECT_NE(ttl->body.find("https://ecosol.example/api/v1/actors/"), std::string::npos);
  EXPECT_EQ(server_->client().Get("/api/v1/export?format=pdf")->status, 400);
}

TEST_P(InteropServerTest, PublicActorsHaveAMurmurationsProfile) {
  ASSERT_EQ(Upload("format=geojson&source=susy-test",
                   Collection({Feature("f1", "Alpha Bakery", -1.55, 53.8)}))
                ->status,
            200);
  auto page = server_->client().Get("/api/v1/actors?q=alpha");
  std::string id = json::parse(page->body)["items"][0]["id"];
  auto res = server_->client().Get("/murmurations/" + id + ".json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json profile = json::parse(res->body);
  EXPECT_EQ(profile["name"], "Alpha Bakery");
  EXPECT_EQ(profile["linked_schemas"], json({"organizations_schema-v1.0.0"}));
  EXPECT_EQ(profile["profile_url"], "https://ecosol.example/murmurations/" + id + ".json");
  EXPECT_EQ(server_->client().Get("/murmurations/hidden.json")->status, 404);
  EXPECT_EQ(server_->client().Get("/murmurations/" + id)->status, 404);
}

// Format csv: the spreadsheet and its YAML mapping travel as the parts of a multipart form.
TEST_P(InteropServerTest, CsvUploadsTravelWithTheirMapping) {
  const long long before = Count();
  const std::string mapping =
      "source: {name: reseau-test, attribution: 'Réseau test, CC BY 4.0'}\n"
      "csv: {delimiter: ';'}\n"
      "id: {column: N°, scheme: reseau}\n"
      "fields:\n"
      "  name: Nom\n"
      "  address.locality: Ville\n"
      "  address.country: {value: FR}\n"
      "  structures: {column: Statut, map: {SCOP: OS60}}\n";
  const std::string csv = "N°;Nom;Ville;Statut\nR1;Scop Alpha;Lyon;SCOP\nR2;Scop Beta;Lille;SCOP\n";
  httplib::Headers h = testing::BearerHeaders(kAdminToken);
  auto post = [&](const std::string& query, const httplib::MultipartFormDataItems& items) {
    return server_->client().Post("/api/v1/imports?" + query, h, items);
  };
  auto written = post("format=csv", {{"file", csv, "adherents.csv", "text/csv"},
                                     {"mapping", mapping, "reseau.yaml", "application/yaml"}});
  ASSERT_TRUE(written);
  ASSERT_EQ(written->status, 200) << written->body;
  EXPECT_EQ(json::parse(written->body)["imported"], 2);
  EXPECT_EQ(Count(), before + 2);
  auto page = server_->client().Get("/api/v1/actors?q=alpha");
  ASSERT_TRUE(page && page->status == 200);
  json items = json::parse(page->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  json doc = json::parse(
      server_->client().Get("/api/v1/actors/" + items[0]["id"].get<std::string>())->body);
  EXPECT_EQ(doc["identifiers"]["reseau"], "R1");
  EXPECT_EQ(doc["structures"], json({"OS60"}));
  EXPECT_EQ(doc["provenance"]["name"]["source"], "reseau-test");
  // A row the mapping cannot read: 400 with the report naming line and column; nothing written.
  auto refused = post("format=csv",
                      {{"file", "N°;Nom;Ville;Statut\nR3;Gamma;Nantes;SARL\n", "a.csv", "text/csv"},
                       {"mapping", mapping, "reseau.yaml", "application/yaml"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400) << refused->body;
  json rejected = json::parse(refused->body)["error"]["details"]["rejected"];
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0]["line"], 2);
  EXPECT_EQ(rejected[0]["field"], "Statut");
  EXPECT_EQ(Count(), before + 2);
  // A bad mapping: 400 naming the mapping's file and line.
  auto bad = post("format=csv", {{"file", csv, "a.csv", "text/csv"},
                                 {"mapping", mapping + "  adress: Rue\n", "reseau.yaml", ""}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("reseau.yaml: line 9: fields.adress"), std::string::npos) << bad->body;
  // No mapping, a mapping for another format, an unknown part: 400, nothing written.
  auto plain = server_->client().Post("/api/v1/imports?format=csv", h, csv, "text/csv");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 400);
  EXPECT_NE(plain->body.find("multipart/form-data"), std::string::npos);
  auto no_mapping = post("format=csv", {{"file", csv, "a.csv", "text/csv"}});
  ASSERT_TRUE(no_mapping);
  EXPECT_EQ(no_mapping->status, 400);
  auto other = post("format=geojson", {{"file", Collection({}), "a.geojson", ""},
                                       {"mapping", mapping, "m.yaml", ""}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 400);
  EXPECT_NE(other->body.find("only format=csv"), std::string::npos);
  auto unknown = post(
      "format=csv",
      {{"file", csv, "a.csv", ""}, {"mapping", mapping, "m.yaml", ""}, {"notes", "x", "", ""}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find("notes"), std::string::npos);
  EXPECT_EQ(Count(), before + 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, InteropServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
