#include "ecosol/http/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kAdminToken[] = "secret-token";

class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  ServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    Seed(reg);
    ServerOptions o = testing::TestServerOptions(db_.url(), kAdminToken);
    o.max_body_bytes = 4096;
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  static void Seed(registry::Registry& reg) {
    model::Actor a;
    a.id = "tiess";
    a.name = "TIESS";
    a.kind = model::ActorKind::kNetwork;
    a.description = {{"fr", "Liaison et transfert pour l'économie sociale"}};
    a.address.country = "CA";
    a.location = model::Location{46.8, -71.2, model::LocationPrecision::kApproximate};
    ASSERT_TRUE(reg.CreateActor(a, "test").ok());
    model::Actor b;
    b.id = "bakery";
    b.name = "Coopérative boulangère";
    b.address.country = "FR";
    b.structures = {"OS115"};
    b.location = model::Location{48.8, 2.3, model::LocationPrecision::kExact};
    ASSERT_TRUE(reg.CreateActor(b, "test").ok());
    model::Actor h;
    h.id = "safe-routes";
    h.name = "Safe routes group";
    h.kind = model::ActorKind::kInformalGroup;
    h.location = model::Location{25.1, 82.6, model::LocationPrecision::kHidden};
    ASSERT_TRUE(reg.CreateActor(h, "test").ok());
    model::Relationship r;
    r.from = "bakery";
    r.to = "tiess";
    r.type = model::RelationshipType::kPartnerOf;
    ASSERT_TRUE(reg.CreateRelationship(r, "test").ok());
    ASSERT_TRUE(reg.store().PutSourceAttribution("test", "Contains test data, CC BY 4.0").ok());
  }

  // Sends a request and returns {status, parsed body}.
  std::pair<int, json> Call(const std::string& method, const std::string& path,
                            const std::string& body = "", bool with_token = true) {
    return server_->Call(method, path, body, testing::BearerHeaders(with_token ? kAdminToken : ""));
  }

  static void ExpectError(const std::pair<int, json>& r, int status, const std::string& text) {
    EXPECT_EQ(r.first, status) << r.second.dump();
    ASSERT_TRUE(r.second.contains("error")) << r.second.dump();
    EXPECT_NE(r.second["error"]["message"].get<std::string>().find(text), std::string::npos)
        << r.second.dump();
    EXPECT_TRUE(r.second["error"]["code"].is_string());
  }

  testing::TestStore db_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

// Listings and searches are cached until the registry changes, whoever changes it: this server
// or another process writing to the same database.
TEST_P(ServerTest, CachedSearchesFollowEveryChange) {
  auto count = [&](const std::string& q) {
    auto r = Call("GET", "/api/v1/actors?q=" + q);
    EXPECT_EQ(r.first, 200);
    return r.second["items"].size();
  };
  EXPECT_EQ(count("zanzibar"), 0u);
  EXPECT_EQ(count("zanzibar"), 0u);  // now from the cache
  EXPECT_EQ(Call("GET", "/api/v1/health").second["actors"], 3);
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "z", "name": "Zanzibar Co-op"})").first, 201);
  EXPECT_EQ(count("zanzibar"), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/health").second["actors"], 4);  // the health count follows
  ASSERT_EQ(Call("PATCH", "/api/v1/actors/z", R"({"name": "Zeta Co-op"})").first, 200);
  EXPECT_EQ(count("zanzibar"), 0u);
  EXPECT_EQ(count("zeta"), 1u);
  // Another connection (as `ecosol import` in another process would) writes to the database.
  registry::Registry other(db_.store(), SystemClock());
  model::Actor a;
  a.id = "z2";
  a.name = "Zeta Bakery";
  ASSERT_TRUE(other.CreateActor(a, "test").ok());
  EXPECT_EQ(count("zeta"), 2u);
  EXPECT_EQ(Call("GET", "/api/v1/health").second["actors"], 5);
}

