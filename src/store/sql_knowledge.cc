// The knowledge commons (migration 13): cases, their versions and review trail, the search index
// with facets, transfers and watches, implemented once for both SQL backends. The backends differ
// only in the full-text index of case_index rows (SqlStore::IndexCaseText and CaseMatchFrom).

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "ecosol/base/strings.h"
#include "ecosol/text/search_text.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

long long Int(const SqlRow& row, size_t i) {
  long long v = 0;
  ParseInt64(Text(row, i), &v);
  return v;
}

bool KnownStatus(const std::string& s) {
  return s == "draft" || s == "in_review" || s == "published" || s == "withdrawn";
}

// A last query word found as it is in this many cases or more is not also a prefix.
constexpr long long kWholeWordRows = 50;

// The `limit` most frequent values, ties in value order.
std::vector<FacetCount> MostFrequent(std::vector<FacetCount> list, int limit) {
  std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (list.size() > static_cast<size_t>(limit)) list.resize(static_cast<size_t>(limit));
  return list;
}

constexpr char kVersionColumns[] =
    "SELECT case_id, version, created_at, who, change, doc FROM case_versions";

CaseVersionRecord VersionFromRow(const SqlRow& r) {
  return {Text(r, 0), Int(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5)};
}

constexpr char kTransferColumns[] =
    "SELECT id, version, origin_case, case_id, outcome, created_at, who, doc, deleted "
    "FROM case_transfers";

TransferRecord TransferFromRow(const SqlRow& r) {
  return {Text(r, 0), Int(r, 1),  Text(r, 2), Text(r, 3),    Text(r, 4),
          Text(r, 5), Text(r, 6), Text(r, 7), Int(r, 8) != 0};
}

constexpr char kWatchColumns[] =
    "SELECT id, owner, name, query, created_at, deleted FROM case_watches";

WatchRecord WatchFromRow(const SqlRow& r) {
  return {Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Int(r, 5) != 0};
}

void Add(SqlFragment* to, const std::string& sql, const std::vector<SqlValue>& params = {}) {
  to->sql += sql;
  to->params.insert(to->params.end(), params.begin(), params.end());
}

// "?, ?, ?" for n values.
std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

// --- cases and their index -----------------------------------------------------------------------

Status SqlStore::PutCase(CaseVersionRecord* v, const CaseIndexData& index, long long expected_head,
                         const std::string& status) {
  if (v->case_id.empty()) return InvalidArgument("case: no id");
  if (status != "draft" && status != "in_review" && status != "published") {
    return InvalidArgument("case '" + v->case_id + "': a new version cannot be '" + status + "'");
  }
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT head_version, published_version, created_at FROM cases WHERE id = ?",
                    {v->case_id}, &rows));
    long long head = rows.empty() ? 0 : Int(rows[0], 0);
    long long published = rows.empty() ? 0 : Int(rows[0], 1);
    if (expected_head == 0 && head > 0) {
      return Conflict("case '" + v->case_id + "' exists already (version " + std::to_string(head) +
                      ")");
    }
    if (expected_head > 0 && head != expected_head) {
      return Conflict("case '" + v->case_id + "' is at version " + std::to_string(head) + ", not " +
                      std::to_string(expected_head) +
                      ": someone changed it since; reload it and apply your change again");
    }
    v->version = head + 1;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("INSERT INTO case_versions (case_id, version, created_at, who, change, doc) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    {v->case_id, v->version, v->created_at, v->who, v->change, v->doc}));
    bool publish = status == "published";
    if (head == 0) {
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("INSERT INTO cases (id, head_version, published_version, status, created_at, "
                      "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                      {v->case_id, v->version, publish ? v->version : 0LL, status, v->created_at,
                       v->created_at}));
    } else {
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "UPDATE cases SET head_version = ?, published_version = ?, status = ?, updated_at = ? "
          "WHERE id = ?",
          {v->version, publish ? v->version : published, status, v->created_at, v->case_id}));
      // The old head stays indexed only while it is the published version.
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "UPDATE case_index SET is_head = 0 WHERE case_id = ? AND is_head = 1", {v->case_id}));
      if (publish) {
        ECOSOL_RETURN_IF_ERROR(conn().Exec(
            "UPDATE case_index SET is_published = 0 WHERE case_id = ? AND is_published = 1",
            {v->case_id}));
      }
      ECOSOL_RETURN_IF_ERROR(DropUnusedCaseEntries(v->case_id));
    }
    auto rid = conn().InsertRow(
        "INSERT INTO case_index (case_id, version, is_head, is_published, title, sort_title, "
        "year, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)",
        {v->case_id, v->version, publish ? 1LL : 0LL, index.title, text::Fold(index.title),
         static_cast<long long>(index.year), v->created_at},
        "rid");
    if (!rid.ok()) return rid.status();
    if (!rid->has_value()) return Internal("case_index: the row was not inserted");
    long long r = **rid;
    std::set<std::pair<std::string, std::string>> facets(index.facets.begin(), index.facets.end());
    for (const auto& [facet, value] : facets) {
      if (facet.empty() || value.empty()) continue;
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO case_facets (rid, facet, value) VALUES (?, ?, ?)", {r, facet, value}));
    }
    ECOSOL_RETURN_IF_ERROR(CasesChanged());
    return IndexCaseText(r, index.title_forms, index.body_forms);
  });
}

