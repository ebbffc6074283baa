// The change feed: pages of ESSGlobal JSON-LD nodes and tombstones (see feed.h), and the reader
// sync.cc checks them with.

#include "ecosol/interop/feed.h"

#include "ecosol/base/strings.h"
#include "ecosol/interop/essglobal_rdf.h"
#include "ecosol/registry/registry.h"

namespace ecosol::interop {
namespace {

using nlohmann::json;

const json& Context() {
  static const json context = json::parse(EssglobalJsonldContext()).at("@context");
  return context;
}

std::string ActorsBase(const std::string& public_url) { return public_url + "/api/v1/actors/"; }

// Whether any earlier version of the actor was public and not deleted: only then has a reader
// of the feed possibly seen it, and it gets a tombstone. An actor never public leaves no trace.
Result<bool> WasPublic(store::Store& store, const std::string& id) {
  auto history = store.ActorHistory(id);
  if (!history.ok()) return history.status();
  for (const store::ActorVersion& v : *history) {
    if (!v.actor.deleted && v.actor.visibility == model::Visibility::kPublic) return true;
  }
  return false;
}

Result<json> NodeOf(model::Actor actor, const std::string& public_url) {
  std::optional<model::Actor> view = registry::PublicView(std::move(actor));
  if (!view) return Internal("a public actor has no public view");
  EssglobalRdfOptions o;
  o.base_uri = ActorsBase(public_url);
  json doc = json::parse(WriteEssglobalJsonld({*view}, o), nullptr, false);
  if (doc.is_discarded() || !doc.contains("@graph") || doc["@graph"].size() != 1) {
    return Internal("the JSON-LD writer gave no node for actor '" + view->id + "'");
  }
  return std::move(doc["@graph"][0]);
}

Status Expect(const json& j, const char* member, bool (json::*is)() const, const char* what) {
  if (!j.contains(member) || !(j[member].*is)()) {
    return InvalidArgument(std::string("'") + member + "' is missing or not " + what);
  }
  return Status::Ok();
}

Result<FeedItem> ReadItem(const json& item, const json& context, const std::string& instance,
                          const std::string& id_scheme) {
  if (!item.is_object()) return InvalidArgument("not an object");
  ECOSOL_RETURN_IF_ERROR(Expect(item, "id", &json::is_string, "a string"));
  ECOSOL_RETURN_IF_ERROR(Expect(item, "cursor", &json::is_string, "a string"));
  ECOSOL_RETURN_IF_ERROR(Expect(item, "deleted", &json::is_boolean, "true or false"));
  FeedItem out;
  out.id = item["id"].get<std::string>();
  out.cursor = item["cursor"].get<std::string>();
  out.deleted = item["deleted"].get<bool>();
  if (out.id.empty()) return InvalidArgument("'id' is empty");
  if (out.deleted) return out;
  ECOSOL_RETURN_IF_ERROR(Expect(item, "node", &json::is_object, "a JSON-LD node object"));
  EssglobalRdfOptions o;
  o.id_scheme = id_scheme;
  o.base_uri = ActorsBase(instance);
  json doc = {{"@context", context}, {"@graph", json::array({item["node"]})}};
  auto parsed = ReadEssglobalJsonld(doc.dump(), o);
  if (!parsed.ok()) return parsed.status();
  if (!parsed->rejected.empty()) {
    const registry::FieldError& e = parsed->rejected.front();
    return InvalidArgument("node: " + e.field + ": " + e.message);
  }
  if (parsed->rows.size() != 1) {
    return InvalidArgument("node: not one ESSGlobal SSE initiative (essglobal:SSEInitiative)");
  }
  out.actor = std::move(parsed->rows[0].actor);
  out.actor.id.clear();
  out.actor.identifiers[id_scheme] = out.id;
  return out;
}

}  // namespace

Result<FeedCursor> ParseFeedCursor(std::string_view text) {
  FeedCursor c;
  if (text.empty()) return c;
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || !ParseInt64(text.substr(0, dot), &c.generation) ||
      !ParseInt64(text.substr(dot + 1), &c.rid) || c.generation < 0 || c.rid < 0) {
    return InvalidArgument("since: '" + std::string(text) +
                           "' is not a feed position; use the 'next' of the previous page, or "
                           "leave it out to read from the start");
  }
  return c;
}

