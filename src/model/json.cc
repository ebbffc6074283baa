#include "ecosol/model/json.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "ecosol/base/strings.h"

namespace ecosol::model {
namespace {

using nlohmann::json;

// --- writing ---------------------------------------------------------------------------------

json ProvenanceToJson(const std::map<std::string, Provenance>& prov) {
  json out = json::object();
  for (const auto& [field, p] : prov) {
    out[field] = {{"source", p.source}, {"date", p.date}, {"method", p.method}};
  }
  return out;
}

json StringOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json AddressToJson(const Address& a) {
  json out = json::object();
  if (!a.street.empty()) out["street"] = a.street;
  if (!a.locality.empty()) out["locality"] = a.locality;
  if (!a.region.empty()) out["region"] = a.region;
  if (!a.postcode.empty()) out["postcode"] = a.postcode;
  if (!a.country.empty()) out["country"] = a.country;
  return out;
}

// --- reading ---------------------------------------------------------------------------------

Status TypeError(std::string_view field, std::string_view expected) {
  return InvalidArgument(std::string(field) + ": expected " + std::string(expected));
}

Status ReadString(const json& v, std::string_view field, std::string* out) {
  if (v.is_null()) {
    out->clear();
    return Status::Ok();
  }
  if (!v.is_string()) return TypeError(field, "a string");
  *out = v.get<std::string>();
  return Status::Ok();
}

Status ReadStringList(const json& v, std::string_view field, std::vector<std::string>* out) {
  out->clear();
  if (v.is_null()) return Status::Ok();
  if (!v.is_array()) return TypeError(field, "an array of strings");
  for (const json& item : v) {
    if (!item.is_string()) return TypeError(field, "an array of strings");
    out->push_back(item.get<std::string>());
  }
  return Status::Ok();
}

Status ReadStringMap(const json& v, std::string_view field,
                     std::map<std::string, std::string>* out) {
  out->clear();
  if (v.is_null()) return Status::Ok();
  if (!v.is_object()) return TypeError(field, "an object of strings");
  for (const auto& [k, item] : v.items()) {
    if (!item.is_string()) return TypeError(std::string(field) + "." + k, "a string");
    (*out)[k] = item.get<std::string>();
  }
  return Status::Ok();
}

Status CheckKeys(const json& obj, std::string_view where, const std::set<std::string>& allowed) {
  for (const auto& [k, unused] : obj.items()) {
    if (!allowed.count(k)) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return InvalidArgument(std::string(where) + (where.empty() ? "" : ".") + k +
                             ": unknown field (known fields: " + list + ")");
    }
  }
  return Status::Ok();
}

Status ReadAddress(const json& v, Address* out) {
  *out = Address{};
  if (v.is_null()) return Status::Ok();
  if (!v.is_object()) return TypeError("address", "an object");
  ECOSOL_RETURN_IF_ERROR(
      CheckKeys(v, "address", {"street", "locality", "region", "postcode", "country"}));
  std::map<std::string, std::string> m;
  ECOSOL_RETURN_IF_ERROR(ReadStringMap(v, "address", &m));
  out->street = m["street"];
  out->locality = m["locality"];
  out->region = m["region"];
  out->postcode = m["postcode"];
  out->country = m["country"];
  return Status::Ok();
}

Status ReadLocation(const json& v, std::optional<Location>* out) {
  out->reset();
  if (v.is_null()) return Status::Ok();
  if (!v.is_object()) return TypeError("location", "an object {lat, lon, precision}");
  ECOSOL_RETURN_IF_ERROR(CheckKeys(v, "location", {"lat", "lon", "precision"}));
  Location loc;
  if (!v.contains("lat") || !v["lat"].is_number()) return TypeError("location.lat", "a number");
  if (!v.contains("lon") || !v["lon"].is_number()) return TypeError("location.lon", "a number");
  loc.lat = v["lat"].get<double>();
  loc.lon = v["lon"].get<double>();
  if (v.contains("precision")) {
    if (!v["precision"].is_string()) return TypeError("location.precision", "a string");
    auto p = ParseLocationPrecision(v["precision"].get<std::string>());
    if (!p) return InvalidArgument("location.precision: must be exact, approximate or hidden");
    loc.precision = *p;
  }
  *out = loc;
  return Status::Ok();
}

Status ReadProvenance(const json& v, std::map<std::string, Provenance>* out) {
  out->clear();
  if (v.is_null()) return Status::Ok();
  if (!v.is_object()) return TypeError("provenance", "an object of {source, date, method}");
  for (const auto& [field, p] : v.items()) {
    std::string where = "provenance." + field;
    if (!p.is_object()) return TypeError(where, "an object");
    ECOSOL_RETURN_IF_ERROR(CheckKeys(p, where, {"source", "date", "method"}));
    std::map<std::string, std::string> m;
    ECOSOL_RETURN_IF_ERROR(ReadStringMap(p, where, &m));
    (*out)[field] = Provenance{m["source"], m["date"], m["method"]};
  }
  return Status::Ok();
}

using ActorSetter = std::function<Status(const json&, Actor*)>;

ActorSetter Str(std::string Actor::*member, const char* field) {
  return [member, field](const json& v, Actor* a) { return ReadString(v, field, &(a->*member)); };
}
ActorSetter List(std::vector<std::string> Actor::*member, const char* field) {
  return
      [member, field](const json& v, Actor* a) { return ReadStringList(v, field, &(a->*member)); };
}
ActorSetter Map(std::map<std::string, std::string> Actor::*member, const char* field) {
  return
      [member, field](const json& v, Actor* a) { return ReadStringMap(v, field, &(a->*member)); };
}

Status ReadKind(const json& v, Actor* a) {
  if (!v.is_string()) return TypeError("kind", "a string");
  auto kind = ParseActorKind(v.get<std::string>());
  if (!kind) {
    std::vector<std::string> names(ActorKindNames().begin(), ActorKindNames().end());
    return InvalidArgument("kind: '" + v.get<std::string>() + "' is not one of " +
                           Join(names, ", "));
  }
  a->kind = *kind;
  return Status::Ok();
}

Status ReadVisibility(const json& v, Actor* a) {
  if (v.is_null()) {
    a->visibility = Visibility::kPublic;
    return Status::Ok();
  }
  if (!v.is_string()) return TypeError("visibility", "a string");
  auto vis = ParseVisibility(v.get<std::string>());
  if (!vis) return InvalidArgument("visibility: must be public, network or private");
  a->visibility = *vis;
  return Status::Ok();
}

// {"contacts": "private", "address": null}: a merge patch of the map (null or "public" lifts a
// restriction).
Status ReadFieldVisibility(const json& v, Actor* a) {
  if (v.is_null()) {
    a->field_visibility.clear();
    return Status::Ok();
  }
  if (!v.is_object()) {
    return TypeError("field_visibility", "an object such as {\"contacts\": \"private\"}");
  }
  const auto& fields = RestrictableFields();
  for (const auto& [field, value] : v.items()) {
    std::string where = "field_visibility." + field;
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      std::vector<std::string> names(fields.begin(), fields.end());
      return InvalidArgument(where + ": not a field whose visibility can be set (" +
                             Join(names, ", ") + ")");
    }
    if (value.is_null()) {
      a->field_visibility.erase(field);
      continue;
    }
    if (!value.is_string()) return TypeError(where, "public, network or private");
    auto vis = ParseVisibility(value.get<std::string>());
    if (!vis) return InvalidArgument(where + ": must be public, network or private");
    if (*vis == Visibility::kPublic) {
      a->field_visibility.erase(field);
    } else {
      a->field_visibility[field] = *vis;
    }
  }
  return Status::Ok();
}

