#pragma once

// The operators whose operands are plain values: everything except var / val / exists, the
// control operators (if, and, or), the iterators and try, which the evaluators handle
// themselves. Both evaluators use these, so standard and missing-aware evaluation agree on what
// each operator computes.

#include "value.h"

namespace ecosol::rules::internal {

// The operands of one operation, handed over one at a time so that operators that stop early
// (comparison chains, "??") do not evaluate the rest, as in standard evaluation.
class Operands {
 public:
  virtual ~Operands() = default;
  virtual size_t size() const = 0;
  // The value of operand `i`. Each operand is asked for at most once, in increasing order.
  virtual Fallible<Value> Get(size_t i) = 0;
};

// Applies `node`'s operator (a value operator) to `operands`. `frame` is the scope that
// missing / missing_some read. The result may borrow from the operands' values.
Fallible<Value> ApplyOperator(const Node& node, Operands& operands, const Frame& frame);

// Parts of ApplyOperator, by family (ops_numbers.cc, ops_values.cc).
Fallible<Value> ApplyComparison(const Node& node, Operands& operands);
Fallible<Value> ApplyArithmetic(const Node& node, Operands& operands);
Fallible<Value> ApplyMissing(const Node& node, Operands& operands, const Frame& frame);
Fallible<Value> ApplyMissingSome(const Node& node, Operands& operands, const Frame& frame);

// The "Invalid Arguments" error of an operator given fewer operands than it needs.
EvalError TooFewOperands(const Node& node, size_t needed, size_t got);

}  // namespace ecosol::rules::internal
