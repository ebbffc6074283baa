#include "ecosol/cli/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "context.h"
#include "ecosol/jobs/worker.h"

namespace ecosol::cli {

namespace fs = std::filesystem;

std::function<void(const registry::ImportProgress&)> ImportProgressDisplay(
    const Context& ctx, const std::string& what) {
  if (!isatty(STDERR_FILENO) || ctx.err != &std::cerr) return nullptr;
  return [what](const registry::ImportProgress& p) {
    if (p.finishing) {
      std::cerr << what << ": " << p.rows << " rows read; building the indexes and committing\n";
      return;
    }
    int percent =
        p.total == 0
            ? 100
            : static_cast<int>(100.0 * static_cast<double>(p.done) / static_cast<double>(p.total));
    std::cerr << "\r" << what << ": " << percent << "% (" << p.rows << " rows)" << std::flush;
    if (p.done >= p.total) std::cerr << "\n";
  };
}

void Fail(Context& ctx, const Status& status) {
  *ctx.err << "ecosol: error: " << status.message() << "\n";
  ctx.exit_code = 1;
}

void PrintQueued(Context& ctx, const store::JobRecord& job, bool as_json) {
  if (as_json) {
    *ctx.out << jobs::JobToJson(job).dump(2) << "\n";
    return;
  }
  *ctx.out << "queued " << job.id << " (" << job.kind
           << "): a worker (`ecosol worker`, or a server's) runs it; follow it with `ecosol jobs "
              "show "
           << job.id << "` and save what it made with `ecosol jobs output " << job.id
           << " -o FILE`\n";
}

Result<Session> OpenSession(const Context& ctx, bool migrate) {
  // A SQLite path (even one such as "postgres-copy.db") is a file whose folder we make.
  if (!store::IsPostgresUrl(ctx.db) && ctx.db != ":memory:") {
    fs::path parent = fs::path(ctx.db).parent_path();
    std::error_code ec;
    if (!parent.empty()) fs::create_directories(parent, ec);
  }
  auto store = store::OpenStore(ctx.db);
  if (!store.ok()) return store.status();
  if (migrate) {
    ECOSOL_RETURN_IF_ERROR((*store)->Migrate());
  } else {
    auto version = (*store)->SchemaVersion();
    if (!version.ok() || *version == 0) {
      return Unavailable("the database '" + store::RedactUrl(ctx.db) +
                         "' is not initialised: run `ecosol init`");
    }
    // A database made by an older release is upgraded before use (each migration is one
    // transaction; nothing happens when it is current).
    ECOSOL_RETURN_IF_ERROR(
        (*store)->Migrate().WithContext("upgrading '" + store::RedactUrl(ctx.db) + "'"));
  }
  Session s;
  s.store = std::move(*store);
  s.registry = std::make_unique<registry::Registry>(*s.store, SystemClock());
  s.registry->SetAuditSource(CliAuditWho(), "local");
  return s;
}

Result<nlohmann::json> ReadJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "' (check the path)");
  std::stringstream bytes;
  bytes << in.rdbuf();
  try {
    return nlohmann::json::parse(bytes.str());
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument("'" + path + "' is not valid JSON: " + e.what());
  }
}

std::string CliAuditWho() {
  const char* user = std::getenv("USER");
  if (!user || !*user) user = std::getenv("LOGNAME");
  return "cli:" + std::string(user && *user ? user : "uid-" + std::to_string(::getuid()));
}

std::string DataDir(const Context& ctx) {
  if (!ctx.data_dir.empty()) return ctx.data_dir;
  if (const char* env = std::getenv("ECOSOL_DATA_DIR")) return env;
  fs::path built(ECOSOL_PROJECT_DIR);
  if (fs::exists(built / "data" / "taxonomy")) return (built / "data").string();
  return "data";
}

std::string FrameworksDir(const Context& ctx) {
  if (!ctx.frameworks_dir.empty()) return ctx.frameworks_dir;
  if (const char* env = std::getenv("ECOSOL_FRAMEWORKS")) return env;
  return (fs::path(DataDir(ctx)).parent_path() / "frameworks").lexically_normal().string();
}

std::string SharedDir(const Context& ctx) {
  if (!ctx.shared_dir.empty()) return ctx.shared_dir;
  if (const char* env = std::getenv("ECOSOL_SHARED_DATA")) return env;
  return (fs::path(DataDir(ctx)).parent_path() / ".." / "shared" / "data")
      .lexically_normal()
      .string();
}

// backup FILE, backup verify FILE, restore FILE (backup_commands.cc)
void AddBackupCommands(CLI::App& app, Context& ctx);

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return RunCli(argc, argv, out, err, std::cin);
}

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           std::istream& in) {
  Context ctx;
  ctx.out = &out;
  ctx.err = &err;
  ctx.in = &in;
  if (const char* env = std::getenv("ECOSOL_DB")) ctx.db = env;
  CLI::App app{"Ecosol: a registry and map of the social and solidarity economy", "ecosol"};
  app.require_subcommand(1);
  app.add_option("--db", ctx.db,
                 "Database: a SQLite file path or a postgresql:// URL (env ECOSOL_DB)")
      ->capture_default_str();
  app.add_option("--data-dir", ctx.data_dir,
                 "Folder of Ecosol's data files: taxonomy/, demo/ (env ECOSOL_DATA_DIR)");
  app.add_option("--shared-data", ctx.shared_dir,
                 "Folder of the shared reference data sets (env ECOSOL_SHARED_DATA)");
  app.add_option("--frameworks", ctx.frameworks_dir,
                 "Folder of the assessment frameworks (env ECOSOL_FRAMEWORKS)");
  AddSetupCommands(app, ctx);
  AddBackupCommands(app, ctx);
  AddImportCommands(app, ctx);
  AddActorCommands(app, ctx);
  AddTerritoryCommands(app, ctx);
  AddServeCommand(app, ctx);
  AddWorkerCommands(app, ctx);
  AddAuthCommands(app, ctx);
  AddScreeningCommands(app, ctx);
  AddStatutesCommands(app, ctx);
  AddDedupCommands(app, ctx);
  AddMergeCommands(app, ctx);
  AddSyncCommands(app, ctx);
  AddIndicatorCommands(app, ctx);
  AddEcosystemCommands(app, ctx);
  AddEcosystemBlocksCommands(app, ctx);
  AddPartnerCommands(app, ctx);
  AddTrendsCommands(app, ctx);
  AddSupplierCommands(app, ctx);
  AddReportCommands(app, ctx);
  AddKnowledgeCommands(app, ctx);
  AddFinanceCommands(app, ctx);
  AddDecideCommands(app, ctx);
  AddQualityCommands(app, ctx);  // after AddActorCommands: adds `actors confirm`
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help (of the program or of a subcommand) arrives here with exit code 0.
    if (e.get_exit_code() == 0) {
      app.exit(e, out, err);
      return 0;
    }
    err << "ecosol: " << e.what() << "\n(run `ecosol --help` or `ecosol COMMAND --help`)\n";
    return 2;
  }
  return ctx.exit_code;
}

}  // namespace ecosol::cli