const std::map<std::string, ActorSetter>& ActorSetters() {
  static const std::map<std::string, ActorSetter> setters = {
      {"id", Str(&Actor::id, "id")},
      {"kind", ReadKind},
      {"name", Str(&Actor::name, "name")},
      {"names", Map(&Actor::names, "names")},
      {"description", Map(&Actor::description, "description")},
      {"legal_form", Str(&Actor::legal_form, "legal_form")},
      {"structures", List(&Actor::structures, "structures")},
      {"activities", List(&Actor::activities, "activities")},
      {"primary_activity", Str(&Actor::primary_activity, "primary_activity")},
      {"membership_types", List(&Actor::membership_types, "membership_types")},
      {"qualifiers", List(&Actor::qualifiers, "qualifiers")},
      {"claims", List(&Actor::claims, "claims")},
      {"address", [](const json& v, Actor* a) { return ReadAddress(v, &a->address); }},
      {"territory", Str(&Actor::territory, "territory")},
      {"location", [](const json& v, Actor* a) { return ReadLocation(v, &a->location); }},
      {"website", Str(&Actor::website, "website")},
      {"contacts", Map(&Actor::contacts, "contacts")},
      {"founded", Str(&Actor::founded, "founded")},
      {"dissolved", Str(&Actor::dissolved, "dissolved")},
      {"identifiers", Map(&Actor::identifiers, "identifiers")},
      {"attributes", Map(&Actor::attributes, "attributes")},
      {"provenance", [](const json& v, Actor* a) { return ReadProvenance(v, &a->provenance); }},
      {"visibility", ReadVisibility},
      {"field_visibility", ReadFieldVisibility},
  };
  return setters;
}

