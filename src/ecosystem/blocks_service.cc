// Territory snapshots from the store, reports and comparisons over them, and the perception
// assessments raters record. The engine (blocks.h) decides everything about scores; this file
// only gathers its inputs and keeps the writes whole (one transaction with their audit entry).

#include "ecosol/ecosystem/blocks_service.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <unordered_map>

#include "ecosol/base/strings.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

bool Within(std::string_view territory, std::string_view ancestor) {
  if (!StartsWith(territory, ancestor)) return false;
  return territory.size() == ancestor.size() || territory[ancestor.size()] == '/';
}

// The latest value (by period) of each indicator of each actor.
Status AddIndicators(store::Store& store, const std::vector<model::Actor>& actors,
                     std::vector<ActorIndicator>* out) {
  for (const model::Actor& a : actors) {
    auto records = store.Indicators(a.id);
    if (!records.ok()) return records.status();
    std::map<std::string, const store::IndicatorRecord*> latest;
    for (const store::IndicatorRecord& r : *records) {
      const store::IndicatorRecord*& slot = latest[r.name];
      if (slot == nullptr || r.period > slot->period) slot = &r;
    }
    for (const auto& [name, r] : latest) {
      out->push_back({a.id, name, r->period, r->value, r->unit});
    }
  }
  return Status::Ok();
}

// The part of `all` that concerns `territory` (already known to the store).
Result<TerritorySnapshot> Cut(store::Store& store, const Snapshot& all, model::Territory territory,
                              bool with_indicators) {
  TerritorySnapshot out;
  std::set<std::string> inside;
  std::unordered_map<std::string, const model::Actor*> by_id;
  for (const model::Actor& a : all.actors) {
    by_id[a.id] = &a;
    if (!Within(a.territory, territory.id)) continue;
    inside.insert(a.id);
    out.actors.push_back(a);
  }
  std::set<std::string> partners;
  for (const model::Relationship& r : all.relationships) {
    const bool from_in = inside.contains(r.from);
    const bool to_in = inside.contains(r.to);
    if (!from_in && !to_in) continue;
    out.relationships.push_back(r);
    if (!from_in) partners.insert(r.from);
    if (!to_in) partners.insert(r.to);
  }
  for (const std::string& id : partners) out.partners.push_back(*by_id.at(id));
  if (with_indicators) ECOSOL_RETURN_IF_ERROR(AddIndicators(store, out.actors, &out.indicators));
  auto assessments = store.PerceptionAssessments(territory.id, false);
  if (!assessments.ok()) return assessments.status();
  out.assessments = std::move(*assessments);
  out.territory = std::move(territory);
  return out;
}

Result<bool> AnyIndicators(store::Store& store) {
  auto count = store.CountIndicators();
  if (!count.ok()) return count.status();
  return *count > 0;
}

std::string NewAssessmentId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char kHex[] = "0123456789abcdef";
  std::string id = "pa-";
  uint64_t bits = rng();
  for (int i = 0; i < 16; ++i, bits >>= 4) id += kHex[bits & 0xf];
  return id;
}

Status Audit(store::Store& store, const Clock& clock, const PerceptionAuthor& author,
             const std::string& action, const store::PerceptionAssessment& a,
             const std::string& before) {
  store::AuditEntry e;
  e.at = FormatTimestamp(clock.Now());
  e.who = author.who.empty() ? author.rater : author.who;
  e.address = author.address;
  e.action = action;
  e.object_type = "perception_assessment";
  e.object_id = a.id;
  e.before = before;
  e.after = PerceptionToJson(a, true).dump();
  return store.AppendAudit(&e);
}

Status CheckShortText(const std::string& name, const std::string& value) {
  if (value.size() > 200 || !IsValidUtf8(value)) {
    return InvalidArgument(name + ": expected UTF-8 text of at most 200 bytes");
  }
  return Status::Ok();
}

