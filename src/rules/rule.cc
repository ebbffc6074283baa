#include "ecosol/rules/rule.h"

#include <algorithm>

#include "coerce.h"
#include "compile.h"
#include "standard.h"
#include "tri.h"

namespace ecosol::rules {
namespace {

using internal::EvalError;
using internal::Fallible;
using internal::Frame;
using internal::Tri;

Status ToStatus(const EvalError& error) { return InvalidArgument(error.message); }

Outcome ErrorOutcome(Status error) {
  Outcome out;
  out.kind = Outcome::Kind::kUnknown;
  out.error = std::move(error);
  return out;
}

Outcome ToOutcome(Tri tri) {
  Outcome out;
  if (!tri.known()) {
    out.kind = Outcome::Kind::kUnknown;
    out.missing = std::move(tri.missing);
    std::sort(out.missing.begin(), out.missing.end());
    out.missing.erase(std::unique(out.missing.begin(), out.missing.end()), out.missing.end());
    return out;
  }
  out.value = std::move(tri.value).Take();
  out.kind = internal::IsTruthy(out.value) ? Outcome::Kind::kTrue : Outcome::Kind::kFalse;
  return out;
}

}  // namespace

Rule::Rule(std::shared_ptr<const internal::Program> program) : program_(std::move(program)) {}

Result<Rule> Rule::Compile(const nlohmann::json& rule) {
  Result<std::shared_ptr<const internal::Program>> program = internal::CompileProgram(rule);
  if (!program.ok()) return program.status();
  return Rule(std::move(*program));
}

Result<nlohmann::json> Rule::Apply(const nlohmann::json& data) const {
  try {
    Frame root{Frame::Kind::kData, &data, nullptr, 0, nullptr};
    Fallible<internal::Value> v = internal::EvalStandard(program_->root, root);
    if (!v.ok()) return ToStatus(v.error());
    return std::move(*v).Take();
  } catch (const nlohmann::json::exception& e) {
    return Internal(std::string("rules: unexpected JSON error: ") + e.what());
  }
}

Outcome Rule::Evaluate(const nlohmann::json& data) const {
  try {
    Frame root{Frame::Kind::kData, &data, nullptr, 0, nullptr};
    Fallible<Tri> t = internal::EvalTri(program_->root, root);
    if (!t.ok()) return ErrorOutcome(ToStatus(t.error()));
    return ToOutcome(std::move(*t));
  } catch (const nlohmann::json::exception& e) {
    return ErrorOutcome(Internal(std::string("rules: unexpected JSON error: ") + e.what()));
  }
}

const std::vector<std::string>& Rule::Vars() const { return program_->vars; }

bool Rule::HasComputedPaths() const { return program_->computed_paths; }

const nlohmann::json& Rule::Source() const { return program_->source; }

Result<nlohmann::json> Apply(const nlohmann::json& rule, const nlohmann::json& data) {
  Result<Rule> compiled = Rule::Compile(rule);
  if (!compiled.ok()) return compiled.status();
  return compiled->Apply(data);
}

bool Truthy(const nlohmann::json& value) { return internal::IsTruthy(value); }

}  // namespace ecosol::rules
