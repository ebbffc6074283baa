#pragma once

// Private to the screening module: the form results are stored in, and back.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/screening/screening.h"

namespace ecosol::screening {

// What was decided: the verdict, each principle's and criterion's status (with the facts that
// were missing), the flags, and the options used. Assessments store this; texts and evidence are
// reproduced from the stored profile version and the framework when read
// (ScreeningService::History), which keeps an assessment to about a kilobyte when the whole
// registry is screened.
nlohmann::json Decision(const Screening& screening, const std::vector<std::string>& options);

// Decision(...).dump(), written directly: the batch form (no intermediate JSON tree).
std::string DecisionText(const Screening& screening, const std::vector<std::string>& options);

// The texts put back from `framework` in `lang`; when the framework is gone or at another
// version, the result says so ("texts_from_version") and keeps what it has.
nlohmann::json Localise(nlohmann::json stored, const Framework* framework, const std::string& lang);

}  // namespace ecosol::screening
