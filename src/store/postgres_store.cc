// The PostgreSQL backend (libpq). Full-text search uses a tsvector of the same index forms as
// SQLite under the 'simple' configuration (the stemming is done by text/search_text.h, so both
// backends find the same actors), with names weighted A and other text B, kept in actor_text
// (migration 19) apart from the wide actor rows, ranked by ts_rank.
// Bounding boxes use a GiST index on point(lon, lat).

#include <libpq-fe.h>
#include <poll.h>

#include <cstdio>

#include "db_names.h"
#include "ecosol/base/strings.h"
#include "sql_store.h"
#include "sqlite_store.h"

namespace ecosol::store {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Rewrites '?' placeholders as $1, $2, ... ('?' inside quotes is kept).
std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += "$" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string ValueText(const SqlValue& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return "";
  if (const auto* n = std::get_if<long long>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  return std::get<std::string>(v);
}

Status Classify(const PGresult* res, PGconn* conn) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  std::string code = state ? state : "";
  if (code.rfind("23", 0) == 0) return Conflict("database constraint: " + msg);
  if (code == "40001" || code == "40P01") return Unavailable("database conflict, retry: " + msg);
  if (code == "53100") {
    return Unavailable("disk full: " + msg +
                       "; the change was not written: free space on the database server's disk, "
                       "then try again");
  }
  if (code.rfind("08", 0) == 0 || PQstatus(conn) != CONNECTION_OK) {
    return Unavailable("database connection lost: " + msg);
  }
  if (code == "42601" && msg.find("tsquery") != std::string::npos) {
    return InvalidArgument("search query: " + msg);
  }
  return Internal("postgresql: " + msg);
}

class PgConnection : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Status Exec(std::string_view sql, const std::vector<SqlValue>& params, SqlRows* out) override {
    ECOSOL_RETURN_IF_ERROR(Reconnect(sql));
    if (skip_) {
      skip_ = false;
      return Status::Ok();
    }
    std::string numbered = NumberPlaceholders(sql);
    std::vector<std::string> texts;
    std::vector<const char*> values;
    texts.reserve(params.size());
    for (const SqlValue& p : params) texts.push_back(ValueText(p));
    for (size_t i = 0; i < params.size(); ++i) {
      values.push_back(std::holds_alternative<std::nullptr_t>(params[i]) ? nullptr
                                                                         : texts[i].c_str());
    }
    PgResultPtr res(PQexecParams(conn_, numbered.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0));
    NoteTransaction();
    ExecStatusType st = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Classify(res.get(), conn_);
    if (out && st == PGRES_TUPLES_OK) ReadRows(res.get(), out);
    return Status::Ok();
  }

  Result<std::optional<long long>> InsertRow(std::string_view sql,
                                             const std::vector<SqlValue>& params,
                                             std::string_view id_column) override {
    SqlRows rows;
    std::string returning = std::string(sql) + " RETURNING " +
                            (id_column.empty() ? std::string("0") : std::string(id_column));
    ECOSOL_RETURN_IF_ERROR(Exec(returning, params, &rows));
    if (rows.empty()) return std::optional<long long>();
    long long id = 0;
    if (!rows[0].empty() && rows[0][0]) id = std::stoll(*rows[0][0]);
    return std::optional<long long>(id);
  }

  Status ExecScript(std::string_view sql) override {
    ECOSOL_RETURN_IF_ERROR(Reconnect(sql));
    if (skip_) {
      skip_ = false;
      return Status::Ok();
    }
    PgResultPtr res(PQexec(conn_, std::string(sql).c_str()));
    NoteTransaction();
    ExecStatusType st = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Classify(res.get(), conn_);
    return Status::Ok();
  }