// A search's first page is kept across writes that do not touch it, and computed again after
// one that does: an actor that matches now, or one that was among its matches.
TEST_P(ServerTest, CachedSearchesAreKeptAcrossWritesThatDoNotTouchThem) {
  auto names = [&](const std::string& query) {
    auto r = Call("GET", "/api/v1/actors?" + query, "", false);
    EXPECT_EQ(r.first, 200) << r.second.dump();
    std::vector<std::string> out;
    for (const json& item : r.second["items"]) out.push_back(item["name"]);
    return out;
  };
  auto revalidated = [&]() {
    auto res = server_->client().Get("/metrics");
    const std::string metric = "\necosol_response_cache_revalidated_total ";
    size_t at = res ? res->body.find(metric) : std::string::npos;
    return at == std::string::npos ? -1 : std::stol(res->body.substr(at + metric.size()));
  };
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "z1", "name": "Zeta housing"})").first, 201);
  EXPECT_EQ(names("q=zeta"), std::vector<std::string>{"Zeta housing"});
  const long before = revalidated();
  ASSERT_GE(before, 0);
  // A write elsewhere: the same answer, kept rather than computed.
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "o1", "name": "Omega farm"})").first, 201);
  EXPECT_EQ(names("q=zeta"), std::vector<std::string>{"Zeta housing"});
  EXPECT_EQ(revalidated(), before + 1);
  // A new matching actor is found.
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "z2", "name": "Zeta bakery"})").first, 201);
  EXPECT_EQ(names("q=zeta").size(), 2u);
  // One of the matches renamed away, then one deleted: each is seen at once.
  ASSERT_EQ(Call("PATCH", "/api/v1/actors/z1", R"({"name": "Eta housing"})").first, 200);
  EXPECT_EQ(names("q=zeta"), std::vector<std::string>{"Zeta bakery"});
  ASSERT_EQ(Call("DELETE", "/api/v1/actors/z2").first, 204);
  EXPECT_TRUE(names("q=zeta").empty());
  // A second page (a cursor) is never kept across a write.
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "z3", "name": "Zeta one"})").first, 201);
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "z4", "name": "Zeta two"})").first, 201);
  auto first = Call("GET", "/api/v1/actors?q=zeta&limit=1", "", false);
  ASSERT_TRUE(first.second["next_cursor"].is_string()) << first.second.dump();
  const std::string second =
      "q=zeta&limit=1&cursor=" + first.second["next_cursor"].get<std::string>();
  EXPECT_EQ(names(second).size(), 1u);
  const long kept = revalidated();
  ASSERT_EQ(Call("POST", "/api/v1/actors", R"({"id": "o2", "name": "Omega shop"})").first, 201);
  EXPECT_EQ(names(second).size(), 1u);
  EXPECT_EQ(revalidated(), kept);
}

TEST_P(ServerTest, HealthReportsStoreAndCount) {
  auto [status, body] = Call("GET", "/api/v1/health");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["store"], GetParam());
  EXPECT_EQ(body["actors"], 3);
  EXPECT_EQ(Call("GET", "/health").first, 200);
}

TEST_P(ServerTest, ConfigCarriesTheDataAttributions) {
  auto [status, body] = Call("GET", "/api/v1/config");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["attributions"], json::array({"Contains test data, CC BY 4.0"}));
  EXPECT_TRUE(body["tile_url"].is_null());
  EXPECT_EQ(body["languages"].size(), 4u);
}

TEST_P(ServerTest, SearchFindsAccentedWordsWithSnippets) {
  auto [status, body] = Call("GET", "/api/v1/actors?q=cooperative");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["id"], "bakery");
  EXPECT_EQ(body["items"][0]["snippet"], "[[Coopérative]] boulangère");
  auto econ = Call("GET", "/api/v1/actors?q=economie");
  ASSERT_EQ(econ.second["items"].size(), 1u);
  EXPECT_EQ(econ.second["items"][0]["id"], "tiess");
}

