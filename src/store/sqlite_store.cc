// The embedded backend: one SQLite file in WAL mode, FTS5 for search (external-content table over
// the index forms, ranked by BM25 with names weighted 10:1 over other text) and an R*Tree for
// bounding-box queries.

#include "sqlite_store.h"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "ecosol/base/strings.h"
#include "sql_store.h"
#include "sqlite_case_rank.h"
#include "sqlite_rtree_load.h"

namespace ecosol::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

std::atomic<int> g_passive_pages{WalUpkeepSettings{}.passive_pages};
std::atomic<int> g_restart_pages{WalUpkeepSettings{}.restart_pages};
std::atomic<int> g_restart_wait_ms{WalUpkeepSettings{}.restart_wait_ms};
std::atomic<int> g_restart_interval_ms{WalUpkeepSettings{}.restart_interval_ms};
std::atomic<long long> g_last_restart_ms{-1'000'000'000};

long long SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// sqlite3_wal_hook, after each commit of a connection (it replaces wal_autocheckpoint): see
// WalUpkeepSettings. Failures are left for a later commit to try again.
int WalUpkeep(void*, sqlite3* db, const char* schema, int pages) {
  if (pages < g_passive_pages.load()) return SQLITE_OK;
  if (pages >= g_restart_pages.load()) {
    const long long now = SteadyMillis();
    long long last = g_last_restart_ms.load();
    if (now - last >= g_restart_interval_ms.load() &&
        g_last_restart_ms.compare_exchange_strong(last, now)) {
      sqlite3_busy_timeout(db, g_restart_wait_ms.load());
      const int rc =
          sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
      sqlite3_busy_timeout(db, kBusyTimeoutMs);
      if (rc == SQLITE_OK) return SQLITE_OK;
    }
  }
  (void)sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return SQLITE_OK;
}

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db() const { return db_; }
  ~SqliteConnection() override {
    cache_.clear();
    sqlite3_close_v2(db_);
  }

  Status Exec(std::string_view sql, const std::vector<SqlValue>& params, SqlRows* out) override {
    return Run(sql, params, [&](sqlite3_stmt* st) {
      if (out) out->push_back(ReadRow(st));
    });
  }

  Status ExecIdNumbers(std::string_view sql, const std::vector<SqlValue>& params,
                       std::vector<std::pair<long long, double>>* out) override {
    return Run(sql, params, [&](sqlite3_stmt* st) {
      out->emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1));
    });
  }

  Result<std::optional<long long>> InsertRow(std::string_view sql,
                                             const std::vector<SqlValue>& params,
                                             std::string_view id_column) override {
    ECOSOL_RETURN_IF_ERROR(Exec(sql, params, nullptr));
    if (sqlite3_changes(db_) == 0) return std::optional<long long>();
    return std::optional<long long>(id_column.empty() ? 0 : sqlite3_last_insert_rowid(db_));
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return Status::Ok();
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Classify(rc, msg);
  }

 private:
  // Runs one statement with parameters, calling `row` on each result row.
  template <typename Row>
  Status Run(std::string_view sql, const std::vector<SqlValue>& params, Row&& row) {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    sqlite3_stmt* st = *stmt;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (size_t i = 0; i < params.size(); ++i) Bind(st, static_cast<int>(i + 1), params[i]);
    Status status = Status::Ok();
    while (true) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        status = Error(rc, sql);
        break;
      }
      row(st);
    }
    sqlite3_reset(st);
    // The text was bound without a copy (Bind): no binding may outlive `params`.
    sqlite3_clear_bindings(st);
    return status;
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto it = cache_.find(sql);  // no copy of the statement's text to look it up
    if (it != cache_.end()) return it->second.get();
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &st, nullptr);
    if (rc != SQLITE_OK) return Error(rc, sql);
    cache_.emplace(std::string(sql), StmtPtr(st));
    return st;
  }

  // Text is bound in place (SQLITE_STATIC): Run keeps `params` alive while the statement runs
  // and clears the bindings after it. SQLite would otherwise copy each value first (an import
  // binds a document of about 1 KB per actor).
  static void Bind(sqlite3_stmt* st, int i, const SqlValue& v) {
    if (std::holds_alternative<std::nullptr_t>(v)) {
      sqlite3_bind_null(st, i);
    } else if (const auto* n = std::get_if<long long>(&v)) {
      sqlite3_bind_int64(st, i, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      sqlite3_bind_double(st, i, *d);
    } else {
      const auto& s = std::get<std::string>(v);
      sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    }
  }

  static SqlRow ReadRow(sqlite3_stmt* st) {
    int n = sqlite3_column_count(st);
    SqlRow row;
    row.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      if (sqlite3_column_type(st, i) == SQLITE_NULL) {
        row.emplace_back(std::nullopt);
        continue;
      }
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      row.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(st, i))));
    }
    return row;
  }

  Status Error(int rc, std::string_view sql) {
    std::string msg = sqlite3_errmsg(db_);
    (void)sql;
    return Classify(rc, msg);
  }

  static Status Classify(int rc, const std::string& msg) {
    int primary = rc & 0xFF;
    if (primary == SQLITE_CONSTRAINT) return Conflict("database constraint: " + msg);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
      return Unavailable("database is busy: " + msg);
    }
    if (primary == SQLITE_FULL) {
      return Unavailable("disk full: " + msg +
                         "; the change was not written: free space on the disk that holds the "
                         "database, then try again");
    }
    if (primary == SQLITE_ERROR && msg.find("fts5") != std::string::npos) {
      return InvalidArgument("search query: " + msg);
    }
    return Internal("sqlite: " + msg);
  }

  sqlite3* db_;
  // Looked up by string_view (a transparent hash and equality).
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>()(sql); }
  };
  std::unordered_map<std::string, StmtPtr, SqlHash, std::equal_to<>> cache_;
};

