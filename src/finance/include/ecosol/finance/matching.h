#pragma once

// Matching organisations with finance (docs/finance.md): for an organisation, the mechanisms of
// the catalogue that fit and the funders whose eligibility it meets; for a funder, the eligible
// applicants among a list of organisations. Every result says why (the rules that held) and,
// when something does not fit, what would have to change. Rankings are explainable: each
// result's "ordered_by" says which keys order the list, in order.
//
//   auto profile = ParseProfile(catalogue, readiness, json::parse(R"({"id": "coop-1",
//       "region": "CA/QC", "facts": {"legal_form": "cooperative", ...}})"));
//   MechanismMatch m = MatchMechanisms(catalogue, *profile);
//   m.results[0].fit;  // the best-fitting mechanism first
//
// Errors are values: bad input fails with InvalidArgument naming the field ("funders[0]
// 'fund-a': mechanisms: unknown mechanism 'bond' (known: member_capital, ...)"). Thread
// safety: pure functions over immutable frameworks.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/finance/mechanisms.h"
#include "ecosol/finance/readiness.h"

namespace ecosol::model {
struct Actor;
}  // namespace ecosol::model

namespace ecosol::finance {

// An organisation as the matching engine sees it.
struct OrganisationProfile {
  std::string id;
  std::string name;
  std::string region;  // territory id: "CA", "CA/QC", "CA/QC/montreal"; may be empty
  std::string sector;  // may be empty
  std::optional<double> amount_sought;
  // The profile facts the suitability rules read (nested JSON, as frameworks/facts.yaml paths),
  // plus readiness.pipeline and readiness.stage set from `readiness`.
  nlohmann::json facts = nlohmann::json::object();
  std::optional<ReadinessResult> readiness;  // the latest assessment, if any
};

// Reads {"id", "name"?, "region"?, "sector"?, "amount_sought"?, "facts": {...},
// "readiness"?: an assessment (readiness.h) or "assessments"?: a list of them (the latest
// counts)}. The facts the catalogue declares are checked (CheckProfileFacts).
Result<OrganisationProfile> ParseProfile(const MechanismCatalogue& catalogue,
                                         const ReadinessFramework& readiness,
                                         const nlohmann::json& in);

// The profile facts a registry actor gives: legal_form (from its kind, its legal form when it
// is one of the catalogue's values, else its ESSGlobal structure codes), region (territory),
// sector (primary activity), name. Facts the actor record does not hold (governance,
// income, ...) stay missing, so that rules reading them are unknown, not failed.
OrganisationProfile ProfileFromActor(const MechanismCatalogue& catalogue, const model::Actor& a);
// Sets readiness and the readiness.* facts from a scored assessment.
void SetReadiness(OrganisationProfile& profile, const ReadinessResult& readiness);

// The mechanisms of the catalogue for one organisation, ranked: first by fit (fits, unknown,
// does not fit); among those that fit, internal before external money (own and members' money
// keeps the organisation autonomous: ICA principle 4), then the number of rules that held
// (more evidence first); among unknown ones, the fewest unknown rules first; among those that
// do not fit, the fewest failed rules first (the closest to fitting); then the catalogue order.
// Results point into the catalogue, which must outlive them.
struct MechanismMatch {
  std::vector<SuitabilityResult> results;
  std::vector<std::string> ordered_by;
};
MechanismMatch MatchMechanisms(const MechanismCatalogue& catalogue,
                               const OrganisationProfile& profile);
nlohmann::json MechanismMatchToJson(const MechanismCatalogue& catalogue,
                                    const OrganisationProfile& profile, const MechanismMatch& match,
                                    const std::string& lang);

// A funder and what it offers. Empty lists mean "any".
struct Funder {
  std::string id;
  std::string name;
  std::vector<std::string> mechanisms;  // ids of the catalogue's mechanisms, at least one
  std::optional<double> amount_min;
  std::optional<double> amount_max;
  std::vector<std::string> regions;  // territory ids; "CA" covers "CA/QC"
  std::vector<std::string> sectors;
  std::vector<std::string> legal_forms;  // values of the legal_form fact
  std::string min_readiness;             // a readiness stage id; empty: none asked
};

// Reads {"id", "name"?, "mechanisms": [...], "amount": {"min"?, "max"?}?, "regions"?,
// "sectors"?, "legal_forms"?, "min_readiness"?}, checking mechanism ids, legal forms and the
// stage against the frameworks, and that min <= max.
Result<Funder> ParseFunder(const MechanismCatalogue& catalogue, const ReadinessFramework& readiness,
                           const nlohmann::json& in);
// A list of funders; errors are prefixed with "funders[i] 'id'".
Result<std::vector<Funder>> ParseFunders(const MechanismCatalogue& catalogue,
                                         const ReadinessFramework& readiness,
                                         const nlohmann::json& in);

// One eligibility condition of a funder for one organisation.
struct Condition {
  std::string id;  // mechanism, amount, region, sector, legal_form, readiness
  rules::Outcome::Kind kind = rules::Outcome::Kind::kUnknown;
  std::string detail;  // English: what held, why not, or what is missing
  std::string change;  // English: what would have to change (when not held)
  // The same in any language: message keys and their arguments (FunderMatchToJson renders
  // them in en, fr, es or pt), and the mechanism rule's own change text in its languages.
  std::string detail_key;
  std::string change_key;
  std::map<std::string, std::string> args;
  Text rule_change;
};

// Copies what it needs of the funder and the profile, so it outlives them.
struct Eligibility {
  std::string funder;
  std::string organisation;
  std::optional<int> readiness_total;  // of the profile's latest assessment
  Fit fit = Fit::kUnknown;             // kFits: eligible; kDoesNotFit: a condition fails
  std::vector<Condition> conditions;
  std::vector<std::string> fitting_mechanisms;  // offered by the funder and fitting
};

Eligibility CheckEligibility(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                             const Funder& funder, const OrganisationProfile& profile);

// The funders for one organisation, ranked: eligible, then unknown, then not eligible; then
// more of the funder's mechanisms that fit first; then fewer failed or unknown conditions; then
// the funders' order in the input.
struct FunderMatch {
  std::vector<Eligibility> results;
  std::vector<std::string> ordered_by;
};
FunderMatch MatchFunders(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                         const std::vector<Funder>& funders, const OrganisationProfile& profile);
// The applicants for one funder, ranked: eligible, then unknown, then not eligible; then the
// higher readiness total first (no assessment last); then the organisations' input order.
FunderMatch EligibleApplicants(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                               const Funder& funder,
                               const std::vector<OrganisationProfile>& organisations);
// Condition texts in `lang` (en, fr, es or pt; English for any other).
nlohmann::json FunderMatchToJson(const FunderMatch& match, const std::string& lang = "en");

}  // namespace ecosol::finance
