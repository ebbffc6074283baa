#include "sqlite_rtree_load.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>

#include "db_names.h"

namespace ecosol::store {
namespace {

// A cell as the R*Tree stores it: an id (an entry's, or a child node's) and a box of floats.
struct Cell {
  long long id;
  float min_x, max_x, min_y, max_y;
};

// Rounded towards minus and plus infinity, as SQLite stores a box's bounds: the stored box
// always holds the given one.
float Down(double v) {
  float f = static_cast<float>(v);
  return static_cast<double>(f) > v ? std::nextafter(f, -std::numeric_limits<float>::infinity())
                                    : f;
}
float Up(double v) {
  float f = static_cast<float>(v);
  return static_cast<double>(f) < v ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

double CenterX(const Cell& c) { return (static_cast<double>(c.min_x) + c.max_x) / 2; }
double CenterY(const Cell& c) { return (static_cast<double>(c.min_y) + c.max_y) / 2; }

// Orders `cells` by Sort-Tile-Recursive and cuts them into nodes of at most `capacity` cells:
// returns each node's [begin, end) in `cells`. Within a slice the cells are shared evenly
// between its nodes, so that no node is left with a handful.
std::vector<std::pair<size_t, size_t>> Pack(std::vector<Cell>* cells, size_t capacity) {
  const size_t n = cells->size();
  const size_t nodes = (n + capacity - 1) / capacity;
  const auto slices = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
  const size_t per_slice = slices * capacity;
  auto by_x = [](const Cell& a, const Cell& b) {
    return CenterX(a) < CenterX(b) || (CenterX(a) == CenterX(b) && a.id < b.id);
  };
  auto by_y = [](const Cell& a, const Cell& b) {
    return CenterY(a) < CenterY(b) || (CenterY(a) == CenterY(b) && a.id < b.id);
  };
  std::sort(cells->begin(), cells->end(), by_x);
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t begin = 0; begin < n; begin += per_slice) {
    const size_t end = std::min(n, begin + per_slice);
    std::sort(cells->begin() + static_cast<std::ptrdiff_t>(begin),
              cells->begin() + static_cast<std::ptrdiff_t>(end), by_y);
    const size_t m = end - begin;
    const size_t k = (m + capacity - 1) / capacity;
    for (size_t i = 0; i < k; ++i) {
      out.emplace_back(begin + m * i / k, begin + m * (i + 1) / k);
    }
  }
  return out;
}

void PutBigEndian(unsigned char* p, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) {
    p[i] = static_cast<unsigned char>(v & 0xff);
    v >>= 8;
  }
}

void PutFloat(unsigned char* p, float f) {
  uint32_t bits = 0;
  std::memcpy(&bits, &f, sizeof bits);
  PutBigEndian(p, bits, 4);
}

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

class Writer {
 public:
  Writer(sqlite3* db, std::string table) : db_(db), table_(std::move(table)) {}

  Status Failed(const std::string& what) const {
    return Unavailable("building the spatial index " + table_ + " (" + what +
                       "): " + sqlite3_errmsg(db_));
  }

  Result<Statement> Prepare(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      return Failed(sql);
    }
    return Statement(st, &sqlite3_finalize);
  }

  Status Exec(const std::string& sql) const {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK ? Status::Ok()
                                                                                  : Failed(sql);
  }

  // Inserts the pairs of integers of `rows` with `sql` (two parameters).
  Status InsertPairs(const std::string& sql,
                     const std::vector<std::pair<long long, long long>>& rows) const {
    auto st = Prepare(sql);
    if (!st.ok()) return st.status();
    for (const auto& [a, b] : rows) {
      sqlite3_bind_int64(st->get(), 1, a);
      sqlite3_bind_int64(st->get(), 2, b);
      if (sqlite3_step(st->get()) != SQLITE_DONE) return Failed(sql);
      sqlite3_reset(st->get());
    }
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  std::string table_;
};

}  // namespace

