// Merges, dedup decisions, indicators and federation peers (migration 10), implemented once for
// both SQL backends. The rules (survivorship, matching, feeds) live in registry/ and interop/.

#include <cstdlib>
#include <map>

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

long long Int(const SqlRow& row, size_t i) {
  long long v = 0;
  ParseInt64(Text(row, i), &v);
  return v;
}

double Real(const SqlRow& row, size_t i) { return std::strtod(Text(row, i).c_str(), nullptr); }

constexpr char kMergeColumns[] =
    "SELECT m.id, m.survivor_id, m.created_at, m.who, m.doc, m.undone_at, m.undone_by "
    "FROM merges m";

}  // namespace

Status SqlStore::PutMerge(const MergeRecord& m) {
  if (m.id.empty() || m.survivor_id.empty()) {
    return InvalidArgument("a merge needs an id and a survivor");
  }
  return InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO merges (id, survivor_id, created_at, who, doc, undone_at, undone_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "survivor_id = excluded.survivor_id, doc = excluded.doc, "
        "undone_at = excluded.undone_at, undone_by = excluded.undone_by",
        {m.id, m.survivor_id, m.created_at, m.who, m.doc, m.undone_at, m.undone_by}));
    ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM merge_members WHERE merge_id = ?", {m.id}));
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO merge_members (actor_id, merge_id, role, position) VALUES (?, ?, ?, 0)",
        {m.survivor_id, m.id, std::string("survivor")}));
    long long position = 1;
    for (const std::string& id : m.merged_ids) {
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO merge_members (actor_id, merge_id, role, position) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (actor_id, merge_id) DO NOTHING",
          {id, m.id, std::string("merged"), position++}));
    }
    return Status::Ok();
  });
}

namespace {

// Fills the merged ids of `merges` from merge_members.
Status FillMembers(SqlConnection& conn, std::vector<MergeRecord>* merges) {
  for (MergeRecord& m : *merges) {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn.Exec("SELECT actor_id FROM merge_members WHERE merge_id = ? AND role = 'merged' "
                  "ORDER BY position",
                  {m.id}, &rows));
    for (const SqlRow& r : rows) m.merged_ids.push_back(Text(r, 0));
  }
  return Status::Ok();
}

MergeRecord MergeFromRow(const SqlRow& r) {
  MergeRecord m;
  m.id = Text(r, 0);
  m.survivor_id = Text(r, 1);
  m.created_at = Text(r, 2);
  m.who = Text(r, 3);
  m.doc = Text(r, 4);
  m.undone_at = Text(r, 5);
  m.undone_by = Text(r, 6);
  return m;
}

}  // namespace

Result<std::optional<MergeRecord>> SqlStore::GetMerge(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(std::string(kMergeColumns) + " WHERE m.id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<MergeRecord>();
  std::vector<MergeRecord> out = {MergeFromRow(rows[0])};
  ECOSOL_RETURN_IF_ERROR(FillMembers(conn(), &out));
  return std::optional<MergeRecord>(std::move(out[0]));
}

Result<std::vector<MergeRecord>> SqlStore::Merges(const std::string& actor_id, int limit) {
  std::string sql = kMergeColumns;
  std::vector<SqlValue> params;
  if (!actor_id.empty()) {
    sql += " WHERE m.id IN (SELECT merge_id FROM merge_members WHERE actor_id = ?)";
    params.emplace_back(actor_id);
  }
  sql += " ORDER BY m.created_at DESC, m.id DESC";
  if (limit > 0) {
    sql += " LIMIT ?";
    params.emplace_back(static_cast<long long>(limit));
  }
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  std::vector<MergeRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(MergeFromRow(r));
  ECOSOL_RETURN_IF_ERROR(FillMembers(conn(), &out));
  return out;
}

Status SqlStore::PutDedupDecision(const DedupDecision& d) {
  if (d.a_id.empty() || !(d.a_id < d.b_id)) {
    return InvalidArgument("a dedup decision names two different actors, the smaller id first");
  }
  return conn().Exec(
      "INSERT INTO dedup_decisions (a_id, b_id, decision, decided_at, who) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (a_id, b_id) DO UPDATE SET decision = excluded.decision, "
      "decided_at = excluded.decided_at, who = excluded.who",
      {d.a_id, d.b_id, d.decision, d.decided_at, d.who});
}

Status SqlStore::DeleteDedupDecision(const std::string& a_id, const std::string& b_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT 1 FROM dedup_decisions WHERE a_id = ? AND b_id = ?",
                                     {a_id, b_id}, &rows));
  if (rows.empty()) return NotFound("no decision on the pair " + a_id + ", " + b_id);
  return conn().Exec("DELETE FROM dedup_decisions WHERE a_id = ? AND b_id = ?", {a_id, b_id});
}

