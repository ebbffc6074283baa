// The JSON form of an allocation problem and its result (allocation.h; docs/finance.md,
// "Allocation input" and "Allocation output"). Field names are stable: the CLI
// (`ecosol finance allocate FILE.json --json`) and the HTTP API read them.

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "ecosol/finance/allocation.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

// Reads the fields of one JSON object, remembering which it saw, so that unknown (misspelt)
// keys are reported rather than silently ignored.
class ObjectReader {
 public:
  ObjectReader(const json& obj, std::string path) : obj_(obj), path_(std::move(path)) {}

  Status Object() const {
    if (obj_.is_object()) return Status::Ok();
    return InvalidArgument(path_ + ": expected an object, got " + obj_.dump());
  }
  // Sets `out` when the key is present; fails when it has another type.
  Status Number(const std::string& key, double& out, bool required = false) {
    seen_.insert(key);
    if (!obj_.contains(key)) return Missing(key, required, "a number");
    const json& v = obj_.at(key);
    if (!v.is_number()) return Wrong(key, v, "a number");
    out = v.get<double>();
    return Status::Ok();
  }
  Status OptionalNumber(const std::string& key, std::optional<double>& out) {
    double v = 0;
    const bool present = obj_.contains(key);
    ECOSOL_RETURN_IF_ERROR(Number(key, v));
    if (present) out = v;
    return Status::Ok();
  }
  Status String(const std::string& key, std::string& out, bool required = false) {
    seen_.insert(key);
    if (!obj_.contains(key)) return Missing(key, required, "a string");
    const json& v = obj_.at(key);
    if (!v.is_string()) return Wrong(key, v, "a string");
    out = v.get<std::string>();
    return Status::Ok();
  }
  Status Bool(const std::string& key, bool& out) {
    seen_.insert(key);
    if (!obj_.contains(key)) return Status::Ok();
    const json& v = obj_.at(key);
    if (!v.is_boolean()) return Wrong(key, v, "true or false");
    out = v.get<bool>();
    return Status::Ok();
  }
  Status Strings(const std::string& key, std::vector<std::string>& out) {
    seen_.insert(key);
    if (!obj_.contains(key)) return Status::Ok();
    const json& v = obj_.at(key);
    if (!v.is_array()) return Wrong(key, v, "an array of strings");
    for (const json& s : v) {
      if (!s.is_string()) return Wrong(key, v, "an array of strings");
      out.push_back(s.get<std::string>());
    }
    return Status::Ok();
  }
  const json* Child(const std::string& key) {
    seen_.insert(key);
    return obj_.contains(key) ? &obj_.at(key) : nullptr;
  }
  bool Has(const std::string& key) const { return obj_.contains(key); }
  // Fails on the first key no reader asked for.
  Status NoUnknownKeys() const {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      if (seen_.count(it.key()) == 0) {
        return InvalidArgument(path_ + "." + it.key() +
                               ": unknown field; known fields: " + Known());
      }
    }
    return Status::Ok();
  }
  const std::string& path() const { return path_; }

 private:
  Status Missing(const std::string& key, bool required, const char* what) const {
    if (!required) return Status::Ok();
    return InvalidArgument(path_ + "." + key + ": missing; give " + what);
  }
  Status Wrong(const std::string& key, const json& v, const char* what) const {
    return InvalidArgument(path_ + "." + key + ": expected " + what + ", got " + v.dump());
  }
  std::string Known() const {
    std::string out;
    for (const std::string& k : seen_) out += (out.empty() ? "" : ", ") + k;
    return out;
  }

  const json& obj_;
  std::string path_;
  std::set<std::string> seen_;
};

