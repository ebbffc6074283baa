// The box index answers exactly as the database does (same items, order, cursors and bytes),
// on both backends, and follows every kind of change.

#include "box_index.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include "ecosol/base/strings.h"
#include "ecosol/registry/registry.h"
#include "listing.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using model::Actor;
using model::LocationPrecision;
using nlohmann::json;

// The listing the database gives, written as the handler writes it.
std::string DatabaseListing(store::Store& s, const store::BBox& box, int limit,
                            const std::string& cursor) {
  store::ActorQuery q;
  q.bbox = box;
  q.limit = limit;
  q.cursor = cursor;
  auto page = s.ListActors(q);
  if (!page.ok()) return "error: " + page.status().ToString();
  json items = json::array();
  for (const Actor& a : page->items) items.push_back(ActorSummary(*registry::PublicView(a)));
  return DumpBody(
      {{"items", items},
       {"next_cursor", page->next_cursor.empty() ? json(nullptr) : json(page->next_cursor)}});
}

std::string NextCursor(const std::string& body) {
  json j = json::parse(body);
  return j["next_cursor"].is_null() ? "" : j["next_cursor"].get<std::string>();
}

class BoxIndexTest : public ::testing::TestWithParam<std::string> {
 protected:
  BoxIndexTest() : db_(GetParam()) {}

  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.error(); }

  std::unique_ptr<BoxIndex> MakeIndex(size_t max_delta) {
    BoxIndex::Options o;
    o.max_delta = max_delta;
    const std::string url = db_.url();
    return std::make_unique<BoxIndex>([url] { return store::OpenStore(url); }, o);
  }

  long long Generation() { return *db_.store().Generation(); }

  // Pages through the listing of `box` with the index and with the database and compares every
  // page byte for byte.
  void ExpectSameListing(BoxIndex& index, const store::BBox& box, int limit, int max_pages = 4) {
    std::string cursor;
    for (int page = 0; page < max_pages; ++page) {
      auto ours = index.Listing(box, limit, cursor, Generation());
      ASSERT_TRUE(ours.has_value()) << "the index does not hold the current generation";
      std::string theirs = DatabaseListing(db_.store(), box, limit, cursor);
      ASSERT_EQ(*ours, theirs) << "box " << box.min_lon << "," << box.min_lat << "," << box.max_lon
                               << "," << box.max_lat << " limit " << limit << " page " << page;
      cursor = NextCursor(theirs);
      if (cursor.empty()) break;
    }
  }

  testing::TestStore db_;
};

Actor MakeActor(int i, std::mt19937& rng) {
  // Names from a small vocabulary, so that many share a sort name (ordered by id), with
  // accents, quotes and other characters the JSON must escape.
  static const char* kWords[] = {"Coopérative", "Housing",     "\"Bread\" & Co", "Ünion",
                                 "Solidarity",  "Back\\slash", "Energy",         "société"};
  static const char* kPlaces[] = {"Manchester", "Cardiff", "Saint-Étienne", "", "Montréal"};
  std::uniform_int_distribution<int> word(0, 7), place(0, 4), pct(0, 99);
  std::normal_distribution<double> spread(0, 0.2);
  // Clusters (two cities and a point on a grid line) and a few far away.
  static const double kCentres[][2] = {{53.48, -2.24}, {51.48, -3.18}, {45.0, 0.0}};
  Actor a;
  a.id = "a" + std::to_string(i);
  a.name = std::string(kWords[word(rng)]) + " " + kWords[word(rng)];
  a.address.country = pct(rng) < 80 ? "GB" : "FR";
  a.address.locality = kPlaces[place(rng)];
  if (pct(rng) < 50) a.primary_activity = "ICA140";
  if (pct(rng) < 60) a.structures = {"OS115"};
  if (pct(rng) < 30) a.structures.push_back("OS60");
  int where = pct(rng);
  if (where < 5) return a;  // no location
  double lat, lon;
  if (where < 10) {
    std::uniform_real_distribution<double> any_lat(-89.0, 89.0), any_lon(-179.0, 179.0);
    lat = any_lat(rng);
    lon = any_lon(rng);
  } else {
    const auto& c = kCentres[where % 3];
    lat = c[0] + spread(rng);
    lon = c[1] + spread(rng);
    if (where % 7 == 0) lon = c[1];  // on a cell edge
  }
  LocationPrecision precision = where % 10 == 0  ? LocationPrecision::kHidden
                                : where % 3 == 0 ? LocationPrecision::kApproximate
                                                 : LocationPrecision::kExact;
  a.location = model::Location{lat, lon, precision};
  a.version = 1;
  return a;
}

