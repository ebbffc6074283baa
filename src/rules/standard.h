#pragma once

// Standard JSON Logic evaluation of a compiled rule (what Rule::Apply does).

#include "value.h"

namespace ecosol::rules::internal {

// The value of `node` in `frame`. The result may borrow from the frame's data and from the
// rule's literals.
Fallible<Value> EvalStandard(const Node& node, const Frame& frame);

// Runs the iterator `node` over `source` (already evaluated), with `initial` as reduce's start.
Fallible<Value> RunIterator(const Node& node, Value source, Value initial, const Frame& frame);

// Runs the fallbacks of the try `node` (operands 1..n) after its first operand raised `error`:
// each sees the previous error as its data; the first that succeeds gives the value.
Fallible<Value> RunFallbacks(const Node& node, EvalError error, const Frame& frame);

// The path of a `val` or `exists` whose steps are computed: evaluates the operands.
Fallible<Path> ComputedValPath(const Node& node, const Frame& frame);

}  // namespace ecosol::rules::internal
