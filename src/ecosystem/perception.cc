// Perception of the building blocks, after the Better Entrepreneurship Policy Tool: raters score
// good-practice statements 0-10; "no answer" is not a score and is left out of the mean. The
// spread of the answers says whether raters agree (see docs/ecosystem-blocks.md).

#include <cmath>

#include "ecosol/ecosystem/blocks.h"

namespace ecosol::ecosystem {
namespace {

// The largest standard deviation a set of 0-10 scores can have: half at 0, half at 10.
constexpr double kLargestSd = 5.0;

std::string Where(const store::PerceptionAssessment& a) {
  return "perception assessment '" + a.id + "' (rater '" + a.rater + "', territory '" +
         a.territory + "')";
}

StatementPerception Summarise(const std::string& statement, const std::string& block,
                              const std::vector<double>& answers, long long no_answer) {
  StatementPerception p;
  p.statement = statement;
  p.block = block;
  p.answered = static_cast<long long>(answers.size());
  p.no_answer = no_answer;
  if (answers.empty()) return p;
  double sum = 0;
  for (double v : answers) sum += v;
  double mean = sum / static_cast<double>(answers.size());
  double squares = 0;
  for (double v : answers) squares += (v - mean) * (v - mean);
  double sd = std::sqrt(squares / static_cast<double>(answers.size()));
  p.mean = mean;
  p.sd = sd;
  if (answers.size() >= 2) p.consensus = std::max(0.0, 1.0 - sd / kLargestSd);
  return p;
}

}  // namespace

Status CheckAssessment(const BlocksFramework& f, const store::PerceptionAssessment& a) {
  if (!a.framework.empty() && a.framework != f.id) {
    return InvalidArgument(Where(a) + ": rates framework '" + a.framework + "', not '" + f.id +
                           "' (compare assessments of the same framework)");
  }
  for (const auto& [statement, score] : a.scores) {
    if (!f.BlockOfStatement(statement)) {
      return InvalidArgument(Where(a) + ": unknown statement '" + statement + "' (statements of " +
                             f.id + " are listed under each block, e.g. '" +
                             f.blocks.front().statements.front().id + "')");
    }
    if (score && (!std::isfinite(*score) || *score < 0 || *score > 10)) {
      return InvalidArgument(Where(a) + ": statement '" + statement + "' scored " +
                             std::to_string(*score) +
                             "; scores run from 0 to 10 (give null for no answer)");
    }
  }
  return Status::Ok();
}

Result<std::vector<StatementPerception>> PerceptionOf(
    const BlocksFramework& f, const std::vector<store::PerceptionAssessment>& ratings) {
  for (const store::PerceptionAssessment& a : ratings) {
    if (!a.deleted) ECOSOL_RETURN_IF_ERROR(CheckAssessment(f, a));
  }
  std::vector<StatementPerception> out;
  for (const Block& block : f.blocks) {
    for (const Statement& statement : block.statements) {
      std::vector<double> answers;
      long long no_answer = 0;
      for (const store::PerceptionAssessment& a : ratings) {
        if (a.deleted) continue;
        auto it = a.scores.find(statement.id);
        if (it == a.scores.end()) continue;  // not asked: neither an answer nor "no answer"
        if (it->second) {
          answers.push_back(*it->second);
        } else {
          ++no_answer;
        }
      }
      out.push_back(Summarise(statement.id, block.id, answers, no_answer));
    }
  }
  return out;
}

}  // namespace ecosol::ecosystem
