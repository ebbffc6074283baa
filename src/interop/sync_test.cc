#include "ecosol/interop/sync.h"

#include <gtest/gtest.h>

#include "ecosol/base/clock.h"
#include "ecosol/interop/feed.h"
#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

using model::Actor;
using nlohmann::json;

constexpr char kPeer[] = "http://peer.example:8080";
constexpr char kScheme[] = "ecosol@peer.example:8080";

Actor NewActor(const std::string& id, const std::string& name) {
  Actor a;
  a.id = id;
  a.name = name;
  a.address.locality = "Cardiff";
  a.address.postcode = "CF10 1AA";
  a.address.country = "GB";
  a.location = model::Location{51.48, -3.18, model::LocationPrecision::kExact};
  return a;
}

// Serves the feed of a store as the peer's server would, and counts the requests; `body`
// replaces the answer when set.
class StoreFetcher : public FeedFetcher {
 public:
  explicit StoreFetcher(store::Store& store) : store_(store) {}
  Result<std::string> Get(const std::string& url) override {
    urls.push_back(url);
    if (body) return *body;
    const std::string prefix = std::string(kPeer) + "/api/v1/feed?";
    if (url.rfind(prefix, 0) != 0) return NotFound("GET " + url + " answered 404");
    FeedOptions o;
    o.public_url = kPeer;
    std::string since;
    for (const std::string& param : {std::string("limit="), std::string("since=")}) {
      size_t at = url.find(param, prefix.size());
      if (at == std::string::npos) continue;
      std::string value = url.substr(at + param.size(), url.find('&', at) - at - param.size());
      if (param == "limit=") o.limit = std::stoi(value);
      if (param == "since=") since = value;
    }
    auto page = ReadFeed(store_, since, o);
    if (!page.ok()) return page.status();
    return page->dump();
  }
  std::vector<std::string> urls;
  std::optional<std::string> body;

 private:
  store::Store& store_;
};

class SyncTest : public ::testing::TestWithParam<std::string> {
 protected:
  SyncTest()
      : peer_db_(GetParam()),
        db_(GetParam()),
        clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28}) {}
  void SetUp() override {
    ASSERT_TRUE(peer_db_.ok()) << peer_db_.error();
    ASSERT_TRUE(db_.ok()) << db_.error();
    peer_ = std::make_unique<registry::Registry>(peer_db_.store(), clock_);
    local_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(peer_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
    ASSERT_TRUE(local_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
    fetcher_ = std::make_unique<StoreFetcher>(peer_db_.store());
  }
  Result<SyncReport> Pull(int page_size = 200) {
    SyncOptions o;
    o.page_size = page_size;
    o.clock = &clock_;
    return Sync(*local_, *fetcher_, std::string(kPeer) + "/", o);
  }
  // "created updated matched removed unchanged".
  static std::string Counts(const SyncReport& r) {
    return std::to_string(r.created) + " " + std::to_string(r.updated) + " " +
           std::to_string(r.matched) + " " + std::to_string(r.removed) + " " +
           std::to_string(r.unchanged);
  }
  Actor Local(const std::string& id) {
    auto a = db_.store().GetActor(id);
    EXPECT_TRUE(a.ok() && a->has_value()) << id;
    return a.ok() && a->has_value() ? **a : Actor();
  }
  testing::TestStore peer_db_, db_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> peer_, local_;
  std::unique_ptr<StoreFetcher> fetcher_;
};

TEST_P(SyncTest, FirstPullCreatesThenOnlyChangesArePulled) {
  for (int i = 0; i < 5; ++i) {
    const std::vector<std::string> names = {"Aberdare Bakers", "Brecon Builders", "Conwy Cider",
                                            "Denbigh Dairy", "Ely Energy"};
    Actor a = NewActor("coop" + std::to_string(i), names[static_cast<size_t>(i)]);
    a.address.postcode = "CF1" + std::to_string(i) + " 1AA";
    ASSERT_TRUE(peer_->CreateActor(a, "peer-data").ok());
  }
  auto first = Pull(2);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(Counts(*first), "5 0 0 0 0");
  EXPECT_EQ(first->pages, 3);
  EXPECT_EQ(first->scheme, kScheme);
  EXPECT_EQ(first->peer, kPeer);
  EXPECT_EQ(*db_.store().CountActors(), 5);
  Actor created = Local("peer-example-8080-coop3");
  EXPECT_EQ(created.name, "Denbigh Dairy");
  EXPECT_EQ(created.identifiers.at(kScheme), "coop3");
  EXPECT_EQ(created.provenance.at("name").source, kScheme);
  auto peer = db_.store().GetSyncPeer(kPeer);
  ASSERT_TRUE(peer.ok() && peer->has_value());
  EXPECT_EQ((*peer)->pulled, 5);
  EXPECT_EQ((*peer)->cursor, first->cursor);
  EXPECT_EQ((*peer)->last_sync, "2026-11-28T00:00:00Z");

  ASSERT_TRUE(
      peer_->UpdateActor("coop3", {{"website", "https://d.example"}}, std::nullopt, "x").ok());
  fetcher_->urls.clear();
  auto second = Pull(2);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(Counts(*second), "0 1 0 0 0");
  EXPECT_EQ(second->pulled, 1);
  ASSERT_EQ(fetcher_->urls.size(), 1u);
  EXPECT_NE(fetcher_->urls[0].find("since=" + first->cursor), std::string::npos);
  EXPECT_EQ(Local("peer-example-8080-coop3").website, "https://d.example");
  EXPECT_EQ(Local("peer-example-8080-coop3").version, 2);

  auto third = Pull();
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->pulled, 0);
  EXPECT_EQ(Counts(*third), "0 0 0 0 0");
}