Result<std::string> OptionalString(const json& doc, const char* key) {
  if (!doc.contains(key) || doc[key].is_null()) return std::string();
  if (!doc[key].is_string()) return InvalidArgument(std::string(key) + ": expected a string");
  return doc[key].get<std::string>();
}

}  // namespace

namespace {

Status CheckTerritoryId(const std::string& id) {
  if (id.empty()) {
    return InvalidArgument("territory: required (a territory id such as CA or CA/QC)");
  }
  NetworkFilter filter;
  filter.territory = id;
  return CheckFilter(filter);
}

}  // namespace

Result<model::Territory> KnownTerritory(store::Store& store, const std::string& id) {
  ECOSOL_RETURN_IF_ERROR(CheckTerritoryId(id));
  auto territory = store.GetTerritory(id);
  if (!territory.ok()) return territory.status();
  if (!territory->has_value()) {
    return NotFound("territory: no territory with id '" + id +
                    "' (GET /api/v1/territories or `ecosol territories list` lists them)");
  }
  return std::move(**territory);
}

Result<std::shared_ptr<const BlocksFramework>> BlocksFrameworkIn(
    const std::string& frameworks_dir) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const BlocksFramework>> loaded;  // guarded by mu
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(frameworks_dir);
  if (it != loaded.end()) return it->second;
  auto framework =
      LoadBlocksFramework((std::filesystem::path(frameworks_dir) / kBlocksFrameworkFile).string());
  if (!framework.ok()) return framework.status();
  loaded[frameworks_dir] = *framework;
  return *framework;
}

Result<TerritorySnapshot> LoadTerritorySnapshot(store::Store& store, const SnapshotScope& scope,
                                                const std::string& territory_id) {
  auto territory = KnownTerritory(store, territory_id);
  if (!territory.ok()) return territory.status();
  auto all = LoadSnapshot(store, scope);
  if (!all.ok()) return all.status();
  auto indicators = AnyIndicators(store);
  if (!indicators.ok()) return indicators.status();
  return Cut(store, *all, std::move(*territory), *indicators);
}

Result<TerritoryReport> TerritoryBlocks(store::Store& store, const SnapshotScope& scope,
                                        const BlocksFramework& framework,
                                        const std::string& territory_id) {
  auto snapshot = LoadTerritorySnapshot(store, scope, territory_id);
  if (!snapshot.ok()) return snapshot.status();
  return AssessTerritory(framework, *snapshot);
}

Result<Comparison> CompareTerritories(store::Store& store, const SnapshotScope& scope,
                                      const BlocksFramework& framework,
                                      const std::vector<std::string>& territory_ids) {
  if (territory_ids.size() < 2) {
    return InvalidArgument("territories: name two or more territories to compare (CA/QC,CA/ON)");
  }
  std::vector<model::Territory> territories;
  for (const std::string& id : territory_ids) {
    if (std::count(territory_ids.begin(), territory_ids.end(), id) > 1) {
      return InvalidArgument("territories: '" + id + "' is named twice; name each territory once");
    }
    auto territory = KnownTerritory(store, id);
    if (!territory.ok()) return territory.status();
    territories.push_back(std::move(*territory));
  }
  auto all = LoadSnapshot(store, scope);
  if (!all.ok()) return all.status();
  auto indicators = AnyIndicators(store);
  if (!indicators.ok()) return indicators.status();
  std::vector<TerritoryReport> reports;
  for (model::Territory& t : territories) {
    auto snapshot = Cut(store, *all, std::move(t), *indicators);
    if (!snapshot.ok()) return snapshot.status();
    auto report = AssessTerritory(framework, *snapshot);
    if (!report.ok()) return report.status();
    reports.push_back(std::move(*report));
  }
  return Compare(framework, reports);
}

std::vector<std::string> ParseTerritoryList(std::string_view list) {
  std::vector<std::string> out;
  for (const std::string& part : Split(list, ',')) {
    std::string_view name = Trim(part);
    if (!name.empty()) out.emplace_back(name);
  }
  return out;
}

