// Bulk import: validate every row first, then write the valid ones in one transaction.

#include <map>

#include "actor_rules.h"
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

}  // namespace

Status Registry::ImportOne(ImportRow& row, const ImportOptions& options, ImportReport* report,
                           std::set<std::string>* territories) {
  Actor& incoming = row.actor;
  AddPrimaryToActivities(&incoming);
  ECOSOL_RETURN_IF_ERROR(PlaceInTerritory(&incoming, territories));
  StampProvenance(&incoming, {options.source, Today(), "import"});
  const std::string& key = incoming.identifiers.at(options.id_scheme);
  auto existing_id = store_.FindByIdentifier(options.id_scheme, key);
  if (!existing_id.ok()) return existing_id.status();
  if (!existing_id->has_value()) {
    auto id =
        incoming.id.empty() ? NewActorId(options.id_prefix, key) : Result<std::string>(incoming.id);
    if (!id.ok()) return id.status();
    incoming.id = *id;
    incoming.version = 1;
    incoming.updated_at = Now();
    ECOSOL_RETURN_IF_ERROR(
        store_.PutActor(incoming, "create").WithContext("line " + std::to_string(row.line)));
    ++report->imported;
    return Status::Ok();
  }
  auto existing = store_.GetActor(**existing_id);
  if (!existing.ok()) return existing.status();
  if (!existing->has_value()) return Internal("identifier points to a missing actor");
  auto merged = Merge(**existing, incoming, options.source);
  if (!merged.ok()) return merged.status().WithContext("line " + std::to_string(row.line));
  if (model::SameData(*merged, **existing)) {
    ++report->unchanged;
    return Status::Ok();
  }
  merged->version = (*existing)->version + 1;
  merged->updated_at = Now();
  ECOSOL_RETURN_IF_ERROR(
      store_.PutActor(*merged, "update").WithContext("line " + std::to_string(row.line)));
  ++report->updated;
  return Status::Ok();
}

Result<ImportReport> Registry::Import(std::vector<ImportRow> rows, const ImportOptions& options) {
  auto tax = taxonomy();
  if (!tax.ok()) return tax.status();
  if ((*tax)->empty()) {
    return Status(StatusCode::kUnavailable,
                  "the taxonomies are not loaded: run `ecosol init` first");
  }
  ImportReport report;
  std::vector<size_t> valid;
  std::map<std::string, long long> seen;  // identifier -> line
  for (size_t i = 0; i < rows.size(); ++i) {
    const ImportRow& row = rows[i];
    auto errors = ValidateActor(row.actor, **tax);
    auto key = row.actor.identifiers.find(options.id_scheme);
    if (key == row.actor.identifiers.end() || key->second.empty()) {
      errors.push_back({0, "identifier", "is required to match rows on re-import"});
    } else if (auto [it, inserted] = seen.emplace(key->second, row.line); !inserted) {
      errors.push_back(
          {0, "identifier", "'" + key->second + "' is also on line " + std::to_string(it->second)});
    }
    for (FieldError& e : errors) {
      e.line = row.line;
      report.rejected.push_back(std::move(e));
    }
    if (errors.empty()) valid.push_back(i);
  }
  if (options.dry_run || (!report.rejected.empty() && !options.skip_invalid)) return report;
  if (valid.size() > 5000) ECOSOL_RETURN_IF_ERROR(store_.PrepareForBulkLoad());
  // Each territory is recorded once per batch.
  std::set<std::string> territories;
  Status s = store_.InTransaction([&]() -> Status {
    for (size_t n = 0; n < valid.size(); ++n) {
      ECOSOL_RETURN_IF_ERROR(ImportOne(rows[valid[n]], options, &report, &territories));
      if (options.progress && (n % 500 == 0 || n + 1 == valid.size())) {
        options.progress(n + 1, valid.size());
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  report.committed = true;
  // After a large import the planner's statistics are stale. Refreshing them is not part of the
  // import: the data is committed, and a failure here only leaves the old statistics.
  if (valid.size() > 5000) (void)store_.Optimize();
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
    return Status::Ok();
  });
  if (!s.ok()) return s;
  report.committed = true;
  return report;
}

}  // namespace ecosol::registry
