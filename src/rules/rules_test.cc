#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "ecosol/rules/rule.h"

namespace ecosol::rules {
namespace {

using nlohmann::json;
using Kind = Outcome::Kind;
using Strings = std::vector<std::string>;

Rule MustCompile(const char* text) {
  Result<Rule> rule = Rule::Compile(json::parse(text));
  EXPECT_TRUE(rule.ok()) << text << ": " << rule.status().message();
  return std::move(rule).value();
}

Outcome Eval(const char* rule, const char* data) {
  return MustCompile(rule).Evaluate(json::parse(data));
}

// Standard evaluation: the value, or "error: <message>".
json ApplyOrError(const char* rule, const char* data = "null") {
  Result<json> v = Apply(json::parse(rule), json::parse(data));
  return v.ok() ? *v : json("error: " + v.status().message());
}

std::string CompileError(const char* text) {
  Result<Rule> rule = Rule::Compile(json::parse(text));
  EXPECT_FALSE(rule.ok()) << text;
  EXPECT_EQ(rule.status().code(), StatusCode::kInvalidArgument);
  return rule.status().message();
}

// --- Missing-aware evaluation ---------------------------------------------------------------

TEST(RuleTest, AbsentFactIsUnknownNotFalse) {
  Outcome o = Eval(R"({"==": [{"var": "legal_form"}, "cooperative"]})", "{}");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_EQ(o.missing, Strings{"legal_form"});
  EXPECT_TRUE(o.value.is_null());
  EXPECT_TRUE(o.error.ok());
  // The standard evaluation reads null and says false.
  EXPECT_EQ(ApplyOrError(R"({"==": [{"var": "legal_form"}, "cooperative"]})", "{}"), json(false));
}

TEST(RuleTest, NullFactIsUnknownAndNestedPathsAreReportedWhole) {
  Outcome o = Eval(R"({"!": {"var": "governance.voting_rule"}})", R"({"governance": null})");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_EQ(o.missing, Strings{"governance.voting_rule"});
  o = Eval(R"({"var": "a.b"})", R"({"a": {"b": null}})");
  EXPECT_EQ(o.missing, Strings{"a.b"});
}

TEST(RuleTest, PresentFalsyFactsAreKnown) {
  EXPECT_EQ(Eval(R"({"var": "open"})", R"({"open": false})").kind, Kind::kFalse);
  EXPECT_EQ(Eval(R"({"var": "n"})", R"({"n": 0})").kind, Kind::kFalse);
  EXPECT_EQ(Eval(R"({"var": "s"})", R"({"s": ""})").kind, Kind::kFalse);
  EXPECT_EQ(Eval(R"({"var": "xs"})", R"({"xs": []})").kind, Kind::kFalse);
}

TEST(RuleTest, VarDefaultIsKnownWhenTheFactIsAbsentOrNull) {
  Outcome o = Eval(R"({"var": ["rate", 0.5]})", "{}");
  EXPECT_EQ(o.kind, Kind::kTrue);
  EXPECT_EQ(o.value, json(0.5));
  EXPECT_TRUE(o.missing.empty());
  EXPECT_EQ(Eval(R"({"var": ["rate", 0]})", R"({"rate": null})").value, json(0));
  EXPECT_EQ(Eval(R"({"var": ["rate", 0]})", R"({"rate": 0.25})").value, json(0.25));
}

TEST(RuleTest, EmptyVarIsTheWholeData) {
  Outcome o = Eval(R"({"var": ""})", R"({"a": 1})");
  EXPECT_EQ(o.kind, Kind::kTrue);
  EXPECT_EQ(o.value, json::parse(R"({"a": 1})"));
}

TEST(RuleTest, MissingAndMissingSomeAreAlwaysKnown) {
  Outcome o = Eval(R"({"missing": ["a", "b"]})", R"({"a": 1})");
  EXPECT_EQ(o.kind, Kind::kTrue);
  EXPECT_EQ(o.value, json::parse(R"(["b"])"));
  EXPECT_TRUE(o.missing.empty());
  o = Eval(R"({"missing_some": [1, ["a", "b"]]})", "{}");
  EXPECT_EQ(o.value, json::parse(R"(["a", "b"])"));
  // Facts read inside them are read with standard semantics (absent is null).
  o = Eval(R"({"missing": {"if": [{"var": "financing"}, ["apr"], []]}})", "{}");
  EXPECT_EQ(o.kind, Kind::kFalse);
  EXPECT_EQ(o.value, json::array());
  EXPECT_EQ(Eval(R"({"exists": "a"})", "{}").kind, Kind::kFalse);
}

TEST(RuleTest, AndIsFalseWhenAnyKnownOperandIsFalsy) {
  Outcome o = Eval(R"({"and": [{"var": "a"}, {"var": "b"}, 0, ""]})", R"({"b": true})");
  EXPECT_EQ(o.kind, Kind::kFalse);
  EXPECT_EQ(o.value, json(0));  // the first known falsy value
  EXPECT_TRUE(o.missing.empty());
  o = Eval(R"({"and": [{"var": "a"}, true, {"var": "b"}]})", "{}");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_EQ(o.missing, (Strings{"a", "b"}));
  EXPECT_EQ(Eval(R"({"and": [1, {"var": "x"}]})", R"({"x": 3})").value, json(3));  // the last
  EXPECT_EQ(Eval(R"({"and": []})", "{}").kind, Kind::kFalse);
}

TEST(RuleTest, OrIsTrueWhenAnyKnownOperandIsTruthy) {
  Outcome o = Eval(R"({"or": [{"var": "a"}, false, {"var": "b"}, "yes"]})", "{}");
  EXPECT_EQ(o.kind, Kind::kTrue);
  EXPECT_EQ(o.value, json("yes"));
  o = Eval(R"({"or": [{"var": "b"}, false, {"var": "a"}, {"var": "b"}]})", "{}");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_EQ(o.missing, (Strings{"a", "b"}));  // sorted, unique
  EXPECT_EQ(Eval(R"({"or": [0, {"var": "x"}]})", R"({"x": ""})").value, json(""));  // the last
}

TEST(RuleTest, IfWithAnUnknownConditionIsUnknown) {
  const char* rule = R"({"if": [{"var": "a"}, {"var": "b"}, {"var": "c"}, "x", "y"]})";
  Outcome o = Eval(rule, R"({"b": 1})");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_EQ(o.missing, Strings{"a"});                             // only the condition's
  EXPECT_EQ(Eval(rule, R"({"a": true})").missing, Strings{"b"});  // the chosen branch's
  EXPECT_EQ(Eval(rule, R"({"a": false, "c": 1})").value, json("x"));
  EXPECT_EQ(Eval(rule, R"({"a": false})").missing, Strings{"c"});
  EXPECT_EQ(Eval(R"({"?:": [{"var": "a"}, 1, 2]})", "{}").kind, Kind::kUnknown);
}

TEST(RuleTest, IfWithAnUnknownConditionIsKnownWhenEveryPossibleBranchAgrees) {
  EXPECT_EQ(Eval(R"({"if": [{"var": "a"}, "same", "same"]})", "{}").value, json("same"));
  // From the unknown condition on: "x", then (c unknown) "x", then the else "x".
  Outcome o = Eval(R"({"if": [{"var": "a"}, "x", {"var": "c"}, "x", "x"]})", "{}");
  EXPECT_EQ(o.kind, Kind::kTrue);
  EXPECT_EQ(o.value, json("x"));
  // A later condition known true ends the possibilities (the else is never reached).
  EXPECT_EQ(Eval(R"({"if": [{"var": "a"}, 1, true, 1, 2]})", "{}").value, json(1));
  // A branch that differs, or is itself unknown, or fails, keeps it unknown.
  EXPECT_EQ(Eval(R"({"if": [{"var": "a"}, 1, 2]})", "{}").kind, Kind::kUnknown);
  EXPECT_EQ(Eval(R"({"if": [{"var": "a"}, 1]})", "{}").kind, Kind::kUnknown);  // else is null
  EXPECT_EQ(Eval(R"({"if": [{"var": "a"}, {"var": "b"}, 1]})", R"({})").missing, Strings{"a"});
  o = Eval(R"({"if": [{"var": "a"}, 1, {"/": [1, 0]}]})", "{}");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_TRUE(o.error.ok());
  EXPECT_EQ(o.missing, Strings{"a"});
}

TEST(RuleTest, NegationOfUnknownIsUnknown) {
  EXPECT_EQ(Eval(R"({"!": [{"var": "a"}]})", "{}").missing, Strings{"a"});
  EXPECT_EQ(Eval(R"({"!!": [{"var": "a"}]})", "{}").missing, Strings{"a"});
  EXPECT_EQ(Eval(R"({"!": [{"var": "a"}]})", R"({"a": 0})").kind, Kind::kTrue);
}

TEST(RuleTest, IteratorsOverAnUnknownArrayAreUnknownAndStandardInside) {
  const char* rule = R"({"some": [{"var": "colleges"}, {"==": [{"var": "kind"}, "workers"]}]})";
  EXPECT_EQ(Eval(rule, "{}").missing, Strings{"colleges"});
  // Inside the scope a missing field is null, as in standard evaluation.
  Outcome o = Eval(rule, R"({"colleges": [{"name": "users"}]})");
  EXPECT_EQ(o.kind, Kind::kFalse);
  EXPECT_TRUE(o.missing.empty());
  EXPECT_EQ(Eval(rule, R"({"colleges": [{"kind": "workers"}]})").kind, Kind::kTrue);
  // reduce's initial value is read in the enclosing scope too.
  const char* sum = R"({"reduce": [{"var": "xs"}, {"+": [{"var": "current"},
                                    {"var": "accumulator"}]}, {"var": "start"}]})";
  EXPECT_EQ(Eval(sum, R"({"xs": [1, 2]})").missing, Strings{"start"});
  EXPECT_EQ(Eval(sum, R"({"xs": [1, 2], "start": 10})").value, json(13));
  EXPECT_EQ(Eval(R"({"map": [{"var": "xs"}, {"*": [{"var": ""}, 2]}]})", R"({"xs": [1, 2]})").value,
            json::parse("[2, 4]"));
}