Status BulkLoadRtree(sqlite3* db, const std::string& table, std::vector<RtreeEntry>* entries) {
  Writer w(db, table);
  const std::string node_table = QuoteIdent(table + "_node");
  const std::string rowid_table = QuoteIdent(table + "_rowid");
  const std::string parent_table = QuoteIdent(table + "_parent");

  // The node size is the length of the root's blob (as SQLite reads it when it opens the
  // table); each cell takes 8 bytes of id and 4 of each of the 4 bounds, after a 4-byte header.
  long long node_size = 0;
  {
    auto st = w.Prepare("SELECT length(data) FROM " + node_table + " WHERE nodeno = 1");
    if (!st.ok()) return st.status();
    if (sqlite3_step(st->get()) != SQLITE_ROW) {
      return Internal("the spatial index " + table + " has no root node: the schema is damaged");
    }
    node_size = sqlite3_column_int64(st->get(), 0);
  }
  constexpr long long kCellBytes = 8 + 4 * 4;
  const long long capacity = (node_size - 4) / kCellBytes;
  if (capacity < 4) {
    return Internal("the spatial index " + table + " has nodes of " + std::to_string(node_size) +
                    " bytes: the schema is damaged");
  }

  {
    std::vector<long long> ids;
    ids.reserve(entries->size());
    for (const RtreeEntry& e : *entries) ids.push_back(e.id);
    std::sort(ids.begin(), ids.end());
    auto twice = std::adjacent_find(ids.begin(), ids.end());
    if (twice != ids.end()) {
      return Internal("the spatial index " + table + ": the id " + std::to_string(*twice) +
                      " was given twice");
    }
  }

  // Level 0 holds the entries; each level above holds one cell per node of the level below
  // (its id: the node's index in that level, until the nodes are numbered).
  std::vector<std::vector<Cell>> levels(1);
  levels[0].reserve(entries->size());
  for (const RtreeEntry& e : *entries) {
    levels[0].push_back(Cell{e.id, Down(e.min_x), Up(e.max_x), Down(e.min_y), Up(e.max_y)});
  }
  entries->clear();
  std::vector<std::vector<std::pair<size_t, size_t>>> nodes;  // per level, each node's cells
  for (;;) {
    std::vector<Cell>& cells = levels.back();
    nodes.push_back(cells.empty() ? std::vector<std::pair<size_t, size_t>>{{0, 0}}
                                  : Pack(&cells, static_cast<size_t>(capacity)));
    if (nodes.back().size() == 1) break;
    std::vector<Cell> up;
    up.reserve(nodes.back().size());
    for (size_t j = 0; j < nodes.back().size(); ++j) {
      const auto [begin, end] = nodes.back()[j];
      Cell c{static_cast<long long>(j), cells[begin].min_x, cells[begin].max_x, cells[begin].min_y,
             cells[begin].max_y};
      for (size_t i = begin + 1; i < end; ++i) {
        c.min_x = std::min(c.min_x, cells[i].min_x);
        c.max_x = std::max(c.max_x, cells[i].max_x);
        c.min_y = std::min(c.min_y, cells[i].min_y);
        c.max_y = std::max(c.max_y, cells[i].max_y);
      }
      up.push_back(c);
    }
    levels.push_back(std::move(up));
  }
  const size_t top = levels.size() - 1;  // the root's level: the tree's depth

  // Node numbers: the root is 1 (where SQLite looks for it), then level by level downwards.
  std::vector<std::vector<long long>> number(levels.size());
  long long next = 1;
  for (size_t l = top + 1; l-- > 0;) {
    number[l].resize(nodes[l].size());
    for (long long& n : number[l]) n = next++;
  }

  ECOSOL_RETURN_IF_ERROR(w.Exec("DELETE FROM " + node_table));
  ECOSOL_RETURN_IF_ERROR(w.Exec("DELETE FROM " + rowid_table));
  ECOSOL_RETURN_IF_ERROR(w.Exec("DELETE FROM " + parent_table));

  const std::string insert_node = "INSERT INTO " + node_table + " (nodeno, data) VALUES (?, ?)";
  auto st = w.Prepare(insert_node);
  if (!st.ok()) return st.status();
  std::vector<unsigned char> blob(static_cast<size_t>(node_size));
  std::vector<std::pair<long long, long long>> parents, leaf_of;
  leaf_of.reserve(levels[0].size());
  for (size_t l = top + 1; l-- > 0;) {
    for (size_t j = 0; j < nodes[l].size(); ++j) {
      const auto [begin, end] = nodes[l][j];
      std::fill(blob.begin(), blob.end(), 0);
      PutBigEndian(blob.data(), l == top ? top : 0, 2);
      PutBigEndian(blob.data() + 2, end - begin, 2);
      unsigned char* p = blob.data() + 4;
      for (size_t i = begin; i < end; ++i, p += kCellBytes) {
        const Cell& c = levels[l][i];
        long long id = c.id;
        if (l > 0) {
          id = number[l - 1][static_cast<size_t>(c.id)];
          parents.emplace_back(id, number[l][j]);
        } else {
          leaf_of.emplace_back(c.id, number[l][j]);
        }
        PutBigEndian(p, static_cast<uint64_t>(id), 8);
        PutFloat(p + 8, c.min_x);
        PutFloat(p + 12, c.max_x);
        PutFloat(p + 16, c.min_y);
        PutFloat(p + 20, c.max_y);
      }
      sqlite3_bind_int64(st->get(), 1, number[l][j]);
      sqlite3_bind_blob(st->get(), 2, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
      if (sqlite3_step(st->get()) != SQLITE_DONE) return w.Failed(insert_node);
      sqlite3_reset(st->get());
    }
  }
  // In key order: each row is appended to its table's B-tree.
  std::sort(parents.begin(), parents.end());
  std::sort(leaf_of.begin(), leaf_of.end());
  ECOSOL_RETURN_IF_ERROR(w.InsertPairs(
      "INSERT INTO " + parent_table + " (nodeno, parentnode) VALUES (?, ?)", parents));
  return w.InsertPairs("INSERT INTO " + rowid_table + " (rowid, nodeno) VALUES (?, ?)", leaf_of);
}

}  // namespace ecosol::store