const std::vector<std::string> kSqliteMigrations = {
    R"sql(
CREATE TABLE actors (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  lat REAL,
  lon REAL,
  deleted INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  doc TEXT NOT NULL,
  name_forms TEXT NOT NULL DEFAULT '',
  body_forms TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actors_by_name ON actors (sort_name, id);
CREATE INDEX actors_by_country ON actors (country);
CREATE INDEX actors_by_kind ON actors (kind);
CREATE TABLE actor_codes (
  scheme TEXT NOT NULL, code TEXT NOT NULL, rid INTEGER NOT NULL,
  PRIMARY KEY (scheme, code, rid)
) WITHOUT ROWID;
CREATE INDEX actor_codes_by_rid ON actor_codes (rid);
CREATE TABLE actor_identifiers (
  scheme TEXT NOT NULL, value TEXT NOT NULL, actor_id TEXT NOT NULL,
  PRIMARY KEY (scheme, value)
) WITHOUT ROWID;
CREATE INDEX actor_identifiers_by_actor ON actor_identifiers (actor_id);
CREATE TABLE actor_versions (
  actor_id TEXT NOT NULL, version INTEGER NOT NULL, changed_at TEXT NOT NULL,
  change TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (actor_id, version)
) WITHOUT ROWID;
CREATE TABLE relationships (
  id TEXT PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL, type TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX relationships_by_from ON relationships (from_id);
CREATE INDEX relationships_by_to ON relationships (to_id);
CREATE TABLE relationship_versions (
  relationship_id TEXT NOT NULL, version INTEGER NOT NULL, changed_at TEXT NOT NULL,
  change TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (relationship_id, version)
) WITHOUT ROWID;
CREATE TABLE terms (
  scheme TEXT NOT NULL, code TEXT NOT NULL, labels TEXT NOT NULL,
  PRIMARY KEY (scheme, code)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE actors_fts USING fts5(
  name_forms, body_forms, content='actors', content_rowid='rid',
  tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER actors_fts_delete BEFORE DELETE ON actors BEGIN
  INSERT INTO actors_fts (actors_fts, rowid, name_forms, body_forms)
  VALUES ('delete', old.rid, old.name_forms, old.body_forms);
END;
CREATE VIRTUAL TABLE actors_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);
)sql",
    R"sql(
CREATE TABLE sources (id TEXT PRIMARY KEY, attribution TEXT NOT NULL DEFAULT '');
)sql",
    R"sql(
CREATE TABLE territories (
  id TEXT PRIMARY KEY, parent_id TEXT NOT NULL DEFAULT '', name TEXT NOT NULL,
  level TEXT NOT NULL, population BIGINT NULL
);
CREATE INDEX territories_by_parent ON territories (parent_id, name);
ALTER TABLE actors ADD COLUMN territory TEXT NOT NULL DEFAULT '';
UPDATE actors SET territory = COALESCE(json_extract(doc, '$.territory'), '');
CREATE INDEX actors_by_territory ON actors (territory);
)sql",
    kCurrentVersionInRowSql,
    // Listings by box: the located actors in name order, with their coordinates (see
    // BBoxListing). The registry's generation (Store::Generation).
    R"sql(
CREATE INDEX actors_located_by_name ON actors (sort_name, id, lon, lat)
  WHERE lat IS NOT NULL AND deleted = 0;
)sql" + std::string(kRegistryStateSql),
    kChangedGenerationSql,
    kAccountsSql,
    // Migration 8: visibility per record (0 public, 1 network, 2 private); only public actors
    // in the covering index of box listings; the coordinates of approximate locations rounded
    // in the columns and the R*Tree (model::PublicLocation).
    R"sql(
ALTER TABLE actors ADD COLUMN visibility INTEGER NOT NULL DEFAULT 0;
DROP INDEX actors_located_by_name;
CREATE INDEX actors_located_by_name ON actors (sort_name, id, lon, lat)
  WHERE lat IS NOT NULL AND deleted = 0 AND visibility = 0;
