// Readiness assessments: validation, scoring, comparison over time (readiness.h).

#include <chrono>
#include <cstdio>

#include "catalogue_util.h"
#include "ecosol/base/dates.h"
#include "ecosol/finance/readiness.h"

namespace ecosol::finance {
namespace {

using catalogue_internal::Join;
using nlohmann::json;

std::vector<std::string> IdsOf(const std::vector<ReadinessDimension>& dims) {
  std::vector<std::string> ids;
  for (const ReadinessDimension& d : dims) ids.push_back(d.id);
  return ids;
}

// in[key]: every dimension of `dims` scored 0, 1 or 2, and nothing else.
Status ParseScores(const json& in, const std::string& key,
                   const std::vector<ReadinessDimension>& dims, std::map<std::string, int>* out) {
  auto it = in.find(key);
  if (it == in.end() || !it->is_object()) {
    return InvalidArgument(key + ": needs an object scoring each of " + Join(IdsOf(dims)));
  }
  for (auto entry = it->begin(); entry != it->end(); ++entry) {
    bool known = false;
    for (const ReadinessDimension& d : dims) known |= d.id == entry.key();
    if (!known) {
      return InvalidArgument(key + "." + entry.key() + ": unknown " +
                             (key == "scores" ? "dimension" : "governance block") +
                             " (known: " + Join(IdsOf(dims)) + ")");
    }
    const json& v = entry.value();
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 2) {
      return InvalidArgument(key + "." + entry.key() + ": " + v.dump() +
                             " is not a score (use 0, 1 or 2)");
    }
    (*out)[entry.key()] = v.get<int>();
  }
  for (const ReadinessDimension& d : dims) {
    if (!out->count(d.id)) {
      return InvalidArgument(key + "." + d.id + ": not scored (give 0, 1 or 2)");
    }
  }
  return Status::Ok();
}

const ReadinessStep* FirstHolding(const std::vector<ReadinessStep>& steps, const json& facts) {
  for (const ReadinessStep& s : steps) {
    if (s.rule.Evaluate(facts).kind == rules::Outcome::Kind::kTrue) return &s;
  }
  return &steps.back();  // the loader checked that its rule is `true`
}

json StepToJson(const ReadinessStep& s, const std::string& lang) {
  return {{"id", s.id},
          {"label", InLanguage(s.label, lang)},
          {"meaning", InLanguage(s.meaning, lang)},
          {"rule", s.rule.Source()},
          {"source", s.source.ref}};
}

json ScoresToJson(const std::vector<ReadinessDimension>& dims,
                  const std::map<std::string, int>& scores, const std::string& lang) {
  json out = json::array();
  for (const ReadinessDimension& d : dims) {
    const int score = scores.at(d.id);
    out.push_back({{"dimension", d.id},
                   {"label", InLanguage(d.label, lang)},
                   {"score", score},
                   {"meaning", InLanguage(d.levels[static_cast<size_t>(score)], lang)}});
  }
  return out;
}

json ChangesToJson(const std::vector<ReadinessDimension>& dims,
                   const std::map<std::string, int>& before,
                   const std::map<std::string, int>& after) {
  json out = json::array();
  for (const ReadinessDimension& d : dims) {
    out.push_back({{"dimension", d.id},
                   {"before", before.at(d.id)},
                   {"after", after.at(d.id)},
                   {"change", after.at(d.id) - before.at(d.id)}});
  }
  return out;
}

}  // namespace

Result<Assessment> ParseAssessment(const ReadinessFramework& framework, const json& in) {
  if (!in.is_object()) return InvalidArgument("assessment: expected an object");
  Assessment a;
  auto org = in.find("organisation");
  if (org == in.end() || !org->is_string() || org->get<std::string>().empty()) {
    return InvalidArgument("organisation: needs the id of the assessed organisation");
  }
  a.organisation = org->get<std::string>();
  auto date = in.find("date");
  if (date == in.end() || !date->is_string() || !IsIsoDay(date->get<std::string>())) {
    return InvalidArgument("date: " + (date == in.end() ? std::string("missing") : date->dump()) +
                           " is not a date (write YYYY-MM-DD, e.g. 2026-03-01)");
  }
  a.date = date->get<std::string>();
  auto assessor = in.find("assessor");
  if (assessor != in.end() && !assessor->is_string()) {
    return InvalidArgument("assessor: must be a string");
  }
  if (assessor != in.end()) a.assessor = assessor->get<std::string>();
  ECOSOL_RETURN_IF_ERROR(ParseScores(in, "scores", framework.dimensions, &a.scores));
  ECOSOL_RETURN_IF_ERROR(ParseScores(in, "governance", framework.governance, &a.governance));
  return a;
}

