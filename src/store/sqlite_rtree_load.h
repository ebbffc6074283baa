#pragma once

// Private to the store module: a bulk load of a two-dimensional SQLite R*Tree.
//
// SQLite builds an R*Tree one INSERT at a time (choosing a leaf, splitting, reinserting), which
// took 13 to 15 s for the 959,903 located actors of a 1,000,000-row import, a fifth of it. SQLite
// has no bulk load for its R*Tree, so this writes the tree into the table's three shadow tables
// itself, packed by Sort-Tile-Recursive (Leutenegger, Lopez and Edgington, 1997): entries sorted
// into vertical slices by x, each slice by y, cut into nodes filled evenly; the same again one
// level up until one node is left, the root. The format is SQLite's R*Tree file format, described
// in the comments of SQLite's rtree.c and kept compatible like SQLite's other file formats: per
// node a blob of the table's node size holding the depth (root only), the cell count and the cells
// (an 8-byte id and four 4-byte floats, big-endian); %_rowid maps each entry to its leaf and
// %_parent each node but the root to its parent. SQLite's `rtreecheck()` verifies the result in the
// tests. Written by hand because no packaged library writes SQLite's R*Tree.

#include <sqlite3.h>

#include <string>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::store {

// One entry of a two-dimensional R*Tree created as `USING rtree(id, min_x, max_x, min_y, max_y)`.
struct RtreeEntry {
  long long id = 0;
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
};

// Replaces the whole content of `table` (a two-dimensional R*Tree without auxiliary columns) by
// `entries`, whose ids must be distinct. Coordinates are stored as SQLite stores them, rounded
// outwards to single precision. Runs on `db` within the caller's transaction: on an error the
// caller rolls back. The entries are reordered.
Status BulkLoadRtree(sqlite3* db, const std::string& table, std::vector<RtreeEntry>* entries);

}  // namespace ecosol::store
