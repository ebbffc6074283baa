// Social finance documents (migration 14, store/finance.h): versioned documents
// (sql_documents.cc) in finance_records and finance_heads, grouped by actor.

#include "sql_store.h"

namespace ecosol::store {
namespace {

constexpr SqlStore::DocTables kTables{"finance_records", "finance_heads", "actor_id"};

}  // namespace

namespace {

SqlStore::VersionedDoc ToDoc(const FinanceRecord& r) {
  return {r.kind, r.id, r.version, r.actor_id, r.parent, r.doc, r.who, r.at, r.deleted};
}

FinanceRecord FromDoc(SqlStore::VersionedDoc d) {
  return {std::move(d.kind),  std::move(d.id),     d.version,
          std::move(d.scope), std::move(d.parent), std::move(d.doc),
          std::move(d.who),   std::move(d.at),     d.deleted};
}

std::vector<FinanceRecord> FromDocs(std::vector<SqlStore::VersionedDoc> docs) {
  std::vector<FinanceRecord> out;
  out.reserve(docs.size());
  for (auto& d : docs) out.push_back(FromDoc(std::move(d)));
  return out;
}

}  // namespace

Status SqlStore::PutFinanceRecord(FinanceRecord* r, long long expected_version) {
  if (r->kind.empty() || r->id.empty()) {
    return InvalidArgument("finance record: a kind and an id are required");
  }
  VersionedDoc d = ToDoc(*r);
  ECOSOL_RETURN_IF_ERROR(PutDoc(kTables, &d, expected_version));
  r->version = d.version;
  return Status::Ok();
}

Result<std::optional<FinanceRecord>> SqlStore::GetFinanceRecord(const std::string& kind,
                                                                const std::string& id,
                                                                long long version) {
  auto d = GetDoc(kTables, kind, id, version);
  if (!d.ok()) return d.status();
  if (!*d) return std::optional<FinanceRecord>();
  return std::optional<FinanceRecord>(FromDoc(std::move(**d)));
}

Result<std::vector<FinanceRecord>> SqlStore::FinanceRecordVersions(const std::string& kind,
                                                                   const std::string& id) {
  auto docs = DocVersions(kTables, kind, id);
  if (!docs.ok()) return docs.status();
  return FromDocs(std::move(*docs));
}

Result<std::vector<FinanceRecord>> SqlStore::FinanceRecords(const FinanceQuery& q) {
  if (q.kind.empty()) return InvalidArgument("finance records: a kind is required");
  auto docs = Docs(kTables, q.kind, q.actor_id, q.parent, q.with_deleted);
  if (!docs.ok()) return docs.status();
  return FromDocs(std::move(*docs));
}

}  // namespace ecosol::store
