#include "ecosol/store/backup.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "db_names.h"
#include "ecosol/store/store.h"
#include "sqlite_store.h"

extern char** environ;

namespace ecosol::store {
namespace {

namespace fs = std::filesystem;

constexpr int kPagesPerStep = 1024;
// How long a SQLite copy waits, in total, for a busy or locked database before giving up.
constexpr auto kBusyPatience = std::chrono::seconds(60);
constexpr auto kBusySleep = std::chrono::milliseconds(20);
constexpr const char* kPgClientHint =
    "install the PostgreSQL client tools (Debian: apt-get install postgresql-client-15)";

// The main tables whose rows a SQLite verification counts, when they exist.
constexpr const char* kCountedTables[] = {
    "actors", "actor_versions", "relationships",   "relationship_versions",
    "terms",  "territories",    "users",           "audit_log",
    "cases",  "offers_wants",   "finance_records", "participation_records",
};

enum class FileKind { kSqlite, kPgDump, kOther };

// What a file is, from its first bytes: "SQLite format 3\0" or pg_dump's "PGDMP".
Result<FileKind> SniffFile(const std::string& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return NotFound("backup file '" + file + "' does not exist (check the path)");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Unavailable("cannot read '" + file + "' (check its permissions)");
  char head[16] = {};
  in.read(head, sizeof head);
  auto got = static_cast<size_t>(in.gcount());
  if (got == sizeof head && std::memcmp(head, "SQLite format 3", 16) == 0) {
    return FileKind::kSqlite;
  }
  if (got >= 5 && std::memcmp(head, "PGDMP", 5) == 0) return FileKind::kPgDump;
  return FileKind::kOther;
}

// "20261130T185800Z".
std::string UtcStamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// A temporary name in the folder of `path`: ".<name>.<tag>-<pid>-<n>".
std::string TempBeside(const std::string& path, const std::string& tag) {
  static std::atomic<int> counter{0};
  fs::path p(path);
  fs::path name = "." + p.filename().string() + "." + tag + "-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter++);
  return (p.parent_path() / name).string();
}

// "<base>before-restore-<UTC time><suffix>", with "-2", "-3"... before the suffix when a restore
// in the same second already took the name.
std::string KeptName(const std::string& base, const std::string& suffix) {
  std::string stamp = base + "before-restore-" + UtcStamp();
  std::error_code ec;
  std::string name = stamp + suffix;
  for (int n = 2; fs::exists(name, ec); ++n) name = stamp + "-" + std::to_string(n) + suffix;
  return name;
}

void RemoveQuietly(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

// Makes a rename in the folder of `path` durable.
void SyncFolderOf(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

long long FileSize(const std::string& path) {
  std::error_code ec;
  auto n = fs::file_size(path, ec);
  return ec ? 0 : static_cast<long long>(n);
}

// --- running pg_dump and pg_restore ---------------------------------------------------------

struct ProgramRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH) with `argv`, standard input from /dev/null, and captures its
// standard output (when `capture_out`; else /dev/null) and standard error.
Result<ProgramRun> RunProgram(const std::vector<std::string>& argv, bool capture_out) {
  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if (::pipe2(err_pipe, O_CLOEXEC) != 0 || (capture_out && ::pipe2(out_pipe, O_CLOEXEC) != 0)) {
    return Internal(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (capture_out) {
    posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
  } else {
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argv[0].c_str(), &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(err_pipe[1]);
  if (capture_out) ::close(out_pipe[1]);
  if (rc != 0) {
    ::close(err_pipe[0]);
    if (capture_out) ::close(out_pipe[0]);
    if (rc == ENOENT) {
      return NotFound(argv[0] + " was not found in PATH: " + kPgClientHint);
    }
    return Internal("cannot run " + argv[0] + ": " + std::strerror(rc));
  }
  ProgramRun run;
  std::vector<pollfd> fds;
  fds.push_back({err_pipe[0], POLLIN, 0});
  if (capture_out) fds.push_back({out_pipe[0], POLLIN, 0});
  size_t open_fds = fds.size();
  char buf[65536];
  while (open_fds > 0) {
    int n = ::poll(fds.data(), fds.size(), -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        (i == 0 ? run.err : run.out).append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Internal(std::string("waitpid: ") + std::strerror(errno));
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// The error of a failed pg_dump/pg_restore run, with what it printed.
Status ToolFailed(const std::string& what, const ProgramRun& run) {
  std::string err = TrimMessage(run.err);
  return Unavailable(what + " failed (exit code " + std::to_string(run.exit_code) + ")" +
                     (err.empty() ? std::string() : ": " + err));
}

// --- PostgreSQL connections -----------------------------------------------------------------

struct PgTarget {
  std::string schema;               // current_schema() of the URL's session
  std::vector<std::string> tables;  // the tables in that schema
};

Result<PgTarget> InspectPg(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(c, &PQfinish);
  if (PQstatus(c) != CONNECTION_OK) {
    return Unavailable("cannot connect to PostgreSQL: " + TrimMessage(PQerrorMessage(c)));
  }
  PGresult* r = PQexec(c,
                       "SELECT current_schema(), t.tablename FROM (SELECT current_schema() AS s) "
                       "cs LEFT JOIN pg_catalog.pg_tables t ON t.schemaname = cs.s "
                       "ORDER BY t.tablename");
  std::unique_ptr<PGresult, decltype(&PQclear)> res(r, &PQclear);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    return Unavailable("PostgreSQL: " + TrimMessage(PQerrorMessage(c)));
  }
  PgTarget t;
  for (int i = 0; i < PQntuples(r); ++i) {
    if (i == 0 && !PQgetisnull(r, 0, 0)) t.schema = PQgetvalue(r, 0, 0);
    if (!PQgetisnull(r, i, 1)) t.tables.emplace_back(PQgetvalue(r, i, 1));
  }
  if (t.schema.empty()) {
    return InvalidArgument(
        "the PostgreSQL URL's search_path names no existing schema: create the schema first");
  }
  return t;
}

Status ExecPg(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(c, &PQfinish);
  if (PQstatus(c) != CONNECTION_OK) {
    return Unavailable("cannot connect to PostgreSQL: " + TrimMessage(PQerrorMessage(c)));
  }
  PGresult* r = PQexec(c, ("SET client_min_messages = warning; " + sql).c_str());
  std::unique_ptr<PGresult, decltype(&PQclear)> res(r, &PQclear);
  if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
    return Unavailable("PostgreSQL: " + TrimMessage(PQerrorMessage(c)));
  }
  return Status::Ok();
}

// --- SQLite ---------------------------------------------------------------------------------

using SqliteRows = std::vector<std::vector<std::string>>;

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;

Status SqliteError(sqlite3* db, int rc, const std::string& where) {
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Unavailable(where + ": the database is busy (" + msg + "); try again");
  }
  if (primary == SQLITE_FULL) return Unavailable(where + ": disk full (" + msg + ")");
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    return InvalidArgument(where + ": the file is damaged or not a SQLite database (" + msg + ")");
  }
  return Unavailable(where + ": " + msg);
}

Result<SqlitePtr> OpenSqlite(const std::string& path, int flags) {
  ConfigureSqliteProcess();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  SqlitePtr ptr(db);
  if (rc != SQLITE_OK) return SqliteError(db, rc, "opening '" + path + "'");
  sqlite3_busy_timeout(db, 5000);
  return ptr;
}

Status Query(sqlite3* db, const std::string& sql, SqliteRows* rows, const std::string& where) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, where);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> guard(st, &sqlite3_finalize);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (!rows) continue;
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      row.emplace_back(text ? text : "");
    }
    rows->push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return SqliteError(db, rc, where);
  return Status::Ok();
}

// Copies the database `src` into a new file `dest_path` with the online backup API, in chunks of
// pages, from one read snapshot of the source (in WAL mode, writers carry on meanwhile and the
// copy never restarts). The copy is left in rollback-journal mode: one self-contained file.
Status CopySqlite(sqlite3* src, const std::string& src_name, const std::string& dest_path,
                  const std::function<void(const BackupProgress&)>& progress) {
  // One snapshot for the whole copy: a read transaction on the source connection, which
  // sqlite3_backup_step uses instead of opening one per step.
  ECOSOL_RETURN_IF_ERROR(Query(src, "BEGIN", nullptr, "reading '" + src_name + "'"));
  Status snap =
      Query(src, "SELECT count(*) FROM sqlite_master", nullptr, "reading '" + src_name + "'");
  auto end_snapshot = [&] { (void)Query(src, "COMMIT", nullptr, "ending the read"); };
  if (!snap.ok()) {
    end_snapshot();
    return snap;
  }
  auto dest = OpenSqlite(dest_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!dest.ok()) {
    end_snapshot();
    return dest.status();
  }
  sqlite3* d = dest->get();
  sqlite3_backup* b = sqlite3_backup_init(d, "main", src, "main");
  if (!b) {
    end_snapshot();
    return SqliteError(d, sqlite3_errcode(d), "starting the copy into '" + dest_path + "'");
  }
  auto busy_since = std::chrono::steady_clock::time_point{};
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(b, kPagesPerStep);
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
      busy_since = {};
      if (progress) {
        long long total = sqlite3_backup_pagecount(b);
        progress({total - sqlite3_backup_remaining(b), total});
      }
      if (rc == SQLITE_DONE) break;
      continue;
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      auto now = std::chrono::steady_clock::now();
      if (busy_since == std::chrono::steady_clock::time_point{}) busy_since = now;
      if (now - busy_since < kBusyPatience) {
        std::this_thread::sleep_for(kBusySleep);
        continue;
      }
    }
    break;
  }
  int finish = sqlite3_backup_finish(b);
  end_snapshot();
  if (rc != SQLITE_DONE) {
    return SqliteError(d, rc, "copying '" + src_name + "' into '" + dest_path + "'");
  }
  if (finish != SQLITE_OK) {
    return SqliteError(d, finish, "copying '" + src_name + "' into '" + dest_path + "'");
  }
  SqliteRows mode;
  ECOSOL_RETURN_IF_ERROR(
      Query(d, "PRAGMA journal_mode = DELETE", &mode, "finishing '" + dest_path + "'"));
  return Status::Ok();
}

