#include "value.h"

namespace ecosol::rules::internal {

std::string Where(const Node& node) {
  if (node.where.empty()) return "at the rule root";
  return "at rule " + node.where;
}

EvalError MakeError(const char* type, const Node& node, const std::string& detail) {
  return EvalError{json{{"type", type}}, std::string(type) + ": " + detail + " " + Where(node)};
}

EvalError ThrownError(const json& thrown, const Node& node) {
  json payload = thrown.is_object() ? thrown : json{{"type", thrown}};
  auto type = payload.find("type");
  std::string label;
  if (type != payload.end() && type->is_string()) {
    label = type->get_ref<const std::string&>();
  } else {
    label = payload.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return EvalError{std::move(payload), label + ": thrown by the rule " + Where(node)};
}

}  // namespace ecosol::rules::internal
