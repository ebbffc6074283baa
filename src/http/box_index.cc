#include "box_index.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <new>
#include <queue>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ecosol/base/strings.h"
#include "ecosol/registry/registry.h"
#include "listing.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

constexpr char kCursorSep = '\x1f';
// Grid levels: 2^k columns over the longitudes and 2^k rows over the latitudes, from 90 x 45
// degrees (k = 2) to about 0.022 x 0.011 degrees (k = 14), each 8 times finer than the last. A
// query reads the finest level at which at most kMaxCells cells cover its box.
constexpr int kLevels[] = {2, 5, 8, 11, 14};
constexpr int kMaxCells = 64;
// Cells are "inside" a box only with this margin (degrees), which covers the rounding of the
// cell computation.
constexpr double kCellMargin = 1e-9;

// Large buffers of the index are mapped with transparent huge pages where the system allows
// them: a page of results reads a few bytes at ~200 random places of a few hundred megabytes,
// and with 4 KiB pages nearly every read also misses the TLB (an expensive page walk, twice so
// under virtualisation). Smaller buffers come from the ordinary allocator.
constexpr size_t kHugePage = 2u << 20;

void* MapLarge(size_t bytes) {
  const size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  // One huge page more than needed, so that a range of `size` aligned to a huge page fits; what
  // lies outside it is given back at once.
  void* raw =
      mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t end = start + size + kHugePage;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advice: failure is harmless
  return reinterpret_cast<void*>(aligned);
}

void UnmapLarge(void* p, size_t bytes) {
  munmap(p, (bytes + kHugePage - 1) / kHugePage * kHugePage);
}