Result<Application> ParseApplication(const json& doc, const std::string& path) {
  ObjectReader r(doc, path);
  ECOSOL_RETURN_IF_ERROR(r.Object());
  Application a;
  ECOSOL_RETURN_IF_ERROR(r.String("id", a.id, true));
  ECOSOL_RETURN_IF_ERROR(r.Number("requested", a.requested, true));
  a.max_grant = a.requested;  // default: up to the request
  ECOSOL_RETURN_IF_ERROR(r.Number("min_grant", a.min_grant));
  ECOSOL_RETURN_IF_ERROR(r.Number("max_grant", a.max_grant));
  ECOSOL_RETURN_IF_ERROR(r.Number("impact_score", a.impact_score, true));
  ECOSOL_RETURN_IF_ERROR(r.String("region", a.region));
  ECOSOL_RETURN_IF_ERROR(r.String("sector", a.sector));
  ECOSOL_RETURN_IF_ERROR(r.Strings("equity_groups", a.equity_groups));
  ECOSOL_RETURN_IF_ERROR(r.Number("private_capital", a.private_capital));
  bool needs = false;
  ECOSOL_RETURN_IF_ERROR(r.Bool("needs_first_loss", needs));
  ECOSOL_RETURN_IF_ERROR(r.Number("first_loss", a.first_loss));
  if (needs && a.first_loss <= 0) {
    return InvalidArgument(path +
                           ".first_loss: needs_first_loss is true but no positive "
                           "first_loss amount is given; say how much cover it needs");
  }
  if (!needs && a.first_loss != 0) {
    return InvalidArgument(path + ".needs_first_loss: first_loss is " +
                           doc.at("first_loss").dump() +
                           " but needs_first_loss is not true; set it to true or drop first_loss");
  }
  ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  return a;
}

// {"dimension": "region", "key": "north", "bound": "at_least", "share_of_budget": 0.2}
Result<Quota> ParseQuota(const json& doc, const std::string& path) {
  ObjectReader r(doc, path);
  ECOSOL_RETURN_IF_ERROR(r.Object());
  Quota q;
  std::string dimension, bound;
  ECOSOL_RETURN_IF_ERROR(r.String("dimension", dimension, true));
  ECOSOL_RETURN_IF_ERROR(r.String("key", q.key, true));
  ECOSOL_RETURN_IF_ERROR(r.String("bound", bound, true));
  ECOSOL_RETURN_IF_ERROR(r.String("id", q.id));
  if (dimension == "region") {
    q.dimension = QuotaDimension::kRegion;
  } else if (dimension == "sector") {
    q.dimension = QuotaDimension::kSector;
  } else if (dimension == "equity_group") {
    q.dimension = QuotaDimension::kEquityGroup;
  } else {
    return InvalidArgument(path + ".dimension: \"" + dimension +
                           "\" is not one of region, sector, equity_group");
  }
  if (bound != "at_least" && bound != "at_most") {
    return InvalidArgument(path + ".bound: \"" + bound + "\" is not at_least or at_most");
  }
  q.bound = bound == "at_least" ? QuotaBound::kAtLeast : QuotaBound::kAtMost;
  int given = 0;
  for (QuotaBase base :
       {QuotaBase::kAmount, QuotaBase::kShareOfBudget, QuotaBase::kShareOfAllocated}) {
    const std::string key(ToString(base));
    if (!r.Has(key)) {
      ECOSOL_RETURN_IF_ERROR(r.Number(key, q.value));  // marks the key as known
      continue;
    }
    ++given;
    q.base = base;
    ECOSOL_RETURN_IF_ERROR(r.Number(key, q.value));
  }
  if (given != 1) {
    return InvalidArgument(path +
                           ": give exactly one of amount, share_of_budget, "
                           "share_of_allocated (found " +
                           std::to_string(given) + ")");
  }
  if (q.id.empty()) q.id = dimension + ":" + q.key + ":" + bound;
  ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  return q;
}

Status ParseRules(const json& doc, AllocationRules& rules) {
  ObjectReader r(doc, "rules");
  ECOSOL_RETURN_IF_ERROR(r.Object());
  ECOSOL_RETURN_IF_ERROR(r.Number("budget", rules.budget, true));
  ECOSOL_RETURN_IF_ERROR(r.Number("leverage_ratio", rules.leverage_ratio));
  ECOSOL_RETURN_IF_ERROR(r.Number("min_grant", rules.min_grant));
  ECOSOL_RETURN_IF_ERROR(r.OptionalNumber("max_grant", rules.max_grant));
  ECOSOL_RETURN_IF_ERROR(r.OptionalNumber("first_loss_budget", rules.first_loss_budget));
  if (const json* quotas = r.Child("quotas")) {
    if (!quotas->is_array()) {
      return InvalidArgument("rules.quotas: expected an array of quotas, got " + quotas->dump());
    }
    for (size_t i = 0; i < quotas->size(); ++i) {
      auto q = ParseQuota((*quotas)[i], "rules.quotas[" + std::to_string(i) + "]");
      if (!q.ok()) return q.status();
      rules.quotas.push_back(std::move(*q));
    }
  }
  return r.NoUnknownKeys();
}

