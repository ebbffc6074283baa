#include "ecosol/knowledge/lineage.h"

#include <algorithm>
#include <cctype>

#include "ecosol/knowledge/case.h"
#include "text_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// YYYY-MM or YYYY-MM-DD.
bool IsDate(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10)
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

// Reads parent[key], a string; "" when absent.
Result<std::string> OptionalString(const json& parent, const std::string& key,
                                   const std::string& where) {
  if (!parent.contains(key) || parent[key].is_null()) return std::string();
  if (!parent[key].is_string()) return InvalidArgument(where + ": '" + key + "' must be text");
  return parent[key].get<std::string>();
}

Result<std::string> OptionalValue(const json& parent, const std::string& key,
                                  FrameVocabulary vocabulary, const std::string& where) {
  auto v = OptionalString(parent, key, where);
  if (!v.ok() || v->empty()) return v;
  const auto& allowed = AllowedValues(vocabulary);
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) {
    return InvalidArgument(where + ": " + key + " '" + *v + "' is not one of " + Joined(allowed));
  }
  return v;
}

Result<std::string> OptionalDate(const json& parent, const std::string& key,
                                 const std::string& where) {
  auto v = OptionalString(parent, key, where);
  if (!v.ok() || v->empty()) return v;
  if (!IsDate(*v)) {
    return InvalidArgument(where + ": " + key + " '" + *v +
                           "' is not a date (YYYY-MM-DD or YYYY-MM)");
  }
  return v;
}

