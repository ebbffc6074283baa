// missing and missing_some: which of the given var paths have no value (absent, null or "", as
// in json-logic-js) in the current scope.

#include "coerce.h"
#include "ops.h"
#include "path.h"

namespace ecosol::rules::internal {
namespace {

bool IsMissing(const Frame& frame, const Path& path) {
  std::optional<Value> v = Resolve(frame, path.segments);
  return !v || v->get().is_null() || (v->get().is_string() && v->get().empty());
}

// The keys present among `keys`, with their paths.
json MissingKeys(const json& keys, const std::vector<Path>& paths, const Frame& frame) {
  json out = json::array();
  for (size_t i = 0; i < paths.size(); ++i) {
    if (IsMissing(frame, paths[i])) out.push_back(keys[i]);
  }
  return out;
}

json MissingKeys(const json& keys, const Frame& frame) {
  std::vector<Path> paths;
  for (const json& key : keys) paths.push_back(VarPath(JsString(key)));
  return MissingKeys(keys, paths, frame);
}

// The keys of a `missing` whose operands are computed: an array as first operand is the list
// of keys (the rest is ignored), otherwise the operands are.
Fallible<json> ComputedKeys(Operands& operands) {
  json keys = json::array();
  for (size_t i = 0; i < operands.size(); ++i) {
    Fallible<Value> v = operands.Get(i);
    if (!v.ok()) return v.error();
    if (i == 0 && v->get().is_array()) return std::move(*v).Take();
    keys.push_back(std::move(*v).Take());
  }
  return keys;
}

}  // namespace

Fallible<Value> ApplyMissing(const Node& node, Operands& operands, const Frame& frame) {
  if (node.literal_keys) return Value(MissingKeys(node.literal, node.keys, frame));
  Fallible<json> keys = ComputedKeys(operands);
  if (!keys.ok()) return keys.error();
  return Value(MissingKeys(*keys, frame));
}

// [] when at least `need` of the options are present, else the missing ones.
Fallible<Value> ApplyMissingSome(const Node& node, Operands& operands, const Frame& frame) {
  Fallible<Value> need = operands.Get(0);
  if (!need.ok()) return need;
  std::optional<double> count = ToNumber(need->get());
  if (!count) {
    return MakeError(kNaN, node, "the count of \"missing_some\" is " + Show(need->get()));
  }
  json missing;
  size_t options = 0;
  if (node.literal_keys) {
    missing = MissingKeys(node.literal, node.keys, frame);
    options = node.keys.size();
  } else {
    Fallible<Value> v = operands.Get(1);
    if (!v.ok()) return v;
    json keys = v->get().is_array() ? std::move(*v).Take() : json::array({std::move(*v).Take()});
    missing = MissingKeys(keys, frame);
    options = keys.size();
  }
  bool enough = static_cast<double>(options - missing.size()) >= *count;
  return Value(enough ? json::array() : std::move(missing));
}

}  // namespace ecosol::rules::internal