template <typename T>
struct LargeAllocator {
  using value_type = T;
  LargeAllocator() = default;
  template <typename U>
  LargeAllocator(const LargeAllocator<U>&) {}  // NOLINT: converting, as allocators are
  T* allocate(size_t n) {
    if (n * sizeof(T) < kHugePage) return std::allocator<T>().allocate(n);
    return static_cast<T*>(MapLarge(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) return std::allocator<T>().deallocate(p, n);
    UnmapLarge(p, n * sizeof(T));
  }
  template <typename U>
  bool operator==(const LargeAllocator<U>&) const {
    return true;
  }
};

template <typename T>
using LargeVector = std::vector<T, LargeAllocator<T>>;

// Text kept by the index, in chunks that never move (a growing string would copy itself).
class Arena {
 public:
  // Adds the texts one after the other, in one chunk; returns where the first starts.
  uint64_t Add(std::initializer_list<std::string_view> texts) {
    size_t size = 0;
    for (std::string_view s : texts) size += s.size();
    if (chunks_.empty() || used_ + size > capacity_) {
      capacity_ = std::max(kChunk, size);
      chunks_.emplace_back(static_cast<char*>(MapLarge(capacity_)), Unmap{capacity_});
      bytes_ += capacity_;
      used_ = 0;
    }
    uint64_t at = (static_cast<uint64_t>(chunks_.size() - 1) << 32) | used_;
    for (std::string_view s : texts) {
      if (!s.empty()) std::memcpy(chunks_.back().get() + used_, s.data(), s.size());
      used_ += s.size();
    }
    return at;
  }
  std::string_view Get(uint64_t at, size_t len) const {
    return {chunks_[at >> 32].get() + (at & 0xffffffffu), len};
  }
  size_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kChunk = kHugePage;
  struct Unmap {
    size_t bytes;
    void operator()(char* p) const { UnmapLarge(p, bytes); }
  };
  std::vector<std::unique_ptr<char, Unmap>> chunks_;
  size_t used_ = 0, capacity_ = 0, bytes_ = 0;
};

// One listed actor. Its summary is pieces[0] id pieces[1] lat pieces[2] lon pieces[3] name
// pieces[4], with the pieces of its shape.
struct Entry {
  double lon = 0, lat = 0;
  int64_t rid = 0;
  uint64_t text = 0;  // in the arena: sort name, id, name (as JSON), one after the other
  uint32_t sort_len = 0, id_len = 0, name_len = 0;
  uint32_t shape = 0;
};

// The fixed parts of summaries that several actors share: five pieces, one after the other in
// the arena (piece i is [cut[i], cut[i + 1]) from `text`).
struct Shape {
  uint64_t text = 0;
  std::array<uint32_t, 6> cut{};
};

struct Point {  // an entry in a grid cell
  uint32_t rank;
  float lon, lat;
};

struct Level {
  int k = 0;
  LargeVector<uint32_t> codes;   // non-empty cells (row * 2^k + column), ascending
  LargeVector<uint32_t> starts;  // their first point; one more at the end
  LargeVector<Point> points;     // by cell, then by rank
};

int CellX(double lon, int k) {
  const int w = 1 << k;
  int x = static_cast<int>(std::floor((lon + 180.0) / 360.0 * w));
  return std::clamp(x, 0, w - 1);
}
int CellY(double lat, int k) {
  const int w = 1 << k;
  int y = static_cast<int>(std::floor((lat + 90.0) / 180.0 * w));
  return std::clamp(y, 0, w - 1);
}

bool CellInside(const store::BBox& b, int x, int y, int k) {
  const double w = static_cast<double>(1 << k);
  const double lon_lo = -180.0 + 360.0 * x / w, lon_hi = -180.0 + 360.0 * (x + 1) / w;
  const double lat_lo = -90.0 + 180.0 * y / w, lat_hi = -90.0 + 180.0 * (y + 1) / w;
  return b.min_lon <= lon_lo - kCellMargin && lon_hi + kCellMargin <= b.max_lon &&
         b.min_lat <= lat_lo - kCellMargin && lat_hi + kCellMargin <= b.max_lat;
}

bool Inside(const store::BBox& b, double lon, double lat) {
  return lon >= b.min_lon && lon <= b.max_lon && lat >= b.min_lat && lat <= b.max_lat;
}

// The box's bounds rounded to single precision. Rounding is monotonic, so a point whose
// rounded coordinate lies strictly inside (or outside) the rounded bounds lies inside (or
// outside) the exact ones; only a rounded coordinate equal to a rounded bound needs the exact
// test.
struct FloatBox {
  float min_lon, min_lat, max_lon, max_lat;
  explicit FloatBox(const store::BBox& b)
      : min_lon(static_cast<float>(b.min_lon)),
        min_lat(static_cast<float>(b.min_lat)),
        max_lon(static_cast<float>(b.max_lon)),
        max_lat(static_cast<float>(b.max_lat)) {}
  // 1 inside, 0 outside, -1 undecided.
  int Test(float lon, float lat) const {
    if (lon < min_lon || lon > max_lon || lat < min_lat || lat > max_lat) return 0;
    if (lon > min_lon && lon < max_lon && lat > min_lat && lat < max_lat) return 1;
    return -1;
  }
};

// The JSON of an id, as DumpBody writes it.
void AppendJsonString(std::string* out, std::string_view s) {
  bool plain = true;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    *out += '"';
    *out += s;
    *out += '"';
  } else {
    *out += DumpBody(json(std::string(s)));
  }
}

// A number as DumpBody writes it: nlohmann's own shortest round-trip form (its serializer calls
// the same function; BoxIndexTest compares whole answers byte for byte).
void AppendNumber(std::string* out, double v) {
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<size_t>(end - buf));
}

// Markers put in place of the parts of a summary that differ from actor to actor (id, latitude,
// longitude, name), so that the rest can be cut into the pieces of a shape.
constexpr std::array<const char*, 4> kMarkers = {"\x01", "\x02", "\x03", "\x04"};

}  // namespace

struct BoxIndex::Part {
  LargeVector<Entry> entries;  // in name order: (sort name, id)
  Arena arena;
  LargeVector<Shape> shapes;
  LargeVector<std::pair<int64_t, uint32_t>> by_rid;  // (rid, rank), ascending
  std::vector<Level> levels;                         // none in a delta part

