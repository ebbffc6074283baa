// `ecosol offers ...` and `ecosol ecosystem partners|brokers` on the demo registry, on both
// backends.

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

json Profile(const std::string& exchange, const std::string& title,
             const std::vector<std::string>& tags) {
  return {{"linked_schemas", {"offers_wants_schema-v0.1.0"}},
          {"exchange_type", exchange},
          {"transaction_type", {"buy-sell"}},
          {"tags", tags},
          {"title", title},
          {"description", title + "."},
          {"geographic_scope", "regional"},
          {"contact_details", {{"email", "contact@example.org"}}}};
}

class PartnersCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  PartnersCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"demo"}), 0) << err_.str();
    file_ = ::testing::TempDir() + "partners-cli-" + GetParam() + "-" + std::to_string(::getpid()) +
            ".json";
  }

  void TearDown() override { std::remove(file_.c_str()); }

  int Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"ecosol",
                                    "--db",
                                    db_.url(),
                                    "--data-dir",
                                    ::ecosol::testing::SourceDir() + "/data",
                                    "--frameworks",
                                    ::ecosol::testing::SourceDir() + "/frameworks"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    out_.str("");
    err_.str("");
    std::istringstream nothing;
    return RunCli(static_cast<int>(argv.size()), argv.data(), out_, err_, nothing);
  }

  void Write(const json& doc) { std::ofstream(file_) << doc.dump(); }

  // The id an `offers add` printed ("" when none).
  std::string AddedId() const {
    const std::string out = out_.str();
    const size_t at = out.find("ow-");
    return at == std::string::npos ? "" : out.substr(at, 19);
  }

  testing::TestStore db_;
  std::string file_;
  std::ostringstream out_, err_;
};

TEST_P(PartnersCliTest, OffersAreRecordedListedExportedDeletedAndRestored) {
  Write(Profile("want", "Patient capital for a new centre", {"finance"}));
  ASSERT_EQ(Run({"offers", "add", "pole-es-capitale-nationale", "--file", file_}), 0) << err_.str();
  const std::string id = AddedId();
  ASSERT_FALSE(id.empty()) << out_.str();
  EXPECT_NE(out_.str().find("version 1"), std::string::npos);

  ASSERT_EQ(Run({"offers", "list", "pole-es-capitale-nationale", "--json"}), 0) << err_.str();
  json list = json::parse(out_.str());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["asset_type"], "finance");
  EXPECT_EQ(list[0]["exchange_type"], "want");

  ASSERT_EQ(Run({"offers", "export"}), 0) << err_.str();
  json exported = json::parse(out_.str());
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0]["linked_schemas"][0], "offers_wants_schema-v0.1.0");
  EXPECT_EQ(exported[0]["title"], "Patient capital for a new centre");

  ASSERT_EQ(Run({"offers", "delete", id}), 0) << err_.str();
  ASSERT_EQ(Run({"offers", "list"}), 0);
  EXPECT_NE(out_.str().find("No offers or wants"), std::string::npos) << out_.str();
  EXPECT_EQ(Run({"offers", "delete", id}), 1);
  EXPECT_NE(err_.str().find("already deleted"), std::string::npos) << err_.str();
  ASSERT_EQ(Run({"offers", "restore", id}), 0) << err_.str();
  ASSERT_EQ(Run({"offers", "history", id}), 0) << err_.str();
  EXPECT_NE(out_.str().find("version 3"), std::string::npos) << out_.str();
}

TEST_P(PartnersCliTest, BadFilesAreRefusedWithWhereAndWhy) {
  json bad = Profile("want", "Capital", {"finance"});
  bad["geographic_scope"] = "galactic";
  Write(bad);
  EXPECT_EQ(Run({"offers", "add", "tiess", "--file", file_}), 1);
  EXPECT_NE(err_.str().find("geographic_scope"), std::string::npos) << err_.str();
  std::ofstream(file_) << "[{\"title\": ";
  EXPECT_EQ(Run({"offers", "import", "--file", file_}), 1);
  EXPECT_NE(err_.str().find("not valid JSON"), std::string::npos) << err_.str();
  // An import with one bad entry writes nothing.
  json good = Profile("offer", "Rooms", {"premises"});
  good["actor_id"] = "tiess";
  json unknown = Profile("offer", "Vans", {"equipment"});
  unknown["actor_id"] = "no-such-actor";
  Write(json::array({good, unknown}));
  EXPECT_EQ(Run({"offers", "import", "--file", file_}), 1);
  EXPECT_NE(err_.str().find("entry 2"), std::string::npos) << err_.str();
  ASSERT_EQ(Run({"offers", "list", "--json"}), 0);
  EXPECT_EQ(json::parse(out_.str()).size(), 0u);
  Write(json::array({good}));
  ASSERT_EQ(Run({"offers", "import", "--file", file_}), 0) << err_.str();
  EXPECT_NE(out_.str().find("Imported 1"), std::string::npos);
}

TEST_P(PartnersCliTest, PartnersAndBrokersInTextAndJson) {
  Write(Profile("want", "Patient capital for a new centre", {"finance"}));
  ASSERT_EQ(Run({"offers", "add", "pole-es-capitale-nationale", "--file", file_}), 0) << err_.str();
  ASSERT_EQ(Run({"ecosystem", "partners", "pole-es-capitale-nationale", "--json"}), 0)
      << err_.str();
  json found = json::parse(out_.str());
  ASSERT_FALSE(found["recommendations"].empty()) << found.dump(2);
  EXPECT_EQ(found["needs"]["source"], "declared");
  bool finance = false;
  for (const json& item : found["recommendations"]) {
    const json& id = item["partner"]["id"];
    if (id == "fiducie-chantier" || id == "risq") finance = true;
    EXPECT_TRUE(item["explanation"].is_object());  // four languages
  }
  EXPECT_TRUE(finance) << found.dump(2);

  ASSERT_EQ(Run({"ecosystem", "partners", "pole-es-capitale-nationale", "--lang", "fr"}), 0)
      << err_.str();
  EXPECT_NE(out_.str().find("score"), std::string::npos) << out_.str();
  EXPECT_EQ(Run({"ecosystem", "partners", "no-such-actor"}), 1);
  EXPECT_EQ(Run({"ecosystem", "partners", "tiess", "--limit", "0"}), 1);
  EXPECT_NE(err_.str().find("limit"), std::string::npos) << err_.str();

  ASSERT_EQ(Run({"ecosystem", "brokers", "--territory", "CA/quebec", "--json"}), 0) << err_.str();
  json gaps = json::parse(out_.str());
  EXPECT_EQ(gaps["territory"], "CA/quebec");
  EXPECT_TRUE(gaps["gaps"].is_array());
  ASSERT_EQ(Run({"ecosystem", "brokers", "--territory", "CA/quebec"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("Missing brokers in CA/quebec"), std::string::npos);
  EXPECT_EQ(Run({"ecosystem", "brokers", "--territory", "CA/nowhere"}), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnersCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