UPDATE actors SET lat = round(lat, 2), lon = round(lon, 2)
  WHERE lat IS NOT NULL AND json_extract(doc, '$.location.precision') = 'approximate';
DELETE FROM actors_rtree WHERE rid IN (SELECT rid FROM actors
  WHERE lat IS NOT NULL AND json_extract(doc, '$.location.precision') = 'approximate');
INSERT INTO actors_rtree SELECT rid, lon, lon, lat, lat FROM actors
  WHERE lat IS NOT NULL AND deleted = 0
  AND json_extract(doc, '$.location.precision') = 'approximate';
)sql",
    kScreeningSql,
    kResolutionSql,
    kEcosystemSql,
    kOffersWantsSql,
    std::string(kKnowledgeSql) +
        "CREATE TABLE case_index (rid INTEGER PRIMARY KEY, " ECOSOL_CASE_INDEX_COLUMNS
        ");\n" ECOSOL_CASE_INDEX_INDEXES
        "CREATE VIRTUAL TABLE case_fts USING fts5(title_forms, body_forms,\n"
        "  tokenize='unicode61 remove_diacritics 0');\n",
    kFinanceSql,
    std::string(kParticipationSql) + " WITHOUT ROWID;\n",
    kJobQueueSql,
    kJobInputsSql,
    kJobOutputsSql,
    // Migration 19 moves PostgreSQL's text vectors out of the actors table; SQLite's are in
    // the FTS5 table already, so nothing changes here.
    "SELECT 1",
    // Migration 20: the actors' full-text index records in which column of a row each form
    // appears, not where in it (detail=column). A search is every query word by one of its
    // forms (never a phrase or NEAR, whose words the index of forms does not keep in order), and
    // ranking needs only which columns match (CaseRankContext::by_column); without positions
    // the index is smaller and cheaper to write. The rows are indexed again as IndexText does:
    // those with forms.
    R"sql(
DROP TABLE actors_fts;
CREATE VIRTUAL TABLE actors_fts USING fts5(
  name_forms, body_forms, content='actors', content_rowid='rid',
  tokenize='unicode61 remove_diacritics 0', detail=column
);
INSERT INTO actors_fts (rowid, name_forms, body_forms)
  SELECT rid, name_forms, body_forms FROM actors WHERE name_forms <> '' OR body_forms <> '';
)sql",
};

// Copies the write-ahead log back into the database file every few milliseconds, on its own
// thread and connection (SQLite's passive checkpoints never block the writer).
class Checkpointer {
 public:
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path) {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close_v2(db);
      return Unavailable("cannot open a checkpointing connection to '" + path + "': " + msg);
    }
    return std::unique_ptr<Checkpointer>(new Checkpointer(db));
  }
  ~Checkpointer() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    sqlite3_close_v2(db_);
  }
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  explicit Checkpointer(sqlite3* db) : db_(db), thread_([this] { Run(); }) {}
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      wake_.wait_for(lock, std::chrono::milliseconds(20));
      lock.unlock();
      // Busy (another checkpoint) or locked: the next round tries again.
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  sqlite3* db_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: started once the rest is set
};

class SqliteStore : public SqlStore {
 public:
  SqliteStore(std::unique_ptr<SqlConnection> conn, std::string path, CaseRankContext* rank,
              CaseRankContext* actor_rank)
      : SqlStore(std::move(conn)), path_(std::move(path)), rank_(rank), actor_rank_(actor_rank) {}
  ~SqliteStore() override { checkpointer_.reset(); }
  std::string_view Backend() const override { return "sqlite"; }

  Status BackgroundCheckpoints(bool on) override {
    if (on == (checkpointer_ != nullptr)) return Status::Ok();
    if (!on) {
      checkpointer_.reset();
      sqlite3_wal_hook(static_cast<SqliteConnection&>(conn()).db(), WalUpkeep, nullptr);
      return Status::Ok();
    }
    if (path_.empty() || path_ == ":memory:") return Status::Ok();  // no log to copy
    auto started = Checkpointer::Start(path_);
    if (!started.ok()) return started.status();
    checkpointer_ = std::move(*started);
    return conn().ExecScript("PRAGMA wal_autocheckpoint = 0");
  }

  Result<bool> BeginLoadAlone() override {
    if (in_transaction()) return Internal("BeginLoadAlone inside a transaction");
    if (path_.empty() || path_ == ":memory:" || checkpointer_ != nullptr) return false;
    SqlRows any;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT EXISTS (SELECT 1 FROM actors)", {}, &any));
    if (any.empty() || any[0][0].value_or("1") != "0") return false;
    // Leaving WAL mode needs the only connection: with another one open, SQLite refuses at once
    // (no waiting here) and the load keeps the log.
    sqlite3* db = static_cast<SqliteConnection&>(conn()).db();
    sqlite3_busy_timeout(db, 0);
    SqlRows mode;
    Status s = conn().Exec("PRAGMA journal_mode = DELETE", {}, &mode);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return s.ok() && !mode.empty() && mode[0][0].value_or("") == "delete";
  }