Result<BackupReport> VerifySqliteFile(const std::string& file) {
  BackupReport report;
  report.file = file;
  report.format = "sqlite";
  report.size_bytes = FileSize(file);
  auto db = OpenSqlite(file, SQLITE_OPEN_READONLY);
  if (!db.ok()) return db.status();
  sqlite3* d = db->get();
  const std::string where = "verifying '" + file + "'";
  SqliteRows check;
  ECOSOL_RETURN_IF_ERROR(Query(d, "PRAGMA integrity_check(20)", &check, where));
  if (check.empty() || check[0].empty() || check[0][0] != "ok") {
    std::string problems;
    for (const auto& row : check) {
      if (!row.empty()) problems += (problems.empty() ? "" : "; ") + row[0];
    }
    return InvalidArgument("'" + file + "' is damaged: integrity_check found " + problems +
                           " (use another backup)");
  }
  SqliteRows tables;
  ECOSOL_RETURN_IF_ERROR(
      Query(d, "SELECT name FROM sqlite_master WHERE type = 'table'", &tables, where));
  std::set<std::string> names;
  for (const auto& row : tables) names.insert(row.at(0));
  if (!names.count("schema_migrations")) {
    return InvalidArgument("'" + file +
                           "' is a SQLite file but not an Ecosol database (no schema_migrations "
                           "table)");
  }
  SqliteRows version;
  ECOSOL_RETURN_IF_ERROR(
      Query(d, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &version, where));
  report.schema_version = std::stoi(version.at(0).at(0));
  for (const char* table : kCountedTables) {
    if (!names.count(table)) continue;
    SqliteRows n;
    ECOSOL_RETURN_IF_ERROR(
        Query(d, "SELECT count(*) FROM \"" + std::string(table) + "\"", &n, where));
    report.table_counts.emplace_back(table, std::stoll(n.at(0).at(0)));
  }
  return report;
}