  std::string_view SortName(uint32_t i) const {
    return arena.Get(entries[i].text, entries[i].sort_len);
  }
  std::string_view Id(uint32_t i) const {
    return arena.Get(entries[i].text + entries[i].sort_len, entries[i].id_len);
  }
  std::string_view NameJson(uint32_t i) const {
    return arena.Get(entries[i].text + entries[i].sort_len + entries[i].id_len,
                     entries[i].name_len);
  }
  // The rank of the first entry after (sort_name, id).
  uint32_t After(std::string_view sort_name, std::string_view id) const {
    auto it = std::upper_bound(entries.begin(), entries.end(), 0, [&](int, const Entry& e) {
      const auto i = static_cast<uint32_t>(&e - entries.data());
      int c = sort_name.compare(SortName(i));
      return c < 0 || (c == 0 && id.compare(Id(i)) < 0);
    });
    return static_cast<uint32_t>(it - entries.begin());
  }
  std::optional<uint32_t> RankOf(int64_t rid) const {
    auto it = std::lower_bound(by_rid.begin(), by_rid.end(), std::make_pair(rid, uint32_t{0}));
    if (it == by_rid.end() || it->first != rid) return std::nullopt;
    return it->second;
  }
  std::string_view Piece(const Shape& shape, size_t i) const {
    return arena.Get(shape.text + shape.cut[i], shape.cut[i + 1] - shape.cut[i]);
  }
  // Asks the processor for the memory AppendSummary(i) reads (a page of summaries is scattered
  // over the index: fetching them together saves most of the waiting).
  void Prefetch(uint32_t i, int stage) const {
    if (stage == 0) {
      __builtin_prefetch(&entries[i]);
    } else {
      const Entry& e = entries[i];
      __builtin_prefetch(&shapes[e.shape]);
      const char* text = arena.Get(e.text, 0).data();
      __builtin_prefetch(text);
      __builtin_prefetch(text + 64);
    }
  }
  void AppendSummary(std::string* out, uint32_t i) const {
    const Entry& e = entries[i];
    const Shape& shape = shapes[e.shape];
    *out += Piece(shape, 0);
    AppendJsonString(out, Id(i));
    *out += Piece(shape, 1);
    AppendNumber(out, e.lat);
    *out += Piece(shape, 2);
    AppendNumber(out, e.lon);
    *out += Piece(shape, 3);
    *out += NameJson(i);
    *out += Piece(shape, 4);
  }
  size_t Bytes() const {
    size_t n =
        entries.capacity() * sizeof(Entry) + arena.bytes() + by_rid.capacity() * sizeof(by_rid[0]);
    n += shapes.capacity() * sizeof(Shape);
    for (const Level& l : levels) {
      n += (l.codes.capacity() + l.starts.capacity()) * sizeof(uint32_t) +
           l.points.capacity() * sizeof(Point);
    }
    return n;
  }
};

struct BoxIndex::Snapshot {
  long long generation = -1;
  std::shared_ptr<const Part> main;
  std::shared_ptr<const std::vector<bool>> dead;  // per main entry: replaced or gone
  size_t dead_count = 0;
  std::shared_ptr<const Part> delta;
};

namespace {

// Builds a part from actors and from the entries of other parts.
class PartBuilder {
 public:
  PartBuilder() : part_(std::make_shared<BoxIndex::Part>()) {}