TEST(RuleTest, OtherOperatorsAreUnknownWhenAnyOperandIs) {
  Outcome o = Eval(R"({"+": [1, {"var": "b"}, {"var": "a"}]})", R"({})");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_EQ(o.missing, (Strings{"a", "b"}));
  // Even where standard evaluation would stop early: every operand is evaluated.
  EXPECT_EQ(Eval(R"({"<": [3, 2, {"var": "x"}]})", "{}").missing, Strings{"x"});
  EXPECT_EQ(Eval(R"({"??": ["set", {"var": "x"}]})", "{}").missing, Strings{"x"});
  EXPECT_EQ(Eval(R"({"max": {"var": "scores"}})", "{}").missing, Strings{"scores"});
  EXPECT_EQ(Eval(R"({"max": {"var": "scores"}})", R"({"scores": [3, 9, 4]})").value, json(9));
  EXPECT_EQ(Eval(R"([1, {"var": "x"}])", "{}").missing, Strings{"x"});
  EXPECT_EQ(Eval(R"({"<=": [{"var": "top"}, {"*": [7, {"var": "min"}]}]})",
                 R"({"top": 50000, "min": 20000})")
                .kind,
            Kind::kTrue);
}

TEST(RuleTest, EvaluationErrorIsUnknownWithTheError) {
  Outcome o = Eval(R"({"<=": [{"/": [{"var": "top"}, {"var": "lowest"}]}, 10]})",
                   R"({"top": 5, "lowest": 0})");
  EXPECT_EQ(o.kind, Kind::kUnknown);
  EXPECT_TRUE(o.missing.empty());
  EXPECT_EQ(o.error.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(o.error.message(), "NaN: \"/\" by zero at rule /<=/0");
  o = Eval(R"({"throw": "no"})", "{}");
  EXPECT_EQ(o.error.message().rfind("no: ", 0), 0u) << o.error.message();
  // An error raised next to an unknown operand is still reported.
  EXPECT_FALSE(Eval(R"({"+": [{"var": "a"}, {"/": [1, 0]}]})", "{}").error.ok());
}

TEST(RuleTest, TryRecoversFromErrorsInBothEvaluations) {
  const char* rule = R"({"try": [{"/": [{"var": "a"}, {"var": "b"}]}, {"var": "type"}]})";
  EXPECT_EQ(Eval(rule, R"({"a": 1, "b": 0})").value, json("NaN"));
  EXPECT_EQ(Eval(rule, R"({"a": 1})").missing, Strings{"b"});
  EXPECT_EQ(ApplyOrError(rule, R"({"a": 1, "b": 0})"), json("NaN"));
}

TEST(RuleTest, OutcomeKindFollowsTruthinessOfTheValue) {
  EXPECT_EQ(Eval(R"({"merge": []})", "{}").kind, Kind::kFalse);  // [] is falsy
  EXPECT_EQ(Eval(R"({"cat": ["0"]})", "{}").kind, Kind::kTrue);  // "0" is truthy
  EXPECT_EQ(Eval(R"({"var": "o"})", R"({"o": {}})").kind, Kind::kTrue);
  EXPECT_EQ(Eval("null", "{}").kind, Kind::kFalse);  // a literal null is a known value
}

TEST(RuleTest, ApplyAndEvaluateAgreeWhenNothingIsMissing) {
  const char* rules[] = {
      R"({"or": [{">": [{"var": "p.reserves"}, 0.5]}, {"==": [{"var": "p.shared"}, false]}]})",
      R"({"and": [{"var": "open"}, {"in": [{"var": "vote"}, ["one", "capped"]]}]})",
      R"({"if": [{">": [{"var": "low"}, 0]}, {"<=": [{"/": [{"var": "top"}, {"var": "low"}]},
                 10]}, false]})",
      R"({">=": [{"reduce": [{"var": "colleges"}, {"+": [{"var": "accumulator"}, 1]}, 0]}, 3]})",
      R"({"cat": [{"var": "vote"}, "-", {"substr": [{"var": "vote"}, 0, 2]}]})",
  };
  const char* profiles[] = {
      R"({"p": {"reserves": 0.6, "shared": true}, "open": true, "vote": "one", "low": 2,
          "top": 30, "colleges": [1, 2, 3]})",
      R"({"p": {"reserves": 0.1, "shared": false}, "open": false, "vote": "capped", "low": 0,
          "top": 30, "colleges": []})",
  };
  for (const char* rule : rules) {
    for (const char* profile : profiles) {
      Rule r = MustCompile(rule);
      json data = json::parse(profile);
      Outcome o = r.Evaluate(data);
      Result<json> v = r.Apply(data);
      ASSERT_TRUE(v.ok()) << rule;
      EXPECT_TRUE(o.missing.empty()) << rule;
      EXPECT_EQ(o.value, *v) << rule << " on " << profile;
      EXPECT_EQ(o.kind == Kind::kTrue, Truthy(*v)) << rule;
    }
  }
}