// Whether the SQLite database at `path` holds any table; an error when it is not a database.
Result<bool> SqliteHoldsData(sqlite3* db, const std::string& path) {
  SqliteRows n;
  ECOSOL_RETURN_IF_ERROR(Query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", &n,
                               "reading the target '" + path + "'"));
  return n.at(0).at(0) != "0";
}

// Gives `tmp` the name `file`: without `overwrite` through link(2), which fails rather than
// replace a file that appeared meanwhile.
Status PutInPlace(const std::string& tmp, const std::string& file, bool overwrite) {
  if (overwrite) {
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
      return Unavailable("cannot rename '" + tmp + "' to '" + file + "': " + std::strerror(errno));
    }
  } else {
    if (::link(tmp.c_str(), file.c_str()) != 0) {
      int e = errno;
      if (e == EEXIST) {
        return Conflict("'" + file + "' already exists: choose another name or pass --overwrite");
      }
      return Unavailable("cannot create '" + file + "': " + std::strerror(e));
    }
    ::unlink(tmp.c_str());
  }
  SyncFolderOf(file);
  return Status::Ok();
}

Status CheckNewFile(const std::string& file, bool overwrite) {
  std::error_code ec;
  if (fs::exists(file, ec) && !overwrite) {
    return Conflict("'" + file + "' already exists: choose another name or pass --overwrite");
  }
  fs::path parent = fs::path(file).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    return NotFound("the folder '" + parent.string() + "' does not exist: create it first");
  }
  return Status::Ok();
}

