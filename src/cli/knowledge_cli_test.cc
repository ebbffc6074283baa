// `ecosol knowledge ...` on the seed cases (data/knowledge/seed-cases.json), on both backends:
// import, search with facets, show, similar, add/edit/review, and the transfer analysis with
// `--json` as issue 7 asks.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;
using test_support::TestFolder;

const std::string kSeedCases = ::ecosol::testing::SourceDir() + "/data/knowledge/seed-cases.json";

class KnowledgeCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  KnowledgeCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"knowledge", "import", kSeedCases}), 0) << cli_.err();
  }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  testing::TestStore db_;
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
  TestFolder folder_{"ecosol_knowledge_cli"};
};

TEST_P(KnowledgeCliTest, ImportIsIdempotentAndSearchFindsTheSeedCases) {
  EXPECT_NE(cli_.out().find("5 new"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"knowledge", "import", kSeedCases, "--json"}), 0) << cli_.err();
  json report = json::parse(cli_.out());
  EXPECT_EQ(report["unchanged"], 5);
  EXPECT_EQ(report["created"], 0);

  ASSERT_EQ(Run({"knowledge", "search", "rickshaw", "--json"}), 0) << cli_.err();
  json found = json::parse(cli_.out());
  ASSERT_GE(found["total"].get<long long>(), 1) << found.dump();
  const std::string rickshaw = found["items"][0]["id"];
  EXPECT_EQ(found["items"][0]["countries"][0], "IN");
  ASSERT_EQ(Run({"knowledge", "search", "--country", "CA", "--json"}), 0) << cli_.err();
  found = json::parse(cli_.out());
  EXPECT_GE(found["total"].get<long long>(), 2) << found.dump();  // TIESS and the IRP
  for (const json& item : found["items"]) EXPECT_EQ(item["countries"][0], "CA");
  ASSERT_EQ(Run({"knowledge", "search"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("5 cases"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("country:"), std::string::npos) << cli_.out();

  ASSERT_EQ(Run({"knowledge", "show", rickshaw}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("core elements:"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"knowledge", "show", rickshaw, "--json"}), 0) << cli_.err();
  EXPECT_EQ(json::parse(cli_.out())["status"], "published");
  EXPECT_EQ(Run({"knowledge", "show", "no-such-case"}), 1);
  EXPECT_NE(cli_.err().find("not found"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"knowledge", "similar", rickshaw, "--json"}), 0) << cli_.err();
  EXPECT_TRUE(json::parse(cli_.out())["items"].is_array());

  // Bad input names what is wrong.
  EXPECT_EQ(Run({"knowledge", "search", "--limit", "0"}), 1);
  EXPECT_NE(cli_.err().find("limit"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"knowledge", "import", folder_.Write("bad.json", "[{\"id\": \"x\"}]")}), 1);
  EXPECT_NE(cli_.err().find("case 1"), std::string::npos) << cli_.err();
}

TEST_P(KnowledgeCliTest, TransferAnalysisOfASeedCaseToAnInformalLowTrustContext) {
  ASSERT_EQ(Run({"knowledge", "search", "rickshaw", "--json"}), 0) << cli_.err();
  const std::string rickshaw = json::parse(cli_.out())["items"][0]["id"];
  const std::string context = folder_.Write("target.json", R"({
    "id": "rural-district", "name": "Marginalised rural district",
    "geographical": {"settlement": "marginalised_rural"},
    "socio_cultural": {"trust": "low", "gender_norms": "restrictive"},
    "socio_economic": {"informal_share": 0.8, "income_level": "low",
                       "finance_mechanisms": ["rosca"]},
    "legal": {"legal_forms": ["informal_group"]},
    "political": {"sse_networks": "none", "sse_policy": "none"}})");
  ASSERT_EQ(Run({"knowledge", "transfer", "--case", rickshaw, "--context", context, "--json"}), 0)
      << cli_.err();
  json a = json::parse(cli_.out());
  EXPECT_EQ(a["case"], rickshaw);
  EXPECT_EQ(a["domains"].size(), 7u);
  ASSERT_FALSE(a["risk_flags"].empty()) << a.dump(2);
  for (const json& f : a["risk_flags"]) {
    EXPECT_FALSE(f["element"].get<std::string>().empty());
    EXPECT_TRUE(f["text"].is_object());
  }
  EXPECT_NE(a["verdict"], "fits");
  EXPECT_FALSE(a["adaptations"].empty());
  ASSERT_EQ(
      Run({"knowledge", "transfer", "--case", rickshaw, "--context", context, "--lang", "fr"}), 0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("Risk flags:"), std::string::npos) << cli_.out();

  const std::string bad = folder_.Write("bad.json", R"({"socio_cultural": {"trust": "loads"}})");
  EXPECT_EQ(Run({"knowledge", "transfer", "--case", rickshaw, "--context", bad, "--json"}), 1);
  EXPECT_NE(cli_.err().find("trust"), std::string::npos) << cli_.err();
}