  Status Add(int64_t rid, std::string_view sort_name, const model::Actor& actor) {
    std::optional<model::Actor> shown = registry::PublicView(actor);
    if (!shown || !shown->location) return Status::Ok();
    const model::Actor& view = *shown;
    json s = ActorSummary(view);
    s["id"] = kMarkers[0];
    s["location"]["lat"] = kMarkers[1];
    s["location"]["lon"] = kMarkers[2];
    s["name"] = kMarkers[3];
    const std::string text = DumpBody(s);
    std::array<std::string, 5> pieces;
    size_t from = 0;
    for (size_t m = 0; m < kMarkers.size(); ++m) {
      const std::string marker = DumpBody(json(kMarkers[m]));
      size_t at = text.find(marker, from);
      if (at == std::string::npos) {
        return Internal("box index: the summary of actor " + actor.id +
                        " does not have the expected shape");
      }
      pieces[m] = text.substr(from, at - from);
      from = at + marker.size();
    }
    pieces[4] = text.substr(from);
    Entry e;
    e.lon = view.location->lon;
    e.lat = view.location->lat;
    e.rid = rid;
    const std::string name = DumpBody(json(view.name));
    e.text = part_->arena.Add({sort_name, view.id, name});
    e.sort_len = static_cast<uint32_t>(sort_name.size());
    e.id_len = static_cast<uint32_t>(view.id.size());
    e.name_len = static_cast<uint32_t>(name.size());
    e.shape = Intern({pieces[0], pieces[1], pieces[2], pieces[3], pieces[4]});
    part_->entries.push_back(e);
    return Status::Ok();
  }

  void AddFrom(const BoxIndex::Part& from, uint32_t i) {
    Entry e = from.entries[i];
    e.text = part_->arena.Add({from.SortName(i), from.Id(i), from.NameJson(i)});
    const Shape& shape = from.shapes[from.entries[i].shape];
    std::array<std::string_view, 5> pieces;
    for (size_t k = 0; k < pieces.size(); ++k) pieces[k] = from.Piece(shape, k);
    e.shape = Intern(pieces);
    part_->entries.push_back(e);
  }

  size_t size() const { return part_->entries.size(); }

  std::shared_ptr<const BoxIndex::Part> Finish(bool with_levels) {
    BoxIndex::Part& p = *part_;
    std::vector<uint32_t> order(p.entries.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      int c = p.SortName(a).compare(p.SortName(b));
      return c < 0 || (c == 0 && p.Id(a) < p.Id(b));
    });
    LargeVector<Entry> sorted;
    sorted.reserve(order.size());
    for (uint32_t i : order) sorted.push_back(p.entries[i]);
    p.entries = std::move(sorted);
    p.by_rid.reserve(p.entries.size());
    for (uint32_t i = 0; i < p.entries.size(); ++i) p.by_rid.emplace_back(p.entries[i].rid, i);
    std::sort(p.by_rid.begin(), p.by_rid.end());
    if (with_levels) {
      std::vector<std::pair<uint32_t, uint32_t>> cells(p.entries.size());  // (code, rank)
      for (int k : kLevels) {
        Level level;
        level.k = k;
        for (uint32_t i = 0; i < p.entries.size(); ++i) {
          const Entry& e = p.entries[i];
          cells[i] = {
              static_cast<uint32_t>(CellY(e.lat, k)) << k | static_cast<uint32_t>(CellX(e.lon, k)),
              i};
        }
        std::sort(cells.begin(), cells.end());
        level.points.reserve(cells.size());
        for (size_t j = 0; j < cells.size(); ++j) {
          if (j == 0 || cells[j].first != cells[j - 1].first) {
            level.codes.push_back(cells[j].first);
            level.starts.push_back(static_cast<uint32_t>(j));
          }
          const Entry& e = p.entries[cells[j].second];
          level.points.push_back(
              {cells[j].second, static_cast<float>(e.lon), static_cast<float>(e.lat)});
        }
        level.starts.push_back(static_cast<uint32_t>(cells.size()));
        level.codes.shrink_to_fit();
        level.starts.shrink_to_fit();
        p.levels.push_back(std::move(level));
      }
    }
    shape_ids_.clear();
    return std::move(part_);
  }

