// Bulk import: validate every row first, then write the valid ones in one transaction.

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actor_rules.h"
#include "ecosol/base/strings.h"
#include "ecosol/registry/registry.h"

namespace ecosol::registry {
namespace {

using model::Actor;

// Merges `incoming` (all from `source`) into `existing`: a field is taken from the import when
// the registry's value came from the same source (or has no provenance); a field someone else
// has set since (an API edit, another source) is kept.
Result<Actor> Merge(const Actor& existing, const Actor& incoming, const std::string& source) {
  const nlohmann::json before = model::ActorToJson(existing);
  nlohmann::json merged = before;
  nlohmann::json fresh = model::ActorToJson(incoming);
  Actor result = existing;
  for (const auto& [field, value] : fresh.items()) {
    if (!IsDataField(field)) continue;
    auto prov = existing.provenance.find(field);
    bool ours = prov == existing.provenance.end() || prov->second.source == source;
    if (!ours) continue;
    merged[field] = value;
    auto in = incoming.provenance.find(field);
    if (in != incoming.provenance.end()) {
      result.provenance[field] = in->second;
    } else {
      result.provenance.erase(field);
    }
  }
  merged["provenance"] = nlohmann::json::object();
  auto parsed = model::ActorFromJson(merged, true);
  if (!parsed.ok()) return parsed.status();
  parsed->provenance = result.provenance;
  // Provenance dates of unchanged fields stay as they were.
  for (auto& [field, p] : parsed->provenance) {
    auto old = existing.provenance.find(field);
    if (old != existing.provenance.end() && old->second.source == p.source &&
        merged[field] == before[field]) {
      p = old->second;
    }
  }
  return parsed;
}

// A bounded queue handing batches from the reading thread to the writing one.
template <typename T>
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}
  // False when the queue was closed (the consumer gave up).
  bool Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  T Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty(); });
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

// Batches written, handed back to the reading thread to be freed: freeing a batch's thousand
// actors (documents, provenance maps, strings) took about 5% of the writing thread's time in an
// import of 1,000,000 rows, when that thread was the busier of the two (docs/benchmarks.md).
template <typename T>
class SpentItems {
 public:
  void Give(T item) {
    std::lock_guard lock(mu_);
    items_.push_back(std::move(item));
  }
  // Frees the items given so far, on the calling thread.
  void Free() {
    std::vector<T> items;
    {
      std::lock_guard lock(mu_);
      items.swap(items_);
    }
  }

 private:
  std::mutex mu_;
  std::vector<T> items_;
};

constexpr size_t kBatchRows = 1000;

// The id a new imported actor gets unless taken: the prefix and the source's identifier.
std::string IdBase(const std::string& prefix, const std::string& key) {
  std::string base = Slug(prefix + "-" + key);
  if (base.size() > 56) base.resize(56);
  return base;
}

}  // namespace

struct Registry::PreparedRow {
  long long line = 0;
  std::string key;           // the identifier in options.id_scheme
  bool explicit_id = false;  // the row gave the actor's id
  // The actor's territories that no earlier row of this import named (the others are recorded).
  std::vector<model::Territory> territories;
  // An earlier row of this import had the same id (given or made from the identifier).
  bool id_seen = false;
  store::EncodedActor encoded;  // the actor as created when new (version 1)
  std::string doc_sha256;       // of encoded.doc, for the audit log
};

namespace {

struct Batch {
  std::vector<Registry::PreparedRow> rows;
  std::vector<FieldError> rejected;
  ImportProgress position;
  bool last = false;
  Status status;
};

}  // namespace

Result<bool> RowsSource::Next(size_t max_rows, std::vector<ImportRow>* rows,
                              std::vector<FieldError>*) {
  for (size_t n = 0; n < max_rows && next_ < rows_.size(); ++n) {
    rows->push_back(std::move(rows_[next_++]));
  }
  return next_ < rows_.size();
}

