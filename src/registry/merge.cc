// Merging and unmerging actors (registry/merge.h).

#include "ecosol/registry/merge.h"

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "actor_rules.h"
#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"

namespace ecosol::registry {
namespace {

using model::Actor;
using nlohmann::json;

// Fields decided as one value, as lists (union) and as maps (key by key).
const std::vector<std::string>& ValueFields() {
  static const std::vector<std::string> f = {"name",    "legal_form", "primary_activity",
                                             "address", "location",   "website",
                                             "founded", "dissolved"};
  return f;
}
const std::vector<std::string>& ListFields() {
  static const std::vector<std::string> f = {"structures", "activities", "membership_types",
                                             "qualifiers", "claims"};
  return f;
}
const std::vector<std::string>& MapFields() {
  static const std::vector<std::string> f = {"names", "description", "contacts", "attributes"};
  return f;
}

bool IsEmptyValue(const json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return v.get_ref<const std::string&>().empty();
  if (v.is_array()) return v.empty();
  if (v.is_object()) {
    for (const auto& [k, item] : v.items()) {
      if (!IsEmptyValue(item)) return false;
    }
    return true;
  }
  return false;
}

std::string RandomId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "mrg-";
  for (int i = 0; i < 12; ++i) out += kHex[rng() % 16];
  return out;
}

json ProvenanceJson(const Actor& a, const std::string& field) {
  auto it = a.provenance.find(field);
  if (it == a.provenance.end()) return nullptr;
  return {{"source", it->second.source}, {"date", it->second.date}, {"method", it->second.method}};
}

// One record's claim to a field's value.
struct Candidate {
  size_t record = 0;  // 0: the survivor
  std::string source;
  std::string date;
};

// Whether `a` beats `b` for `field`: a better-ranked source, then the survivor, then the most
// recently sourced, then the earlier record.
bool Beats(const SurvivorshipRules& rules, const std::string& field, const Candidate& a,
           const Candidate& b) {
  auto key = [&](const Candidate& c) {
    return std::make_tuple(rules.Rank(field, c.source), c.record == 0 ? 0 : 1);
  };
  if (key(a) != key(b)) return key(a) < key(b);
  if (a.date != b.date) return a.date > b.date;
  return a.record < b.record;
}

Candidate CandidateOf(const std::vector<Actor>& records, size_t i, const std::string& field) {
  Candidate c;
  c.record = i;
  auto it = records[i].provenance.find(field);
  if (it != records[i].provenance.end()) {
    c.source = it->second.source;
    c.date = it->second.date;
  }
  return c;
}

std::string Doc(const Actor& a) { return model::ActorToJson(a).dump(); }

}  // namespace

bool IsSurvivorshipField(const std::string& f) {
  for (const auto* list : {&ValueFields(), &ListFields(), &MapFields()}) {
    if (std::find(list->begin(), list->end(), f) != list->end()) return true;
  }
  return false;
}

