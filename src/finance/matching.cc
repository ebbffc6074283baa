// Organisation profiles and mechanism matching (matching.h).

#include "ecosol/finance/matching.h"

#include <algorithm>
#include <tuple>

#include "catalogue_util.h"
#include "ecosol/model/actor.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

Result<std::optional<ReadinessResult>> ParseProfileReadiness(const ReadinessFramework& rf,
                                                             const json& in,
                                                             const std::string& org_id) {
  std::vector<ReadinessResult> scored;
  std::vector<json> given;
  if (in.contains("readiness")) given.push_back(in["readiness"]);
  if (in.contains("assessments")) {
    if (!in["assessments"].is_array()) return InvalidArgument("assessments: must be a list");
    for (const json& a : in["assessments"]) given.push_back(a);
  }
  for (size_t i = 0; i < given.size(); ++i) {
    auto a = ParseAssessment(rf, given[i]);
    if (!a.ok()) return a.status().WithContext("readiness[" + std::to_string(i) + "]");
    if (a->organisation != org_id) {
      return InvalidArgument("readiness[" + std::to_string(i) + "]: assesses '" + a->organisation +
                             "', not '" + org_id + "'");
    }
    scored.push_back(ScoreAssessment(rf, *a));
  }
  return Latest(scored);
}

Result<std::string> OptionalString(const json& in, const std::string& key) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgument(key + ": must be a string");
  return it->get<std::string>();
}

// The mechanism's place on the ILO "origin" axis, internal first.
int OriginRank(const Mechanism& m) { return m.axes.origin == "internal" ? 0 : 1; }

}  // namespace

Result<OrganisationProfile> ParseProfile(const MechanismCatalogue& catalogue,
                                         const ReadinessFramework& rf, const json& in) {
  if (!in.is_object()) return InvalidArgument("organisation: expected an object");
  OrganisationProfile p;
  auto id = OptionalString(in, "id");
  if (!id.ok()) return id.status();
  if (id->empty()) return InvalidArgument("id: needs the organisation's id");
  p.id = *id;
  for (auto [key, field] : {std::pair{"name", &p.name}, std::pair{"region", &p.region},
                            std::pair{"sector", &p.sector}}) {
    auto value = OptionalString(in, key);
    if (!value.ok()) return value.status();
    *field = std::move(*value);
  }
  if (in.contains("amount_sought") && !in["amount_sought"].is_null()) {
    if (!in["amount_sought"].is_number() || in["amount_sought"].get<double>() < 0) {
      return InvalidArgument("amount_sought: " + in["amount_sought"].dump() +
                             " must be a number of at least 0");
    }
    p.amount_sought = in["amount_sought"].get<double>();
  }
  p.facts = in.value("facts", json::object());
  ECOSOL_RETURN_IF_ERROR(CheckProfileFacts(catalogue, p.facts));
  auto readiness = ParseProfileReadiness(rf, in, p.id);
  if (!readiness.ok()) return readiness.status();
  if (*readiness) SetReadiness(p, **readiness);
  return p;
}

void SetReadiness(OrganisationProfile& profile, const ReadinessResult& readiness) {
  profile.readiness = readiness;
  catalogue_internal::SetPath(profile.facts, "readiness.pipeline", readiness.pipeline->id);
  catalogue_internal::SetPath(profile.facts, "readiness.stage", readiness.stage->id);
  catalogue_internal::SetPath(profile.facts, "readiness.total", readiness.total);
}

OrganisationProfile ProfileFromActor(const MechanismCatalogue& catalogue, const model::Actor& a) {
  OrganisationProfile p;
  p.id = a.id;
  p.name = a.name;
  p.region = a.territory.empty() ? a.address.country : a.territory;
  p.sector = a.primary_activity;
  std::string form;
  if (a.kind == model::ActorKind::kInformalGroup) form = "informal_group";
  if (a.kind == model::ActorKind::kPublicBody) form = "public_body";
  const FactDefinition* legal_form = catalogue.FindFact("legal_form");
  if (form.empty() && legal_form != nullptr &&
      std::find(legal_form->values.begin(), legal_form->values.end(), a.legal_form) !=
          legal_form->values.end()) {
    form = a.legal_form;
  }
  // ESSGlobal organisational structures that name a co-operative (OS60-OS115, OS210, OS240).
  static const std::vector<std::string> kCoopStructures = {
      "OS60", "OS70", "OS80", "OS90", "OS100", "OS110", "OS115", "OS210", "OS240"};
  for (const std::string& code : a.structures) {
    if (form.empty() &&
        std::find(kCoopStructures.begin(), kCoopStructures.end(), code) != kCoopStructures.end()) {
      form = "cooperative";
    }
  }
  if (!form.empty()) p.facts["legal_form"] = form;
  return p;
}

MechanismMatch MatchMechanisms(const MechanismCatalogue& catalogue,
                               const OrganisationProfile& profile) {
  MechanismMatch match;
  for (const Mechanism& m : catalogue.mechanisms) {
    match.results.push_back(CheckSuitability(catalogue, m, profile.facts));
  }
  auto key = [](const SuitabilityResult& r) {
    const int fit = static_cast<int>(r.fit);
    const int origin = r.fit == Fit::kFits ? OriginRank(*r.mechanism) : 0;
    const int evidence = r.fit == Fit::kFits      ? -r.passed
                         : r.fit == Fit::kUnknown ? r.unknown
                                                  : r.failed;
    return std::make_tuple(fit, origin, evidence);
  };
  std::stable_sort(
      match.results.begin(), match.results.end(),
      [&](const SuitabilityResult& a, const SuitabilityResult& b) { return key(a) < key(b); });
  match.ordered_by = {"fit: fits, then unknown, then does_not_fit",
                      "among those that fit: internal money before external (ICA principle 4)",
                      "among those that fit: more rules held first",
                      "among unknown: fewer unknown rules first",
                      "among those that do not fit: fewer failed rules first",
                      "catalogue order"};
  return match;
}

json MechanismMatchToJson(const MechanismCatalogue& catalogue, const OrganisationProfile& profile,
                          const MechanismMatch& match, const std::string& lang) {
  json results = json::array();
  for (size_t i = 0; i < match.results.size(); ++i) {
    json item = SuitabilityToJson(catalogue, match.results[i], lang);
    item["rank"] = i + 1;
    results.push_back(std::move(item));
  }
  json out = {{"organisation", profile.id},
              {"ordered_by", match.ordered_by},
              {"mechanisms", std::move(results)}};
  if (profile.readiness) {
    out["readiness"] = {{"date", profile.readiness->assessment.date},
                        {"total", profile.readiness->total},
                        {"stage", profile.readiness->stage->id},
                        {"pipeline", profile.readiness->pipeline->id}};
  }
  return out;
}

}  // namespace ecosol::finance