Status SqlStore::CasesChanged() {
  return conn().Exec("UPDATE knowledge_state SET generation = generation + 1 WHERE id = 1", {});
}

Status SqlStore::RefreshCaseCache() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT generation FROM knowledge_state WHERE id = 1", {}, &rows));
  if (rows.empty()) return Internal("knowledge_state has no row: the schema is damaged");
  long long generation = Int(rows[0], 0);
  if (generation == case_cache_.generation) return Status::Ok();
  CaseIndexCache cache;
  // Inside a transaction the generation may be rolled back with what was read: such a cache is
  // used once and read again next time.
  cache.generation = transaction_depth_ > 0 ? -1 : generation;
  SqlRows entries;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT rid, case_id, is_head, is_published FROM case_index ORDER BY rid", {}, &entries));
  cache.rids.reserve(entries.size());
  cache.case_ids.reserve(entries.size());
  cache.flags.reserve(entries.size());
  for (SqlRow& r : entries) {
    cache.rids.push_back(Int(r, 0));
    cache.case_ids.push_back(std::move(r.at(1)).value_or(""));
    cache.flags.push_back(static_cast<uint8_t>((Int(r, 2) ? CaseIndexCache::kHead : 0) |
                                               (Int(r, 3) ? CaseIndexCache::kPublished : 0)));
  }
  entries = SqlRows();
  if (!cache.rids.empty() && cache.rids.back() >= 0 && cache.rids.size() < INT32_MAX) {
    cache.position.assign(static_cast<size_t>(cache.rids.back()) + 1, -1);
    for (size_t i = 0; i < cache.rids.size(); ++i) {
      if (cache.rids[i] >= 0)
        cache.position[static_cast<size_t>(cache.rids[i])] = static_cast<int32_t>(i);
    }
  }
  std::map<std::pair<std::string, std::string>, uint32_t> ids;
  SqlRows facets;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT rid, facet, value FROM case_facets ORDER BY rid", {}, &facets));
  cache.offsets.reserve(cache.rids.size() + 1);
  size_t next = 0;  // facets rows are read in rid order, with the entries
  for (size_t i = 0; i < cache.rids.size(); ++i) {
    cache.offsets.push_back(static_cast<uint32_t>(cache.values.size()));
    while (next < facets.size() && Int(facets[next], 0) < cache.rids[i]) ++next;  // orphans
    for (; next < facets.size() && Int(facets[next], 0) == cache.rids[i]; ++next) {
      auto key = std::make_pair(Text(facets[next], 1), Text(facets[next], 2));
      auto it = ids.find(key);
      if (it == ids.end()) {
        it = ids.emplace(key, static_cast<uint32_t>(cache.names.size())).first;
        cache.names.push_back(key);
      }
      cache.values.push_back(it->second);
    }
  }
  cache.offsets.push_back(static_cast<uint32_t>(cache.values.size()));
  ECOSOL_RETURN_IF_ERROR(RefreshCaseRankData());
  case_cache_ = std::move(cache);
  return Status::Ok();
}