void Registry::PrepareRow(ImportRow row, const ImportOptions& options, const std::string& today,
                          const std::string& now, const Taxonomy& taxonomy, PreparedRow* out) {
  Actor& a = row.actor;
  AddPrimaryToActivities(&a);
  out->line = row.line;
  out->territories = PublicChain(a, PlaceActor(&a, taxonomy));
  StampProvenance(&a, {options.source, today, "import"});
  out->key = a.identifiers.at(options.id_scheme);
  out->explicit_id = !a.id.empty();
  if (a.id.empty()) a.id = IdBase(options.id_prefix, out->key);
  a.version = 1;
  a.updated_at = now;
  out->encoded = store::EncodeActor(std::move(a));
  out->doc_sha256 = store::Sha256Hex(out->encoded.doc);  // here, on the reading thread
}

Status Registry::WriteRow(PreparedRow& row, const ImportOptions& options, ImportReport* report,
                          std::set<std::string>* territories,
                          std::unordered_set<std::string>* reassigned,
                          nlohmann::json* created_log) {
  const std::string where = "line " + std::to_string(row.line);
  ECOSOL_RETURN_IF_ERROR(RecordTerritories(row.territories, territories));
  // Into an empty registry (`reassigned` given) every row is new (identifiers are unique within
  // an import), and the only ids taken are those this import created: the ids of earlier rows
  // (the reading thread marks them, id_seen; a row that fails ends the import) and the ids
  // given instead of a taken one.
  Result<std::optional<std::string>> existing_id = std::optional<std::string>();
  if (!reassigned) existing_id = store_.FindByIdentifier(options.id_scheme, row.key);
  if (!existing_id.ok()) return existing_id.status();
  Actor& incoming = row.encoded.actor;
  if (!existing_id->has_value()) {
    if (!row.explicit_id) {
      auto taken = reassigned ? Result<bool>(row.id_seen || reassigned->count(incoming.id) > 0)
                              : store_.ActorIdTaken(incoming.id);
      if (!taken.ok()) return taken.status();
      if (*taken) {
        auto id = NewActorId(options.id_prefix, row.key);
        if (!id.ok()) return id.status();
        incoming.id = *id;
        if (reassigned) reassigned->insert(*id);
        row.encoded = store::EncodeActor(std::move(incoming));
        row.doc_sha256 = store::Sha256Hex(row.encoded.doc);
      }
    }
    ECOSOL_RETURN_IF_ERROR(store_.PutEncodedActor(row.encoded, "create").WithContext(where));
    created_log->push_back({row.encoded.actor.id, row.doc_sha256});
    ++report->imported;
    return Status::Ok();
  }
  auto existing = store_.GetActor(**existing_id);
  if (!existing.ok()) return existing.status();
  if (!existing->has_value()) return Internal("identifier points to a missing actor");
  auto merged = Merge(**existing, incoming, options.source);
  if (!merged.ok()) return merged.status().WithContext(where);
  if (model::SameData(*merged, **existing)) {
    ++report->unchanged;
    return Status::Ok();
  }
  merged->version = (*existing)->version + 1;
  merged->updated_at = incoming.updated_at;
  ECOSOL_RETURN_IF_ERROR(store_.PutActor(*merged, "update").WithContext(where));
  ++report->updated;
  // A change to an existing actor is audited with what it replaced, as an API change is; new
  // actors are counted in the import's own entry (their document is the source's row).
  return Audit("actor.update", "actor", merged->id, model::ActorToJson(**existing).dump(),
               model::ActorToJson(*merged).dump());
}

Result<ImportReport> Registry::Import(std::vector<ImportRow> rows, const ImportOptions& options) {
  RowsSource source(std::move(rows));
  return Import(source, options);
}