const std::set<std::string> kServerFields = {"version", "updated_at", "deleted"};

Status ReadServerField(const std::string& key, const json& v, Actor* a) {
  if (key == "version") {
    if (!v.is_number_integer()) return TypeError("version", "an integer");
    a->version = v.get<long long>();
  } else if (key == "updated_at") {
    return ReadString(v, "updated_at", &a->updated_at);
  } else if (key == "deleted") {
    if (!v.is_boolean()) return TypeError("deleted", "true or false");
    a->deleted = v.get<bool>();
  }
  return Status::Ok();
}

Status ApplyActorFields(const json& j, bool allow_server_fields, Actor* actor) {
  if (!j.is_object()) return InvalidArgument("actor: expected a JSON object");
  const auto& setters = ActorSetters();
  for (const auto& [key, value] : j.items()) {
    auto it = setters.find(key);
    if (it != setters.end()) {
      ECOSOL_RETURN_IF_ERROR(it->second(value, actor));
    } else if (allow_server_fields && kServerFields.count(key)) {
      ECOSOL_RETURN_IF_ERROR(ReadServerField(key, value, actor));
    } else {
      return InvalidArgument(key + ": unknown field of an actor (see docs/http-api.md)");
    }
  }
  return Status::Ok();
}

}  // namespace

json ActorToJson(const Actor& a) {
  json j = {{"id", a.id},
            {"kind", ToString(a.kind)},
            {"name", a.name},
            {"names", a.names},
            {"description", a.description},
            {"legal_form", StringOrNull(a.legal_form)},
            {"structures", a.structures},
            {"activities", a.activities},
            {"primary_activity", StringOrNull(a.primary_activity)},
            {"membership_types", a.membership_types},
            {"qualifiers", a.qualifiers},
            {"claims", a.claims},
            {"address", AddressToJson(a.address)},
            {"territory", StringOrNull(a.territory)},
            {"location", nullptr},
            {"website", StringOrNull(a.website)},
            {"contacts", a.contacts},
            {"founded", StringOrNull(a.founded)},
            {"dissolved", StringOrNull(a.dissolved)},
            {"identifiers", a.identifiers},
            {"attributes", a.attributes},
            {"provenance", ProvenanceToJson(a.provenance)},
            {"version", a.version},
            {"updated_at", a.updated_at}};
  if (a.location) {
    j["location"] = {{"lat", a.location->lat},
                     {"lon", a.location->lon},
                     {"precision", ToString(a.location->precision)}};
  }
  j["visibility"] = ToString(a.visibility);
  if (!a.field_visibility.empty()) {
    json fv = json::object();
    for (const auto& [field, v] : a.field_visibility) fv[field] = ToString(v);
    j["field_visibility"] = fv;
  }
  if (a.deleted) j["deleted"] = true;
  return j;
}

Result<Actor> ActorFromJson(const json& j, bool allow_server_fields) {
  Actor actor;
  ECOSOL_RETURN_IF_ERROR(ApplyActorFields(j, allow_server_fields, &actor));
  return actor;
}

