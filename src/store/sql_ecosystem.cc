// Perception assessments of territories (migration 11), implemented once for both SQL backends.
// The scores are one JSON column: they are always read and written whole, with the assessment.

#include <nlohmann/json.hpp>

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

using nlohmann::json;

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

constexpr char kColumns[] =
    "SELECT id, territory, rater, rater_role, date, framework, scores, deleted "
    "FROM perception_assessments";

std::string ScoresToJson(const std::map<std::string, std::optional<double>>& scores) {
  json out = json::object();
  for (const auto& [statement, score] : scores) {
    out[statement] = score ? json(*score) : json();
  }
  return out.dump();
}

Result<std::map<std::string, std::optional<double>>> ScoresFromJson(const std::string& text,
                                                                    const std::string& id) {
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) {
    return Internal("perception assessment '" + id + "': stored scores are not a JSON object");
  }
  std::map<std::string, std::optional<double>> out;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (it->is_number()) {
      out[it.key()] = it->get<double>();
    } else {
      out[it.key()] = std::nullopt;
    }
  }
  return out;
}

Result<PerceptionAssessment> FromRow(const SqlRow& r) {
  PerceptionAssessment a;
  a.id = Text(r, 0);
  a.territory = Text(r, 1);
  a.rater = Text(r, 2);
  a.rater_role = Text(r, 3);
  a.date = Text(r, 4);
  a.framework = Text(r, 5);
  auto scores = ScoresFromJson(Text(r, 6), a.id);
  if (!scores.ok()) return scores.status();
  a.scores = std::move(*scores);
  a.deleted = Text(r, 7) == "1";
  return a;
}

}  // namespace

Status SqlStore::PutPerceptionAssessment(const PerceptionAssessment& a) {
  if (a.id.empty() || a.territory.empty()) {
    return InvalidArgument("a perception assessment needs an id and a territory");
  }
  return conn().Exec(
      "INSERT INTO perception_assessments (id, territory, rater, rater_role, date, framework, "
      "scores, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
      "territory = excluded.territory, rater = excluded.rater, rater_role = excluded.rater_role, "
      "date = excluded.date, framework = excluded.framework, scores = excluded.scores, "
      "deleted = excluded.deleted",
      {a.id, a.territory, a.rater, a.rater_role, a.date, a.framework, ScoresToJson(a.scores),
       static_cast<long long>(a.deleted ? 1 : 0)});
}

Result<std::optional<PerceptionAssessment>> SqlStore::GetPerceptionAssessment(
    const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(std::string(kColumns) + " WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<PerceptionAssessment>();
  auto a = FromRow(rows[0]);
  if (!a.ok()) return a.status();
  return std::optional<PerceptionAssessment>(std::move(*a));
}

Result<std::vector<PerceptionAssessment>> SqlStore::PerceptionAssessments(
    const std::string& territory, bool with_deleted) {
  std::string sql = std::string(kColumns) + " WHERE territory = ?";
  if (!with_deleted) sql += " AND deleted = 0";
  sql += " ORDER BY date, id";
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, {territory}, &rows));
  std::vector<PerceptionAssessment> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    auto a = FromRow(r);
    if (!a.ok()) return a.status();
    out.push_back(std::move(*a));
  }
  return out;
}

Status SqlStore::SetPerceptionAssessmentDeleted(const std::string& id, bool deleted) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT id FROM perception_assessments WHERE id = ?", {id}, &rows));
  if (rows.empty()) return NotFound("no perception assessment '" + id + "'");
  return conn().Exec("UPDATE perception_assessments SET deleted = ? WHERE id = ?",
                     {static_cast<long long>(deleted ? 1 : 0), id});
}

}  // namespace ecosol::store