 private:
  uint32_t Intern(const std::array<std::string_view, 5>& pieces) {
    key_.clear();
    for (std::string_view piece : pieces) {
      key_ += piece;
      key_ += '\0';
    }
    auto [it, added] = shape_ids_.emplace(key_, static_cast<uint32_t>(0));
    if (added) {
      it->second = static_cast<uint32_t>(part_->shapes.size());
      Shape shape;
      uint32_t at = 0;
      for (size_t k = 0; k < pieces.size(); ++k) {
        shape.cut[k] = at;
        at += static_cast<uint32_t>(pieces[k].size());
      }
      shape.cut[5] = at;
      shape.text = part_->arena.Add({pieces[0], pieces[1], pieces[2], pieces[3], pieces[4]});
      part_->shapes.push_back(shape);
    }
    return it->second;
  }

  std::shared_ptr<BoxIndex::Part> part_;
  std::unordered_map<std::string, uint32_t> shape_ids_;
  std::string key_;
};

// Up to `want` ranks of live main entries inside `box` from rank `first` on, in rank order.
std::vector<uint32_t> MainHits(const BoxIndex::Part& p, const std::vector<bool>& dead,
                               const store::BBox& box, uint32_t first, size_t want) {
  std::vector<uint32_t> hits;
  if (p.entries.empty() || p.levels.empty()) return hits;
  const Level* level = &p.levels.front();
  for (auto it = p.levels.rbegin(); it != p.levels.rend(); ++it) {
    const int k = it->k;
    const long long cells =
        static_cast<long long>(CellX(box.max_lon, k) - CellX(box.min_lon, k) + 1) *
        (CellY(box.max_lat, k) - CellY(box.min_lat, k) + 1);
    if (cells <= kMaxCells) {
      level = &*it;
      break;
    }
  }
  const int k = level->k;
  struct Run {
    const Point* at;
    const Point* end;
    bool inside;
  };
  std::vector<Run> runs;
  const int x0 = CellX(box.min_lon, k), x1 = CellX(box.max_lon, k);
  for (int y = CellY(box.min_lat, k); y <= CellY(box.max_lat, k); ++y) {
    const uint32_t lo = static_cast<uint32_t>(y) << k | static_cast<uint32_t>(x0);
    const uint32_t hi = static_cast<uint32_t>(y) << k | static_cast<uint32_t>(x1);
    auto c = std::lower_bound(level->codes.begin(), level->codes.end(), lo);
    for (; c != level->codes.end() && *c <= hi; ++c) {
      const size_t cell = static_cast<size_t>(c - level->codes.begin());
      const Point* begin = level->points.data() + level->starts[cell];
      const Point* end = level->points.data() + level->starts[cell + 1];
      begin = std::lower_bound(begin, end, first,
                               [](const Point& pt, uint32_t r) { return pt.rank < r; });
      if (begin == end) continue;
      const int x = static_cast<int>(*c & ((1u << k) - 1));
      runs.push_back({begin, end, CellInside(box, x, y, k)});
    }
  }
  auto later = [&](size_t a, size_t b) { return runs[a].at->rank > runs[b].at->rank; };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  for (size_t i = 0; i < runs.size(); ++i) heap.push(i);
  const FloatBox fbox(box);
  while (!heap.empty() && hits.size() < want) {
    const size_t r = heap.top();
    heap.pop();
    const Point& pt = *runs[r].at;
    if (!dead[pt.rank]) {
      bool in = runs[r].inside;
      if (!in) {
        int t = fbox.Test(pt.lon, pt.lat);
        in = t == 1 || (t == -1 && Inside(box, p.entries[pt.rank].lon, p.entries[pt.rank].lat));
      }
      if (in) hits.push_back(pt.rank);
    }
    if (++runs[r].at != runs[r].end) heap.push(r);
  }
  return hits;
}

