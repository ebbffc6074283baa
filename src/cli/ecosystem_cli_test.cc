// `ecosol ecosystem metrics` on the demo ecosystem, on both backends.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;

class EcosystemCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  EcosystemCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    // The demo with one Co-operatives UK row (the header and first row of the real file).
    std::ifstream full(testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
    ASSERT_TRUE(full) << "the shared Co-operatives UK file is missing";
    std::string header, row;
    std::getline(full, header);
    std::getline(full, row);
    coops_ = test_support::TempPath("ecosystem-cli-coops", GetParam(), ".csv");
    std::ofstream(coops_) << header << "\n" << row << "\n";
    ASSERT_EQ(Run({"demo", "--coops-uk", coops_}), 0) << cli_.err();
  }

  void TearDown() override { std::remove(coops_.c_str()); }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  static const json* Node(const json& report, const std::string& id) {
    for (const json& n : report["nodes"]) {
      if (n["id"] == id) return &n;
    }
    return nullptr;
  }

  testing::TestStore db_;
  std::string coops_;
  CliRunner cli_{db_.url()};
};

TEST_P(EcosystemCliTest, MetricsOfTheQuebecNetwork) {
  ASSERT_EQ(Run({"ecosystem", "metrics", "--territory", "CA/quebec", "--json"}), 0) << cli_.err();
  json report = json::parse(cli_.out());
  EXPECT_EQ(report["filter"]["territory"], "CA/quebec");
  const int nodes = report["summary"]["nodes"].get<int>();
  EXPECT_GE(nodes, 10);
  EXPECT_EQ(report["nodes"].size(), static_cast<size_t>(nodes));
  for (const json& n : report["nodes"]) {
    EXPECT_EQ(n["territory"].get<std::string>().rfind("CA/quebec", 0), 0u) << n["id"];
  }
  const json* tiess = Node(report, "tiess");
  ASSERT_NE(tiess, nullptr);
  EXPECT_GT((*tiess)["degree"].get<int>(), 0);
  EXPECT_TRUE((*tiess)["pagerank"].is_number());
  EXPECT_TRUE(report["weaving"]["reason"].is_string());
  EXPECT_FALSE(report["weaving"]["reason"].get<std::string>().empty());

  // With the partners outside Quebec, the network grows; funding ties alone, it shrinks.
  ASSERT_EQ(Run({"ecosystem", "metrics", "--territory", "CA/quebec", "--with-partners", "--json"}),
            0)
      << cli_.err();
  EXPECT_GT(json::parse(cli_.out())["summary"]["nodes"].get<int>(), nodes);
  ASSERT_EQ(Run({"ecosystem", "metrics", "--type", "funds", "--json"}), 0) << cli_.err();
  json funds = json::parse(cli_.out());
  for (const json& e : funds["edges"]) EXPECT_EQ(e["type"], "funds");
  EXPECT_GT(funds["summary"]["edges"].get<int>(), 0);

  // The text form names the stage and the most central actors.
  ASSERT_EQ(Run({"ecosystem", "metrics", "--territory", "CA/quebec", "--lang", "fr"}), 0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("Network-weaving stage"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("tiess"), std::string::npos) << cli_.out();
}

TEST_P(EcosystemCliTest, BadInputIsRefusedWithTheReason) {
  EXPECT_EQ(Run({"ecosystem", "metrics", "--territory", "XX/nowhere"}), 1);
  EXPECT_NE(cli_.err().find("XX/nowhere"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--type", "lends_to"}), 1);
  EXPECT_NE(cli_.err().find("lends_to"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--as-of", "last year"}), 1);
  EXPECT_NE(cli_.err().find("YYYY-MM-DD"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--betweenness", "fast"}), 1);
  EXPECT_NE(cli_.err().find("betweenness"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--lang", "de"}), 1);
  EXPECT_NE(cli_.err().find("lang"), std::string::npos) << cli_.err();
}

INSTANTIATE_TEST_SUITE_P(Backends, EcosystemCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
