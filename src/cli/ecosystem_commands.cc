// `ecosol ecosystem metrics [--territory T] [--type T,...] [--as-of DAY] [--with-partners]
// [--betweenness auto|exact|sampled] [--samples N] [--seed N] [--lang L] [--top N] [--json]`:
// the measures of the network of actors (docs/ecosystem.md). Run on the server with access to
// the database, it reads every actor as an admin does (GET /api/v1/ecosystem/metrics gives each
// reader the network of what they may see).

#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/jobs/worker.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

struct MetricsArgs {
  std::string territory;
  std::string types;
  std::string as_of;
  bool with_partners = false;
  std::string betweenness = "auto";
  int samples = 0;
  uint64_t seed = 42;
  std::string lang = "en";
  int top = 20;
  bool json = false;
  bool background = false;  // queue an "analytics" job for a worker
};

std::string Number(const json& v, int precision) {
  if (!v.is_number()) return "-";
  std::ostringstream s;
  s << std::fixed << std::setprecision(precision) << v.get<double>();
  return s.str();
}

void PrintReport(std::ostream& out, const json& report, int top) {
  const json& sum = report["summary"];
  const json& filter = report["filter"];
  const std::string territory = filter["territory"].get<std::string>();
  out << "Network of " << (territory.empty() ? "the whole registry" : territory);
  if (!filter["as_of"].get<std::string>().empty()) {
    out << " as of " << filter["as_of"].get<std::string>();
  }
  out << ": " << sum["nodes"] << " actors, " << sum["edges"] << " ties, density "
      << Number(sum["density"], 4) << ", " << sum["components"] << " components (largest "
      << sum["largest_component"] << "), " << sum["communities"] << " communities (modularity "
      << Number(sum["modularity"], 3) << ")\n";
  const json& bt = sum["betweenness"];
  if (bt["method"] == "sampled") {
    out << "Betweenness sampled from " << bt["samples"] << " sources (relative error about "
        << Number(bt["relative_error"], 3) << ")\n";
  }
  const json& weaving = report["weaving"];
  out << "Network-weaving stage: " << weaving["stage"].get<std::string>() << ". "
      << weaving["reason"].get<std::string>() << "\n\n";

  std::vector<const json*> nodes;
  for (const json& n : report["nodes"]) nodes.push_back(&n);
  std::stable_sort(nodes.begin(), nodes.end(), [](const json* a, const json* b) {
    return (*a)["pagerank"].get<double>() > (*b)["pagerank"].get<double>();
  });
  if (nodes.size() > static_cast<size_t>(top)) nodes.resize(static_cast<size_t>(top));
  out << std::left << std::setw(30) << "actor (by PageRank)" << std::right << std::setw(9)
      << "pagerank" << std::setw(5) << "in" << std::setw(5) << "out" << std::setw(12)
      << "betweenness" << std::setw(11) << "constraint" << std::setw(9) << "eff.size"
      << std::setw(8) << "broker" << std::setw(6) << "comm."
      << "  group\n";
  for (const json* n : nodes) {
    std::string id = (*n)["id"].get<std::string>();
    if (id.size() > 29) id = id.substr(0, 28) + "~";
    out << std::left << std::setw(30) << id << std::right << std::setw(9)
        << Number((*n)["pagerank"], 4) << std::setw(5) << (*n)["in_degree"].dump() << std::setw(5)
        << (*n)["out_degree"].dump() << std::setw(12) << Number((*n)["betweenness"], 1)
        << std::setw(11) << Number((*n)["constraint"], 3) << std::setw(9)
        << Number((*n)["effective_size"], 2) << std::setw(8)
        << ((*n)["brokerage"].is_object() ? (*n)["brokerage"]["total"].dump() : "-") << std::setw(6)
        << (*n)["community"].dump() << "  " << (*n)["group"].get<std::string>() << "\n";
  }
}

// --background: an "analytics" job; `ecosol jobs output ID -o FILE` saves the measures.
void QueueMetrics(Context& ctx, const MetricsArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  const json params = {{"territory", args.territory},
                       {"type", args.types},
                       {"as_of", args.as_of},
                       {"with_partners", args.with_partners},
                       {"betweenness", args.betweenness},
                       {"samples", args.samples},
                       {"seed", static_cast<long long>(args.seed)},
                       {"lang", args.lang}};
  auto job = jobs::EnqueueAnalysis(*s->store, "analytics", params, CliAuditWho(),
                                   FormatTimestamp(SystemClock().Now()));
  if (!job.ok()) return Fail(ctx, job.status());
  PrintQueued(ctx, *job, args.json);
}

void RunMetrics(Context& ctx, const MetricsArgs& args) {
  if (args.background) return QueueMetrics(ctx, args);
  ecosystem::NetworkFilter filter;
  filter.territory = args.territory;
  filter.as_of = args.as_of;
  filter.with_partners = args.with_partners;
  auto types = ecosystem::ParseTypeList(args.types);
  if (!types.ok()) return Fail(ctx, types.status());
  filter.types = std::move(*types);
  ecosystem::MetricsOptions options;
  Status opts =
      ecosystem::SetMetricsOptions(args.betweenness, args.samples, args.seed, args.lang, &options);
  if (!opts.ok()) return Fail(ctx, opts);

  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  ecosystem::SnapshotScope scope;
  scope.audience.everything = true;
  auto report = ecosystem::NetworkReport(*s->store, scope, filter, options);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) {
    *ctx.out << report->dump(2) << "\n";
    return;
  }
  PrintReport(*ctx.out, *report, args.top);
}

}  // namespace

void AddEcosystemCommands(CLI::App& app, Context& ctx) {
  CLI::App* eco = app.add_subcommand("ecosystem",
                                     "Ecosystem analytics: the network of actors and its measures");
  eco->require_subcommand(1);

  auto args = std::make_shared<MetricsArgs>();
  CLI::App* metrics = eco->add_subcommand(
      "metrics",
      "Network measures per actor (degree, betweenness, PageRank, brokerage...) and the "
      "network-weaving stage");
  metrics->add_option("--territory", args->territory,
                      "Only actors in this territory and below (a path id such as CA/quebec)");
  metrics->add_option("--type", args->types,
                      "Only these relationship types, comma-separated (funds,partner_of,...)");
  metrics->add_option("--as-of", args->as_of, "The network as it was on this day (YYYY-MM-DD)");
  metrics->add_flag("--with-partners", args->with_partners,
                    "With --territory: also the actors outside tied to actors inside");
  metrics
      ->add_option("--betweenness", args->betweenness,
                   "auto, exact or sampled (auto samples on large networks)")
      ->capture_default_str();
  metrics
      ->add_option("--samples", args->samples,
                   "Source actors sampled for betweenness (0: the default, 1000)")
      ->capture_default_str();
  metrics->add_option("--seed", args->seed, "Seed of the randomised steps (Leiden, SLPA, samples)")
      ->capture_default_str();
  metrics->add_option("--lang", args->lang, "Language of the explanations (en, fr, es, pt)")
      ->capture_default_str();
  metrics->add_option("--top", args->top, "Actors listed in the text output")
      ->capture_default_str();
  metrics->add_flag("--json", args->json,
                    "Print the whole report as JSON (with --background: the queued job)");
  metrics->add_flag("--background", args->background,
                    "Queue it for a worker (`ecosol worker`, or a server's) instead of computing "
                    "it now");
  metrics->callback([&ctx, args] { RunMetrics(ctx, *args); });
}

}  // namespace ecosol::cli
