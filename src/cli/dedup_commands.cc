// `ecosol dedup --report`: candidate clusters of records of one organisation.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/registry/merge.h"

namespace ecosol::cli {
namespace {

struct DedupArgs {
  bool report = false;
  std::vector<std::string> distinct;  // two actor ids
  std::vector<std::string> forget;    // two actor ids
  bool json = false;
  double threshold = 0.85;
  size_t limit = 100;
};

std::string Score(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void RunDedup(Context& ctx, const DedupArgs& args) {
  if (!args.distinct.empty() || !args.forget.empty()) {
    const bool distinct = !args.distinct.empty();
    const auto& ids = distinct ? args.distinct : args.forget;
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    Status st = registry::DecideDistinct(*s->store, ids[0], ids[1], distinct, CliAuditWho(),
                                         FormatTimestamp(SystemClock().Now()));
    if (!st.ok()) return Fail(ctx, st);
    *ctx.out << (distinct ? "recorded: " + ids[0] + " and " + ids[1] +
                                " are distinct organisations; the review queue leaves them out\n"
                          : "forgotten: the decision on " + ids[0] + " and " + ids[1] + "\n");
    return;
  }
  if (!args.report) {
    return Fail(ctx, InvalidArgument(
                         "say --report to list the candidate clusters, or --distinct A B to record "
                         "that two actors are different organisations"));
  }
  if (args.threshold <= 0 || args.threshold > 1) {
    return Fail(ctx, InvalidArgument("--threshold: between 0 (excluded) and 1"));
  }
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  registry::DedupOptions options;
  options.threshold = args.threshold;
  const bool tty = !args.json && isatty(fileno(stderr));
  if (tty) {
    options.progress = [&ctx](long long done, long long total) {
      *ctx.err << "\rcomparing: " << (total ? done * 100 / total : 100) << "%" << std::flush;
      return true;
    };
  }
  auto clusters = registry::PendingDuplicates(*s->store, options);
  if (tty) *ctx.err << "\n";
  if (!clusters.ok()) return Fail(ctx, clusters.status());
  const size_t shown = std::min(args.limit, clusters->size());
  if (args.json) {
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < shown; ++i) {
      items.push_back(registry::DuplicateClusterToJson((*clusters)[i]));
    }
    *ctx.out << nlohmann::json{{"clusters", clusters->size()},
                               {"threshold", args.threshold},
                               {"items", std::move(items)}}
                    .dump(2)
             << "\n";
    return;
  }
  for (size_t i = 0; i < shown; ++i) {
    const registry::DuplicateCluster& c = (*clusters)[i];
    *ctx.out << Score(c.score) << "  " << c.ids.size() << " records\n";
    for (const std::string& id : c.ids) {
      auto actor = s->store->GetActor(id);
      std::string name = actor.ok() && *actor ? (*actor)->name : "?";
      *ctx.out << "      " << id << "  " << name << "\n";
    }
    for (const auto& p : c.pairs) {
      std::string why;
      for (const std::string& r : p.reasons) why += (why.empty() ? "" : "; ") + r;
      *ctx.out << "      " << p.a << " ~ " << p.b << ": " << Score(p.score) << " (" << why << ")\n";
    }
  }
  *ctx.out << clusters->size() << " candidate clusters"
           << (shown < clusters->size() ? " (" + std::to_string(shown) + " shown; --limit)" : "")
           << "\n";
}

}  // namespace

void AddDedupCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<DedupArgs>();
  CLI::App* dedup =
      app.add_subcommand("dedup", "Find records of the same organisation (entity resolution)");
  dedup->add_flag("--report", args->report, "List the candidate clusters with their scores");
  dedup->add_option("--threshold", args->threshold, "Pair score needed to propose a match (0-1)")
      ->capture_default_str();
  dedup->add_option("--limit", args->limit, "Clusters to list")->capture_default_str();
  dedup->add_flag("--json", args->json, "Print the clusters as JSON");
  dedup
      ->add_option("--distinct", args->distinct,
                   "Record that two actors are different organisations (ID ID)")
      ->expected(2);
  dedup->add_option("--forget", args->forget, "Forget the decision on two actors (ID ID)")
      ->expected(2);
  dedup->callback([&ctx, args] { RunDedup(ctx, *args); });
}

}  // namespace ecosol::cli