Status ApplyActorPatch(const json& patch, Actor* actor) {
  if (patch.is_object() && patch.contains("id") && patch["id"] != actor->id) {
    return InvalidArgument("id: an actor's id cannot be changed");
  }
  return ApplyActorFields(patch, false, actor);
}

// --- relationships ----------------------------------------------------------------------------

json RelationshipToJson(const Relationship& r) {
  json j = {{"id", r.id},
            {"from", r.from},
            {"to", r.to},
            {"type", ToString(r.type)},
            {"started", StringOrNull(r.started)},
            {"ended", StringOrNull(r.ended)},
            {"strength", r.strength ? json(*r.strength) : json(nullptr)},
            {"description", StringOrNull(r.description)},
            {"provenance", ProvenanceToJson(r.provenance)},
            {"version", r.version},
            {"updated_at", r.updated_at}};
  if (r.deleted) j["deleted"] = true;
  return j;
}

namespace {

Status ReadRelationshipField(const std::string& key, const json& v, bool server, Relationship* r) {
  if (key == "id") return ReadString(v, "id", &r->id);
  if (key == "from") return ReadString(v, "from", &r->from);
  if (key == "to") return ReadString(v, "to", &r->to);
  if (key == "started") return ReadString(v, "started", &r->started);
  if (key == "ended") return ReadString(v, "ended", &r->ended);
  if (key == "description") return ReadString(v, "description", &r->description);
  if (key == "provenance") return ReadProvenance(v, &r->provenance);
  if (key == "type") {
    if (!v.is_string()) return TypeError("type", "a string");
    auto t = ParseRelationshipType(v.get<std::string>());
    if (!t) {
      std::vector<std::string> names(RelationshipTypeNames().begin(),
                                     RelationshipTypeNames().end());
      return InvalidArgument("type: '" + v.get<std::string>() + "' is not one of " +
                             Join(names, ", "));
    }
    r->type = *t;
    return Status::Ok();
  }
  if (key == "strength") {
    if (v.is_null()) {
      r->strength.reset();
      return Status::Ok();
    }
    if (!v.is_number()) return TypeError("strength", "a number from 0 to 1");
    r->strength = v.get<double>();
    return Status::Ok();
  }
  if (server && key == "version" && v.is_number_integer()) {
    r->version = v.get<long long>();
    return Status::Ok();
  }
  if (server && key == "updated_at") return ReadString(v, "updated_at", &r->updated_at);
  if (server && key == "deleted" && v.is_boolean()) {
    r->deleted = v.get<bool>();
    return Status::Ok();
  }
  return InvalidArgument(key + ": unknown field of a relationship (see docs/http-api.md)");
}

Status ApplyRelationshipFields(const json& j, bool server, Relationship* r) {
  if (!j.is_object()) return InvalidArgument("relationship: expected a JSON object");
  for (const auto& [key, value] : j.items()) {
    ECOSOL_RETURN_IF_ERROR(ReadRelationshipField(key, value, server, r));
  }
  return Status::Ok();
}

}  // namespace

Result<Relationship> RelationshipFromJson(const json& j, bool allow_server_fields) {
  Relationship r;
  ECOSOL_RETURN_IF_ERROR(ApplyRelationshipFields(j, allow_server_fields, &r));
  return r;
}

Status ApplyRelationshipPatch(const json& patch, Relationship* rel) {
  if (patch.is_object() && patch.contains("id") && patch["id"] != rel->id) {
    return InvalidArgument("id: a relationship's id cannot be changed");
  }
  return ApplyRelationshipFields(patch, false, rel);
}

Result<json> ParseJson(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    std::string msg = e.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
    size_t at = msg.find("at line");
    return InvalidArgument("invalid JSON " + (at == std::string::npos ? msg : msg.substr(at)));
  } catch (const json::exception& e) {
    // A number beyond a double's range ("1e400") is an out_of_range error, not a parse_error.
    std::string msg = e.what();
    size_t end = msg.find("] ");
    return InvalidArgument("invalid JSON: " +
                           (end == std::string::npos ? msg : msg.substr(end + 2)));
  }
}

}  // namespace ecosol::model