// Deletes the index entries of a case that are neither its head nor its published version.
Status SqlStore::DropUnusedCaseEntries(const std::string& case_id) {
  SqlRows unused;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT rid FROM case_index WHERE case_id = ? AND is_head = 0 AND is_published = 0",
      {case_id}, &unused));
  for (const SqlRow& row : unused) {
    long long rid = Int(row, 0);
    ECOSOL_RETURN_IF_ERROR(UnindexCaseText(rid));
    ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM case_facets WHERE rid = ?", {rid}));
    ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM case_index WHERE rid = ?", {rid}));
  }
  return Status::Ok();
}

Status SqlStore::ReviewCase(CaseReviewRecord* review, const std::string& status) {
  if (!KnownStatus(status)) {
    return InvalidArgument("case review: unknown status '" + status + "'");
  }
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT head_version FROM cases WHERE id = ?", {review->case_id}, &rows));
    if (rows.empty()) return NotFound("case '" + review->case_id + "' not found");
    long long head = Int(rows[0], 0);
    if (review->version != head) {
      return Conflict("case '" + review->case_id + "': the review is of version " +
                      std::to_string(review->version) + " but the case is at version " +
                      std::to_string(head));
    }
    SqlRows n;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT COALESCE(MAX(n), 0) FROM case_reviews WHERE case_id = ?", {review->case_id}, &n));
    review->n = Int(n.at(0), 0) + 1;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("INSERT INTO case_reviews (case_id, n, action, version, who, at, comment) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    {review->case_id, review->n, review->action, review->version, review->who,
                     review->at, review->comment}));
    if (status == "published") {
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("UPDATE cases SET status = ?, published_version = head_version WHERE id = ?",
                      {status, review->case_id}));
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "UPDATE case_index SET is_published = CASE WHEN is_head = 1 THEN 1 ELSE 0 END "
          "WHERE case_id = ?",
          {review->case_id}));
    } else if (status == "withdrawn") {
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("UPDATE cases SET status = ?, published_version = 0 WHERE id = ?",
                      {status, review->case_id}));
      ECOSOL_RETURN_IF_ERROR(conn().Exec("UPDATE case_index SET is_published = 0 WHERE case_id = ?",
                                         {review->case_id}));
    } else {
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("UPDATE cases SET status = ? WHERE id = ?", {status, review->case_id}));
    }
    ECOSOL_RETURN_IF_ERROR(CasesChanged());
    return DropUnusedCaseEntries(review->case_id);
  });
}

Result<std::optional<CaseState>> SqlStore::GetCaseState(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT id, head_version, published_version, status, created_at, updated_at FROM cases "
      "WHERE id = ?",
      {id}, &rows));
  if (rows.empty()) return std::optional<CaseState>();
  const SqlRow& r = rows[0];
  return std::optional<CaseState>(
      CaseState{Text(r, 0), Int(r, 1), Int(r, 2), Text(r, 3), Text(r, 4), Text(r, 5)});
}

Result<std::optional<CaseVersionRecord>> SqlStore::GetCaseVersion(const std::string& id,
                                                                  long long version) {
  SqlRows rows;
  if (version > 0) {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        std::string(kVersionColumns) + " WHERE case_id = ? AND version = ?", {id, version}, &rows));
  } else {
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec(std::string(kVersionColumns) +
                        " WHERE case_id = ? AND version = (SELECT head_version FROM cases WHERE "
                        "id = ?)",
                    {id, id}, &rows));
  }
  if (rows.empty()) return std::optional<CaseVersionRecord>();
  return std::optional<CaseVersionRecord>(VersionFromRow(rows[0]));
}

Result<std::vector<CaseVersionRecord>> SqlStore::CaseVersions(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(kVersionColumns) + " WHERE case_id = ? ORDER BY version", {id}, &rows));
  std::vector<CaseVersionRecord> out;
  for (const SqlRow& r : rows) out.push_back(VersionFromRow(r));
  return out;
}