Result<std::vector<DedupDecision>> SqlStore::DedupDecisions() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT a_id, b_id, decision, decided_at, who FROM dedup_decisions ORDER BY a_id, b_id", {},
      &rows));
  std::vector<DedupDecision> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    out.push_back({Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4)});
  }
  return out;
}

Status SqlStore::PutIndicators(const std::vector<IndicatorRecord>& records) {
  if (records.empty()) return Status::Ok();
  return InTransaction([&]() -> Status {
    for (const IndicatorRecord& i : records) {
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO indicators (actor_id, name, period, source, value, unit, as_of, "
          "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (actor_id, name, period, source) DO UPDATE SET value = excluded.value, "
          "unit = excluded.unit, as_of = excluded.as_of, recorded_at = excluded.recorded_at",
          {i.actor_id, i.name, i.period, i.source, i.value, i.unit, i.as_of, i.recorded_at}));
    }
    return Status::Ok();
  });
}

namespace {

std::vector<IndicatorRecord> IndicatorsFromRows(const SqlRows& rows) {
  std::vector<IndicatorRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    out.push_back({Text(r, 0), Text(r, 1), Text(r, 2), Real(r, 3), Text(r, 4), Text(r, 5),
                   Text(r, 6), Text(r, 7)});
  }
  return out;
}

constexpr char kIndicatorColumns[] =
    "SELECT actor_id, name, period, value, unit, source, as_of, recorded_at FROM indicators ";

}  // namespace

Result<std::vector<IndicatorRecord>> SqlStore::Indicators(const std::string& actor_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(kIndicatorColumns) + "WHERE actor_id = ? ORDER BY name, period, source",
      {actor_id}, &rows));
  return IndicatorsFromRows(rows);
}

Result<std::vector<IndicatorRecord>> SqlStore::AllIndicators() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(kIndicatorColumns) + "ORDER BY actor_id, name, period, source", {}, &rows));
  return IndicatorsFromRows(rows);
}

Result<long long> SqlStore::CountIndicators() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT COUNT(*) FROM indicators", {}, &rows));
  return Int(rows.at(0), 0);
}

Status SqlStore::PutSyncPeer(const SyncPeer& p) {
  return conn().Exec(
      "INSERT INTO sync_peers (url, cursor, last_sync, pulled) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (url) DO UPDATE SET cursor = excluded.cursor, last_sync = excluded.last_sync, "
      "pulled = excluded.pulled",
      {p.url, p.cursor, p.last_sync, p.pulled});
}

Result<std::optional<SyncPeer>> SqlStore::GetSyncPeer(const std::string& url) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT url, cursor, last_sync, pulled FROM sync_peers WHERE url = ?", {url}, &rows));
  if (rows.empty()) return std::optional<SyncPeer>();
  return std::optional<SyncPeer>(
      SyncPeer{Text(rows[0], 0), Text(rows[0], 1), Text(rows[0], 2), Int(rows[0], 3)});
}

Result<std::vector<SyncPeer>> SqlStore::SyncPeers() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT url, cursor, last_sync, pulled FROM sync_peers ORDER BY url", {}, &rows));
  std::vector<SyncPeer> peers;
  for (const SqlRow& row : rows) {
    peers.push_back(SyncPeer{Text(row, 0), Text(row, 1), Text(row, 2), Int(row, 3)});
  }
  return peers;
}

}  // namespace ecosol::store
