#pragma once

#include <functional>

// Private to the cli module: options shared by all subcommands and helpers to open the registry.

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "ecosol/base/status.h"
#include "ecosol/registry/registry.h"
#include "ecosol/store/store.h"

namespace ecosol::cli {

struct Context {
  std::string db = "data/ecosol.db";
  std::string data_dir;        // project data (taxonomies, demo files); resolved by ResolveDataDir
  std::string shared_dir;      // the shared reference data (../shared/data)
  std::string frameworks_dir;  // assessment frameworks (frameworks/); see FrameworksDir
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::istream* in = nullptr;  // passwords are read from here
  int exit_code = 0;
};

// An open store with a registry over it.
struct Session {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<registry::Registry> registry;
};

// Opens the database (creating its folder for SQLite) and migrates it when `migrate`. The
// registry records its writes in the audit log as "cli:<login>" from "local".
Result<Session> OpenSession(const Context& ctx, bool migrate);
// The data folder: --data-dir, else ECOSOL_DATA_DIR, else data/ beside the project the binary was
// built in, else ./data.
std::string DataDir(const Context& ctx);
std::string SharedDir(const Context& ctx);
// The assessment frameworks: --frameworks, else ECOSOL_FRAMEWORKS, else frameworks/ beside the
// data folder.
std::string FrameworksDir(const Context& ctx);
// "cli:<login name>": who the audit log says made a command's changes.
std::string CliAuditWho();
// A JSON file: NotFound when it cannot be read, InvalidArgument saying where the JSON is broken.
Result<nlohmann::json> ReadJsonFile(const std::string& path);

// A progress display for imports on a terminal ("\rimporting x.csv: 42% (420000 rows)"); null
// when standard error is not a terminal.
std::function<void(const registry::ImportProgress&)> ImportProgressDisplay(const Context& ctx,
                                                                           const std::string& what);

// Prints `status` to err as "ecosol: error: ..." and sets the exit code to 1.
void Fail(Context& ctx, const Status& status);
// Says that `job` was queued: the job as JSON with `as_json`, else a line on how to follow it.
void PrintQueued(Context& ctx, const store::JobRecord& job, bool as_json);

void AddSetupCommands(CLI::App& app, Context& ctx);      // init, demo
void AddImportCommands(CLI::App& app, Context& ctx);     // import, export
void AddActorCommands(CLI::App& app, Context& ctx);      // actors list|show|search
void AddTerritoryCommands(CLI::App& app, Context& ctx);  // territories list|set-population
void AddServeCommand(CLI::App& app, Context& ctx);       // serve
void AddWorkerCommands(CLI::App& app, Context& ctx);     // worker, jobs list|show
void AddAuthCommands(CLI::App& app, Context& ctx);
void AddScreeningCommands(
    CLI::App& app,
    Context& ctx);  // screen, profile, screenings, frameworks       // users, tokens, audit
void AddStatutesCommands(CLI::App& app, Context& ctx);  // statutes analyze|patterns
void AddDedupCommands(CLI::App& app, Context& ctx);     // dedup --report|--distinct
void AddMergeCommands(CLI::App& app, Context& ctx);     // merge, unmerge, merges
void AddSyncCommands(CLI::App& app, Context& ctx);      // sync URL, sync --peers
void AddQualityCommands(CLI::App& app, Context& ctx);   // quality [due], actors confirm
// indicators ACTOR
void AddIndicatorCommands(CLI::App& app, Context& ctx);
void AddEcosystemCommands(CLI::App& app, Context& ctx);  // ecosystem metrics
// ecosystem blocks|compare|perception (after AddEcosystemCommands)
void AddEcosystemBlocksCommands(CLI::App& app, Context& ctx);
// ecosystem partners|brokers (after AddEcosystemCommands), offers
void AddPartnerCommands(CLI::App& app, Context& ctx);
void AddTrendsCommands(CLI::App& app, Context& ctx);  // ecosystem trends
// decide processes|create|show|phase|add|proposal|open|vote|paper|close|receipt|draw|log|verify
// (process_commands.cc; called by AddDecideCommands)
void AddProcessCommands(CLI::App& decide, Context& ctx);
// knowledge import|search|show|similar|add|edit|review|transfer
void AddKnowledgeCommands(CLI::App& app, Context& ctx);
// ecosystem suppliers|award (after AddEcosystemCommands)
void AddSupplierCommands(CLI::App& app, Context& ctx);
void AddReportCommands(CLI::App& app, Context& ctx);  // ecosystem report
// finance match|applicants|readiness|schedule|par|allocate|waterfall|put|show|list|delete|import
void AddFinanceCommands(CLI::App& app, Context& ctx);
// finance guarantee|campaign|shares|impact, under `finance` (finance_view_commands.cc)
void AddFinanceViewCommands(CLI::App* finance, Context& ctx);
void AddDecideCommands(CLI::App& app, Context& ctx);  // decide tally

}  // namespace ecosol::cli