 private:
  static void ReadRows(const PGresult* res, SqlRows* out) {
    int rows = PQntuples(res);
    int cols = PQnfields(res);
    for (int r = 0; r < rows; ++r) {
      SqlRow row;
      row.reserve(static_cast<size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(
              std::string(PQgetvalue(res, r, c), static_cast<size_t>(PQgetlength(res, r, c))));
        }
      }
      out->push_back(std::move(row));
    }
  }

  // A connection the server dropped (PostgreSQL restarted, a network cut) is opened again
  // before the next statement, so that a server outlives a database restart. Never inside a
  // transaction: its earlier statements are gone with the old connection, so every statement
  // up to its ROLLBACK fails (the ROLLBACK itself reconnects and succeeds, as there is nothing
  // left to roll back), and the transaction's work is never half-done on a new connection.
  Status Reconnect(std::string_view sql) {
    if (!in_transaction_ && PQstatus(conn_) == CONNECTION_OK) {
      // An idle connection has nothing to read (Ecosol never LISTENs) unless the server said
      // goodbye: a shutdown's FATAL message, then the end of the stream. Such a connection is
      // opened again before a statement is sent, instead of failing that statement: a
      // connection closed while it sat in a pool costs the next request nothing.
      pollfd p{PQsocket(conn_), POLLIN, 0};
      if (p.fd >= 0 && poll(&p, 1, 0) > 0) {
        PQreset(conn_);
        if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
      }
    }
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    const bool rollback = sql.rfind("ROLLBACK", 0) == 0;
    if (in_transaction_ && !rollback) {
      return Unavailable("database connection lost during a transaction; it is rolled back: " +
                         std::string(PQerrorMessage(conn_)));
    }
    PQreset(conn_);
    in_transaction_ = false;
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      return Unavailable("database connection lost, and it cannot be opened again yet: " + msg);
    }
    skip_ = rollback;  // the transaction went with the old connection
    return Status::Ok();
  }
  // Follows whether a transaction is open, while the connection can tell.
  void NoteTransaction() {
    switch (PQtransactionStatus(conn_)) {
      case PQTRANS_IDLE:
        in_transaction_ = false;
        break;
      case PQTRANS_INTRANS:
      case PQTRANS_INERROR:
      case PQTRANS_ACTIVE:
        in_transaction_ = true;
        break;
      case PQTRANS_UNKNOWN:
        break;  // the connection is gone: keep what was known
    }
  }

  PGconn* conn_;
  bool in_transaction_ = false;
  bool skip_ = false;  // the statement Reconnect found nothing to do for (a ROLLBACK)
};

const std::vector<std::string> kPostgresMigrations = {
    R"sql(
CREATE TABLE actors (
  rid BIGSERIAL PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  sort_name TEXT COLLATE "C" NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  deleted INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  doc TEXT NOT NULL,
  tsv TSVECTOR NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX actors_by_name ON actors (sort_name, id);
CREATE INDEX actors_by_country ON actors (country);
CREATE INDEX actors_by_kind ON actors (kind);
CREATE INDEX actors_tsv ON actors USING GIN (tsv);
CREATE INDEX actors_point ON actors USING GIST (point(lon, lat)) WHERE lat IS NOT NULL;
CREATE TABLE actor_codes (
  scheme TEXT NOT NULL, code TEXT NOT NULL, rid BIGINT NOT NULL,
  PRIMARY KEY (scheme, code, rid)
);
CREATE INDEX actor_codes_by_rid ON actor_codes (rid);
CREATE TABLE actor_identifiers (
  scheme TEXT NOT NULL, value TEXT NOT NULL, actor_id TEXT NOT NULL,
  PRIMARY KEY (scheme, value)
);
CREATE INDEX actor_identifiers_by_actor ON actor_identifiers (actor_id);
CREATE TABLE actor_versions (
  actor_id TEXT NOT NULL, version BIGINT NOT NULL, changed_at TEXT NOT NULL,
  change TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (actor_id, version)
);
CREATE TABLE relationships (
  id TEXT PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL, type TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, version BIGINT NOT NULL, updated_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX relationships_by_from ON relationships (from_id);
CREATE INDEX relationships_by_to ON relationships (to_id);
CREATE TABLE relationship_versions (
  relationship_id TEXT NOT NULL, version BIGINT NOT NULL, changed_at TEXT NOT NULL,
  change TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (relationship_id, version)
);
CREATE TABLE terms (
  scheme TEXT NOT NULL, code TEXT NOT NULL, labels TEXT NOT NULL,
  PRIMARY KEY (scheme, code)
);
)sql",
    R"sql(
CREATE TABLE sources (id TEXT PRIMARY KEY, attribution TEXT NOT NULL DEFAULT '');
)sql",
    R"sql(
CREATE TABLE territories (
  id TEXT COLLATE "C" PRIMARY KEY, parent_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  name TEXT NOT NULL, level TEXT NOT NULL, population BIGINT NULL
);
CREATE INDEX territories_by_parent ON territories (parent_id, name);
-- The "C" collation (byte order) lets the index serve the descendant ranges of CountActorsIn.
ALTER TABLE actors ADD COLUMN territory TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE actors SET territory = COALESCE(doc::json->>'territory', '');
CREATE INDEX actors_by_territory ON actors (territory);
)sql",
    kCurrentVersionInRowSql,
    kRegistryStateSql,
    kChangedGenerationSql,
    kAccountsSql,
    // Migration 8: visibility per record (0 public, 1 network, 2 private); the coordinates of
    // approximate locations rounded in the columns (model::PublicLocation).
    R"sql(
