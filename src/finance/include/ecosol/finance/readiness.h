#pragma once

// Investment readiness (docs/finance.md): the framework frameworks/finance-readiness.yaml (kind:
// finance_readiness) lists the seven ClearlySo dimensions and the SSE governance blocks (mission
// lock, asset lock), each scored 0, 1 or 2 with what each score means in en/fr/es/pt; the
// readiness stages and the finance pipeline (readiness support -> grant -> repayable finance),
// each decided by a JSON Logic rule with its source.
//
//   auto framework = LoadReadinessFramework("frameworks/finance-readiness.yaml");
//   auto assessment = ParseAssessment(**framework, json::parse(R"({"organisation": "coop-1",
//       "date": "2026-03-01", "scores": {"individual": 2, ...}, "governance": {...}})"));
//   ReadinessResult r = ScoreAssessment(**framework, *assessment);
//   r.total;     // 0..14
//   r.pipeline;  // "grant", with the rule that decided it
//
// Errors are values: a bad assessment fails with InvalidArgument naming the field and what is
// allowed (`scores.plan: 3 is not a score (use 0, 1 or 2)`); nothing here throws. Thread safety:
// a loaded framework is immutable and may be shared between threads; the functions are pure.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/finance/mechanisms.h"
#include "ecosol/rules/rule.h"

namespace ecosol::finance {

// A dimension or a governance block: scored 0, 1 or 2.
struct ReadinessDimension {
  std::string id;  // "proposition"
  SourceRef source;
  Text label;
  std::vector<Text> levels;  // what a score of 0, 1 and 2 means (three entries)
};

// A readiness stage or a pipeline step: the first whose rule holds applies.
struct ReadinessStep {
  std::string id;  // "investment_ready", "grant"
  rules::Rule rule;
  SourceRef source;
  Text label;
  Text meaning;  // the rule in words
};

struct ReadinessFramework {
  std::string id;
  std::string version;
  Text title;
  std::vector<Source> sources;
  std::vector<ReadinessDimension> dimensions;  // the seven ClearlySo dimensions, summed
  std::vector<ReadinessDimension> governance;  // mission_lock, asset_lock: not summed
  std::vector<ReadinessStep> stages;           // highest first; the last always holds
  std::vector<ReadinessStep> pipeline;         // furthest first; the last always holds

  // The highest possible total (2 per dimension).
  int MaxTotal() const { return 2 * static_cast<int>(dimensions.size()); }
  const ReadinessStep* FindStage(std::string_view stage_id) const;
  const ReadinessStep* FindPipelineStep(std::string_view step_id) const;
  // The position of a stage from the lowest (0) up, or -1 when unknown.
  int StageRank(std::string_view stage_id) const;
  int PipelineRank(std::string_view step_id) const;
};

Result<std::shared_ptr<const ReadinessFramework>> ParseReadinessFramework(const nlohmann::json& doc,
                                                                          const std::string& where);
Result<std::shared_ptr<const ReadinessFramework>> LoadReadinessFramework(const std::string& path);

// A dated assessment of one organisation.
struct Assessment {
  std::string organisation;               // the actor id
  std::string date;                       // YYYY-MM-DD
  std::string assessor;                   // may be empty
  std::map<std::string, int> scores;      // every dimension id -> 0..2
  std::map<std::string, int> governance;  // every governance block id -> 0..2
};

// Reads {"organisation", "date", "assessor"?, "scores": {dimension: 0|1|2},
// "governance": {block: 0|1|2}}. Every dimension and block must be scored, with a whole number
// 0, 1 or 2; an unknown dimension or block is an error that lists the known ones; the date must
// be a real calendar date written YYYY-MM-DD.
Result<Assessment> ParseAssessment(const ReadinessFramework& framework, const nlohmann::json& in);

struct ReadinessResult {
  Assessment assessment;
  int total = 0;                            // the sum of the dimension scores
  int max_total = 0;                        // 2 per dimension
  int min_score = 0;                        // the lowest dimension score
  const ReadinessStep* stage = nullptr;     // never null after ScoreAssessment
  const ReadinessStep* pipeline = nullptr;  // never null after ScoreAssessment
  std::vector<std::string> weakest;         // the dimensions at min_score, in framework order
};

// Totals, stage and pipeline step of a valid assessment (from ParseAssessment).
ReadinessResult ScoreAssessment(const ReadinessFramework& framework, const Assessment& assessment);

// The facts the stage and pipeline rules read: {total, min_score, stage, scores, governance}.
nlohmann::json ReadinessFacts(const ReadinessResult& result);

// The latest of an organisation's assessments (by date; on the same date, the later in the
// list), or nullopt when `assessments` is empty.
std::optional<ReadinessResult> Latest(const std::vector<ReadinessResult>& assessments);

// How an organisation moved between two assessments: per dimension and block, the score before,
// after and the change; the change of total; the stage and pipeline step before and after.
// Fails when the assessments are of different organisations or `before` is dated after `after`.
Result<nlohmann::json> CompareAssessments(const ReadinessFramework& framework,
                                          const ReadinessResult& before,
                                          const ReadinessResult& after, const std::string& lang);

// {"organisation", "date", "assessor", "scores": [{dimension, label, score, meaning}],
//  "governance": [...], "total", "max_total", "min_score", "weakest", "stage": {id, label,
//  rule, source}, "pipeline": {id, label, rule, meaning, source}} with texts in `lang`.
nlohmann::json ReadinessToJson(const ReadinessFramework& framework, const ReadinessResult& result,
                               const std::string& lang);

}  // namespace ecosol::finance
