// `ecosol init` and `ecosol demo`.

#include <iostream>

#include "context.h"
#include "ecosol/finance/service.h"
#include "ecosol/interop/importer.h"
#include "ecosol/knowledge/service.h"
#include "ecosol/participation/service.h"

namespace ecosol::cli {
namespace {

Status Init(const Context& ctx, Session& s) {
  std::string folder = DataDir(ctx) + "/taxonomy";
  return s.registry->LoadTaxonomies(folder).WithContext("loading taxonomies from " + folder);
}

void RunInit(Context& ctx) {
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  Status st = Init(ctx, *s);
  if (!st.ok()) return Fail(ctx, st);
  *ctx.out << "initialised " << store::RedactUrl(ctx.db) << " (schema version "
           << *s->store->SchemaVersion() << ")\n";
}

// The knowledge commons of the demo: the seed's cases, and the UNDP SDG Innovation Commons when
// `undp_file` is given.
Status LoadDemoCases(Context& ctx, Session& s, const std::string& undp_file) {
  auto fw = knowledge::TransferFrameworkIn(FrameworksDir(ctx));
  if (!fw.ok()) return fw.status();
  std::string seed = DataDir(ctx) + "/knowledge/seed-cases.json";
  auto cases = knowledge::ImportCaseFile(*s.store, SystemClock(), **fw, seed, CliAuditWho());
  if (!cases.ok()) return cases.status();
  *ctx.out << "seed cases (" << seed << "): " << cases->created << " new, " << cases->updated
           << " updated, " << cases->unchanged << " unchanged\n";
  if (undp_file.empty()) return Status::Ok();
  auto undp = knowledge::ImportUndpFile(*s.store, SystemClock(), **fw, undp_file, CliAuditWho());
  if (!undp.ok()) return undp.status();
  *ctx.out << "UNDP SDG Innovation Commons (" << undp_file << "): " << undp->created << " new, "
           << undp->updated << " updated, " << undp->unchanged << " unchanged, "
           << undp->warnings.size() << " values left out\n";
  return Status::Ok();
}

// The demo's social finance records (data/finance/demo-finance.json), after the seed actors they
// name: funders, profiles, assessments, a fund with applications, loans, a guarantee fund, a
// share register and a campaign.
Status LoadDemoFinance(Context& ctx, Session& s) {
  auto fw = finance::FinanceFrameworksIn(FrameworksDir(ctx));
  if (!fw.ok()) return fw.status();
  const std::string file = DataDir(ctx) + "/finance/demo-finance.json";
  auto bundle = ReadJsonFile(file);
  if (!bundle.ok()) return bundle.status();
  auto summary =
      finance::ImportFinanceBundle(*s.store, SystemClock(), **fw, *bundle, CliAuditWho());
  if (!summary.ok()) return summary.status().WithContext(file);
  *ctx.out << "demo finance (" << file << "):";
  for (const auto& [kind, records] : bundle->items()) {
    *ctx.out << " " << records.size() << " " << kind << ",";
  }
  *ctx.out << " " << summary->written << " written, " << summary->unchanged << " unchanged\n";
  return Status::Ok();
}

// The demo's participatory process (data/participation/demo-process.json): five phases,
// proposals, a closed secret vote with paper results, responses, a result and a draw by lot.
Status LoadDemoProcess(Context& ctx, Session& s) {
  const std::string file = DataDir(ctx) + "/participation/demo-process.json";
  auto script = ReadJsonFile(file);
  if (!script.ok()) return script.status();
  participation::ParticipationService svc(*s.store, SystemClock());
  auto done = svc.RunProcessScript(*script, {CliAuditWho(), {}, true});
  if (!done.ok()) return done.status().WithContext(file);
  *ctx.out << "demo process (" << file << "): " << (*done)["process"].get<std::string>()
           << ((*done)["created"].get<bool>() ? " created" : " unchanged") << "\n";
  return Status::Ok();
}

void RunDemo(Context& ctx, const std::string& coops_file, const std::string& seed_file,
             const std::string& undp_file) {
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  Status st = Init(ctx, *s);
  if (!st.ok()) return Fail(ctx, st);
  interop::FileImportOptions o;
  o.source = "coops-uk-standard-2023";
  o.id_scheme = "coops-uk";
  o.id_prefix = "cuk";
  o.claims = {"cooperative"};
  o.attribution = "Contains Co-operatives UK open data, licensed under ODC-By 1.0";
  o.progress = ImportProgressDisplay(ctx, "importing Co-operatives UK");
  std::string coops =
      coops_file.empty() ? SharedDir(ctx) + "/coops-uk/standard-2023.csv" : coops_file;
  auto report = interop::ImportFile(*s->registry, coops, o);
  if (!report.ok()) return Fail(ctx, report.status());
  if (!report->committed) {
    return Fail(ctx, InvalidArgument(coops + ": " + std::to_string(report->rejected.size()) +
                                     " rows rejected; run `ecosol import` on it to see them"));
  }
  *ctx.out << "Co-operatives UK (" << coops << "): " << report->imported << " new, "
           << report->updated << " updated, " << report->unchanged << " unchanged, "
           << report->rejected.size() << " rejected\n";
  std::string seed = seed_file.empty() ? DataDir(ctx) + "/demo/seed-ecosystem.json" : seed_file;
  registry::ImportReport rels;
  auto seeded = interop::ImportEcosolJson(*s->registry, seed, &rels);
  if (!seeded.ok()) return Fail(ctx, seeded.status());
  *ctx.out << "seed ecosystem (" << seed << "): actors " << seeded->imported << " new, "
           << seeded->updated << " updated, " << seeded->unchanged << " unchanged; relationships "
           << rels.imported << " new, " << rels.updated << " updated, " << rels.unchanged
           << " unchanged\n";
  Status cases = LoadDemoCases(ctx, *s, undp_file);
  if (!cases.ok()) return Fail(ctx, cases);
  Status records = LoadDemoFinance(ctx, *s);
  if (!records.ok()) return Fail(ctx, records);
  Status process = LoadDemoProcess(ctx, *s);
  if (!process.ok()) return Fail(ctx, process);
  *ctx.out << "demo ecosystem ready in " << store::RedactUrl(ctx.db) << ": "
           << *s->store->CountActors() << " actors, " << *s->store->CountRelationships()
           << " relationships, " << *s->store->CountCases() << " cases\n"
           << "Contains Co-operatives UK open data, licensed under ODC-By 1.0.\n";
}

}  // namespace

void AddSetupCommands(CLI::App& app, Context& ctx) {
  CLI::App* init = app.add_subcommand(
      "init", "Create the database if missing, upgrade its schema and load the taxonomies");
  init->callback([&ctx] { RunInit(ctx); });

  auto coops = std::make_shared<std::string>();
  auto seed = std::make_shared<std::string>();
  CLI::App* demo = app.add_subcommand(
      "demo", "Initialise and load the demo ecosystem: Co-operatives UK plus the seed actors");
  demo->add_option("--coops-uk", *coops, "The Co-operatives UK standard CSV to load");
  demo->add_option("--seed", *seed, "The seed ecosystem JSON to load");
  auto undp = std::make_shared<std::string>();
  demo->add_option("--undp", *undp,
                   "Also load the UNDP SDG Innovation Commons export (JSON Lines) as cases");
  demo->callback([&ctx, coops, seed, undp] { RunDemo(ctx, *coops, *seed, *undp); });
}

}  // namespace ecosol::cli