  // A setting of the connection, as PRAGMA `name` gives it (SqliteCacheSize, SqliteMmapSize,
  // SqliteTempStore).
  Result<long long> Setting(std::string_view name) {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("PRAGMA " + std::string(name), {}, &rows));
    long long value = 0;
    if (rows.empty() || !rows[0].at(0) || !ParseInt64(*rows[0][0], &value)) {
      return Internal("PRAGMA " + std::string(name) + " gave no number");
    }
    return value;
  }

  Status EndLoadAlone() override {
    if (in_transaction()) return Internal("EndLoadAlone inside a transaction");
    SqlRows mode;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("PRAGMA journal_mode = WAL", {}, &mode));
    if (mode.empty() || mode[0][0].value_or("") != "wal") {
      return Unavailable("the database '" + path_ +
                         "' could not return to its write-ahead log (it will when next opened)");
    }
    return Status::Ok();
  }

 protected:
  const std::vector<std::string>& Migrations() const override { return kSqliteMigrations; }
  std::string_view BeginSql() const override { return "BEGIN IMMEDIATE"; }
  std::string_view NowMillisSql() const override {
    return "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
  }
  // A page cache of up to 256 MiB, up to 4 threads for the sorts of CREATE INDEX, and the
  // database file mapped into memory (up to 2 GiB, SQLite's limit as Debian builds it). (With
  // 1 GiB of cache, five imports of 1,000,000 rows took 61 to 89 s, median 68 s, and 1.98 GB at
  // their peak; with 256 MiB, 59 to 77 s, median 62 s, and 1.02 GB: docs/benchmarks.md.) The
  // index builds at the end read the whole actors table again and again (six CREATE INDEX and
  // the coordinates for the R*Tree): mapped, its pages are read where they lie instead of
  // copied by a read() each time; the index on kind of 1,000,000 actors took 0.7 s instead of
  // 1.2 s (and a full-text rebuild 6.5 s instead of 9 to 10 s).
  std::string_view BulkLoadSql() const override {
    return "PRAGMA cache_size = -262144; PRAGMA threads = 4; PRAGMA mmap_size = 2147418112";
  }
  // Back to the settings every connection opens with (OpenSqliteStore; no mapping is SQLite's
  // default).
  std::string_view AfterBulkLoadSql() const override {
    return "PRAGMA cache_size = -32768; PRAGMA threads = 0; PRAGMA mmap_size = 0; "
           "PRAGMA temp_store = MEMORY";
  }

  Status IndexText(long long rid, bool fresh, const std::string& name_forms,
                   const std::string& body_forms) override {
    // The FTS table is an index over actors.name_forms/body_forms: remove the old entry with the
    // old forms, store the new forms, and index them.
    if (fresh) {  // the forms were written with the row
      // Also during a bulk load: indexed row by row, the full-text index costs the writing
      // thread time it would otherwise spend waiting for the reading one, where a rebuild at
      // the end (6 to 10 s for 1,000,000 actors) ran while the other core was idle. Four
      // alternating imports of 1,000,000 rows: 38.7 to 52.1 s against 42.9 to 56.8 s with the
      // rebuild, faster in each (docs/benchmarks.md, session 27).
      if (name_forms.empty() && body_forms.empty()) return Status::Ok();
      return conn().Exec("INSERT INTO actors_fts (rowid, name_forms, body_forms) VALUES (?, ?, ?)",
                         {rid, name_forms, body_forms});
    }
    SqlRows old;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT name_forms, body_forms FROM actors WHERE rid = ?", {rid}, &old));
    if (!old.empty() && (old[0][0].value_or("") != "" || old[0][1].value_or("") != "")) {
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("INSERT INTO actors_fts (actors_fts, rowid, name_forms, body_forms) "
                      "VALUES ('delete', ?, ?, ?)",
                      {rid, old[0][0].value_or(""), old[0][1].value_or("")}));
    }
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("UPDATE actors SET name_forms = ?, body_forms = ? WHERE rid = ?",
                    {name_forms, body_forms, rid}));
    return conn().Exec("INSERT INTO actors_fts (rowid, name_forms, body_forms) VALUES (?, ?, ?)",
                       {rid, name_forms, body_forms});
  }

  Status IndexLocation(long long rid, bool fresh, const EncodedActor& e) override {
    const model::Actor& a = e.actor;
    if (fresh && indexes_deferred()) return Status::Ok();
    if (!fresh)
      ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM actors_rtree WHERE rid = ?", {rid}));
    const std::optional<model::Location> shown = model::PublicLocation(a);
    if (a.deleted || !shown) return Status::Ok();
    return conn().Exec("INSERT INTO actors_rtree VALUES (?, ?, ?, ?, ?)",
                       {rid, shown->lon, shown->lon, shown->lat, shown->lat});
  }

  std::pair<std::string, std::string> TextColumnsOfNewRow() const override {
    return {", name_forms, body_forms", ", ?, ?"};
  }

  // The indexes a bulk load into an empty registry drops and builds at the end (sorting once is
  // several times faster than inserting row by row in random key order). Their definitions must
  // stay those of the migrations: a test compares them.
  static const std::vector<std::pair<std::string, std::string>>& DeferredIndexes() {
    static const std::vector<std::pair<std::string, std::string>> indexes = {
        {"actors_by_name", "CREATE INDEX actors_by_name ON actors (sort_name, id)"},
        {"actors_by_country", "CREATE INDEX actors_by_country ON actors (country)"},
        {"actors_by_kind", "CREATE INDEX actors_by_kind ON actors (kind)"},
        {"actors_by_territory", "CREATE INDEX actors_by_territory ON actors (territory)"},
        {"actors_located_by_name",
         "CREATE INDEX actors_located_by_name ON actors (sort_name, id, lon, lat)\n"
         "  WHERE lat IS NOT NULL AND deleted = 0 AND visibility = 0"},
        {"actor_codes_by_rid", "CREATE INDEX actor_codes_by_rid ON actor_codes (rid)"},
        {"actor_identifiers_by_actor",
         "CREATE INDEX actor_identifiers_by_actor ON actor_identifiers (actor_id)"},
        {"actors_by_changed_gen",
         "CREATE INDEX actors_by_changed_gen ON actors (changed_gen, rid)"},
    };
    return indexes;
  }

  Result<bool> DeferIndexes() override {
    for (const auto& [name, create] : DeferredIndexes()) {
      ECOSOL_RETURN_IF_ERROR(conn().ExecScript("DROP INDEX IF EXISTS " + name));
    }
    return true;
  }

  Status BuildDeferredIndexes() override {
    // Sorted in runs of 4 MiB in temporary files, by SQLite's helper threads (PRAGMA threads
    // of BulkLoadSql), while this one reads the table on: SQLite sorts with helper threads only
    // when its temporary files are files (temp_store = MEMORY, this connection's setting, turns
    // them off), and only a sort larger than the page cache is cut into runs (with 256 MiB, each
    // index of 1,000,000 actors was one sort on this thread). The eight indexes of 1,000,000
    // actors, measured alone in the sqlite3 shell in alternation: 5.7 to 7.4 s against 10.1 to
    // 13.9 s (docs/benchmarks.md, session 28). Set back before the R*Tree, which writes pages
    // and wants the large cache; AfterBulkLoadSql sets temp_store back too, whatever happens.
    ECOSOL_RETURN_IF_ERROR(
        conn().ExecScript("PRAGMA temp_store = FILE; PRAGMA cache_size = -4096"));
    for (const auto& [name, create] : DeferredIndexes()) {
      Status built = conn().ExecScript(create);
      if (!built.ok()) {
        return built.WithContext("building the index " + name +
                                 " (SQLite sorts it in temporary files, in SQLITE_TMPDIR, "
                                 "TMPDIR or /var/tmp: is there room and may they be written?)");
      }
    }
    ECOSOL_RETURN_IF_ERROR(  // as BulkLoadSql
        conn().ExecScript("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144"));
    // The R*Tree written packed, straight into its tables (sqlite_rtree_load.h), instead of
    // inserted one actor at a time (13 to 15 s for the 959,903 located actors of a 1,000,000-row
    // import, even in spatial order): the import's median fell by 8 s, and the packed tree has
    // 40% fewer nodes and answers boxes about 30% faster (docs/benchmarks.md). Every located
    // actor written by this load is in the actors table; the tree is rebuilt from them whole.
    sqlite3* db = static_cast<SqliteConnection&>(conn()).db();
    const char* select = "SELECT rid, lon, lat FROM actors WHERE lat IS NOT NULL AND deleted = 0";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, select, -1, &raw, nullptr) != SQLITE_OK) {
      return Unavailable(std::string("reading the located actors: ") + sqlite3_errmsg(db));
    }
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> st(raw, &sqlite3_finalize);
    std::vector<RtreeEntry> entries;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      const double lon = sqlite3_column_double(st.get(), 1);
      const double lat = sqlite3_column_double(st.get(), 2);
      entries.push_back(RtreeEntry{sqlite3_column_int64(st.get(), 0), lon, lon, lat, lat});
    }
    if (rc != SQLITE_DONE) {
      return Unavailable(std::string("reading the located actors: ") + sqlite3_errmsg(db));
    }
    st.reset();
    return BulkLoadRtree(db, "actors_rtree", &entries);
  }

  SqlFragment SearchFrom(const std::string& match) const override {
    return {"actors_fts JOIN actors a ON a.rid = actors_fts.rowid WHERE actors_fts MATCH ?",
            {match}};
  }
  // FTS5's bm25 with the row lengths from memory (sqlite_case_rank.h): bm25 reads each matching
  // row's length with an SQL lookup of its own, most of the time of a search for a common word
  // (1.55 s against 0.21 s for counting the 861,759 actors matching "society" of 1,000,000).
  std::string RankExpression() const override { return "ecosol_actor_rank(actors_fts, 10.0, 1.0)"; }
  SqlFragment RankedMatches(const std::string& match) const override {
    return {
        "SELECT rowid FROM actors_fts WHERE actors_fts MATCH ? ORDER BY "
        "ecosol_actor_rank(actors_fts, 10.0, 1.0), rowid",
        {match}};
  }
  // The lengths are read once per connection (4 bytes per actor); after that, at each search,
  // the actors written since are forgotten (their lengths are then read as bm25 does) by the
  // change feed's index. A write committed between this and the search itself has the length
  // it had before for that one search: its rank may be a little off, never whether it matches.
  Status PrepareActorRank() override {
    auto generation = Generation();
    if (!generation.ok()) return generation.status();
    if (actor_rank_generation_ < 0) {
      SqlRows rows;
      ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT id, sz FROM actors_fts_docsize", {}, &rows));
      std::vector<uint32_t> lengths;
      for (const SqlRow& r : rows) {
        long long id = 0;
        if (!r.at(0) || !ParseInt64(*r[0], &id) || id < 0) continue;
        auto total = DocsizeTotal(r.at(1).value_or(""));
        if (!total) continue;  // read by FTS5 itself when ranked
        if (static_cast<size_t>(id) >= lengths.size()) {
          lengths.resize(static_cast<size_t>(id) + 1, 0);
        }
        lengths[static_cast<size_t>(id)] = *total;
      }
      actor_rank_->by_rowid = std::move(lengths);
      actor_rank_generation_ = *generation;
      return Status::Ok();
    }
    if (*generation == actor_rank_generation_) return Status::Ok();
    SqlRows changed;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT rid FROM actors WHERE changed_gen > ?",
                                       {actor_rank_generation_}, &changed));
    std::vector<uint32_t>& lengths = actor_rank_->by_rowid;
    for (const SqlRow& r : changed) {
      long long rid = -1;
      if (r.at(0) && ParseInt64(*r[0], &rid) && rid >= 0 &&
          static_cast<size_t>(rid) < lengths.size()) {
        lengths[static_cast<size_t>(rid)] = 0;
      }
    }
    actor_rank_generation_ = *generation;
    return Status::Ok();
  }

  bool RanksMatchesInIndexFirst() const override { return true; }

  std::string MatchesRowSql() const override {
    return "SELECT 1 FROM actors_fts WHERE actors_fts MATCH ? AND rowid = ?";
  }
  // From the row's forms, as the full-text index reads them (MatchQuery: every word by one of
  // its forms, the last one also as a prefix), when forms and terms are plain ASCII letters and
  // digits. Otherwise, by the index: its tokenizer's view of other characters is its own. The
  // index answers a prefix query only after merging every matching term's list (about 20 ms for
  // a common word over 1,000,000 actors); a row's forms answer in microseconds.
  Result<bool> RowMatches(const std::vector<std::vector<std::string>>& terms,
                          const std::string& match, long long rid) override {
    auto plain = [](std::string_view s) {
      for (char ch : s) {
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == ' ')) return false;
      }
      return true;
    };
    for (const auto& word : terms) {
      for (const std::string& form : word) {
        if (form.empty() || !plain(form) || form.find(' ') != std::string::npos) {
          return SqlStore::RowMatches(terms, match, rid);
        }
      }
    }
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT name_forms, body_forms FROM actors WHERE rid = ?", {rid}, &rows));
    if (rows.empty()) return false;
    const std::string forms = rows[0].at(0).value_or("") + " " + rows[0].at(1).value_or("");
    if (!plain(forms)) return SqlStore::RowMatches(terms, match, rid);
    std::vector<std::string_view> tokens;
    for (std::string_view rest = forms; !rest.empty();) {
      size_t end = rest.find(' ');
      if (end != 0) tokens.push_back(rest.substr(0, end));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    for (size_t i = 0; i < terms.size(); ++i) {
      const bool prefix = i + 1 == terms.size() && terms[i][0].size() >= 3;
      bool found = false;
      for (std::string_view token : tokens) {
        for (const std::string& form : terms[i]) found = found || token == form;
        found = found || (prefix && token.substr(0, terms[i][0].size()) == terms[i][0]);
        if (found) break;
      }
      if (!found) return false;
    }
    return true;
  }

  Status IndexCaseText(long long rid, const std::string& title_forms,
                       const std::string& body_forms) override {
    return conn().Exec("INSERT INTO case_fts (rowid, title_forms, body_forms) VALUES (?, ?, ?)",
                       {rid, title_forms, body_forms});
  }
  Status UnindexCaseText(long long rid) override {
    return conn().Exec("DELETE FROM case_fts WHERE rowid = ?", {rid});
  }
  SqlFragment CaseMatchFrom(const std::string& match) const override {
    // CROSS JOIN keeps the full-text index as the outer loop: SQLite's planner otherwise walks
    // case_index and asks the FTS table for each row (1.7 s instead of 8 ms over 20,000 cases).
    return {"case_fts CROSS JOIN case_index ci ON ci.rid = case_fts.rowid WHERE case_fts MATCH ?",
            {match}};
  }
  std::string CaseRankExpression() const override { return "bm25(case_fts, 10.0, 1.0)"; }
  // The same rank as CaseRankExpression, with the row lengths from memory and the number of
  // rows of each phrase counted once per knowledge generation (sqlite_case_rank.h).
  Status CaseMatchRanks(const std::string& match,
                        std::vector<std::pair<long long, double>>* out) override {
    std::vector<long long> counts;
    for (const std::string& phrase : MatchPhrases(match)) {
      auto n = CaseRowsMatching(phrase);
      if (!n.ok()) return n.status();
      counts.push_back(*n);
    }
    rank_->doc_counts = std::move(counts);
    Status s = conn().ExecIdNumbers(
        "SELECT rowid, ecosol_case_rank(case_fts, 10.0, 1.0) FROM case_fts WHERE case_fts MATCH ?",
        {match}, out);
    rank_->doc_counts.clear();
    return s;
  }
  // Counted once per knowledge generation.
  Result<long long> CaseRowsMatching(const std::string& match) override {
    auto it = doc_counts_.find(match);
    if (it != doc_counts_.end()) return it->second;
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT count(*) FROM case_fts WHERE case_fts MATCH ?", {match}, &rows));
    long long n = 0;
    if (rows.empty() || !rows[0].at(0) || !ParseInt64(*rows[0][0], &n)) {
      return Internal("case_fts: no count for " + match);
    }
    if (doc_counts_.size() >= 10000) doc_counts_.clear();
    doc_counts_.emplace(match, n);
    return n;
  }
  Status RefreshCaseRankData() override {
    doc_counts_.clear();
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT id, sz FROM case_fts_docsize", {}, &rows));
    std::vector<uint32_t> lengths;
    for (const SqlRow& r : rows) {
      long long id = 0;
      if (!r.at(0) || !ParseInt64(*r[0], &id) || id < 0) continue;
      auto total = DocsizeTotal(r.at(1).value_or(""));
      if (!total) return Internal("case_fts_docsize: row " + std::to_string(id) + " is damaged");
      if (static_cast<size_t>(id) >= lengths.size()) lengths.resize(static_cast<size_t>(id) + 1, 0);
      lengths[static_cast<size_t>(id)] = *total;
    }
    rank_->by_rowid = std::move(lengths);
    return Status::Ok();
  }
  std::string_view MatchOr() const override { return " OR "; }

  using SqlStore::MatchQuery;
  std::string MatchQuery(const std::vector<std::vector<std::string>>& terms,
                         bool prefix_last) const override {
    std::string out;
    for (size_t i = 0; i < terms.size(); ++i) {
      if (i) out += " AND ";
      out += "(";
      for (size_t k = 0; k < terms[i].size(); ++k) {
        if (k) out += " OR ";
        out += "\"" + terms[i][k] + "\"";
      }
      if (prefix_last && i + 1 == terms.size() && terms[i][0].size() >= 3)
        out += " OR \"" + terms[i][0] + "\"*";
      out += ")";
    }
    return out;
  }

  // With a bounding box, SQLite's planner (no statistics) would walk the name index and test
  // each row against the box; the unary + makes it find the box's rows through the R*Tree and
  // sort them instead.
  std::string NameOrder(const ActorQuery& q) const override {
    return q.bbox ? "+a.sort_name, +a.id" : "a.sort_name, a.id";
  }

  // The R*Tree entries that may lie in a box: its bounds are single-precision, rounded outwards,
  // so an entry may stick out of the box its actor lies in (an actor on the box's edge); the
  // exact coordinates decide. Parameters: min_lon, max_lon, min_lat, max_lat.
  static constexpr const char* kRtreeOverlaps =
      "max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?";

  // A box holding few actors is read through the R*Tree and sorted. A box holding many is found by
  // walking the located actors in name order (a covering index) until the page is full, which
  // stops early: with 2% of the actors in the box, a page of 50 reads about 2,500 index entries
  // instead of sorting tens of thousands.
  Result<std::optional<SqlFragment>> BBoxListing(const BBox& b) override {
    constexpr long long kFewInBox = 1500;
    SqlRows count;
    ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT COUNT(*) FROM (SELECT 1 FROM actors_rtree WHERE " +
                                           std::string(kRtreeOverlaps) + " LIMIT ?)",
                                       {b.min_lon, b.max_lon, b.min_lat, b.max_lat, kFewInBox},
                                       &count));
    const bool few = !count.empty() && count[0][0].value_or("0") != std::to_string(kFewInBox);
    if (few) {
      return std::optional<SqlFragment>(SqlFragment{
          "SELECT a.rid, a.sort_name, a.id FROM actors a WHERE a.rid IN (SELECT rid FROM "
          "actors_rtree WHERE " +
              std::string(kRtreeOverlaps) +
              ") AND a.visibility = 0 AND a.lon BETWEEN ? AND ? AND a.lat BETWEEN ? AND ?",
          {b.min_lon, b.max_lon, b.min_lat, b.max_lat, b.min_lon, b.max_lon, b.min_lat,
           b.max_lat}});
    }
    return std::optional<SqlFragment>(SqlFragment{
        "SELECT a.rid, a.sort_name, a.id FROM actors a INDEXED BY actors_located_by_name "
        "WHERE a.lat IS NOT NULL AND a.deleted = 0 AND a.visibility = 0 AND a.lon BETWEEN ? AND "
        "? AND a.lat BETWEEN ? AND ?",
        {b.min_lon, b.max_lon, b.min_lat, b.max_lat}});
  }

  SqlFragment BBoxCondition(const BBox& b) const override {
    return {
        "a.rid IN (SELECT rid FROM actors_rtree WHERE " + std::string(kRtreeOverlaps) +
            ") AND a.lon BETWEEN ? AND ? AND a.lat BETWEEN ? AND ?",
        {b.min_lon, b.max_lon, b.min_lat, b.max_lat, b.min_lon, b.max_lon, b.min_lat, b.max_lat}};
  }

 private:
  std::string path_;
  CaseRankContext* rank_;        // owned by the connection
  CaseRankContext* actor_rank_;  // owned by the connection
  // The generation actor_rank_'s lengths are good for; -1 before they are read.
  long long actor_rank_generation_ = -1;
  // Rows of case_fts matching each phrase or word searched since the knowledge generation last
  // moved.
  std::unordered_map<std::string, long long> doc_counts_;
  std::unique_ptr<Checkpointer> checkpointer_;
};

}  // namespace

