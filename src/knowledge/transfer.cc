// Transfer analysis (transfer.h): each dependency of each core element checked against the
// target, the fit of each CICI domain, the risk flags and adaptations the framework defines for
// failed dependencies, and the questions left by unknown ones.

#include "ecosol/knowledge/transfer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "text_util.h"
#include "transfer_text.h"

namespace ecosol::knowledge {
namespace {

using internal::Fill;
using nlohmann::json;

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// A number on the feature's scale: the value itself, or a level's position.
double Rank(const Feature& feature, const FeatureValue& value) {
  if (const double* d = std::get_if<double>(&value)) return *d;
  return feature.LevelIndex(std::get<std::string>(value));
}

bool Holds(const Feature& feature, const Dependency& d, const FeatureValue& target) {
  switch (d.op) {
    case DependencyOp::kAtLeast:
      return Rank(feature, target) >= Rank(feature, d.value);
    case DependencyOp::kAtMost:
      return Rank(feature, target) <= Rank(feature, d.value);
    case DependencyOp::kIs:
      return target == d.value;
    case DependencyOp::kIn:
      return Contains(std::get<std::vector<std::string>>(d.value), std::get<std::string>(target));
    case DependencyOp::kIncludes:
    case DependencyOp::kIncludesAny: {
      const auto& have = std::get<std::vector<std::string>>(target);
      const auto& need = std::get<std::vector<std::string>>(d.value);
      auto in_target = [&](const std::string& item) { return Contains(have, item); };
      return d.op == DependencyOp::kIncludes ? std::all_of(need.begin(), need.end(), in_target)
                                             : std::any_of(need.begin(), need.end(), in_target);
    }
  }
  return false;
}

// Unknown is never a pass or a fail (ARCHITECTURE.md, "Unknown is not false").
Outcome Evaluate(const Feature& feature, const Dependency& d, const FeatureValue* target) {
  if (!target) return Outcome::kUnknown;
  return Holds(feature, d, *target) ? Outcome::kHolds : Outcome::kFails;
}

bool NotablyDifferent(const Feature& feature, const FeatureValue& origin,
                      const FeatureValue& target) {
  const double amount = feature.notable.amount;
  switch (feature.notable.kind) {
    case Notable::Kind::kAnyDifference:
      return origin != target;
    case Notable::Kind::kGap:
    case Notable::Kind::kSteps:
      return std::fabs(Rank(feature, origin) - Rank(feature, target)) >= amount - 1e-9;
    case Notable::Kind::kRatio: {
      const double lo = std::min(std::get<double>(origin), std::get<double>(target));
      const double hi = std::max(std::get<double>(origin), std::get<double>(target));
      return lo <= 0 ? hi > 0 : hi / lo >= amount;
    }
    case Notable::Kind::kMissingItems: {
      const auto& have = std::get<std::vector<std::string>>(target);
      for (const std::string& item : std::get<std::vector<std::string>>(origin)) {
        if (!Contains(have, item)) return true;
      }
      return false;
    }
  }
  return false;
}

// What one domain's evaluation gathers before its fit is decided.
struct DomainState {
  DomainFit fit;
  bool has_dependency = false;
  bool fails_high = false;
  bool fails = false;
  bool unknown = false;
  bool differs = false;
  bool comparable = false;  // a feature without dependency known on both sides
};

RiskFlag MakeFlag(const TransferFramework& framework, const Feature& feature,
                  const CoreElement& element, const Dependency& d, const ContextProfile& origin,
                  const FeatureValue* target, const std::map<std::string, Text>& words) {
  const FlagDefinition* def = framework.FindFlag(feature.flag);
  RiskFlag flag;
  flag.id = feature.flag;
  flag.element = element.id;
  flag.feature = feature.id;
  flag.domain = feature.domain;
  flag.op = d.op;
  flag.expected = FeatureValueToJson(d.value);
  const FeatureValue* o = origin.Find(feature.id);
  flag.origin = o ? FeatureValueToJson(*o) : json();
  flag.target = target ? FeatureValueToJson(*target) : json();
  flag.severity = d.severity.value_or(def->severity);
  flag.why = d.why;
  flag.text = Fill(def->text, words);
  return flag;
}

void AddAdaptation(const TransferFramework& framework, const RiskFlag& flag,
                   const CoreElement& element, TransferAnalysis* analysis) {
  for (const Adaptation& a : analysis->adaptations) {
    if (a.flag == flag.id && a.element == flag.element) return;
  }
  analysis->adaptations.push_back(
      {flag.id, element.id,
       Fill(framework.FindFlag(flag.id)->adaptation, {{"element", element.label}})});
}

void CheckDependency(const TransferFramework& framework, const Feature& feature,
                     const CoreElement& element, const Dependency& d, const Case& c,
                     const ContextProfile& target, DomainState* state, TransferAnalysis* analysis) {
  const FeatureValue* t = target.Find(feature.id);
  const auto words =
      internal::DependencyWords(framework, feature, element, d, c.origin.Find(feature.id), t);
  const Outcome outcome = Evaluate(feature, d, t);
  const std::string kind(ToString(outcome));
  state->has_dependency = true;
  state->fit.reasons.push_back(
      {kind, element.id, feature.id, Fill(framework.texts.at(kind), words)});
  if (outcome == Outcome::kUnknown) {
    state->unknown = true;
    analysis->unknowns.push_back({element.id, feature.id, feature.domain, feature.question});
    return;
  }
  if (outcome == Outcome::kHolds) return;
  RiskFlag flag = MakeFlag(framework, feature, element, d, c.origin, t, words);
  state->fails = true;
  state->fails_high = state->fails_high || flag.severity == Severity::kHigh;
  AddAdaptation(framework, flag, element, analysis);
  analysis->risk_flags.push_back(std::move(flag));
}

void CompareUndeclared(const TransferFramework& framework, const Feature& feature, const Case& c,
                       const ContextProfile& target, DomainState* state,
                       std::vector<std::string>* differing) {
  const FeatureValue* o = c.origin.Find(feature.id);
  const FeatureValue* t = target.Find(feature.id);
  if (!o || !t) return;
  state->comparable = true;
  if (!NotablyDifferent(feature, *o, *t)) return;
  state->differs = true;
  differing->push_back(feature.id);
  state->fit.reasons.push_back({"difference", "", feature.id,
                                Fill(framework.texts.at("difference"),
                                     internal::DifferenceWords(framework, feature, *o, *t))});
}

// The order of the checks is the order of precedence: an established failure outweighs missing
// evidence, and missing evidence outweighs differences nobody declared as mattering.
void DecideFit(const TransferFramework& framework, DomainState* s) {
  Fit& fit = s->fit.fit;
  if (s->fails_high) {
    fit = Fit::kPoor;
  } else if (s->fails) {
    fit = Fit::kPartial;
  } else if (s->unknown) {
    fit = Fit::kUnknown;
  } else if (s->differs) {
    fit = Fit::kPartial;
  } else if (s->has_dependency || s->comparable) {
    fit = Fit::kGood;
  } else {
    fit = Fit::kUnknown;
  }
  if (!s->has_dependency && !s->differs) {
    const char* key = s->comparable ? "no_difference" : "no_evidence";
    s->fit.reasons.push_back({key, "", "", framework.texts.at(key)});
  }
}

bool Declared(const Case& c, const std::string& feature) {
  for (const CoreElement& e : c.core_elements) {
    for (const Dependency& d : e.relies_on) {
      if (d.feature == feature) return true;
    }
  }
  return false;
}

Status CheckFeatures(const TransferFramework& framework, const Case& c,
                     const ContextProfile& target) {
  // A described case (an imported record, say) without core elements has nothing to check:
  // every domain would come out "good" or "unknown" for the wrong reason.
  if (c.core_elements.empty()) {
    return InvalidArgument("case '" + c.id +
                           "' has no core elements: say what the model relies on before "
                           "analysing a transfer");
  }
  for (const ContextProfile* p : {&c.origin, &target}) {
    for (const auto& [id, value] : p->features) {
      if (!framework.FindFeature(id)) {
        return InvalidArgument("context '" + p->id + "': unknown feature '" + id + "'");
      }
    }
  }
  for (const CoreElement& e : c.core_elements) {
    for (const Dependency& d : e.relies_on) {
      if (!framework.FindFeature(d.feature)) {
        return InvalidArgument("case '" + c.id + "': core element '" + e.id +
                               "': unknown feature '" + d.feature + "'");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view ToString(Fit fit) {
  switch (fit) {
    case Fit::kGood:
      return "good";
    case Fit::kPartial:
      return "partial";
    case Fit::kPoor:
      return "poor";
    case Fit::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view ToString(Outcome outcome) {
  switch (outcome) {
    case Outcome::kHolds:
      return "holds";
    case Outcome::kFails:
      return "fails";
    case Outcome::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Result<TransferAnalysis> AnalyseTransfer(const TransferFramework& framework, const Case& c,
                                         const ContextProfile& target) {
  ECOSOL_RETURN_IF_ERROR(CheckFeatures(framework, c, target));
  TransferAnalysis analysis;
  analysis.case_id = c.id;
  analysis.target_id = target.id;
  std::vector<std::string> differing;
  for (const Domain& domain : framework.domains) {
    DomainState state;
    state.fit.domain = domain.id;
    for (const CoreElement& element : c.core_elements) {
      for (const Dependency& d : element.relies_on) {
        const Feature* feature = framework.FindFeature(d.feature);
        if (feature->domain != domain.id) continue;
        CheckDependency(framework, *feature, element, d, c, target, &state, &analysis);
      }
    }
    for (const Feature& feature : framework.features) {
      if (feature.domain != domain.id || Declared(c, feature.id)) continue;
      CompareUndeclared(framework, feature, c, target, &state, &differing);
    }
    DecideFit(framework, &state);
    analysis.domains.push_back(std::move(state.fit));
  }
  internal::Judge(framework, c, target, differing, &analysis);
  return analysis;
}

}  // namespace ecosol::knowledge