// A pulled actor that is an actor here (a shared identifier, or the same name at the same place)
// links to it: the local actor takes the peer identifier and what it lacks, and keeps the rest,
// even when the peer changes it later.
TEST_P(SyncTest, MatchesBySharedIdentifierAndByNameAndPlace) {
  Actor ours = NewActor("suma", "Suma Wholefoods");
  ours.identifiers["coops-uk"] = "IP12345";
  ours.website = "https://suma.example";
  ASSERT_TRUE(local_->CreateActor(ours, "coops-uk-2017").ok());
  Actor phone = NewActor("phone", "The Phone Co-operative");
  ASSERT_TRUE(local_->CreateActor(phone, "coops-uk-2017").ok());

  Actor theirs = NewActor("s1", "Suma Whole Foods Ltd");
  theirs.identifiers["coops-uk"] = "IP12345";
  theirs.website = "https://elsewhere.example";
  theirs.contacts["phone"] = "+44 1422 313845";
  ASSERT_TRUE(peer_->CreateActor(theirs, "peer-data").ok());
  Actor their_phone = NewActor("p1", "Phone Co-op Ltd");
  their_phone.founded = "1998";
  ASSERT_TRUE(peer_->CreateActor(their_phone, "peer-data").ok());
  Actor other = NewActor("o1", "Green Valley Growers");
  other.address.postcode = "LL55 4UR";
  other.location = model::Location{53.1, -4.1, model::LocationPrecision::kExact};
  ASSERT_TRUE(peer_->CreateActor(other, "peer-data").ok());

  auto report = Pull();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Counts(*report), "1 0 2 0 0");
  Actor suma = Local("suma");
  EXPECT_EQ(suma.name, "Suma Wholefoods");                  // ours: kept
  EXPECT_EQ(suma.website, "https://suma.example");          // ours: kept
  EXPECT_EQ(suma.contacts.at("phone"), "+44 1422 313845");  // lacking: taken
  EXPECT_EQ(suma.provenance.at("contacts").source, kScheme);
  EXPECT_EQ(suma.identifiers.at(kScheme), "s1");
  EXPECT_EQ(Local("phone").identifiers.at(kScheme), "p1");
  EXPECT_EQ(Local("phone").founded, "1998");
  EXPECT_EQ(*db_.store().CountActors(), 3);

  // Later changes at the peer: the fields it gave follow, the others stay ours.
  ASSERT_TRUE(peer_
                  ->UpdateActor("s1",
                                {{"name", "Suma"},
                                 {"website", "https://other.example"},
                                 {"contacts", {{"phone", "+44 1422 000000"}}}},
                                std::nullopt, "x")
                  .ok());
  auto again = Pull();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(Counts(*again), "0 1 0 0 0");
  suma = Local("suma");
  EXPECT_EQ(suma.name, "Suma Wholefoods");
  EXPECT_EQ(suma.website, "https://suma.example");
  EXPECT_EQ(suma.contacts.at("phone"), "+44 1422 000000");
}