Result<long long> SqliteCacheSize(Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  if (sqlite == nullptr) return InvalidArgument("not a SQLite store");
  return sqlite->Setting("cache_size");
}

Result<long long> SqliteMmapSize(Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  if (sqlite == nullptr) return InvalidArgument("not a SQLite store");
  return sqlite->Setting("mmap_size");
}

Result<long long> SqliteTempStore(Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  if (sqlite == nullptr) return InvalidArgument("not a SQLite store");
  return sqlite->Setting("temp_store");
}

void SetWalUpkeepSettings(const WalUpkeepSettings& settings) {
  g_passive_pages = settings.passive_pages;
  g_restart_pages = settings.restart_pages;
  g_restart_wait_ms = settings.restart_wait_ms;
  g_restart_interval_ms = settings.restart_interval_ms;
  g_last_restart_ms = -1'000'000'000;
}

WalUpkeepSettings GetWalUpkeepSettings() {
  return {g_passive_pages.load(), g_restart_pages.load(), g_restart_wait_ms.load(),
          g_restart_interval_ms.load()};
}

void ConfigureSqliteProcess() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SQLITE_MISUSE when SQLite was already initialised by someone else: the default stays.
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  ConfigureSqliteProcess();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Unavailable("cannot open SQLite database '" + path + "': " + msg +
                       " (does its folder exist and is it writable?)");
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto conn = std::make_unique<SqliteConnection>(db);
  auto rank = RegisterCaseRank(db);
  if (!rank.ok()) return rank.status();
  auto actor_rank = RegisterCaseRank(db, "ecosol_actor_rank");
  if (!actor_rank.ok()) return actor_rank.status();
  (*actor_rank)->by_column = true;  // actors_fts is detail=column (migration 20)
  Status s = conn->ExecScript(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
      "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768;"  // as AfterBulkLoadSql
      // A log started again keeps no more than this on disk (it grew to the largest it had been).
      "PRAGMA journal_size_limit = 67108864;");
  if (!s.ok()) return s.WithContext("opening '" + path + "'");
  sqlite3_wal_hook(db, WalUpkeep, nullptr);
  return std::unique_ptr<Store>(
      std::make_unique<SqliteStore>(std::move(conn), path, *rank, *actor_rank));
}

}  // namespace ecosol::store
