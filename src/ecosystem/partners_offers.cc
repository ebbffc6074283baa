// Offers and wants: Murmurations offers_wants_schema-v0.1.0 in and out, and our API's JSON.
// The checks follow the schema (required fields, enums, URL patterns) so that what we accept
// would validate at the Murmurations index, and what we emit does.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/partners.h"
#include "partners_internal.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

const std::set<std::string> kExchange = {"offer", "want"};
const std::set<std::string> kItem = {"good", "service"};
const std::set<std::string> kTransaction = {"borrow-lend", "rent-lease", "buy-sell",
                                            "receive-donate"};
const std::set<std::string> kScope = {"local", "regional", "national", "international"};
constexpr const char* kSchema = "offers_wants_schema-v0.1.0";

std::string Listed(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

Result<std::string> Enum(const json& p, const std::string& key, const std::set<std::string>& ok,
                         bool required, const std::string& where) {
  auto it = p.find(key);
  if (it == p.end()) {
    if (!required) return std::string();
    return InvalidArgument(where + ": '" + key + "' is required (one of " + Listed(ok) + ")");
  }
  std::string v = it->is_string() ? it->get<std::string>() : "";
  if (!ok.count(v)) {
    return InvalidArgument(where + ": '" + key + "' is '" + (it->is_string() ? v : it->dump()) +
                           "', not one of " + Listed(ok));
  }
  return v;
}

Result<std::string> RequiredString(const json& p, const std::string& key,
                                   const std::string& where) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_string()) {
    return InvalidArgument(where + ": '" + key + "' is required and must be a string");
  }
  return it->get<std::string>();
}

Result<std::vector<std::string>> Strings(const json& p, const std::string& key,
                                         const std::set<std::string>* ok,
                                         const std::string& where) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_array()) {
    return InvalidArgument(where + ": '" + key + "' is required and must be a list of strings");
  }
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const json& v : *it) {
    if (!v.is_string()) return InvalidArgument(where + ": '" + key + "' holds a non-string");
    std::string s = v.get<std::string>();
    if (ok && !ok->count(s)) {
      return InvalidArgument(where + ": '" + key + "' holds '" + s + "', not one of " +
                             Listed(*ok));
    }
    if (!seen.insert(s).second) {
      return InvalidArgument(where + ": '" + key + "' holds '" + s + "' twice (items are unique)");
    }
    out.push_back(s);
  }
  return out;
}

