#pragma once

// Compile: JSON Logic (as JSON) to the node tree of node.h, with every check that does not need
// data: known operators, operand counts, operand shapes. Also lists the facts a rule reads.

#include <memory>

#include "ecosol/base/status.h"
#include "node.h"

namespace ecosol::rules::internal {

// Errors are kInvalidArgument saying what is wrong and where ("... at rule /and/1").
Result<std::shared_ptr<const Program>> CompileProgram(const json& rule);

}  // namespace ecosol::rules::internal
