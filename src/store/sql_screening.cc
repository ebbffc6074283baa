// Screening profiles, assessments, latest verdicts and jobs (migration 9), implemented once for
// both SQL backends. The rules (frameworks, aggregation) live in screening/.

#include <map>

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

long long Int(const SqlRow& row, size_t i) {
  long long v = 0;
  ParseInt64(Text(row, i), &v);
  return v;
}

constexpr char kProfileColumns[] =
    "SELECT actor_id, version, created_at, who, doc, statutes_name, statutes_text "
    "FROM actor_profiles";

ProfileRecord ProfileFromRow(const SqlRow& r) {
  return {Text(r, 0), Int(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6)};
}

constexpr char kAssessmentColumns[] =
    "SELECT id, actor_id, framework, framework_version, n, verdict, created_at, who, "
    "profile_version, result FROM assessments";

AssessmentRecord AssessmentFromRow(const SqlRow& r) {
  return {Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Int(r, 4),
          Text(r, 5), Text(r, 6), Text(r, 7), Int(r, 8),  Text(r, 9)};
}

constexpr char kJobColumns[] =
    "SELECT id, kind, state, params, done, total, created_at, updated_at, who, error, result "
    "FROM jobs";

JobRecord JobFromRow(const SqlRow& r) {
  return {Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Int(r, 4),  Int(r, 5),
          Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10)};
}

}  // namespace

Status SqlStore::PutProfile(ProfileRecord* p) {
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT COALESCE(MAX(version), 0) FROM actor_profiles WHERE actor_id = ?",
                    {p->actor_id}, &rows));
    p->version = Int(rows.at(0), 0) + 1;
    return conn().Exec(
        "INSERT INTO actor_profiles (actor_id, version, created_at, who, doc, statutes_name, "
        "statutes_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {p->actor_id, p->version, p->created_at, p->who, p->doc, p->statutes_name,
         p->statutes_text});
  });
}

Result<std::optional<ProfileRecord>> SqlStore::GetProfile(const std::string& actor_id,
                                                          long long version) {
  SqlRows rows;
  if (version > 0) {
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec(std::string(kProfileColumns) + " WHERE actor_id = ? AND version = ?",
                    {actor_id, version}, &rows));
  } else {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        std::string(kProfileColumns) + " WHERE actor_id = ? ORDER BY version DESC LIMIT 1",
        {actor_id}, &rows));
  }
  if (rows.empty()) return std::optional<ProfileRecord>();
  return std::optional<ProfileRecord>(ProfileFromRow(rows[0]));
}

Result<std::vector<std::string>> SqlStore::ProfiledActors(const std::string& after_id, int limit) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT DISTINCT actor_id FROM actor_profiles WHERE actor_id > ? ORDER BY actor_id LIMIT ?",
      {after_id, static_cast<long long>(limit)}, &rows));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(Text(r, 0));
  return out;
}

Result<std::vector<ProfileRecord>> SqlStore::LatestProfiles(const std::vector<std::string>& ids) {
  std::vector<ProfileRecord> out;
  constexpr size_t kChunk = 500;  // well under both backends' parameter limits
  for (size_t i = 0; i < ids.size(); i += kChunk) {
    std::string in;
    std::vector<SqlValue> params;
    for (size_t j = i; j < std::min(ids.size(), i + kChunk); ++j) {
      in += in.empty() ? "?" : ", ?";
      params.emplace_back(ids[j]);
    }
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        std::string(kProfileColumns) + " p WHERE actor_id IN (" + in +
            ") AND version = (SELECT MAX(version) FROM actor_profiles q WHERE q.actor_id = "
            "p.actor_id)",
        params, &rows));
    for (const SqlRow& r : rows) out.push_back(ProfileFromRow(r));
  }
  return out;
}