std::vector<uint32_t> DeltaHits(const BoxIndex::Part& p, const store::BBox& box, uint32_t first,
                                size_t want) {
  std::vector<uint32_t> hits;
  for (uint32_t i = first; i < p.entries.size() && hits.size() < want; ++i) {
    if (Inside(box, p.entries[i].lon, p.entries[i].lat)) hits.push_back(i);
  }
  return hits;
}

}  // namespace

BoxIndex::BoxIndex(OpenStore open, Options options)
    : open_(std::move(open)), options_(std::move(options)) {}

BoxIndex::~BoxIndex() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  refreshed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BoxIndex::Start() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    wanted_ = true;
  }
  thread_ = std::thread([this] { Run(); });
}

void BoxIndex::Run() {
  std::unique_ptr<store::Store> store;
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || wanted_; });
    if (stopping_) return;
    wanted_ = false;
    lock.unlock();
    Status s = Status::Ok();
    if (!store) {
      auto opened = open_();
      if (opened.ok()) {
        store = std::move(*opened);
      } else {
        s = opened.status();
      }
    }
    if (store) s = Refresh(*store);
    if (!s.ok()) {
      store.reset();  // a new connection for the next attempt
      if (options_.log && !Stopping()) {
        options_.log("box index: refresh failed: " + s.ToString());
      }
    }
    lock.lock();
    if (stopping_) return;
    if (!s.ok()) {
      // Try again in a second (the database answers meanwhile).
      wake_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_; });
      wanted_ = true;
    }
  }
}

bool BoxIndex::Stopping() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stopping_;
}

Status BoxIndex::RefreshNow() {
  auto store = open_();
  if (!store.ok()) return store.status();
  return Refresh(**store);
}