// --- Vars -----------------------------------------------------------------------------------

TEST(RuleTest, VarsListsLiteralPathsInFirstSeenOrder) {
  Rule r = MustCompile(R"({"and": [
      {"==": [{"var": "b.x"}, 1]}, {"var": ["a", {"var": "fallback"}]}, {"var": "b.x"},
      {"var": ""}, {"missing": ["m1", "m2"]}, {"missing_some": [1, ["s1"]]},
      {"val": ["v", "w"]}, {"exists": "e"},
      {"map": [{"var": "items"}, {"var": "inside_scope"}]},
      {"reduce": [{"var": "xs"}, {"var": "accumulator"}, {"var": "start"}]},
      {"try": [{"var": "t"}, {"var": "type"}]}]})");
  EXPECT_EQ(r.Vars(), (Strings{"b.x", "a", "fallback", "m1", "m2", "s1", "v.w", "e", "items", "xs",
                               "start", "t"}));
  EXPECT_FALSE(r.HasComputedPaths());
}

TEST(RuleTest, ComputedPathsAreFlaggedNotListed) {
  Rule r = MustCompile(R"({"var": {"cat": ["a", ".b"]}})");
  EXPECT_TRUE(r.Vars().empty());
  EXPECT_TRUE(r.HasComputedPaths());
  EXPECT_TRUE(MustCompile(R"({"missing": {"var": "keys"}})").HasComputedPaths());
  EXPECT_TRUE(MustCompile(R"({"map": [[1], {"val": [[2], "outer"]}]})").HasComputedPaths());
  EXPECT_FALSE(MustCompile(R"({"map": [[1], {"var": {"cat": ["x"]}}]})").HasComputedPaths());
}

