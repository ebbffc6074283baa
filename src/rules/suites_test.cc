// The JSON Logic test suites in shared/data/jsonlogic: the classic json-logic-js suite
// (compatible.json) must pass in full; the JSON Logic community suites must not pass fewer tests
// than recorded below (docs/rules-language.md has the table and the reasons for failures).

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ecosol/rules/rule.h"
#include "test_paths.h"

namespace ecosol::rules {
namespace {

using nlohmann::json;

const std::string kSuiteDir = ::ecosol::testing::SharedDataDir() + "/jsonlogic/";

// Tests passing per community suite file. Raise a number when more pass; never lower one.
const std::map<std::string, int> kExpectedPasses = {
    {"arithmetic/plus.json", 32},
    {"arithmetic/plus.extra.json", 3},
    {"arithmetic/multiply.json", 28},
    {"arithmetic/multiply.extra.json", 3},
    {"arithmetic/minus.json", 22},
    {"arithmetic/minus.extra.json", 3},
    {"arithmetic/divide.json", 31},
    {"arithmetic/divide.extra.json", 3},
    {"arithmetic/modulo.json", 31},
    {"arithmetic/modulo.extra.json", 2},
    {"comparison/greaterThan.json", 35},
    {"comparison/greaterThanEquals.json", 28},
    {"comparison/lessThan.json", 45},
    {"comparison/lessThanEquals.json", 20},
    {"comparison/softEquals.json", 35},
    {"comparison/softNotEquals.json", 34},
    {"comparison/strictEquals.json", 31},
    {"comparison/strictNotEquals.json", 30},
    {"control/and.json", 25},
    {"control/if.json", 44},
    {"control/or.json", 24},
    {"control/not.json", 23},
    {"control/doublebang.json", 23},
    {"string/in.json", 8},
    {"string/cat.json", 9},
    {"string/substr.json", 12},
    {"array/map.json", 14},
    {"array/filter.json", 12},
    {"array/reduce.json", 9},
    {"array/merge.json", 8},
    {"array/all.json", 12},
    {"array/some.json", 13},
    {"array/none.json", 13},
    {"truthiness.json", 13},
    {"additional.json", 4},
    {"coalesce.json", 15},
    {"chained.json", 7},
    {"iterators.extra.json", 34},
    {"exists.json", 8},
    {"scopes.json", 4},
    {"throw.json", 3},
    {"try.json", 18},
    {"try.extra.json", 1},
    {"val.json", 13},
    {"val.extra.json", 3},
    {"val-compat.json", 60},
    {"var.extra.json", 12},
};

struct SuiteCase {
  std::string description;
  json rule;
  json data;
  std::optional<json> result;
  std::optional<std::string> error_type;  // when the case expects an error
};

json ReadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
}

// Cases of a suite file: objects with rule, data?, result or error; strings are comments.
std::vector<SuiteCase> LoadSuite(const std::string& file) {
  std::vector<SuiteCase> cases;
  json suite = ReadJson(kSuiteDir + file);
  if (!suite.is_array()) return cases;
  for (const json& item : suite) {
    if (!item.is_object()) continue;
    SuiteCase c;
    c.description = item.value("description", item["rule"].dump());
    c.rule = item["rule"];
    c.data = item.value("data", json());
    if (item.contains("result")) c.result = item["result"];
    if (item.contains("error")) c.error_type = item["error"].value("type", item["error"].dump());
    cases.push_back(std::move(c));
  }
  return cases;
}

bool Matches(const json& want, const json& got) {
  if (want.is_number() && got.is_number()) {
    double a = want.get<double>();
    double b = got.get<double>();
    return a == b || std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b));
  }
  if (want.type() != got.type() || want.size() != got.size()) return false;
  if (want.is_array()) {
    for (size_t i = 0; i < want.size(); ++i) {
      if (!Matches(want[i], got[i])) return false;
    }
    return true;
  }
  if (want.is_object()) {
    for (const auto& [key, value] : want.items()) {
      if (!got.contains(key) || !Matches(value, got[key])) return false;
    }
    return true;
  }
  return want == got;
}

struct Verdict {
  bool passed = false;
  std::string got;  // what the engine gave, for messages
};

