// Comparison chains and arithmetic. Operands are converted as JavaScript's Number() does, but a
// value that is not a number (NaN in JavaScript) and a non-finite result are errors, as in the
// JSON Logic community tests: JSON cannot carry NaN or Infinity.

#include <cmath>

#include "coerce.h"
#include "ops.h"

namespace ecosol::rules::internal {
namespace {

std::string Quoted(const Node& node) { return "\"" + node.name + "\""; }

Fallible<bool> Holds(const Node& node, const json& a, const json& b) {
  switch (node.op) {
    case Op::kEqual:
      return LooseEquals(a, b, node);
    case Op::kNotEqual: {
      Fallible<bool> equal = LooseEquals(a, b, node);
      if (!equal.ok()) return equal;
      return !*equal;
    }
    case Op::kStrictEqual:
      return StrictEquals(a, b);
    case Op::kStrictNotEqual:
      return !StrictEquals(a, b);
    default:
      break;
  }
  Fallible<int> order = Order(a, b, node);
  if (!order.ok()) return order.error();
  switch (node.op) {
    case Op::kLess:
      return *order < 0;
    case Op::kLessOrEqual:
      return *order <= 0;
    case Op::kGreater:
      return *order > 0;
    default:
      return *order >= 0;
  }
}

Fallible<double> NumberOperand(const Node& node, Operands& operands, size_t i) {
  Fallible<Value> v = operands.Get(i);
  if (!v.ok()) return v.error();
  std::optional<double> x = ToNumber(v->get());
  if (!x) {
    return MakeError(kNaN, node,
                     "operand " + std::to_string(i) + " of " + Quoted(node) + " is " +
                         Show(v->get()) + ", not a number");
  }
  return *x;
}

}  // namespace

EvalError TooFewOperands(const Node& node, size_t needed, size_t got) {
  return MakeError(kInvalidArguments, node,
                   "\"" + node.name + "\" needs at least " + std::to_string(needed) +
                       (needed == 1 ? " operand" : " operands") + ", got " + std::to_string(got));
}

namespace {

// Left fold of + or *: the empty sum is 0, the empty product 1.
Fallible<Value> Fold(const Node& node, Operands& operands, bool times) {
  double acc = times ? 1 : 0;
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<double> x = NumberOperand(node, operands, i);
    if (!x.ok()) return x.error();
    acc = times ? acc * *x : acc + *x;
  }
  return NumberResult(acc, node);
}

// a - b - c ...; a single operand is negated.
Fallible<Value> Minus(const Node& node, Operands& operands) {
  if (operands.size() == 0) return TooFewOperands(node, 1, 0);
  Fallible<double> acc = NumberOperand(node, operands, 0);
  if (!acc.ok()) return acc.error();
  if (operands.size() == 1) return NumberResult(-*acc, node);
  for (size_t i = 1; i < operands.size(); ++i) {
    Fallible<double> x = NumberOperand(node, operands, i);
    if (!x.ok()) return x.error();
    *acc -= *x;
  }
  return NumberResult(*acc, node);
}

// a / b / c ... and a % b % c ...; a single operand x of "/" is 1 / x. Dividing by zero is a
// "NaN" error.
Fallible<Value> Divide(const Node& node, Operands& operands, bool modulo) {
  size_t needed = modulo ? 2 : 1;
  if (operands.size() < needed) return TooFewOperands(node, needed, operands.size());
  double acc = 1;
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<double> x = NumberOperand(node, operands, i);
    if (!x.ok()) return x.error();
    bool first = i == 0 && operands.size() > 1;
    if (first) {
      acc = *x;
      continue;
    }
    if (*x == 0) return MakeError(kNaN, node, Quoted(node) + " by zero");
    acc = modulo ? std::fmod(acc, *x) : acc / *x;
  }
  return NumberResult(acc, node);
}

Fallible<Value> Extreme(const Node& node, Operands& operands, bool max) {
  if (operands.size() == 0) return TooFewOperands(node, 1, 0);
  double best = 0;
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<double> x = NumberOperand(node, operands, i);
    if (!x.ok()) return x.error();
    if (i == 0 || (max ? *x > best : *x < best)) best = *x;
  }
  return NumberResult(best, node);
}

}  // namespace

// a op b op c ...: true when every adjacent pair holds. Stops at the first pair that does not,
// without evaluating the operands after it.
Fallible<Value> ApplyComparison(const Node& node, Operands& operands) {
  if (operands.size() < 2) return TooFewOperands(node, 2, operands.size());
  Fallible<Value> previous = operands.Get(0);
  if (!previous.ok()) return previous;
  for (size_t i = 1; i < operands.size(); ++i) {
    Fallible<Value> current = operands.Get(i);
    if (!current.ok()) return current;
    Fallible<bool> holds = Holds(node, previous->get(), current->get());
    if (!holds.ok()) return holds.error();
    if (!*holds) return Value(json(false));
    previous = std::move(current);
  }
  return Value(json(true));
}

Fallible<Value> ApplyArithmetic(const Node& node, Operands& operands) {
  switch (node.op) {
    case Op::kPlus:
      return Fold(node, operands, false);
    case Op::kTimes:
      return Fold(node, operands, true);
    case Op::kMinus:
      return Minus(node, operands);
    case Op::kDivide:
      return Divide(node, operands, false);
    case Op::kModulo:
      return Divide(node, operands, true);
    case Op::kMin:
      return Extreme(node, operands, false);
    default:
      return Extreme(node, operands, true);
  }
}

}  // namespace ecosol::rules::internal