TEST(RuleTest, SourceIsTheRuleAsGiven) {
  json source = json::parse(R"({"in": ["a", ["a", "b"]]})");
  EXPECT_EQ(MustCompile(source.dump().c_str()).Source(), source);
}

// --- Compile errors -------------------------------------------------------------------------

TEST(RuleTest, CompileRejectsUnknownOperatorsSayingWhere) {
  EXPECT_EQ(CompileError(R"({"and": [true, {"foo": [1]}]})"),
            "unknown operator \"foo\" at rule /and/1");
  EXPECT_EQ(CompileError(R"({"method": ["x", "toUpperCase"]})"),
            "unknown operator \"method\" at the rule root");
  EXPECT_EQ(CompileError(R"({"if": [{"var": "a"}, {"a/b~": 1}]})"),
            "unknown operator \"a/b~\" at rule /if/1");
}

TEST(RuleTest, CompileRejectsWrongArities) {
  EXPECT_EQ(CompileError(R"({"in": ["a"]})"), "\"in\" expects 2 operands, got 1 at the rule root");
  EXPECT_EQ(CompileError(R"({"!": [1, 2]})"),
            "\"!\" expects at most 1 operand, got 2 at the rule root");
  EXPECT_EQ(CompileError(R"({"or": [{"substr": ["abc"]}]})"),
            "\"substr\" expects 2 to 3 operands, got 1 at rule /or/0");
  EXPECT_EQ(CompileError(R"({"==": [1]})"),
            "\"==\" expects at least 2 operands, got 1 at the rule root");
  EXPECT_NE(CompileError(R"({"var": ["a", 1, 2]})"), "");
  EXPECT_NE(CompileError(R"({"missing_some": [1]})"), "");
  EXPECT_NE(CompileError(R"({"map": [[1]]})"), "");
}