ReadinessResult ScoreAssessment(const ReadinessFramework& framework, const Assessment& assessment) {
  ReadinessResult r;
  r.assessment = assessment;
  r.max_total = framework.MaxTotal();
  r.min_score = 2;
  for (const ReadinessDimension& d : framework.dimensions) {
    const int score = assessment.scores.at(d.id);
    r.total += score;
    r.min_score = std::min(r.min_score, score);
  }
  for (const ReadinessDimension& d : framework.dimensions) {
    if (assessment.scores.at(d.id) == r.min_score) r.weakest.push_back(d.id);
  }
  json facts = ReadinessFacts(r);
  r.stage = FirstHolding(framework.stages, facts);
  facts["stage"] = r.stage->id;
  r.pipeline = FirstHolding(framework.pipeline, facts);
  return r;
}

json ReadinessFacts(const ReadinessResult& result) {
  json facts = {{"total", result.total},
                {"min_score", result.min_score},
                {"scores", result.assessment.scores},
                {"governance", result.assessment.governance}};
  if (result.stage != nullptr) facts["stage"] = result.stage->id;
  return facts;
}

std::optional<ReadinessResult> Latest(const std::vector<ReadinessResult>& assessments) {
  const ReadinessResult* latest = nullptr;
  for (const ReadinessResult& r : assessments) {
    // ISO dates compare as strings.
    if (latest == nullptr || r.assessment.date >= latest->assessment.date) latest = &r;
  }
  if (latest == nullptr) return std::nullopt;
  return *latest;
}

Result<json> CompareAssessments(const ReadinessFramework& framework, const ReadinessResult& before,
                                const ReadinessResult& after, const std::string& lang) {
  if (before.assessment.organisation != after.assessment.organisation) {
    return InvalidArgument("assessments: of different organisations ('" +
                           before.assessment.organisation + "' and '" +
                           after.assessment.organisation + "'); compare one organisation's");
  }
  if (before.assessment.date > after.assessment.date) {
    return InvalidArgument("assessments: 'before' (" + before.assessment.date +
                           ") is dated after 'after' (" + after.assessment.date + "); swap them");
  }
  return json{
      {"organisation", after.assessment.organisation},
      {"from", before.assessment.date},
      {"to", after.assessment.date},
      {"scores",
       ChangesToJson(framework.dimensions, before.assessment.scores, after.assessment.scores)},
      {"governance", ChangesToJson(framework.governance, before.assessment.governance,
                                   after.assessment.governance)},
      {"total",
       {{"before", before.total}, {"after", after.total}, {"change", after.total - before.total}}},
      {"stage",
       {{"before", before.stage->id},
        {"after", after.stage->id},
        {"label", InLanguage(after.stage->label, lang)}}},
      {"pipeline",
       {{"before", before.pipeline->id},
        {"after", after.pipeline->id},
        {"label", InLanguage(after.pipeline->label, lang)}}}};
}

json ReadinessToJson(const ReadinessFramework& framework, const ReadinessResult& result,
                     const std::string& lang) {
  const Assessment& a = result.assessment;
  return {{"organisation", a.organisation},
          {"date", a.date},
          {"assessor", a.assessor},
          {"scores", ScoresToJson(framework.dimensions, a.scores, lang)},
          {"governance", ScoresToJson(framework.governance, a.governance, lang)},
          {"total", result.total},
          {"max_total", result.max_total},
          {"min_score", result.min_score},
          {"weakest", result.weakest},
          {"stage", StepToJson(*result.stage, lang)},
          {"pipeline", StepToJson(*result.pipeline, lang)}};
}

}  // namespace ecosol::finance
