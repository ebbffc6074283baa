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

constexpr char kJobFields[] =
    "id, kind, state, params, done, total, created_at, updated_at, who, error, result, attempts, "
    "max_attempts, worker, lease_until, checkpoint";
const std::string kJobColumns = std::string("SELECT ") + kJobFields + " FROM jobs";

JobRecord JobFromRow(const SqlRow& r) {
  return {Text(r, 0), Text(r, 1),  Text(r, 2), Text(r, 3), Int(r, 4),   Int(r, 5),
          Text(r, 6), Text(r, 7),  Text(r, 8), Text(r, 9), Text(r, 10), Int(r, 11),
          Int(r, 12), Text(r, 13), Int(r, 14), Text(r, 15)};
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
      "error, result, attempts, max_attempts, worker, lease_until, checkpoint) VALUES (?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET state = excluded.state, done = excluded.done, "
      "total = excluded.total, updated_at = excluded.updated_at, error = excluded.error, "
      "result = excluded.result, attempts = excluded.attempts, "
      "max_attempts = excluded.max_attempts, worker = excluded.worker, "
      "lease_until = excluded.lease_until, checkpoint = excluded.checkpoint",
      {j.id, j.kind, j.state, j.params, j.done, j.total, j.created_at, j.updated_at, j.who, j.error,
       j.result, j.attempts, j.max_attempts, j.worker, j.lease_until, j.checkpoint});
}

Status SqlStore::PutJobInput(const std::string& job_id, const std::string& name,
                             std::string_view content) {
  return conn().Exec(
      "INSERT INTO job_inputs (job_id, name, content) VALUES (?, ?, ?) ON CONFLICT (job_id) DO "
      "UPDATE SET name = excluded.name, content = excluded.content",
      {job_id, name, Base64UrlEncode(content)});
}

Result<std::optional<JobInput>> SqlStore::GetJobInput(const std::string& job_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT name, content FROM job_inputs WHERE job_id = ?", {job_id}, &rows));
  if (rows.empty()) return std::optional<JobInput>();
  JobInput input;
  input.name = Text(rows[0], 0);
  if (!Base64UrlDecode(Text(rows[0], 1), &input.content)) {
    return Internal("job_inputs: the input of " + job_id + " is damaged");
  }
  return std::optional<JobInput>(std::move(input));
}

Status SqlStore::DeleteJobInput(const std::string& job_id) {
  return conn().Exec("DELETE FROM job_inputs WHERE job_id = ?", {job_id});
}

Status SqlStore::PutJobOutput(const std::string& job_id, const JobOutput& output) {
  return conn().Exec(
      "INSERT INTO job_outputs (job_id, name, content_type, content) VALUES (?, ?, ?, ?) ON "
      "CONFLICT (job_id) DO UPDATE SET name = excluded.name, content_type = "
      "excluded.content_type, content = excluded.content",
      {job_id, output.name, output.content_type, Base64UrlEncode(output.content)});
}

Result<std::optional<JobOutput>> SqlStore::GetJobOutput(const std::string& job_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT name, content_type, content FROM job_outputs WHERE job_id = ?", {job_id}, &rows));
  if (rows.empty()) return std::optional<JobOutput>();
  JobOutput output;
  output.name = Text(rows[0], 0);
  output.content_type = Text(rows[0], 1);
  if (!Base64UrlDecode(Text(rows[0], 2), &output.content)) {
    return Internal("job_outputs: the output of " + job_id + " is damaged");
  }
  return std::optional<JobOutput>(std::move(output));
}

