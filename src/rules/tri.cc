#include "tri.h"

#include "coerce.h"
#include "ops.h"
#include "path.h"
#include "standard.h"

namespace ecosol::rules::internal {
namespace {

Tri Known(Value v) { return Tri{std::move(v), {}}; }

Tri Unknown(std::vector<std::string> missing) { return Tri{Value(), std::move(missing)}; }

void AddMissing(const Tri& t, std::vector<std::string>* missing) {
  missing->insert(missing->end(), t.missing.begin(), t.missing.end());
}

Fallible<Tri> Standard(const Node& node, const Frame& root) {
  Fallible<Value> v = EvalStandard(node, root);
  if (!v.ok()) return v.error();
  return Known(std::move(*v));
}

// Operands evaluated ahead: all known, except possibly an error at the end, which an operator
// that stops early may never reach (as in standard evaluation).
class KnownOperands final : public Operands {
 public:
  KnownOperands(std::vector<Value> values, size_t size, std::optional<EvalError> error)
      : values_(std::move(values)), size_(size), error_(std::move(error)) {}
  size_t size() const override { return size_; }
  Fallible<Value> Get(size_t i) override {
    if (i < values_.size()) return std::move(values_[i]);
    if (error_) return *error_;
    return Value();  // not reached: size_ counts the values and the error
  }

