#include "ecosol/interop/feed.h"

#include <gtest/gtest.h>

#include <set>

#include "ecosol/base/clock.h"
#include "ecosol/interop/essglobal_rdf.h"
#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

using model::Actor;
using nlohmann::json;

constexpr char kUrl[] = "http://peer.example:8080";

Actor NewActor(const std::string& id, const std::string& name) {
  Actor a;
  a.id = id;
  a.name = name;
  a.address.locality = "Cardiff";
  a.address.postcode = "CF10 1AA";
  a.address.country = "GB";
  a.location = model::Location{51.48, -3.18, model::LocationPrecision::kExact};
  a.website = "https://" + id + ".example";
  return a;
}

class FeedTest : public ::testing::TestWithParam<std::string> {
 protected:
  FeedTest() : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
  }
  json Page(const std::string& since, int limit = kDefaultFeedLimit) {
    FeedOptions o;
    o.public_url = kUrl;
    o.limit = limit;
    auto page = ReadFeed(db_.store(), since, o);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? *page : json::object();
  }
  static std::vector<std::string> Ids(const json& page) {
    std::vector<std::string> ids;
    for (const json& item : page["items"]) {
      ids.push_back(item["id"].get<std::string>() + (item["deleted"].get<bool>() ? " (gone)" : ""));
    }
    return ids;
  }
  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> registry_;
};

// A bulk import writes every actor in one generation: the feed still pages through it, each
// actor once, and says when the reader has caught up.
TEST_P(FeedTest, PagesThroughOneLargeImport) {
  std::vector<registry::ImportRow> rows;
  for (int i = 0; i < 250; ++i) {
    Actor a = NewActor("", "Co-op number " + std::to_string(i));
    a.identifiers["bulk"] = std::to_string(i);
    rows.push_back({i + 1, a});
  }
  registry::ImportOptions o;
  o.source = o.id_scheme = o.id_prefix = "bulk";
  auto report = registry_->Import(std::move(rows), o);
  ASSERT_TRUE(report.ok() && report->committed);
  std::set<std::string> seen;
  std::string since;
  std::vector<size_t> sizes;
  while (true) {
    json page = Page(since, 100);
    sizes.push_back(page["items"].size());
    for (const json& item : page["items"]) EXPECT_TRUE(seen.insert(item["id"]).second);
    EXPECT_EQ(page["since"], since);
    since = page["next"];
    if (page["caught_up"]) break;
  }
  EXPECT_EQ(sizes, (std::vector<size_t>{100, 100, 50}));
  EXPECT_EQ(seen.size(), 250u);
  // Caught up: the next page is empty and stays where it is.
  json after = Page(since, 100);
  EXPECT_TRUE(after["items"].empty());
  EXPECT_TRUE(after["caught_up"].get<bool>());
  EXPECT_EQ(after["next"], since);
}

// Private actors are never published; an actor deleted or made private after being public comes
// back as a tombstone, after the changes before it.
TEST_P(FeedTest, TombstonesForWhatStoppedBeingPublicAndNothingOfPrivateActors) {
  Actor secret = NewActor("secret", "Secret Co-op");
  secret.visibility = model::Visibility::kPrivate;
  for (const Actor& a :
       {NewActor("alpha", "Alpha Co-op"), secret, NewActor("beta", "Beta Co-op")}) {
    ASSERT_TRUE(registry_->CreateActor(a, "test").ok());
  }
  json first = Page("");
  EXPECT_EQ(Ids(first), (std::vector<std::string>{"alpha", "beta"}));
  ASSERT_TRUE(
      registry_->UpdateActor("beta", {{"visibility", "network"}}, std::nullopt, "test").ok());
  ASSERT_TRUE(registry_->DeleteActor("alpha").ok());
  ASSERT_TRUE(registry_->UpdateActor("secret", {{"name", "Still Secret"}}, std::nullopt, "t").ok());
  ASSERT_TRUE(registry_->DeleteActor("secret").ok());
  json second = Page(first["next"]);
  EXPECT_EQ(Ids(second), (std::vector<std::string>{"beta (gone)", "alpha (gone)"}));
  EXPECT_FALSE(second["items"][0].contains("node"));
  // Public again: published again.
  ASSERT_TRUE(registry_->RestoreActor("alpha").ok());
  EXPECT_EQ(Ids(Page(second["next"])), std::vector<std::string>{"alpha"});
  // From the start, only the latest state of each: beta's tombstone, alpha.
  EXPECT_EQ(Ids(Page("")), (std::vector<std::string>{"beta (gone)", "alpha"}));
}

