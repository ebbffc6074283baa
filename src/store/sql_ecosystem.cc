// Perception assessments of territories (migration 11) and offers and wants of actors (migration
// 12), implemented once for both SQL backends. The scores of an assessment and the document of an
// offer or want are JSON columns: they are always read and written whole.

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

using nlohmann::json;

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

long long Int(const SqlRow& row, size_t i) {
  return std::strtoll(Text(row, i).c_str(), nullptr, 10);
}

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

constexpr char kOfferWantColumns[] =
    "id, actor_id, exchange_type, doc, version, deleted, updated_at, updated_by";

OfferWantRecord OfferWantFromRow(const SqlRow& r) {
  OfferWantRecord o;
  o.id = Text(r, 0);
  o.actor_id = Text(r, 1);
  o.exchange_type = Text(r, 2);
  o.doc = Text(r, 3);
  o.version = Int(r, 4);
  o.deleted = Text(r, 5) == "1";
  o.updated_at = Text(r, 6);
  o.updated_by = Text(r, 7);
  return o;
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

Result<long long> SqlStore::PutOfferWant(const OfferWantRecord& o) {
  if (o.id.empty() || o.actor_id.empty()) {
    return InvalidArgument("an offer or want needs an id and an actor id");
  }
  if (o.exchange_type != "offer" && o.exchange_type != "want") {
    return InvalidArgument("offer or want '" + o.id + "': exchange type '" + o.exchange_type +
                           "' is neither \"offer\" nor \"want\"");
  }
  if (!json::parse(o.doc, nullptr, false).is_object()) {
    return InvalidArgument("offer or want '" + o.id + "': the document is not a JSON object");
  }
  long long version = 0;
  Status st = InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT version FROM offers_wants WHERE id = ?", {o.id}, &rows));
    version = rows.empty() ? 1 : Int(rows[0], 0) + 1;
    const long long deleted = o.deleted ? 1 : 0;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO offer_want_versions (id, version, actor_id, exchange_type, doc, deleted, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {o.id, version, o.actor_id, o.exchange_type, o.doc, deleted, o.updated_at, o.updated_by}));
    return conn().Exec(
        "INSERT INTO offers_wants (id, actor_id, exchange_type, doc, version, deleted, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "actor_id = excluded.actor_id, exchange_type = excluded.exchange_type, doc = excluded.doc, "
        "version = excluded.version, deleted = excluded.deleted, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by",
        {o.id, o.actor_id, o.exchange_type, o.doc, version, deleted, o.updated_at, o.updated_by});
  });
  if (!st.ok()) return st;
  return version;
}

Result<std::optional<OfferWantRecord>> SqlStore::GetOfferWant(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string("SELECT ") + kOfferWantColumns + " FROM offers_wants WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<OfferWantRecord>();
  return std::optional<OfferWantRecord>(OfferWantFromRow(rows[0]));
}

Result<std::vector<OfferWantRecord>> SqlStore::OffersWants(const std::string& actor_id,
                                                           bool with_deleted) {
  std::string sql = std::string("SELECT ") + kOfferWantColumns + " FROM offers_wants";
  std::vector<SqlValue> params;
  std::vector<std::string> where;
  if (!actor_id.empty()) {
    where.push_back("actor_id = ?");
    params.push_back(actor_id);
  }
  if (!with_deleted) where.push_back("deleted = 0");
  for (size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
  sql += " ORDER BY actor_id, id";
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  std::vector<OfferWantRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(OfferWantFromRow(r));
  return out;
}

Result<std::vector<OfferWantRecord>> SqlStore::OfferWantHistory(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(std::string("SELECT ") + kOfferWantColumns +
                                         " FROM offer_want_versions WHERE id = ? ORDER BY version",
                                     {id}, &rows));
  std::vector<OfferWantRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(OfferWantFromRow(r));
  return out;
}

}  // namespace ecosol::store