std::string FormatFeedCursor(const FeedCursor& c) {
  return std::to_string(c.generation) + "." + std::to_string(c.rid);
}

Result<json> ReadFeed(store::Store& store, std::string_view since, const FeedOptions& options) {
  if (options.limit < 1 || options.limit > kMaxFeedLimit) {
    return InvalidArgument("limit: between 1 and " + std::to_string(kMaxFeedLimit));
  }
  auto cursor = ParseFeedCursor(since);
  if (!cursor.ok()) return cursor.status();
  auto up_to = store.Generation();
  if (!up_to.ok()) return up_to.status();
  auto rows = store.FeedActors(cursor->generation, cursor->rid, *up_to, options.limit);
  if (!rows.ok()) return rows.status();
  json items = json::array();
  for (store::FeedActor& row : *rows) {
    const std::string at = FormatFeedCursor({row.generation, row.rid});
    if (row.actor) {
      const long long version = row.actor->version;
      const std::string updated_at = row.actor->updated_at;
      auto node = NodeOf(std::move(*row.actor), options.public_url);
      if (!node.ok()) return node.status();
      items.push_back({{"id", row.id},
                       {"cursor", at},
                       {"deleted", false},
                       {"version", version},
                       {"updated_at", updated_at},
                       {"node", std::move(*node)}});
      continue;
    }
    auto was_public = WasPublic(store, row.id);
    if (!was_public.ok()) return was_public.status();
    if (*was_public) items.push_back({{"id", row.id}, {"cursor", at}, {"deleted", true}});
  }
  FeedCursor next = rows->empty() ? *cursor : FeedCursor{rows->back().generation, rows->back().rid};
  return json{{"instance", options.public_url},
              {"since", std::string(since)},
              {"next", FormatFeedCursor(next)},
              {"caught_up", rows->size() < static_cast<size_t>(options.limit)},
              {"@context", Context()},
              {"items", std::move(items)}};
}

Result<FeedPage> ParseFeedPage(std::string_view text, const std::string& id_scheme) {
  json page = json::parse(text, nullptr, false);
  if (page.is_discarded() || !page.is_object()) {
    return InvalidArgument(
        "the answer is not a change feed page (not a JSON object): is the URL an Ecosol "
        "instance?");
  }
  for (auto [member, is, what] : {std::tuple{"instance", &json::is_string, "a string"},
                                  std::tuple{"next", &json::is_string, "a string"},
                                  std::tuple{"caught_up", &json::is_boolean, "true or false"},
                                  std::tuple{"items", &json::is_array, "an array"}}) {
    Status s = Expect(page, member, is, what);
    if (!s.ok()) return s.WithContext("not a change feed page");
  }
  FeedPage out;
  out.instance = page["instance"].get<std::string>();
  out.next = page["next"].get<std::string>();
  out.caught_up = page["caught_up"].get<bool>();
  auto next = ParseFeedCursor(out.next);
  if (!next.ok()) return next.status().WithContext("not a change feed page: 'next'");
  const json context = page.contains("@context") ? page["@context"] : json::object();
  size_t n = 0;
  for (const json& item : page["items"]) {
    ++n;
    auto read = ReadItem(item, context, out.instance, id_scheme);
    if (!read.ok()) {
      std::string id = item.is_object() && item.contains("id") && item["id"].is_string()
                           ? " (id '" + item["id"].get<std::string>() + "')"
                           : "";
      return read.status().WithContext("item " + std::to_string(n) + id);
    }
    out.items.push_back(std::move(*read));
  }
  return out;
}

}  // namespace ecosol::interop