TEST_P(ServerTest, FiltersPagesAndBBox) {
  auto all = Call("GET", "/api/v1/actors?limit=2");
  ASSERT_EQ(all.first, 200);
  EXPECT_EQ(all.second["items"].size(), 2u);
  ASSERT_TRUE(all.second["next_cursor"].is_string());
  auto next =
      Call("GET", "/api/v1/actors?limit=2&cursor=" + all.second["next_cursor"].get<std::string>());
  EXPECT_EQ(next.second["items"].size(), 1u);
  EXPECT_TRUE(next.second["next_cursor"].is_null());
  auto fr = Call("GET", "/api/v1/actors?country=fr");
  ASSERT_EQ(fr.second["items"].size(), 1u);
  auto box = Call("GET", "/api/v1/actors?bbox=-80,40,-60,50");
  ASSERT_EQ(box.second["items"].size(), 1u);
  EXPECT_EQ(box.second["items"][0]["id"], "tiess");
  auto near_hidden = Call("GET", "/api/v1/actors?bbox=82,25,83,26");
  EXPECT_TRUE(near_hidden.second["items"].empty());
  auto points = Call("GET", "/api/v1/map/points");
  EXPECT_EQ(points.second["items"].size(), 2u);
  EXPECT_EQ(Call("GET", "/api/v1/actors?structure=OS115").second["items"].size(), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/actors?kind=network").second["items"].size(), 1u);
}

TEST_P(ServerTest, BadParametersAreClear4xx) {
  ExpectError(Call("GET", "/api/v1/actors?bbox=1,2,3"), 400, "bbox");
  ExpectError(Call("GET", "/api/v1/actors?bbox=10,0,5,1"), 400, "minimum");
  ExpectError(Call("GET", "/api/v1/actors?limit=0"), 400, "limit");
  ExpectError(Call("GET", "/api/v1/actors?limit=abc"), 400, "limit");
  ExpectError(Call("GET", "/api/v1/actors?kind=company"), 400, "kind");
  ExpectError(Call("GET", "/api/v1/actors?colour=red"), 400, "colour: unknown parameter");
  ExpectError(Call("GET", "/api/v1/actors?cursor=zzz"), 400, "cursor");
  ExpectError(Call("GET", "/api/v1/actors/nope"), 404, "nope");
  ExpectError(Call("GET", "/api/v1/nothing-here"), 404, "no such endpoint");
  ExpectError(Call("GET", "/api/v1/taxonomies/activities-ica?lang=de"), 400, "lang");
}

TEST_P(ServerTest, HiddenLocationsAreNeverServed) {
  auto [status, body] = Call("GET", "/api/v1/actors/safe-routes", "", false);
  ASSERT_EQ(status, 200);
  EXPECT_TRUE(body["location"].is_null());
  auto list = Call("GET", "/api/v1/actors?q=safe", "", false);
  ASSERT_EQ(list.second["items"].size(), 1u);
  EXPECT_TRUE(list.second["items"][0]["location"].is_null());
  // An admin sees where it is.
  EXPECT_DOUBLE_EQ(Call("GET", "/api/v1/actors/safe-routes").second["location"]["lat"], 25.1);
}

TEST_P(ServerTest, WritesNeedCredentials) {
  std::string body = R"({"name": "New co-op"})";
  ExpectError(Call("POST", "/api/v1/actors", body, false), 401, "sign in");
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  auto res = server_->client().Post("/api/v1/actors", wrong, body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_NE(res->body.find("not valid"), std::string::npos);
  httplib::Headers basic = {{"Authorization", "Basic YTpi"}};
  res = server_->client().Post("/api/v1/actors", basic, body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_NE(res->body.find("Bearer"), std::string::npos);
}

// Listings by box come from the box index once it holds the registry's generation, and from
// the database while it catches up after a write: a writer always reads its write.
TEST_P(ServerTest, BoxListingsFromTheIndexFollowWrites) {
  auto wait_ready = [&] {
    json state;
    for (int i = 0; i < 200; ++i) {
      auto health = Call("GET", "/api/v1/health");
      state = health.second["box_index"];
      if (state["state"] == "ready") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    EXPECT_EQ(state["state"], "ready") << state.dump();
    return state;
  };
  auto ids = [&](const std::string& path) {
    auto r = Call("GET", path, "", /*with_token=*/false);  // the public's listings use the index
    EXPECT_EQ(r.first, 200) << r.second.dump();
    std::vector<std::string> out;
    for (const auto& item : r.second["items"]) out.push_back(item["id"]);
    return out;
  };
  json state = wait_ready();
  EXPECT_EQ(state["actors"], 2);  // the hidden group is not in it
  EXPECT_EQ(ids("/api/v1/actors?bbox=-180,-90,180,90"),
            (std::vector<std::string>{"bakery", "tiess"}));
  auto created = Call("POST", "/api/v1/actors",
                      R"({"id": "aaa", "name": "Aaa co-op", "kind": "organisation",
                          "location": {"lat": 48.9, "lon": 2.4, "precision": "exact"}})");
  ASSERT_EQ(created.first, 201) << created.second.dump();
  EXPECT_EQ(ids("/api/v1/actors?bbox=2,48,3,49"), (std::vector<std::string>{"aaa", "bakery"}));
  EXPECT_EQ(wait_ready()["actors"], 3);
  EXPECT_EQ(ids("/api/v1/actors?bbox=2,48,3,49&limit=1"), std::vector<std::string>{"aaa"});
  EXPECT_EQ(Call("DELETE", "/api/v1/actors/aaa").first, 204);
  EXPECT_EQ(ids("/api/v1/actors?bbox=2,48,3,49"), std::vector<std::string>{"bakery"});
  ExpectError(Call("GET", "/api/v1/actors?bbox=2,48,3,49&cursor=bad"), 400, "cursor");
}

// With the box index off, listings by box come from the database: the same answers, and health
// says the index is off.
TEST_P(ServerTest, WithoutTheBoxIndexTheDatabaseAnswersTheSame) {
  ServerOptions o = testing::TestServerOptions(db_.url());
  o.threads = 2;
  o.store_connections = 1;
  o.box_index = false;
  auto plain = testing::TestServer::Start(o);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  httplib::Client& client = (*plain)->client();
  auto get = [](httplib::Client& c, const std::string& path) {
    auto res = c.Get(path.c_str());
    return res ? std::make_pair(res->status, res->body) : std::make_pair(0, std::string());
  };
  auto health = get(client, "/api/v1/health");
  EXPECT_EQ(health.first, 200);
  EXPECT_EQ(json::parse(health.second)["box_index"]["state"], "off") << health.second;
  json state;
  for (int i = 0; i < 200; ++i) {
    state = Call("GET", "/api/v1/health").second["box_index"]["state"];
    if (state == "ready") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(state, "ready");  // so that the other server answers from its index
  for (const char* path :
       {"/api/v1/actors?bbox=-180,-90,180,90", "/api/v1/actors?bbox=-180,-90,180,90&limit=1",
        "/api/v1/actors?bbox=-80,40,-60,50", "/api/v1/actors?bbox=82,25,83,26"}) {
    auto from_db = get(client, path);
    auto from_index = get(server_->client(), path);
    EXPECT_EQ(from_db.first, 200) << path;
    EXPECT_EQ(from_db, from_index) << path;
  }
  // The X-Cache header says what answered: the index, or the database and then its cache.
  auto indexed = server_->client().Get("/api/v1/actors?bbox=-80,40,-60,50");
  ASSERT_TRUE(indexed);
  EXPECT_EQ(indexed->get_header_value("X-Cache"), "index");
  auto computed = client.Get("/api/v1/actors?bbox=-10,30,10,60");
  auto cached = client.Get("/api/v1/actors?bbox=-10,30,10,60");
  ASSERT_TRUE(computed && cached);
  EXPECT_EQ(computed->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(cached->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(computed->body, cached->body);
}

// The server listens with the system's backlog (httplib's own is 5: connections beyond it wait
// for TCP retransmissions), as `ss` shows for the listening socket.
TEST_P(ServerTest, ListensWithALargeBacklog) {
  const std::string command = "ss -ltnH 'sport = :" + std::to_string(server_->port()) + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[512] = {0};
  std::string out;
  while (fgets(line, sizeof line, pipe)) out += line;
  ASSERT_EQ(pclose(pipe), 0) << out;
  // State, Recv-Q, Send-Q (the backlog of a listening socket), local address.
  std::istringstream fields(out);
  std::string state, recv_q;
  long backlog = 0;
  fields >> state >> recv_q >> backlog;
  EXPECT_EQ(state, "LISTEN") << out;
  EXPECT_GE(backlog, 128) << out;
}

TEST_P(ServerTest, ActorLifecycle) {
  auto created = Call("POST", "/api/v1/actors",
                      R"({"id": "new-coop", "name": "New co-op", "kind": "organisation",
                          "address": {"country": "GB"}})");
  ASSERT_EQ(created.first, 201) << created.second.dump();
  EXPECT_EQ(created.second["version"], 1);
  EXPECT_EQ(created.second["provenance"]["name"]["source"], "api");
  auto patched =
      Call("PATCH", "/api/v1/actors/new-coop", R"({"website": "https://new.coop", "version": 1})");
  ASSERT_EQ(patched.first, 200) << patched.second.dump();
  EXPECT_EQ(patched.second["version"], 2);
  ExpectError(Call("PATCH", "/api/v1/actors/new-coop", R"({"website": "https://x", "version": 1})"),
              409, "version");
  ExpectError(Call("POST", "/api/v1/actors", R"({"id": "new-coop", "name": "Again"})"), 409,
              "already exists");
  EXPECT_EQ(Call("DELETE", "/api/v1/actors/new-coop").first, 204);
  EXPECT_EQ(Call("GET", "/api/v1/actors/new-coop").first, 404);
  auto restored = Call("POST", "/api/v1/actors/new-coop/restore");
  EXPECT_EQ(restored.first, 200);
  EXPECT_EQ(Call("GET", "/api/v1/actors/new-coop").first, 200);
}

TEST_P(ServerTest, BadBodiesAreRejectedAndChangeNothing) {
  ExpectError(Call("POST", "/api/v1/actors", R"({"name": )"), 400, "invalid JSON");
  ExpectError(Call("POST", "/api/v1/actors", R"({"name": "x", "colour": "red"})"), 400, "colour");
  ExpectError(Call("POST", "/api/v1/actors", R"({"name": 5})"), 400, "name");
  ExpectError(Call("POST", "/api/v1/actors", R"([1, 2])"), 400, "object");
  ExpectError(Call("POST", "/api/v1/actors", R"({"name": "x", "structures": ["OS999"]})"), 400,
              "OS999");
  ExpectError(
      Call("POST", "/api/v1/actors", R"({"name": "x", "location": {"lat": 200, "lon": 0}})"), 400,
      "latitude");
  std::string big = R"({"name": ")" + std::string(10000, 'x') + R"("})";
  auto too_big = Call("POST", "/api/v1/actors", big);
  EXPECT_EQ(too_big.first, 413);
  EXPECT_EQ(too_big.second["error"]["code"], "payload_too_large");
  EXPECT_EQ(Call("GET", "/api/v1/health").second["actors"], 3);
}

TEST_P(ServerTest, Relationships) {
  auto listed = Call("GET", "/api/v1/actors/tiess/relationships");
  ASSERT_EQ(listed.first, 200);
  ASSERT_EQ(listed.second["items"].size(), 1u);
  EXPECT_EQ(listed.second["items"][0]["from_name"], "Coopérative boulangère");
  auto created =
      Call("POST", "/api/v1/relationships",
           R"({"from": "tiess", "to": "safe-routes", "type": "supports", "strength": 0.5})");
  ASSERT_EQ(created.first, 201) << created.second.dump();
  std::string id = created.second["id"];
  EXPECT_EQ(Call("GET", "/api/v1/relationships/" + id).first, 200);
  auto patched = Call("PATCH", "/api/v1/relationships/" + id, R"({"type": "funds"})");
  EXPECT_EQ(patched.second["type"], "funds");
  ExpectError(Call("POST", "/api/v1/relationships", R"({"from": "tiess", "to": "ghost"})"), 400,
              "ghost");
  EXPECT_EQ(Call("DELETE", "/api/v1/relationships/" + id).first, 204);
  EXPECT_EQ(Call("GET", "/api/v1/relationships/" + id).first, 404);
}

TEST_P(ServerTest, TerritoriesWithCountsAndPopulation) {
  auto created = Call("POST", "/api/v1/actors",
                      R"({"id": "cardiff-coop", "name": "Cardiff co-op",
                          "address": {"country": "GB", "region": "Wales", "locality": "Cardiff"}})");
  ASSERT_EQ(created.first, 201) << created.second.dump();
  EXPECT_EQ(created.second["territory"], "GB/wales/cardiff");

  auto countries = Call("GET", "/api/v1/territories");
  ASSERT_EQ(countries.first, 200) << countries.second.dump();
  ASSERT_EQ(countries.second["items"].size(), 3u);  // Canada, France, United Kingdom
  const json& gb = countries.second["items"][2];
  EXPECT_EQ(gb["id"], "GB");
  EXPECT_EQ(gb["name"], "United Kingdom");
  EXPECT_EQ(gb["parent_id"], nullptr);
  EXPECT_EQ(gb["actors"], 1);
  auto regions = Call("GET", "/api/v1/territories?parent=GB");
  ASSERT_EQ(regions.first, 200);
  ASSERT_EQ(regions.second["items"].size(), 1u);
  EXPECT_EQ(regions.second["items"][0]["id"], "GB/wales");
  EXPECT_EQ(regions.second["items"][0]["level"], "region");
  ExpectError(Call("GET", "/api/v1/territories?parent=ZZ"), 404, "ZZ");
  ExpectError(Call("GET", "/api/v1/territories?country=GB"), 400, "country");

  // Ids are paths: slashes may be sent as they are or encoded.
  auto wales = Call("GET", "/api/v1/territories/GB/wales");
  ASSERT_EQ(wales.first, 200) << wales.second.dump();
  EXPECT_EQ(wales.second["name"], "Wales");
  EXPECT_EQ(wales.second["children"], 1);
  auto cardiff = Call("GET", "/api/v1/territories/GB%2Fwales%2Fcardiff");
  ASSERT_EQ(cardiff.first, 200) << cardiff.second.dump();
  EXPECT_EQ(cardiff.second["level"], "locality");
  EXPECT_EQ(cardiff.second["actors"], 1);
  ExpectError(Call("GET", "/api/v1/territories/GB/nowhere"), 404, "GB/nowhere");

  const std::string path = "/api/v1/territories/GB/wales";
  ExpectError(Call("PATCH", path, R"({"population": 3100000})", false), 401, "Authorization");
  auto set = Call("PATCH", path, R"({"population": 3100000})");
  ASSERT_EQ(set.first, 200) << set.second.dump();
  EXPECT_EQ(set.second["population"], 3100000);
  EXPECT_EQ(Call("GET", path).second["population"], 3100000);
  ExpectError(Call("PATCH", path, R"({"population": -5})"), 400, "population");
  ExpectError(Call("PATCH", path, R"({"population": "many"})"), 400, "population");
  ExpectError(Call("PATCH", path, R"({"name": "Cymru"})"), 400, "name");
  auto cleared = Call("PATCH", path, R"({"population": null})");
  ASSERT_EQ(cleared.first, 200);
  EXPECT_EQ(cleared.second["population"], nullptr);
  ExpectError(Call("PATCH", "/api/v1/territories/ZZ", R"({"population": 1})"), 404, "ZZ");
}

TEST_P(ServerTest, TaxonomiesInFourLanguages) {
  auto fr = Call("GET", "/api/v1/taxonomies/organisational-structure?lang=fr");
  ASSERT_EQ(fr.first, 200);
  bool found = false;
  for (const auto& t : fr.second["terms"]) {
    if (t["code"] == "OS115") found = t["label"] == "Coopérative";
  }
  EXPECT_TRUE(found);
  auto pt = Call("GET", "/api/v1/taxonomies/activities-ica?lang=pt");
  EXPECT_EQ(pt.second["terms"].size(), 29u);
  EXPECT_EQ(Call("GET", "/api/v1/taxonomies/nope").first, 404);
}

TEST_P(ServerTest, OpenApiDocumentMatchesTheRoutes) {
  auto [status, doc] = Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(status, 200);
  ASSERT_TRUE(doc.contains("paths"));
  std::set<std::pair<std::string, std::string>> registered, documented;
  for (const RouteInfo& r : server_->server().routes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    registered.insert({method, r.path});
  }
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) documented.insert({method, path});
  }
  EXPECT_EQ(registered, documented);
  // Every documented GET without path parameters answers, with the admin token and without
  // any credential, with JSON and one of its documented statuses (never 404 or 500).
  for (const auto& [method, path] : documented) {
    if (method != "get" || path.find('{') != std::string::npos) continue;
    for (bool with_token : {true, false}) {
      auto res =
          server_->Send("GET", path, "", testing::BearerHeaders(with_token ? kAdminToken : ""));
      const int answered = res ? res->status : 0;
      EXPECT_TRUE(doc["paths"][path]["get"]["responses"].contains(std::to_string(answered)))
          << path << " answered " << answered << (with_token ? " with" : " without") << " a token";
      // JSON, unless the answer's media type is another one documented for it (Atom feeds).
      std::string type = res ? res->get_header_value("Content-Type") : "";
      type = type.substr(0, type.find(';'));
      const json& content =
          doc["paths"][path]["get"]["responses"][std::to_string(answered)]["content"];
      bool other_documented = !type.empty() && type != "application/json" && content.is_object() &&
                              content.contains(type);
      EXPECT_TRUE(!res || res->body.empty() || other_documented || json::accept(res->body)) << path;
    }
  }
}

// A database made by an older release (tests/data/README.md) is upgraded when a server starts
// on it, so that the box index finds the columns it reads and serves its actors.
TEST(ServerUpgradeTest, StartingOnAnOlderDatabaseUpgradesIt) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("ecosol_server_v3_" + std::to_string(::getpid()) + ".db");
  std::filesystem::copy_file(::ecosol::testing::SourceDir() + "/tests/data/sqlite-schema-v3.db",
                             path, std::filesystem::copy_options::overwrite_existing);
  {
    ServerOptions o = testing::TestServerOptions(path.string());
    o.threads = 2;
    o.store_connections = 1;
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    auto store = store::OpenStore(path.string());
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(*(*store)->SchemaVersion(), 20);
    json state;
    for (int i = 0; i < 200; ++i) {
      auto [status, health] = (*server)->Get("/api/v1/health");
      if (status != 0) state = health["box_index"];
      if (state["state"] == "ready") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    EXPECT_EQ(state["state"], "ready") << state.dump();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
