// Screening results as JSON, for the CLI, the API and stored assessments.

#include "ecosol/screening/screening.h"
#include "profile_facts.h"

namespace ecosol::screening {
namespace {

using nlohmann::json;

const std::string& In(const Text& text, std::string_view lang) {
  auto it = text.find(std::string(lang));
  if (it != text.end()) return it->second;
  static const std::string kEmpty;
  it = text.find("en");
  return it != text.end() ? it->second : kEmpty;
}

json SourceJson(const Framework& f, const SourceRef& ref) {
  json out = {{"ref", ref.ref}, {"article", ref.article}};
  if (const Source* s = f.FindSource(ref.ref)) {
    out["title"] = s->title;
    if (!s->url.empty()) out["url"] = s->url;
    out["verified"] = s->verified;
  }
  return out;
}

// Each fact read, with its value and origin; missing ones say so.
json Evidence(const std::vector<std::string>& facts, const Profile& profile) {
  json out = json::array();
  for (const std::string& path : facts) {
    json value = FactValue(profile, path);
    json item = {{"fact", path}};
    if (value.is_null()) {
      item["missing"] = true;
    } else {
      item["value"] = value;
      auto it = profile.origins.find(path);
      item["source"] = it == profile.origins.end() ? "declared" : it->second.source;
      if (it != profile.origins.end() && !it->second.evidence.is_null()) {
        item["statutes"] = it->second.evidence;
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

json CriterionJson(const Framework& f, const CriterionResult& r, const Profile& profile,
                   std::string_view lang) {
  const Criterion& c = *r.criterion;
  json out = {{"id", c.id},
              {"status", ToString(r.status)},
              {"severity", ToString(c.severity)},
              {"evidence", Evidence(c.facts, profile)},
              {"source", SourceJson(f, c.source)}};
  if (!c.option.empty()) out["option"] = c.option;
  if (r.status != CriterionStatus::kNotApplicable) {
    out["explanation"] = In(c.explanation.at(std::string(ToString(r.status))), lang);
  }
  if (!r.missing.empty()) out["missing"] = r.missing;
  if (!r.error.empty()) out["error"] = r.error;
  return out;
}

json FlagJson(const Framework& f, const FlagResult& r, const Profile& profile,
              std::string_view lang) {
  json out = {{"id", r.id}, {"severity", ToString(r.severity)}};
  if (r.flag) {
    out["evidence"] = Evidence(r.flag->facts, profile);
    out["source"] = SourceJson(f, r.flag->source);
    out["explanation"] = In(r.flag->explanation, lang);
  } else {
    out["evidence"] = r.evidence;
    static const Text kConflict = {
        {"en",
         "The statutes say otherwise than the declared profile; the statutes' terms are used."},
        {"fr", "Les statuts disent autre chose que le profil déclaré ; les statuts font foi."},
        {"es", "Los estatutos dicen otra cosa que el perfil declarado; prevalecen los estatutos."},
        {"pt", "O estatuto diz outra coisa que o perfil declarado; prevalece o estatuto."}};
    out["explanation"] = In(kConflict, lang);
  }
  return out;
}

}  // namespace

json ToJson(const Screening& s, const Profile& profile, std::string_view lang) {
  const Framework& f = *s.framework;
  json out = {{"framework", f.id},
              {"version", f.version},
              {"title", In(f.title, lang)},
              {"verdict", ToString(s.verdict)}};
  json principles = json::array();
  for (const PrincipleResult& p : s.principles) {
    json criteria = json::array();
    for (const CriterionResult& r : p.criteria) {
      criteria.push_back(CriterionJson(f, r, profile, lang));
    }
    principles.push_back({{"id", p.principle->id},
                          {"title", In(p.principle->title, lang)},
                          {"status", ToString(p.status)},
                          {"criteria", std::move(criteria)}});
  }
  out["principles"] = std::move(principles);
  json flags = json::array();
  for (const FlagResult& r : s.red_flags) flags.push_back(FlagJson(f, r, profile, lang));
  out["red_flags"] = std::move(flags);
  json unchecked = json::array();
  for (const FlagResult& r : s.unchecked_flags) {
    unchecked.push_back({{"id", r.id}, {"missing", r.missing}});
  }
  out["unchecked_flags"] = std::move(unchecked);
  return out;
}

}  // namespace ecosol::screening