// The end of every backup: the temporary file is verified, then given its name. On any failure
// it is removed, so that no unverified or half-made backup is left behind.
Result<BackupReport> VerifyAndPlace(const std::string& tmp, const std::string& file, bool overwrite,
                                    Result<BackupReport> (*verify)(const std::string&)) {
  auto report = verify(tmp);
  if (!report.ok()) {
    RemoveQuietly(tmp);
    return report.status();
  }
  Status placed = PutInPlace(tmp, file, overwrite);
  if (!placed.ok()) {
    RemoveQuietly(tmp);
    return placed;
  }
  report->file = file;
  return report;
}

Result<BackupReport> BackupSqlite(const std::string& path, const std::string& file,
                                  const BackupOptions& options) {
  std::error_code ec;
  if (path == ":memory:") return InvalidArgument("an in-memory database cannot be backed up");
  if (!fs::is_regular_file(path, ec)) {
    return NotFound("no SQLite database at '" + path + "' (check --db)");
  }
  if (fs::exists(file, ec) && fs::equivalent(path, file, ec)) {
    return InvalidArgument("the backup file '" + file + "' is the database itself");
  }
  ECOSOL_RETURN_IF_ERROR(CheckNewFile(file, options.overwrite));
  auto src = OpenSqlite(path, SQLITE_OPEN_READONLY);
  if (!src.ok()) return src.status();
  std::string tmp = TempBeside(file, "partial");
  Status copied = CopySqlite(src->get(), path, tmp, options.progress);
  src->reset();
  if (!copied.ok()) {
    RemoveQuietly(tmp);
    return copied.WithContext("backing up '" + path + "'");
  }
  return VerifyAndPlace(tmp, file, options.overwrite, VerifySqliteFile);
}