// A tombstone removes (restorably) only what came from the peer alone.
TEST_P(SyncTest, TombstonesRemoveOnlyWhatCameFromThePeerAlone) {
  Actor ours = NewActor("suma", "Suma Wholefoods");
  ours.identifiers["coops-uk"] = "IP12345";
  ASSERT_TRUE(local_->CreateActor(ours, "coops-uk-2017").ok());
  Actor theirs = NewActor("s1", "Suma");
  theirs.identifiers["coops-uk"] = "IP12345";
  ASSERT_TRUE(peer_->CreateActor(theirs, "peer-data").ok());
  ASSERT_TRUE(peer_->CreateActor(NewActor("g1", "Green Valley Growers"), "peer-data").ok());
  auto first = Pull();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(Counts(*first), "1 0 1 0 0");

  ASSERT_TRUE(peer_->DeleteActor("s1").ok());
  ASSERT_TRUE(peer_->DeleteActor("g1").ok());
  auto second = Pull();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(Counts(*second), "0 0 0 1 1");
  EXPECT_FALSE(Local("suma").deleted);
  EXPECT_TRUE(Local("peer-example-8080-g1").deleted);

  // Public again at the peer: restored here.
  ASSERT_TRUE(peer_->RestoreActor("g1").ok());
  auto third = Pull();
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(Counts(*third), "0 1 0 0 0");
  EXPECT_FALSE(Local("peer-example-8080-g1").deleted);
}

// Bad input changes nothing: a page that is not a feed, an item that is not an actor.
TEST_P(SyncTest, APageThatIsNotAFeedOrABadItemWritesNothing) {
  fetcher_->body = "<html><body>Welcome to nginx</body></html>";
  auto html = Pull();
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(html.status().message().find("not a change feed"), std::string::npos);
  EXPECT_NE(html.status().message().find(kPeer), std::string::npos);

  ASSERT_TRUE(peer_->CreateActor(NewActor("a1", "Alpha Co-op"), "peer-data").ok());
  ASSERT_TRUE(peer_->CreateActor(NewActor("b1", "Beta Growers"), "peer-data").ok());
  FeedOptions o;
  o.public_url = kPeer;
  json page = *ReadFeed(peer_db_.store(), "", o);
  page["items"][1]["node"]["ecosol:kind"] = "spaceship";
  fetcher_->body = page.dump();
  auto bad_item = Pull();
  ASSERT_FALSE(bad_item.ok());
  EXPECT_NE(bad_item.status().message().find("item 2 (id 'b1')"), std::string::npos)
      << bad_item.status().message();
  EXPECT_EQ(*db_.store().CountActors(), 0);  // item 1 rolled back with it
  EXPECT_FALSE(db_.store().GetSyncPeer(kPeer)->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, SyncTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

TEST(SyncPeerTest, PeerUrlsAndSchemes) {
  auto a = PeerNameOf(" http://Example.org:8080/api/v1/feed/ ");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url, "http://Example.org:8080");
  EXPECT_EQ(a->scheme, "ecosol@example.org:8080");
  auto b = PeerNameOf("https://map.example/ecosol");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->url, "https://map.example/ecosol");
  EXPECT_EQ(b->scheme, "ecosol@map.example");
  for (const char* bad : {"", "ftp://x", "example.org", "http://", "http://x/feed?since=1"}) {
    auto p = PeerNameOf(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_NE(p.status().message().find("url"), std::string::npos);
  }
}

// Nothing listens on port 1 of the loopback: a clear error, and nothing recorded.
TEST(SyncPeerTest, AnUnreachableInstanceIsAClearError) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok());
  FakeClock clock(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28});
  registry::Registry reg(db.store(), clock);
  auto fetcher = HttpFeedFetcher(5);
  auto report = Sync(reg, *fetcher, "http://127.0.0.1:1", {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(report.status().message().find("cannot reach http://127.0.0.1:1/api/v1/feed"),
            std::string::npos)
      << report.status().message();
  EXPECT_TRUE(db.store().SyncPeers()->empty());
  auto https = fetcher->Get("ftp://x");
  EXPECT_FALSE(https.ok());
}

}  // namespace
}  // namespace ecosol::interop
