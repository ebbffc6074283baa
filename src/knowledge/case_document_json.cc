// Writing the descriptive fields of a case document back (case_document.h).

#include <functional>

#include "case_document.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

void PutString(json* out, const char* key, const std::string& value) {
  if (!value.empty()) (*out)[key] = value;
}

void PutText(json* out, const char* key, const Text& text) {
  if (!text.empty()) (*out)[key] = text;
}

json SourceRefToJson(const SourceRef& s) {
  json out = json::object();
  PutString(&out, "title", s.title);
  PutString(&out, "url", s.url);
  if (s.year) out["year"] = *s.year;
  return out;
}

json OutcomeToJson(const CaseOutcome& o) {
  json out = json::object();
  out["text"] = o.text;
  PutString(&out, "evidence", o.evidence);
  if (!o.sources.empty()) {
    out["sources"] = json::array();
    for (const SourceRef& s : o.sources) out["sources"].push_back(SourceRefToJson(s));
  }
  return out;
}

json ActorToJson(const CaseActor& a) {
  json out = json::object();
  out["name"] = a.name;
  PutString(&out, "actor_id", a.actor_id);
  PutString(&out, "role", a.role);
  return out;
}

json ScalingToJson(const ScalingPath& s) {
  json out = json::object();
  out["path"] = s.path;
  PutText(&out, "text", s.text);
  return out;
}

json ProvenanceToJson(const Provenance& p) {
  json out = json::object();
  out["claim"] = p.claim;
  PutString(&out, "knowledge", p.knowledge);
  if (!p.contributors.empty()) out["contributors"] = p.contributors;
  PutString(&out, "participation", p.participation);
  return out;
}

json StrengthToJson(const Strength& s) {
  json out = json::object();
  out["level"] = s.level;
  PutString(&out, "framework", s.framework);
  PutString(&out, "assessed_at", s.assessed_at);
  PutText(&out, "reasons", s.reasons);
  return out;
}

json SourceToJson(const CaseSource& s) {
  json out = json::object();
  out["name"] = s.name;
  PutString(&out, "id", s.id);
  PutString(&out, "url", s.url);
  PutString(&out, "licence", s.licence);
  return out;
}

template <typename T>
void PutList(json* out, const char* key, const std::vector<T>& items,
             const std::function<json(const T&)>& to_json) {
  if (items.empty()) return;
  json list = json::array();
  for (const T& item : items) list.push_back(to_json(item));
  (*out)[key] = std::move(list);
}

}  // namespace

namespace internal {

void DescriptionToJson(const Case& c, json* out) {
  PutText(out, "summary", c.summary);
  PutText(out, "problem", c.problem);
  PutList<Text>(out, "root_causes", c.root_causes, [](const Text& t) { return json(t); });
  PutText(out, "model", c.model);
  PutList<CaseActor>(out, "actors", c.actors, ActorToJson);
  PutString(out, "stage", c.stage);
  PutString(out, "policy_field", c.policy_field);
  if (!c.si_drive.empty()) (*out)["si_drive"] = c.si_drive;
  PutList<CaseOutcome>(out, "outcomes", c.outcomes, OutcomeToJson);
  PutList<ScalingPath>(out, "scaling", c.scaling, ScalingToJson);
  if (c.strength) (*out)["strength"] = StrengthToJson(*c.strength);
  PutList<Provenance>(out, "provenance", c.provenance, ProvenanceToJson);
  if (!c.countries.empty()) (*out)["countries"] = c.countries;
  if (!c.sdgs.empty()) (*out)["sdgs"] = c.sdgs;
  if (!c.themes.empty()) (*out)["themes"] = c.themes;
  if (!c.methods.empty()) (*out)["methods"] = c.methods;
  PutString(out, "type", c.type);
  if (c.year) (*out)["year"] = *c.year;
  if (c.location) (*out)["location"] = {{"lat", c.location->lat}, {"lon", c.location->lon}};
  if (c.source) (*out)["source"] = SourceToJson(*c.source);
  PutText(out, "text", c.text);
}

}  // namespace internal
}  // namespace ecosol::knowledge
