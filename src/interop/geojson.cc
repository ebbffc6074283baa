// GeoJSON (TransforMap style) reading and writing. The property mapping is documented in
// docs/formats/geojson.md; the decisions behind it are explained where they are made.

#include "ecosol/interop/geojson.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"
#include "ecosol/text/countries.h"

namespace ecosol::interop {
namespace {

using model::Actor;
using nlohmann::json;

constexpr std::string_view kAttributePrefix = "ecosol:attribute:";
constexpr std::string_view kContactPrefix = "ecosol:contact:";

bool IsLanguageCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// "description:gr" is common for Greek ("gr" is the country); the language code is "el".
std::string LanguageOf(std::string_view tag) { return tag == "gr" ? "el" : std::string(tag); }

// True for the property keys the reader interprets. The writer writes attributes with such keys
// under "ecosol:attribute:<key>", so that they come back as attributes and not as fields.
bool IsMappedKey(std::string_view key) {
  static const std::set<std::string, std::less<>> exact = {
      "_id",         "name",          "description",   "website",          "url",
      "email",       "phone",         "country",       "start_date",       "end_date",
      "addr:street", "addr:city",     "addr:postcode", "addr:housenumber", "addr:state",
      "addr:region", "addr:province", "addr:country"};
  if (exact.count(key)) return true;
  for (std::string_view prefix : {"name:", "description:", "contact:", "ref:", "ecosol:"}) {
    if (StartsWith(key, prefix)) return true;
  }
  return false;
}

// Strings as written; numbers and booleans as their JSON text.
std::string TextOf(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// A website as the model wants it (http:// or https://), or "" when the value is not one. A
// bare host name ("www.bancaetica.it") gets http:// in front; an e-mail address, a value with
// spaces (several links in one cell) or a placeholder ("update6") is not a website.
std::string WebsiteOf(std::string_view value) {
  if (value.empty() || value.find_first_of(" \t\n@") != std::string_view::npos) return "";
  if (StartsWith(value, "http://") || StartsWith(value, "https://")) return std::string(value);
  std::string_view host = value.substr(0, value.find('/'));
  size_t dot = host.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= host.size()) return "";
  if (host.find(':') != std::string_view::npos) return "";
  return "http://" + std::string(value);
}

// Countries whose addresses put the house number before the street ("10 Downing Street").
bool NumberFirst(const std::string& country) {
  static const std::set<std::string> countries = {"GB", "IE", "IM", "JE", "GG", "FR",
                                                  "LU", "MT", "US", "CA", "AU", "NZ"};
  return countries.count(country) > 0;
}

// FNV-1a, 64 bits: a stable, platform-independent hash for derived ids.
std::string Fnv1aHex(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Reads one feature into an actor. Properties are taken field by field; those taken are marked
// `used_`, and every other non-null property ends in `attributes` under its own key.
class FeatureReader {
 public:
  FeatureReader(const GeojsonOptions& options, long long index, const json& feature,
                std::vector<registry::FieldError>* errors)
      : options_(options), index_(index), feature_(feature), errors_(errors) {}

  // False when the feature was rejected (the reasons are in `errors`).
  bool Read(Actor* out) {
    size_t before = errors_->size();
    if (!CheckShape()) return false;
    Geometry();
    Name();
    Identifier();
    Descriptions();
    Address();
    Links();
    Extensions();
    Attributes();
    if (errors_->size() != before) return false;
    *out = std::move(a_);
    return true;
  }

 private:
  void Error(const std::string& field, const std::string& message) {
    errors_->push_back({index_, field, message});
  }

  bool CheckShape() {
    if (!feature_.is_object()) {
      Error("feature", "is a JSON " + std::string(feature_.type_name()) +
                           ", not an object {\"type\": \"Feature\", ...}");
      return false;
    }
    auto type = feature_.find("type");
    if (type == feature_.end() || *type != "Feature") {
      Error("type", "should be \"Feature\" but is " +
                        (type == feature_.end() ? std::string("missing") : type->dump()));
      return false;
    }
    auto props = feature_.find("properties");
    if (props != feature_.end() && props->is_object()) {
      props_ = &*props;
    } else if (props != feature_.end() && !props->is_null()) {
      Error("properties", "is a JSON " + std::string(props->type_name()) + ", not an object");
      return false;
    }
    return true;
  }

  std::vector<std::string> Keys() const {
    std::vector<std::string> keys;
    if (props_ != nullptr) {
      for (const auto& item : props_->items()) keys.push_back(item.key());
    }
    return keys;
  }

  const json* Find(std::string_view key) const {
    if (props_ == nullptr) return nullptr;
    auto it = props_->find(key);
    return it == props_->end() || it->is_null() ? nullptr : &*it;
  }

  // The trimmed text of a property taken into a field: "" when absent or null. An array or an
  // object cannot be a field's value: that is a rejection.
  std::string Text(std::string_view key) {
    const json* v = Find(key);
    if (v == nullptr) return "";
    if (v->is_array() || v->is_object()) {
      Error("properties." + std::string(key),
            "is a JSON " + std::string(v->type_name()) + " where text is expected");
      return "";
    }
    return std::string(Trim(TextOf(*v)));
  }

  // Takes the first of `keys` whose text `convert` accepts (returns non-empty) into `*field`.
  // Later keys with the same converted text say the same thing and are used too; others stay
  // for `attributes`. Returns the key taken ("" when none).
  std::string Take(std::initializer_list<std::string_view> keys, std::string* field,
                   const std::function<std::string(std::string_view)>& convert = nullptr) {
    std::string taken;
    for (std::string_view key : keys) {
      std::string text = Text(key);
      if (convert && !text.empty()) text = convert(text);
      if (text.empty()) continue;
      if (taken.empty() && field->empty()) {
        *field = text;
        taken = key;
      }
      if (text == *field) used_.emplace(key);
    }
    return taken;
  }

  // Take() of one key into (*texts)[slot], leaving no empty entry behind.
  void TakeInto(std::map<std::string, std::string>* texts, const std::string& slot,
                std::string_view key) {
    auto it = texts->find(slot);
    std::string value = it == texts->end() ? "" : it->second;
    Take({key}, &value);
    if (!value.empty()) (*texts)[slot] = value;
  }

  void Geometry() {
    auto g = feature_.find("geometry");
    if (g == feature_.end() || g->is_null()) return;
    if (!g->is_object() || !g->contains("type")) {
      Error("geometry", "must be a GeoJSON geometry object or null");
      return;
    }
    const json& type = (*g)["type"];
    if (type != "Point") {
      Error("geometry", "is a " + TextOf(type) +
                            "; only Point geometries can be an actor's location (give the "
                            "place's point, or null for no location)");
      return;
    }
    auto c = g->find("coordinates");
    if (c == g->end() || !c->is_array() || c->size() < 2 || !(*c)[0].is_number() ||
        !(*c)[1].is_number()) {
      Error("geometry.coordinates", "must be [longitude, latitude] numbers");
      return;
    }
    double lon = (*c)[0].get<double>(), lat = (*c)[1].get<double>();
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      Error("geometry.coordinates", "[" + (*c)[0].dump() + ", " + (*c)[1].dump() +
                                        "] is out of range: GeoJSON gives [longitude, "
                                        "latitude], longitude -180..180, latitude -90..90");
      return;
    }
    a_.location = model::Location{lat, lon, model::LocationPrecision::kExact};
  }

  void Name() {
    Take({"name"}, &a_.name);
    if (a_.name.empty()) Error("properties.name", "is required (the initiative's name)");
  }

  // `_id`, else the feature's "id", else an id derived from the name and the coordinates: the
  // identity of a place, so that editing a description or a phone number keeps the id while a
  // renamed or moved place becomes a new actor. Two features with the same name at the same
  // point get the same id, and the registry reports them as a repeated identifier.
  void Identifier() {
    std::string id;
    Take({"_id"}, &id);
    auto fid = feature_.find("id");
    std::string feature_id =
        fid == feature_.end() || fid->is_null() ? "" : std::string(Trim(TextOf(*fid)));
    if (id.empty()) id = feature_id;
    if (!feature_id.empty() && feature_id != id) a_.attributes["feature_id"] = feature_id;
    if (id.empty()) {
      auto g = feature_.find("geometry");
      std::string where = g != feature_.end() && g->is_object() && g->contains("coordinates")
                              ? (*g)["coordinates"].dump()
                              : "";
      id = "derived-" + Fnv1aHex(a_.name + "\n" + where);
    }
    a_.identifiers[options_.id_scheme] = id;
  }

  void Descriptions() {
    for (const std::string& key : Keys()) {
      for (std::string_view prefix : {"name:", "description:"}) {
        if (!StartsWith(key, prefix) || !IsLanguageCode(key.substr(prefix.size()))) continue;
        TakeInto(prefix == "name:" ? &a_.names : &a_.description,
                 LanguageOf(key.substr(prefix.size())), key);
      }
    }
    TakeInto(&a_.description, options_.lang, "description");
  }

  void Address() {
    Take({"addr:city"}, &a_.address.locality);
    Take({"addr:postcode"}, &a_.address.postcode);
    Take({"addr:state", "addr:region", "addr:province"}, &a_.address.region);
    std::string raw;
    std::string key = Take({"addr:country", "country"}, &raw);
    if (!key.empty()) Country(key);
    Street();
  }

  // The value as written goes to attributes["country_original"] unless it already was the code,
  // or the file itself carries a country_original (an earlier original, kept as it is).
  void Country(const std::string& key) {
    const std::string written = TextOf(*Find(key));
    auto code = a_.location ? text::NormaliseCountryAt(written, a_.location->lat, a_.location->lon)
                            : text::NormaliseCountry(written);
    if (!code) {
      Error("properties." + key, "'" + written +
                                     "' is not a country name or ISO 3166-1 code known to "
                                     "Ecosol (write the two-letter code, e.g. FR)");
      return;
    }
    a_.address.country = *code;
    a_.territory = *code;
    if (written != *code && Find("country_original") == nullptr) {
      a_.attributes["country_original"] = written;
    }
  }

  // OSM splits the street from the house number; the model has one street line, written the way
  // the country writes addresses. A house number without a street stays an attribute.
  void Street() {
    std::string street = Text("addr:street"), number = Text("addr:housenumber");
    if (street.empty()) return;
    used_.insert("addr:street");
    a_.address.street = street;
    if (number.empty()) return;
    used_.insert("addr:housenumber");
    if (StartsWith(street, number + " ") ||
        (street.size() > number.size() + 1 && street.ends_with(" " + number))) {
      return;  // the number is already in the street line
    }
    a_.address.street =
        NumberFirst(a_.address.country) ? number + " " + street : street + " " + number;
  }

  void Links() {
    Take({"website", "contact:website", "url"}, &a_.website, WebsiteOf);
    Take({"start_date"}, &a_.founded,
         [](std::string_view d) { return IsValidDate(d) ? std::string(d) : ""; });
    Take({"end_date"}, &a_.dissolved,
         [](std::string_view d) { return IsValidDate(d) ? std::string(d) : ""; });
    for (const std::string& key : Keys()) {
      for (std::string_view prefix : {std::string_view("contact:"), kContactPrefix}) {
        if (!StartsWith(key, prefix)) continue;
        std::string rest = key.substr(prefix.size());
        if (!rest.empty() && (rest != "website" || prefix != "contact:")) {
          TakeInto(&a_.contacts, rest, key);
        }
      }
    }
    TakeInto(&a_.contacts, "email", "email");
    TakeInto(&a_.contacts, "phone", "phone");
  }

  std::vector<std::string> List(std::string_view key) {
    const json* v = Find(key);
    if (v == nullptr) return {};
    used_.emplace(key);
    if (v->is_string()) return SplitNonEmpty(v->get<std::string>(), ';');
    std::vector<std::string> out;
    if (!v->is_array()) {
      Error("properties." + std::string(key), "must be a list of codes");
      return {};
    }
    for (const json& item : *v) {
      if (item.is_string() && !Trim(item.get<std::string>()).empty()) {
        out.emplace_back(Trim(item.get<std::string>()));
      } else {
        Error("properties." + std::string(key), "must be a list of codes (text)");
      }
    }
    return out;
  }

  // Fields with no OSM key, written by WriteGeojson under "ecosol:" keys.
  void Extensions() {
    std::string kind, precision;
    if (!Take({"ecosol:kind"}, &kind).empty()) {
      auto parsed = model::ParseActorKind(kind);
      if (parsed) {
        a_.kind = *parsed;
      } else {
        Error("properties.ecosol:kind", "'" + kind + "' is not an actor kind");
      }
    }
    Take({"ecosol:legal_form"}, &a_.legal_form);
    Take({"ecosol:primary_activity"}, &a_.primary_activity);
    a_.structures = List("ecosol:structures");
    a_.activities = List("ecosol:activities");
    a_.membership_types = List("ecosol:membership_types");
    a_.qualifiers = List("ecosol:qualifiers");
    a_.claims = options_.claims;
    for (const std::string& c : List("ecosol:claims")) {
      if (std::find(a_.claims.begin(), a_.claims.end(), c) == a_.claims.end()) {
        a_.claims.push_back(c);
      }
    }
    // Present, even empty, it overrides the territory derived from the country.
    if (Find("ecosol:territory") != nullptr) {
      a_.territory = Text("ecosol:territory");
      used_.insert("ecosol:territory");
    }
    if (!Take({"ecosol:location_precision"}, &precision).empty()) {
      auto parsed = model::ParseLocationPrecision(precision);
      if (!parsed || *parsed == model::LocationPrecision::kHidden) {
        Error("properties.ecosol:location_precision", "must be exact or approximate");
      } else if (a_.location) {
        a_.location->precision = *parsed;
      }
    }
    Identifiers();
  }

  void Identifiers() {
    for (const std::string& key : Keys()) {
      // The file's own ids come from _id.
      if (StartsWith(key, "ref:") && key.size() > 4 && key.substr(4) != options_.id_scheme) {
        TakeInto(&a_.identifiers, key.substr(4), key);
      }
    }
  }

  void Attributes() {
    if (props_ == nullptr) return;
    for (const auto& [key, value] : props_->items()) {
      if (value.is_null() || used_.count(key)) continue;
      std::string name = StartsWith(key, kAttributePrefix) && key.size() > kAttributePrefix.size()
                             ? key.substr(kAttributePrefix.size())
                             : key;
      a_.attributes[name] = TextOf(value);
    }
  }

  const GeojsonOptions& options_;
  long long index_;
  const json& feature_;
  std::vector<registry::FieldError>* errors_;
  const json* props_ = nullptr;
  std::set<std::string, std::less<>> used_;
  Actor a_;
};

Status CheckCollection(const json& doc) {
  const std::string how =
      " (a GeoJSON file is one object {\"type\": \"FeatureCollection\", \"features\": [...]}; "
      "see docs/formats/geojson.md)";
  if (!doc.is_object()) {
    return InvalidArgument("the document is a JSON " + std::string(doc.type_name()) +
                           ", not a FeatureCollection object" + how);
  }
  auto type = doc.find("type");
  if (type == doc.end() || *type != "FeatureCollection") {
    return InvalidArgument("\"type\" should be \"FeatureCollection\" but is " +
                           (type == doc.end() ? std::string("missing") : type->dump()) + how);
  }
  auto features = doc.find("features");
  if (features == doc.end() || !features->is_array()) {
    return InvalidArgument("\"features\" must be an array of Feature objects" + how);
  }
  return Status::Ok();
}

}  // namespace

Result<ParsedRows> ReadGeojson(std::string_view text, const GeojsonOptions& options) {
  auto doc = model::ParseJson(text);
  if (!doc.ok()) {
    return InvalidArgument(doc.status().message() +
                           " (GeoJSON must be valid UTF-8 JSON; see docs/formats/geojson.md)");
  }
  ECOSOL_RETURN_IF_ERROR(CheckCollection(*doc));
  ParsedRows out;
  long long index = 0;
  for (const json& feature : (*doc)["features"]) {
    ++index;
    Actor actor;
    if (FeatureReader(options, index, feature, &out.rejected).Read(&actor)) {
      out.rows.push_back({index, std::move(actor)});
    }
  }
  out.records = index;
  return out;
}

namespace {

void PutText(json* p, const std::string& key, const std::string& value) {
  if (!value.empty()) (*p)[key] = value;
}

void PutList(json* p, const std::string& key, const std::vector<std::string>& values) {
  if (!values.empty()) (*p)[key] = values;
}

json Properties(const Actor& a, const std::string& id) {
  json p = json::object();
  PutText(&p, "_id", id);
  PutText(&p, "name", a.name);
  for (const auto& [lang, text] : a.names) PutText(&p, "name:" + lang, text);
  for (const auto& [lang, text] : a.description) PutText(&p, "description:" + lang, text);
  PutText(&p, "addr:street", a.address.street);
  PutText(&p, "addr:city", a.address.locality);
  PutText(&p, "addr:state", a.address.region);
  PutText(&p, "addr:postcode", a.address.postcode);
  PutText(&p, "addr:country", a.address.country);
  if (a.territory != a.address.country) p["ecosol:territory"] = a.territory;
  PutText(&p, "website", a.website);
  for (const auto& [key, value] : a.contacts) {
    PutText(&p, key == "website" ? std::string(kContactPrefix) + key : "contact:" + key, value);
  }
  PutText(&p, "start_date", a.founded);
  PutText(&p, "end_date", a.dissolved);
  if (a.kind != model::ActorKind::kOrganisation) p["ecosol:kind"] = model::ToString(a.kind);
  PutText(&p, "ecosol:legal_form", a.legal_form);
  PutText(&p, "ecosol:primary_activity", a.primary_activity);
  PutList(&p, "ecosol:structures", a.structures);
  PutList(&p, "ecosol:activities", a.activities);
  PutList(&p, "ecosol:membership_types", a.membership_types);
  PutList(&p, "ecosol:qualifiers", a.qualifiers);
  PutList(&p, "ecosol:claims", a.claims);
  return p;
}

json Feature(const Actor& a, const std::string& id_scheme) {
  auto own = a.identifiers.find(id_scheme);
  std::string id = own != a.identifiers.end() && !own->second.empty() ? own->second : a.id;
  json p = Properties(a, id);
  for (const auto& [scheme, value] : a.identifiers) {
    if (scheme != id_scheme) PutText(&p, "ref:" + scheme, value);
  }
  json geometry = nullptr;
  if (a.location && a.location->precision != model::LocationPrecision::kHidden) {
    geometry = {{"type", "Point"},
                {"coordinates", json::array({a.location->lon, a.location->lat})}};
    if (a.location->precision == model::LocationPrecision::kApproximate) {
      p["ecosol:location_precision"] = "approximate";
    }
  }
  for (const auto& [key, value] : a.attributes) {
    bool taken = IsMappedKey(key) || p.contains(key);
    p[taken ? std::string(kAttributePrefix) + key : key] = value;
  }
  json f = {{"type", "Feature"}, {"geometry", geometry}, {"properties", p}};
  if (!id.empty()) f["id"] = id;
  return f;
}

}  // namespace

std::string WriteGeojson(const std::vector<Actor>& actors, const std::string& id_scheme) {
  json features = json::array();
  for (const Actor& a : actors) features.push_back(Feature(a, id_scheme));
  json doc = {{"type", "FeatureCollection"}, {"features", std::move(features)}};
  return doc.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ecosol::interop
