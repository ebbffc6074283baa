// Loading the transfer-context framework. Every check names the file and the entry, so that an
// editor of frameworks/transfer-context.yaml can find and fix the mistake.

#include "ecosol/knowledge/framework.h"

#include <algorithm>
#include <set>

#include "ecosol/rules/framework_file.h"
#include "text_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

// The templates the analysis fills (transfer_text.cc); a framework without one cannot explain.
const std::vector<std::string> kTexts = {"holds",
                                         "fails",
                                         "unknown",
                                         "difference",
                                         "no_evidence",
                                         "no_difference",
                                         "unknown_value",
                                         "none",
                                         "yes",
                                         "no",
                                         "judgement_redesign",
                                         "judgement_adapt",
                                         "judgement_fits",
                                         "judgement_insufficient_evidence",
                                         "judgement_unknowns",
                                         "judgement_differences"};
const std::vector<std::string> kOps = {"at_least",     "at_most", "includes",
                                       "includes_any", "is",      "in"};

Result<std::string> ParseId(const json& entry, const std::string& where) {
  if (!entry.is_object()) return InvalidArgument(where + ": expected a map with an 'id'");
  auto it = entry.find("id");
  if (it == entry.end() || !it->is_string() || it->get<std::string>().empty()) {
    return InvalidArgument(where + ": an entry has no 'id'");
  }
  return it->get<std::string>();
}

Result<FeatureType> ParseType(const json& entry, const std::string& where) {
  const std::string type = entry.value("type", "");
  if (type == "share") return FeatureType::kShare;
  if (type == "number") return FeatureType::kNumber;
  if (type == "level") return FeatureType::kLevel;
  if (type == "list") return FeatureType::kList;
  if (type == "bool") return FeatureType::kBool;
  if (type == "choice") return FeatureType::kChoice;
  return InvalidArgument(where + ": type '" + type +
                         "' is not share, number, level, list, bool or choice");
}

