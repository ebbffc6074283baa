#include "standard.h"

#include "coerce.h"
#include "ops.h"
#include "path.h"

namespace ecosol::rules::internal {
namespace {

// The operands of a value operator, evaluated on demand. A spread operand ({"max": {"var":
// "xs"}}) is evaluated first; its elements (or itself, if not an array) are the operands.
class ChildOperands final : public Operands {
 public:
  ChildOperands(const Node& node, const Frame& frame) : node_(node), frame_(frame) {}

  std::optional<EvalError> Prepare() {
    if (!node_.spread) return std::nullopt;
    Fallible<Value> v = EvalStandard(node_.children[0], frame_);
    if (!v.ok()) return std::move(v.error());
    spread_ = std::move(*v);
    return std::nullopt;
  }

  size_t size() const override {
    if (!node_.spread) return node_.children.size();
    return spread_.get().is_array() ? spread_.get().size() : 1;
  }

  Fallible<Value> Get(size_t i) override {
    if (!node_.spread) return EvalStandard(node_.children[i], frame_);
    if (spread_.get().is_array()) return Value::Borrow(spread_.get()[i]);
    return std::move(spread_);
  }

 private:
  const Node& node_;
  const Frame& frame_;
  Value spread_;
};

Fallible<Value> ValueOperator(const Node& node, const Frame& frame) {
  ChildOperands operands(node, frame);
  if (std::optional<EvalError> error = operands.Prepare()) return std::move(*error);
  Fallible<Value> result = ApplyOperator(node, operands, frame);
  if (node.spread && result.ok()) return std::move(*result).Own();
  return result;
}

Fallible<Value> Var(const Node& node, const Frame& frame) {
  Path computed;
  const Path* path = node.path ? &*node.path : nullptr;
  if (!path) {
    Fallible<Value> text = EvalStandard(node.children[0], frame);
    if (!text.ok()) return text;
    computed = VarPathOf(text->get());
    path = &computed;
  }
  std::optional<Value> found = Resolve(frame, path->segments);
  if (found) return std::move(*found);
  if (node.children.size() > 1) return EvalStandard(node.children[1], frame);
  return Value();
}

// val: the value at the path (null when there is none); exists: whether there is one.
Fallible<Value> ValOrExists(const Node& node, const Frame& frame) {
  Fallible<Path> computed = Path{};
  const Path* path = node.path ? &*node.path : nullptr;
  if (!path) {
    computed = ComputedValPath(node, frame);
    if (!computed.ok()) return computed.error();
    path = &*computed;
  }
  std::optional<Value> found = Resolve(Climb(frame, path->scope_up), path->segments);
  if (node.op == Op::kExists) return Value(json(found.has_value()));
  return found ? std::move(*found) : Value();
}

Fallible<Value> If(const Node& node, const Frame& frame) {
  size_t n = node.children.size();
  size_t i = 0;
  for (; i + 1 < n; i += 2) {
    Fallible<Value> condition = EvalStandard(node.children[i], frame);
    if (!condition.ok()) return condition;
    if (IsTruthy(condition->get())) return EvalStandard(node.children[i + 1], frame);
  }
  if (i < n) return EvalStandard(node.children[i], frame);
  return Value();
}

// and: the first falsy operand, or the last; or: the first truthy one, or the last. No
// operand: false.
Fallible<Value> AndOr(const Node& node, const Frame& frame) {
  bool stop_when = node.op == Op::kOr;
  Value last(json(false));
  for (const Node& child : node.children) {
    Fallible<Value> v = EvalStandard(child, frame);
    if (!v.ok() || IsTruthy(v->get()) == stop_when) return v;
    last = std::move(*v);
  }
  return last;
}

Fallible<Value> Iterator(const Node& node, const Frame& frame) {
  Fallible<Value> source = EvalStandard(node.children[0], frame);
  if (!source.ok()) return source;
  Value initial;
  if (node.children.size() > 2) {
    Fallible<Value> v = EvalStandard(node.children[2], frame);
    if (!v.ok()) return v;
    initial = std::move(*v);
  }
  return RunIterator(node, std::move(*source), std::move(initial), frame);
}

Fallible<Value> Try(const Node& node, const Frame& frame) {
  Fallible<Value> first = EvalStandard(node.children[0], frame);
  if (first.ok()) return first;
  return RunFallbacks(node, std::move(first.error()), frame);
}

}  // namespace

Fallible<Value> EvalStandard(const Node& node, const Frame& frame) {
  switch (node.op) {
    case Op::kLiteral:
      return Value::Borrow(node.literal);
    case Op::kVar:
      return Var(node, frame);
    case Op::kVal:
    case Op::kExists:
      return ValOrExists(node, frame);
    case Op::kIf:
      return If(node, frame);
    case Op::kAnd:
    case Op::kOr:
      return AndOr(node, frame);
    case Op::kMap:
    case Op::kFilter:
    case Op::kReduce:
    case Op::kAll:
    case Op::kSome:
    case Op::kNone:
      return Iterator(node, frame);
    case Op::kTry:
      return Try(node, frame);
    default:
      return ValueOperator(node, frame);
  }
}

Fallible<Value> RunFallbacks(const Node& node, EvalError error, const Frame& frame) {
  for (size_t i = 1; i < node.children.size(); ++i) {
    json payload = std::move(error.payload);
    Frame scope{Frame::Kind::kData, &payload, nullptr, 0, &frame};
    Fallible<Value> v = EvalStandard(node.children[i], scope);
    if (v.ok()) return std::move(*v).Own();  // it may borrow from `payload`
    error = std::move(v.error());
  }
  return error;
}

Fallible<Path> ComputedValPath(const Node& node, const Frame& frame) {
  std::vector<Value> values;
  for (const Node& child : node.children) {
    Fallible<Value> v = EvalStandard(child, frame);
    if (!v.ok()) return v.error();
    values.push_back(std::move(*v));
  }
  return ValPathOfValues(values);
}

}  // namespace ecosol::rules::internal
