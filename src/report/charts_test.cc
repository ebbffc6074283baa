#include "ecosol/report/charts.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <cmath>
#include <regex>

namespace ecosol::report {
namespace {

// Whether the SVG is well-formed XML (libxml2).
bool WellFormed(const std::string& svg) {
  xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "chart.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(ChartsTest, BarsAreScaledToTheMaximumWithTheThresholdLine) {
  Figure f = BarChart({{"A & B", 50}, {"C", 100}, {"D", 150}}, 100, 50, "Coverage", "Bars");
  ASSERT_TRUE(WellFormed(f.svg)) << f.svg;
  EXPECT_EQ(f.caption, "Coverage");
  EXPECT_GT(f.width, 0);
  EXPECT_NE(f.svg.find("A &amp; B"), std::string::npos);
  // The plot is 640 - 210 - 60 = 370 wide: 50 of 100 is 185, 150 is drawn at the maximum.
  EXPECT_NE(f.svg.find("width=\"185.0\" height=\"18.0\" fill=\"#1f77b4\""), std::string::npos);
  EXPECT_EQ(Count(f.svg, "width=\"370.0\" height=\"18.0\" fill=\"#1f77b4\""), 2u);
  EXPECT_NE(f.svg.find("stroke-dasharray"), std::string::npos);
  EXPECT_NE(f.svg.find(">150</text>"), std::string::npos);
}

TEST(ChartsTest, LinesSkipMissingValuesAndTheAxisCoversTheMaximum) {
  Figure f = LineChart({2011, 2012, 2013, 2014},
                       {{"Births", {1, 2, NAN, 4}}, {"Deaths", {0, 1, 1, 0}}}, "Per year", "Lines");
  ASSERT_TRUE(WellFormed(f.svg)) << f.svg;
  EXPECT_EQ(Count(f.svg, "<path"), 2u);
  // The gap at 2013 starts a new stroke: two "M" in the births' path.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(f.svg, m, std::regex("<path d=\"([^\"]*)\"[^>]*#1f77b4")));
  EXPECT_EQ(Count(m[1].str(), "M"), 2u);
  EXPECT_NE(f.svg.find(">2011</text>"), std::string::npos);
  EXPECT_NE(f.svg.find(">4</text>"), std::string::npos);
  EXPECT_NE(f.svg.find(">Deaths</text>"), std::string::npos);
}

TEST(ChartsTest, MapPointsAreColouredByGroupAndFitTheFrame) {
  Figure f = MapChart(
      {{-3.18, 51.48, "cooperative"}, {-0.12, 51.5, "cooperative"}, {-2.24, 53.48, "public_body"}},
      {{"cooperative", "co-operative"}, {"public_body", "public body"}}, "Map", "Map of actors");
  ASSERT_TRUE(WellFormed(f.svg)) << f.svg;
  EXPECT_EQ(Count(f.svg, "<circle"), 3u);
  EXPECT_NE(f.svg.find(">co-operative</text>"), std::string::npos);
  std::regex circle("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(f.svg.begin(), f.svg.end(), circle);
       it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    EXPECT_GE(x, 12);
    EXPECT_LE(x, 628);
    EXPECT_GE(y, 12);
  }
  // North is up: Manchester (53.48 N) is above Cardiff (51.48 N).
  const size_t cardiff = f.svg.find("<circle");
  const size_t manchester = f.svg.rfind("<circle");
  const double y_cardiff = std::stod(f.svg.substr(f.svg.find("cy=\"", cardiff) + 4));
  const double y_manchester = std::stod(f.svg.substr(f.svg.find("cy=\"", manchester) + 4));
  EXPECT_LT(y_manchester, y_cardiff);
}

TEST(ChartsTest, NetworkNodesTiesAndLabels) {
  Figure f =
      NetworkChart({{0, 0, 4, "apex_body", "Apex <1>"},
                    {1, 1, 1, "cooperative", ""},
                    {0.5, 0.5, 1, "cooperative", ""}},
                   {{0, 1}, {0, 2}, {5, 0}}, {{"apex_body", "apex"}, {"cooperative", "co-op"}},
                   "Network", "Network of actors");
  ASSERT_TRUE(WellFormed(f.svg)) << f.svg;
  EXPECT_EQ(Count(f.svg, "<line x1"), 2u);  // the tie to a node that does not exist is left out
  EXPECT_EQ(Count(f.svg, "<circle"), 3u);
  EXPECT_NE(f.svg.find("Apex &lt;1&gt;"), std::string::npos);
  EXPECT_NE(f.svg.find("r=\"12.0\""), std::string::npos);  // the largest node
}

}  // namespace
}  // namespace ecosol::report
