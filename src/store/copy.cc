#include "ecosol/store/copy.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "db_names.h"
#include "ecosol/store/backup.h"
#include "ecosol/store/store.h"
#include "sql_store.h"
#include "sqlite_store.h"

namespace ecosol::store {
namespace {

// Rows between two progress reports, and bytes sent to COPY at once.
constexpr long long kProgressEvery = 5000;
constexpr size_t kCopyChunkBytes = 1 << 20;

// What `ecosol init` (Store::Migrate and the vocabularies) puts in a new database: the schema
// version, the one-row states of the registry, the audit chain and the knowledge commons, and
// the vocabularies. The copy accepts a target holding these (a state row only says something
// when the tables it sums up hold rows, which the copy refuses), and replaces all but the
// first with the source's rows.
constexpr const char* kSchemaTable = "schema_migrations";
const std::set<std::string> kReplacedTables = {"audit_head", "knowledge_state", "registry_state",
                                               "terms"};
// Columns of the source that the target derives instead of storing: SQLite keeps the actors'
// index forms in their rows; PostgreSQL turns them into actor_text's vectors.
const std::set<std::string> kSourceOnlyColumns = {"actors.name_forms", "actors.body_forms"};
// Target tables filled from the source's index forms, not copied.
constexpr const char* kActorText = "actor_text";

// --- SQLite (the source) ----------------------------------------------------------------------

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Status SqliteFailed(sqlite3* db, const std::string& where) {
  return Unavailable(where + ": " + sqlite3_errmsg(db));
}

Result<Statement> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    return SqliteFailed(db, "reading the SQLite database (" + sql + ")");
  }
  return Statement(st, &sqlite3_finalize);
}

// The first column of each row of `sql` as text.
Result<std::vector<std::string>> Column(sqlite3* db, const std::string& sql) {
  auto st = Prepare(db, sql);
  if (!st.ok()) return st.status();
  std::vector<std::string> out;
  int rc;
  while ((rc = sqlite3_step(st->get())) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st->get(), 0));
    out.emplace_back(text ? text : "");
  }
  if (rc != SQLITE_DONE) return SqliteFailed(db, "reading the SQLite database (" + sql + ")");
  return out;
}

Result<long long> SqliteCount(sqlite3* db, const std::string& sql) {
  auto values = Column(db, sql);
  if (!values.ok()) return values.status();
  return values->empty() ? 0 : std::stoll(values->front());
}

// --- PostgreSQL (the target) ------------------------------------------------------------------

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

class Pg {
 public:
  explicit Pg(PGconn* c) : c_(c, &PQfinish) {}
  PGconn* get() const { return c_.get(); }

  Result<PgResult> Exec(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const std::string& p : params) values.push_back(p.c_str());
    PgResult r(params.empty() ? PQexec(get(), sql.c_str())
                              : PQexecParams(get(), sql.c_str(), static_cast<int>(values.size()),
                                             nullptr, values.data(), nullptr, nullptr, 0),
               &PQclear);
    const ExecStatusType st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return Unavailable("PostgreSQL: " + TrimMessage(PQerrorMessage(get())) + " (in: " + sql +
                         ")");
    }
    return r;
  }

  Result<std::vector<std::vector<std::string>>> Rows(const std::string& sql,
                                                     const std::vector<std::string>& params = {}) {
    auto r = Exec(sql, params);
    if (!r.ok()) return r.status();
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < PQntuples(r->get()); ++i) {
      std::vector<std::string> row;
      for (int j = 0; j < PQnfields(r->get()); ++j) {
        row.emplace_back(PQgetisnull(r->get(), i, j) ? "" : PQgetvalue(r->get(), i, j));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Result<long long> Count(const std::string& sql) {
    auto rows = Rows(sql);
    if (!rows.ok()) return rows.status();
    return rows->empty() ? 0 : std::stoll(rows->front().front());
  }

 private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> c_;
};

// Appends `text` escaped for COPY's text format.
void AppendCopyText(std::string* out, const char* text, int size) {
  for (int i = 0; i < size; ++i) {
    const char ch = text[i];
    switch (ch) {
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        *out += ch;
    }
  }
}

// Appends column `i` of the current row of `st` in COPY's text format. A REAL is written with
// the shortest digits that read back as the same double (sqlite3_column_text keeps only 15).
void AppendValue(std::string* out, sqlite3_stmt* st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL:
      *out += "\\N";
      return;
    case SQLITE_FLOAT: {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, sqlite3_column_double(st, i));
      out->append(buf, ec == std::errc() ? end : buf);
      return;
    }
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      AppendCopyText(out, text ? text : "", sqlite3_column_bytes(st, i));
    }
  }
}

