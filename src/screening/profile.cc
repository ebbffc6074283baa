// Profiles: reading and checking the facts screening reads, and merging what statutes say.

#include <algorithm>
#include <cmath>

#include "ecosol/screening/screening.h"
#include "profile_facts.h"

namespace ecosol::screening {
namespace {

using nlohmann::json;

bool IsPrefixOfFact(const Catalogue& catalogue, const std::string& path) {
  const std::string prefix = path + ".";
  return std::any_of(catalogue.facts().begin(), catalogue.facts().end(), [&](const FactSpec& f) {
    return f.path.compare(0, prefix.size(), prefix) == 0;
  });
}

std::string Expected(const FactSpec& spec) {
  if (spec.type == "boolean") return "true or false";
  if (spec.type == "share") return "a number from 0 to 1 (0.35 for 35%)";
  if (spec.type == "count") return "a whole number of 0 or more";
  if (spec.type == "money") return "an amount of 0 or more";
  if (spec.type == "number") return "a number";
  if (spec.type == "string") return "a text";
  if (spec.type == "colleges") return "a list of {\"name\": text, \"weight\": share}";
  std::string list;
  for (const std::string& v : spec.values) list += (list.empty() ? "" : ", ") + v;
  if (spec.type == "enum") return "one of: " + list;
  return "a list of: " + list;
}

bool InEnum(const FactSpec& spec, const json& v) {
  return v.is_string() && std::find(spec.values.begin(), spec.values.end(), v.get<std::string>()) !=
                              spec.values.end();
}

bool ValidValue(const FactSpec& spec, const json& v) {
  const std::string& t = spec.type;
  if (t == "boolean") return v.is_boolean();
  if (t == "string") return v.is_string();
  if (t == "number") return v.is_number() && std::isfinite(v.get<double>());
  if (t == "share") return v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 1;
  if (t == "money") return v.is_number() && v.get<double>() >= 0 && std::isfinite(v.get<double>());
  if (t == "count") {
    return v.is_number() && v.get<double>() >= 0 && std::floor(v.get<double>()) == v.get<double>();
  }
  if (t == "enum") return InEnum(spec, v);
  if (t == "enum_list") {
    return v.is_array() &&
           std::all_of(v.begin(), v.end(), [&](const json& e) { return InEnum(spec, e); });
  }
  if (t == "colleges") {
    return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& c) {
             return c.is_object() && c.contains("name") && c["name"].is_string() &&
                    c.contains("weight") && c["weight"].is_number() &&
                    c["weight"].get<double>() >= 0 && c["weight"].get<double>() <= 1;
           });
  }
  return false;
}

Status CheckFacts(const json& node, const std::string& prefix, const Catalogue& catalogue) {
  for (const auto& [key, value] : node.items()) {
    std::string path = prefix.empty() ? key : prefix + "." + key;
    if (prefix.empty() && (key == "id" || key == "notes" || key == "provenance")) continue;
    if (const FactSpec* spec = catalogue.FindFact(path)) {
      if (value.is_null()) continue;  // null: explicitly unknown
      if (!ValidValue(*spec, value)) {
        return InvalidArgument("profile: '" + path + "' is " + value.dump() + ", expected " +
                               Expected(*spec));
      }
      continue;
    }
    if (IsPrefixOfFact(catalogue, path)) {
      if (value.is_null()) continue;
      if (!value.is_object()) {
        return InvalidArgument("profile: '" + path + "' must be an object of facts");
      }
      ECOSOL_RETURN_IF_ERROR(CheckFacts(value, path, catalogue));
      continue;
    }
    return InvalidArgument("profile: unknown fact '" + path +
                           "' (the facts are listed in frameworks/facts.yaml)");
  }
  return Status::Ok();
}

