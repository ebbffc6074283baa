#pragma once

// Private to the knowledge module: the descriptive fields of a case document (everything but id,
// title, origin and core elements), read and written for case.cc.

#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/case.h"

namespace ecosol::knowledge::internal {

// Reads the descriptive fields of `doc` into `*c`; errors are prefixed with `where` ("case 'x'").
// Provenance claims are checked against the parts of `*c`, so the core elements come first.
Status ParseDescription(const nlohmann::json& doc, const std::string& where, Case* c);

// Writes the descriptive fields of `c` that are given into `*out`.
void DescriptionToJson(const Case& c, nlohmann::json* out);

}  // namespace ecosol::knowledge::internal
