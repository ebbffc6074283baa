// The finance operations as JSON requests (requests.h).

#include "ecosol/finance/requests.h"

#include <algorithm>

#include "ecosol/finance/matching.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

Result<std::string> ParseLang(const json& request) {
  const json lang = request.value("lang", json("en"));
  const auto& langs = Languages();
  if (!lang.is_string() ||
      std::find(langs.begin(), langs.end(), lang.get<std::string>()) == langs.end()) {
    return InvalidArgument("lang: " + lang.dump() + " is not one of en, fr, es, pt");
  }
  return lang.get<std::string>();
}

Status RequireObject(const json& request) {
  if (!request.is_object()) return InvalidArgument("request: expected a JSON object");
  return Status::Ok();
}

Result<json> Match(const MechanismCatalogue& c, const ReadinessFramework& rf, const json& request) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(request));
  auto lang = ParseLang(request);
  if (!lang.ok()) return lang.status();
  auto profile = ParseProfile(c, rf, request.value("organisation", json()));
  if (!profile.ok()) return profile.status().WithContext("organisation");
  json out = {
      {"mechanisms", MechanismMatchToJson(c, *profile, MatchMechanisms(c, *profile), *lang)}};
  if (request.contains("funders")) {
    auto funders = ParseFunders(c, rf, request["funders"]);
    if (!funders.ok()) return funders.status();
    out["funders"] = FunderMatchToJson(MatchFunders(c, rf, *funders, *profile), *lang);
  }
  return out;
}

Result<json> Applicants(const MechanismCatalogue& c, const ReadinessFramework& rf,
                        const json& request) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(request));
  auto lang = ParseLang(request);
  if (!lang.ok()) return lang.status();
  auto funder = ParseFunder(c, rf, request.value("funder", json()));
  if (!funder.ok()) return funder.status();
  const json orgs = request.value("organisations", json());
  if (!orgs.is_array()) return InvalidArgument("organisations: expected a list of profiles");
  std::vector<OrganisationProfile> profiles;
  for (size_t i = 0; i < orgs.size(); ++i) {
    auto p = ParseProfile(c, rf, orgs[i]);
    if (!p.ok()) return p.status().WithContext("organisations[" + std::to_string(i) + "]");
    profiles.push_back(std::move(*p));
  }
  return FunderMatchToJson(EligibleApplicants(c, rf, *funder, profiles), *lang);
}

Result<json> ReadinessOf(const ReadinessFramework& rf, const json& request) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(request));
  auto lang = ParseLang(request);
  if (!lang.ok()) return lang.status();
  const json list = request.value("assessments", json());
  if (!list.is_array() || list.empty()) {
    return InvalidArgument("assessments: expected a non-empty list of assessments");
  }
  std::vector<ReadinessResult> scored;
  for (size_t i = 0; i < list.size(); ++i) {
    auto a = ParseAssessment(rf, list[i]);
    const std::string where = "assessments[" + std::to_string(i) + "]";
    if (!a.ok()) return a.status().WithContext(where);
    if (!scored.empty() && a->organisation != scored[0].assessment.organisation) {
      return InvalidArgument(where + ": assesses '" + a->organisation + "', not '" +
                             scored[0].assessment.organisation +
                             "' (give one organisation's assessments)");
    }
    scored.push_back(ScoreAssessment(rf, *a));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.assessment.date < b.assessment.date;
  });
  json history = json::array();
  for (const ReadinessResult& r : scored) {
    history.push_back({{"date", r.assessment.date},
                       {"total", r.total},
                       {"stage", r.stage->id},
                       {"pipeline", r.pipeline->id}});
  }
  json change;  // null with a single assessment
  if (scored.size() >= 2) {
    auto diff = CompareAssessments(rf, scored[scored.size() - 2], scored.back(), *lang);
    if (!diff.ok()) return diff.status();
    change = std::move(*diff);
  }
  return json{{"latest", ReadinessToJson(rf, scored.back(), *lang)},
              {"history", std::move(history)},
              {"change", std::move(change)}};
}

}  // namespace

Result<json> MatchRequest(const MechanismCatalogue& catalogue, const ReadinessFramework& readiness,
                          const json& request) {
  return rules::ParseGuarded("request", [&] { return Match(catalogue, readiness, request); });
}

Result<json> ApplicantsRequest(const MechanismCatalogue& catalogue,
                               const ReadinessFramework& readiness, const json& request) {
  return rules::ParseGuarded("request", [&] { return Applicants(catalogue, readiness, request); });
}

Result<json> ReadinessRequest(const ReadinessFramework& readiness, const json& request) {
  return rules::ParseGuarded("request", [&] { return ReadinessOf(readiness, request); });
}

}  // namespace ecosol::finance
