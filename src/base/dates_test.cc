#include "ecosol/base/dates.h"

#include <gtest/gtest.h>

namespace ecosol {
namespace {

TEST(DatesTest, OnlyRealDaysWrittenYyyyMmDd) {
  auto day = ParseIsoDay("2028-02-29");
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(static_cast<int>(day->year()), 2028);
  EXPECT_EQ(static_cast<unsigned>(day->month()), 2u);
  EXPECT_EQ(static_cast<unsigned>(day->day()), 29u);
  EXPECT_TRUE(IsIsoDay("2026-12-31"));
  for (const char* bad :
       {"2027-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "2026-6-30", "2026-06-3",
        "2026/06/30", "2026-06-30T00:00", "+026-06-30", "2026--6-30", "", "2026"}) {
    EXPECT_FALSE(IsIsoDay(bad)) << bad;
  }
}

}  // namespace
}  // namespace ecosol