Result<std::vector<CaseReviewRecord>> SqlStore::CaseReviews(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT case_id, n, action, version, who, at, comment FROM case_reviews WHERE case_id = ? "
      "ORDER BY n",
      {id}, &rows));
  std::vector<CaseReviewRecord> out;
  for (const SqlRow& r : rows) {
    out.push_back(
        {Text(r, 0), Int(r, 1), Text(r, 2), Int(r, 3), Text(r, 4), Text(r, 5), Text(r, 6)});
  }
  return out;
}

Result<long long> SqlStore::CountCases() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT COUNT(*) FROM cases", {}, &rows));
  return Int(rows.at(0), 0);
}

// The conditions on case_index `ci` of a search, without its text match; `skip_facet` leaves
// out one facet's filter (to count that facet's values over the other filters).
SqlFragment SqlStore::CaseConditions(const CaseSearchQuery& q, const std::string& skip_facet) {
  SqlFragment f;
  Add(&f, q.heads ? "ci.is_head = 1" : "ci.is_published = 1");
  if (!q.status.empty()) {
    Add(&f, " AND ci.case_id IN (SELECT id FROM cases WHERE status = ?)", {q.status});
  }
  if (!q.changed_since.empty()) Add(&f, " AND ci.created_at >= ?", {q.changed_since});
  if (!q.exclude_ids.empty()) {
    std::vector<SqlValue> ids(q.exclude_ids.begin(), q.exclude_ids.end());
    Add(&f, " AND ci.case_id NOT IN (" + Placeholders(ids.size()) + ")", ids);
  }
  for (const auto& [facet, values] : q.filters) {
    if ((!skip_facet.empty() && facet == skip_facet) || values.empty()) continue;
    std::vector<SqlValue> params = {facet};
    params.insert(params.end(), values.begin(), values.end());
    Add(&f,
        " AND ci.rid IN (SELECT rid FROM case_facets WHERE facet = ? AND value IN (" +
            Placeholders(values.size()) + "))",
        params);
  }
  return f;
}