// Each item is the public view as an ESSGlobal JSON-LD node, which the reader reads back.
TEST_P(FeedTest, ItemsAreTheirPublicViewAsEssglobalNodes) {
  Actor a = NewActor("cwmpas", "Cwmpas");
  a.contacts["email"] = "hello@cwmpas.example";
  a.field_visibility["contacts"] = model::Visibility::kPrivate;
  a.identifiers["companies-house"] = "01234567";
  ASSERT_TRUE(registry_->CreateActor(a, "test").ok());
  json page = Page("");
  ASSERT_EQ(page["items"].size(), 1u);
  const json& item = page["items"][0];
  EXPECT_EQ(item["node"]["@id"], std::string(kUrl) + "/api/v1/actors/cwmpas");
  EXPECT_EQ(item["version"], 1);
  EXPECT_EQ(page["instance"], kUrl);
  EXPECT_EQ(page["items"].dump().find("hello@cwmpas"), std::string::npos);
  auto read = ParseFeedPage(page.dump(), "ecosol@peer.example:8080");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->items.size(), 1u);
  const Actor& back = read->items[0].actor;
  EXPECT_EQ(back.name, "Cwmpas");
  EXPECT_EQ(back.website, "https://cwmpas.example");
  EXPECT_EQ(back.address.postcode, "CF10 1AA");
  EXPECT_EQ(back.identifiers.at("ecosol@peer.example:8080"), "cwmpas");
  EXPECT_EQ(back.identifiers.at("companies-house"), "01234567");
  EXPECT_TRUE(back.contacts.empty());
  ASSERT_TRUE(back.location.has_value());
  EXPECT_DOUBLE_EQ(back.location->lat, 51.48);
  EXPECT_TRUE(read->caught_up);
  EXPECT_EQ(read->next, page["next"]);
}

TEST_P(FeedTest, BadPositionsAndLimitsAreClearErrors) {
  FeedOptions o;
  for (const char* since : {"x", "3", "3.", "-1.2", "1.2.3"}) {
    auto page = ReadFeed(db_.store(), since, o);
    ASSERT_FALSE(page.ok()) << since;
    EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(page.status().message().find("since"), std::string::npos);
  }
  for (int limit : {0, kMaxFeedLimit + 1}) {
    o.limit = limit;
    auto page = ReadFeed(db_.store(), "", o);
    ASSERT_FALSE(page.ok());
    EXPECT_NE(page.status().message().find("limit"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

TEST(FeedPageTest, WhatIsNotAFeedPageIsRefusedWithTheReason) {
  const std::string scheme = "ecosol@peer.example";
  auto html = ParseFeedPage("<html>Not found</html>", scheme);
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("not a change feed"), std::string::npos);
  auto no_items = ParseFeedPage(R"({"instance": "x", "next": "", "caught_up": true})", scheme);
  ASSERT_FALSE(no_items.ok());
  EXPECT_NE(no_items.status().message().find("'items'"), std::string::npos);
  auto bad_next =
      ParseFeedPage(R"({"instance": "x", "next": "soon", "caught_up": true, "items": []})", scheme);
  ASSERT_FALSE(bad_next.ok());
  EXPECT_NE(bad_next.status().message().find("next"), std::string::npos);
  // A node without a name: the item's number and id, and the field.
  json page = {{"instance", kUrl},
               {"next", "1.2"},
               {"caught_up", true},
               {"@context", json::parse(EssglobalJsonldContext())["@context"]},
               {"items",
                {{{"id", "ok"}, {"cursor", "1.1"}, {"deleted", true}},
                 {{"id", "nameless"},
                  {"cursor", "1.2"},
                  {"deleted", false},
                  {"node", {{"@id", "nameless"}, {"@type", "essglobal:SSEInitiative"}}}}}}};
  auto nameless = ParseFeedPage(page.dump(), scheme);
  ASSERT_FALSE(nameless.ok());
  EXPECT_NE(nameless.status().message().find("item 2 (id 'nameless')"), std::string::npos)
      << nameless.status().message();
  EXPECT_NE(nameless.status().message().find("name"), std::string::npos);
  page["items"][1].erase("deleted");
  auto no_flag = ParseFeedPage(page.dump(), scheme);
  ASSERT_FALSE(no_flag.ok());
  EXPECT_NE(no_flag.status().message().find("'deleted'"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::interop