ALTER TABLE actors ADD COLUMN visibility INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET lat = round(lat::numeric, 2)::double precision,
  lon = round(lon::numeric, 2)::double precision
  WHERE lat IS NOT NULL AND doc::json->'location'->>'precision' = 'approximate';
)sql",
    kScreeningSql,
    kResolutionSql,
    kEcosystemSql,
    kOffersWantsSql,
    std::string(kKnowledgeSql) +
        "CREATE TABLE case_index (rid BIGSERIAL PRIMARY KEY, " ECOSOL_CASE_INDEX_COLUMNS
        ",\n  tsv TSVECTOR NOT NULL DEFAULT ''::tsvector);\n" ECOSOL_CASE_INDEX_INDEXES
        "CREATE INDEX case_index_tsv ON case_index USING GIN (tsv);\n",
    kFinanceSql,
    std::string(kParticipationSql) + ";\n",
    kJobQueueSql,
    kJobInputsSql,
    kJobOutputsSql,
    // Migration 19: the actors' text vectors move to a table of their own. Ranking a common word
    // reads the vector of every match: in the actors table each sits beside the actor's document
    // (rows of 1.5 KB on average, 1.5 GB at 1,000,000 actors), here in rows of about 250 bytes.
    // Deleted actors have no row (they leave the full-text index).
    R"sql(
CREATE TABLE actor_text (rid BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL);
INSERT INTO actor_text (rid, tsv) SELECT rid, tsv FROM actors
  WHERE deleted = 0 AND tsv <> ''::tsvector;
CREATE INDEX actor_text_tsv ON actor_text USING GIN (tsv);
DROP INDEX actors_tsv;
ALTER TABLE actors DROP COLUMN tsv;
)sql",
    // Migration 20 makes SQLite's full-text index of actors record columns, not positions; the
    // text vectors here are unchanged.
    "SELECT 1",
};

// Quotes a word for to_tsquery: 'word' with quotes doubled.
std::string TsLexeme(const std::string& word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'')
      out += "''";
    else if (c == '\\')
      out += "\\\\";
    else
      out += c;
  }
  return out + "'";
}

class PostgresStore : public SqlStore {
 public:
  using SqlStore::SqlStore;
  std::string_view Backend() const override { return "postgresql"; }