TEST(RuleTest, CompileRejectsMalformedOperations) {
  EXPECT_EQ(CompileError(R"({"var": "a", "extra": 1})"),
            "an operation must be an object with exactly one key (the operator), got 2 keys "
            "(\"extra\", \"var\") at the rule root");
  EXPECT_EQ(CompileError(R"({"and": true})"),
            "\"and\" expects an array of operands, got true at the rule root");
  EXPECT_EQ(CompileError(R"({"all": [null, true]})"),
            "the first operand of \"all\" must be an array or an operation, got null at the "
            "rule root");
  EXPECT_NE(CompileError(R"({"map": [[1], null]})"), "");
  json deep = json::array({1});
  for (int i = 0; i < 300; ++i) deep = json{{"!", deep}};
  EXPECT_FALSE(Rule::Compile(deep).ok());
}

TEST(RuleTest, LiteralsAndEmptyObjectsAreValidRules) {
  EXPECT_EQ(ApplyOrError("17"), json(17));
  EXPECT_EQ(ApplyOrError("{}"), json::object());
  EXPECT_EQ(ApplyOrError(R"({"preserve": {"var": "x"}})"), json::parse(R"({"var": "x"})"));
}

// --- Standard semantics details -------------------------------------------------------------

TEST(RuleTest, ApplyErrorsStartWithTheirType) {
  Result<json> v = Apply(json::parse(R"({"+": ["apple", 1]})"), json());
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().message(),
            "NaN: operand 0 of \"+\" is \"apple\", not a number at the rule root");
  v = Apply(json::parse(R"({"some": [{"var": "xs"}, true]})"), json::object());
  EXPECT_EQ(v.status().message().rfind("Invalid Arguments: ", 0), 0u) << v.status().message();
  v = Apply(json::parse(R"({"throw": {"preserve": {"type": "Custom", "code": 7}}})"), json());
  EXPECT_EQ(v.status().message().rfind("Custom: ", 0), 0u) << v.status().message();
}

