#include "ecosol/base/dates.h"

namespace ecosol {

std::optional<std::chrono::year_month_day> ParseIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (s[i] - '0');
    }
  }
  const std::chrono::year_month_day day{std::chrono::year{fields[0]},
                                        std::chrono::month{static_cast<unsigned>(fields[1])},
                                        std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!day.ok()) return std::nullopt;
  return day;
}

}  // namespace ecosol
