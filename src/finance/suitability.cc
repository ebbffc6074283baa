// Suitability of a mechanism for a profile, and the catalogue as JSON (mechanisms.h).

#include <algorithm>
#include <cmath>

#include "catalogue_util.h"
#include "ecosol/finance/mechanisms.h"

namespace ecosol::finance {
namespace {

using catalogue_internal::Join;
using nlohmann::json;

std::string Shown(const json& value) {
  return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

Status CheckFact(const FactDefinition& fact, const json& value) {
  const std::string w = "facts." + fact.path + ": " + Shown(value);
  if (fact.type == "enum") {
    const bool known =
        value.is_string() && std::find(fact.values.begin(), fact.values.end(),
                                       value.get<std::string>()) != fact.values.end();
    if (!known) return InvalidArgument(w + " is not one of " + Join(fact.values));
  } else if (fact.type == "boolean") {
    if (!value.is_boolean()) return InvalidArgument(w + " must be true or false");
  } else if (fact.type == "string") {
    if (!value.is_string()) return InvalidArgument(w + " must be a string");
  } else if (!value.is_number()) {
    return InvalidArgument(w + " must be a number (" + fact.type + ")");
  } else {
    const double v = value.get<double>();
    if ((fact.type == "money" || fact.type == "count") && v < 0) {
      return InvalidArgument(w + " must not be negative");
    }
    if (fact.type == "count" && std::floor(v) != v) {
      return InvalidArgument(w + " must be a whole number");
    }
    if (fact.type == "share" && (v < 0 || v > 1)) {
      return InvalidArgument(w + " must be a share from 0 to 1");
    }
  }
  return Status::Ok();
}

json RuleSource(const MechanismCatalogue& catalogue, const SourceRef& ref) {
  json out = {{"ref", ref.ref}};
  if (!ref.article.empty()) out["article"] = ref.article;
  if (const Source* s = catalogue.FindSource(ref.ref)) out["title"] = s->title;
  return out;
}

}  // namespace

std::string_view ToString(Fit fit) {
  switch (fit) {
    case Fit::kFits:
      return "fits";
    case Fit::kUnknown:
      return "unknown";
    case Fit::kDoesNotFit:
      return "does_not_fit";
  }
  return "unknown";
}

Status CheckProfileFacts(const MechanismCatalogue& catalogue, const json& facts) {
  if (!facts.is_object()) return InvalidArgument("facts: expected an object of profile facts");
  for (const FactDefinition& fact : catalogue.facts) {
    const json* value = catalogue_internal::FindPath(facts, fact.path);
    if (value == nullptr || value->is_null()) continue;
    ECOSOL_RETURN_IF_ERROR(CheckFact(fact, *value));
  }
  return Status::Ok();
}

SuitabilityResult CheckSuitability(const MechanismCatalogue& catalogue, const Mechanism& mechanism,
                                   const json& facts) {
  SuitabilityResult result;
  result.mechanism = &mechanism;
  for (const std::string& id : mechanism.rules) {
    const SuitabilityRule* rule = catalogue.FindRule(id);
    if (rule == nullptr) continue;  // the loader checked every id
    rules::Outcome o = rule->rule.Evaluate(facts);
    result.outcomes.push_back({rule, o.kind, std::move(o.missing)});
    if (o.kind == rules::Outcome::Kind::kTrue) ++result.passed;
    if (o.kind == rules::Outcome::Kind::kFalse) ++result.failed;
    if (o.kind == rules::Outcome::Kind::kUnknown) ++result.unknown;
  }
  result.fit = result.failed > 0    ? Fit::kDoesNotFit
               : result.unknown > 0 ? Fit::kUnknown
                                    : Fit::kFits;
  return result;
}

json SuitabilityToJson(const MechanismCatalogue& catalogue, const SuitabilityResult& result,
                       const std::string& lang) {
  const Mechanism& m = *result.mechanism;
  json out = {
      {"mechanism", m.id},
      {"label", InLanguage(m.label, lang)},
      {"axes", {{"origin", m.axes.origin}, {"provider", m.axes.provider}, {"terms", m.axes.terms}}},
      {"instrument", m.instrument},
      {"fit", std::string(ToString(result.fit))},
      {"passed", json::array()},
      {"failed", json::array()},
      {"unknown", json::array()}};
  for (const RuleOutcome& o : result.outcomes) {
    const SuitabilityRule& r = *o.rule;
    json item = {{"rule", r.id}, {"source", RuleSource(catalogue, r.source)}};
    if (o.kind == rules::Outcome::Kind::kTrue) {
      item["text"] = InLanguage(r.passed, lang);
      out["passed"].push_back(std::move(item));
    } else if (o.kind == rules::Outcome::Kind::kFalse) {
      item["reason"] = InLanguage(r.failed, lang);
      item["change"] = InLanguage(r.change, lang);
      out["failed"].push_back(std::move(item));
    } else {
      item["missing"] = o.missing;
      out["unknown"].push_back(std::move(item));
    }
  }
  return out;
}

json CatalogueToJson(const MechanismCatalogue& catalogue) {
  json mechanisms = json::array();
  for (const Mechanism& m : catalogue.mechanisms) {
    json rules = json::array();
    for (const std::string& id : m.rules) {
      const SuitabilityRule* r = catalogue.FindRule(id);
      if (r == nullptr) continue;
      rules.push_back({{"id", r->id},
                       {"rule", r->rule.Source()},
                       {"source", RuleSource(catalogue, r->source)},
                       {"passed", r->passed},
                       {"failed", r->failed},
                       {"change", r->change}});
    }
    mechanisms.push_back(
        {{"id", m.id},
         {"axes",
          {{"origin", m.axes.origin}, {"provider", m.axes.provider}, {"terms", m.axes.terms}}},
         {"instrument", m.instrument},
         {"label", m.label},
         {"description", m.description},
         {"source", RuleSource(catalogue, m.source)},
         {"rules", std::move(rules)}});
  }
  return {{"id", catalogue.id},
          {"version", catalogue.version},
          {"title", catalogue.title},
          {"mechanisms", std::move(mechanisms)}};
}

}  // namespace ecosol::finance