// Restores a verified SQLite backup over `target`; see backup.h.
Result<RestoreReport> RestoreSqlite(const BackupReport& verified, const std::string& file,
                                    const std::string& target, const RestoreOptions& options) {
  RestoreReport out;
  out.backup = verified;
  out.target = target;
  out.schema_version_restored = verified.schema_version;
  std::error_code ec;
  if (target == ":memory:") return InvalidArgument("cannot restore into an in-memory database");
  if (fs::exists(target, ec) && fs::equivalent(file, target, ec)) {
    return InvalidArgument("the backup file '" + file + "' is the target database itself");
  }
  fs::path parent = fs::path(target).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);

  // The target as it is: holding data or not. Its connection stays open, and locked from the
  // switch below until the new file is in place.
  SqlitePtr current;
  bool holds_data = false;
  if (fs::exists(target, ec)) {
    auto db = OpenSqlite(target, SQLITE_OPEN_READWRITE);
    if (!db.ok()) return db.status();
    auto data = SqliteHoldsData(db->get(), target);
    if (!data.ok()) {
      return Status(data.status().code(),
                    data.status().message() + " (move the file away to restore to this path)");
    }
    holds_data = *data;
    if (holds_data && !options.force) {
      return Conflict("the database '" + target +
                      "' already holds data: pass --force to replace it (its current content is "
                      "kept as '" +
                      target + ".before-restore-<time>')");
    }
    current = std::move(*db);
  }

  std::string tmp = TempBeside(target, "restoring");
  {
    auto src = OpenSqlite(file, SQLITE_OPEN_READONLY);
    if (!src.ok()) return src.status();
    Status copied = CopySqlite(src->get(), file, tmp, options.progress);
    if (!copied.ok()) {
      RemoveQuietly(tmp);
      return copied.WithContext("restoring '" + file + "'");
    }
  }

  if (current) {
    // Leaving WAL mode needs the only connection to the database: it checkpoints the WAL into
    // the file and deletes it, so the file alone is the whole previous database, and fails when
    // another process (a running `ecosol serve`) has it open. The exclusive lock then keeps
    // everyone out until the new file has the name.
    SqliteRows mode;
    Status s = Query(current.get(), "PRAGMA journal_mode = DELETE", &mode, "closing the target");
    if (s.ok() && (mode.empty() || mode[0].empty() || mode[0][0] != "delete")) {
      s = Unavailable("the target could not leave WAL mode");
    }
    if (s.ok()) {
      s = Query(current.get(), "PRAGMA locking_mode = EXCLUSIVE", nullptr, "locking the target");
    }
    if (s.ok()) s = Query(current.get(), "BEGIN EXCLUSIVE", nullptr, "locking the target");
    if (!s.ok()) {
      RemoveQuietly(tmp);
      return Unavailable("the database '" + target +
                         "' is in use by another process: stop it (`ecosol serve`) and run the "
                         "restore again (" +
                         s.message() + ")");
    }
    if (holds_data) {
      out.previous_kept = KeptName(target + ".", "");
      if (::link(target.c_str(), out.previous_kept.c_str()) != 0) {
        fs::copy_file(target, out.previous_kept, fs::copy_options::none, ec);
        if (ec) {
          RemoveQuietly(tmp);
          return Unavailable("cannot keep the previous database as '" + out.previous_kept +
                             "': " + ec.message() + "; nothing was changed");
        }
      }
    }
    // Stale companions of the old file would be replayed onto the new one: gone (the switch
    // above emptied them into the kept file).
    RemoveQuietly(target + "-wal");
    RemoveQuietly(target + "-shm");
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int e = errno;
    RemoveQuietly(tmp);
    return Unavailable("cannot rename '" + tmp + "' to '" + target + "': " + std::strerror(e));
  }
  SyncFolderOf(target);
  current.reset();
  return out;
}

// --- PostgreSQL -----------------------------------------------------------------------------

// The TABLE entries of `pg_restore --list` ("215; 1259 16386 TABLE public actors owner").
std::vector<std::string> ArchiveTables(const std::string& listing) {
  std::vector<std::string> tables;
  std::istringstream lines(listing);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == ';') continue;
    std::istringstream words(line);
    std::vector<std::string> w;
    std::string word;
    while (words >> word) w.push_back(word);
    if (w.size() >= 7 && w[3] == "TABLE" && w[4] != "DATA") tables.push_back(w[4] + "." + w[5]);
  }
  return tables;
}

