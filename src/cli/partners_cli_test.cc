// `ecosol offers ...` and `ecosol ecosystem partners|brokers` on the demo registry, on both
// backends.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;

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
    ASSERT_EQ(Run({"demo"}), 0) << cli_.err();
    file_ = test_support::TempPath("partners-cli", GetParam(), ".json");
  }

  void TearDown() override { std::remove(file_.c_str()); }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  void Write(const json& doc) { std::ofstream(file_) << doc.dump(); }

  // The id an `offers add` printed ("" when none).
  std::string AddedId() const {
    const std::string out = cli_.out();
    const size_t at = out.find("ow-");
    return at == std::string::npos ? "" : out.substr(at, 19);
  }

  testing::TestStore db_;
  std::string file_;
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
};

TEST_P(PartnersCliTest, OffersAreRecordedListedExportedDeletedAndRestored) {
  Write(Profile("want", "Patient capital for a new centre", {"finance"}));
  ASSERT_EQ(Run({"offers", "add", "pole-es-capitale-nationale", "--file", file_}), 0) << cli_.err();
  const std::string id = AddedId();
  ASSERT_FALSE(id.empty()) << cli_.out();
  EXPECT_NE(cli_.out().find("version 1"), std::string::npos);

  ASSERT_EQ(Run({"offers", "list", "pole-es-capitale-nationale", "--json"}), 0) << cli_.err();
  json list = json::parse(cli_.out());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["asset_type"], "finance");
  EXPECT_EQ(list[0]["exchange_type"], "want");

  ASSERT_EQ(Run({"offers", "export"}), 0) << cli_.err();
  json exported = json::parse(cli_.out());
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0]["linked_schemas"][0], "offers_wants_schema-v0.1.0");
  EXPECT_EQ(exported[0]["title"], "Patient capital for a new centre");

  ASSERT_EQ(Run({"offers", "delete", id}), 0) << cli_.err();
  ASSERT_EQ(Run({"offers", "list"}), 0);
  EXPECT_NE(cli_.out().find("No offers or wants"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"offers", "delete", id}), 1);
  EXPECT_NE(cli_.err().find("already deleted"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"offers", "restore", id}), 0) << cli_.err();
  ASSERT_EQ(Run({"offers", "history", id}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("version 3"), std::string::npos) << cli_.out();
}

TEST_P(PartnersCliTest, BadFilesAreRefusedWithWhereAndWhy) {
  json bad = Profile("want", "Capital", {"finance"});
  bad["geographic_scope"] = "galactic";
  Write(bad);
  EXPECT_EQ(Run({"offers", "add", "tiess", "--file", file_}), 1);
  EXPECT_NE(cli_.err().find("geographic_scope"), std::string::npos) << cli_.err();
  std::ofstream(file_) << "[{\"title\": ";
  EXPECT_EQ(Run({"offers", "import", "--file", file_}), 1);
  EXPECT_NE(cli_.err().find("not valid JSON"), std::string::npos) << cli_.err();
  // An import with one bad entry writes nothing.
  json good = Profile("offer", "Rooms", {"premises"});
  good["actor_id"] = "tiess";
  json unknown = Profile("offer", "Vans", {"equipment"});
  unknown["actor_id"] = "no-such-actor";
  Write(json::array({good, unknown}));
  EXPECT_EQ(Run({"offers", "import", "--file", file_}), 1);
  EXPECT_NE(cli_.err().find("entry 2"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"offers", "list", "--json"}), 0);
  EXPECT_EQ(json::parse(cli_.out()).size(), 0u);
  Write(json::array({good}));
  ASSERT_EQ(Run({"offers", "import", "--file", file_}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("Imported 1"), std::string::npos);
}

TEST_P(PartnersCliTest, PartnersAndBrokersInTextAndJson) {
  Write(Profile("want", "Patient capital for a new centre", {"finance"}));
  ASSERT_EQ(Run({"offers", "add", "pole-es-capitale-nationale", "--file", file_}), 0) << cli_.err();
  ASSERT_EQ(Run({"ecosystem", "partners", "pole-es-capitale-nationale", "--json"}), 0)
      << cli_.err();
  json found = json::parse(cli_.out());
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
      << cli_.err();
  EXPECT_NE(cli_.out().find("score"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"ecosystem", "partners", "no-such-actor"}), 1);
  EXPECT_EQ(Run({"ecosystem", "partners", "tiess", "--limit", "0"}), 1);
  EXPECT_NE(cli_.err().find("limit"), std::string::npos) << cli_.err();

  ASSERT_EQ(Run({"ecosystem", "brokers", "--territory", "CA/quebec", "--json"}), 0) << cli_.err();
  json gaps = json::parse(cli_.out());
  EXPECT_EQ(gaps["territory"], "CA/quebec");
  EXPECT_TRUE(gaps["gaps"].is_array());
  ASSERT_EQ(Run({"ecosystem", "brokers", "--territory", "CA/quebec"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("Missing brokers in CA/quebec"), std::string::npos);
  EXPECT_EQ(Run({"ecosystem", "brokers", "--territory", "CA/nowhere"}), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnersCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