TEST(RuleTest, LooseEqualityConvertsLikeJavaScriptButRejectsNonNumbers) {
  // The value, or "error" when evaluation fails.
  auto eq = [](const char* a, const char* b) {
    Result<json> v = Apply(json{{"==", json::array({json::parse(a), json::parse(b)})}}, json());
    return v.ok() ? *v : json("error");
  };
  EXPECT_EQ(eq("1", "\"1\""), json(true));
  EXPECT_EQ(eq("true", "1"), json(true));
  EXPECT_EQ(eq("null", "0"), json(true));  // the community tests
  EXPECT_EQ(eq("null", "false"), json(false));
  EXPECT_EQ(eq("null", "\"\""), json(false));
  EXPECT_EQ(eq("null", "\"cooperative\""), json(false));
  EXPECT_EQ(eq("1", "\"one\""), json("error"));
  EXPECT_EQ(eq("[1]", "1"), json("error"));
  EXPECT_EQ(
      ApplyOrError(R"({"===": [{"preserve": [1, {"a": 2}]}, {"preserve": [1.0, {"a": 2}]}]})"),
      json(true));  // by content
}

TEST(RuleTest, NumbersPrintAsInJavaScript) {
  EXPECT_EQ(ApplyOrError(R"({"cat": [0.1, "|", 1e21, "|", 1e-7, "|", 123456789012, "|",
                                           1.5e-6, "|", -2.5, "|", 100.0]})"),
            json("0.1|1e+21|1e-7|123456789012|0.0000015|-2.5|100"));
  EXPECT_EQ(ApplyOrError(R"({"+": [0.1, 0.2]})"), json(0.30000000000000004));
  EXPECT_EQ(ApplyOrError(R"({"+": [" 0x10 ", "1e2", ".5"]})"), json(116.5));
}

TEST(RuleTest, SubstrCountsCharactersNotBytes) {
  EXPECT_EQ(ApplyOrError(R"({"substr": ["coopérative", 3, 3]})"), json("pér"));
  EXPECT_EQ(ApplyOrError(R"({"substr": ["협동조합", -2]})"), json("조합"));
}

TEST(RuleTest, TruthinessFollowsJsonLogic) {
  for (const char* falsy : {"false", "null", "0", "0.0", "\"\"", "[]"}) {
    EXPECT_FALSE(Truthy(json::parse(falsy))) << falsy;
  }
  for (const char* truthy : {"true", "1", "-1", "0.5", "\"0\"", "\"false\"", "[0]", "{}"}) {
    EXPECT_TRUE(Truthy(json::parse(truthy))) << truthy;
  }
}

TEST(RuleTest, ARuleCanBeEvaluatedFromSeveralThreadsAtOnce) {
  Rule rule = MustCompile(R"({"and": [{">=": [{"var": "n"}, 10]}, {"var": "ok"}]})");
  std::vector<std::thread> threads;
  std::vector<int> trues(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&rule, &trues, t] {
      for (int i = 0; i < 2000; ++i) {
        json data = {{"n", i % 20}, {"ok", true}};
        if (rule.Evaluate(data).kind == Kind::kTrue) ++trues[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int count : trues) EXPECT_EQ(count, 1000);
}

}  // namespace
}  // namespace ecosol::rules