 protected:
  const std::vector<std::string>& Migrations() const override { return kPostgresMigrations; }
  std::string_view BeginSql() const override { return "BEGIN"; }
  // A transaction-level advisory lock (released at commit or rollback) on a fixed key that
  // only migrations use.
  std::string MigrationLockSql() const override {
    return "SELECT pg_advisory_xact_lock(1701015411)";
  }
  std::string_view NowMillisSql() const override {
    return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
  }
  // The primary's insert position, not its write position: with synchronous_commit off, a
  // commit returns before its record is written, and only the insert position is past it.
  Result<std::string> LogPosition() override {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text "
                    "ELSE pg_current_wal_insert_lsn()::text END",
                    {}, &rows));
    return rows.empty() || rows[0].empty() || !rows[0][0] ? std::string() : *rows[0][0];
  }
  Result<bool> HasReplayed(const std::string& position) override {
    // A position is two hexadecimal numbers joined by '/' ("0/3000148").
    const size_t slash = position.find('/');
    if (position.empty() || position.size() > 17 || slash == std::string::npos || slash == 0 ||
        slash + 1 == position.size() ||
        position.find_first_not_of("0123456789ABCDEFabcdef/") != std::string::npos ||
        position.find('/', slash + 1) != std::string::npos) {
      return InvalidArgument("'" + position +
                             "' is not a write-ahead log position (such as 0/3000148)");
    }
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT CASE WHEN pg_is_in_recovery() THEN "
                    "COALESCE(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), false) ELSE true END",
                    {position}, &rows));
    return !rows.empty() && !rows[0].empty() && rows[0][0] && *rows[0][0] == "t";
  }
  std::string_view SkipLockedSql() const override { return " FOR UPDATE SKIP LOCKED"; }
  std::string_view ReadSnapshotSql() const override {
    return "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  }
  // For this transaction only (SET LOCAL).
  std::string_view BulkLoadSql() const override { return "SET LOCAL work_mem = '64MB'"; }

  Status IndexText(long long rid, bool fresh, const std::string& name_forms,
                   const std::string& body_forms) override {
    if (name_forms.empty() && body_forms.empty()) {
      // A deleted actor (or one without text) leaves the index.
      return fresh ? Status::Ok() : conn().Exec("DELETE FROM actor_text WHERE rid = ?", {rid});
    }
    return conn().Exec("INSERT INTO actor_text (rid, tsv) VALUES (?, " +
                           PostgresWeightedText("?", "?") +
                           ") ON CONFLICT (rid) DO UPDATE SET tsv = excluded.tsv",
                       {rid, name_forms, body_forms});
  }

  // The text goes to actor_text (IndexText), not to the actor's row.
  std::pair<std::string, std::string> TextColumnsOfNewRow() const override { return {"", ""}; }

  Status IndexLocation(long long, bool, const EncodedActor&) override {
    // The GiST index on point(lon, lat) follows the lat/lon columns written by the upsert.
    return Status::Ok();
  }

  SqlFragment SearchFrom(const std::string& match) const override {
    return {
        "actors a JOIN actor_text t ON t.rid = a.rid, to_tsquery('simple', ?) query "
        "WHERE t.tsv @@ query",
        {match}};
  }
  SqlFragment RankedMatches(const std::string& match) const override {
    return {
        "SELECT t.rid FROM actor_text t, to_tsquery('simple', ?) query WHERE t.tsv @@ query "
        "ORDER BY ts_rank(t.tsv, query, 0) DESC, t.rid",
        {match}};
  }
  std::string RankExpression() const override { return "ts_rank(t.tsv, query, 0) * -1"; }
  // Ranked in actor_text alone, then the best rows kept when the reader may see them: ranking
  // every match joined to its actor reads the wide actor rows of them all.
  bool RanksMatchesInIndexFirst() const override { return true; }
  std::string RowIdsInJsonArraySql() const override {
    return "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json))";
  }
  std::string MatchesRowSql() const override {
    return "SELECT 1 FROM actor_text t, to_tsquery('simple', ?) query WHERE t.rid = ? AND "
           "t.tsv @@ query";
  }

  Status IndexCaseText(long long rid, const std::string& title_forms,
                       const std::string& body_forms) override {
    return conn().Exec(
        "UPDATE case_index SET tsv = " + PostgresWeightedText("?", "?") + " WHERE rid = ?",
        {title_forms, body_forms, rid});
  }
  Status UnindexCaseText(long long) override { return Status::Ok(); }  // goes with the row
  SqlFragment CaseMatchFrom(const std::string& match) const override {
    return {"case_index ci, to_tsquery('simple', ?) query WHERE ci.tsv @@ query", {match}};
  }
  std::string CaseRankExpression() const override { return "ts_rank(ci.tsv, query, 0) * -1"; }
  Status CaseMatchRanks(const std::string& match,
                        std::vector<std::pair<long long, double>>* out) override {
    return conn().ExecIdNumbers(
        "SELECT ci.rid, ts_rank(ci.tsv, query, 0) * -1 FROM case_index ci, "
        "to_tsquery('simple', ?) query WHERE ci.tsv @@ query",
        {match}, out);
  }
  Result<long long> CaseRowsMatching(const std::string& match) override {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT count(*) FROM case_index WHERE tsv @@ to_tsquery('simple', ?)", {match}, &rows));
    long long n = 0;
    if (rows.empty() || !rows[0].at(0) || !ParseInt64(*rows[0][0], &n)) {
      return Internal("case_index: no count for " + match);
    }
    return n;
  }
  std::string_view MatchOr() const override { return " | "; }

  using SqlStore::MatchQuery;
  std::string MatchQuery(const std::vector<std::vector<std::string>>& terms,
                         bool prefix_last) const override {
    std::string out;
    for (size_t i = 0; i < terms.size(); ++i) {
      if (i) out += " & ";
      out += "(";
      for (size_t k = 0; k < terms[i].size(); ++k) {
        if (k) out += " | ";
        out += TsLexeme(terms[i][k]);
      }
      if (prefix_last && i + 1 == terms.size() && terms[i][0].size() >= 3) {
        out += " | " + TsLexeme(terms[i][0]) + ":*";
      }
      out += ")";
    }
    return out;
  }

  SqlFragment BBoxCondition(const BBox& b) const override {
    return {"a.lat IS NOT NULL AND point(a.lon, a.lat) <@ box(point(?, ?), point(?, ?))",
            {b.min_lon, b.min_lat, b.max_lon, b.max_lat}};
  }
};

}  // namespace

