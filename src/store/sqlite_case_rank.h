#pragma once

// Private to the store module: the rank of a case in a full-text search of case_fts, and of an
// actor in one of actors_fts (SQLite).
//
// It is FTS5's own bm25 (same k1 = 1.2, b = 0.75, IDF and per-column weights), written as an
// FTS5 auxiliary function so that the length of each row comes from memory. FTS5's bm25 asks
// the case_fts_docsize table for it with one SQL statement per matching row, which was most of
// the time of a search matching tens of thousands of cases (perf: VDBE, B-tree seeks).

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::store {

// What ecosol_case_rank reads besides FTS5's own data. Owned by the database connection.
struct CaseRankContext {
  // The token count of each case_fts row (all columns), by rowid; 0 when not known, and the
  // function then asks FTS5 as bm25 does.
  std::vector<uint32_t> by_rowid;
  // For the next query, when set by the caller: the number of rows matching each of its phrases
  // (in the order they appear in the MATCH expression), which bm25 otherwise counts with one
  // pass over each phrase's rows. Used only when there is one count per phrase.
  std::vector<long long> doc_counts;
  // Whether a phrase's frequency in a row is the sum of the weights of the columns it appears
  // in, each once (xPhraseFirstColumn), instead of once per instance (xInst). Set for an FTS5
  // table made with detail=column, which records no positions: there xInst would tokenize each
  // matching row's text again to find them.
  bool by_column = false;
};

// Registers `name(fts_table, weight_0, weight_1, ...)` on `db` ("ecosol_case_rank" over
// case_fts, "ecosol_actor_rank" over actors_fts): bm25 with the given column weights (1 for
// columns without one), negated like FTS5's (lower is better). Returns the context it reads,
// which the caller fills and keeps up to date; it lives as long as `db`.
Result<CaseRankContext*> RegisterCaseRank(sqlite3* db, const char* name = "ecosol_case_rank");

// The phrases of an FTS5 MATCH expression as written by the store (quoted strings, a prefix
// phrase followed by *), in order, each as a query of its own ("water", "wat"*).
std::vector<std::string> MatchPhrases(std::string_view match);

// The total token count of a row from its case_fts_docsize blob (one SQLite varint per column),
// or nullopt when the blob is not well formed.
std::optional<uint32_t> DocsizeTotal(std::string_view blob);

}  // namespace ecosol::store