Status BoxIndex::Refresh(store::Store& store) {
  std::lock_guard<std::mutex> refreshing(refresh_mu_);
  const auto started = std::chrono::steady_clock::now();
  std::shared_ptr<const Snapshot> old;
  {
    std::lock_guard<std::mutex> lock(mu_);
    old = snapshot_;
  }
  // The generation first: changes committed meanwhile are read too and read again next time.
  auto generation = store.Generation();
  if (!generation.ok()) return generation.status();
  if (old && old->generation == *generation) return Status::Ok();
  const long long since = old ? old->generation : -1;
  std::vector<bool> dead = old ? *old->dead : std::vector<bool>();
  size_t dead_count = old ? old->dead_count : 0;
  std::unordered_set<int64_t> changed;
  PartBuilder builder;
  Status s = store.ActorChanges(since, [&](store::ActorChange&& c) -> Status {
    if (Stopping()) return Status(StatusCode::kUnavailable, "the server is stopping");
    if (old) {
      changed.insert(c.rid);
      if (auto rank = old->main->RankOf(c.rid); rank && !dead[*rank]) {
        dead[*rank] = true;
        ++dead_count;
      }
    }
    if (c.located) return builder.Add(c.rid, c.sort_name, *c.located);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (old) {
    for (uint32_t i = 0; i < old->delta->entries.size(); ++i) {
      if (!changed.count(old->delta->entries[i].rid)) builder.AddFrom(*old->delta, i);
    }
  }
  auto next = std::make_shared<Snapshot>();
  next->generation = *generation;
  bool merged = false;
  if (!old || builder.size() > options_.max_delta) {
    if (old) {
      for (uint32_t i = 0; i < old->main->entries.size(); ++i) {
        if (!dead[i]) builder.AddFrom(*old->main, i);
      }
    }
    next->main = builder.Finish(true);
    next->dead = std::make_shared<const std::vector<bool>>(next->main->entries.size(), false);
    next->delta = PartBuilder().Finish(false);
    merged = true;
  } else {
    next->main = old->main;
    next->dead = std::make_shared<const std::vector<bool>>(std::move(dead));
    next->dead_count = dead_count;
    next->delta = builder.Finish(false);
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    snapshot_ = next;
    refreshed_.notify_all();
  }
  if (merged && options_.log) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char line[200];
    std::snprintf(line, sizeof line,
                  "box index: %zu located actors at generation %lld, %.1f MB, built in %.1f s",
                  next->main->entries.size(), next->generation,
                  static_cast<double>(next->main->Bytes()) / (1 << 20), secs);
    options_.log(line);
  }
  return Status::Ok();
}

std::optional<std::string> BoxIndex::Listing(const store::BBox& box, int limit,
                                             const std::string& cursor, long long generation,
                                             std::chrono::milliseconds wait) {
  std::shared_ptr<const Snapshot> snap;
  {
    std::unique_lock<std::mutex> lock(mu_);
    auto current = [&] { return snapshot_ && snapshot_->generation >= generation; };
    if (!current()) {
      wanted_ = true;
      wake_.notify_one();
      if (wait.count() <= 0 ||
          !refreshed_.wait_for(lock, wait, [&] { return stopping_ || current(); }) || stopping_) {
        return std::nullopt;
      }
    }
    snap = snapshot_;
  }
  if (limit < 1) return std::nullopt;
  const Part& main = *snap->main;
  const Part& delta = *snap->delta;
  uint32_t main_first = 0, delta_first = 0;
  if (!cursor.empty()) {
    std::string raw;
    auto parts =
        Base64UrlDecode(cursor, &raw) ? Split(raw, kCursorSep) : std::vector<std::string>{};
    if (parts.size() != 3 || parts[0] != "n") return std::nullopt;
    main_first = main.After(parts[1], parts[2]);
    delta_first = delta.After(parts[1], parts[2]);
  }
  const size_t want = static_cast<size_t>(limit) + 1;
  std::vector<uint32_t> from_main = MainHits(main, *snap->dead, box, main_first, want);
  std::vector<uint32_t> from_delta = DeltaHits(delta, box, delta_first, want);
  // Merge the two by (sort name, id).
  std::vector<std::pair<const Part*, uint32_t>> page;
  size_t a = 0, b = 0;
  while (page.size() < want && (a < from_main.size() || b < from_delta.size())) {
    bool take_main = b == from_delta.size();
    if (!take_main && a < from_main.size()) {
      int c = main.SortName(from_main[a]).compare(delta.SortName(from_delta[b]));
      take_main = c < 0 || (c == 0 && main.Id(from_main[a]) < delta.Id(from_delta[b]));
    }
    if (take_main) {
      page.emplace_back(&main, from_main[a++]);
    } else {
      page.emplace_back(&delta, from_delta[b++]);
    }
  }
  const bool more = page.size() > static_cast<size_t>(limit);
  if (more) page.resize(static_cast<size_t>(limit));
  for (const auto& [part, i] : page) part->Prefetch(i, 0);
  for (const auto& [part, i] : page) part->Prefetch(i, 1);
  std::string out = "{\"items\":[";
  out.reserve(256 * page.size() + 64);
  for (size_t i = 0; i < page.size(); ++i) {
    if (i) out += ',';
    page[i].first->AppendSummary(&out, page[i].second);
  }
  out += "],\"next_cursor\":";
  if (more) {
    const auto& [part, i] = page.back();
    out += '"';
    out += Base64UrlEncode("n" + std::string(1, kCursorSep) + std::string(part->SortName(i)) +
                           std::string(1, kCursorSep) + std::string(part->Id(i)));
    out += '"';
  } else {
    out += "null";
  }
  out += '}';
  return out;
}

BoxIndex::Stats BoxIndex::stats() const {
  std::shared_ptr<const Snapshot> snap;
  {
    std::lock_guard<std::mutex> lock(mu_);
    snap = snapshot_;
  }
  Stats st;
  if (!snap) return st;
  st.generation = snap->generation;
  st.main_entries = snap->main->entries.size();
  st.delta_entries = snap->delta->entries.size();
  st.dead_entries = snap->dead_count;
  st.bytes = snap->main->Bytes() + snap->delta->Bytes() + snap->dead->size() / 8;
  return st;
}

}  // namespace ecosol::http