// An expected error passes when the engine raises one of the same type: evaluation errors
// start with "<type>: "; compile errors count as "Invalid Arguments".
Verdict Check(const SuiteCase& c) {
  Result<Rule> rule = Rule::Compile(c.rule);
  if (!rule.ok()) {
    return {c.error_type == "Invalid Arguments", "compile error: " + rule.status().message()};
  }
  Result<json> value = rule->Apply(c.data);
  if (!value.ok()) {
    const std::string& message = value.status().message();
    bool same = c.error_type && message.rfind(*c.error_type + ": ", 0) == 0;
    return {same, "error: " + message};
  }
  return {c.result && Matches(*c.result, *value), value->dump()};
}

std::string Describe(const SuiteCase& c, const Verdict& v) {
  std::string want = c.result ? c.result->dump() : "error " + c.error_type.value_or("?");
  return c.description + "\n  rule: " + c.rule.dump() + "\n  data: " + c.data.dump() +
         "\n  want: " + want + "\n  got:  " + v.got;
}

std::vector<std::string> SuiteFiles() {
  std::vector<std::string> files;
  json index = ReadJson(kSuiteDir + "index.json");
  if (!index.is_array()) return files;
  for (const json& f : index) files.push_back(f.get<std::string>());
  return files;
}

TEST(JsonLogicSuiteTest, ClassicJsonLogicJsSuitePassesInFull) {
  std::vector<SuiteCase> cases = LoadSuite("compatible.json");
  ASSERT_GT(cases.size(), 250u) << "cannot read " << kSuiteDir << "compatible.json";
  for (const SuiteCase& c : cases) {
    Verdict v = Check(c);
    EXPECT_TRUE(v.passed) << Describe(c, v);
  }
}

// "Nothing is missing": every fact the rule reads is present and not null.
bool AllFactsPresent(const Rule& rule, const json& data) {
  for (const std::string& path : rule.Vars()) {
    Result<json> v = Apply({{"var", path}}, data);
    if (!v.ok() || v->is_null()) return false;
  }
  return true;
}

TEST(JsonLogicSuiteTest, EvaluateAgreesWithApplyWhenNothingIsMissing) {
  int compared = 0;
  for (const std::string& file : SuiteFiles()) {
    for (const SuiteCase& c : LoadSuite(file)) {
      Result<Rule> rule = Rule::Compile(c.rule);
      if (!rule.ok()) continue;
      Outcome outcome = rule->Evaluate(c.data);
      if (!outcome.missing.empty() || !AllFactsPresent(*rule, c.data)) continue;
      ++compared;
      Result<json> applied = rule->Apply(c.data);
      std::string where = file + ": " + c.description + "\n  rule: " + c.rule.dump();
      if (!outcome.error.ok()) {
        EXPECT_FALSE(applied.ok()) << where << "\n  evaluate: " << outcome.error.message();
        if (!applied.ok()) {
          EXPECT_EQ(outcome.error.message(), applied.status().message()) << where;
        }
        continue;
      }
      ASSERT_TRUE(applied.ok()) << where << "\n  apply: " << applied.status().message();
      EXPECT_EQ(outcome.value, *applied) << where;
      EXPECT_EQ(outcome.kind == Outcome::Kind::kTrue, Truthy(*applied)) << where;
    }
  }
  EXPECT_GT(compared, 600);
}

TEST(JsonLogicSuiteTest, CommunitySuitesDoNotRegress) {
  std::vector<std::string> files = SuiteFiles();
  ASSERT_GT(files.size(), 1u) << "cannot read " << kSuiteDir << "index.json";
  for (const std::string& file : files) {
    if (file == "compatible.json") continue;
    std::vector<SuiteCase> cases = LoadSuite(file);
    int passed = 0;
    std::string failures;
    for (const SuiteCase& c : cases) {
      Verdict v = Check(c);
      if (v.passed) {
        ++passed;
      } else {
        failures += "\n- " + Describe(c, v);
      }
    }
    std::cout << "[ suite    ] " << file << ": " << passed << "/" << cases.size() << " passed\n";
    auto expected = kExpectedPasses.find(file);
    if (expected == kExpectedPasses.end()) {
      ADD_FAILURE() << file << " is not in kExpectedPasses; it passes " << passed << "/"
                    << cases.size() << failures;
      continue;
    }
    EXPECT_GE(passed, expected->second) << file << " regressed; failing cases:" << failures;
    if (passed > expected->second) {
      std::cout << "[ suite    ] " << file << " now passes more; raise its count to " << passed
                << "\n";
    }
  }
}

}  // namespace
}  // namespace ecosol::rules
