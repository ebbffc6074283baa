#pragma once

// Transfer analysis: can a social innovation that works in its origin work in a target context,
// and what must change? (ASTAIRE's mechanism mapping with the CICI domains; DOMAIN.md section 4;
// docs/knowledge.md.)
//
//   auto framework = LoadTransferFramework("frameworks/transfer-context.yaml");
//   auto c = ParseCase(**framework, case_json);
//   auto target = ParseContextProfile(**framework, target_json, "target");
//   auto analysis = AnalyseTransfer(**framework, *c, *target);
//   analysis->domains[1].fit;               // Fit::kPoor, with its reasons in words
//   analysis->risk_flags[0].id;             // "trust_dependency", threatening an element
//   analysis->judgement.at("fr");           // the overall judgement, explained
//   TransferAnalysisToJson(*analysis);      // {case, domains, risk_flags, adaptations, ...}
//
// Every dependency of every core element is checked against the target: it holds, fails (a risk
// flag, from the framework, with the values on both sides) or is unknown (insufficient evidence
// and the question to answer; never a flag). The judgement is words, not a score.
// A pure function; thread safety: none needed.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/case.h"
#include "ecosol/knowledge/context.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge {

// kPoor: a high-severity dependency fails. kPartial: a dependency of lesser severity fails, or
// none fails or is unknown but origin and target differ notably on an undeclared feature.
// kUnknown: a dependency cannot be checked (and none fails), or nothing is known to compare.
// kGood: every dependency holds and nothing else differs notably.
enum class Fit { kGood, kPartial, kPoor, kUnknown };
std::string_view ToString(Fit fit);

enum class Outcome { kHolds, kFails, kUnknown };
std::string_view ToString(Outcome outcome);

// Why a domain fits as it does. kind: "holds", "fails", "unknown" (a dependency), "difference"
// (a notable difference on a feature no element relies on), "no_evidence", "no_difference".
struct Reason {
  std::string kind;
  std::string element;  // empty for differences and domain-wide notes
  std::string feature;  // empty for domain-wide notes
  Text text;
};

struct DomainFit {
  std::string domain;
  Fit fit = Fit::kUnknown;
  std::vector<Reason> reasons;
};

struct RiskFlag {
  std::string id;       // "trust_dependency"
  std::string element;  // the core element it threatens
  std::string feature;
  std::string domain;
  DependencyOp op = DependencyOp::kIs;
  nlohmann::json expected;  // the dependency's value
  nlohmann::json origin;    // null when unknown
  nlohmann::json target;
  Severity severity = Severity::kHigh;
  std::string why;  // the case author's reason for the dependency
  Text text;
};

// An adaptation the flag calls for, to be decided and recorded (FRAME) by the people concerned.
struct Adaptation {
  std::string flag;
  std::string element;
  Text text;
};

// A dependency that could not be checked, and what to find out.
struct Unknown {
  std::string element;
  std::string feature;
  std::string domain;
  Text question;
};

struct TransferAnalysis {
  std::string case_id;
  std::string target_id;
  std::vector<DomainFit> domains;  // the framework's domains, in its order
  std::vector<RiskFlag> risk_flags;
  std::vector<Adaptation> adaptations;  // one per (flag, element)
  std::vector<Unknown> unknowns;
  std::string verdict;  // "redesign", "adapt", "insufficient_evidence" or "fits"
  Text judgement;
};

// Checks every dependency of `c`'s core elements against `target`. Fails with InvalidArgument
// when the case has no core elements, or when the case or profile names a feature the framework
// lacks (they were parsed against another framework).
Result<TransferAnalysis> AnalyseTransfer(const TransferFramework& framework, const Case& c,
                                         const ContextProfile& target);

// Stable field names: case, target, verdict, domains [{domain, fit, reasons}], risk_flags,
// adaptations, judgement, unknowns.
nlohmann::json TransferAnalysisToJson(const TransferAnalysis& analysis);

}  // namespace ecosol::knowledge
