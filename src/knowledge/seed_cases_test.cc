// The seed cases of issue 7 (data/knowledge/seed-cases.json): five full case documents that the
// knowledge commons starts with, in English with French titles and summaries.

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "ecosol/knowledge/case.h"
#include "ecosol/knowledge/transfer.h"
#include "test_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;
using testing::Real;

json SeedCases() {
  std::ifstream in(::ecosol::testing::SourceDir() + "/data/knowledge/seed-cases.json");
  EXPECT_TRUE(in) << "missing data/knowledge/seed-cases.json";
  return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

TEST(SeedCasesTest, TheFiveCasesOfIssue7Parse) {
  const json cases = SeedCases();
  ASSERT_TRUE(cases.is_array()) << "seed-cases.json is not a JSON array";
  std::set<std::string> ids;
  for (const json& doc : cases) {
    auto c = ParseCase(*Real(), doc);
    ASSERT_TRUE(c.ok()) << c.status().message();
    ids.insert(c->id);
    for (const char* lang : {"en", "fr"}) {
      EXPECT_TRUE(c->title.count(lang) && c->summary.count(lang)) << c->id << " " << lang;
    }
    EXPECT_FALSE(c->core_elements.empty()) << c->id;
    EXPECT_FALSE(c->origin.features.empty()) << c->id;
    EXPECT_FALSE(c->countries.empty() || c->sdgs.empty() || c->stage.empty()) << c->id;
    EXPECT_FALSE(c->provenance.empty() || c->actors.empty() || c->outcomes.empty()) << c->id;
    EXPECT_EQ(CaseToJson(*Real(), *c), doc) << c->id << ": not in canonical form";
  }
  EXPECT_EQ(ids, (std::set<std::string>{"in-up-erickshaw-safe-network", "ca-qc-tiess-liaison",
                                        "mx-inaes-alliances", "za-multifunction-groups",
                                        "ca-investment-readiness-program"}));
}

// A seed case's core elements are ready for the transfer analysis: against its own origin, no
// dependency fails.
TEST(SeedCasesTest, EachCaseFitsItsOwnOrigin) {
  for (const json& doc : SeedCases()) {
    auto c = ParseCase(*Real(), doc);
    ASSERT_TRUE(c.ok()) << c.status().message();
    auto analysis = AnalyseTransfer(*Real(), *c, c->origin);
    ASSERT_TRUE(analysis.ok()) << analysis.status().message();
    for (const RiskFlag& flag : analysis->risk_flags) {
      ADD_FAILURE() << c->id << ": " << flag.id << " on " << flag.element;
    }
  }
}

}  // namespace
}  // namespace ecosol::knowledge
