// Versioned JSON documents, implemented once for both SQL backends and shared by the finance
// (migration 14) and participation (migration 15) tables: every version in a records table,
// the current one's keys in a heads table.

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

std::string Columns(const char* records, const char* scope) {
  return std::string("SELECT kind, id, version, ") + scope +
         ", parent, doc, who, at, deleted FROM " + records;
}

}  // namespace

namespace {

SqlStore::VersionedDoc DocFromRow(const SqlRow& r) {
  auto text = [&](size_t i) { return r.at(i).value_or(""); };
  SqlStore::VersionedDoc d;
  d.kind = text(0);
  d.id = text(1);
  ParseInt64(text(2), &d.version);
  d.scope = text(3);
  d.parent = text(4);
  d.doc = text(5);
  d.who = text(6);
  d.at = text(7);
  d.deleted = text(8) == "1";
  return d;
}

}  // namespace

Status SqlStore::PutDoc(const DocTables& t, VersionedDoc* r, long long expected_version) {
  if (r->kind.empty() || r->id.empty()) {
    return InvalidArgument("record: a kind and an id are required");
  }
  if (r->doc.empty()) {
    return InvalidArgument("record " + r->kind + " '" + r->id + "': no document");
  }
  if (expected_version < 0) {
    return InvalidArgument("record " + r->kind + " '" + r->id +
                           "': the expected version must be 0 (new) or more");
  }
  const std::string heads = t.heads;
  const std::string scope = t.scope;
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT version FROM " + heads + " WHERE kind = ? AND id = ?", {r->kind, r->id}, &rows));
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
        std::string("INSERT INTO ") + t.records + " (kind, id, version, " + scope +
            ", parent, doc, who, at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {r->kind, r->id, r->version, r->scope, r->parent, r->doc, r->who, r->at, deleted}));
    if (current == 0) {
      return conn().Exec("INSERT INTO " + heads + " (kind, id, version, " + scope +
                             ", parent, deleted) VALUES (?, ?, ?, ?, ?, ?)",
                         {r->kind, r->id, r->version, r->scope, r->parent, deleted});
    }
    return conn().Exec("UPDATE " + heads + " SET version = ?, " + scope +
                           " = ?, parent = ?, deleted = ? WHERE kind = ? AND id = ?",
                       {r->version, r->scope, r->parent, deleted, r->kind, r->id});
  });
}

Result<std::optional<SqlStore::VersionedDoc>> SqlStore::GetDoc(const DocTables& t,
                                                               const std::string& kind,
                                                               const std::string& id,
                                                               long long version) {
  SqlRows rows;
  const std::string columns = Columns(t.records, t.scope);
  if (version > 0) {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(columns + " WHERE kind = ? AND id = ? AND version = ?",
                                       {kind, id, version}, &rows));
  } else {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(columns +
                                           " WHERE kind = ? AND id = ? AND version = (SELECT "
                                           "version FROM " +
                                           t.heads + " WHERE kind = ? AND id = ?)",
                                       {kind, id, kind, id}, &rows));
  }
  if (rows.empty()) return std::optional<VersionedDoc>();
  return std::optional<VersionedDoc>(DocFromRow(rows[0]));
}

Result<std::vector<SqlStore::VersionedDoc>> SqlStore::DocVersions(const DocTables& t,
                                                                  const std::string& kind,
                                                                  const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec(Columns(t.records, t.scope) + " WHERE kind = ? AND id = ? ORDER BY version",
                  {kind, id}, &rows));
  std::vector<VersionedDoc> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(DocFromRow(r));
  return out;
}

Result<std::vector<SqlStore::VersionedDoc>> SqlStore::Docs(const DocTables& t,
                                                           const std::string& kind,
                                                           const std::string& scope,
                                                           const std::string& parent,
                                                           bool with_deleted) {
  const std::string col = t.scope;
  std::string sql = "SELECT r.kind, r.id, r.version, r." + col +
                    ", r.parent, r.doc, r.who, r.at, r.deleted FROM " + t.heads + " h JOIN " +
                    t.records +
                    " r ON r.kind = h.kind AND r.id = h.id AND r.version = h.version WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (!kind.empty()) {
    sql += " AND h.kind = ?";
    params.emplace_back(kind);
  }
  if (!scope.empty()) {
    sql += " AND h." + col + " = ?";
    params.emplace_back(scope);
  }
  if (!parent.empty()) {
    sql += " AND h.parent = ?";
    params.emplace_back(parent);
  }
  if (!with_deleted) sql += " AND h.deleted = 0";
  sql += " ORDER BY h.kind, h.id";
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  std::vector<VersionedDoc> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(DocFromRow(r));
  return out;
}

}  // namespace ecosol::store
