// Adaptation lineage: FRAME records checked field by field, and how often each risk flag preceded
// a failed transfer.

#include "ecosol/knowledge/lineage.h"

#include <gtest/gtest.h>

#include "ecosol/knowledge/framework.h"
#include "test_paths.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

class LineageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto fw =
        LoadTransferFramework(::ecosol::testing::SourceDir() + "/frameworks/transfer-context.yaml");
    ASSERT_TRUE(fw.ok()) << fw.status().ToString();
    fw_ = *fw;
  }

  json Transfer() const {
    return json::parse(R"({
      "id": "tr-qc-to-sn", "origin_case": "qc-housing-coop", "case": "sn-housing-coop",
      "started": "2024-03", "flags": ["trust_dependency", "finance_mechanism_missing"],
      "adaptations": [{"element": "member_mortgage", "when": "pre_implementation",
        "planned": "planned", "decided_by": ["members", "federation"], "what": "content",
        "level": "organisation", "change": "substituting",
        "description": {"en": "A rotating savings fund replaces the credit union's mortgage"},
        "fidelity_consistent": true, "reasons": ["recipient", "organisation"],
        "why": {"en": "No credit union lends in the district"}, "date": "2024-02-01"}],
      "outcome": "partial", "outcome_note": {"fr": "Deux immeubles sur trois achetés"}})");
  }

  std::string ErrorOf(const json& doc) const {
    auto t = ParseTransferLineage(*fw_, doc);
    return t.ok() ? "" : t.status().message();
  }

  std::shared_ptr<const TransferFramework> fw_;
};

TEST_F(LineageTest, AFrameRecordRoundTrips) {
  auto t = ParseTransferLineage(*fw_, Transfer());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->flags_given);
  ASSERT_EQ(t->adaptations.size(), 1u);
  EXPECT_EQ(t->adaptations[0].change, "substituting");
  EXPECT_EQ(t->adaptations[0].fidelity_consistent, std::optional<bool>(true));
  json back = TransferLineageToJson(*t);
  auto again = ParseTransferLineage(*fw_, back);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(TransferLineageToJson(*again), back);
  EXPECT_EQ(back["outcome_note"]["fr"], "Deux immeubles sur trois achetés");
}

TEST_F(LineageTest, ErrorsNameTheFieldAndTheAllowedValues) {
  json doc = Transfer();
  doc["adaptations"][0]["when"] = "before";
  EXPECT_NE(ErrorOf(doc).find("adaptations[0]: when 'before' is not one of pre_implementation"),
            std::string::npos)
      << ErrorOf(doc);
  doc = Transfer();
  doc["flags"] = json::array({"trust_issue"});
  EXPECT_NE(ErrorOf(doc).find("'trust_issue' is not a risk flag"), std::string::npos);
  doc = Transfer();
  doc.erase("case");
  EXPECT_NE(ErrorOf(doc).find("'case'"), std::string::npos);
  doc = Transfer();
  doc["case"] = "qc-housing-coop";
  EXPECT_NE(ErrorOf(doc).find("not a transfer of itself"), std::string::npos);
  doc = Transfer();
  doc["started"] = "March 2024";
  EXPECT_NE(ErrorOf(doc).find("not a date"), std::string::npos);
  doc = Transfer();
  doc["adaptations"][0].erase("description");
  EXPECT_NE(ErrorOf(doc).find("'description' is required"), std::string::npos);
  doc = Transfer();
  doc["adaptations"][0]["fidelity_consistent"] = "yes";
  EXPECT_NE(ErrorOf(doc).find("fidelity_consistent"), std::string::npos);
  doc = Transfer();
  doc["adaptations"][0]["reasons"] = json::array({"weather"});
  EXPECT_NE(ErrorOf(doc).find("reason 'weather'"), std::string::npos);
  doc = Transfer();
  doc["outcome"] = "great";
  EXPECT_NE(ErrorOf(doc).find("outcome 'great'"), std::string::npos);
}

TEST_F(LineageTest, FlagHistoryCountsFailuresPerFlagAndLeavesOngoingOut) {
  auto make = [](std::vector<std::string> flags, std::string outcome) {
    TransferLineage t;
    t.flags = std::move(flags);
    t.outcome = std::move(outcome);
    return t;
  };
  FlagHistory h = FlagHistoryOf({make({"trust_dependency", "scale_mismatch"}, "failure"),
                                 make({"trust_dependency"}, "success"),
                                 make({"trust_dependency", "trust_dependency"}, "abandoned"),
                                 make({"scale_mismatch"}, "partial"),
                                 make({"legal_form_unavailable"}, "ongoing")});
  EXPECT_EQ(h.transfers_known, 4);
  EXPECT_EQ(h.failed, 2);
  ASSERT_EQ(h.flags.size(), 2u);  // the ongoing transfer's flag is not counted
  EXPECT_EQ(h.flags[0].flag, "trust_dependency");
  EXPECT_EQ(h.flags[0].transfers, 3);
  EXPECT_EQ(h.flags[0].failed, 2);
  EXPECT_DOUBLE_EQ(h.flags[0].failure_share, 2.0 / 3.0);
  EXPECT_EQ(h.flags[1].flag, "scale_mismatch");
  EXPECT_DOUBLE_EQ(h.flags[1].failure_share, 0.5);
  EXPECT_EQ(FlagHistoryToJson(h)["flags"][0]["failed"], 2);
}

}  // namespace
}  // namespace ecosol::knowledge