Result<ImportReport> Registry::Import(ImportSource& source, const ImportOptions& options) {
  auto tax = taxonomy();
  if (!tax.ok()) return tax.status();
  if ((*tax)->empty()) {
    return Status(StatusCode::kUnavailable,
                  "the taxonomies are not loaded: run `ecosol init` first");
  }
  const Taxonomy& taxonomy = **tax;
  const std::string today = Today();
  const std::string now = Now();

  // Reading, validation and preparation (documents, full-text forms) run on a second thread,
  // a batch ahead of the writes.
  BatchQueue<Batch> queue(4);
  SpentItems<Batch> spent;
  std::thread reader([&] {
    std::unordered_map<std::string, long long> seen;  // identifier -> line
    // The ids and territories of the rows prepared so far: marked here rather than looked up by
    // the writing thread, which has the full-text index and SQLite's work to do (PreparedRow).
    std::unordered_set<std::string> ids;
    std::unordered_set<std::string> territories;
    size_t rows_read = 0;
    while (true) {
      spent.Free();
      Batch batch;
      std::vector<ImportRow> rows;
      auto more = source.Next(kBatchRows, &rows, &batch.rejected);
      if (!more.ok()) {
        batch.status = more.status();
        batch.last = true;
        queue.Push(std::move(batch));
        return;
      }
      batch.rows.reserve(rows.size());
      for (ImportRow& row : rows) {
        auto errors = ValidateActor(row.actor, taxonomy);
        auto key = row.actor.identifiers.find(options.id_scheme);
        if (key == row.actor.identifiers.end() || key->second.empty()) {
          errors.push_back({0, "identifier", "is required to match rows on re-import"});
        } else if (auto [it, inserted] = seen.emplace(key->second, row.line); !inserted) {
          errors.push_back({0, "identifier",
                            "'" + key->second + "' is also on line " + std::to_string(it->second)});
        }
        for (FieldError& e : errors) {
          e.line = row.line;
          batch.rejected.push_back(std::move(e));
        }
        if (!errors.empty()) continue;
        batch.rows.emplace_back();
        PreparedRow& prepared = batch.rows.back();
        PrepareRow(std::move(row), options, today, now, taxonomy, &prepared);
        prepared.id_seen = !ids.insert(prepared.encoded.actor.id).second;
        std::erase_if(prepared.territories,
                      [&](const model::Territory& t) { return !territories.insert(t.id).second; });
      }
      rows_read += rows.size();
      auto [done, total] = source.Position();
      batch.position = {rows_read, done, total};
      batch.last = !*more;
      if (!queue.Push(std::move(batch)) || !*more) return;
    }
  });

  ImportReport report;
  bool writing = !options.dry_run;
  bool refused = false;  // a rejection refused the whole batch
  size_t written = 0;
  auto consume = [&]() -> Status {
    std::set<std::string> territories;  // recorded once per import
    bool bulk = false;
    std::optional<std::unordered_set<std::string>> reassigned;  // when the registry was empty
    ImportProgress last_position;
    while (true) {
      Batch batch = queue.Pop();
      ECOSOL_RETURN_IF_ERROR(batch.status);
      if (!batch.rejected.empty()) {
        report.rejected.insert(report.rejected.end(),
                               std::make_move_iterator(batch.rejected.begin()),
                               std::make_move_iterator(batch.rejected.end()));
        // One rejection refuses the batch: the rest is still read, to report every problem.
        if (!options.skip_invalid) writing = false;
      }
      if (writing && !bulk && !batch.rows.empty()) {
        auto empty = store_.BeginBulkLoad();
        if (!empty.ok()) return empty.status();
        if (*empty) reassigned.emplace();
        bulk = true;
      }
      nlohmann::json created_log = nlohmann::json::array();
      for (PreparedRow& row : batch.rows) {
        if (!writing) break;
        ECOSOL_RETURN_IF_ERROR(WriteRow(row, options, &report, &territories,
                                        reassigned ? &*reassigned : nullptr, &created_log));
        ++written;
      }
      if (writing && !created_log.empty()) {
        // The actors a batch created, each by id and the SHA-256 of its first version's document
        // (the document itself is in the actor's history).
        nlohmann::json after = {{"source", options.source}, {"created", std::move(created_log)}};
        ECOSOL_RETURN_IF_ERROR(
            Audit("actors.create", "registry", options.source, "", after.dump()));
      }
      last_position = batch.position;
      if (options.progress) options.progress(batch.position);
      const bool last = batch.last;
      spent.Give(std::move(batch));
      if (last) break;
    }
    if (writing && options.progress) {
      ImportProgress finishing = last_position;
      finishing.finishing = true;
      options.progress(finishing);
    }
    if (bulk) ECOSOL_RETURN_IF_ERROR(store_.EndBulkLoad());
    if (writing && !options.dry_run) {
      // One audit entry for the import as a whole; each actor's previous state is in its
      // version history.
      nlohmann::json summary = {{"source", options.source},
                                {"imported", report.imported},
                                {"updated", report.updated},
                                {"unchanged", report.unchanged},
                                {"rejected", report.rejected.size()}};
      ECOSOL_RETURN_IF_ERROR(Audit("import", "registry", options.source, "", summary.dump()));
      if (options.before_commit) {
        ImportReport as_committed = report;
        as_committed.committed = true;
        ECOSOL_RETURN_IF_ERROR(options.before_commit(as_committed));
      }
    }
    if (writing || options.dry_run) return Status::Ok();
    refused = true;  // roll back what was written before the first rejection
    return Status(StatusCode::kConflict, "import refused");
  };
  // Into an empty registry that no other process has open, SQLite writes each page once
  // (Store::BeginLoadAlone).
  bool alone = false;
  if (options.load_alone && !options.dry_run) {
    auto began = store_.BeginLoadAlone();
    alone = began.ok() && *began;
  }
  Status s = options.dry_run ? consume() : store_.InTransaction(consume);
  if (alone) {
    // Committed or rolled back, the data is safe; a failure here only delays the return to the
    // write-ahead log until the database is next opened.
    (void)store_.EndLoadAlone();
  }
  queue.Close();
  reader.join();
  if (!s.ok() && !refused) return s;
  if (options.dry_run || refused) {
    report.imported = report.updated = report.unchanged = 0;
    return report;
  }
  report.committed = true;
  // After a large import the planner's statistics are stale. Refreshing them is not part of the
  // import: the data is committed, and a failure here only leaves the old statistics.
  if (written > 5000) (void)store_.Optimize();
  return report;
}