class Copier {
 public:
  Copier(sqlite3* src, Pg* dst, const CopyOptions& options, long long rows_total)
      : src_(src), dst_(dst), options_(options), rows_total_(rows_total) {}

  // Copies the rows of `select` (run on the source) into `table (columns)` of the target with
  // COPY; returns how many.
  Result<long long> Copy(const std::string& label, const std::string& select,
                         const std::string& table, const std::vector<std::string>& columns) {
    auto st = Prepare(src_, select);
    if (!st.ok()) return st.status();
    std::string copy = "COPY " + QuoteIdent(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) copy += (i ? ", " : "") + QuoteIdent(columns[i]);
    copy += ") FROM STDIN";
    {
      PgResult r(PQexec(dst_->get(), copy.c_str()), &PQclear);
      if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
        return Unavailable("PostgreSQL refused to copy into " + table + ": " +
                           TrimMessage(PQerrorMessage(dst_->get())));
      }
    }
    std::string buffer;
    long long rows = 0;
    const int n = sqlite3_column_count(st->get());
    int rc;
    Status failed = Status::Ok();
    while ((rc = sqlite3_step(st->get())) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) {
        if (i) buffer += '\t';
        AppendValue(&buffer, st->get(), i);
      }
      buffer += '\n';
      ++rows;
      ++rows_done_;
      if (buffer.size() >= kCopyChunkBytes) {
        failed = Send(&buffer);
        if (!failed.ok()) break;
      }
      if (rows_done_ % kProgressEvery == 0) Report(label);
    }
    if (failed.ok() && rc != SQLITE_ROW && rc != SQLITE_DONE) {
      failed = SqliteFailed(src_, "reading " + label + " from the SQLite database");
    }
    if (failed.ok()) failed = Send(&buffer);
    // End the COPY in every case: with an error message it is abandoned.
    const int end = PQputCopyEnd(dst_->get(), failed.ok() ? nullptr : "the copy was abandoned");
    PgResult r(PQgetResult(dst_->get()), &PQclear);
    std::string pg_error = TrimMessage(PQerrorMessage(dst_->get()));
    while (PGresult* extra = PQgetResult(dst_->get())) PQclear(extra);
    if (!failed.ok()) return failed;
    if (end != 1 || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
      return Unavailable("copying " + label + " into PostgreSQL failed: " + pg_error);
    }
    const long long copied = std::stoll(PQcmdTuples(r.get()));
    if (copied != rows) {
      return Internal("copying " + label + ": " + std::to_string(rows) + " rows read, " +
                      std::to_string(copied) + " written");
    }
    Report(label);
    return rows;
  }

 private:
  Status Send(std::string* buffer) {
    if (buffer->empty()) return Status::Ok();
    if (PQputCopyData(dst_->get(), buffer->data(), static_cast<int>(buffer->size())) != 1) {
      return Unavailable("sending rows to PostgreSQL failed: " +
                         TrimMessage(PQerrorMessage(dst_->get())));
    }
    buffer->clear();
    return Status::Ok();
  }

  void Report(const std::string& label) {
    if (options_.progress) options_.progress({label, rows_done_, rows_total_});
  }

  sqlite3* src_;
  Pg* dst_;
  const CopyOptions& options_;
  long long rows_total_;
  long long rows_done_ = 0;
};

struct TargetColumn {
  std::string name;
  std::string type;  // information_schema's data_type
};

// The tables and columns of a schema, in the target's column order.
using Tables = std::map<std::string, std::vector<TargetColumn>>;

Result<Tables> TargetTables(Pg* pg) {
  auto rows = pg->Rows(
      "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
      "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND "
      "t.table_name = c.table_name WHERE c.table_schema = current_schema() AND "
      "t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position");
  if (!rows.ok()) return rows.status();
  Tables tables;
  for (auto& r : *rows) tables[r[0]].push_back({r[1], r[2]});
  return tables;
}