Result<BackupReport> VerifyPgDump(const std::string& file) {
  BackupReport report;
  report.file = file;
  report.format = "pg_dump";
  report.size_bytes = FileSize(file);
  auto list = RunProgram({"pg_restore", "--list", file}, true);
  if (!list.ok()) return list.status();
  if (list->exit_code != 0) {
    return InvalidArgument("'" + file +
                           "' is damaged: " + ToolFailed("pg_restore --list", *list).message());
  }
  report.tables = ArchiveTables(list->out);
  auto has = [&](const std::string& name) {
    for (const auto& t : report.tables) {
      if (t.size() > name.size() &&
          t.compare(t.size() - name.size() - 1, std::string::npos, "." + name) == 0) {
        return true;
      }
    }
    return false;
  };
  if (!has("schema_migrations") || !has("actors")) {
    return InvalidArgument("'" + file +
                           "' is a pg_dump archive but not of an Ecosol database (no "
                           "schema_migrations or actors table)");
  }
  // Every data block decompresses and reads back.
  auto full = RunProgram({"pg_restore", "--file=/dev/null", file}, false);
  if (!full.ok()) return full.status();
  if (full->exit_code != 0) {
    return InvalidArgument(
        "'" + file + "' is damaged: " + ToolFailed("reading it with pg_restore", *full).message());
  }
  auto rows = RunProgram(
      {"pg_restore", "--data-only", "--table=schema_migrations", "--file=-", file}, true);
  if (!rows.ok()) return rows.status();
  if (rows->exit_code != 0) {
    return InvalidArgument("'" + file + "' is damaged: " +
                           ToolFailed("pg_restore --table=schema_migrations", *rows).message());
  }
  std::istringstream lines(rows->out);
  std::string line;
  bool in_copy = false;
  while (std::getline(lines, line)) {
    if (!in_copy) {
      in_copy = line.rfind("COPY ", 0) == 0 && line.find("schema_migrations") != std::string::npos;
      continue;
    }
    if (line == "\\.") break;
    try {
      report.schema_version = std::max(report.schema_version, std::stoi(line));
    } catch (const std::exception&) {
      return InvalidArgument("'" + file + "': unreadable schema_migrations row '" + line + "'");
    }
  }
  return report;
}

Result<BackupReport> BackupPg(const std::string& url, const std::string& file,
                              const BackupOptions& options) {
  ECOSOL_RETURN_IF_ERROR(CheckNewFile(file, options.overwrite));
  auto target = InspectPg(url);
  if (!target.ok()) return target.status();
  std::string tmp = TempBeside(file, "partial");
  std::vector<std::string> argv = {"pg_dump", "--format=custom", "--no-password", "--file=" + tmp,
                                   "--dbname=" + url};
  // A URL whose search_path selects a schema other than public backs up that schema alone.
  if (target->schema != "public") argv.push_back("--schema=" + QuoteIdent(target->schema));
  auto run = RunProgram(argv, false);
  if (!run.ok()) return run.status();
  if (run->exit_code != 0) {
    RemoveQuietly(tmp);
    return ToolFailed("pg_dump", *run);
  }
  return VerifyAndPlace(tmp, file, options.overwrite, VerifyPgDump);
}

Result<RestoreReport> RestorePg(const BackupReport& verified, const std::string& file,
                                const std::string& url, const RestoreOptions& options) {
  RestoreReport out;
  out.backup = verified;
  out.target = RedactUrl(url);
  out.schema_version_restored = verified.schema_version;
  auto target = InspectPg(url);
  if (!target.ok()) return target.status();
  std::set<std::string> archived;
  for (const auto& t : verified.tables) {
    std::string schema = t.substr(0, t.find('.'));
    if (schema != target->schema) {
      return InvalidArgument("'" + file + "' holds the schema '" + schema +
                             "' but the target URL's schema is '" + target->schema +
                             "': pg_restore recreates a schema under its own name (restore into "
                             "a database whose search_path is '" +
                             schema + "')");
    }
    archived.insert(t.substr(t.find('.') + 1));
  }
  if (!target->tables.empty()) {
    if (!options.force) {
      return Conflict("the PostgreSQL database already holds data (" +
                      std::to_string(target->tables.size()) +
                      " tables): pass --force to replace it (its current content is dumped "
                      "beside the backup file first)");
    }
    fs::path folder = fs::path(file).parent_path();
    out.previous_kept = KeptName((folder / "").string(), ".dump");
    auto kept = BackupPg(url, out.previous_kept, {});
    if (!kept.ok()) {
      out.previous_kept.clear();
      return kept.status().WithContext("keeping the current content before restoring");
    }
    // Tables the archive does not hold (made by a newer migration) would survive --clean and
    // clash with Migrate; they are in the dump just made.
    std::string drop;
    for (const auto& t : target->tables) {
      if (!archived.count(t)) {
        drop += "DROP TABLE IF EXISTS " + QuoteIdent(target->schema) + "." + QuoteIdent(t) +
                " CASCADE; ";
      }
    }
    if (!drop.empty()) ECOSOL_RETURN_IF_ERROR(ExecPg(url, "BEGIN; " + drop + "COMMIT;"));
  }
  auto run =
      RunProgram({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                  "--exit-on-error", "--no-password", "--dbname=" + url, file},
                 false);
  if (!run.ok()) return run.status();
  if (run->exit_code != 0) {
    return ToolFailed("pg_restore", *run)
        .WithContext("restoring '" + file +
                     "' (one transaction: the tables it holds are as "
                     "they were)");
  }
  return out;
}

}  // namespace

