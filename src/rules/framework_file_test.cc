// Reading YAML frameworks: the file, the head and texts in the four languages, each error naming
// the file and the entry.

#include "ecosol/rules/framework_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace ecosol::rules {
namespace {

using nlohmann::json;

TEST(FrameworkFileTest, ReadsYamlAndSaysWhereAMissingFileShouldBe) {
  const std::string path =
      ::testing::TempDir() + "framework-file-" + std::to_string(::getpid()) + ".yaml";
  std::ofstream(path) << "id: x\nversion: \"1.0\"\nkind: thing\n";
  auto doc = ReadFrameworkFile(path, "thing.yaml");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)["version"], "1.0");
  std::ofstream(path) << "id: [unclosed\n";
  auto bad = ReadFrameworkFile(path, "thing.yaml");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find(path), std::string::npos) << bad.status().message();
  std::filesystem::remove(path);
  auto missing = ReadFrameworkFile(path, "thing.yaml");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(),
            "cannot read '" + path + "' (point at the project's frameworks/thing.yaml)");
}

TEST(FrameworkFileTest, TheHeadNeedsItsKindAnIdAndAQuotedVersion) {
  auto head = ParseFrameworkHead(json::parse(R"({"kind":"thing","id":"t","version":"2.1"})"),
                                 "thing", "t.yaml");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->id, "t");
  EXPECT_EQ(head->version, "2.1");
  auto message = [](const char* text) {
    return ParseFrameworkHead(json::parse(text), "thing", "t.yaml").status().message();
  };
  EXPECT_EQ(message("[1]"), "t.yaml: expected a map at the top level");
  EXPECT_EQ(message(R"({"kind":"other","id":"t","version":"1"})"), "t.yaml: 'kind' must be thing");
  EXPECT_EQ(message(R"({"id":"t","version":"1"})"), "t.yaml: 'kind' must be thing");
  EXPECT_EQ(message(R"({"kind":"thing","version":"1"})"),
            "t.yaml: needs an 'id' and a quoted 'version'");
  // An unquoted version is a number in YAML: refused, not read as "1.1" nor thrown.
  EXPECT_EQ(message(R"({"kind":"thing","id":"t","version":1.1})"),
            "t.yaml: needs an 'id' and a quoted 'version'");
}

TEST(FrameworkFileTest, TextsAreNeededInTheFourLanguages) {
  json entry =
      json::parse(R"({"label":{"en":"Loan","fr":"Prêt","es":"Préstamo","pt":"Empréstimo"}})");
  auto text = ParseTexts(entry, "label", "f.yaml: asset 'finance'");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->size(), 4u);
  EXPECT_EQ(text->at("pt"), "Empréstimo");
  entry["label"].erase("es");
  EXPECT_EQ(ParseTexts(entry, "label", "f.yaml: asset 'finance'").status().message(),
            "f.yaml: asset 'finance': 'label' has no text in 'es' (add it: every text is given "
            "in en, fr, es and pt)");
  entry["label"]["es"] = "";
  EXPECT_FALSE(ParseTexts(entry, "label", "w").ok());
  EXPECT_EQ(ParseTexts(entry, "title", "w").status().message(),
            "w: needs 'title' with texts in en, fr, es and pt");
}

TEST(FrameworkFileTest, AValueOfTheWrongTypeIsAnErrorNamingTheFileNotACrash) {
  json doc = json::parse(R"({"weights": [1, 2]})");
  auto weight = ParseGuarded("w.yaml", [&]() -> Result<double> {
    return doc.at("weights").at("proximity").get<double>();  // a list, not a map: throws
  });
  ASSERT_FALSE(weight.ok());
  EXPECT_EQ(weight.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(weight.status().message().rfind("w.yaml: a value has the wrong type (", 0), 0u)
      << weight.status().message();
  auto fine = ParseGuarded("w.yaml", [&]() -> Result<int> { return doc["weights"][1].get<int>(); });
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(*fine, 2);
}

}  // namespace
}  // namespace ecosol::rules
