#include "ecosol/base/clock.h"

#include <ctime>

#include "ecosol/base/strings.h"

namespace ecosol {
namespace {

class RealClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

std::tm ToUtc(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

}  // namespace

const Clock& SystemClock() {
  static const RealClock clock;
  return clock;
}

std::string FormatTimestamp(std::chrono::system_clock::time_point t) {
  std::tm tm = ToUtc(t);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string FormatDate(std::chrono::system_clock::time_point t) {
  std::tm tm = ToUtc(t);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool IsValidDate(std::string_view s) {
  auto parts = Split(s, '-');
  if (parts.empty() || parts.size() > 3) return false;
  long long y = 0, m = 1, d = 1;
  if (parts[0].size() != 4 || !ParseInt64(parts[0], &y)) return false;
  if (parts.size() >= 2 && (parts[1].size() != 2 || !ParseInt64(parts[1], &m))) return false;
  if (parts.size() == 3 && (parts[2].size() != 2 || !ParseInt64(parts[2], &d))) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  using std::chrono::day, std::chrono::month, std::chrono::year;
  std::chrono::year_month_day ymd{year(static_cast<int>(y)), month(static_cast<unsigned>(m)),
                                  day(static_cast<unsigned>(d))};
  return ymd.ok();
}

}  // namespace ecosol