Result<ImportReport> Registry::ImportRelationships(std::vector<model::Relationship> rels,
                                                   const std::string& source) {
  ImportReport report;
  Status s = store_.InTransaction([&]() -> Status {
    for (size_t i = 0; i < rels.size(); ++i) {
      model::Relationship& r = rels[i];
      std::string where = "relationships[" + std::to_string(i) + "]";
      ECOSOL_RETURN_IF_ERROR(CheckRelationship(r).WithContext(where));
      if (r.id.empty())
        r.id = "rel-" + r.from + "-" + r.to + "-" + std::string(model::ToString(r.type));
      for (const char* f : {"from", "to", "type"}) {
        if (!r.provenance.count(f)) r.provenance[f] = {source, Today(), "import"};
      }
      auto existing = store_.GetRelationship(r.id);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        model::Relationship old = **existing;
        r.version = old.version;
        r.updated_at = old.updated_at;
        r.deleted = old.deleted;
        for (auto& [f, p] : r.provenance) {
          auto o = old.provenance.find(f);
          if (o != old.provenance.end() && o->second.source == p.source) p.date = o->second.date;
        }
        if (r == old) {
          ++report.unchanged;
          continue;
        }
        r.version = old.version + 1;
        r.updated_at = Now();
        ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(r, "update"));
        ++report.updated;
        continue;
      }
      r.version = 1;
      r.updated_at = Now();
      ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(r, "create"));
      ++report.imported;
    }
    nlohmann::json summary = {{"source", source},
                              {"imported", report.imported},
                              {"updated", report.updated},
                              {"unchanged", report.unchanged}};
    return Audit("relationships.import", "registry", source, "", summary.dump());
  });
  if (!s.ok()) return s;
  report.committed = true;
  return report;
}

}  // namespace ecosol::registry
