#pragma once

// Private to the screening module: reading and writing facts by dotted path.

#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/screening/screening.h"

namespace ecosol::screening {

// "governance.voting_rule" -> "/governance/voting_rule".
nlohmann::json::json_pointer Pointer(const std::string& path);

// organisation, initiative (it has "initiative" facts) or programme.
std::string SubjectOf(const nlohmann::json& facts);

// The fact's value, or null when absent.
nlohmann::json FactValue(const Profile& profile, const std::string& path);

}  // namespace ecosol::screening