Status SqlStore::AddAssessments(const std::vector<AssessmentRecord>& records) {
  // A batch (ScreeningService::ScreenAll: thousands of actors in id order) is written with one
  // lookup of the last numbers per chunk of actors and multi-row inserts, instead of three
  // statements per record.
  constexpr size_t kChunk = 50;  // 10 parameters a row: well under both backends' limits
  return InTransaction([&]() -> Status {
    for (size_t i = 0; i < records.size(); i += kChunk) {
      const size_t end = std::min(records.size(), i + kChunk);
      std::string in;
      std::vector<SqlValue> params;
      for (size_t j = i; j < end; ++j) {
        in += in.empty() ? "?" : ", ?";
        params.emplace_back(records[j].actor_id);
      }
      SqlRows rows;  // every framework of these actors: a few rows each
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("SELECT actor_id, framework, MAX(n) FROM assessments WHERE actor_id IN (" +
                          in + ") GROUP BY actor_id, framework",
                      params, &rows));
      std::map<std::pair<std::string, std::string>, long long> last;
      for (const SqlRow& r : rows) last[{Text(r, 0), Text(r, 1)}] = Int(r, 2);
      std::string values, verdict_values;
      std::vector<SqlValue> row_params, verdict_params;
      std::map<std::pair<std::string, std::string>, std::string> verdicts;
      for (size_t j = i; j < end; ++j) {
        const AssessmentRecord& a = records[j];
        long long n = ++last[{a.actor_id, a.framework}];
        values +=
            values.empty() ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        row_params.insert(row_params.end(),
                          {a.id, a.actor_id, a.framework, a.framework_version, n, a.verdict,
                           a.created_at, a.who, a.profile_version, a.result});
        verdicts[{a.actor_id, a.framework}] = a.verdict;
      }
      // One row per key: an actor screened twice in one batch keeps its last verdict
      // (PostgreSQL refuses a statement that updates a row twice).
      for (const auto& [key, verdict] : verdicts) {
        verdict_values += verdict_values.empty() ? "(?, ?, ?)" : ", (?, ?, ?)";
        verdict_params.insert(verdict_params.end(), {key.first, key.second, verdict});
      }
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO assessments (id, actor_id, framework, framework_version, n, verdict, "
          "created_at, who, profile_version, result) VALUES " +
              values,
          row_params, nullptr));
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO latest_verdicts (actor_id, framework, verdict) VALUES " + verdict_values +
              " ON CONFLICT (actor_id, framework) DO UPDATE SET verdict = excluded.verdict",
          verdict_params, nullptr));
    }
    return Status::Ok();
  });
}

Status SqlStore::AddAssessment(AssessmentRecord* a) {
  return InTransaction([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT COALESCE(MAX(n), 0) FROM assessments WHERE actor_id = ? AND "
                    "framework = ?",
                    {a->actor_id, a->framework}, &rows));
    a->n = Int(rows.at(0), 0) + 1;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO assessments (id, actor_id, framework, framework_version, n, verdict, "
        "created_at, who, profile_version, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {a->id, a->actor_id, a->framework, a->framework_version, a->n, a->verdict, a->created_at,
         a->who, a->profile_version, a->result}));
    return conn().Exec(
        "INSERT INTO latest_verdicts (actor_id, framework, verdict) VALUES (?, ?, ?) "
        "ON CONFLICT (actor_id, framework) DO UPDATE SET verdict = excluded.verdict",
        {a->actor_id, a->framework, a->verdict});
  });
}

Result<std::vector<AssessmentRecord>> SqlStore::Assessments(const std::string& actor_id,
                                                            const std::string& framework) {
  SqlRows rows;
  std::string sql = std::string(kAssessmentColumns) + " WHERE actor_id = ?";
  std::vector<SqlValue> params = {actor_id};
  if (!framework.empty()) {
    sql += " AND framework = ?";
    params.emplace_back(framework);
  }
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql + " ORDER BY framework, n", params, &rows));
  std::vector<AssessmentRecord> out;
  for (const SqlRow& r : rows) out.push_back(AssessmentFromRow(r));
  return out;
}

Result<std::vector<std::pair<std::string, long long>>> SqlStore::VerdictCounts(
    const std::string& framework) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT verdict, COUNT(*) FROM latest_verdicts WHERE framework = ? GROUP BY verdict "
      "ORDER BY verdict",
      {framework}, &rows));
  std::vector<std::pair<std::string, long long>> out;
  for (const SqlRow& r : rows) out.emplace_back(Text(r, 0), Int(r, 1));
  return out;
}

Status SqlStore::PutJob(const JobRecord& j) {
  return conn().Exec(
      "INSERT INTO jobs (id, kind, state, params, done, total, created_at, updated_at, who, "
      "error, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET state = excluded.state, done = excluded.done, "
      "total = excluded.total, updated_at = excluded.updated_at, error = excluded.error, "
      "result = excluded.result",
      {j.id, j.kind, j.state, j.params, j.done, j.total, j.created_at, j.updated_at, j.who, j.error,
       j.result});
}

Result<std::optional<JobRecord>> SqlStore::GetJob(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(std::string(kJobColumns) + " WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<JobRecord>();
  return std::optional<JobRecord>(JobFromRow(rows[0]));
}

}  // namespace ecosol::store
