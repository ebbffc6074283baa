// Funders: their eligibility, the funders that fit an organisation and the eligible applicants
// of a funder (matching.h).

#include <algorithm>
#include <cmath>
#include <tuple>

#include "catalogue_util.h"
#include "ecosol/finance/matching.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using catalogue_internal::Join;
using nlohmann::json;
using Kind = rules::Outcome::Kind;

Result<std::optional<double>> ParseAmount(const json& amount, const std::string& key) {
  if (!amount.contains(key) || amount[key].is_null()) return std::optional<double>();
  if (!amount[key].is_number() || amount[key].get<double>() < 0) {
    return InvalidArgument("amount." + key + ": " + amount[key].dump() +
                           " must be a number of at least 0");
  }
  return std::optional<double>(amount[key].get<double>());
}

Status ParseAmounts(const json& in, Funder* f) {
  if (!in.contains("amount")) return Status::Ok();
  const json& amount = in["amount"];
  if (!amount.is_object()) return InvalidArgument("amount: must be {min, max}");
  auto min = ParseAmount(amount, "min");
  if (!min.ok()) return min.status();
  auto max = ParseAmount(amount, "max");
  if (!max.ok()) return max.status();
  f->amount_min = *min;
  f->amount_max = *max;
  if (f->amount_min && f->amount_max && *f->amount_min > *f->amount_max) {
    return InvalidArgument("amount: min is above max (swap them)");
  }
  return Status::Ok();
}

Status CheckIn(const std::vector<std::string>& given, const std::vector<std::string>& known,
               const std::string& key, const std::string& what) {
  for (size_t i = 0; i < given.size(); ++i) {
    if (std::find(known.begin(), known.end(), given[i]) == known.end()) {
      return InvalidArgument(key + "[" + std::to_string(i) + "]: unknown " + what + " '" +
                             given[i] + "' (known: " + Join(known) + ")");
    }
  }
  return Status::Ok();
}

Result<Funder> Parse(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                     const json& in) {
  if (!in.is_object()) return InvalidArgument("funder: expected an object");
  Funder f;
  f.id = in.value("id", "");
  if (f.id.empty()) return InvalidArgument("id: needs the funder's id");
  f.name = in.value("name", "");
  for (auto [key, list] :
       {std::pair{"mechanisms", &f.mechanisms}, std::pair{"regions", &f.regions},
        std::pair{"sectors", &f.sectors}, std::pair{"legal_forms", &f.legal_forms}}) {
    auto values = catalogue_internal::ParseStrings(in, key, key);
    if (!values.ok()) return values.status();
    *list = std::move(*values);
  }
  std::vector<std::string> mechanism_ids;
  for (const Mechanism& m : catalogue.mechanisms) mechanism_ids.push_back(m.id);
  if (f.mechanisms.empty()) {
    return InvalidArgument("mechanisms: list at least one of " + Join(mechanism_ids));
  }
  ECOSOL_RETURN_IF_ERROR(CheckIn(f.mechanisms, mechanism_ids, "mechanisms", "mechanism"));
  const FactDefinition* forms = catalogue.FindFact("legal_form");
  if (forms != nullptr) {
    ECOSOL_RETURN_IF_ERROR(CheckIn(f.legal_forms, forms->values, "legal_forms", "legal form"));
  }
  f.min_readiness = in.value("min_readiness", "");
  if (!f.min_readiness.empty() && rf.FindStage(f.min_readiness) == nullptr) {
    std::vector<std::string> stages;
    for (const ReadinessStep& s : rf.stages) stages.push_back(s.id);
    return InvalidArgument("min_readiness: unknown readiness stage '" + f.min_readiness +
                           "' (known: " + Join(stages) + ")");
  }
  ECOSOL_RETURN_IF_ERROR(ParseAmounts(in, &f));
  return f;
}

Condition Held(std::string id, std::string detail) {
  return {std::move(id), Kind::kTrue, std::move(detail), ""};
}
Condition Failed(std::string id, std::string detail, std::string change) {
  return {std::move(id), Kind::kFalse, std::move(detail), std::move(change)};
}
Condition Unknown(std::string id, std::string detail) {
  return {std::move(id), Kind::kUnknown, std::move(detail), ""};
}

