#include "ecosol/base/xml.h"

#include <gtest/gtest.h>

namespace ecosol {
namespace {

TEST(XmlTest, EscapesMarkupAndDropsTheControlsXmlForbids) {
  EXPECT_EQ(EscapeXml("Fish & chips <co-op> \"A\" 'B'"),
            "Fish &amp; chips &lt;co-op&gt; &quot;A&quot; &#39;B&#39;");
  EXPECT_EQ(EscapeXml(std::string("a\x01") + "b\tc\nd\x1f\xc3\xa9"), "ab\tc\nd\xc3\xa9");
  EXPECT_EQ(EscapeXml(""), "");
}

}  // namespace
}  // namespace ecosol