Status ParseOptions(const json& doc, SolverOptions& o) {
  ObjectReader r(doc, "options");
  ECOSOL_RETURN_IF_ERROR(r.Object());
  ECOSOL_RETURN_IF_ERROR(r.Number("time_limit_seconds", o.time_limit_seconds));
  ECOSOL_RETURN_IF_ERROR(r.Number("relative_gap", o.relative_gap));
  ECOSOL_RETURN_IF_ERROR(r.Bool("analyse_constraints", o.analyse_constraints));
  ECOSOL_RETURN_IF_ERROR(r.Number("analysis_time_limit_seconds", o.analysis_time_limit_seconds));
  return r.NoUnknownKeys();
}

json PortfolioToJson(const Portfolio& p) {
  json grants = json::array();
  for (const Grant& g : p.grants) {
    grants.push_back({{"id", g.id}, {"amount", g.amount}, {"impact", g.impact}});
  }
  return {{"impact", p.total_impact},
          {"allocated", p.total_allocated},
          {"private_capital", p.private_capital},
          {"first_loss", p.first_loss},
          {"funded", p.grants.size()},
          {"grants", std::move(grants)}};
}

json ConstraintToJson(const ConstraintReport& c) {
  json out = {{"id", c.id},       {"family", c.family}, {"activity", c.activity},
              {"limit", c.limit}, {"tight", c.tight},   {"analysed", c.analysed}};
  if (c.analysed) {
    out["status_without"] = std::string(ToString(c.status_without));
    out["impact_without"] = c.impact_without;
    out["impact_cost"] = c.impact_cost;
    out["binding"] = c.binding;
  }
  return out;
}

}  // namespace

Result<Application> ParseAllocationApplication(const json& doc, const std::string& where) {
  return ParseApplication(doc, where);
}

Result<AllocationRules> ParseAllocationRules(const json& doc) {
  AllocationRules rules;
  ECOSOL_RETURN_IF_ERROR(ParseRules(doc, rules));
  return rules;
}

Result<SolverOptions> ParseSolverOptions(const json& doc) {
  SolverOptions options;
  ECOSOL_RETURN_IF_ERROR(ParseOptions(doc, options));
  return options;
}

Result<AllocationProblem> ParseAllocationProblem(const json& doc) {
  ObjectReader r(doc, "allocation");
  ECOSOL_RETURN_IF_ERROR(r.Object());
  AllocationProblem p;
  const json* rules = r.Child("rules");
  if (rules == nullptr) return InvalidArgument("allocation.rules: missing; give at least budget");
  ECOSOL_RETURN_IF_ERROR(ParseRules(*rules, p.rules));
  const json* apps = r.Child("applications");
  if (apps == nullptr || !apps->is_array()) {
    return InvalidArgument("allocation.applications: missing or not an array of applications");
  }
  for (size_t i = 0; i < apps->size(); ++i) {
    auto a = ParseApplication((*apps)[i], "applications[" + std::to_string(i) + "]");
    if (!a.ok()) return a.status();
    p.applications.push_back(std::move(*a));
  }
  if (const json* options = r.Child("options")) {
    ECOSOL_RETURN_IF_ERROR(ParseOptions(*options, p.options));
  }
  ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  ECOSOL_RETURN_IF_ERROR(ValidateAllocationProblem(p));
  return p;
}

json AllocationResultToJson(const AllocationResult& result) {
  json constraints = json::array();
  for (const ConstraintReport& c : result.constraints) constraints.push_back(ConstraintToJson(c));
  return {{"status", std::string(ToString(result.status))},
          {"solver", result.solver_detail},
          {"seconds", result.seconds},
          {"impact", result.mip.total_impact},
          {"best_bound", result.best_bound},
          {"gap", result.gap},
          {"mip", PortfolioToJson(result.mip)},
          {"greedy", PortfolioToJson(result.greedy)},
          {"greedy_violations", result.greedy_violations},
          {"constraints", std::move(constraints)},
          {"infeasibility", result.infeasibility},
          {"unfundable", result.unfundable}};
}

}  // namespace ecosol::finance
