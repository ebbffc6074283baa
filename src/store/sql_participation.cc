// Participatory processes (migration 15, store/participation.h), for both SQL backends:
// versioned documents (sql_documents.cc) grouped by process, each process's decision log with
// its head row, and the ballot box of secret decisions.

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

constexpr SqlStore::DocTables kTables{"participation_records", "participation_heads", "process_id"};

SqlStore::VersionedDoc ToDoc(const ParticipationRecord& r) {
  return {r.kind, r.id, r.version, r.process_id, r.parent, r.doc, r.who, r.at, r.deleted};
}

ParticipationRecord FromDoc(SqlStore::VersionedDoc d) {
  return {std::move(d.kind),  std::move(d.id),     d.version,
          std::move(d.scope), std::move(d.parent), std::move(d.doc),
          std::move(d.who),   std::move(d.at),     d.deleted};
}

Result<std::vector<ParticipationRecord>> FromDocs(
    Result<std::vector<SqlStore::VersionedDoc>> docs) {
  if (!docs.ok()) return docs.status();
  std::vector<ParticipationRecord> out;
  out.reserve(docs->size());
  for (auto& d : *docs) out.push_back(FromDoc(std::move(d)));
  return out;
}

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }
long long Int(const SqlRow& row, size_t i) {
  long long v = 0;
  ParseInt64(Text(row, i), &v);
  return v;
}

}  // namespace

Status SqlStore::PutParticipationRecord(ParticipationRecord* r, long long expected_version) {
  if (r->process_id.empty()) {
    return InvalidArgument("participation record " + r->kind + " '" + r->id +
                           "': a process id is required");
  }
  VersionedDoc d = ToDoc(*r);
  ECOSOL_RETURN_IF_ERROR(PutDoc(kTables, &d, expected_version));
  r->version = d.version;
  return Status::Ok();
}

Result<std::optional<ParticipationRecord>> SqlStore::GetParticipationRecord(const std::string& kind,
                                                                            const std::string& id,
                                                                            long long version) {
  auto d = GetDoc(kTables, kind, id, version);
  if (!d.ok()) return d.status();
  if (!*d) return std::optional<ParticipationRecord>();
  return std::optional<ParticipationRecord>(FromDoc(std::move(**d)));
}

Result<std::vector<ParticipationRecord>> SqlStore::ParticipationRecordVersions(
    const std::string& kind, const std::string& id) {
  return FromDocs(DocVersions(kTables, kind, id));
}

Result<std::vector<ParticipationRecord>> SqlStore::ParticipationRecords(
    const ParticipationQuery& q) {
  if (q.kind.empty()) return InvalidArgument("participation records: a kind is required");
  return FromDocs(Docs(kTables, q.kind, q.process_id, q.parent, q.with_deleted));
}

Result<std::vector<ParticipationRecord>> SqlStore::ProcessRecordVersions(
    const std::string& process_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT kind, id, version, process_id, parent, doc, who, at, deleted FROM "
                  "participation_records WHERE process_id = ? ORDER BY kind, id, version",
                  {process_id}, &rows));
  std::vector<ParticipationRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    out.push_back({Text(r, 0), Text(r, 1), Int(r, 2), Text(r, 3), Text(r, 4), Text(r, 5),
                   Text(r, 6), Text(r, 7), Text(r, 8) == "1"});
  }
  return out;
}

Result<std::pair<long long, std::string>> SqlStore::LockDecisionLog(const std::string& process_id) {
  SqlRows rows;
  // An update that changes nothing takes the row's lock until the commit (PostgreSQL; SQLite
  // writes one transaction at a time anyway).
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "UPDATE decision_log_heads SET seq = seq WHERE process_id = ? RETURNING seq, hash",
      {process_id}, &rows));
  if (rows.empty()) return std::pair<long long, std::string>(0, "");
  return std::pair<long long, std::string>(Int(rows[0], 0), Text(rows[0], 1));
}

Status SqlStore::AppendDecisionLog(const DecisionLogRow& row) {
  return InTransaction([&]() -> Status {
    auto head = LockDecisionLog(row.process_id);
    if (!head.ok()) return head.status();
    if (row.seq != head->first + 1) {
      return Conflict("decision log of process '" + row.process_id + "': entry " +
                      std::to_string(row.seq) + " does not follow the head (entry " +
                      std::to_string(head->first) + "); read the head again");
    }
    if (head->first > 0 && row.prev_hash != head->second) {
      return Conflict("decision log of process '" + row.process_id + "': entry " +
                      std::to_string(row.seq) + " does not chain to the head's hash");
    }
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO decision_log (process_id, seq, kind, body, who, at, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {row.process_id, row.seq, row.kind, row.body, row.who, row.at, row.prev_hash, row.hash}));
    if (head->first == 0) {
      return conn().Exec("INSERT INTO decision_log_heads (process_id, seq, hash) VALUES (?, ?, ?)",
                         {row.process_id, row.seq, row.hash});
    }
    return conn().Exec("UPDATE decision_log_heads SET seq = ?, hash = ? WHERE process_id = ?",
                       {row.seq, row.hash, row.process_id});
  });
}

Result<std::vector<DecisionLogRow>> SqlStore::DecisionLog(const std::string& process_id,
                                                          long long from_seq, long long limit) {
  std::string sql =
      "SELECT process_id, seq, kind, body, who, at, prev_hash, hash FROM decision_log "
      "WHERE process_id = ? AND seq >= ? ORDER BY seq";
  std::vector<SqlValue> params = {process_id, from_seq};
  if (limit > 0) {
    sql += " LIMIT ?";
    params.emplace_back(limit);
  }
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  std::vector<DecisionLogRow> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    out.push_back({Text(r, 0), Int(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5),
                   Text(r, 6), Text(r, 7)});
  }
  return out;
}

Status SqlStore::PutBoxedBallot(const BoxedBallot& b) {
  if (b.process_id.empty() || b.decision_id.empty() || b.commitment.empty()) {
    return InvalidArgument("ballot box: a process, a decision and a commitment are required");
  }
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT 1 FROM ballot_box WHERE process_id = ? AND decision_id = ? AND commitment = ?",
        {b.process_id, b.decision_id, b.commitment}, &rows));
    if (!rows.empty()) {
      return Conflict("ballot box of decision '" + b.decision_id +
                      "': this commitment is already there");
    }
    return conn().Exec(
        "INSERT INTO ballot_box (process_id, decision_id, commitment, ballot, nonce) "
        "VALUES (?, ?, ?, ?, ?)",
        {b.process_id, b.decision_id, b.commitment, b.ballot, b.nonce});
  });
}

Result<std::vector<BoxedBallot>> SqlStore::BoxedBallots(const std::string& process_id,
                                                        const std::string& decision_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT process_id, decision_id, commitment, ballot, nonce FROM ballot_box "
                  "WHERE process_id = ? AND decision_id = ? ORDER BY commitment",
                  {process_id, decision_id}, &rows));
  std::vector<BoxedBallot> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    out.push_back({Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4)});
  }
  return out;
}

}  // namespace ecosol::store
