// The words of a transfer analysis (transfer_text.h). Every sentence comes from a template of
// the framework, so that translators and domain editors change wording without touching code.

#include "transfer_text.h"

#include <cmath>
#include <functional>
#include <set>

#include "text_util.h"

namespace ecosol::knowledge::internal {
namespace {

std::string Number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(std::llround(v));
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  return s;
}

// A level, choice or list item by its label; the framework guarantees every one has a label.
Text NameText(const Feature& feature, const std::string& name) {
  auto it = feature.value_labels.find(name);
  return it == feature.value_labels.end() ? Same(name) : it->second;
}

Text ListText(const TransferFramework& framework, const Feature& feature,
              const std::vector<std::string>& items) {
  if (items.empty()) return framework.texts.at("none");
  std::vector<Text> parts;
  for (const std::string& item : items) parts.push_back(NameText(feature, item));
  return Join(parts);
}

std::vector<Text> Labels(const std::vector<std::string>& ids,
                         const std::function<const Text*(const std::string&)>& label_of) {
  std::vector<Text> out;
  for (const std::string& id : ids) {
    const Text* label = label_of(id);
    out.push_back(label ? *label : Same(id));
  }
  return out;
}

const std::string& TemplateKey(const TransferAnalysis& analysis, bool any_high) {
  static const std::string kRedesign = "redesign", kAdapt = "adapt",
                           kInsufficient = "insufficient_evidence", kFits = "fits";
  if (any_high) return kRedesign;
  if (!analysis.risk_flags.empty()) return kAdapt;
  if (!analysis.unknowns.empty()) return kInsufficient;
  return kFits;
}

// The elements the flags threaten and the domains they fall in, in order, each once.
void FlaggedElementsAndDomains(const Case& c, const TransferAnalysis& analysis, bool any_high,
                               std::vector<Text>* elements, std::vector<std::string>* domains) {
  std::set<std::string> seen_elements;
  for (const CoreElement& e : c.core_elements) {
    for (const RiskFlag& f : analysis.risk_flags) {
      if (f.element == e.id && seen_elements.insert(e.id).second) elements->push_back(e.label);
    }
  }
  for (const DomainFit& d : analysis.domains) {
    bool poor = d.fit == Fit::kPoor;
    bool flagged = d.fit == Fit::kPoor || d.fit == Fit::kPartial;
    bool has_flag = false;
    for (const RiskFlag& f : analysis.risk_flags) has_flag = has_flag || f.domain == d.domain;
    if (has_flag && (any_high ? poor : flagged)) domains->push_back(d.domain);
  }
}

}  // namespace

Text ValueText(const TransferFramework& framework, const Feature& feature,
               const FeatureValue* value) {
  if (!value) return framework.texts.at("unknown_value");
  if (const bool* b = std::get_if<bool>(value)) return framework.texts.at(*b ? "yes" : "no");
  if (const std::string* s = std::get_if<std::string>(value)) return NameText(feature, *s);
  if (const auto* items = std::get_if<std::vector<std::string>>(value)) {
    return ListText(framework, feature, *items);
  }
  // Shares read better as percentages ("70%") than as 0.7.
  const double v = std::get<double>(*value);
  if (feature.type == FeatureType::kShare) return Same(Number(std::round(v * 100)) + "%");
  return Same(Number(v));
}

std::map<std::string, Text> DependencyWords(const TransferFramework& framework,
                                            const Feature& feature, const CoreElement& element,
                                            const Dependency& dependency,
                                            const FeatureValue* origin,
                                            const FeatureValue* target) {
  const Text value = ValueText(framework, feature, &dependency.value);
  const Text expected =
      Fill(framework.ops.at(std::string(ToString(dependency.op))), {{"value", value}});
  return {{"element", element.label},
          {"feature", feature.label},
          {"expected", expected},
          {"origin", ValueText(framework, feature, origin)},
          {"target", ValueText(framework, feature, target)},
          {"question", feature.question}};
}

std::map<std::string, Text> DifferenceWords(const TransferFramework& framework,
                                            const Feature& feature, const FeatureValue& origin,
                                            const FeatureValue& target) {
  return {{"feature", feature.label},
          {"origin", ValueText(framework, feature, &origin)},
          {"target", ValueText(framework, feature, &target)}};
}

void Judge(const TransferFramework& framework, const Case& c, const ContextProfile& target,
           const std::vector<std::string>& differing_features, TransferAnalysis* analysis) {
  bool any_high = false;
  for (const RiskFlag& f : analysis->risk_flags)
    any_high = any_high || f.severity == Severity::kHigh;
  analysis->verdict = TemplateKey(*analysis, any_high);
  std::vector<Text> elements;
  std::vector<std::string> domains;
  FlaggedElementsAndDomains(c, *analysis, any_high, &elements, &domains);
  auto domain_label = [&](const std::string& id) -> const Text* {
    const Domain* d = framework.FindDomain(id);
    return d ? &d->label : nullptr;
  };
  auto feature_label = [&](const std::string& id) -> const Text* {
    const Feature* f = framework.FindFeature(id);
    return f ? &f->label : nullptr;
  };
  const std::string name = !target.name.empty() ? target.name : target.id;
  Text judgement = Fill(framework.texts.at("judgement_" + analysis->verdict),
                        {{"case", c.title},
                         {"target_name", Same(name)},
                         {"count", Same(std::to_string(analysis->risk_flags.size()))},
                         {"elements", Join(elements)},
                         {"domains", Join(Labels(domains, domain_label))}});
  std::vector<std::string> unknown_features;
  for (const Unknown& u : analysis->unknowns) {
    bool seen = false;
    for (const std::string& f : unknown_features) seen = seen || f == u.feature;
    if (!seen) unknown_features.push_back(u.feature);
  }
  std::vector<Text> extra;
  if (!analysis->unknowns.empty()) {
    extra.push_back(Fill(framework.texts.at("judgement_unknowns"),
                         {{"count", Same(std::to_string(analysis->unknowns.size()))},
                          {"features", Join(Labels(unknown_features, feature_label))}}));
  }
  if (!differing_features.empty()) {
    extra.push_back(Fill(framework.texts.at("judgement_differences"),
                         {{"features", Join(Labels(differing_features, feature_label))}}));
  }
  for (const Text& sentence : extra) {
    for (auto& [lang, s] : judgement) s += " " + InLanguage(sentence, lang);
  }
  analysis->judgement = std::move(judgement);
}

}  // namespace ecosol::knowledge::internal