Result<std::vector<std::string>> StringList(const json& parent, const std::string& key,
                                            const std::string& where) {
  std::vector<std::string> out;
  if (!parent.contains(key) || parent[key].is_null()) return out;
  if (!parent[key].is_array()) return InvalidArgument(where + ": '" + key + "' must be a list");
  for (const json& v : parent[key]) {
    if (!v.is_string() || v.get<std::string>().empty()) {
      return InvalidArgument(where + ": '" + key + "' must list non-empty texts");
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<Text> OptionalText(const json& parent, const std::string& key, const std::string& where) {
  if (!parent.contains(key) || parent[key].is_null()) return Text();
  return internal::ParseTextValue(parent[key], key, where);
}

Result<AdaptationRecord> ParseAdaptation(const json& a, const std::string& where) {
  if (!a.is_object()) return InvalidArgument(where + ": an adaptation must be an object");
  AdaptationRecord r;
  auto element = OptionalString(a, "element", where);
  if (!element.ok()) return element.status();
  r.element = *element;
  struct Field {
    const char* key;
    FrameVocabulary vocabulary;
    std::string* out;
  };
  for (const Field& f : {Field{"when", FrameVocabulary::kWhen, &r.when},
                         Field{"planned", FrameVocabulary::kPlanned, &r.planned},
                         Field{"what", FrameVocabulary::kWhat, &r.what},
                         Field{"level", FrameVocabulary::kLevel, &r.level},
                         Field{"change", FrameVocabulary::kChange, &r.change}}) {
    auto v = OptionalValue(a, f.key, f.vocabulary, where);
    if (!v.ok()) return v.status();
    *f.out = *v;
  }
  auto decided = StringList(a, "decided_by", where);
  if (!decided.ok()) return decided.status();
  r.decided_by = *decided;
  auto reasons = StringList(a, "reasons", where);
  if (!reasons.ok()) return reasons.status();
  const auto& allowed = AllowedValues(FrameVocabulary::kReason);
  for (const std::string& reason : *reasons) {
    if (std::find(allowed.begin(), allowed.end(), reason) == allowed.end()) {
      return InvalidArgument(where + ": reason '" + reason + "' is not one of " + Joined(allowed));
    }
  }
  r.reasons = *reasons;
  auto description = OptionalText(a, "description", where);
  if (!description.ok()) return description.status();
  r.description = *description;
  if (r.description.empty()) {
    return InvalidArgument(where + ": 'description' is required: say what was changed");
  }
  auto why = OptionalText(a, "why", where);
  if (!why.ok()) return why.status();
  r.why = *why;
  if (a.contains("fidelity_consistent") && !a["fidelity_consistent"].is_null()) {
    if (!a["fidelity_consistent"].is_boolean()) {
      return InvalidArgument(where + ": 'fidelity_consistent' must be true, false or null");
    }
    r.fidelity_consistent = a["fidelity_consistent"].get<bool>();
  }
  auto date = OptionalDate(a, "date", where);
  if (!date.ok()) return date.status();
  r.date = *date;
  return r;
}

void PutText(json* out, const char* key, const Text& t) {
  if (!t.empty()) (*out)[key] = t;
}

}  // namespace

const std::vector<std::string>& AllowedValues(FrameVocabulary vocabulary) {
  static const std::map<FrameVocabulary, std::vector<std::string>> kTable = {
      {FrameVocabulary::kWhen, {"pre_implementation", "implementation", "scale_up", "maintenance"}},
      {FrameVocabulary::kPlanned, {"planned", "reactive"}},
      {FrameVocabulary::kWhat, {"content", "context", "training", "evaluation", "implementation"}},
      {FrameVocabulary::kLevel,
       {"individual", "group", "organisation", "network", "community", "region", "country"}},
      {FrameVocabulary::kChange,
       {"tailoring", "adding", "removing", "shortening", "lengthening", "substituting",
        "reordering", "integrating", "repeating", "loosening_structure", "departing"}},
      {FrameVocabulary::kReason,
       {"sociopolitical", "organisation", "provider", "recipient", "evidence"}},
      {FrameVocabulary::kOutcome, {"ongoing", "success", "partial", "failure", "abandoned"}},
  };
  return kTable.at(vocabulary);
}

Result<TransferLineage> ParseTransferLineage(const TransferFramework& framework, const json& doc) {
  if (!doc.is_object()) return InvalidArgument("a transfer must be a JSON object");
  TransferLineage t;
  auto id = OptionalString(doc, "id", "transfer");
  if (!id.ok()) return id.status();
  t.id = *id;
  const std::string where = "transfer '" + t.id + "'";
  if (!t.id.empty() && !IsValidCaseId(t.id)) {
    return InvalidArgument(where + ": the id must match [a-z0-9][a-z0-9._-]{0,127}");
  }
  auto origin = OptionalString(doc, "origin_case", where);
  if (!origin.ok()) return origin.status();
  auto adapted = OptionalString(doc, "case", where);
  if (!adapted.ok()) return adapted.status();
  if (origin->empty() || adapted->empty()) {
    return InvalidArgument(where +
                           ": 'origin_case' (the case transferred) and 'case' (the case "
                           "describing it where it went) are both required");
  }
  if (*origin == *adapted) return InvalidArgument(where + ": a case is not a transfer of itself");
  t.origin_case = *origin;
  t.case_id = *adapted;
  auto started = OptionalDate(doc, "started", where);
  if (!started.ok()) return started.status();
  t.started = *started;
  if (doc.contains("flags") && !doc["flags"].is_null()) {
    auto flags = StringList(doc, "flags", where);
    if (!flags.ok()) return flags.status();
    for (const std::string& f : *flags) {
      if (framework.FindFlag(f) == nullptr) {
        return InvalidArgument(where + ": flags: '" + f + "' is not a risk flag of " +
                               framework.id);
      }
    }
    t.flags = *flags;
    t.flags_given = true;
  }
  if (doc.contains("target") && !doc["target"].is_null()) {
    if (!doc["target"].is_object()) {
      return InvalidArgument(where + ": 'target' must be a context profile (an object)");
    }
    t.target = doc["target"];
  }
  if (doc.contains("adaptations") && !doc["adaptations"].is_null()) {
    if (!doc["adaptations"].is_array()) {
      return InvalidArgument(where + ": 'adaptations' must be a list");
    }
    for (size_t i = 0; i < doc["adaptations"].size(); ++i) {
      auto a = ParseAdaptation(doc["adaptations"][i],
                               where + ": adaptations[" + std::to_string(i) + "]");
      if (!a.ok()) return a.status();
      t.adaptations.push_back(std::move(*a));
    }
  }
  auto outcome = OptionalValue(doc, "outcome", FrameVocabulary::kOutcome, where);
  if (!outcome.ok()) return outcome.status();
  if (!outcome->empty()) t.outcome = *outcome;
  auto note = OptionalText(doc, "outcome_note", where);
  if (!note.ok()) return note.status();
  t.outcome_note = *note;
  return t;
}

json TransferLineageToJson(const TransferLineage& t) {
  json out = {{"id", t.id}, {"origin_case", t.origin_case}, {"case", t.case_id}};
  if (!t.started.empty()) out["started"] = t.started;
  out["flags"] = t.flags;
  if (!t.target.is_null()) out["target"] = t.target;
  json adaptations = json::array();
  for (const AdaptationRecord& a : t.adaptations) {
    json j = json::object();
    if (!a.element.empty()) j["element"] = a.element;
    for (const auto& [key, value] :
         std::vector<std::pair<const char*, const std::string*>>{{"when", &a.when},
                                                                 {"planned", &a.planned},
                                                                 {"what", &a.what},
                                                                 {"level", &a.level},
                                                                 {"change", &a.change},
                                                                 {"date", &a.date}}) {
      if (!value->empty()) j[key] = *value;
    }
    if (!a.decided_by.empty()) j["decided_by"] = a.decided_by;
    PutText(&j, "description", a.description);
    j["fidelity_consistent"] = a.fidelity_consistent ? json(*a.fidelity_consistent) : json();
    if (!a.reasons.empty()) j["reasons"] = a.reasons;
    PutText(&j, "why", a.why);
    adaptations.push_back(std::move(j));
  }
  out["adaptations"] = std::move(adaptations);
  out["outcome"] = t.outcome;
  PutText(&out, "outcome_note", t.outcome_note);
  return out;
}

FlagHistory FlagHistoryOf(const std::vector<TransferLineage>& transfers) {
  FlagHistory h;
  std::map<std::string, FlagRecord> by_flag;
  for (const TransferLineage& t : transfers) {
    if (t.outcome == "ongoing") continue;
    bool failed = t.outcome == "failure" || t.outcome == "abandoned";
    ++h.transfers_known;
    if (failed) ++h.failed;
    std::vector<std::string> flags = t.flags;
    std::sort(flags.begin(), flags.end());
    flags.erase(std::unique(flags.begin(), flags.end()), flags.end());
    for (const std::string& f : flags) {
      FlagRecord& r = by_flag[f];
      r.flag = f;
      ++r.transfers;
      if (failed) ++r.failed;
    }
  }
  for (auto& [flag, r] : by_flag) {
    r.failure_share = static_cast<double>(r.failed) / static_cast<double>(r.transfers);
    h.flags.push_back(r);
  }
  std::sort(h.flags.begin(), h.flags.end(), [](const FlagRecord& a, const FlagRecord& b) {
    return a.transfers != b.transfers ? a.transfers > b.transfers : a.flag < b.flag;
  });
  return h;
}

json FlagHistoryToJson(const FlagHistory& h) {
  json flags = json::array();
  for (const FlagRecord& r : h.flags) {
    flags.push_back({{"flag", r.flag},
                     {"transfers", r.transfers},
                     {"failed", r.failed},
                     {"failure_share", r.failure_share}});
  }
  return {
      {"transfers_known", h.transfers_known}, {"failed", h.failed}, {"flags", std::move(flags)}};
}

}  // namespace ecosol::knowledge
