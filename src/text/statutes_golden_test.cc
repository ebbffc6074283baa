// The golden cases of tests/golden/statutes/: each <case>.{txt,md,html} is extracted and
// analysed, and compared with <case>.expected.json (see the README there).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ecosol/text/statutes.h"
#include "test_paths.h"

namespace ecosol::text {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir =
    fs::path(::ecosol::testing::SourceDir()) / "tests" / "golden" / "statutes";

std::vector<fs::path> Cases() {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(kGoldenDir)) {
    std::string ext = e.path().extension().string();
    if (e.path().filename() == "README.md") continue;
    if (ext == ".txt" || ext == ".md" || ext == ".html") cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

bool SameValue(const nlohmann::json& expected, const std::optional<double>& actual) {
  if (expected.is_null()) return !actual.has_value();
  return actual.has_value() && std::abs(expected.get<double>() - *actual) < 1e-4;
}

std::string Describe(const Clause& c) {
  std::ostringstream s;
  s << c.type << " " << PolarityName(c.polarity) << " "
    << (c.value ? std::to_string(*c.value) : "null") << " [" << c.evidence.text << "]";
  return s.str();
}

// Compares one case; returns the differences, empty when it passes.
std::vector<std::string> Compare(const fs::path& file, const ClauseAnalyzer& analyzer) {
  std::vector<std::string> diffs;
  fs::path expected_file = file;
  expected_file.replace_extension(".expected.json");
  std::ifstream in(expected_file);
  if (!in) return {"missing " + expected_file.filename().string()};
  nlohmann::json expected = nlohmann::json::parse(in);
  auto text = ExtractDocumentText(file);
  if (!text.ok()) return {text.status().message()};
  auto analysis = analyzer.Analyze(*text);
  if (!analysis.ok()) return {analysis.status().message()};
  if (analysis->language != expected["language"]) {
    diffs.push_back("language " + analysis->language + ", expected " +
                    expected["language"].get<std::string>());
  }
  std::vector<bool> matched(analysis->clauses.size());
  for (const auto& e : expected["clauses"]) {
    const auto& ev = e["evidence"];
    size_t start = ev["start"], end = ev["end"];
    std::string want = ev["text"];
    if (end > text->size() || text->substr(start, end - start) != want) {
      diffs.push_back("expected evidence not at its offsets: " + want);
    }
    auto it =
        std::find_if(analysis->clauses.begin(), analysis->clauses.end(), [&](const Clause& c) {
          return c.type == e["type"] && PolarityName(c.polarity) == e["polarity"] &&
                 SameValue(e["value"], c.value) && c.evidence.start < end && start < c.evidence.end;
        });
    if (it == analysis->clauses.end()) {
      diffs.push_back("missing " + e.dump());
      continue;
    }
    matched[static_cast<size_t>(it - analysis->clauses.begin())] = true;
  }
  for (size_t i = 0; i < matched.size(); ++i) {
    const Clause& c = analysis->clauses[i];
    if (text->substr(c.evidence.start, c.evidence.end - c.evidence.start) != c.evidence.text) {
      diffs.push_back("evidence text not at its offsets: " + Describe(c));
    }
    if (!matched[i]) diffs.push_back("unexpected " + Describe(c));
  }
  return diffs;
}

TEST(StatutesGoldenTest, EveryCaseMatchesItsExpectedClauses) {
  auto analyzer =
      ClauseAnalyzer::Load(fs::path(::ecosol::testing::SourceDir()) / "data" / "clauses");
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  std::vector<fs::path> cases = Cases();
  EXPECT_GE(cases.size(), 24u);
  int passed = 0;
  for (const fs::path& file : cases) {
    std::vector<std::string> diffs = Compare(file, **analyzer);
    for (const std::string& d : diffs) ADD_FAILURE() << file.filename().string() << ": " << d;
    passed += diffs.empty() ? 1 : 0;
  }
  std::cout << "statutes golden cases: " << passed << " of " << cases.size() << " pass\n";
}

}  // namespace
}  // namespace ecosol::text
