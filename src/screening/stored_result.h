#pragma once

// Private to the screening module: the form results are stored in, and back.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/screening/screening.h"

namespace ecosol::screening {

// What was decided: the verdict, each principle's and criterion's status (with the facts that
// were missing), the flags, and the options used. Assessments store this; texts, evidence and
// severities are reproduced from the stored profile version and the framework when read
// (ScreeningService::History). The form is compact, because screening a whole registry writes
// one per actor (about 2.7 KB for un-ilo, where the readable form is 3.9 KB):
//   {"framework", "version", "verdict", "options",
//    "principles": [{"id", "status", "criteria": {criterion id: status | [status, [missing]]}}],
//    "red_flags": [{"id", "severity", "evidence"?}],
//    "unchecked_flags": {flag id: [missing facts]}}
nlohmann::json Decision(const Screening& screening, const std::vector<std::string>& options);

// Decision(...).dump(), written directly: the batch form (no intermediate JSON tree).
std::string DecisionText(const Screening& screening, const std::vector<std::string>& options);

// The readable form of a stored decision (also of one stored before the compact form): each
// principle's criteria as a list [{"id", "status", "missing"?, "severity"?}] in the framework's
// order (`framework` may be null), and unchecked_flags as [{"id", "missing"}].
nlohmann::json ReadableForm(nlohmann::json stored, const Framework* framework);

// The texts put back from `framework` in `lang`; when the framework is gone or at another
// version, the result says so ("texts_from_version") and keeps what it has.
nlohmann::json Localise(nlohmann::json stored, const Framework* framework, const std::string& lang);

}  // namespace ecosol::screening
