// `ecosol backup FILE [--overwrite] [--json]`, `ecosol backup verify FILE [--json]` and
// `ecosol restore FILE [--force] [--json]`: backups of the database of --db with SQLite's online
// backup API or pg_dump, their verification, and restores (ecosol/store/backup.h); and
// `ecosol copy --to URL [--json]`, which copies the SQLite database of --db into an empty
// PostgreSQL database (ecosol/store/copy.h).

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "context.h"
#include "ecosol/store/backup.h"
#include "ecosol/store/copy.h"

namespace ecosol::cli {
namespace {

struct BackupArgs {
  std::string file;
  bool overwrite = false;
  bool force = false;
  bool json = false;
};

// "\rbacking up: 42% (1024 of 2400 pages)" on a terminal; null otherwise.
std::function<void(const store::BackupProgress&)> ProgressDisplay(const Context& ctx,
                                                                  const std::string& what) {
  if (!isatty(STDERR_FILENO) || ctx.err != &std::cerr) return nullptr;
  return [what](const store::BackupProgress& p) {
    int percent = p.pages_total <= 0 ? 100
                                     : static_cast<int>(100.0 * static_cast<double>(p.pages_done) /
                                                        static_cast<double>(p.pages_total));
    std::cerr << "\r" << what << ": " << percent << "% (" << p.pages_done << " of " << p.pages_total
              << " pages)" << std::flush;
    if (p.pages_done >= p.pages_total) std::cerr << "\n";
  };
}

std::string Size(long long bytes) {
  char buf[32];
  if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buf;
}

nlohmann::json ReportJson(const store::BackupReport& r) {
  nlohmann::json j = {{"file", r.file},
                      {"format", r.format},
                      {"size_bytes", r.size_bytes},
                      {"schema_version", r.schema_version},
                      {"verified", true}};
  if (r.format == "sqlite") {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [table, n] : r.table_counts) counts[table] = n;
    j["table_counts"] = counts;
  } else {
    j["tables"] = r.tables;
  }
  return j;
}

// "verified: integrity ok, schema version 15; actors 2, relationships 0, ..." or, for a
// PostgreSQL archive, the number of tables it holds.
void PrintVerification(std::ostream& out, const store::BackupReport& r) {
  if (r.format == "sqlite") {
    out << "verified: integrity ok, schema version " << r.schema_version << ";";
    const char* sep = " ";
    for (const auto& [table, n] : r.table_counts) {
      out << sep << table << " " << n;
      sep = ", ";
    }
    out << "\n";
  } else {
    out << "verified: pg_restore reads the whole archive, schema version " << r.schema_version
        << "; " << r.tables.size() << " tables\n";
  }
}

void RunBackup(Context& ctx, const BackupArgs& args) {
  if (args.file.empty()) {
    return Fail(ctx, InvalidArgument("backup: name the backup file: `ecosol backup FILE` (or "
                                     "`ecosol backup verify FILE`)"));
  }
  store::BackupOptions o;
  o.overwrite = args.overwrite;
  if (!args.json) o.progress = ProgressDisplay(ctx, "backing up");
  auto report = store::Backup(ctx.db, args.file, o);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) {
    auto j = ReportJson(*report);
    j["database"] = store::RedactUrl(ctx.db);
    *ctx.out << j.dump(2) << "\n";
    return;
  }
  *ctx.out << "backed up " << store::RedactUrl(ctx.db) << " to " << report->file << " ("
           << report->format << ", " << Size(report->size_bytes) << ")\n";
  PrintVerification(*ctx.out, *report);
}

void RunVerify(Context& ctx, const BackupArgs& args) {
  auto report = store::VerifyBackup(args.file);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) {
    *ctx.out << ReportJson(*report).dump(2) << "\n";
    return;
  }
  *ctx.out << report->file << ": " << report->format << " backup, " << Size(report->size_bytes)
           << "\n";
  PrintVerification(*ctx.out, *report);
}

void RunRestore(Context& ctx, const BackupArgs& args) {
  store::RestoreOptions o;
  o.force = args.force;
  if (!args.json) o.progress = ProgressDisplay(ctx, "restoring");
  auto r = store::Restore(args.file, ctx.db, o);
  if (!r.ok()) return Fail(ctx, r.status());
  if (args.json) {
    nlohmann::json j = {
        {"file", args.file},
        {"target", r->target},
        {"backup", ReportJson(r->backup)},
        {"previous_kept",
         r->previous_kept.empty() ? nlohmann::json(nullptr) : nlohmann::json(r->previous_kept)},
        {"schema_version_restored", r->schema_version_restored},
        {"schema_version_after", r->schema_version_after}};
    *ctx.out << j.dump(2) << "\n";
    return;
  }
  PrintVerification(*ctx.out, r->backup);
  *ctx.out << "restored " << args.file << " into " << r->target << " (schema version "
           << r->schema_version_restored;
  if (r->schema_version_after != r->schema_version_restored) {
    *ctx.out << ", upgraded to " << r->schema_version_after;
  }
  *ctx.out << ")\n";
  if (!r->previous_kept.empty()) {
    *ctx.out << "the previous content is kept in " << r->previous_kept << "\n";
  }
}