 private:
  std::vector<Value> values_;
  size_t size_;
  std::optional<EvalError> error_;
};

// An operator whose single operand's array value supplies the operands.
Fallible<Tri> Spread(const Node& node, const Frame& root) {
  Fallible<Tri> whole = EvalTri(node.children[0], root);
  if (!whole.ok() || !whole->known()) return whole;
  const Value spread = std::move(whole->value);
  std::vector<Value> values;
  if (spread.get().is_array()) {
    for (const json& e : spread.get()) values.push_back(Value::Borrow(e));
  } else {
    values.push_back(Value::Borrow(spread.get()));
  }
  size_t size = values.size();
  KnownOperands operands(std::move(values), size, std::nullopt);
  Fallible<Value> v = ApplyOperator(node, operands, root);
  if (!v.ok()) return v.error();
  return Known(std::move(*v).Own());  // it may borrow from `spread`
}

// Every other operator: all operands three-valued; any unknown makes the result unknown;
// otherwise the operator's standard semantics on the values. An error raised by an operand
// is the result, unless the operator stops before it (all operands before it being known).
Fallible<Tri> Generic(const Node& node, const Frame& root) {
  if (node.spread) return Spread(node, root);
  std::vector<Value> values;
  std::vector<std::string> missing;
  std::optional<EvalError> error;
  for (const Node& child : node.children) {
    Fallible<Tri> t = EvalTri(child, root);
    if (!t.ok()) {
      error = std::move(t.error());
      break;
    }
    AddMissing(*t, &missing);
    values.push_back(std::move(t->value));
  }
  if (error && !missing.empty()) return std::move(*error);
  if (!missing.empty()) return Unknown(std::move(missing));
  KnownOperands operands(std::move(values), node.children.size(), std::move(error));
  Fallible<Value> v = ApplyOperator(node, operands, root);
  if (!v.ok()) return v.error();
  return Known(std::move(*v));
}

// Absent or null: unknown, unless there is a default.
Fallible<Tri> Var(const Node& node, const Frame& root) {
  Path computed;
  const Path* path = node.path ? &*node.path : nullptr;
  if (!path) {
    Fallible<Tri> text = EvalTri(node.children[0], root);
    if (!text.ok() || !text->known()) return text;
    computed = VarPathOf(text->value.get());
    path = &computed;
  }
  if (path->segments.empty()) return Known(Value::Borrow(*root.data));
  std::optional<Value> found = Resolve(root, path->segments);
  if (found && !found->get().is_null()) return Known(std::move(*found));
  if (node.children.size() > 1) return EvalTri(node.children[1], root);
  return Unknown({path->text});
}

Fallible<Tri> Val(const Node& node, const Frame& root) {
  Path computed;
  const Path* path = node.path ? &*node.path : nullptr;
  if (!path) {
    std::vector<Value> values;
    std::vector<std::string> missing;
    for (const Node& child : node.children) {
      Fallible<Tri> t = EvalTri(child, root);
      if (!t.ok()) return t;
      AddMissing(*t, &missing);
      values.push_back(std::move(t->value));
    }
    if (!missing.empty()) return Unknown(std::move(missing));
    computed = ValPathOfValues(values);
    path = &computed;
  }
  if (path->segments.empty()) return Known(Value::Borrow(*root.data));
  std::optional<Value> found = Resolve(root, path->segments);
  if (found && !found->get().is_null()) return Known(std::move(*found));
  return Unknown({path->text});
}

// and: the first known falsy operand, wherever it is; else unknown if an operand is; else the
// last. or: the same with truthy. Evaluation stops at the first known deciding operand.
Fallible<Tri> AndOr(const Node& node, const Frame& root) {
  bool decides = node.op == Op::kOr;
  std::vector<std::string> missing;
  Value last(json(false));
  for (const Node& child : node.children) {
    Fallible<Tri> t = EvalTri(child, root);
    if (!t.ok()) return t;
    if (!t->known()) {
      AddMissing(*t, &missing);
      continue;
    }
    if (IsTruthy(t->value.get()) == decides) return t;
    last = std::move(t->value);
  }
  if (!missing.empty()) return Unknown(std::move(missing));
  return Known(std::move(last));
}

// The value of the if-chain when its condition `i` is unknown: known when every branch that
// could still be chosen is known and they are all equal (JSON equality). A branch or a later
// condition that raises an error makes it unknown: that branch may never be taken.
std::optional<Value> CommonBranchValue(const Node& node, size_t i, const Frame& root) {
  const std::vector<Node>& c = node.children;
  std::optional<Value> common;
  auto agrees = [&common](Fallible<Tri> t) {
    if (!t.ok() || !t->known()) return false;
    if (!common) common = std::move(t->value);
    return common->get() == t->value.get();
  };
  if (!agrees(EvalTri(c[i + 1], root))) return std::nullopt;
  for (size_t k = i + 2;; k += 2) {
    if (k + 1 >= c.size()) {  // the else branch, or null when there is none
      Fallible<Tri> last = k < c.size() ? EvalTri(c[k], root) : Fallible<Tri>(Known(Value()));
      if (!agrees(std::move(last))) return std::nullopt;
      return common;
    }
    Fallible<Tri> condition = EvalTri(c[k], root);
    if (!condition.ok()) return std::nullopt;
    bool surely = condition->known() && IsTruthy(condition->value.get());
    bool maybe = surely || !condition->known();
    if (maybe && !agrees(EvalTri(c[k + 1], root))) return std::nullopt;
    if (surely) return common;
  }
}

// Conditions in order; a known one behaves as usual; an unknown one makes the result unknown
// (with its missing paths) unless CommonBranchValue finds the result anyway.
Fallible<Tri> If(const Node& node, const Frame& root) {
  const std::vector<Node>& c = node.children;
  size_t i = 0;
  for (; i + 1 < c.size(); i += 2) {
    Fallible<Tri> condition = EvalTri(c[i], root);
    if (!condition.ok()) return condition;
    if (!condition->known()) {
      std::optional<Value> common = CommonBranchValue(node, i, root);
      if (common) return Known(std::move(*common));
      return condition;
    }
    if (IsTruthy(condition->value.get())) return EvalTri(c[i + 1], root);
  }
  if (i < c.size()) return EvalTri(c[i], root);
  return Known(Value());
}

// The array (and reduce's initial value) three-valued; inside, standard evaluation.
Fallible<Tri> Iterator(const Node& node, const Frame& root) {
  Fallible<Tri> source = EvalTri(node.children[0], root);
  if (!source.ok() || !source->known()) return source;
  Value initial;
  if (node.children.size() > 2) {
    Fallible<Tri> start = EvalTri(node.children[2], root);
    if (!start.ok() || !start->known()) return start;
    initial = std::move(start->value);
  }
  Fallible<Value> v = RunIterator(node, std::move(source->value), std::move(initial), root);
  if (!v.ok()) return v.error();
  return Known(std::move(*v));
}

// The first operand three-valued; the fallbacks (which read the error) standard.
Fallible<Tri> Try(const Node& node, const Frame& root) {
  Fallible<Tri> first = EvalTri(node.children[0], root);
  if (first.ok()) return first;
  Fallible<Value> v = RunFallbacks(node, std::move(first.error()), root);
  if (!v.ok()) return v.error();
  return Known(std::move(*v));
}

}  // namespace

Fallible<Tri> EvalTri(const Node& node, const Frame& root) {
  switch (node.op) {
    case Op::kLiteral:
      return Known(Value::Borrow(node.literal));
    case Op::kVar:
      return Var(node, root);
    case Op::kVal:
      return Val(node, root);
    case Op::kExists:
    case Op::kMissing:
    case Op::kMissingSome:
      return Standard(node, root);  // about absence: evaluated as usual, always known
    case Op::kIf:
      return If(node, root);
    case Op::kAnd:
    case Op::kOr:
      return AndOr(node, root);
    case Op::kMap:
    case Op::kFilter:
    case Op::kReduce:
    case Op::kAll:
    case Op::kSome:
    case Op::kNone:
      return Iterator(node, root);
    case Op::kTry:
      return Try(node, root);
    default:
      return Generic(node, root);
  }
}

}  // namespace ecosol::rules::internal
