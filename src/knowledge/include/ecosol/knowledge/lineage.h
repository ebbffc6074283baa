#pragma once

// Adaptation lineage (docs/knowledge.md, "Lineage"): a case transferred to another place links
// to the case it came from, with the adaptations made there recorded as FRAME describes them
// (Stirman et al. 2019: when, planned or reactive, who decided, what was modified and at what
// level, the kind of change, whether it kept fidelity to the core elements, and why), the risk
// flags the transfer analysis raised before, and how it went.
//
//   {"id": "tr-qc-to-sn", "origin_case": "qc-housing-coop", "case": "sn-housing-coop",
//    "started": "2024-03", "flags": ["trust_dependency"],
//    "target": {...a context profile, optional...},
//    "adaptations": [{"element": "member_mortgage", "when": "pre_implementation",
//       "planned": "planned", "decided_by": ["members", "federation"], "what": "content",
//       "level": "organisation", "change": "substituting",
//       "description": {"en": "A rotating savings fund replaces the credit union's mortgage"},
//       "fidelity_consistent": true, "reasons": ["recipient", "organisation"],
//       "why": {"en": "No credit union lends in the district"}, "date": "2024-02-01"}],
//    "outcome": "partial", "outcome_note": {"en": "Two of three buildings bought"}}
//
// `flags`, when left out, are computed by the service from a transfer analysis of the origin
// case to `target`. Statistics over the recorded transfers say how often each flag preceded a
// transfer that failed. Pure functions; thread safety: none needed.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge {

enum class FrameVocabulary {
  kWhen,     // pre_implementation, implementation, scale_up, maintenance
  kPlanned,  // planned, reactive
  kWhat,     // content, context, training, evaluation, implementation
  kLevel,    // individual, group, organisation, network, community, region, country
  kChange,   // tailoring, adding, removing, shortening, lengthening, substituting, reordering,
             // integrating, repeating, loosening_structure, departing
  kReason,   // sociopolitical, organisation, provider, recipient, evidence
  kOutcome,  // ongoing, success, partial, failure, abandoned
};
const std::vector<std::string>& AllowedValues(FrameVocabulary vocabulary);

struct AdaptationRecord {
  std::string element;  // the core element changed ("" for the whole model)
  std::string when;
  std::string planned;
  std::vector<std::string> decided_by;
  std::string what;
  std::string level;
  std::string change;
  Text description;
  std::optional<bool> fidelity_consistent;  // unknown when not said
  std::vector<std::string> reasons;
  Text why;
  std::string date;  // YYYY-MM-DD or YYYY-MM, or empty
};

struct TransferLineage {
  std::string id;
  std::string origin_case;
  std::string case_id;
  std::string started;             // YYYY-MM-DD or YYYY-MM, or empty
  std::vector<std::string> flags;  // risk flag ids raised before the transfer
  bool flags_given = false;        // false: the service computes them from `target`
  nlohmann::json target;           // a context profile, or null
  std::vector<AdaptationRecord> adaptations;
  std::string outcome = "ongoing";
  Text outcome_note;
};

// Reads and checks a transfer document: ids, vocabularies, flags the framework knows, dates.
// Errors name the path ("transfer 'tr-1': adaptations[0]: when 'before' is not one of ...").
Result<TransferLineage> ParseTransferLineage(const TransferFramework& framework,
                                             const nlohmann::json& doc);
nlohmann::json TransferLineageToJson(const TransferLineage& t);

// How often each flag preceded a failed transfer, over transfers whose outcome is known
// (success, partial, failure, abandoned; "ongoing" ones are left out): per flag, the number of
// transfers it preceded, how many failed or were abandoned, and the share.
struct FlagRecord {
  std::string flag;
  long long transfers = 0;
  long long failed = 0;
  double failure_share = 0;  // failed / transfers
};
struct FlagHistory {
  long long transfers_known = 0;  // transfers with a known outcome
  long long failed = 0;
  std::vector<FlagRecord> flags;  // most transfers first, then by id
};
FlagHistory FlagHistoryOf(const std::vector<TransferLineage>& transfers);
nlohmann::json FlagHistoryToJson(const FlagHistory& history);

}  // namespace ecosol::knowledge