Status ReadProvenance(const json& doc, const Catalogue& catalogue, Profile* profile) {
  auto it = doc.find("provenance");
  if (it == doc.end() || it->is_null()) return Status::Ok();
  if (!it->is_object()) return InvalidArgument("profile: 'provenance' must map fact -> origin");
  for (const auto& [path, origin] : it->items()) {
    if (!catalogue.FindFact(path)) {
      return InvalidArgument("profile: provenance for unknown fact '" + path + "'");
    }
    if (!origin.is_object()) {
      return InvalidArgument("profile: provenance of '" + path + "' must be {source, by, date}");
    }
    FactOrigin o;
    o.source = origin.value("source", std::string("declared"));
    if (o.source != "declared" && o.source != "registry" && o.source != "statutes" &&
        o.source != "assessor") {
      return InvalidArgument("profile: provenance of '" + path + "': source '" + o.source +
                             "' is not declared, registry, statutes or assessor");
    }
    o.by = origin.value("by", std::string());
    o.date = origin.value("date", std::string());
    if (origin.contains("evidence")) o.evidence = origin["evidence"];
    profile->origins[path] = std::move(o);
  }
  return Status::Ok();
}

// Fact paths that hold a value, in catalogue order.
std::vector<std::string> PresentFacts(const Profile& profile, const Catalogue& catalogue) {
  std::vector<std::string> out;
  for (const FactSpec& f : catalogue.facts()) {
    if (!FactValue(profile, f.path).is_null()) out.push_back(f.path);
  }
  return out;
}

}  // namespace

std::string SubjectOf(const json& facts) {
  if (facts.contains("programme") && !facts["programme"].is_null()) return "programme";
  if (facts.contains("initiative") && !facts["initiative"].is_null()) return "initiative";
  return "organisation";
}

Result<Profile> ParseProfile(const json& doc, const Catalogue& catalogue,
                             const std::string& default_source) {
  if (!doc.is_object()) return InvalidArgument("profile: expected a JSON object of facts");
  try {
    ECOSOL_RETURN_IF_ERROR(CheckFacts(doc, "", catalogue));
    Profile profile;
    profile.facts = doc;
    profile.facts.erase("provenance");
    profile.facts.erase("notes");
    ECOSOL_RETURN_IF_ERROR(ReadProvenance(doc, catalogue, &profile));
    profile.subject = SubjectOf(doc);
    for (const std::string& path : PresentFacts(profile, catalogue)) {
      if (!profile.origins.count(path)) profile.origins[path].source = default_source;
    }
    return profile;
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("profile: ") + e.what());
  }
}

json ProfileToJson(const Profile& profile) {
  json out = profile.facts;
  json provenance = json::object();
  for (const auto& [path, o] : profile.origins) {
    json entry = {{"source", o.source}};
    if (!o.by.empty()) entry["by"] = o.by;
    if (!o.date.empty()) entry["date"] = o.date;
    if (!o.evidence.is_null()) entry["evidence"] = o.evidence;
    provenance[path] = std::move(entry);
  }
  out["provenance"] = std::move(provenance);
  return out;
}

void ApplyStatutes(const text::StatutesAnalysis& analysis, const Catalogue& catalogue,
                   Profile* profile) {
  std::map<std::string, bool> set_by_statutes;
  for (const text::Clause& clause : analysis.clauses) {
    std::string polarity = clause.polarity == text::Polarity::kAffirmed ? "affirmed" : "negated";
    for (const auto& m : catalogue.statutes_mappings()) {
      if (m.clause != clause.type || m.polarity != polarity) continue;
      json value = m.value;
      if (value.is_string() && value.get<std::string>() == "$value") {
        if (!clause.value) continue;
        value = *clause.value;
      }
      if (set_by_statutes.count(m.fact)) continue;  // the first clause wins
      set_by_statutes[m.fact] = true;
      json evidence = {{"clause", clause.type},
                       {"polarity", polarity},
                       {"start", clause.evidence.start},
                       {"end", clause.evidence.end},
                       {"text", clause.evidence.text}};
      // A limit ("may not exceed 35%") is what the statutes guarantee, so it is the fact screened,
      // whatever figure was declared for one year.
      if (!m.bound.empty()) evidence["bound"] = m.bound;
      json declared = FactValue(*profile, m.fact);
      if (!declared.is_null() && declared != value) {
        profile->conflicts.push_back({m.fact, declared, value, evidence});
      }
      profile->facts[Pointer(m.fact)] = value;
      FactOrigin origin;
      origin.source = "statutes";
      origin.evidence = std::move(evidence);
      profile->origins[m.fact] = std::move(origin);
    }
  }
}

}  // namespace ecosol::screening
