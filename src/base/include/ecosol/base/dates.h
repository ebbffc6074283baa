#pragma once

// Calendar days written as ISO 8601 "YYYY-MM-DD", the one form the finance documents take.
//
//   IsIsoDay("2028-02-29");  // true
//   IsIsoDay("2027-02-29");  // false: not a day of the calendar
//   IsIsoDay("2026-6-30");   // false: the month takes two digits
//
// Thread safety: pure functions.

#include <chrono>
#include <optional>
#include <string_view>

namespace ecosol {

// The day "YYYY-MM-DD" names, or nullopt when the text has another shape or names no real day.
std::optional<std::chrono::year_month_day> ParseIsoDay(std::string_view text);
inline bool IsIsoDay(std::string_view text) { return ParseIsoDay(text).has_value(); }

}  // namespace ecosol