Result<std::string> BlocksInputsStamp(store::Store& store,
                                      const std::vector<std::string>& territory_ids) {
  auto count = store.CountIndicators();
  if (!count.ok()) return count.status();
  std::string state = "indicators=" + std::to_string(*count);
  for (const std::string& id : territory_ids) {
    auto assessments = store.PerceptionAssessments(id, true);
    if (!assessments.ok()) return assessments.status();
    state += "\n" + id + ":";
    for (const store::PerceptionAssessment& a : *assessments) {
      state += " " + a.id + (a.deleted ? "-" : "+");
    }
  }
  return store::Sha256Hex(state);
}

Status CheckLanguage(const std::string& lang) {
  if (lang == "en" || lang == "fr" || lang == "es" || lang == "pt") return Status::Ok();
  return InvalidArgument("lang: expected en, fr, es or pt, not '" + lang + "'");
}

json Localize(const json& doc, const std::string& lang) {
  if (doc.is_array()) {
    json out = json::array();
    for (const json& item : doc) out.push_back(Localize(item, lang));
    return out;
  }
  if (!doc.is_object()) return doc;
  const bool is_text =
      doc.size() == 4 &&
      std::all_of(doc.begin(), doc.end(), [](const json& v) { return v.is_string(); }) &&
      doc.contains("en") && doc.contains("fr") && doc.contains("es") && doc.contains("pt");
  if (is_text) return doc[lang];
  json out = json::object();
  for (const auto& [key, value] : doc.items()) out[key] = Localize(value, lang);
  return out;
}

json FrameworkToJson(const BlocksFramework& f) {
  auto areas = [](const std::vector<CrosswalkArea>& list) {
    json out = json::array();
    for (const CrosswalkArea& a : list) out.push_back({{"id", a.id}, {"label", a.label}});
    return out;
  };
  json blocks = json::array();
  for (const Block& b : f.blocks) {
    json statements = json::array();
    for (const Statement& s : b.statements) statements.push_back({{"id", s.id}, {"text", s.text}});
    blocks.push_back({{"id", b.id},
                      {"label", b.label},
                      {"oecd_areas", b.oecd_areas},
                      {"bept_modules", b.bept_modules},
                      {"statements", std::move(statements)}});
  }
  return {{"id", f.id},
          {"version", f.version},
          {"title", f.title},
          {"scale", {{"min", 0}, {"max", 10}, {"no_answer", nullptr}}},
          {"covered", f.covered},
          {"weights", {{"hard", f.hard_weight}, {"perception", f.perception_weight}}},
          {"blocks", std::move(blocks)},
          {"oecd_areas", areas(f.oecd_areas)},
          {"bept_modules", areas(f.bept_modules)}};
}

Result<PerceptionInput> PerceptionInputFromJson(const json& doc) {
  if (!doc.is_object()) {
    return InvalidArgument(
        "expected a JSON object {territory, rater_role, scores: {statement: 0-10 or null}}");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "territory" && key != "rater_role" && key != "scores") {
      return InvalidArgument("unknown key '" + key + "'; expected territory, rater_role, scores");
    }
  }
  PerceptionInput in;
  auto territory = OptionalString(doc, "territory");
  if (!territory.ok()) return territory.status();
  in.territory = std::move(*territory);
  auto role = OptionalString(doc, "rater_role");
  if (!role.ok()) return role.status();
  in.rater_role = std::move(*role);
  if (!doc.contains("scores") || !doc["scores"].is_object()) {
    return InvalidArgument(
        "scores: required, an object of statement ids and scores from 0 to 10 (null: no "
        "answer); GET /api/v1/ecosystem/framework lists the statements");
  }
  for (const auto& [statement, score] : doc["scores"].items()) {
    if (score.is_null()) {
      in.scores[statement] = std::nullopt;
    } else if (score.is_number()) {
      in.scores[statement] = score.get<double>();
    } else {
      return InvalidArgument("scores." + statement + ": expected a number from 0 to 10 or null");
    }
  }
  return in;
}