int SupportedSchemaVersion() {
  static const int version = [] {
    auto store = OpenStore(":memory:");
    if (!store.ok() || !(*store)->Migrate().ok()) return 0;
    auto v = (*store)->SchemaVersion();
    return v.ok() ? *v : 0;
  }();
  return version;
}

Result<BackupReport> VerifyBackup(const std::string& file) {
  auto kind = SniffFile(file);
  if (!kind.ok()) return kind.status();
  Result<BackupReport> report = InvalidArgument(
      "'" + file + "' is neither a SQLite database nor a pg_dump custom-format archive");
  if (*kind == FileKind::kSqlite) report = VerifySqliteFile(file);
  if (*kind == FileKind::kPgDump) report = VerifyPgDump(file);
  if (!report.ok()) return report;
  int supported = SupportedSchemaVersion();
  if (supported > 0 && report->schema_version > supported) {
    return Conflict("'" + file + "' has schema version " + std::to_string(report->schema_version) +
                    ", newer than this ecosol (" + std::to_string(supported) +
                    "): upgrade ecosol to restore it");
  }
  return report;
}

Result<BackupReport> Backup(const std::string& url, const std::string& file,
                            const BackupOptions& options) {
  if (file.empty()) return InvalidArgument("backup: no file name given");
  if (IsPostgresUrl(url)) return BackupPg(url, file, options);
  return BackupSqlite(url, file, options);
}

Result<RestoreReport> Restore(const std::string& file, const std::string& url,
                              const RestoreOptions& options) {
  auto verified = VerifyBackup(file);
  if (!verified.ok()) return verified.status().WithContext("nothing was restored");
  bool to_pg = IsPostgresUrl(url);
  Result<RestoreReport> out = Internal("restore: unreachable");
  if (verified->format == "sqlite") {
    if (to_pg) {
      return InvalidArgument("'" + file +
                             "' is a SQLite backup but the target is a PostgreSQL URL: restore "
                             "it to a SQLite path (--db data/ecosol.db)");
    }
    out = RestoreSqlite(*verified, file, url, options);
  } else {
    if (!to_pg) {
      return InvalidArgument("'" + file +
                             "' is a pg_dump archive but the target is a SQLite path: restore it "
                             "to a postgresql:// URL (--db postgresql://...)");
    }
    out = RestorePg(*verified, file, url, options);
  }
  if (!out.ok()) return out;
  // An older backup is upgraded to this build's schema.
  auto store = OpenStore(url);
  if (!store.ok()) return store.status().WithContext("opening the restored database");
  ECOSOL_RETURN_IF_ERROR(
      (*store)->Migrate().WithContext("upgrading the restored database '" + RedactUrl(url) + "'"));
  auto after = (*store)->SchemaVersion();
  if (!after.ok()) return after.status();
  out->schema_version_after = *after;
  return out;
}

}  // namespace ecosol::store