Condition MechanismCondition(const MechanismCatalogue& c, const Funder& f,
                             const OrganisationProfile& p, std::vector<std::string>* fitting) {
  std::vector<std::string> unknown;
  std::string change;
  for (const std::string& id : f.mechanisms) {
    const Mechanism* m = c.FindMechanism(id);
    if (m == nullptr) continue;  // ParseFunder checked the ids
    SuitabilityResult r = CheckSuitability(c, *m, p.facts);
    if (r.fit == Fit::kFits) fitting->push_back(id);
    if (r.fit == Fit::kUnknown) unknown.push_back(id);
    for (const RuleOutcome& o : r.outcomes) {
      if (change.empty() && o.kind == Kind::kFalse) {
        change = id + ": " + InLanguage(o.rule->change, "en");
      }
    }
  }
  if (!fitting->empty()) return Held("mechanism", "fitting mechanisms: " + Join(*fitting));
  if (!unknown.empty()) return Unknown("mechanism", "may fit, facts missing: " + Join(unknown));
  return Failed("mechanism", "none of its mechanisms fits (" + Join(f.mechanisms) + ")", change);
}

// 50000 rather than 50000.0; fractions as JSON writes them.
std::string Amount(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return json(v).dump();
}

Condition AmountCondition(const Funder& f, const OrganisationProfile& p) {
  if (!f.amount_min && !f.amount_max) return Held("amount", "any amount");
  if (!p.amount_sought) return Unknown("amount", "the amount sought is not given");
  const double a = *p.amount_sought;
  const std::string range = (f.amount_min ? Amount(*f.amount_min) : "0") + " to " +
                            (f.amount_max ? Amount(*f.amount_max) : "any");
  if ((f.amount_min && a < *f.amount_min) || (f.amount_max && a > *f.amount_max)) {
    return Failed("amount", Amount(a) + " is outside " + range, "ask for an amount from " + range);
  }
  return Held("amount", Amount(a) + " is within " + range);
}

// "CA" covers "CA" and "CA/QC/...", not "CAN".
bool Covers(const std::string& region, const std::string& territory) {
  return territory == region ||
         (territory.size() > region.size() && territory.compare(0, region.size(), region) == 0 &&
          territory[region.size()] == '/');
}

Condition ListCondition(const std::string& id, const std::vector<std::string>& allowed,
                        const std::string& value, bool by_territory) {
  if (allowed.empty()) return Held(id, "any " + id);
  if (value.empty()) return Unknown(id, "the " + id + " is not given");
  for (const std::string& a : allowed) {
    if (by_territory ? Covers(a, value) : a == value) return Held(id, value + " is accepted");
  }
  return Failed(id, value + " is not among " + Join(allowed),
                "the funder accepts only " + Join(allowed));
}

Condition ReadinessCondition(const ReadinessFramework& rf, const Funder& f,
                             const OrganisationProfile& p) {
  if (f.min_readiness.empty()) return Held("readiness", "no minimum readiness");
  if (!p.readiness) return Unknown("readiness", "no readiness assessment");
  const std::string& stage = p.readiness->stage->id;
  if (rf.StageRank(stage) >= rf.StageRank(f.min_readiness)) {
    return Held("readiness", "stage " + stage + " reaches " + f.min_readiness);
  }
  return Failed("readiness", "stage " + stage + " is below " + f.min_readiness,
                "raise the readiness scores to reach " + f.min_readiness +
                    " (weakest: " + Join(p.readiness->weakest) + ")");
}

int Count(const Eligibility& e, Kind kind) {
  return static_cast<int>(std::count_if(e.conditions.begin(), e.conditions.end(),
                                        [&](const Condition& c) { return c.kind == kind; }));
}

json ConditionToJson(const Condition& c) {
  const char* held = c.kind == Kind::kTrue ? "held" : c.kind == Kind::kFalse ? "failed" : "unknown";
  json out = {{"condition", c.id}, {"outcome", held}, {"detail", c.detail}};
  if (!c.change.empty()) out["change"] = c.change;
  return out;
}

}  // namespace

Result<Funder> ParseFunder(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                           const json& in) {
  auto f = rules::ParseGuarded("funder", [&] { return Parse(catalogue, rf, in); });
  if (!f.ok() && in.is_object() && in.contains("id") && in["id"].is_string()) {
    return f.status().WithContext("funder '" + in["id"].get<std::string>() + "'");
  }
  return f;
}

