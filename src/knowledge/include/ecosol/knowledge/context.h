#pragma once

// A context profile: what is known of a place, be it where a social innovation started (a case's
// origin) or a territory it might move to (docs/knowledge.md). Values are keyed by the features
// of a TransferFramework; a feature with no value is unknown, and unknown is never a pass or a
// fail: an analysis reports it as insufficient evidence with the question to answer.
//
// JSON form, features grouped by their CICI domain (a feature given under another domain is an
// error, so that a profile reads the same way as the catalogue):
//
//   {"id": "rural-limpopo", "name": "Rural Limpopo",
//    "geographical": {"settlement": "marginalised_rural", "population": 12000},
//    "socio_cultural": {"trust": "low", "multi_function_organisations": true},
//    "socio_economic": {"informal_share": 0.7, "finance_mechanisms": ["rosca"]},
//    "legal": {"legal_forms": ["informal_group", "association"]}}
//
// null or a missing key means unknown. Thread safety: value types.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge {

// A known value: bool (kBool), double (kShare, kNumber), string (kLevel, kChoice) or a list of
// strings (kList).
using FeatureValue = std::variant<bool, double, std::string, std::vector<std::string>>;

struct ContextProfile {
  std::string id;
  std::string name;                              // in the language of whoever wrote it
  std::map<std::string, FeatureValue> features;  // feature id -> value; absent: unknown

  // The value of `feature`, or null when unknown.
  const FeatureValue* Find(const std::string& feature) const;
};

// Checks `value` against `feature`'s type ("expected one of low, medium, high").
Result<FeatureValue> ParseFeatureValue(const Feature& feature, const nlohmann::json& value,
                                       const std::string& where);
nlohmann::json FeatureValueToJson(const FeatureValue& value);

// Reads a profile; `where` prefixes errors ("case 'x': origin").
Result<ContextProfile> ParseContextProfile(const TransferFramework& framework,
                                           const nlohmann::json& doc, const std::string& where);
nlohmann::json ContextProfileToJson(const TransferFramework& framework,
                                    const ContextProfile& profile);

}  // namespace ecosol::knowledge