Result<CaseSearchResult> SqlStore::SearchCases(const CaseSearchQuery& q) {
  if (q.limit < 0 || q.offset < 0) return InvalidArgument("limit and offset must be >= 0");
  std::string match;
  auto terms = text::QueryTerms(q.q);
  if (!terms.empty()) {
    if (q.any_word) {  // whole words (similar cases): none is a prefix
      for (const auto& alternatives : terms) {
        if (!match.empty()) match += MatchOr();
        match += "(" + MatchQuery({alternatives}, false) + ")";
      }
    } else {
      // The last word is also a prefix ("cooperat" finds "cooperative"), unless it is a word
      // many cases have as it is: then it was typed whole, and its prefix adds words that are
      // not it ("with" would find "without") for three times the work.
      bool prefix = true;
      if (terms.back()[0].size() >= 3) {
        auto as_typed = CaseRowsMatching(MatchQuery({terms.back()}, false));
        if (!as_typed.ok()) return as_typed.status();
        prefix = *as_typed < kWholeWordRows;
      }
      match = MatchQuery(terms, prefix);
    }
  } else if (!q.q.empty() && q.q.find_first_not_of(" \t\r\n") != std::string::npos) {
    // Words too short to search: nothing matches rather than everything.
    return CaseSearchResult{};
  }
  if (!match.empty() && !q.newest_first && q.status.empty() && q.changed_since.empty()) {
    Result<CaseSearchResult> found = CaseSearchResult{};
    ECOSOL_RETURN_IF_ERROR(InReadSnapshot([&]() -> Status {
      found = SearchCaseMatches(q, match);
      return found.status();
    }));
    return found;
  }
  // The matching rows: FROM ... WHERE <text match> AND <conditions>.
  auto from = [&](const std::string& skip_facet) {
    SqlFragment f;
    SqlFragment cond = CaseConditions(q, skip_facet);
    if (match.empty()) {
      Add(&f, " FROM case_index ci WHERE ");
    } else {
      SqlFragment m = CaseMatchFrom(match);
      Add(&f, " FROM " + m.sql + " AND ", m.params);
    }
    Add(&f, cond.sql, cond.params);
    return f;
  };
  CaseSearchResult out;
  SqlFragment all = from("");
  auto matching_rids = [&](const SqlFragment& f) -> Result<std::vector<long long>> {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT ci.rid" + f.sql, f.params, &rows));
    std::vector<long long> rids;
    rids.reserve(rows.size());
    for (const SqlRow& r : rows) rids.push_back(Int(r, 0));
    std::sort(rids.begin(), rids.end());
    return rids;
  };
  const bool count_facets = q.facet_limit > 0 && !q.facets.empty();
  std::vector<long long> all_rids;
  if (count_facets) {
    auto rids = matching_rids(all);
    if (!rids.ok()) return rids.status();
    all_rids = std::move(*rids);
    out.total = static_cast<long long>(all_rids.size());
  } else {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT COUNT(*)" + all.sql, all.params, &rows));
    out.total = Int(rows.at(0), 0);
  }
  if (q.limit > 0 && out.total > q.offset) {
    std::string order = q.newest_first  ? "ci.created_at DESC, ci.case_id"
                        : match.empty() ? "ci.sort_title, ci.case_id"
                                        : CaseRankExpression() + ", ci.case_id";
    SqlFragment page;
    Add(&page, "SELECT ci.case_id, ci.version, ci.created_at" + all.sql, all.params);
    Add(&page, " ORDER BY " + order + " LIMIT ? OFFSET ?",
        {static_cast<long long>(q.limit), static_cast<long long>(q.offset)});
    SqlRows hits;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(page.sql, page.params, &hits));
    for (const SqlRow& h : hits) {
      SqlRows doc;
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("SELECT doc FROM case_versions WHERE case_id = ? AND version = ?",
                      {Text(h, 0), Int(h, 1)}, &doc));
      if (doc.empty()) return Internal("case '" + Text(h, 0) + "': indexed version is missing");
      out.hits.push_back({Text(h, 0), Int(h, 1), Text(h, 2), Text(doc[0], 0)});
    }
  }
  if (!count_facets) return out;
  // Facets without a filter are counted over every match; a filtered facet over the matches of
  // the other filters. Counting is done in memory over the cached facet values.
  ECOSOL_RETURN_IF_ERROR(RefreshCaseCache());
  const CaseIndexCache& cache = case_cache_;
  auto count_over = [&](const std::vector<long long>& rids, const std::set<std::string>& wanted) {
    std::vector<long long> counts(cache.names.size(), 0);
    size_t i = 0;  // both lists are sorted: walk them together
    for (long long rid : rids) {
      auto it = std::lower_bound(cache.rids.begin() + static_cast<std::ptrdiff_t>(i),
                                 cache.rids.end(), rid);
      if (it == cache.rids.end()) break;
      i = static_cast<size_t>(it - cache.rids.begin());
      if (*it != rid) continue;
      for (uint32_t k = cache.offsets[i]; k < cache.offsets[i + 1]; ++k) ++counts[cache.values[k]];
    }
    std::map<std::string, std::vector<FacetCount>> lists;
    for (size_t v = 0; v < counts.size(); ++v) {
      if (counts[v] == 0 || !wanted.count(cache.names[v].first)) continue;
      lists[cache.names[v].first].push_back({cache.names[v].second, counts[v]});
    }
    return lists;
  };
  auto keep = [&](const std::string& facet, std::vector<FacetCount> list) {
    out.facets[facet] = MostFrequent(std::move(list), q.facet_limit);
  };
  std::set<std::string> plain;
  for (const std::string& facet : q.facets) {
    auto it = q.filters.find(facet);
    if (it == q.filters.end() || it->second.empty()) {
      plain.insert(facet);
      continue;
    }
    auto rids = matching_rids(from(facet));
    if (!rids.ok()) return rids.status();
    auto lists = count_over(*rids, {facet});
    keep(facet, std::move(lists[facet]));
  }
  if (!plain.empty()) {
    auto lists = count_over(all_rids, plain);
    for (auto& [facet, list] : lists) keep(facet, std::move(list));
  }
  for (const std::string& facet : q.facets) out.facets[facet];  // every asked facet is present
  return out;
}

