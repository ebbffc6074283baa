#pragma once

// Values and errors used during evaluation.
//
// Evaluation must not copy data it only reads: a Value either borrows a json that outlives it
// (the data, a literal of the rule, an element of an array held by an enclosing Value) or owns
// one it computed. Errors are EvalError values carrying the JSON Logic error object (what
// "try" hands to its fallback) and a message for people.

#include <string>
#include <utility>
#include <variant>

#include "node.h"

namespace ecosol::rules::internal {

class Value {
 public:
  Value() = default;  // null
  explicit Value(json owned) : owned_(std::move(owned)) {}
  static Value Borrow(const json& v) {
    Value out;
    out.ref_ = &v;
    return out;
  }

  const json& get() const { return ref_ ? *ref_ : owned_; }
  const json* operator->() const { return &get(); }
  // The value as an owned json (copies a borrowed one).
  json Take() && { return ref_ ? *ref_ : std::move(owned_); }
  // Turns a borrowed value into an owned copy, for values that must outlive what they borrow.
  Value Own() && { return Value(std::move(*this).Take()); }

 private:
  const json* ref_ = nullptr;
  json owned_;
};

struct EvalError {
  json payload;         // {"type": "NaN"}, {"type": "Invalid Arguments"}, or what was thrown
  std::string message;  // "NaN: ... at rule /+"
};

// A value or an evaluation error.
template <typename T>
class [[nodiscard]] Fallible {
 public:
  Fallible(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Fallible(EvalError error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  EvalError& error() { return std::get<1>(v_); }

 private:
  std::variant<T, EvalError> v_;
};

// The error types of the JSON Logic community tests.
inline constexpr const char* kNaN = "NaN";
inline constexpr const char* kInvalidArguments = "Invalid Arguments";

// An error of `type` raised by `node`: "<type>: <detail> at rule <where>".
EvalError MakeError(const char* type, const Node& node, const std::string& detail);
// The error raised by "throw" with `thrown` (a string becomes {"type": thrown}).
EvalError ThrownError(const json& thrown, const Node& node);
// "at rule /and/1", or "at the rule root".
std::string Where(const Node& node);

// A scope of evaluation. The root scope holds the data; each iteration of an iterator adds an
// iteration scope (the index) and an element scope; reduce's element scope is the pair
// {current, accumulator}; a catch of "try" adds a scope holding the error. `var` reads the
// innermost scope; `val` may climb to enclosing ones.
struct Frame {
  enum class Kind { kData, kIteration, kReduce };
  Kind kind = Kind::kData;
  const json* data = nullptr;         // kData: the data; kReduce: "current"
  const json* accumulator = nullptr;  // kReduce: "accumulator"
  size_t index = 0;                   // kIteration
  const Frame* parent = nullptr;
};

}  // namespace ecosol::rules::internal