Result<store::MergeRecord> Registry::MergeActors(const MergeRequest& request) {
  if (request.survivor.empty()) return InvalidArgument("survivor: name the actor that remains");
  if (request.merged.empty()) {
    return InvalidArgument("merged: name at least one actor to merge into the survivor");
  }
  std::set<std::string> seen = {request.survivor};
  for (const std::string& id : request.merged) {
    if (!seen.insert(id).second) {
      return InvalidArgument("merged: '" + id +
                             "' is named twice (or is the survivor); name each actor once");
    }
  }
  auto tax = taxonomy();
  if (!tax.ok()) return tax.status();

  store::MergeRecord record;
  Status s = store_.InTransaction([&]() -> Status {
    // records[0] is the survivor.
    std::vector<Actor> records;
    auto first = GetActor(request.survivor);
    if (!first.ok()) {
      return NotFound("survivor: no actor with id '" + request.survivor + "' (or it is deleted)");
    }
    records.push_back(std::move(*first));
    for (const std::string& id : request.merged) {
      auto a = GetActor(id);
      if (!a.ok()) return NotFound("merged: no actor with id '" + id + "' (or it is deleted)");
      records.push_back(std::move(*a));
    }
    std::vector<json> docs;
    for (const Actor& a : records) docs.push_back(model::ActorToJson(a));
    const Actor before = records[0];
    json result = docs[0];
    Actor survivor = records[0];  // provenance is decided alongside the values
    json fields = json::array();
    auto contributors = [&](const std::vector<size_t>& idx) {
      json from = json::array();
      for (size_t i : idx) from.push_back(records[i].id);
      return from;
    };

    for (const std::string& f : ValueFields()) {
      std::optional<Candidate> best;
      for (size_t i = 0; i < records.size(); ++i) {
        if (IsEmptyValue(docs[i][f])) continue;
        Candidate c = CandidateOf(records, i, f);
        if (!best || Beats(request.rules, f, c, *best)) best = c;
      }
      if (!best || best->record == 0 || docs[best->record][f] == result[f]) continue;
      fields.push_back({{"field", f},
                        {"from", contributors({best->record})},
                        {"source", best->source},
                        {"before", result[f]},
                        {"after", docs[best->record][f]},
                        {"provenance_before", ProvenanceJson(before, f)}});
      result[f] = docs[best->record][f];
      auto p = records[best->record].provenance.find(f);
      if (p != records[best->record].provenance.end()) survivor.provenance[f] = p->second;
    }
    for (const std::string& f : ListFields()) {
      json merged = result[f];
      std::vector<size_t> from;
      for (size_t i = 1; i < records.size(); ++i) {
        bool added = false;
        for (const json& item : docs[i][f]) {
          if (std::find(merged.begin(), merged.end(), item) == merged.end()) {
            merged.push_back(item);
            added = true;
          }
        }
        if (added) from.push_back(i);
      }
      if (from.empty()) continue;
      fields.push_back(
          {{"field", f},
           {"from", contributors(from)},
           {"source",
            records[from[0]].provenance.count(f) ? records[from[0]].provenance.at(f).source : ""},
           {"before", result[f]},
           {"after", merged},
           {"provenance_before", ProvenanceJson(before, f)}});
      if (!survivor.provenance.count(f) && records[from[0]].provenance.count(f)) {
        survivor.provenance[f] = records[from[0]].provenance.at(f);
      }
      result[f] = merged;
    }
    for (const std::string& f : MapFields()) {
      json merged = result[f].is_object() ? result[f] : json::object();
      std::set<std::string> keys;
      for (const json& d : docs) {
        if (d[f].is_object()) {
          for (const auto& [k, v] : d[f].items()) keys.insert(k);
        }
      }
      std::vector<size_t> from;
      for (const std::string& k : keys) {
        if (f == "attributes" && k == "merged_into") continue;
        std::optional<Candidate> best;
        for (size_t i = 0; i < records.size(); ++i) {
          if (!docs[i][f].is_object() || !docs[i][f].contains(k) || IsEmptyValue(docs[i][f][k])) {
            continue;
          }
          Candidate c = CandidateOf(records, i, f);
          if (!best || Beats(request.rules, f, c, *best)) best = c;
        }
        if (!best || best->record == 0 || docs[best->record][f][k] == merged.value(k, json())) {
          continue;
        }
        merged[k] = docs[best->record][f][k];
        if (std::find(from.begin(), from.end(), best->record) == from.end()) {
          from.push_back(best->record);
        }
      }
      if (from.empty()) continue;
      fields.push_back(
          {{"field", f},
           {"from", contributors(from)},
           {"source",
            records[from[0]].provenance.count(f) ? records[from[0]].provenance.at(f).source : ""},
           {"before", result[f]},
           {"after", merged},
           {"provenance_before", ProvenanceJson(before, f)}});
      if (!survivor.provenance.count(f) && records[from[0]].provenance.count(f)) {
        survivor.provenance[f] = records[from[0]].provenance.at(f);
      }
      result[f] = merged;
    }

    // The decided values, with the survivor's bookkeeping and the provenance decided above.
    result["provenance"] = model::ActorToJson(survivor)["provenance"];
    auto decided = model::ActorFromJson(result, /*allow_server_fields=*/true);
    if (!decided.ok()) return decided.status();
    Actor after = std::move(*decided);

    // Identifiers move to the survivor, except where it has another value in the scheme.
    json identifiers = json::array();
    std::vector<Actor> merged_after(records.begin() + 1, records.end());
    for (Actor& m : merged_after) {
      for (auto it = m.identifiers.begin(); it != m.identifiers.end();) {
        if (after.identifiers.count(it->first)) {
          ++it;
          continue;
        }
        after.identifiers[it->first] = it->second;
        identifiers.push_back({{"scheme", it->first}, {"value", it->second}, {"from", m.id}});
        it = m.identifiers.erase(it);
      }
    }
    // The most restrictive visibility of all.
    for (const Actor& m : merged_after) {
      after.visibility = std::max(after.visibility, m.visibility);
      for (const auto& [field, v] : m.field_visibility) {
        auto& mine = after.field_visibility[field];
        mine = std::max(mine, v);
      }
    }
    for (auto it = after.field_visibility.begin(); it != after.field_visibility.end();) {
      it = it->second <= after.visibility ? after.field_visibility.erase(it) : std::next(it);
    }
    AddPrimaryToActivities(&after);
    // A territory that followed the old address follows the new one.
    const std::string old_place = TerritoryIdOf(before.address);
    if (after.address != before.address &&
        (before.territory == old_place || StartsWith(old_place, before.territory + "/"))) {
      after.territory.clear();
    }
    std::set<std::string> territories;
    ECOSOL_RETURN_IF_ERROR(PlaceInTerritory(&after, &territories));
    auto errors = ValidateActor(after, **tax);
    if (!errors.empty()) {
      std::string msg = "the merged record would be invalid: ";
      for (size_t i = 0; i < errors.size(); ++i) {
        msg += (i ? "; " : "") + errors[i].field + ": " + errors[i].message;
      }
      return InvalidArgument(msg);
    }

    json versions_before = json::object();
    for (const Actor& a : records) versions_before[a.id] = a.version;
    record.id = RandomId();
    record.survivor_id = request.survivor;
    record.merged_ids = request.merged;
    record.created_at = Now();
    record.who = audit_who_;
    json doc = {{"rules", SurvivorshipRulesToJson(request.rules)},
                {"before", versions_before},
                {"fields", fields},
                {"identifiers", identifiers},
                {"visibility",
                 {{"before", model::ToString(before.visibility)},
                  {"after", model::ToString(after.visibility)}}},
                {"field_visibility",
                 {{"before", model::ActorToJson(before).value("field_visibility", json::object())},
                  {"after", model::ActorToJson(after).value("field_visibility", json::object())}}}};
    if (request.dry_run) {
      doc["result"] = model::ActorToJson(after);
      record.doc = doc.dump();
      return Status::Ok();
    }

    // The merged records first, so that their identifiers are free for the survivor.
    const std::string now = Now();
    for (size_t i = 0; i < merged_after.size(); ++i) {
      Actor& m = merged_after[i];
      m.deleted = true;
      m.attributes["merged_into"] = request.survivor;
      m.provenance["attributes"] = {audit_who_, Today(), "merge"};
      m.version = records[i + 1].version + 1;
      m.updated_at = now;
      ECOSOL_RETURN_IF_ERROR(store_.PutActor(m, "merge"));
      ECOSOL_RETURN_IF_ERROR(Audit("actor.merged", "actor", m.id, Doc(records[i + 1]), Doc(m)));
    }
    after.version = before.version + 1;
    after.updated_at = now;
    after.deleted = false;
    ECOSOL_RETURN_IF_ERROR(store_.PutActor(after, "merge"));
    ECOSOL_RETURN_IF_ERROR(Audit("actor.merge", "actor", after.id, Doc(before), Doc(after)));

    // Relationships follow the survivor.
    json relationships = json::array();
    for (const std::string& id : request.merged) {
      auto rels = store_.RelationshipsOf(id);
      if (!rels.ok()) return rels.status();
      for (model::Relationship rel : *rels) {
        json rel_before = model::RelationshipToJson(rel);
        bool moved = false;
        for (std::string* end : {&rel.from, &rel.to}) {
          if (seen.count(*end)) {
            moved = moved || *end != request.survivor;
            *end = request.survivor;
          }
        }
        if (!moved) continue;
        if (rel.from == rel.to) rel.deleted = true;
        rel.version += 1;
        rel.updated_at = now;
        ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(rel, rel.deleted ? "delete" : "update"));
        relationships.push_back({{"id", rel.id}, {"before", rel_before}, {"version", rel.version}});
      }
    }
    doc["relationships"] = relationships;
    record.doc = doc.dump();
    ECOSOL_RETURN_IF_ERROR(store_.PutMerge(record));
    return Audit("merge.create", "merge", record.id, "", MergeRecordToJson(record).dump());
  });
  if (!s.ok()) return s;
  return record;
}