Result<store::PerceptionAssessment> RecordPerception(store::Store& store, const Clock& clock,
                                                     const BlocksFramework& framework,
                                                     const PerceptionInput& input,
                                                     const PerceptionAuthor& author) {
  if (author.rater.empty()) return InvalidArgument("rater: required (who gives these ratings)");
  ECOSOL_RETURN_IF_ERROR(CheckShortText("rater", author.rater));
  ECOSOL_RETURN_IF_ERROR(CheckShortText("rater_role", input.rater_role));
  if (input.scores.empty()) {
    return InvalidArgument("scores: no statement rated; give at least one score (or null)");
  }
  store::PerceptionAssessment a;
  a.id = NewAssessmentId();
  a.territory = input.territory;
  a.rater = author.rater;
  a.rater_role = input.rater_role;
  a.date = FormatDate(clock.Now());
  a.framework = framework.id;
  a.scores = input.scores;
  ECOSOL_RETURN_IF_ERROR(CheckAssessment(framework, a));
  auto territory = KnownTerritory(store, input.territory);
  if (!territory.ok()) return territory.status();
  Status s = store.InTransaction([&]() -> Status {
    auto taken = store.GetPerceptionAssessment(a.id);
    if (!taken.ok()) return taken.status();
    if (taken->has_value()) a.id = NewAssessmentId();  // 1 in 2^64: a second draw suffices
    ECOSOL_RETURN_IF_ERROR(store.PutPerceptionAssessment(a));
    return Audit(store, clock, author, "perception.add", a, "");
  });
  if (!s.ok()) return s;
  return a;
}

Result<std::vector<store::PerceptionAssessment>> ListPerception(store::Store& store,
                                                                const std::string& territory_id,
                                                                bool with_deleted) {
  auto territory = KnownTerritory(store, territory_id);
  if (!territory.ok()) return territory.status();
  return store.PerceptionAssessments(territory_id, with_deleted);
}

Result<store::PerceptionAssessment> SetPerceptionDeleted(store::Store& store, const Clock& clock,
                                                         const std::string& id, bool deleted,
                                                         const PerceptionAuthor& author) {
  store::PerceptionAssessment after;
  Status s = store.InTransaction([&]() -> Status {
    auto found = store.GetPerceptionAssessment(id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return NotFound("no perception assessment with id '" + id + "'");
    const store::PerceptionAssessment& before = **found;
    if (!author.admin && before.rater != author.rater) {
      return Status(StatusCode::kPermissionDenied,
                    "perception assessment '" + id +
                        "': only its rater or an admin may delete or restore it");
    }
    if (before.deleted == deleted) {
      return Conflict("perception assessment '" + id + "' is already " +
                      (deleted ? "deleted" : "in use (not deleted)"));
    }
    ECOSOL_RETURN_IF_ERROR(store.SetPerceptionAssessmentDeleted(id, deleted));
    after = before;
    after.deleted = deleted;
    return Audit(store, clock, author, deleted ? "perception.delete" : "perception.restore", after,
                 PerceptionToJson(before, true).dump());
  });
  if (!s.ok()) return s;
  return after;
}

json PerceptionToJson(const store::PerceptionAssessment& a, bool with_rater) {
  json scores = json::object();
  for (const auto& [statement, score] : a.scores) {
    scores[statement] = score ? json(*score) : json();
  }
  return {{"id", a.id},
          {"territory", a.territory},
          {"rater", with_rater ? json(a.rater) : json()},
          {"rater_role", a.rater_role},
          {"date", a.date},
          {"framework", a.framework},
          {"scores", std::move(scores)},
          {"deleted", a.deleted}};
}

}  // namespace ecosol::ecosystem