TEST_P(KnowledgeCliTest, AddEditAndReviewADraft) {
  const std::string doc = folder_.Write(
      "case.json",
      R"({"id": "za-burial-society", "title": {"en": "Burial society with a savings club"},
          "themes": ["savings"], "countries": ["ZA"]})");
  ASSERT_EQ(Run({"knowledge", "add", doc}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("version 1 (draft)"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"knowledge", "add", doc}), 1);
  EXPECT_NE(cli_.err().find("exists already"), std::string::npos) << cli_.err();
  const std::string edited = folder_.Write(
      "edited.json",
      R"({"id": "za-burial-society", "title": {"en": "Burial society with a savings club"},
          "summary": {"en": "Members pay monthly; the fund pays funerals and lends."},
          "themes": ["savings"], "countries": ["ZA"]})");
  EXPECT_EQ(Run({"knowledge", "edit", edited, "--base", "3"}), 1);
  ASSERT_EQ(Run({"knowledge", "edit", edited, "--base", "1"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("version 2 (draft)"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"knowledge", "review", "za-burial-society", "return"}), 1);
  EXPECT_NE(cli_.err().find("comment"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"knowledge", "review", "za-burial-society", "submit"}), 0) << cli_.err();
  ASSERT_EQ(Run({"knowledge", "review", "za-burial-society", "approve"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("published (version 2)"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"knowledge", "search", "--country", "ZA", "--json"}), 0) << cli_.err();
  EXPECT_GE(json::parse(cli_.out())["total"].get<long long>(), 1);
}

TEST_P(KnowledgeCliTest, LineageWatchAndFeed) {
  ASSERT_EQ(Run({"knowledge", "search", "--json", "--limit", "5"}), 0) << cli_.err();
  json items = json::parse(cli_.out())["items"];
  ASSERT_GE(items.size(), 2u);
  const std::string from = items[0]["id"], to = items[1]["id"];
  const std::string transfer = folder_.Write(
      "transfer.json", json({{"origin_case", from},
                             {"case", to},
                             {"flags", json::array({"trust_dependency"})},
                             {"adaptations", json::array({{{"when", "implementation"},
                                                           {"planned", "reactive"},
                                                           {"description", {{"en", "Shorter"}}}}})},
                             {"outcome", "failure"}})
                           .dump());
  ASSERT_EQ(Run({"knowledge", "record-transfer", transfer}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find(from + " -> " + to), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"knowledge", "lineage", from}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("went to " + to), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("trust_dependency"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"knowledge", "lineage", to, "--json"}), 0) << cli_.err();
  EXPECT_EQ(json::parse(cli_.out())["origin"].size(), 1u);

  ASSERT_EQ(Run({"knowledge", "watch", "Canada", "--country", "CA"}), 0) << cli_.err();
  const std::string watch = cli_.out().substr(0, cli_.out().find(':'));
  EXPECT_EQ(watch.rfind("w-", 0), 0u) << cli_.out();
  ASSERT_EQ(Run({"knowledge", "feed", "--watch", watch}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  EXPECT_NE(cli_.out().find("<entry>"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"knowledge", "watch", "Nothing"}), 1);
  EXPECT_NE(cli_.err().find("give words"), std::string::npos) << cli_.err();
}

INSTANTIATE_TEST_SUITE_P(Backends, KnowledgeCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
