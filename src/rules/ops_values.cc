// Value operators other than numbers: logic negation, strings, arrays, "??", "throw", "log",
// and the dispatch of ApplyOperator.

#include <algorithm>
#include <cmath>

#include "coerce.h"
#include "ops.h"

namespace ecosol::rules::internal {
namespace {

Fallible<Value> Negation(Operands& operands, bool negate) {
  bool truthy = false;  // no operand: undefined, which is falsy
  if (operands.size() > 0) {
    Fallible<Value> v = operands.Get(0);
    if (!v.ok()) return v;
    truthy = IsTruthy(v->get());
  }
  return Value(json(negate ? !truthy : truthy));
}

// Strings joined; null adds nothing (the community tests; json-logic-js would add "null").
Fallible<Value> Cat(Operands& operands) {
  std::string out;
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<Value> v = operands.Get(i);
    if (!v.ok()) return v;
    if (!v->get().is_null()) AppendJsString(v->get(), &out);
  }
  return Value(json(std::move(out)));
}

// Byte offsets of the code points of `s`, plus s.size() at the end.
std::vector<size_t> CodePointOffsets(const std::string& s) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(s.size());
  return offsets;
}

// A number operand truncated toward zero, NaN as 0 (JavaScript's ToIntegerOrInfinity).
Fallible<double> IntegerOperand(Operands& operands, size_t i) {
  Fallible<Value> v = operands.Get(i);
  if (!v.ok()) return v.error();
  double x = ToNumber(v->get()).value_or(0);
  return std::isnan(x) ? 0 : std::trunc(x);
}

// json-logic-js substr: String(source).substr(start, length), where a negative length drops
// that many characters from the end. Counts code points (JavaScript counts UTF-16 units).
Fallible<Value> Substr(Operands& operands) {
  Fallible<Value> source = operands.Get(0);
  if (!source.ok()) return source;
  std::string text = JsString(source->get());
  Fallible<double> start = IntegerOperand(operands, 1);
  if (!start.ok()) return start.error();
  std::vector<size_t> offsets = CodePointOffsets(text);
  double length = static_cast<double>(offsets.size() - 1);
  double from = *start < 0 ? std::max(length + *start, 0.0) : std::min(*start, length);
  double count = length - from;
  if (operands.size() > 2) {
    Fallible<double> n = IntegerOperand(operands, 2);
    if (!n.ok()) return n.error();
    count = *n < 0 ? std::max(count + *n, 0.0) : std::min(*n, count);
  }
  size_t begin = offsets[static_cast<size_t>(from)];
  size_t end = offsets[static_cast<size_t>(from + count)];
  return Value(json(text.substr(begin, end - begin)));
}

// A substring of a string, or an element (===) of an array; false for anything else.
Fallible<Value> In(Operands& operands) {
  Fallible<Value> needle = operands.Get(0);
  if (!needle.ok()) return needle;
  Fallible<Value> haystack = operands.Get(1);
  if (!haystack.ok()) return haystack;
  const json& h = haystack->get();
  bool found = false;
  if (h.is_string()) {
    found = h.get_ptr<const json::string_t*>()->find(JsString(needle->get())) != std::string::npos;
  } else if (h.is_array()) {
    found = std::any_of(h.begin(), h.end(),
                        [&](const json& e) { return StrictEquals(e, needle->get()); });
  }
  return Value(json(found));
}

// Arrays flattened one level; other values kept as elements.
Fallible<Value> Merge(Operands& operands) {
  json out = json::array();
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<Value> v = operands.Get(i);
    if (!v.ok()) return v;
    if (v->get().is_array()) {
      for (const json& e : v->get()) out.push_back(e);
    } else {
      out.push_back(std::move(*v).Take());
    }
  }
  return Value(std::move(out));
}

// The first operand that is not null; the rest are not evaluated.
Fallible<Value> Coalesce(Operands& operands) {
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<Value> v = operands.Get(i);
    if (!v.ok() || !v->get().is_null()) return v;
  }
  return Value();
}

Fallible<Value> Array(Operands& operands) {
  json out = json::array();
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<Value> v = operands.Get(i);
    if (!v.ok()) return v;
    out.push_back(std::move(*v).Take());
  }
  return Value(std::move(out));
}

Fallible<Value> Throw(const Node& node, Operands& operands) {
  Fallible<Value> v = operands.Get(0);
  if (!v.ok()) return v;
  return ThrownError(v->get(), node);
}

}  // namespace

Fallible<Value> ApplyOperator(const Node& node, Operands& operands, const Frame& frame) {
  switch (node.op) {
    case Op::kNot:
      return Negation(operands, true);
    case Op::kNotNot:
      return Negation(operands, false);
    case Op::kEqual:
    case Op::kNotEqual:
    case Op::kStrictEqual:
    case Op::kStrictNotEqual:
    case Op::kLess:
    case Op::kLessOrEqual:
    case Op::kGreater:
    case Op::kGreaterOrEqual:
      return ApplyComparison(node, operands);
    case Op::kPlus:
    case Op::kMinus:
    case Op::kTimes:
    case Op::kDivide:
    case Op::kModulo:
    case Op::kMin:
    case Op::kMax:
      return ApplyArithmetic(node, operands);
    case Op::kCat:
      return Cat(operands);
    case Op::kSubstr:
      return Substr(operands);
    case Op::kIn:
      return In(operands);
    case Op::kMerge:
      return Merge(operands);
    case Op::kCoalesce:
      return Coalesce(operands);
    case Op::kArray:
      return Array(operands);
    case Op::kThrow:
      return Throw(node, operands);
    case Op::kLog:
      return operands.Get(0);
    case Op::kMissing:
      return ApplyMissing(node, operands, frame);
    case Op::kMissingSome:
      return ApplyMissingSome(node, operands, frame);
    default:
      return MakeError(kInvalidArguments, node, "\"" + node.name + "\" is not a value operator");
  }
}

}  // namespace ecosol::rules::internal
