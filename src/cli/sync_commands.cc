// `ecosol sync URL [--json]`: pulls another instance's change feed into this registry
// (interop/sync.h), and `ecosol sync --peers`: the instances pulled so far.

#include "context.h"
#include "ecosol/interop/sync.h"

namespace ecosol::cli {
namespace {

struct SyncArgs {
  std::string url;
  bool json = false;
  bool peers = false;
  int page_size = 200;
  double threshold = 0.85;
};

void ListPeers(Context& ctx, const SyncArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto peers = s->store->SyncPeers();
  if (!peers.ok()) return Fail(ctx, peers.status());
  if (args.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const store::SyncPeer& p : *peers) items.push_back(interop::SyncPeerToJson(p));
    *ctx.out << nlohmann::json{{"items", std::move(items)}}.dump(2) << "\n";
    return;
  }
  for (const store::SyncPeer& p : *peers) {
    *ctx.out << p.url << "  last sync " << p.last_sync << ", " << p.pulled << " items pulled\n";
  }
  *ctx.out << peers->size() << " peers\n";
}

void RunSync(Context& ctx, const SyncArgs& args) {
  if (args.peers) return ListPeers(ctx, args);
  if (args.url.empty()) {
    return Fail(ctx, InvalidArgument("give the address of the instance to pull, e.g. `ecosol "
                                     "sync https://map.example.org`, or --peers to list them"));
  }
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  auto fetcher = interop::HttpFeedFetcher();
  interop::SyncOptions o;
  o.page_size = args.page_size;
  o.threshold = args.threshold;
  auto report = interop::Sync(*s->registry, *fetcher, args.url, o);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) {
    *ctx.out << interop::SyncReportToJson(*report).dump(2) << "\n";
    return;
  }
  const interop::SyncReport& r = *report;
  *ctx.out << "pulled " << r.pulled << " items from " << r.peer << " (" << r.pages
           << " pages): " << r.created << " created, " << r.updated << " updated, " << r.matched
           << " matched, " << r.removed << " removed, " << r.unchanged << " unchanged\n";
}

}  // namespace

void AddSyncCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SyncArgs>();
  CLI::App* sync = app.add_subcommand(
      "sync", "Pull another Ecosol instance's change feed into this registry (federation)");
  sync->add_option("url", args->url, "The instance's address, e.g. https://map.example.org");
  sync->add_flag("--peers", args->peers, "List the instances pulled so far");
  sync->add_option("--page-size", args->page_size, "Items per feed page (1-1000)")
      ->capture_default_str();
  sync->add_option("--threshold", args->threshold,
                   "Name and place score from which a pulled actor is one here (0-1)")
      ->capture_default_str();
  sync->add_flag("--json", args->json, "Print the report as JSON");
  sync->callback([&ctx, args] { RunSync(ctx, *args); });
}

}  // namespace ecosol::cli