Result<Tables> SourceTables(sqlite3* db) {
  // Virtual tables (FTS5, R*Tree) and their shadow tables are indexes the target rebuilds its
  // own way; sqlite_* tables are SQLite's.
  auto virtuals = Column(db,
                         "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                         "sql LIKE 'CREATE VIRTUAL TABLE%'");
  if (!virtuals.ok()) return virtuals.status();
  auto names = Column(db,
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                      "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  if (!names.ok()) return names.status();
  Tables tables;
  for (const std::string& name : *names) {
    bool derived = false;
    for (const std::string& v : *virtuals) {
      if (name == v || name.rfind(v + "_", 0) == 0) derived = true;
    }
    if (derived) continue;
    auto columns = Column(db, "SELECT name FROM pragma_table_info('" + name + "')");
    if (!columns.ok()) return columns.status();
    for (const std::string& c : *columns) tables[name].push_back({c, ""});
  }
  return tables;
}

Status CheckSchemaVersions(sqlite3* src, Pg* dst, const std::string& from, const std::string& to,
                           int* version) {
  auto has = SqliteCount(
      src,
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!has.ok()) return has.status();
  if (*has == 0) return NotFound("'" + from + "' is not an Ecosol database (no schema_migrations)");
  auto source = SqliteCount(src, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!source.ok()) return source.status();
  auto target = dst->Count("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!target.ok()) return target.status();
  const int supported = SupportedSchemaVersion();
  if (*source < supported) {
    return Conflict("'" + from + "' has schema version " + std::to_string(*source) +
                    ", older than this ecosol (" + std::to_string(supported) +
                    "): upgrade it first with `ecosol --db " + from + " init`");
  }
  if (*source > supported) {
    return Conflict("'" + from + "' has schema version " + std::to_string(*source) +
                    ", newer than this ecosol (" + std::to_string(supported) +
                    "): upgrade ecosol to copy it");
  }
  if (*target != *source) {
    return Conflict("the target '" + to + "' has schema version " + std::to_string(*target) +
                    " and the source " + std::to_string(*source) + ": they must be the same");
  }
  *version = static_cast<int>(*source);
  return Status::Ok();
}

// Refuses a target holding more than what `ecosol init` puts in a new database.
Status CheckTargetEmpty(Pg* dst, const Tables& target, const std::string& to) {
  for (const auto& [table, columns] : target) {
    if (table == kSchemaTable || kReplacedTables.count(table)) continue;
    auto rows =
        dst->Count("SELECT count(*) FROM (SELECT 1 FROM " + QuoteIdent(table) + " LIMIT 1) t");
    if (!rows.ok()) return rows.status();
    if (*rows > 0) {
      return Conflict("the target '" + to + "' already holds data (table " + table +
                      " has rows): copy into a new, empty database, or one made by `ecosol --db "
                      "URL init` alone");
    }
  }
  return Status::Ok();
}

// Checks that every source table and column has a place in the target (nothing is dropped
// silently), and lists what to copy: per table, the target's columns that the source holds.
Result<std::vector<std::pair<std::string, std::vector<std::string>>>> Plan(const Tables& source,
                                                                           const Tables& target) {
  for (const auto& [table, columns] : source) {
    auto t = target.find(table);
    if (t == target.end()) {
      return Internal("the source's table " + table +
                      " has no place in the PostgreSQL schema: nothing was copied");
    }
    for (const TargetColumn& c : columns) {
      bool found = false;
      for (const TargetColumn& tc : t->second) found = found || tc.name == c.name;
      if (!found && !kSourceOnlyColumns.count(table + "." + c.name)) {
        return Internal("the source's column " + table + "." + c.name +
                        " has no place in the PostgreSQL schema: nothing was copied");
      }
    }
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> plan;
  for (const auto& [table, columns] : target) {
    if (table == kSchemaTable || table == kActorText) continue;
    auto s = source.find(table);
    if (s == source.end()) {
      return Internal("the PostgreSQL table " + table +
                      " is not in the source, although both have the same schema version");
    }
    std::vector<std::string> copied;
    for (const TargetColumn& c : columns) {
      if (c.type == "tsvector") continue;  // derived below
      bool found = false;
      for (const TargetColumn& sc : s->second) found = found || sc.name == c.name;
      if (!found) {
        return Internal("the PostgreSQL column " + table + "." + c.name +
                        " is not in the source, although both have the same schema version");
      }
      copied.push_back(c.name);
    }
    plan.emplace_back(table, std::move(copied));
  }
  return plan;
}

std::string SelectList(const std::vector<std::string>& columns) {
  std::string s;
  for (size_t i = 0; i < columns.size(); ++i) s += (i ? ", " : "") + QuoteIdent(columns[i]);
  return s;
}

}  // namespace

Result<CopyReport> CopyDatabase(const std::string& from, const std::string& to,
                                const CopyOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  if (IsPostgresUrl(from)) {
    return InvalidArgument("copy reads a SQLite database: '" + from +
                           "' is a PostgreSQL URL (use `ecosol backup` and `ecosol restore` "
                           "between PostgreSQL databases)");
  }
  if (!IsPostgresUrl(to)) {
    return InvalidArgument("copy writes to PostgreSQL: '" + RedactUrl(to) +
                           "' is not a postgresql:// URL (use `ecosol backup` and `ecosol "
                           "restore` between SQLite files)");
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(from, ec)) {
    return NotFound("SQLite database '" + from + "' does not exist (check the path)");
  }

  // The target's schema, created or upgraded as `ecosol init` would.
  {
    auto store = OpenStore(to);
    if (!store.ok()) return store.status();
    ECOSOL_RETURN_IF_ERROR((*store)->Migrate().WithContext("preparing the schema of the target '" +
                                                           RedactUrl(to) + "'"));
  }

  ConfigureSqliteProcess();
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(from.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, SqliteCloser> src(raw);
  if (rc != SQLITE_OK) return SqliteFailed(raw, "opening '" + from + "'");
  sqlite3_busy_timeout(raw, 5000);
  // One read snapshot of the source for the whole copy: counts and rows agree.
  if (sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqliteFailed(raw, "reading '" + from + "'");
  }

  Pg dst(PQconnectdb(to.c_str()));
  if (PQstatus(dst.get()) != CONNECTION_OK) {
    return Unavailable("cannot connect to PostgreSQL: " + TrimMessage(PQerrorMessage(dst.get())));
  }
  ECOSOL_RETURN_IF_ERROR(
      dst.Exec("SET client_min_messages = warning; SET client_encoding = 'UTF8'").status());
  ECOSOL_RETURN_IF_ERROR(dst.Exec("BEGIN").status());
  auto rollback = [&](Status s) {
    (void)dst.Exec("ROLLBACK");
    return s;
  };

  CopyReport report;
  report.from = from;
  report.to = RedactUrl(to);
  Status s = CheckSchemaVersions(raw, &dst, from, report.to, &report.schema_version);
  if (!s.ok()) return rollback(s);
  auto target = TargetTables(&dst);
  if (!target.ok()) return rollback(target.status());
  // Other processes may not write the target's tables while it is filled.
  for (const auto& [table, columns] : *target) {
    s = dst.Exec("LOCK TABLE " + QuoteIdent(table) + " IN EXCLUSIVE MODE").status();
    if (!s.ok()) return rollback(s);
  }
  s = CheckTargetEmpty(&dst, *target, report.to);
  if (!s.ok()) return rollback(s);
  auto source = SourceTables(raw);
  if (!source.ok()) return rollback(source.status());
  auto plan = Plan(*source, *target);
  if (!plan.ok()) return rollback(plan.status());

  // Rows to copy, for progress and for the final check.
  std::map<std::string, long long> source_counts;
  long long total = 0;
  for (const auto& [table, columns] : *plan) {
    auto n = SqliteCount(raw, "SELECT count(*) FROM " + QuoteIdent(table));
    if (!n.ok()) return rollback(n.status());
    source_counts[table] = *n;
    total += *n;
  }
  const std::string actor_forms =
      "SELECT rid, name_forms, body_forms FROM actors WHERE name_forms <> '' OR body_forms <> ''";
  auto text_rows = SqliteCount(raw, "SELECT count(*) FROM (" + actor_forms + ")");
  if (!text_rows.ok()) return rollback(text_rows.status());
  auto case_text_rows = SqliteCount(raw, "SELECT count(*) FROM case_fts");
  if (!case_text_rows.ok()) return rollback(case_text_rows.status());
  total += *text_rows + *case_text_rows;

  Copier copier(raw, &dst, options, total);
  for (const auto& [table, columns] : *plan) {
    if (kReplacedTables.count(table)) {
      s = dst.Exec("DELETE FROM " + QuoteIdent(table)).status();
      if (!s.ok()) return rollback(s);
    }
    auto n = copier.Copy(table, "SELECT " + SelectList(columns) + " FROM " + QuoteIdent(table),
                         table, columns);
    if (!n.ok()) return rollback(n.status());
    report.table_counts.emplace_back(table, *n);
  }

  // PostgreSQL's text vectors, from the index forms SQLite keeps (the same expression as the
  // PostgreSQL store's own writes).
  const std::vector<std::string> form_columns = {"rid", "name_forms", "body_forms"};
  s = dst.Exec(
             "CREATE TEMP TABLE ecosol_copy_forms (rid BIGINT, name_forms TEXT, body_forms "
             "TEXT) ON COMMIT DROP")
          .status();
  if (!s.ok()) return rollback(s);
  auto forms = copier.Copy(kActorText, actor_forms, "ecosol_copy_forms", form_columns);
  if (!forms.ok()) return rollback(forms.status());
  s = dst.Exec("INSERT INTO actor_text (rid, tsv) SELECT rid, " +
               PostgresWeightedText("name_forms", "body_forms") + " FROM ecosol_copy_forms")
          .status();
  if (!s.ok()) return rollback(s);
  report.table_counts.emplace_back(kActorText, *forms);
  s = dst.Exec("TRUNCATE ecosol_copy_forms").status();
  if (!s.ok()) return rollback(s);
  auto case_forms =
      copier.Copy("case_index (text)", "SELECT rowid, title_forms, body_forms FROM case_fts",
                  "ecosol_copy_forms", form_columns);
  if (!case_forms.ok()) return rollback(case_forms.status());
  s = dst.Exec("UPDATE case_index ci SET tsv = " +
               PostgresWeightedText("f.name_forms", "f.body_forms") +
               " FROM ecosol_copy_forms f WHERE ci.rid = f.rid")
          .status();
  if (!s.ok()) return rollback(s);

  // Identity sequences (BIGSERIAL) move past the copied ids.
  auto serials = dst.Rows(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
      "current_schema() AND column_default LIKE 'nextval(%' ORDER BY table_name");
  if (!serials.ok()) return rollback(serials.status());
  for (const auto& r : *serials) {
    s = dst.Exec("SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(" +
                     QuoteIdent(r[1]) + ") FROM " + QuoteIdent(r[0]) + "), 0) + 1, false)",
                 {QuoteIdent(r[0]), r[1]})
            .status();
    if (!s.ok()) return rollback(s);
  }

  // The check: every table holds as many rows as the source's snapshot.
  for (const auto& [table, columns] : *plan) {
    auto n = dst.Count("SELECT count(*) FROM " + QuoteIdent(table));
    if (!n.ok()) return rollback(n.status());
    if (*n != source_counts[table]) {
      return rollback(Internal("after the copy, " + table + " holds " + std::to_string(*n) +
                               " rows in PostgreSQL and " + std::to_string(source_counts[table]) +
                               " in SQLite: nothing was copied"));
    }
    report.rows += *n;
  }
  auto vectors = dst.Count("SELECT count(*) FROM actor_text");
  if (!vectors.ok()) return rollback(vectors.status());
  if (*vectors != *text_rows) {
    return rollback(Internal("after the copy, actor_text holds " + std::to_string(*vectors) +
                             " rows for " + std::to_string(*text_rows) +
                             " actors with text: nothing was copied"));
  }
  report.rows += *vectors;

  auto committed = dst.Exec("COMMIT");
  if (!committed.ok()) return rollback(committed.status());
  sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
  // Fresh statistics for the planner (autovacuum would take a while to notice).
  (void)dst.Exec("ANALYZE");
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace ecosol::store