struct CopyArgs {
  std::string to;
  bool json = false;
};

void RunCopy(Context& ctx, const CopyArgs& args) {
  store::CopyOptions o;
  if (!args.json && isatty(STDERR_FILENO) && ctx.err == &std::cerr) {
    o.progress = [](const store::CopyProgress& p) {
      int percent = p.rows_total <= 0 ? 100
                                      : static_cast<int>(100.0 * static_cast<double>(p.rows_done) /
                                                         static_cast<double>(p.rows_total));
      std::cerr << "\rcopying: " << percent << "% (" << p.rows_done << " of " << p.rows_total
                << " rows; " << p.table << ")\x1b[K" << std::flush;
      if (p.rows_done >= p.rows_total) std::cerr << "\n";
    };
  }
  auto r = store::CopyDatabase(ctx.db, args.to, o);
  if (!r.ok()) return Fail(ctx, r.status());
  if (args.json) {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [table, n] : r->table_counts) counts[table] = n;
    nlohmann::json j = {{"from", r->from},
                        {"to", r->to},
                        {"schema_version", r->schema_version},
                        {"rows", r->rows},
                        {"table_counts", counts},
                        {"seconds", r->seconds},
                        {"verified", true}};
    *ctx.out << j.dump(2) << "\n";
    return;
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", r->seconds);
  *ctx.out << "copied " << r->from << " into " << r->to << " (schema version " << r->schema_version
           << "): " << r->rows << " rows in " << seconds << " s\n";
  *ctx.out << "verified: every table holds as many rows as the source;";
  const char* sep = " ";
  for (const auto& [table, n] : r->table_counts) {
    if (n == 0) continue;
    *ctx.out << sep << table << " " << n;
    sep = ", ";
  }
  *ctx.out << "\n";
}

}  // namespace

void AddBackupCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<BackupArgs>();
  CLI::App* backup = app.add_subcommand(
      "backup",
      "Back up the database (SQLite: online backup API; PostgreSQL: pg_dump) to FILE and verify "
      "it; `backup verify FILE` checks a backup");
  backup->add_option("file", args->file, "The backup file to write (it must not exist yet)");
  backup->add_flag("--overwrite", args->overwrite, "Replace FILE if it exists");
  backup->add_flag("--json", args->json, "Print the report as JSON");
  auto verify_args = std::make_shared<BackupArgs>();
  CLI::App* verify = backup->add_subcommand(
      "verify",
      "Check a backup without changing it: SQLite integrity_check, schema version and row "
      "counts; PostgreSQL: pg_restore reads the whole archive");
  verify->add_option("file", verify_args->file, "The backup file")->required();
  verify->add_flag("--json", verify_args->json, "Print the report as JSON");
  verify->callback([&ctx, verify_args] { RunVerify(ctx, *verify_args); });
  backup->callback([&ctx, args, verify] {
    if (verify->parsed()) return;
    RunBackup(ctx, *args);
  });

  auto restore_args = std::make_shared<BackupArgs>();
  CLI::App* restore = app.add_subcommand(
      "restore",
      "Restore a backup into the database of --db after verifying it; its schema is then "
      "upgraded");
  restore->add_option("file", restore_args->file, "The backup file")->required();
  restore->add_flag("--force", restore_args->force,
                    "Replace a database that holds data (its content is kept beside it)");
  restore->add_flag("--json", restore_args->json, "Print the report as JSON");
  restore->callback([&ctx, restore_args] { RunRestore(ctx, *restore_args); });

  auto copy_args = std::make_shared<CopyArgs>();
  CLI::App* copy = app.add_subcommand(
      "copy",
      "Copy the SQLite database of --db, whole, into an empty PostgreSQL database (moving to "
      "several servers); the source is not changed");
  copy->add_option("--to", copy_args->to, "The PostgreSQL database: postgresql://USER@HOST/DB")
      ->required();
  copy->add_flag("--json", copy_args->json, "Print the report as JSON");
  copy->callback([&ctx, copy_args] { RunCopy(ctx, *copy_args); });
}

}  // namespace ecosol::cli