Result<std::vector<Funder>> ParseFunders(const MechanismCatalogue& catalogue,
                                         const ReadinessFramework& rf, const json& in) {
  if (!in.is_array()) return InvalidArgument("funders: expected a list");
  std::vector<Funder> out;
  for (size_t i = 0; i < in.size(); ++i) {
    auto f = ParseFunder(catalogue, rf, in[i]);
    if (!f.ok()) return f.status().WithContext("funders[" + std::to_string(i) + "]");
    out.push_back(std::move(*f));
  }
  return out;
}

Eligibility CheckEligibility(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                             const Funder& funder, const OrganisationProfile& profile) {
  Eligibility e;
  e.funder = funder.id;
  e.organisation = profile.id;
  if (profile.readiness) e.readiness_total = profile.readiness->total;
  e.conditions.push_back(MechanismCondition(catalogue, funder, profile, &e.fitting_mechanisms));
  e.conditions.push_back(AmountCondition(funder, profile));
  e.conditions.push_back(ListCondition("region", funder.regions, profile.region, true));
  e.conditions.push_back(ListCondition("sector", funder.sectors, profile.sector, false));
  const json* form = catalogue_internal::FindPath(profile.facts, "legal_form");
  e.conditions.push_back(ListCondition("legal_form", funder.legal_forms,
                                       form && form->is_string() ? form->get<std::string>() : "",
                                       false));
  e.conditions.push_back(ReadinessCondition(rf, funder, profile));
  e.fit = Count(e, Kind::kFalse) > 0     ? Fit::kDoesNotFit
          : Count(e, Kind::kUnknown) > 0 ? Fit::kUnknown
                                         : Fit::kFits;
  return e;
}

FunderMatch MatchFunders(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                         const std::vector<Funder>& funders, const OrganisationProfile& profile) {
  FunderMatch match;
  for (const Funder& f : funders)
    match.results.push_back(CheckEligibility(catalogue, rf, f, profile));
  auto key = [](const Eligibility& e) {
    return std::make_tuple(static_cast<int>(e.fit), -static_cast<int>(e.fitting_mechanisms.size()),
                           Count(e, Kind::kFalse) + Count(e, Kind::kUnknown));
  };
  std::stable_sort(match.results.begin(), match.results.end(),
                   [&](const Eligibility& a, const Eligibility& b) { return key(a) < key(b); });
  match.ordered_by = {"eligibility: eligible, then unknown, then not eligible",
                      "more of the funder's mechanisms that fit first",
                      "fewer failed or unknown conditions first", "input order"};
  return match;
}

FunderMatch EligibleApplicants(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                               const Funder& funder,
                               const std::vector<OrganisationProfile>& organisations) {
  FunderMatch match;
  for (const OrganisationProfile& p : organisations) {
    match.results.push_back(CheckEligibility(catalogue, rf, funder, p));
  }
  auto key = [](const Eligibility& e) {
    const int total = e.readiness_total.value_or(-1);
    return std::make_tuple(static_cast<int>(e.fit), -total);
  };
  std::stable_sort(match.results.begin(), match.results.end(),
                   [&](const Eligibility& a, const Eligibility& b) { return key(a) < key(b); });
  match.ordered_by = {"eligibility: eligible, then unknown, then not eligible",
                      "higher readiness total first (no assessment last)", "input order"};
  return match;
}

json FunderMatchToJson(const FunderMatch& match) {
  json results = json::array();
  for (size_t i = 0; i < match.results.size(); ++i) {
    const Eligibility& e = match.results[i];
    json conditions = json::array();
    for (const Condition& c : e.conditions) conditions.push_back(ConditionToJson(c));
    const char* fit = e.fit == Fit::kFits         ? "eligible"
                      : e.fit == Fit::kDoesNotFit ? "not_eligible"
                                                  : "unknown";
    results.push_back({{"rank", i + 1},
                       {"funder", e.funder},
                       {"organisation", e.organisation},
                       {"eligibility", fit},
                       {"fitting_mechanisms", e.fitting_mechanisms},
                       {"conditions", std::move(conditions)}});
  }
  return {{"ordered_by", match.ordered_by}, {"results", std::move(results)}};
}

}  // namespace ecosol::finance