void Load(store::Store& s, int n, std::mt19937& rng, std::vector<Actor>* out) {
  Status st = s.InTransaction([&]() -> Status {
    for (int i = 0; i < n; ++i) {
      Actor a = MakeActor(i, rng);
      a.version = 1;
      a.updated_at = "2026-11-28T00:00:00Z";
      if (i % 50 == 7) a.deleted = true;
      ECOSOL_RETURN_IF_ERROR(s.PutActor(a, "create"));
      out->push_back(a);
    }
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
}

store::BBox RandomBox(std::mt19937& rng, const std::vector<Actor>& actors) {
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_real_distribution<double> u(0, 1);
  store::BBox b;
  int k = kind(rng);
  if (k == 0) return {-180, -90, 180, 90};  // the world
  double cx, cy;
  const Actor& a = actors[std::uniform_int_distribution<size_t>(0, actors.size() - 1)(rng)];
  if (a.location && k < 6) {
    cx = a.location->lon;
    cy = a.location->lat;
  } else {
    cx = -5 + 10 * u(rng);
    cy = 44 + 12 * u(rng);
  }
  double size = k < 3 ? 0.001 + 0.05 * u(rng) : k < 8 ? 0.05 + 0.6 * u(rng) : 5 + 60 * u(rng);
  b.min_lon = std::max(-180.0, cx - size * u(rng));
  b.min_lat = std::max(-90.0, cy - size * u(rng));
  b.max_lon = std::min(180.0, b.min_lon + size);
  b.max_lat = std::min(90.0, b.min_lat + size);
  if (a.location && k == 5) {  // an actor exactly on the box's corner
    b.min_lon = a.location->lon;
    b.min_lat = a.location->lat;
  }
  if (a.location && k == 4) {  // an actor exactly on the box's far edge
    b.max_lon = a.location->lon;
    b.min_lon = std::min(b.min_lon, b.max_lon);
  }
  return b;
}

TEST_P(BoxIndexTest, AnswersAsTheDatabaseDoes) {
  std::mt19937 rng(7);
  std::vector<Actor> actors;
  Load(db_.store(), 3000, rng, &actors);
  auto index = MakeIndex(20000);
  ASSERT_TRUE(index->RefreshNow().ok());
  BoxIndex::Stats st = index->stats();
  EXPECT_EQ(st.generation, Generation());
  EXPECT_GT(st.main_entries, 2000u);
  EXPECT_LT(st.main_entries, 3000u);  // no unlocated, hidden or deleted actor
  std::uniform_int_distribution<int> limit(1, 60);
  for (int i = 0; i < 250; ++i) ExpectSameListing(*index, RandomBox(rng, actors), limit(rng));
  ExpectSameListing(*index, {-180, -90, 180, 90}, 500, 7);  // every actor, in pages
}

TEST_P(BoxIndexTest, FollowsEveryChange) {
  std::mt19937 rng(11);
  std::vector<Actor> actors;
  Load(db_.store(), 400, rng, &actors);
  // One index that keeps changes in its delta part, one that merges after a few.
  auto with_delta = MakeIndex(100000);
  int merges = 0;
  BoxIndex::Options o;
  o.max_delta = 3;
  o.log = [&](const std::string& line) {
    merges += line.find("located actors") != std::string::npos;
  };
  const std::string url = db_.url();
  auto merging = std::make_unique<BoxIndex>([url] { return store::OpenStore(url); }, o);
  ASSERT_TRUE(with_delta->RefreshNow().ok());
  ASSERT_TRUE(merging->RefreshNow().ok());
  registry::Registry reg(db_.store(), SystemClock());
  const std::vector<store::BBox> boxes = {
      {-180, -90, 180, 90}, {-3, 53, -2, 54}, {-4, 51, -3, 52}, {-0.5, 44.5, 0.5, 45.5}};
  auto check = [&](const std::string& step) {
    SCOPED_TRACE(step);
    // Not answered before it has caught up.
    EXPECT_FALSE(with_delta->Listing(boxes[0], 10, "", Generation()).has_value());
    ASSERT_TRUE(with_delta->RefreshNow().ok());
    ASSERT_TRUE(merging->RefreshNow().ok());
    for (const store::BBox& b : boxes) {
      for (int limit : {1, 7, 50}) {
        ExpectSameListing(*with_delta, b, limit);
        ExpectSameListing(*merging, b, limit);
      }
    }
  };
  auto put = [&](Actor a, const char* change) {
    auto current = db_.store().GetActor(a.id);
    ASSERT_TRUE(current.ok() && current->has_value());
    a.version = (*current)->version + 1;
    a.updated_at = "2026-11-29T00:00:00Z";
    ASSERT_TRUE(db_.store().PutActor(a, change).ok());
  };
  Actor moved = actors[10];
  moved.location = model::Location{53.5, -2.5, LocationPrecision::kExact};
  put(moved, "update");
  check("moved into Manchester");
  Actor renamed = actors[11];
  renamed.name = "Aaaa first of all";
  if (!renamed.location) renamed.location = model::Location{51.5, -3.5, LocationPrecision::kExact};
  put(renamed, "update");
  check("renamed");
  Actor deleted = actors[12];
  deleted.deleted = true;
  put(deleted, "delete");
  check("deleted");
  Actor hidden = actors[13];
  hidden.location = model::Location{53.4, -2.4, LocationPrecision::kHidden};
  put(hidden, "update");
  check("location hidden");
  Actor restored = actors[7];  // created deleted
  ASSERT_TRUE(restored.deleted);
  restored.deleted = false;
  restored.location = model::Location{45.1, 0.1, LocationPrecision::kApproximate};
  put(restored, "restore");
  check("restored");
  hidden.location->precision = LocationPrecision::kExact;
  put(hidden, "update");
  check("location shown again");
  moved.location = model::Location{10, 10, LocationPrecision::kExact};
  put(moved, "update");
  check("moved again, out of every box but the world");
  Actor fresh = MakeActor(9999, rng);
  fresh.location = model::Location{53.48, -2.24, LocationPrecision::kExact};
  fresh.version = 1;
  fresh.updated_at = "2026-11-29T00:00:00Z";
  ASSERT_TRUE(db_.store().PutActor(fresh, "create").ok());
  check("created");
  // A change to something else moves the generation on: the index follows without work.
  ASSERT_TRUE(db_.store().PutSourceAttribution("x", "Contains x").ok());
  check("attribution");
  BoxIndex::Stats st = with_delta->stats();
  EXPECT_GT(st.delta_entries, 0u);
  EXPECT_GT(st.dead_entries, 0u);
  // The first build, then a merge when the delta passed 3 located actors (the 4th: shown again).
  EXPECT_EQ(merges, 2);
  EXPECT_LE(merging->stats().delta_entries, 3u);
}

TEST_P(BoxIndexTest, BuildsInTheBackgroundAndTellsWhenItIsBehind) {
  std::mt19937 rng(3);
  std::vector<Actor> actors;
  Load(db_.store(), 200, rng, &actors);
  std::vector<std::string> log;
  std::mutex log_mu;
  BoxIndex::Options o;
  o.log = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu);
    log.push_back(line);
  };
  const std::string url = db_.url();
  BoxIndex index([url] { return store::OpenStore(url); }, o);
  const store::BBox world{-180, -90, 180, 90};
  EXPECT_EQ(index.stats().generation, -1);
  EXPECT_FALSE(index.Listing(world, 10, "", Generation()).has_value());
  index.Start();
  auto wait_until_current = [&] {
    for (int i = 0; i < 200 && index.stats().generation != Generation(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ASSERT_EQ(index.stats().generation, Generation());
  };
  wait_until_current();
  ExpectSameListing(index, world, 25);
  {
    std::lock_guard<std::mutex> lock(log_mu);
    ASSERT_FALSE(log.empty());
    EXPECT_NE(log[0].find("located actors"), std::string::npos) << log[0];
  }
  // A write: the index is behind, says so, and catches up when asked.
  Actor a = actors[1];
  a.name = "Changed";
  a.version = 2;
  a.updated_at = "2026-11-29T00:00:00Z";
  ASSERT_TRUE(db_.store().PutActor(a, "update").ok());
  EXPECT_FALSE(index.Listing(world, 10, "", Generation()).has_value());
  wait_until_current();
  ExpectSameListing(index, world, 25);
  // Another write: a caller that may wait gets the index's answer once it has read the write,
  // and one asking at an earlier generation is answered by the newer index too.
  const long long before = Generation();
  auto shown = std::find_if(actors.begin(), actors.end(), [](const Actor& x) {
    return !x.deleted && x.location && x.location->precision == LocationPrecision::kExact;
  });
  ASSERT_NE(shown, actors.end());
  Actor b = *shown;
  b.name = "Changed again";
  b.version = 2;
  ASSERT_TRUE(db_.store().PutActor(b, "update").ok());
  auto waited = index.Listing(world, 500, "", Generation(), std::chrono::seconds(30));
  ASSERT_TRUE(waited.has_value());
  EXPECT_EQ(*waited, DatabaseListing(db_.store(), world, 500, ""));
  EXPECT_NE(waited->find("Changed again"), std::string::npos);
  EXPECT_EQ(index.Listing(world, 500, "", before), waited);
  // A cursor it cannot read is left to the database (which explains the error).
  EXPECT_FALSE(index.Listing(world, 10, "not-a-cursor", Generation()).has_value());
}

// An index larger than one chunk of its text memory (2 MiB: about 30,000 actors), merged from
// a main and a delta part: every actor's texts stay whole.
TEST(BoxIndexLargeTest, TextsSpanningSeveralChunksStayWhole) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  std::mt19937 rng(5);
  std::vector<Actor> actors;
  Load(db.store(), 60000, rng, &actors);
  BoxIndex::Options o;
  o.max_delta = 1000;
  const std::string url = db.url();
  BoxIndex index([url] { return store::OpenStore(url); }, o);
  ASSERT_TRUE(index.RefreshNow().ok());
  // Rename 1,500 actors so that the delta is merged into a new main part.
  Status s = db.store().InTransaction([&]() -> Status {
    for (int i = 0; i < 1500; ++i) {
      Actor a = actors[static_cast<size_t>(i) * 20];
      a.name = "Renamed " + std::to_string(i);
      a.version = 2;
      ECOSOL_RETURN_IF_ERROR(db.store().PutActor(a, a.deleted ? "delete" : "update"));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(index.RefreshNow().ok());
  EXPECT_GT(index.stats().bytes, 3u << 20);
  const long long generation = *db.store().Generation();
  std::string cursor;
  size_t seen = 0;
  for (int page = 0; page < 1000; ++page) {
    auto ours = index.Listing({-180, -90, 180, 90}, 500, cursor, generation);
    ASSERT_TRUE(ours.has_value());
    std::string theirs = DatabaseListing(db.store(), {-180, -90, 180, 90}, 500, cursor);
    ASSERT_EQ(*ours, theirs) << "page " << page;
    seen += json::parse(theirs)["items"].size();
    cursor = NextCursor(theirs);
    if (cursor.empty()) break;
  }
  EXPECT_EQ(seen, index.stats().main_entries);
  EXPECT_GT(seen, 45000u);
}

INSTANTIATE_TEST_SUITE_P(Backends, BoxIndexTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::http