Result<store::MergeRecord> Registry::UnmergeActors(const std::string& merge_id) {
  store::MergeRecord record;
  Status s = store_.InTransaction([&]() -> Status {
    auto found = store_.GetMerge(merge_id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return NotFound("no merge with id '" + merge_id + "'");
    record = std::move(**found);
    if (!record.undone_at.empty()) {
      return Conflict("merge " + merge_id + " was already undone on " + record.undone_at + " by " +
                      record.undone_by);
    }
    json doc = json::parse(record.doc, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return Internal("merge " + merge_id + ": its record is not JSON");

    auto current = GetActor(record.survivor_id);
    if (!current.ok()) {
      return Conflict("the survivor '" + record.survivor_id +
                      "' is deleted; restore it before undoing the merge");
    }
    std::vector<Actor> merged_now;
    for (const std::string& id : record.merged_ids) {
      auto m = store_.GetActor(id);
      if (!m.ok()) return m.status();
      if (!m->has_value() || !(*m)->deleted || (*m)->attributes.count("merged_into") == 0 ||
          (*m)->attributes.at("merged_into") != record.survivor_id) {
        return Conflict("'" + id + "' is no longer merged into '" + record.survivor_id +
                        "' (it was restored or changed since); the merge cannot be "
                        "undone automatically");
      }
      merged_now.push_back(std::move(**m));
    }

    // The survivor gives back what it took, where it still holds it.
    const Actor before = *current;
    json result = model::ActorToJson(before);
    json kept = json::array();
    for (const json& f : doc.value("fields", json::array())) {
      const std::string field = f.value("field", "");
      if (!IsSurvivorshipField(field)) continue;
      if (result[field] != f.value("after", json(nullptr))) {
        kept.push_back(field);
        continue;
      }
      result[field] = f.value("before", json(nullptr));
      const json& p = f.value("provenance_before", json(nullptr));
      if (p.is_object()) {
        result["provenance"][field] = p;
      } else if (result["provenance"].is_object()) {
        result["provenance"].erase(field);
      }
    }
    auto reverted = model::ActorFromJson(result, /*allow_server_fields=*/true);
    if (!reverted.ok()) return reverted.status();
    Actor after = std::move(*reverted);
    for (const json& i : doc.value("identifiers", json::array())) {
      auto it = after.identifiers.find(i.value("scheme", ""));
      if (it != after.identifiers.end() && it->second == i.value("value", "")) {
        after.identifiers.erase(it);
      }
    }
    const json vis = doc.value("visibility", json::object());
    if (vis.is_object() && vis.value("after", "") == model::ToString(after.visibility)) {
      if (auto v = model::ParseVisibility(vis.value("before", "public"))) after.visibility = *v;
    }
    const json fvis = doc.value("field_visibility", json::object());
    if (fvis.is_object() &&
        fvis.value("after", json::object()) ==
            model::ActorToJson(after).value("field_visibility", json::object())) {
      after.field_visibility.clear();
      const json before_fvis = fvis.value("before", json::object());  // outlives the loop
      for (const auto& [field, v] : before_fvis.items()) {
        if (auto parsed = model::ParseVisibility(v.get<std::string>())) {
          after.field_visibility[field] = *parsed;
        }
      }
    }
    const std::string old_place = TerritoryIdOf(before.address);
    if (after.address != before.address &&
        (before.territory == old_place || StartsWith(old_place, before.territory + "/"))) {
      after.territory.clear();
    }
    std::set<std::string> territories;
    ECOSOL_RETURN_IF_ERROR(PlaceInTerritory(&after, &territories));
    const std::string now = Now();
    after.version = before.version + 1;
    after.updated_at = now;
    ECOSOL_RETURN_IF_ERROR(store_.PutActor(after, "unmerge"));
    ECOSOL_RETURN_IF_ERROR(Audit("actor.unmerge", "actor", after.id, Doc(before), Doc(after)));

    // The merged records come back as they were before the merge.
    const json versions = doc.value("before", json::object());
    for (const Actor& m : merged_now) {
      long long version = versions.value(m.id, 0LL);
      auto history = store_.ActorHistory(m.id);
      if (!history.ok()) return history.status();
      const store::ActorVersion* old = nullptr;
      for (const auto& v : *history) {
        if (v.version == version) old = &v;
      }
      if (old == nullptr) {
        return Internal("merge " + merge_id + ": version " + std::to_string(version) + " of '" +
                        m.id + "' is missing from its history");
      }
      Actor restored = old->actor;
      restored.deleted = false;
      restored.version = m.version + 1;
      restored.updated_at = now;
      ECOSOL_RETURN_IF_ERROR(store_.PutActor(restored, "unmerge"));
      ECOSOL_RETURN_IF_ERROR(Audit("actor.unmerge", "actor", m.id, Doc(m), Doc(restored)));
    }

    // Relationships go back to their ends, where the merge moved them and they stayed.
    for (const json& r : doc.value("relationships", json::array())) {
      auto rel = store_.GetRelationship(r.value("id", ""));
      if (!rel.ok()) return rel.status();
      if (!rel->has_value() || (*rel)->version != r.value("version", 0LL)) continue;
      auto old = model::RelationshipFromJson(r.value("before", json::object()),
                                             /*allow_server_fields=*/true);
      if (!old.ok()) return old.status();
      model::Relationship back = std::move(*old);
      back.version = (*rel)->version + 1;
      back.updated_at = now;
      ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(back, back.deleted ? "delete" : "update"));
    }

    doc["undo"] = {{"kept", kept}};
    record.doc = doc.dump();
    record.undone_at = now;
    record.undone_by = audit_who_;
    ECOSOL_RETURN_IF_ERROR(store_.PutMerge(record));
    return Audit("merge.undo", "merge", record.id, "", MergeRecordToJson(record).dump());
  });
  if (!s.ok()) return s;
  return record;
}

}  // namespace ecosol::registry