std::string PostgresWeightedText(std::string_view name, std::string_view body) {
  return "setweight(to_tsvector('simple', " + std::string(name) +
         "), 'A') || setweight(to_tsvector('simple', " + std::string(body) + "), 'B')";
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Unavailable("cannot connect to PostgreSQL: " + msg);
  }
  auto pg = std::make_unique<PgConnection>(conn);
  Status s = pg->ExecScript("SET client_min_messages = warning; SET client_encoding = 'UTF8'");
  if (!s.ok()) return s;
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(pg)));
}

std::string RedactUrl(std::string_view url) {
  if (!IsPostgresUrl(url)) return std::string(url);
  std::string out(url);
  // The user part: between "://" and the last '@' before the path, the parameters or the
  // fragment (a password's own '@' is percent-encoded, but be generous).
  size_t start = out.find("://") + 3;
  size_t end = out.find_first_of("/?#", start);
  if (end == std::string::npos) end = out.size();
  size_t at = out.rfind('@', end == 0 ? 0 : end - 1);
  if (at != std::string::npos && at >= start) {
    size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  // The parameters: password=... (the key is case-sensitive in libpq).
  size_t query = out.find('?', start);
  while (query != std::string::npos && query < out.size()) {
    size_t key = query + 1;
    size_t next = out.find('&', key);
    if (next == std::string::npos) next = out.size();
    if (out.compare(key, 9, "password=") == 0) {
      out.replace(key + 9, next - key - 9, "***");
      next = key + 9 + 3;
    }
    query = next < out.size() ? next : std::string::npos;
  }
  return out;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (IsPostgresUrl(url)) return OpenPostgresStore(url);
  if (url.empty()) return InvalidArgument("database: empty path or URL");
  return OpenSqliteStore(url);
}

}  // namespace ecosol::store
