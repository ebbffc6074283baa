// Federation over HTTP: this instance's change feed (GET /api/v1/feed, public), pulling another
// instance's feed into this one (POST /api/v1/sync, admins and instance-wide stewards) and the
// peers pulled so far (GET /api/v1/sync/peers). The rules live in interop/feed.h and sync.h.

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/feed.h"
#include "ecosol/interop/sync.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// GET /api/v1/feed[?since=<cursor>&limit=N]: the actors written since a position (feed.h).
void Feed(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"since", "limit"});
  if (!p.ok()) return SendError(res, p);
  interop::FeedOptions o;
  o.public_url = ctx.options.public_url;
  if (req.has_param("limit")) {
    long long limit = 0;
    const std::string value = req.get_param_value("limit");
    if (!ParseInt64(value, &limit) || limit < 1 || limit > interop::kMaxFeedLimit) {
      return SendError(res,
                       InvalidArgument("limit: '" + value + "' is not a number between 1 and " +
                                       std::to_string(interop::kMaxFeedLimit)));
    }
    o.limit = static_cast<int>(limit);
  }
  auto store = ctx.pool->Acquire();
  auto page = interop::ReadFeed(*store, req.get_param_value("since"), o);
  if (!page.ok()) return SendError(res, page.status());
  res.status = 200;
  res.set_content(page->dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

// POST /api/v1/sync {"url"}: pulls the peer's feed until caught up, then answers with the report
// (like an import, the request lasts as long as the pull).
void SyncPeer(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& caller) {
    Status allowed = auth::Authorize(caller.principal, auth::Action::kSyncPeers);
    if (!allowed.ok()) return SendError(res, allowed);
    for (const auto& [key, unused] : body.items()) {
      if (key != "url") return SendError(res, InvalidArgument(key + ": unknown field (only url)"));
    }
    if (!body.contains("url") || !body["url"].is_string()) {
      return SendError(
          res, InvalidArgument("url: required, the address of another Ecosol instance such as "
                               "\"https://map.example.org\""));
    }
    auto fetcher = interop::HttpFeedFetcher();
    interop::SyncOptions o;
    o.clock = ctx.clock;
    auto report = interop::Sync(reg, *fetcher, body["url"].get<std::string>(), o);
    if (!report.ok()) return SendError(res, report.status());
    SendJson(res, 200, interop::SyncReportToJson(*report));
  });
}

// GET /api/v1/sync/peers: the instances pulled so far, with their last sync.
void SyncPeers(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto peers = store->SyncPeers();
  if (!peers.ok()) return SendError(res, peers.status());
  json items = json::array();
  for (const store::SyncPeer& peer : *peers) items.push_back(interop::SyncPeerToJson(peer));
  SendJson(res, 200,
           {{"feed", ctx.options.public_url + "/api/v1/feed"}, {"items", std::move(items)}});
}

}  // namespace

void AddFeedRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/feed", Bind(ctx, Feed));
  router.Add("POST", "/api/v1/sync", Bind(ctx, SyncPeer));
  router.Add("GET", "/api/v1/sync/peers", Bind(ctx, SyncPeers));
}

}  // namespace ecosol::http