bool IsUrl(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

Status CheckLinkedSchemas(const json& p, const std::string& where) {
  auto it = p.find("linked_schemas");
  if (it == p.end() || !it->is_array()) {
    return InvalidArgument(where + ": 'linked_schemas' is required: [\"" + kSchema + "\"]");
  }
  for (const json& s : *it) {
    if (s.is_string() && s.get<std::string>() == kSchema) return Status::Ok();
  }
  return InvalidArgument(where + ": 'linked_schemas' does not name " + kSchema);
}

Result<std::map<std::string, std::string>> Contacts(const json& p, const std::string& where) {
  auto it = p.find("contact_details");
  if (it == p.end() || !it->is_object()) {
    return InvalidArgument(where + ": 'contact_details' is required: {email, contact_form}");
  }
  std::map<std::string, std::string> out;
  for (const char* key : {"email", "contact_form"}) {
    auto v = it->find(key);
    if (v == it->end()) continue;
    if (!v->is_string())
      return InvalidArgument(where + ": contact_details." + key + " is not a string");
    std::string s = v->get<std::string>();
    if (s.empty()) continue;
    if (std::string(key) == "contact_form" && !IsUrl(s)) {
      return InvalidArgument(where + ": contact_details.contact_form must start with https://");
    }
    out[key] = s;
  }
  if (out.empty()) {
    return InvalidArgument(where + ": contact_details needs an email or a contact_form");
  }
  return out;
}

Result<std::optional<model::Location>> Geolocation(const json& p, const std::string& where) {
  auto it = p.find("geolocation");
  if (it == p.end() || it->is_null()) return std::optional<model::Location>();
  auto lat = it->is_object() ? it->find("lat") : it->end();
  auto lon = it->is_object() ? it->find("lon") : it->end();
  if (!it->is_object() || lat == it->end() || lon == it->end() || !lat->is_number() ||
      !lon->is_number()) {
    return InvalidArgument(where + ": 'geolocation' must be {lat, lon} in decimal degrees");
  }
  model::Location loc{lat->get<double>(), lon->get<double>(), model::LocationPrecision::kExact};
  if (std::abs(loc.lat) > 90 || std::abs(loc.lon) > 180) {
    return InvalidArgument(where + ": 'geolocation' is out of range (lat -90..90, lon -180..180)");
  }
  return std::optional<model::Location>(loc);
}

Result<std::string> ExpiresAt(const json& p, const std::string& where) {
  auto it = p.find("expires_at");
  if (it == p.end() || it->is_null()) return std::string();
  if (!it->is_number()) {
    return InvalidArgument(where + ": 'expires_at' must be a number of seconds since 1970 (UTC)");
  }
  auto seconds = static_cast<long long>(std::llround(it->get<double>()));
  return FormatTimestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

// "2026-12-31T10:00:00Z" or "2026-12-31" -> seconds since 1970; nullopt when unreadable.
std::optional<long long> UnixSeconds(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  int n = std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s);
  if (n != 3 && n != 6) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(mo)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  long long days = std::chrono::sys_days(ymd).time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + s;
}

// FNV-1a, 64 bits: a stable id that does not depend on the platform's std::hash.
std::string StableId(const std::string& actor, const std::string& exchange,
                     const std::string& title) {
  uint64_t h = 1469598103934665603ULL;
  for (const std::string* part : {&actor, &exchange, &title}) {
    for (char c : *part) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "ow-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Result<OfferWant> FromMurmurations(const json& p, const std::string& actor_id,
                                   const std::string& where) {
  if (!p.is_object()) return InvalidArgument(where + ": expected an offers_wants profile object");
  ECOSOL_RETURN_IF_ERROR(CheckLinkedSchemas(p, where));
  OfferWant o;
  o.actor_id = actor_id;
  o.source = "murmurations";
  auto exchange = Enum(p, "exchange_type", kExchange, true, where);
  if (!exchange.ok()) return exchange.status();
  o.exchange_type = *exchange;
  auto item = Enum(p, "item_type", kItem, false, where);
  if (!item.ok()) return item.status();
  o.item_type = *item;
  auto transactions = Strings(p, "transaction_type", &kTransaction, where);
  if (!transactions.ok()) return transactions.status();
  o.transaction_types = *transactions;
  auto tags = Strings(p, "tags", nullptr, where);
  if (!tags.ok()) return tags.status();
  o.tags = *tags;
  auto title = RequiredString(p, "title", where);
  if (!title.ok()) return title.status();
  o.title = *title;
  auto description = RequiredString(p, "description", where);
  if (!description.ok()) return description.status();
  o.description = *description;
  auto scope = Enum(p, "geographic_scope", kScope, true, where);
  if (!scope.ok()) return scope.status();
  o.geographic_scope = *scope;
  auto contacts = Contacts(p, where);
  if (!contacts.ok()) return contacts.status();
  o.contact_details = *contacts;
  auto location = Geolocation(p, where);
  if (!location.ok()) return location.status();
  o.location = *location;
  auto expires = ExpiresAt(p, where);
  if (!expires.ok()) return expires.status();
  o.expires_at = *expires;
  o.block = p.value("block", "");
  o.asset_type = p.value("asset_type", "");
  o.id = p.value("id", "");
  if (o.id.empty()) o.id = StableId(actor_id, o.exchange_type, o.title);
  return o;
}

}  // namespace

namespace internal {

Status ResolveAsset(const PartnerFramework& f, OfferWant* o, const std::string& where) {
  if (o->asset_type.empty()) {
    for (const std::string& tag : o->tags) {
      if (f.FindAssetType(tag)) {
        o->asset_type = tag;
        break;
      }
    }
  }
  if (!o->asset_type.empty()) {
    const AssetType* a = f.FindAssetType(o->asset_type);
    if (!a) {
      return InvalidArgument(where + ": unknown asset type '" + o->asset_type +
                             "' (see asset_types in partner-assets.yaml)");
    }
    if (!o->block.empty() && o->block != a->block) {
      return InvalidArgument(where + ": block '" + o->block + "' is not the block of asset type '" +
                             a->id + "' (" + a->block + "); leave block out or fix it");
    }
    o->block = a->block;
    return Status::Ok();
  }
  for (const AssetType& a : f.asset_types) {
    if (a.block == o->block) return Status::Ok();
  }
  if (o->block.empty()) return Status::Ok();
  return InvalidArgument(where + ": unknown block '" + o->block +
                         "' (use a block id of building-blocks.yaml)");
}

}  // namespace internal

Result<OfferWant> OfferWantFromMurmurations(const json& profile, const std::string& actor_id,
                                            const std::string& where,
                                            const PartnerFramework* framework) {
  Result<OfferWant> o = InvalidArgument(where);
  try {
    o = FromMurmurations(profile, actor_id, where);
  } catch (const json::exception& e) {
    return InvalidArgument(where + ": a value has the wrong type (" + std::string(e.what()) + ")");
  }
  if (!o.ok() || !framework) return o;
  ECOSOL_RETURN_IF_ERROR(internal::ResolveAsset(*framework, &*o, where));
  return o;
}

json ToMurmurations(const OfferWant& o) {
  json p = {{"linked_schemas", {kSchema}},
            {"exchange_type", o.exchange_type},
            {"transaction_type", o.transaction_types},
            {"tags", o.tags},
            {"title", o.title},
            {"description", o.description},
            {"geographic_scope", o.geographic_scope},
            {"contact_details", o.contact_details}};
  if (!o.item_type.empty()) p["item_type"] = o.item_type;
  if (o.location) p["geolocation"] = {{"lat", o.location->lat}, {"lon", o.location->lon}};
  if (auto seconds = UnixSeconds(o.expires_at)) p["expires_at"] = *seconds;
  if (!o.block.empty()) p["block"] = o.block;
  if (!o.asset_type.empty()) p["asset_type"] = o.asset_type;
  if (o.id != StableId(o.actor_id, o.exchange_type, o.title)) p["id"] = o.id;
  return p;
}

json ToJson(const OfferWant& o) {
  json j = {{"id", o.id},
            {"actor_id", o.actor_id},
            {"exchange_type", o.exchange_type},
            {"item_type", o.item_type},
            {"transaction_types", o.transaction_types},
            {"tags", o.tags},
            {"title", o.title},
            {"description", o.description},
            {"geographic_scope", o.geographic_scope},
            {"block", o.block},
            {"asset_type", o.asset_type},
            {"location", nullptr},
            {"contact_details", o.contact_details},
            {"expires_at", o.expires_at},
            {"source", o.source},
            {"deleted", o.deleted}};
  if (o.location) j["location"] = {{"lat", o.location->lat}, {"lon", o.location->lon}};
  return j;
}

Result<OfferWant> OfferWantFromJson(const json& j, const std::string& where) {
  if (!j.is_object()) return InvalidArgument(where + ": expected an offer or want object");
  try {
    OfferWant o;
    o.id = j.value("id", "");
    o.actor_id = j.value("actor_id", "");
    if (o.id.empty() || o.actor_id.empty()) {
      return InvalidArgument(where + ": needs 'id' and 'actor_id'");
    }
    auto exchange = Enum(j, "exchange_type", kExchange, true, where);
    if (!exchange.ok()) return exchange.status();
    o.exchange_type = *exchange;
    std::string item = j.value("item_type", "");
    if (!item.empty() && !kItem.count(item)) {
      return InvalidArgument(where + ": 'item_type' is '" + item + "', not good or service");
    }
    o.item_type = item;
    auto transactions = Strings(j, "transaction_types", &kTransaction, where);
    if (!transactions.ok()) return transactions.status();
    o.transaction_types = *transactions;
    auto tags = Strings(j, "tags", nullptr, where);
    if (!tags.ok()) return tags.status();
    o.tags = *tags;
    o.title = j.value("title", "");
    if (o.title.empty()) return InvalidArgument(where + ": needs a 'title'");
    o.description = j.value("description", "");
    auto scope = Enum(j, "geographic_scope", kScope, true, where);
    if (!scope.ok()) return scope.status();
    o.geographic_scope = *scope;
    o.block = j.value("block", "");
    o.asset_type = j.value("asset_type", "");
    auto loc = j.find("location");
    if (loc != j.end() && !loc->is_null()) {
      json wrapped = {{"geolocation", *loc}};
      auto location = Geolocation(wrapped, where);
      if (!location.ok()) return location.status();
      o.location = *location;
    }
    o.contact_details = j.value("contact_details", std::map<std::string, std::string>());
    o.expires_at = j.value("expires_at", "");
    if (!o.expires_at.empty() && !UnixSeconds(o.expires_at)) {
      return InvalidArgument(where + ": 'expires_at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    }
    o.source = j.value("source", "");
    o.deleted = j.value("deleted", false);
    return o;
  } catch (const json::exception& e) {
    return InvalidArgument(where + ": a value has the wrong type (" + std::string(e.what()) + ")");
  }
}

}  // namespace ecosol::ecosystem
