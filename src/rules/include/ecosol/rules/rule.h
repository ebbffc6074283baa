#pragma once

// JSON Logic rules: compiled once, evaluated many times, with standard (json-logic-js) semantics
// or with the missing-aware three-valued evaluation that screening uses. The language, every
// operator and both evaluations are described in docs/rules-language.md.
//
//   Result<Rule> rule = Rule::Compile(json::parse(R"({"in": [{"var": "legal_form"},
//                                                     ["cooperative", "mutual"]]})"));
//   if (!rule.ok()) return rule.status();  // unknown operator, wrong arity, ...
//   rule->Apply({{"legal_form", "mutual"}});   // -> true
//   rule->Evaluate({});                          // -> kUnknown, missing = {"legal_form"}
//   rule->Vars();                                // -> {"legal_form"}
//
// Errors are values: nothing here throws (nlohmann::json exceptions are caught inside the
// module). Thread safety: a Rule is immutable after Compile; any number of threads may call its
// const methods at once. Copies are cheap and share the compiled form.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::rules {

namespace internal {
struct Program;
}  // namespace internal

// The result of the missing-aware evaluation (Rule::Evaluate).
struct Outcome {
  enum class Kind { kTrue, kFalse, kUnknown };
  // kTrue / kFalse by JSON Logic truthiness of `value` when the value is known; kUnknown when a
  // fact the result depends on is absent (or null), or when evaluation raised an error.
  Kind kind = Kind::kUnknown;
  // The value when known; null when unknown.
  nlohmann::json value;
  // The var paths whose absence made the result unknown (sorted, unique); empty when known and
  // when the outcome is an error.
  std::vector<std::string> missing;
  // Non-OK (kInvalidArgument, message as for Rule::Apply) when evaluation raised an error; kind
  // is then kUnknown.
  Status error;
};

// A compiled JSON Logic rule.
class Rule {
 public:
  // Parses and checks `rule` once. Fails with kInvalidArgument, saying what and where (a JSON
  // pointer into the rule), for: an unknown operator (`unknown operator "foo" at rule /and/1`),
  // an object with several keys where an operation is expected, a wrong number of operands for
  // an operator with a fixed arity, an operator that needs an array of operands given something
  // else, an iterator over a literal that is not an array, a null expression for map / filter,
  // and nesting deeper than 256 levels. A literal (number, string, ...) or `{}` is a valid rule
  // that evaluates to itself.
  static Result<Rule> Compile(const nlohmann::json& rule);

  // Standard JSON Logic evaluation of the rule against `data`: json-logic-js semantics, plus the
  // JSON Logic community operators listed in docs/rules-language.md. An evaluation error (the
  // "throw" operator, a value that is not a number where one is needed, a division by zero, ...)
  // comes back as kInvalidArgument whose message starts with the error's type and a colon:
  // `NaN: ...`, `Invalid Arguments: ...`, or the type given to "throw".
  Result<nlohmann::json> Apply(const nlohmann::json& data) const;

  // Missing-aware, three-valued evaluation: a rule that depends on a fact absent from `data`
  // (or null there) is unknown rather than true or false. The exact rules are in
  // docs/rules-language.md ("Missing-aware evaluation"); the browser implements the same ones.
  Outcome Evaluate(const nlohmann::json& data) const;

  // Every fact path the rule reads, in first-seen order, without duplicates: literal string
  // paths of `var` (and of `missing`, `missing_some`, `exists` and `val`, whose segments are
  // joined with "."). Excluded: "" (the whole data), paths computed at evaluation time, and
  // paths read inside an iterator's or a catch's scope (they read the element, not the facts).
  const std::vector<std::string>& Vars() const;

  // True when the rule computes some path at evaluation time or climbs scopes with `val`, so
  // that Vars() may not list every fact it reads.
  bool HasComputedPaths() const;

  // The rule exactly as given to Compile.
  const nlohmann::json& Source() const;

 private:
  explicit Rule(std::shared_ptr<const internal::Program> program);

  std::shared_ptr<const internal::Program> program_;
};

// Compile + Apply, for one-off evaluations.
Result<nlohmann::json> Apply(const nlohmann::json& rule, const nlohmann::json& data);

// JSON Logic truthiness: false, null, 0, "" and [] are falsy; everything else (including "0"
// and {}) is truthy.
bool Truthy(const nlohmann::json& value);

}  // namespace ecosol::rules