Result<CaseSearchResult> SqlStore::SearchCaseMatches(const CaseSearchQuery& q,
                                                     const std::string& match) {
  ECOSOL_RETURN_IF_ERROR(RefreshCaseCache());
  const CaseIndexCache& cache = case_cache_;
  std::vector<std::pair<long long, double>> rows;  // (rid, rank)
  ECOSOL_RETURN_IF_ERROR(CaseMatchRanks(match, &rows));
  // Each filter as the value ids it accepts.
  std::vector<std::string> filtered;
  std::vector<std::vector<bool>> accepts;
  for (const auto& [facet, values] : q.filters) {
    if (values.empty()) continue;
    std::set<std::string> wanted(values.begin(), values.end());
    std::vector<bool> ok(cache.names.size(), false);
    for (size_t v = 0; v < cache.names.size(); ++v) {
      ok[v] = cache.names[v].first == facet && wanted.count(cache.names[v].second) > 0;
    }
    filtered.push_back(facet);
    accepts.push_back(std::move(ok));
  }
  const uint8_t need = q.heads ? CaseIndexCache::kHead : CaseIndexCache::kPublished;
  const std::set<std::string> excluded(q.exclude_ids.begin(), q.exclude_ids.end());
  const bool count_facets = q.facet_limit > 0 && !q.facets.empty();
  // Facet values counted over the rows that pass every filter, and, per filter, over the rows
  // that fail only that one (a filtered facet is counted over the matches of the others).
  std::vector<long long> counts(count_facets ? cache.names.size() : 0, 0);
  std::vector<std::vector<long long>> counts_but(count_facets ? filtered.size() : 0,
                                                 std::vector<long long>(cache.names.size(), 0));
  struct Match {
    double rank;
    size_t i;
  };
  std::vector<Match> matches;
  matches.reserve(rows.size());
  for (const auto& [rid, rank] : rows) {
    long long found = cache.Find(rid);
    if (found < 0) continue;  // written since the cache was read: as if searched a moment before
    const auto i = static_cast<size_t>(found);
    if (!(cache.flags[i] & need)) continue;
    if (!excluded.empty() && excluded.count(cache.case_ids[i])) continue;
    size_t fails = 0;
    size_t failing = 0;
    for (size_t f = 0; f < filtered.size() && fails < 2; ++f) {
      bool has = false;
      for (uint32_t k = cache.offsets[i]; k < cache.offsets[i + 1] && !has; ++k) {
        has = accepts[f][cache.values[k]];
      }
      if (!has) {
        ++fails;
        failing = f;
      }
    }
    std::vector<long long>* into = nullptr;
    if (fails == 0) {
      matches.push_back({rank, i});
      if (count_facets) into = &counts;
    } else if (fails == 1 && count_facets) {
      into = &counts_but[failing];
    }
    if (into) {
      for (uint32_t k = cache.offsets[i]; k < cache.offsets[i + 1]; ++k) ++(*into)[cache.values[k]];
    }
  }
  CaseSearchResult out;
  out.total = static_cast<long long>(matches.size());
  const size_t end =
      std::min(matches.size(), static_cast<size_t>(q.offset) + static_cast<size_t>(q.limit));
  if (static_cast<size_t>(q.offset) < end) {
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(end),
                      matches.end(), [&](const Match& a, const Match& b) {
                        return a.rank != b.rank ? a.rank < b.rank
                                                : cache.case_ids[a.i] < cache.case_ids[b.i];
                      });
    for (size_t m = static_cast<size_t>(q.offset); m < end; ++m) {
      SqlRows hit;
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("SELECT ci.case_id, ci.version, ci.created_at, v.doc FROM case_index ci "
                      "JOIN case_versions v ON v.case_id = ci.case_id AND v.version = ci.version "
                      "WHERE ci.rid = ?",
                      {cache.rids[matches[m].i]}, &hit));
      if (hit.empty()) {
        return Internal("case '" + cache.case_ids[matches[m].i] + "': indexed version is missing");
      }
      out.hits.push_back({Text(hit[0], 0), Int(hit[0], 1), Text(hit[0], 2), Text(hit[0], 3)});
    }
  }
  if (!count_facets) return out;
  for (const std::string& facet : q.facets) {
    auto f = std::find(filtered.begin(), filtered.end(), facet);
    const std::vector<long long>* but =
        f == filtered.end() ? nullptr : &counts_but[static_cast<size_t>(f - filtered.begin())];
    std::vector<FacetCount> list;
    for (size_t v = 0; v < cache.names.size(); ++v) {
      if (cache.names[v].first != facet) continue;
      long long n = counts[v] + (but ? (*but)[v] : 0);
      if (n > 0) list.push_back({cache.names[v].second, n});
    }
    out.facets[facet] = MostFrequent(std::move(list), q.facet_limit);
  }
  return out;
}

