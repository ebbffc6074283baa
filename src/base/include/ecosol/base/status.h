#pragma once

// Errors are values. A Status is either OK or carries a code and a message meant for a person:
// what went wrong, where, and how to fix it. Result<T> holds either a value or a non-OK Status.
//
//   Result<Actor> actor = registry.GetActor("tiess");
//   if (!actor.ok()) return actor.status();
//   Use(*actor);
//
// Codes map to HTTP statuses in one place (http/errors.cc). Thread safety: value types, no shared
// state.

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ecosol {

enum class StatusCode {
  kOk,
  kInvalidArgument,
  kNotFound,
  kConflict,
  kPermissionDenied,
  kUnauthenticated,
  kPayloadTooLarge,
  kTooManyRequests,
  kUnavailable,
  kInternal,
};

// The stable lower-case name of a code used in API error bodies ("invalid_argument", ...).
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: bbox: expected 4 numbers"
  std::string ToString() const;
  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status Conflict(std::string message) {
  return Status(StatusCode::kConflict, std::move(message));
}
inline Status Internal(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}
inline Status Unavailable(std::string message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace ecosol

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define ECOSOL_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::ecosol::Status ecosol_status_ = (expr);        \
    if (!ecosol_status_.ok()) return ecosol_status_; \
  } while (false)
