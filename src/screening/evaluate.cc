// Evaluating a framework on a profile and aggregating the outcomes (docs/frameworks-format.md).

#include <algorithm>

#include "ecosol/screening/screening.h"
#include "profile_facts.h"

namespace ecosol::screening {
namespace {

using nlohmann::json;

bool OptionOn(const ScreenOptions& options, const std::string& option) {
  return option.empty() ||
         std::find(options.options.begin(), options.options.end(), option) != options.options.end();
}

CriterionResult EvaluateCriterion(const Criterion& c, const json& facts,
                                  const ScreenOptions& options) {
  CriterionResult r;
  r.criterion = &c;
  if (!OptionOn(options, c.option)) {
    r.status = CriterionStatus::kNotApplicable;
    return r;
  }
  if (c.applies_when) {
    rules::Outcome when = c.applies_when->Evaluate(facts);
    if (when.kind == rules::Outcome::Kind::kFalse) {
      r.status = CriterionStatus::kNotApplicable;
      return r;
    }
  }
  rules::Outcome outcome = c.rule->Evaluate(facts);
  switch (outcome.kind) {
    case rules::Outcome::Kind::kTrue:
      r.status = CriterionStatus::kMet;
      break;
    case rules::Outcome::Kind::kFalse:
      r.status = CriterionStatus::kNotMet;
      break;
    case rules::Outcome::Kind::kUnknown:
      r.status = CriterionStatus::kInsufficientEvidence;
      r.missing = outcome.missing;
      if (!outcome.error.ok()) r.error = outcome.error.message();
      break;
  }
  return r;
}

PrincipleStatus Aggregate(const std::vector<CriterionResult>& criteria) {
  bool hard_failed = false, other_failed = false, hard_unknown = false, any_applicable = false;
  for (const CriterionResult& r : criteria) {
    if (r.status == CriterionStatus::kNotApplicable) continue;
    any_applicable = true;
    bool hard = r.criterion->severity == Severity::kHard;
    if (r.status == CriterionStatus::kNotMet) (hard ? hard_failed : other_failed) = true;
    if (r.status == CriterionStatus::kInsufficientEvidence && hard) hard_unknown = true;
  }
  if (hard_failed) return PrincipleStatus::kNotMet;
  if (other_failed) return PrincipleStatus::kPartlyMet;
  if (hard_unknown || !any_applicable) return PrincipleStatus::kInsufficientEvidence;
  return PrincipleStatus::kMet;
}

Verdict Overall(const std::vector<PrincipleResult>& principles) {
  bool not_met = false, partly = false, unknown = false;
  for (const PrincipleResult& p : principles) {
    not_met |= p.status == PrincipleStatus::kNotMet;
    partly |= p.status == PrincipleStatus::kPartlyMet;
    unknown |= p.status == PrincipleStatus::kInsufficientEvidence;
  }
  if (not_met) return Verdict::kInconsistent;
  if (!partly && !unknown) return Verdict::kConsistent;
  if (!partly) return Verdict::kInsufficientEvidence;
  return Verdict::kPartiallyConsistent;
}

void EvaluateFlags(const Framework& f, const Profile& profile, Screening* s) {
  for (const RedFlag& flag : f.red_flags) {
    rules::Outcome o = flag.rule->Evaluate(profile.facts);
    FlagResult r{flag.id, flag.severity, &flag, {}, nullptr};
    if (o.kind == rules::Outcome::Kind::kTrue) {
      s->red_flags.push_back(std::move(r));
    } else if (o.kind == rules::Outcome::Kind::kUnknown) {
      r.missing = o.missing;
      s->unchecked_flags.push_back(std::move(r));
    }
  }
  if (profile.conflicts.empty()) return;
  FlagResult conflict{
      "declared_vs_statutes_conflict", Severity::kStrong, nullptr, {}, json::array()};
  for (const Conflict& c : profile.conflicts) {
    conflict.evidence.push_back({{"fact", c.fact},
                                 {"declared", c.declared},
                                 {"statutes", c.statutes},
                                 {"statutes_evidence", c.evidence}});
  }
  s->red_flags.push_back(std::move(conflict));
}

}  // namespace

Screening Screen(const Profile& profile, const Framework& framework, const ScreenOptions& options) {
  Screening s;
  s.framework = &framework;
  if (framework.applies_when &&
      framework.applies_when->Evaluate(profile.facts).kind == rules::Outcome::Kind::kFalse) {
    s.verdict = Verdict::kNotApplicable;
    return s;
  }
  for (const Principle& p : framework.principles) {
    PrincipleResult pr;
    pr.principle = &p;
    for (const Criterion& c : framework.criteria) {
      if (c.principle == p.id) pr.criteria.push_back(EvaluateCriterion(c, profile.facts, options));
    }
    pr.status = Aggregate(pr.criteria);
    s.principles.push_back(std::move(pr));
  }
  s.verdict = Overall(s.principles);
  EvaluateFlags(framework, profile, &s);
  return s;
}

std::vector<const Framework*> DefaultFrameworks(const Profile& profile,
                                                const Catalogue& catalogue) {
  std::vector<const Framework*> out;
  if (profile.subject == "organisation") {
    if (const Framework* baseline = catalogue.Find("un-ilo")) out.push_back(baseline);
  }
  for (const Framework& f : catalogue.frameworks()) {
    if (f.id == "un-ilo" || f.subject != profile.subject) continue;
    if (f.applies_when &&
        f.applies_when->Evaluate(profile.facts).kind != rules::Outcome::Kind::kTrue) {
      continue;
    }
    out.push_back(&f);
  }
  return out;
}

std::string_view ToString(CriterionStatus s) {
  switch (s) {
    case CriterionStatus::kMet:
      return "met";
    case CriterionStatus::kNotMet:
      return "not_met";
    case CriterionStatus::kInsufficientEvidence:
      return "insufficient_evidence";
    case CriterionStatus::kNotApplicable:
      return "not_applicable";
  }
  return "insufficient_evidence";
}

std::string_view ToString(PrincipleStatus s) {
  switch (s) {
    case PrincipleStatus::kMet:
      return "met";
    case PrincipleStatus::kPartlyMet:
      return "partly_met";
    case PrincipleStatus::kNotMet:
      return "not_met";
    case PrincipleStatus::kInsufficientEvidence:
      return "insufficient_evidence";
  }
  return "insufficient_evidence";
}

std::string_view ToString(Verdict v) {
  switch (v) {
    case Verdict::kConsistent:
      return "consistent";
    case Verdict::kPartiallyConsistent:
      return "partially_consistent";
    case Verdict::kInconsistent:
      return "inconsistent";
    case Verdict::kInsufficientEvidence:
      return "insufficient_evidence";
    case Verdict::kNotApplicable:
      return "not_applicable";
  }
  return "insufficient_evidence";
}

std::optional<Verdict> ParseVerdict(std::string_view name) {
  for (Verdict v : {Verdict::kConsistent, Verdict::kPartiallyConsistent, Verdict::kInconsistent,
                    Verdict::kInsufficientEvidence, Verdict::kNotApplicable}) {
    if (ToString(v) == name) return v;
  }
  return std::nullopt;
}

}  // namespace ecosol::screening