Result<std::optional<JobRecord>> SqlStore::GetJob(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(kJobColumns + " WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<JobRecord>();
  return std::optional<JobRecord>(JobFromRow(rows[0]));
}

Result<std::optional<JobRecord>> SqlStore::ClaimJob(const std::string& worker,
                                                    const std::vector<std::string>& kinds,
                                                    long long lease_ms, const std::string& now) {
  if (kinds.empty()) return std::optional<JobRecord>();
  const std::string now_ms(NowMillisSql());
  // Jobs whose workers died max_attempts times are not claimed again: some of them may be what
  // kills the workers.
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "UPDATE jobs SET state = 'failed', updated_at = ?, worker = '', lease_until = 0, error = "
      "'its workers stopped ' || attempts || ' times without finishing it (see their logs); "
      "start it again' WHERE state = 'running' AND lease_until < " +
          now_ms + " AND attempts >= max_attempts",
      {now}));
  std::string in;
  std::vector<SqlValue> params = {worker, lease_ms, now};
  for (const std::string& kind : kinds) {
    in += in.empty() ? "?" : ", ?";
    params.push_back(kind);
  }
  // One statement: the row is chosen and taken at once, so that two workers never both take it.
  std::string sql =
      "UPDATE jobs SET state = 'running', worker = ?, attempts = attempts + 1, "
      "lease_until = " +
      now_ms + " + ?, updated_at = ? WHERE id = (SELECT id FROM jobs WHERE kind IN (" + in +
      ") AND (state = 'queued' OR (state = 'running' AND lease_until < " + now_ms +
      ")) ORDER BY created_at, id LIMIT 1" + std::string(SkipLockedSql()) + ") RETURNING " +
      kJobFields;
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  if (rows.empty()) return std::optional<JobRecord>();
  return std::optional<JobRecord>(JobFromRow(rows[0]));
}

namespace {

Status LostJob(const JobRecord& job) {
  return Status(StatusCode::kConflict,
                "job '" + job.id + "': no longer held by worker '" + job.worker + "' (attempt " +
                    std::to_string(job.attempts) + "); another worker took it over");
}

}  // namespace

Status SqlStore::UpdateClaimedJob(const JobRecord& j, long long lease_ms) {
  const bool running = j.state == "running";
  const bool handed_back = j.state == "queued";
  std::string sql =
      "UPDATE jobs SET state = ?, done = ?, total = ?, updated_at = ?, error = ?, result = ?, "
      "checkpoint = ?, lease_until = " +
      (running ? std::string(NowMillisSql()) + " + ?" : std::string("0 + ?")) +
      (handed_back ? ", worker = '', attempts = attempts - 1" : "") +
      " WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running' RETURNING id";
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec(sql,
                  {j.state, j.done, j.total, j.updated_at, j.error, j.result, j.checkpoint,
                   running ? lease_ms : 0LL, j.id, j.worker, j.attempts},
                  &rows));
  return rows.empty() ? LostJob(j) : Status::Ok();
}

Status SqlStore::RenewJobLease(const JobRecord& j, long long lease_ms) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "UPDATE jobs SET lease_until = " + std::string(NowMillisSql()) +
          " + ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running' RETURNING id",
      {lease_ms, j.id, j.worker, j.attempts}, &rows));
  return rows.empty() ? LostJob(j) : Status::Ok();
}

Result<std::vector<std::pair<std::string, long long>>> SqlStore::JobCounts() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT state, COUNT(*) FROM jobs GROUP BY state ORDER BY state", {}, &rows));
  std::vector<std::pair<std::string, long long>> out;
  for (const SqlRow& r : rows) out.emplace_back(Text(r, 0), Int(r, 1));
  return out;
}

Result<std::vector<JobRecord>> SqlStore::ListJobs(const std::string& who, const std::string& state,
                                                  int limit) {
  std::string sql = kJobColumns + " WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (!who.empty()) {
    sql += " AND who = ?";
    params.push_back(who);
  }
  if (!state.empty()) {
    sql += " AND state = ?";
    params.push_back(state);
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  params.push_back(static_cast<long long>(limit));
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql, params, &rows));
  std::vector<JobRecord> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(JobFromRow(r));
  return out;
}

}  // namespace ecosol::store
