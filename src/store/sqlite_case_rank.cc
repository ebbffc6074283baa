#include "sqlite_case_rank.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

namespace ecosol::store {
namespace {

// What a query's rows share: the IDF of each phrase and the average row length, worked out on
// the first row (as FTS5's bm25 does) and kept as the query's auxiliary data.
struct QueryData {
  std::vector<double> idf;
  double avgdl = 1;
  std::vector<double> weights;  // per column
  std::vector<double> freq;     // per row, reused
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

int QueryDataOf(const Fts5ExtensionApi* api, Fts5Context* fts, const CaseRankContext& context,
                int nval, sqlite3_value** vals, QueryData** out) {
  auto* data = static_cast<QueryData*>(api->xGetAuxdata(fts, 0));
  if (data) {
    *out = data;
    return SQLITE_OK;
  }
  auto fresh = std::make_unique<QueryData>();
  int phrases = api->xPhraseCount(fts);
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  fresh->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
  for (int i = 0; i < phrases; ++i) {
    sqlite3_int64 hits = 0;
    if (context.doc_counts.size() == static_cast<size_t>(phrases)) {
      hits = context.doc_counts[static_cast<size_t>(i)];
    } else {
      rc = api->xQueryPhrase(fts, i, &hits, CountRow);
      if (rc != SQLITE_OK) return rc;
    }
    double idf =
        std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    fresh->idf.push_back(idf <= 0 ? 1e-6 : idf);
  }
  fresh->freq.assign(static_cast<size_t>(phrases), 0);
  for (int c = 0; c < api->xColumnCount(fts); ++c) {
    fresh->weights.push_back(c < nval ? sqlite3_value_double(vals[c]) : 1.0);
  }
  rc = api->xSetAuxdata(fts, fresh.get(), [](void* p) { delete static_cast<QueryData*>(p); });
  if (rc != SQLITE_OK) return rc;  // SQLite has already deleted it
  *out = fresh.release();
  return SQLITE_OK;
}

// The weights are read once per query, as the arguments of a query's first row.
void CaseRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nval,
              sqlite3_value** vals) {
  constexpr double kK1 = 1.2;
  constexpr double kB = 0.75;
  const auto* context = static_cast<const CaseRankContext*>(api->xUserData(fts));
  QueryData* data = nullptr;
  int rc = QueryDataOf(api, fts, *context, nval, vals, &data);
  if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
  std::fill(data->freq.begin(), data->freq.end(), 0.0);
  if (context->by_column) {
    for (size_t phrase = 0; phrase < data->freq.size(); ++phrase) {
      Fts5PhraseIter it;
      int column = -1;
      rc = api->xPhraseFirstColumn(fts, static_cast<int>(phrase), &it, &column);
      if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
      for (; column >= 0; api->xPhraseNextColumn(fts, &it, &column)) {
        if (static_cast<size_t>(column) < data->weights.size()) {
          data->freq[phrase] += data->weights[static_cast<size_t>(column)];
        }
      }
    }
  } else {
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
    for (int i = 0; i < instances; ++i) {
      int phrase = 0;
      int column = 0;
      int offset = 0;
      rc = api->xInst(fts, i, &phrase, &column, &offset);
      if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
      data->freq[static_cast<size_t>(phrase)] += data->weights[static_cast<size_t>(column)];
    }
  }
  sqlite3_int64 rowid = api->xRowid(fts);
  uint32_t known = 0;
  if (rowid >= 0 && static_cast<uint64_t>(rowid) < context->by_rowid.size()) {
    known = context->by_rowid[static_cast<size_t>(rowid)];
  }
  double length = known;
  if (known == 0) {  // a row written since the lengths were read
    int tokens = 0;
    rc = api->xColumnSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
    length = tokens;
  }
  double score = 0;
  for (size_t i = 0; i < data->freq.size(); ++i) {
    double f = data->freq[i];
    score += data->idf[i] * (f * (kK1 + 1)) / (f + kK1 * (1 - kB + kB * length / data->avgdl));
  }
  sqlite3_result_double(ctx, -score);
}

uint64_t GetVarint(std::string_view blob, size_t* pos, bool* ok) {
  // SQLite's varint: big-endian groups of 7 bits, the high bit set on all but the last byte;
  // a ninth byte gives 8 bits.
  uint64_t v = 0;
  for (int i = 0; i < 9; ++i) {
    if (*pos >= blob.size()) {
      *ok = false;
      return 0;
    }
    auto byte = static_cast<unsigned char>(blob[(*pos)++]);
    if (i == 8) return (v << 8) | byte;
    v = (v << 7) | (byte & 0x7f);
    if (!(byte & 0x80)) return v;
  }
  return v;
}

}  // namespace

Result<CaseRankContext*> RegisterCaseRank(sqlite3* db, const char* name) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    rc = sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (!api) {
    return Internal(std::string("SQLite has no FTS5 extension API: ") + sqlite3_errmsg(db));
  }
  auto context = std::make_unique<CaseRankContext>();
  rc = api->xCreateFunction(api, name, context.get(), CaseRank,
                            [](void* p) { delete static_cast<CaseRankContext*>(p); });
  if (rc != SQLITE_OK) {
    return Internal(std::string("cannot register ") + name + ": " + sqlite3_errstr(rc));
  }
  return context.release();
}

std::vector<std::string> MatchPhrases(std::string_view match) {
  std::vector<std::string> phrases;
  size_t i = 0;
  while ((i = match.find('"', i)) != std::string_view::npos) {
    size_t end = i + 1;
    while (true) {  // "" inside a phrase is a quote
      end = match.find('"', end);
      if (end == std::string_view::npos) return phrases;
      if (end + 1 < match.size() && match[end + 1] == '"') {
        end += 2;
        continue;
      }
      break;
    }
    size_t stop = end + 1;
    if (stop < match.size() && match[stop] == '*') ++stop;
    phrases.emplace_back(match.substr(i, stop - i));
    i = stop;
  }
  return phrases;
}

std::optional<uint32_t> DocsizeTotal(std::string_view blob) {
  size_t pos = 0;
  bool ok = true;
  uint64_t total = 0;
  while (pos < blob.size()) {
    total += GetVarint(blob, &pos, &ok);
    if (!ok || total > UINT32_MAX) return std::nullopt;
  }
  return static_cast<uint32_t>(total);
}

}  // namespace ecosol::store
