#pragma once

// A case of social innovation, as far as transfer analysis needs it (docs/knowledge.md): its
// origin context and its core elements, each with the features of the context it relies on
// (ASTAIRE's mechanism mapping, DOMAIN.md section 4).
//
//   {"id": "qc-housing-coop", "title": {"en": "Credit-union-backed housing co-operative"},
//    "origin": {...a context profile...},
//    "core_elements": [
//      {"id": "member_loans", "label": {"en": "Members' mortgage from the credit union"},
//       "relies_on": [
//         {"feature": "finance_mechanisms", "op": "includes", "value": "credit_union",
//          "why": "the co-op's mortgage is lent by the caisse"},
//         {"feature": "trust", "op": "at_least", "value": "medium", "severity": "high"}]}]}
//
// Ops by feature type: at_least / at_most (shares, numbers, levels), is (levels, choices,
// bools), in (levels, choices; a list of values), includes (lists; one value or a list, all
// needed), includes_any (lists; a list, one of them needed). `severity` (low, medium, high)
// overrides the flag's default severity. Titles and labels need at least one of en, fr, es, pt.
// Errors name the path: "case 'x': core element 'y': relies_on[2]: unknown feature 'trsut'".
// Thread safety: value types.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/context.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge {

enum class DependencyOp { kAtLeast, kAtMost, kIs, kIn, kIncludes, kIncludesAny };
std::string_view ToString(DependencyOp op);

struct Dependency {
  std::string feature;
  DependencyOp op = DependencyOp::kIs;
  FeatureValue value;  // a list of strings for kIn, kIncludesAny and a list kIncludes
  std::string why;     // the case author's reason, in their language
  std::optional<Severity> severity;
};

struct CoreElement {
  std::string id;
  Text label;
  std::vector<Dependency> relies_on;
};

struct Case {
  std::string id;
  Text title;
  ContextProfile origin;
  std::vector<CoreElement> core_elements;
};

Result<Case> ParseCase(const TransferFramework& framework, const nlohmann::json& doc);
nlohmann::json CaseToJson(const TransferFramework& framework, const Case& c);

}  // namespace ecosol::knowledge
