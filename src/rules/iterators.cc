// map, filter, reduce, all, some, none. Each element is evaluated in its own scope: an
// iteration scope (whose "index" `val` can read) and, inside it, the element (for reduce, the
// pair {current, accumulator}).

#include "coerce.h"
#include "ops.h"
#include "standard.h"

namespace ecosol::rules::internal {
namespace {

struct ElementScope {
  Frame iteration;
  Frame element;
  ElementScope(const Frame& parent, size_t index, const json& value)
      : iteration{Frame::Kind::kIteration, nullptr, nullptr, index, &parent},
        element{Frame::Kind::kData, &value, nullptr, 0, &iteration} {}
  ElementScope(const ElementScope&) = delete;
  ElementScope& operator=(const ElementScope&) = delete;
};

Fallible<Value> Map(const Node& node, const json& source, const Frame& frame) {
  json out = json::array();
  if (!source.is_array()) return Value(std::move(out));
  for (size_t i = 0; i < source.size(); ++i) {
    ElementScope scope(frame, i, source[i]);
    Fallible<Value> v = EvalStandard(node.children[1], scope.element);
    if (!v.ok()) return v;
    out.push_back(std::move(*v).Take());
  }
  return Value(std::move(out));
}

Fallible<Value> Filter(const Node& node, const json& source, const Frame& frame) {
  json out = json::array();
  if (!source.is_array()) return Value(std::move(out));
  for (size_t i = 0; i < source.size(); ++i) {
    ElementScope scope(frame, i, source[i]);
    Fallible<Value> v = EvalStandard(node.children[1], scope.element);
    if (!v.ok()) return v;
    if (IsTruthy(v->get())) out.push_back(source[i]);
  }
  return Value(std::move(out));
}

Fallible<Value> Reduce(const Node& node, const json& source, Value initial, const Frame& frame) {
  if (!source.is_array()) return initial;
  Value accumulator = std::move(initial);
  for (size_t i = 0; i < source.size(); ++i) {
    Frame iteration{Frame::Kind::kIteration, nullptr, nullptr, i, &frame};
    Frame pair{Frame::Kind::kReduce, &source[i], &accumulator.get(), 0, &iteration};
    Fallible<Value> v = EvalStandard(node.children[1], pair);
    if (!v.ok()) return v;
    Value next = std::move(*v).Own();  // it may borrow the accumulator it replaces
    accumulator = std::move(next);
  }
  return accumulator;
}

// all: every element truthy (and at least one); some: one truthy; none: no truthy one. The
// source must be an array.
Fallible<Value> Quantifier(const Node& node, const json& source, const Frame& frame) {
  if (!source.is_array()) {
    return MakeError(kInvalidArguments, node,
                     "\"" + node.name + "\" needs an array, got " + Show(source));
  }
  bool all = node.op == Op::kAll;
  if (all && source.empty()) return Value(json(false));
  for (size_t i = 0; i < source.size(); ++i) {
    ElementScope scope(frame, i, source[i]);
    Fallible<Value> v = EvalStandard(node.children[1], scope.element);
    if (!v.ok()) return v;
    bool truthy = IsTruthy(v->get());
    if (all && !truthy) return Value(json(false));
    if (!all && truthy) return Value(json(node.op == Op::kSome));
  }
  return Value(json(node.op != Op::kSome));
}

}  // namespace

Fallible<Value> RunIterator(const Node& node, Value source, Value initial, const Frame& frame) {
  switch (node.op) {
    case Op::kMap:
      return Map(node, source.get(), frame);
    case Op::kFilter:
      return Filter(node, source.get(), frame);
    case Op::kReduce: {
      Fallible<Value> v = Reduce(node, source.get(), std::move(initial), frame);
      if (!v.ok()) return v;
      return std::move(*v).Own();  // it may borrow from `source`
    }
    default:
      return Quantifier(node, source.get(), frame);
  }
}

}  // namespace ecosol::rules::internal
