// Social finance documents (migration 14, store/finance.h), implemented once for both SQL
// backends: every version in finance_records, the current one's keys in finance_heads.

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

constexpr char kColumns[] =
    "SELECT kind, id, version, actor_id, parent, doc, who, at, deleted FROM finance_records";

FinanceRecord FromRow(const SqlRow& r) {
  auto text = [&](size_t i) { return r.at(i).value_or(""); };
  long long version = 0;
  ParseInt64(text(2), &version);
  return {text(0), text(1), version, text(3), text(4), text(5), text(6), text(7), text(8) == "1"};
}

}  // namespace

Status SqlStore::PutFinanceRecord(FinanceRecord* r, long long expected_version) {
  if (r->kind.empty() || r->id.empty()) {
    return InvalidArgument("finance record: a kind and an id are required");
  }
  if (r->doc.empty()) {
    return InvalidArgument("finance record " + r->kind + " '" + r->id + "': no document");
  }
  if (expected_version < 0) {
    return InvalidArgument("finance record " + r->kind + " '" + r->id +
                           "': the expected version must be 0 (new) or more");
  }
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT version FROM finance_heads WHERE kind = ? AND id = ?", {r->kind, r->id}, &rows));
    long long current = 0;
    if (!rows.empty()) ParseInt64(rows[0].at(0).value_or("0"), &current);
    if (current != expected_version) {
      if (expected_version == 0) {
        return Conflict(r->kind + " '" + r->id + "' already exists (version " +
                        std::to_string(current) + "): edit it with that version");
      }
      return Conflict(r->kind + " '" + r->id + "' is at version " + std::to_string(current) +
                      ", not " + std::to_string(expected_version) +
                      ": someone changed it since it was read; read it again");
    }
    r->version = current + 1;
    const long long deleted = r->deleted ? 1 : 0;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO finance_records (kind, id, version, actor_id, parent, doc, who, at, deleted) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {r->kind, r->id, r->version, r->actor_id, r->parent, r->doc, r->who, r->at, deleted}));
    if (current == 0) {
      return conn().Exec(
          "INSERT INTO finance_heads (kind, id, version, actor_id, parent, deleted) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {r->kind, r->id, r->version, r->actor_id, r->parent, deleted});
    }
    return conn().Exec(
        "UPDATE finance_heads SET version = ?, actor_id = ?, parent = ?, deleted = ? "
        "WHERE kind = ? AND id = ?",
        {r->version, r->actor_id, r->parent, deleted, r->kind, r->id});
  });
}

Result<std::optional<FinanceRecord>> SqlStore::GetFinanceRecord(const std::string& kind,
                                                                const std::string& id,
                                                                long long version) {
  SqlRows rows;
  if (version > 0) {
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec(std::string(kColumns) + " WHERE kind = ? AND id = ? AND version = ?",
                    {kind, id, version}, &rows));
  } else {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        std::string(kColumns) +
            " WHERE kind = ? AND id = ? AND version = (SELECT version FROM finance_heads WHERE "
            "kind = ? AND id = ?)",
        {kind, id, kind, id}, &rows));
  }
  if (rows.empty()) return std::optional<FinanceRecord>();
  return std::optional<FinanceRecord>(FromRow(rows[0]));
}

Result<std::vector<FinanceRecord>> SqlStore::FinanceRecordVersions(const std::string& kind,
                                                                   const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(kColumns) + " WHERE kind = ? AND id = ? ORDER BY version", {kind, id}, &rows));
  std::vector<FinanceRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<FinanceRecord>> SqlStore::FinanceRecords(const FinanceQuery& q) {
  if (q.kind.empty()) return InvalidArgument("finance records: a kind is required");
  std::string sql =
      "SELECT r.kind, r.id, r.version, r.actor_id, r.parent, r.doc, r.who, r.at, r.deleted "
      "FROM finance_heads h JOIN finance_records r ON r.kind = h.kind AND r.id = h.id AND "
      "r.version = h.version WHERE h.kind = ?";
  std::vector<SqlValue> params = {q.kind};
  if (!q.actor_id.empty()) {
    sql += " AND h.actor_id = ?";
    params.emplace_back(q.actor_id);
  }
  if (!q.parent.empty()) {
    sql += " AND h.parent = ?";
    params.emplace_back(q.parent);
  }
  if (!q.with_deleted) sql += " AND h.deleted = 0";
  sql += " ORDER BY h.id";
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  std::vector<FinanceRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace ecosol::store