// --- transfers and watches ---------------------------------------------------------------------

Status SqlStore::PutTransfer(TransferRecord* t) {
  if (t->id.empty() || t->origin_case.empty() || t->case_id.empty()) {
    return InvalidArgument("transfer: id, origin case and case are required");
  }
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT COALESCE(MAX(version), 0) FROM case_transfers WHERE id = ?", {t->id}, &rows));
    t->version = Int(rows.at(0), 0) + 1;
    return conn().Exec(
        "INSERT INTO case_transfers (id, version, origin_case, case_id, outcome, created_at, who, "
        "doc, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {t->id, t->version, t->origin_case, t->case_id, t->outcome, t->created_at, t->who, t->doc,
         t->deleted ? 1LL : 0LL});
  });
}

Result<std::optional<TransferRecord>> SqlStore::GetTransfer(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(kTransferColumns) + " WHERE id = ? ORDER BY version DESC LIMIT 1", {id}, &rows));
  if (rows.empty()) return std::optional<TransferRecord>();
  return std::optional<TransferRecord>(TransferFromRow(rows[0]));
}

Result<std::vector<TransferRecord>> SqlStore::Transfers(const std::string& case_id) {
  SqlFragment q;
  Add(&q, std::string(kTransferColumns) +
              " t WHERE version = (SELECT MAX(version) FROM case_transfers u WHERE u.id = t.id)");
  if (!case_id.empty()) Add(&q, " AND (origin_case = ? OR case_id = ?)", {case_id, case_id});
  Add(&q, " ORDER BY id");
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(q.sql, q.params, &rows));
  std::vector<TransferRecord> out;
  for (const SqlRow& r : rows) {
    TransferRecord t = TransferFromRow(r);
    if (!t.deleted) out.push_back(std::move(t));
  }
  return out;
}

Status SqlStore::PutWatch(const WatchRecord& w) {
  if (w.id.empty() || w.owner.empty()) return InvalidArgument("watch: id and owner are required");
  return InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM case_watches WHERE id = ?", {w.id}));
    return conn().Exec(
        "INSERT INTO case_watches (id, owner, name, query, created_at, deleted) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {w.id, w.owner, w.name, w.query, w.created_at, w.deleted ? 1LL : 0LL});
  });
}

Result<std::optional<WatchRecord>> SqlStore::GetWatch(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(std::string(kWatchColumns) + " WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<WatchRecord>();
  return std::optional<WatchRecord>(WatchFromRow(rows[0]));
}

Result<std::vector<WatchRecord>> SqlStore::Watches(const std::string& owner) {
  SqlRows rows;
  if (owner.empty()) {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        std::string(kWatchColumns) + " WHERE deleted = 0 ORDER BY name, id", {}, &rows));
  } else {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        std::string(kWatchColumns) + " WHERE owner = ? AND deleted = 0 ORDER BY name, id", {owner},
        &rows));
  }
  std::vector<WatchRecord> out;
  for (const SqlRow& r : rows) out.push_back(WatchFromRow(r));
  return out;
}

}  // namespace ecosol::store