Result<std::vector<std::string>> ParseNames(const json& entry, const std::string& key,
                                            size_t at_least, const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_array() || it->size() < at_least) {
    return InvalidArgument(where + ": needs '" + key + "', a list of at least " +
                           std::to_string(at_least) + " names");
  }
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const json& v : *it) {
    if (!v.is_string() || v.get<std::string>().empty()) {
      return InvalidArgument(where + ": '" + key + "' must list names");
    }
    if (!seen.insert(v.get<std::string>()).second) {
      return InvalidArgument(where + ": '" + key + "' lists '" + v.get<std::string>() + "' twice");
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

// Every level or value is said in words in the four languages, and nothing else is.
Status ParseValueLabels(const json& entry, const std::vector<std::string>& names,
                        const std::string& where, Feature* f) {
  const json labels = entry.value("value_labels", json::object());
  for (const std::string& name : names) {
    auto text = rules::ParseTexts(labels, name, where + ": value_labels");
    if (!text.ok()) return text.status();
    f->value_labels[name] = *text;
  }
  for (auto it = labels.begin(); it != labels.end(); ++it) {
    if (!f->value_labels.count(it.key())) {
      return InvalidArgument(where + ": value_labels: '" + it.key() + "' is not one of its " +
                             (f->type == FeatureType::kLevel ? "levels" : "values"));
    }
  }
  return Status::Ok();
}

Status ParseValues(const json& entry, const std::string& where, Feature* f) {
  if (f->type == FeatureType::kLevel) {
    auto levels = ParseNames(entry, "levels", 2, where);
    if (!levels.ok()) return levels.status();
    f->levels = std::move(*levels);
    return ParseValueLabels(entry, f->levels, where, f);
  }
  if (f->type == FeatureType::kList || f->type == FeatureType::kChoice) {
    auto values = ParseNames(entry, "values", 2, where);
    if (!values.ok()) return values.status();
    f->values = std::move(*values);
    return ParseValueLabels(entry, f->values, where, f);
  }
  return Status::Ok();
}

// Which rule of notability fits which type: a gap for shares, a ratio for numbers, steps for
// levels, missing items for lists, any difference for bools and choices.
Result<Notable> ParseNotable(const json& entry, FeatureType type, const std::string& where) {
  auto it = entry.find("notable");
  if (it == entry.end()) return InvalidArgument(where + ": needs 'notable'");
  if (it->is_string() && *it == "any_difference" &&
      (type == FeatureType::kBool || type == FeatureType::kChoice)) {
    return Notable{Notable::Kind::kAnyDifference, 0};
  }
  if (it->is_string() && *it == "missing_items" && type == FeatureType::kList) {
    return Notable{Notable::Kind::kMissingItems, 0};
  }
  struct Option {
    FeatureType type;
    const char* key;
    Notable::Kind kind;
    double min;  // the amount must exceed it (a gap above 0, a ratio above 1, a step or more)
  };
  for (const Option& o : {Option{FeatureType::kShare, "gap", Notable::Kind::kGap, 0.0},
                          Option{FeatureType::kNumber, "ratio", Notable::Kind::kRatio, 1.0},
                          Option{FeatureType::kLevel, "steps", Notable::Kind::kSteps, 0.0}}) {
    if (type != o.type) continue;
    auto v = it->is_object() ? it->find(o.key) : it->end();
    // Steps count whole levels: a fraction of a step would only mean "the next one up".
    const bool whole = o.kind != Notable::Kind::kSteps || v == it->end() || v->is_number_integer();
    if (v != it->end() && v->is_number() && whole && v->get<double>() > o.min) {
      return Notable{o.kind, v->get<double>()};
    }
  }
  return InvalidArgument(
      where +
      ": 'notable' must be any_difference (bool, choice), missing_items "
      "(list), {gap: >0} (share), {ratio: >1} (number) or {steps: a whole number >= 1} "
      "(level)");
}

Result<Feature> ParseFeature(const json& entry, const TransferFramework& f,
                             const std::string& where) {
  auto id = ParseId(entry, where + ": features");
  if (!id.ok()) return id.status();
  const std::string w = where + ": feature '" + *id + "'";
  Feature feature;
  feature.id = *id;
  feature.domain = entry.value("domain", "");
  if (!f.FindDomain(feature.domain)) {
    return InvalidArgument(w + ": domain '" + feature.domain + "' is not one of the domains");
  }
  auto type = ParseType(entry, w);
  if (!type.ok()) return type.status();
  feature.type = *type;
  ECOSOL_RETURN_IF_ERROR(ParseValues(entry, w, &feature));
  auto label = rules::ParseTexts(entry, "label", w);
  if (!label.ok()) return label.status();
  feature.label = *label;
  auto question = rules::ParseTexts(entry, "question", w);
  if (!question.ok()) return question.status();
  feature.question = *question;
  feature.flag = entry.value("flag", "");
  if (!f.FindFlag(feature.flag)) {
    return InvalidArgument(w + ": flag '" + feature.flag + "' is not listed under 'flags'");
  }
  auto notable = ParseNotable(entry, feature.type, w);
  if (!notable.ok()) return notable.status();
  feature.notable = *notable;
  return feature;
}

Status ParseDomains(const json& doc, const std::string& where, TransferFramework* f) {
  auto it = doc.find("domains");
  if (it == doc.end() || !it->is_array()) return InvalidArgument(where + ": needs 'domains'");
  for (const json& entry : *it) {
    auto id = ParseId(entry, where + ": domains");
    if (!id.ok()) return id.status();
    const auto& cici = CiciDomains();
    if (std::find(cici.begin(), cici.end(), *id) == cici.end()) {
      return InvalidArgument(where + ": domain '" + *id + "' is not a CICI domain");
    }
    if (f->FindDomain(*id)) return InvalidArgument(where + ": domain '" + *id + "' twice");
    auto label = rules::ParseTexts(entry, "label", where + ": domain '" + *id + "'");
    if (!label.ok()) return label.status();
    f->domains.push_back({*id, *label});
  }
  for (const std::string& id : CiciDomains()) {
    if (!f->FindDomain(id)) return InvalidArgument(where + ": domain '" + id + "' is missing");
  }
  return Status::Ok();
}

Status ParseFlags(const json& doc, const std::string& where, TransferFramework* f) {
  auto it = doc.find("flags");
  if (it == doc.end() || !it->is_array()) return InvalidArgument(where + ": needs 'flags'");
  for (const json& entry : *it) {
    auto id = ParseId(entry, where + ": flags");
    if (!id.ok()) return id.status();
    const std::string w = where + ": flag '" + *id + "'";
    if (f->FindFlag(*id)) return InvalidArgument(w + ": listed twice");
    auto severity = SeverityFromString(entry.value("severity", ""));
    if (!severity) return InvalidArgument(w + ": 'severity' must be low, medium or high");
    auto text = rules::ParseTexts(entry, "text", w);
    if (!text.ok()) return text.status();
    auto adaptation = rules::ParseTexts(entry, "adaptation", w);
    if (!adaptation.ok()) return adaptation.status();
    std::vector<std::string> assets;
    if (entry.contains("assets")) {
      const json& list = entry["assets"];
      if (!list.is_array()) return InvalidArgument(w + ": 'assets' must be a list of asset types");
      for (const json& a : list) {
        if (!a.is_string() || a.get<std::string>().empty()) {
          return InvalidArgument(w + ": 'assets' must list asset type ids (partner-assets.yaml)");
        }
        assets.push_back(a.get<std::string>());
      }
    }
    f->flags.push_back({*id, *severity, *text, *adaptation, std::move(assets)});
  }
  return Status::Ok();
}

Status ParseFeatures(const json& doc, const std::string& where, TransferFramework* f) {
  auto it = doc.find("features");
  if (it == doc.end() || !it->is_array()) return InvalidArgument(where + ": needs 'features'");
  for (const json& entry : *it) {
    auto feature = ParseFeature(entry, *f, where);
    if (!feature.ok()) return feature.status();
    if (f->FindFeature(feature->id)) {
      return InvalidArgument(where + ": feature '" + feature->id + "' is listed twice");
    }
    f->features.push_back(std::move(*feature));
  }
  return Status::Ok();
}

Status ParseTemplates(const json& doc, const std::string& key, const std::vector<std::string>& ids,
                      const std::string& where, std::map<std::string, Text>* out) {
  const json section = doc.value(key, json::object());
  for (const std::string& id : ids) {
    auto text = rules::ParseTexts(section, id, where + ": " + key);
    if (!text.ok()) return text.status();
    (*out)[id] = *text;
  }
  return Status::Ok();
}

Result<std::shared_ptr<const TransferFramework>> Parse(const json& doc, const std::string& where) {
  auto head = rules::ParseFrameworkHead(doc, "transfer_context", where);
  if (!head.ok()) return head.status();
  auto f = std::make_shared<TransferFramework>();
  f->id = head->id;
  f->version = head->version;
  auto title = rules::ParseTexts(doc, "title", where);
  if (!title.ok()) return title.status();
  f->title = *title;
  ECOSOL_RETURN_IF_ERROR(ParseDomains(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseFlags(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseFeatures(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseTemplates(doc, "ops", kOps, where, &f->ops));
  ECOSOL_RETURN_IF_ERROR(ParseTemplates(doc, "texts", kTexts, where, &f->texts));
  return std::shared_ptr<const TransferFramework>(std::move(f));
}

}  // namespace

std::string_view ToString(FeatureType type) {
  switch (type) {
    case FeatureType::kShare:
      return "share";
    case FeatureType::kNumber:
      return "number";
    case FeatureType::kLevel:
      return "level";
    case FeatureType::kList:
      return "list";
    case FeatureType::kBool:
      return "bool";
    case FeatureType::kChoice:
      return "choice";
  }
  return "bool";
}

std::string_view ToString(Severity severity) {
  switch (severity) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
  }
  return "high";
}

std::optional<Severity> SeverityFromString(std::string_view s) {
  if (s == "low") return Severity::kLow;
  if (s == "medium") return Severity::kMedium;
  if (s == "high") return Severity::kHigh;
  return std::nullopt;
}

int Feature::LevelIndex(std::string_view level) const {
  for (size_t i = 0; i < levels.size(); ++i) {
    if (levels[i] == level) return static_cast<int>(i);
  }
  return -1;
}

const Feature* TransferFramework::FindFeature(std::string_view feature_id) const {
  for (const Feature& f : features) {
    if (f.id == feature_id) return &f;
  }
  return nullptr;
}

const Domain* TransferFramework::FindDomain(std::string_view domain_id) const {
  for (const Domain& d : domains) {
    if (d.id == domain_id) return &d;
  }
  return nullptr;
}

const FlagDefinition* TransferFramework::FindFlag(std::string_view flag_id) const {
  for (const FlagDefinition& f : flags) {
    if (f.id == flag_id) return &f;
  }
  return nullptr;
}

const std::vector<std::string>& CiciDomains() {
  static const std::vector<std::string> kDomains = {
      "geographical", "socio_cultural", "socio_economic", "legal",
      "political",    "ethical",        "epidemiological"};
  return kDomains;
}

Result<std::shared_ptr<const TransferFramework>> ParseTransferFramework(const json& doc,
                                                                        const std::string& where) {
  return rules::ParseGuarded(where, [&] { return Parse(doc, where); });
}

Result<std::shared_ptr<const TransferFramework>> LoadTransferFramework(const std::string& path) {
  auto doc = rules::ReadFrameworkFile(path, "transfer-context.yaml");
  if (!doc.ok()) return doc.status();
  return ParseTransferFramework(*doc, path);
}

}  // namespace ecosol::knowledge
