#pragma once

// One call per operation of `ecosol finance match|applicants|readiness --json` and of the HTTP
// API, so that those edges only parse, call and serialise (docs/finance.md). Each takes the
// request as JSON and returns the response as JSON, or InvalidArgument naming the field.
//
//   auto response = MatchRequest(catalogue, readiness, json::parse(R"({"lang": "fr",
//       "organisation": {...}, "funders": [...]})"));
//
// Thread safety: pure functions over immutable frameworks.

#include <nlohmann/json.hpp>

#include "ecosol/base/status.h"
#include "ecosol/finance/mechanisms.h"
#include "ecosol/finance/readiness.h"

namespace ecosol::finance {

// {"organisation": a profile (matching.h), "funders"?: [funder...], "lang"?: "en"} ->
// {"mechanisms": MechanismMatchToJson, "funders": FunderMatchToJson (when funders are given)}.
Result<nlohmann::json> MatchRequest(const MechanismCatalogue& catalogue,
                                    const ReadinessFramework& readiness,
                                    const nlohmann::json& request);

// {"funder": a funder, "organisations": [profile...], "lang"?} -> FunderMatchToJson, applicants
// ranked.
Result<nlohmann::json> ApplicantsRequest(const MechanismCatalogue& catalogue,
                                         const ReadinessFramework& readiness,
                                         const nlohmann::json& request);

// {"assessments": [assessment...] of one organisation, "lang"?} -> {"latest": ReadinessToJson,
// "history": [{date, total, stage, pipeline}] oldest first, "change": CompareAssessments of the
// two latest (null when there is one)}.
Result<nlohmann::json> ReadinessRequest(const ReadinessFramework& readiness,
                                        const nlohmann::json& request);

}  // namespace ecosol::finance
