#pragma once

// The outside world's time behind an interface, so tests control it.

#include <chrono>
#include <memory>
#include <string>

namespace ecosol {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

// The real wall clock. Thread-safe.
const Clock& SystemClock();

// A clock that stays where it is set. Not thread-safe; for tests.
class FakeClock : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point t) : now_(t) {}
  std::chrono::system_clock::time_point Now() const override { return now_; }
  void Set(std::chrono::system_clock::time_point t) { now_ = t; }

 private:
  std::chrono::system_clock::time_point now_;
};

// "2026-11-28T15:00:00Z" (UTC, seconds).
std::string FormatTimestamp(std::chrono::system_clock::time_point t);
// "2026-11-28" (UTC).
std::string FormatDate(std::chrono::system_clock::time_point t);
// True when `s` is a valid calendar date "YYYY-MM-DD" (also accepts "YYYY" and "YYYY-MM").
bool IsValidDate(std::string_view s);

}  // namespace ecosol
