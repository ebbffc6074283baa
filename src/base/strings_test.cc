#include "ecosol/base/strings.h"

#include <gtest/gtest.h>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"

namespace ecosol {
namespace {

TEST(StringsTest, SplitKeepsEmptyPiecesAndSplitNonEmptyDropsThem) {
  EXPECT_EQ(Split("a;;b", ';'), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(SplitNonEmpty(" a ; ;b ", ';'), (std::vector<std::string>{"a", "b"}));
}

TEST(StringsTest, Utf8ValidationFindsTheFirstBadByte) {
  size_t at = 99;
  EXPECT_TRUE(IsValidUtf8("coopérative 협동조합"));
  EXPECT_FALSE(IsValidUtf8("ab\xC3(", &at));
  EXPECT_EQ(at, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(StringsTest, ParseNumbersRejectsTrailingGarbage) {
  double d = 0;
  EXPECT_TRUE(ParseDouble(" 51.5 ", &d));
  EXPECT_DOUBLE_EQ(d, 51.5);
  EXPECT_FALSE(ParseDouble("51.5x", &d));
  EXPECT_FALSE(ParseDouble("nan", &d));
  long long i = 0;
  EXPECT_TRUE(ParseInt64("42", &i));
  EXPECT_FALSE(ParseInt64("4 2", &i));
}

TEST(StringsTest, Base64UrlRoundTrips) {
  std::string raw(
      "name\x1f"
      "id-1\xff",
      11);
  std::string back;
  ASSERT_TRUE(Base64UrlDecode(Base64UrlEncode(raw), &back));
  EXPECT_EQ(back, raw);
  EXPECT_FALSE(Base64UrlDecode("not base64!", &back));
}

TEST(StringsTest, SlugKeepsLettersAndDigits) {
  EXPECT_EQ(Slug("R006884"), "r006884");
  EXPECT_EQ(Slug("  Co-ops UK / 2023 "), "co-ops-uk-2023");
}

TEST(ClockTest, DatesAreValidatedAsCalendarDates) {
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_TRUE(IsValidDate("1844"));
  EXPECT_FALSE(IsValidDate("18440"));
  EXPECT_FALSE(IsValidDate("2020-13"));
}

TEST(ClockTest, FormatsUtc) {
  FakeClock clock(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} +
                  std::chrono::hours{15});
  EXPECT_EQ(FormatTimestamp(clock.Now()), "2026-11-28T15:00:00Z");
  EXPECT_EQ(FormatDate(clock.Now()), "2026-11-28");
}

TEST(StatusTest, CarriesCodeAndContext) {
  Status s = InvalidArgument("bad").WithContext("line 3");
  EXPECT_EQ(s.ToString(), "invalid_argument: line 3: bad");
  Result<int> r = NotFound("x");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ecosol
