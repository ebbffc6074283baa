// `ecosol ecosystem metrics` on the demo ecosystem, on both backends.

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ecosol/cli/cli.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

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
    coops_ = ::testing::TempDir() + "ecosystem-cli-coops-" + GetParam() + "-" +
             std::to_string(::getpid()) + ".csv";
    std::ofstream(coops_) << header << "\n" << row << "\n";
    ASSERT_EQ(Run({"demo", "--coops-uk", coops_}), 0) << err_.str();
  }

  void TearDown() override { std::remove(coops_.c_str()); }

  int Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"ecosol", "--db", db_.url(), "--data-dir",
                                    ::ecosol::testing::SourceDir() + "/data"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    out_.str("");
    err_.str("");
    std::istringstream nothing;
    return RunCli(static_cast<int>(argv.size()), argv.data(), out_, err_, nothing);
  }

  static const json* Node(const json& report, const std::string& id) {
    for (const json& n : report["nodes"]) {
      if (n["id"] == id) return &n;
    }
    return nullptr;
  }

  testing::TestStore db_;
  std::string coops_;
  std::ostringstream out_, err_;
};

TEST_P(EcosystemCliTest, MetricsOfTheQuebecNetwork) {
  ASSERT_EQ(Run({"ecosystem", "metrics", "--territory", "CA/quebec", "--json"}), 0) << err_.str();
  json report = json::parse(out_.str());
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
      << err_.str();
  EXPECT_GT(json::parse(out_.str())["summary"]["nodes"].get<int>(), nodes);
  ASSERT_EQ(Run({"ecosystem", "metrics", "--type", "funds", "--json"}), 0) << err_.str();
  json funds = json::parse(out_.str());
  for (const json& e : funds["edges"]) EXPECT_EQ(e["type"], "funds");
  EXPECT_GT(funds["summary"]["edges"].get<int>(), 0);

  // The text form names the stage and the most central actors.
  ASSERT_EQ(Run({"ecosystem", "metrics", "--territory", "CA/quebec", "--lang", "fr"}), 0)
      << err_.str();
  EXPECT_NE(out_.str().find("Network-weaving stage"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("tiess"), std::string::npos) << out_.str();
}

TEST_P(EcosystemCliTest, BadInputIsRefusedWithTheReason) {
  EXPECT_EQ(Run({"ecosystem", "metrics", "--territory", "XX/nowhere"}), 1);
  EXPECT_NE(err_.str().find("XX/nowhere"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--type", "lends_to"}), 1);
  EXPECT_NE(err_.str().find("lends_to"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--as-of", "last year"}), 1);
  EXPECT_NE(err_.str().find("YYYY-MM-DD"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--betweenness", "fast"}), 1);
  EXPECT_NE(err_.str().find("betweenness"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "metrics", "--lang", "de"}), 1);
  EXPECT_NE(err_.str().find("lang"), std::string::npos) << err_.str();
}

INSTANTIATE_TEST_SUITE_P(Backends, EcosystemCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
