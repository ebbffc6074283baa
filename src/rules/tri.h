#pragma once

// Missing-aware (three-valued) evaluation of a compiled rule, what Rule::Evaluate does. The
// rules are in docs/rules-language.md, "Missing-aware evaluation".

#include <string>
#include <vector>

#include "value.h"

namespace ecosol::rules::internal {

// A value, or unknown: `missing` lists the paths whose absence made it so (possibly with
// duplicates; Rule::Evaluate sorts them).
struct Tri {
  Value value;
  std::vector<std::string> missing;
  bool known() const { return missing.empty(); }
};

// Evaluates `node` against the root scope `root` (iterator and catch scopes inside it are
// evaluated with standard semantics).
Fallible<Tri> EvalTri(const Node& node, const Frame& root);

}  // namespace ecosol::rules::internal
