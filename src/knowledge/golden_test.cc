// Golden transfer analyses: each file under testdata/transfer/ holds a case, a target context
// and what the analysis must find (risk flags by id and element, the fit of every domain, and
// optionally the verdict and the features left unknown). The test also checks what must hold of
// every analysis: texts in four languages with no placeholder left, an adaptation per flag.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "ecosol/knowledge/transfer.h"
#include "test_util.h"

namespace ecosol::knowledge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Dir() { return ::ecosol::testing::SourceDir() + "/src/knowledge/testdata/transfer"; }

std::vector<fs::path> Files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(Dir())) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::set<std::pair<std::string, std::string>> FlagsOf(const json& flags) {
  std::set<std::pair<std::string, std::string>> out;
  for (const json& f : flags) {
    out.insert({f.at("id").get<std::string>(), f.at("element").get<std::string>()});
  }
  return out;
}

void ExpectFourLanguages(const json& text, const std::string& where) {
  for (const char* lang : {"en", "fr", "es", "pt"}) {
    ASSERT_TRUE(text.contains(lang)) << where << " " << lang;
    const std::string s = text[lang];
    EXPECT_FALSE(s.empty()) << where << " " << lang;
    EXPECT_EQ(s.find('{'), std::string::npos) << where << " " << lang << ": " << s;
  }
}

void ExpectInvariants(const json& got) {
  for (const json& d : got["domains"]) {
    EXPECT_FALSE(d["reasons"].empty()) << d["domain"];
    for (const json& r : d["reasons"]) ExpectFourLanguages(r["text"], d["domain"]);
  }
  for (const json& f : got["risk_flags"]) {
    ExpectFourLanguages(f["text"], f["id"]);
    EXPECT_FALSE(f["target"].is_null()) << "a flag on an unknown value: " << f["id"];
    bool adapted = false;
    for (const json& a : got["adaptations"]) {
      adapted = adapted || (a["flag"] == f["id"] && a["element"] == f["element"]);
    }
    EXPECT_TRUE(adapted) << f["id"];
  }
  for (const json& a : got["adaptations"]) ExpectFourLanguages(a["text"], a["flag"]);
  ExpectFourLanguages(got["judgement"], "judgement");
}

void Check(const fs::path& file) {
  std::ifstream in(file);
  json doc = json::parse(in, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << "not JSON";
  auto framework = testing::Real();
  ASSERT_TRUE(framework);
  auto c = ParseCase(*framework, doc.at("case"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  auto target = ParseContextProfile(*framework, doc.at("target"), "target");
  ASSERT_TRUE(target.ok()) << target.status().message();
  auto analysis = AnalyseTransfer(*framework, *c, *target);
  ASSERT_TRUE(analysis.ok()) << analysis.status().message();
  json got = TransferAnalysisToJson(*analysis);
  const json& expect = doc.at("expect");
  EXPECT_EQ(FlagsOf(got["risk_flags"]), FlagsOf(expect.at("flags"))) << got["risk_flags"].dump(2);
  json fits = json::object();
  for (const json& d : got["domains"]) fits[d["domain"].get<std::string>()] = d["fit"];
  EXPECT_EQ(fits, expect.at("fits")) << got["domains"].dump(2);
  if (expect.contains("verdict")) {
    EXPECT_EQ(got["verdict"], expect["verdict"]);
  }
  if (expect.contains("unknowns")) {
    std::set<std::string> unknown;
    for (const json& u : got["unknowns"]) unknown.insert(u["feature"].get<std::string>());
    EXPECT_EQ(unknown, expect["unknowns"].get<std::set<std::string>>());
  }
  ExpectInvariants(got);
}

TEST(TransferGoldenTest, EveryFileMatches) {
  std::vector<fs::path> files = Files();
  EXPECT_GE(files.size(), 15u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    Check(file);
  }
}

}  // namespace
}  // namespace ecosol::knowledge
