#include "ecosol/interop/murmurations.h"

// valijson reports a failure (such as an unresolvable $ref) by throwing when this is set and by
// calling abort() otherwise. Only this file includes valijson, so the choice is the same in
// every translation unit that sees its inline functions.
#define VALIJSON_USE_EXCEPTIONS 1
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "ecosol/base/strings.h"
#include "ecosol/interop/csv.h"
#include "ecosol/text/countries.h"

namespace ecosol::interop {

using Json = nlohmann::json;
using JsonAdapter = valijson::adapters::NlohmannJsonAdapter;

struct MurmurationsSchemas::Impl {
  std::filesystem::path dir;
  std::map<std::string, Json> fields;     // "latitude.json" -> the field file (nodes are stable)
  std::map<std::string, Json> documents;  // schema name -> its schema file
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled;
  std::string default_schema;

  const Json* Deref(const Json* node) const;
  const Json* Find(const std::string& schema, const std::vector<std::string>& path) const;
  const Json* Fetch(const std::string& uri, std::string* error);
  Status Compile(const std::string& name);
  void CutLongText(const std::string& schema, const std::string& path,
                   std::vector<std::string> schema_path, Json* v,
                   std::vector<SchemaViolation>* out) const;
  SchemaViolation Describe(const std::string& schema, const Json& profile,
                           const valijson::ValidationResults::Error& e) const;
};

namespace {

Result<Json> ParseJsonFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path.string() + ": cannot be read");
  try {
    return Json::parse(in);
  } catch (const Json::exception& e) {
    return InvalidArgument(path.string() + ": not valid JSON: " + e.what());
  }
}

// A field file name as the Library writes them ("country_iso_3166.json"): nothing that could
// climb out of the fields folder.
bool IsFieldFileName(const std::string& name) {
  if (name.size() <= 5 || name.substr(name.size() - 5) != ".json") return false;
  return std::all_of(name.begin(), name.end() - 5, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// "default-v2.1.0" -> {2, 1, 0}, to pick the highest version of the default schema.
std::array<long long, 3> VersionOf(const std::string& name) {
  std::array<long long, 3> v{};
  size_t at = name.rfind("-v");
  if (at == std::string::npos) return v;
  auto parts = Split(name.substr(at + 2), '.');
  for (size_t i = 0; i < parts.size() && i < v.size(); ++i) {
    if (!ParseInt64(parts[i], &v[i])) v[i] = 0;
  }
  return v;
}

// valijson reports a failure on every enclosing object and array too ("Failed to validate
// against schema associated with property name 'geolocation'"); only the innermost one says
// what is wrong.
bool IsWrapper(const valijson::ValidationResults::Error& e,
               const std::vector<valijson::ValidationResults::Error>& all) {
  if (!StartsWith(e.description, "Failed to validate")) return false;
  return std::any_of(all.begin(), all.end(), [&](const auto& other) {
    return !StartsWith(other.description, "Failed to validate") &&
           other.context.size() >= e.context.size() &&
           std::equal(e.context.begin(), e.context.end(), other.context.begin());
  });
}

// At most `max` characters (the schemas' maxLength counts code points, not bytes).
std::string Fit(const std::string& s, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (lead && count++ == max) return s.substr(0, i);
  }
  return s;
}

// libstdc++'s std::regex, which valijson uses for "pattern" and "propertyNames", recurses once per
// character (about 100 bytes of stack each) and overflows the stack on long strings, so longer
// strings never reach it (see CutLongText).
constexpr size_t kMaxPatternInput = 2000;
// The deepest nesting accepted in a JSON profile (profiles nest three levels deep).
constexpr int kMaxDepth = 32;

bool HasLongText(const Json& v) {
  if (v.is_string()) return v.get_ref<const std::string&>().size() > kMaxPatternInput;
  if (v.is_array()) return std::any_of(v.begin(), v.end(), HasLongText);
  if (!v.is_object()) return false;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it.key().size() > kMaxPatternInput || HasLongText(it.value())) return true;
  }
  return false;
}

struct Located {
  std::string path;                      // "urls[0].url"
  std::vector<std::string> schema_path;  // {"urls", "[]", "url"}
  const Json* value = nullptr;
};

// valijson's context ({"<root>", "[urls]", "[0]", "[url]"}) as a path, walking the profile to
// tell array indexes from property names.
Located Locate(const Json& profile, const std::vector<std::string>& context) {
  Located at;
  at.value = &profile;
  for (size_t i = 1; i < context.size(); ++i) {
    const std::string& c = context[i];
    std::string key = c.size() >= 2 ? c.substr(1, c.size() - 2) : c;
    long long index = 0;
    if (at.value && at.value->is_array() && ParseInt64(key, &index) && index >= 0 &&
        static_cast<size_t>(index) < at.value->size()) {
      at.path += "[" + key + "]";
      at.schema_path.push_back("[]");
      at.value = &(*at.value)[static_cast<size_t>(index)];
      continue;
    }
    at.path += (at.path.empty() ? "" : ".") + key;
    at.schema_path.push_back(key);
    at.value =
        at.value && at.value->is_object() && at.value->contains(key) ? &(*at.value)[key] : nullptr;
  }
  return at;
}

std::string Quoted(const Json* value) {
  if (!value) return "";
  if (value->is_string()) {
    const std::string& s = value->get_ref<const std::string&>();
    std::string shown = Fit(s, 80);
    return "'" + shown + (shown.size() < s.size() ? "...' " : "' ");
  }
  if (value->is_number() || value->is_boolean()) return value->dump() + " ";
  return "";
}

// valijson's description, rewritten with the schema's own constraint where that says more.
std::string Explain(const std::string& description, const Json* rule) {
  auto get = [&](const char* key) { return rule && rule->contains(key) ? &(*rule)[key] : nullptr; };
  if (StartsWith(description, "Failed to match regex") && get("pattern")) {
    const Json& pattern = *get("pattern");
    return "does not match the pattern " +
           (pattern.is_string() ? pattern.get<std::string>() : pattern.dump());
  }
  if (StartsWith(description, "Failed to match against any enum") && get("enum")) {
    std::vector<std::string> values;
    for (const Json& v : *get("enum"))
      values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    if (values.size() <= 12) return "is not one of " + Join(values, ", ");
    return "is not one of the " + std::to_string(values.size()) + " values the schema allows";
  }
  if (StartsWith(description, "Value type not permitted") && get("type")) {
    const Json& type = *get("type");
    return "should be a " + (type.is_string() ? type.get<std::string>() : type.dump());
  }
  if (StartsWith(description, "Expected number") || StartsWith(description, "String should")) {
    std::string out = description;
    for (size_t at; (at = out.find(".000000")) != std::string::npos;) out.erase(at, 7);
    return out;
  }
  return description;
}

}  // namespace

// Follows $ref chains to the field files (by file name, as Fetch stored them).
const Json* MurmurationsSchemas::Impl::Deref(const Json* node) const {
  for (int hops = 0; node && node->is_object() && hops < 16; ++hops) {
    auto ref = node->find("$ref");
    if (ref == node->end() || !ref->is_string()) break;
    const std::string& uri = ref->get_ref<const std::string&>();
    auto it = fields.find(uri.substr(uri.find_last_of('/') + 1));
    node = it == fields.end() ? nullptr : &it->second;
  }
  return node;
}

const Json* MurmurationsSchemas::Impl::Find(const std::string& schema,
                                            const std::vector<std::string>& path) const {
  auto doc = documents.find(schema);
  if (doc == documents.end()) return nullptr;
  const Json* node = Deref(&doc->second);
  for (const std::string& key : path) {
    if (!node || !node->is_object()) return nullptr;
    auto container = node->find(key == "[]" ? "items" : "properties");
    if (container == node->end()) return nullptr;
    if (key == "[]") {
      node = Deref(&*container);
      continue;
    }
    auto property = container->find(key);
    node = property == container->end() ? nullptr : Deref(&*property);
  }
  return node;
}

// valijson resolves "../fields/latitude.json" against the schema's $id, so it asks for
// "https://.../schemas/organizations_schema-v1.0.0../fields/latitude.json": only the file name
// counts, and it is read from DIR/fields and kept for Deref.
const Json* MurmurationsSchemas::Impl::Fetch(const std::string& uri, std::string* error) {
  std::string name = uri.substr(uri.find_last_of('/') + 1);
  auto it = fields.find(name);
  if (it != fields.end()) return &it->second;
  if (!IsFieldFileName(name)) {
    *error = "$ref '" + uri + "' does not name a field file such as ../fields/name.json";
    return nullptr;
  }
  auto doc = ParseJsonFile(dir / "fields" / name);
  if (!doc.ok()) {
    *error = "$ref '" + uri + "': " + doc.status().message();
    return nullptr;
  }
  return &fields.emplace(name, std::move(*doc)).first->second;
}

Status MurmurationsSchemas::Impl::Compile(const std::string& name) {
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  JsonAdapter adapter(documents.at(name));
  std::string error;
  try {
    parser.populateSchema(
        adapter, *schema, [&](const std::string& uri) { return Fetch(uri, &error); },
        [](const Json*) {});  // fetched documents stay in `fields`
  } catch (const std::exception& e) {
    return InvalidArgument((dir / "schemas" / (name + ".json")).string() + ": " +
                           (error.empty() ? std::string(e.what()) : error));
  }
  compiled[name] = std::move(schema);
  return Status::Ok();
}

MurmurationsSchemas::MurmurationsSchemas(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MurmurationsSchemas::~MurmurationsSchemas() = default;

Result<std::shared_ptr<const MurmurationsSchemas>> MurmurationsSchemas::Load(
    const std::filesystem::path& dir) {
  const std::string hint =
      " (give the folder that holds schemas/ and fields/ from the Murmurations Library, such as "
      "../shared/data/murmurations)";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return NotFound("Murmurations schemas folder '" + dir.string() + "' does not exist" + hint);
  }
  if (!std::filesystem::is_directory(dir / "schemas", ec)) {
    return NotFound("'" + dir.string() + "' has no schemas/ folder" + hint);
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "schemas", ec)) {
    if (entry.path().extension() != ".json") continue;
    auto doc = ParseJsonFile(entry.path());
    if (!doc.ok()) return doc.status();
    impl->documents[entry.path().stem().string()] = std::move(*doc);
  }
  if (impl->documents.empty())
    return NotFound("'" + dir.string() + "/schemas' has no *.json" + hint);
  for (const auto& [name, doc] : impl->documents) {
    ECOSOL_RETURN_IF_ERROR(impl->Compile(name));
    if (StartsWith(name, "default-v") &&
        (impl->default_schema.empty() || VersionOf(name) > VersionOf(impl->default_schema))) {
      impl->default_schema = name;
    }
  }
  return std::shared_ptr<const MurmurationsSchemas>(new MurmurationsSchemas(std::move(impl)));
}

std::vector<std::string> MurmurationsSchemas::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, schema] : impl_->compiled) names.push_back(name);
  return names;
}

bool MurmurationsSchemas::Has(const std::string& schema) const {
  return impl_->compiled.count(schema) > 0;
}

const std::string& MurmurationsSchemas::default_schema() const { return impl_->default_schema; }

std::string MurmurationsSchemas::TypeAt(const std::string& schema,
                                        const std::vector<std::string>& path) const {
  const Json* node = impl_->Find(schema, path);
  if (!node || !node->is_object() || !node->contains("type")) return "";
  const Json& type = (*node)["type"];
  return type.is_string() ? type.get<std::string>() : "";
}

// Strings that a pattern checks are emptied when longer than kMaxPatternInput, and property
// names that long are dropped: each is reported under its path.
void MurmurationsSchemas::Impl::CutLongText(const std::string& schema, const std::string& path,
                                            std::vector<std::string> schema_path, Json* v,
                                            std::vector<SchemaViolation>* out) const {
  const std::string too_long = " bytes long; at most " + std::to_string(kMaxPatternInput) +
                               " are accepted where a pattern applies";
  if (v->is_string() && v->get_ref<const std::string&>().size() > kMaxPatternInput) {
    const Json* rule = Find(schema, schema_path);
    if (!rule || !rule->is_object() || !rule->contains("pattern")) return;
    out->push_back(
        {path, "is " + std::to_string(v->get_ref<const std::string&>().size()) + too_long});
    *v = "";
  } else if (v->is_array()) {
    schema_path.push_back("[]");
    for (size_t i = 0; i < v->size(); ++i) {
      CutLongText(schema, path + "[" + std::to_string(i) + "]", schema_path, &(*v)[i], out);
    }
  } else if (v->is_object()) {
    for (auto it = v->begin(); it != v->end();) {
      if (it.key().size() > kMaxPatternInput) {
        out->push_back({path, "has a property name " + std::to_string(it.key().size()) + too_long});
        it = v->erase(it);
        continue;
      }
      schema_path.push_back(it.key());
      CutLongText(schema, path + (path.empty() ? "" : ".") + it.key(), schema_path, &it.value(),
                  out);
      schema_path.pop_back();
      ++it;
    }
  }
}

Result<std::vector<SchemaViolation>> MurmurationsSchemas::Validate(
    const Json& profile, const std::string& schema) const {
  auto it = impl_->compiled.find(schema);
  if (it == impl_->compiled.end()) {
    return InvalidArgument("unknown Murmurations schema '" + schema + "': " + impl_->dir.string() +
                           "/schemas has " + Join(Names(), ", ") + " (add " + schema +
                           ".json there, or choose one of these)");
  }
  std::vector<SchemaViolation> out;
  std::optional<Json> cut;
  if (HasLongText(profile)) {
    cut = profile;
    impl_->CutLongText(schema, "", {}, &*cut, &out);
  }
  const Json& checked = cut ? *cut : profile;
  const size_t guarded = out.size();
  valijson::Validator validator;
  valijson::ValidationResults results;
  try {
    validator.validate(*it->second, JsonAdapter(checked), &results);
  } catch (const std::exception& e) {
    return Internal(std::string("validating against ") + schema + ": " + e.what());
  }
  std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  for (const auto& e : errors) {
    if (IsWrapper(e, errors)) continue;
    SchemaViolation v = impl_->Describe(schema, checked, e);
    bool seen = false;  // the same problem, or a path CutLongText reported already
    for (size_t i = 0; i < out.size() && !seen; ++i) {
      seen = out[i].path == v.path && (i < guarded || out[i].message == v.message);
    }
    if (!seen) out.push_back(std::move(v));
  }
  return out;
}

// One of valijson's errors as a path and a message for a person.
SchemaViolation MurmurationsSchemas::Impl::Describe(
    const std::string& schema, const Json& profile,
    const valijson::ValidationResults::Error& e) const {
  Located at = Locate(profile, e.context);
  const std::string kMissing = "Missing required property '";
  if (!StartsWith(e.description, kMissing)) {
    return {at.path, Quoted(at.value) + Explain(e.description, Find(schema, at.schema_path))};
  }
  std::string name = e.description.substr(kMissing.size());
  name = name.substr(0, name.find('\''));
  return {at.path + (at.path.empty() ? "" : ".") + name, "is required"};
}

// ---- Profiles to actors ----

namespace {

using model::Actor;

constexpr const char* kOrganizationsSchema = "organizations_schema-v1.0.0";
// Top-level string fields kept as attributes of the same name: free text, URLs, and the values
// of an enum (which only go back out when they are one of the enum's).
constexpr const char* kTextAttributes[] = {"nickname", "mission", "full_address", "unique_id"};
constexpr const char* kUrlAttributes[] = {"image", "header_image", "rss"};
constexpr const char* kStatuses[] = {"active", "completed", "cancelled", "on_hold", "in_planning"};
constexpr const char* kScopes[] = {"local", "regional", "national", "international"};

std::string Text(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return "";
  if (it->is_string()) return std::string(Trim(it->get_ref<const std::string&>()));
  if (it->is_number()) return it->dump();
  return "";
}

std::string Get(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? "" : it->second;
}

// Unix seconds -> "YYYY-MM-DD". Murmurations writes a bare year as 1 January at midnight
// (fields/starts_at.json), so that instant reads back as "YYYY".
bool DateOfTimestamp(const Json& t, std::string* out) {
  if (!t.is_number()) return false;
  double s = t.get<double>();
  if (!(s >= -62135596800.0 && s < 253402300800.0)) return false;  // the years 1 to 9999
  using namespace std::chrono;
  sys_seconds secs{seconds{static_cast<long long>(std::floor(s))}};
  sys_days day_start = floor<days>(secs);
  year_month_day ymd{day_start};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  char buf[48];
  if (secs == day_start && m == 1 && d == 1) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  }
  *out = buf;
  return true;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> Unix seconds at midnight UTC of its first day.
std::optional<long long> TimestampOfDate(const std::string& date) {
  auto parts = Split(date, '-');
  long long y = 0, m = 1, d = 1;
  if (parts.empty() || parts.size() > 3 || !ParseInt64(parts[0], &y)) return std::nullopt;
  if (parts.size() >= 2 && !ParseInt64(parts[1], &m)) return std::nullopt;
  if (parts.size() == 3 && !ParseInt64(parts[2], &d)) return std::nullopt;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year{static_cast<int>(y)}, month{static_cast<unsigned>(m)},
                     day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_seconds{sys_days{ymd}}.time_since_epoch().count();
}

// The identifier of a profile in its source: the batch's oid, else the URL the profile is
// served at, else the organisation's primary URL.
std::string IdentifierOf(const Json& p) {
  for (const char* key : {"oid", "profile_url", "primary_url"}) {
    std::string v = Text(p, key);
    if (!v.empty()) return v;
  }
  return "";
}

struct ProfileMapper {
  const Json& p;
  const MurmurationsOptions& options;
  std::vector<SchemaViolation>* errors;

  void Contacts(Actor* a) const {
    auto details = p.find("contact_details");
    if (details != p.end() && details->is_object()) {
      std::string email = Text(*details, "email"), form = Text(*details, "contact_form");
      if (!email.empty()) a->contacts["email"] = email;
      if (!form.empty()) a->contacts["contact_form"] = form;
    }
    std::string phone = Text(p, "telephone");
    if (!phone.empty()) a->contacts["phone"] = phone;
    auto urls = p.find("urls");
    if (urls == p.end() || !urls->is_array()) return;
    for (const Json& u : *urls) {
      std::string url = u.is_object() ? Text(u, "url") : "";
      if (url.empty()) continue;
      std::string base = Slug(Text(u, "name"));  // "Facebook" -> contacts["facebook"]
      if (base.empty()) base = "url";
      std::string key = base;
      for (int n = 2; a->contacts.count(key); ++n) key = base + "-" + std::to_string(n);
      a->contacts[key] = url;
    }
  }

  void Address(Actor* a) const {
    a->address.street = Text(p, "street_address");
    a->address.locality = Text(p, "locality");
    a->address.region = Text(p, "region");
    a->address.postcode = Text(p, "postal_code");
    std::string iso = Text(p, "country_iso_3166"), name = Text(p, "country_name");
    if (!iso.empty()) {
      a->address.country = iso;  // the schema's enum holds upper-case codes only
    } else if (auto code = text::NormaliseCountry(name)) {
      a->address.country = *code;
    } else if (!name.empty()) {
      a->attributes["country_name"] = name;
    }
  }

  void Location(Actor* a) const {
    auto geo = p.find("geolocation");
    const Json& holder = geo != p.end() && geo->is_object() ? *geo : p;
    const char* lat_key = &holder == &p ? "latitude" : "lat";
    const char* lon_key = &holder == &p ? "longitude" : "lon";
    auto lat = holder.find(lat_key), lon = holder.find(lon_key);
    if (lat == holder.end() || lon == holder.end() || !lat->is_number() || !lon->is_number())
      return;
    a->location =
        model::Location{lat->get<double>(), lon->get<double>(), model::LocationPrecision::kExact};
  }

  void Attributes(Actor* a) const {
    std::vector<const char*> keys(std::begin(kTextAttributes), std::end(kTextAttributes));
    keys.insert(keys.end(), std::begin(kUrlAttributes), std::end(kUrlAttributes));
    keys.insert(keys.end(), {"status", "geographic_scope"});
    for (const char* key : keys) {
      if (!Text(p, key).empty()) a->attributes[key] = Text(p, key);
    }
    auto tags = p.find("tags");
    if (tags != p.end() && tags->is_array()) {
      std::vector<std::string> kept;
      for (const Json& t : *tags) {
        if (t.is_string() && !Trim(t.get_ref<const std::string&>()).empty()) {
          kept.emplace_back(Trim(t.get_ref<const std::string&>()));
        }
      }
      if (!kept.empty()) a->attributes["tags"] = Join(kept, "; ");
    }
    for (const char* key : {"images", "relationships"}) {
      auto it = p.find(key);
      if (it != p.end() && it->is_array() && !it->empty()) a->attributes[key] = it->dump();
    }
  }

  void Dates(Actor* a) const {
    const std::pair<const char*, std::string Actor::*> dates[] = {{"starts_at", &Actor::founded},
                                                                  {"ends_at", &Actor::dissolved}};
    for (const auto& [key, field] : dates) {
      auto it = p.find(key);
      if (it == p.end() || DateOfTimestamp(*it, &(a->*field))) continue;
      errors->push_back(
          {key, Quoted(&*it) + "is not a Unix timestamp (seconds) in the years 1 to 9999"});
    }
  }

  Actor Map() const {
    Actor a;
    a.kind = model::ActorKind::kOrganisation;
    a.name = Text(p, "name");
    a.website = Text(p, "primary_url");
    std::string description = Text(p, "description");
    if (!description.empty()) a.description[options.lang] = description;
    a.identifiers[options.id_scheme] = IdentifierOf(p);
    Contacts(&a);
    Address(&a);
    Location(&a);
    Attributes(&a);
    Dates(&a);
    return a;
  }
};

// Validates a profile against the default schema and options.schema, then maps it. Every
// problem goes to `errors`; nullopt when there is one.
std::optional<Actor> CheckAndMap(const Json& profile, const MurmurationsSchemas& schemas,
                                 const MurmurationsOptions& options,
                                 std::vector<SchemaViolation>* errors) {
  std::vector<std::string> names = {options.schema};
  if (!schemas.default_schema().empty() && schemas.default_schema() != options.schema) {
    names.insert(names.begin(), schemas.default_schema());
  }
  for (const std::string& schema : names) {
    auto violations = schemas.Validate(profile, schema);
    if (!violations.ok()) {
      errors->push_back({"", violations.status().message()});
      continue;
    }
    for (SchemaViolation& v : *violations) {
      bool seen = std::any_of(errors->begin(), errors->end(), [&](const SchemaViolation& o) {
        return o.path == v.path && o.message == v.message;
      });
      if (!seen) errors->push_back(std::move(v));
    }
  }
  if (!errors->empty()) return std::nullopt;
  Actor actor = ProfileMapper{profile, options, errors}.Map();
  if (!errors->empty()) return std::nullopt;
  return actor;
}

}  // namespace

Result<ParsedRows> ReadMurmurationsProfiles(std::string_view json_text,
                                            const MurmurationsSchemas& schemas,
                                            const MurmurationsOptions& options) {
  if (!schemas.Has(options.schema))
    return schemas.Validate(Json::object(), options.schema).status();
  Json doc;
  try {
    // A deeper document would only exhaust the stack of the recursive checks that follow.
    doc = Json::parse(json_text, [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxDepth) throw std::length_error("nested too deeply");
      return true;
    });
  } catch (const Json::exception& e) {
    return InvalidArgument(std::string("not valid JSON: ") + e.what() +
                           " (a Murmurations profile is a JSON object; several go in an array)");
  } catch (const std::length_error&) {
    return InvalidArgument("the JSON nests deeper than " + std::to_string(kMaxDepth) +
                           " levels, which no Murmurations profile does");
  }
  if (!doc.is_object() && !doc.is_array()) {
    return InvalidArgument("expected a JSON object (a profile) or an array of profiles");
  }
  std::vector<const Json*> profiles;
  if (doc.is_object()) profiles.push_back(&doc);
  if (doc.is_array()) {
    for (const Json& p : doc) profiles.push_back(&p);
  }
  ParsedRows out;
  for (size_t i = 0; i < profiles.size(); ++i) {
    const long long line = static_cast<long long>(i) + 1;  // the profile's place in the array
    ++out.records;
    const Json& p = *profiles[i];
    std::vector<SchemaViolation> errors;
    if (!p.is_object()) {
      errors.push_back({"", "is not a JSON object"});
    } else if (IdentifierOf(p).empty()) {
      errors.push_back(
          {"oid", "the profile has no oid, profile_url or primary_url to identify it"});
    } else {
      auto linked = p.find("linked_schemas");
      if (linked != p.end() && linked->is_array() &&
          std::find(linked->begin(), linked->end(), options.schema) == linked->end()) {
        errors.push_back({"linked_schemas", "does not list " + options.schema +
                                                " (only profiles of that schema are read)"});
      }
    }
    std::optional<Actor> actor;
    if (errors.empty()) actor = CheckAndMap(p, schemas, options, &errors);
    if (actor) out.rows.push_back({line, std::move(*actor)});
    for (SchemaViolation& e : errors) out.rejected.push_back({line, e.path, e.message});
  }
  return out;
}

// ---- The batch CSV ----

namespace {

struct PathStep {
  std::string key;
  long long index = -1;  // >= 0: item `index` of the array `key` ("urls[0]")
};

struct Column {
  std::string name;  // as in the header
  std::vector<PathStep> steps;
  bool list = false;  // "tags(list-0)": comma-separated values appended to the array
  long long list_order = 0;
  std::string type;  // the JSON type the schema gives the cell (or each list value)
};

bool IsKey(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool ParseColumn(const std::string& name, Column* col) {
  col->name = name;
  std::string rest = name;
  if (!rest.empty() && rest.back() == ')') {
    size_t open = rest.rfind("(list-");
    if (open == std::string::npos ||
        !ParseInt64(rest.substr(open + 6, rest.size() - open - 7), &col->list_order)) {
      return false;
    }
    col->list = true;
    rest.resize(open);
  }
  for (const std::string& part : Split(rest, '.')) {
    PathStep step;
    size_t bracket = part.find('[');
    step.key = part.substr(0, bracket);
    if (!IsKey(step.key)) return false;
    if (bracket != std::string::npos &&
        (part.back() != ']' ||
         !ParseInt64(part.substr(bracket + 1, part.size() - bracket - 2), &step.index) ||
         step.index < 0)) {
      return false;
    }
    col->steps.push_back(step);
  }
  return col->steps.size() <= static_cast<size_t>(kMaxDepth / 2) &&
         !(col->list && col->steps.back().index >= 0);
}

// The schema path of a column's values: {"urls", "[]", "url"} for urls[0].url.
std::vector<std::string> SchemaPathOf(const Column& col) {
  std::vector<std::string> path;
  for (const PathStep& s : col.steps) {
    path.push_back(s.key);
    if (s.index >= 0) path.push_back("[]");
  }
  if (col.list) path.push_back("[]");
  return path;
}

// Columns must agree on what each path holds: "tags" and "tags[0]" cannot both be columns.
using Shapes = std::map<std::string, std::pair<std::string, std::string>>;  // path -> kind, column

Status CheckShape(const Column& col, Shapes* shapes) {
  std::string path;
  auto require = [&](const std::string& at, const std::string& kind) {
    auto [it, fresh] = shapes->emplace(at, std::make_pair(kind, col.name));
    if (fresh || it->second.first == kind) return Status::Ok();
    return InvalidArgument("line 1: columns '" + it->second.second + "' and '" + col.name +
                           "' disagree on whether '" + at + "' is " + it->second.first + " or " +
                           kind);
  };
  const std::vector<std::string> schema_path = SchemaPathOf(col);
  for (size_t i = 0; i < schema_path.size(); ++i) {
    path += (path.empty() || schema_path[i] == "[]" ? "" : ".") + schema_path[i];
    bool last = i + 1 == schema_path.size();
    bool array = !last && schema_path[i + 1] == "[]";
    ECOSOL_RETURN_IF_ERROR(require(path, array ? "an array" : last ? "a value" : "an object"));
  }
  return Status::Ok();
}

struct CsvHeader {
  std::vector<Column> columns;  // in CSV order; columns[0] is oid
};

Result<CsvHeader> ParseHeader(const CsvRecord& rec, const MurmurationsSchemas& schemas,
                              const MurmurationsOptions& options) {
  if (!rec.error.empty()) return InvalidArgument("line 1: " + rec.error);
  CsvHeader header;
  Shapes shapes;
  std::set<std::string> names;
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    Column col;
    std::string name(Trim(rec.fields[i]));
    if (!ParseColumn(name, &col)) {
      return InvalidArgument("line 1, column " + std::to_string(i + 1) + ": '" + name +
                             "' is not a field path such as name, tags[0], geolocation.lat, "
                             "urls[0].url or tags(list-0) (see docs/formats/murmurations.md)");
    }
    if (!names.insert(name).second) return InvalidArgument("line 1: column '" + name + "' repeats");
    ECOSOL_RETURN_IF_ERROR(CheckShape(col, &shapes));
    col.type = schemas.TypeAt(options.schema, SchemaPathOf(col));
    if (col.type.empty() && !schemas.default_schema().empty()) {
      col.type = schemas.TypeAt(schemas.default_schema(), SchemaPathOf(col));
    }
    header.columns.push_back(std::move(col));
  }
  if (header.columns.empty() || header.columns[0].name != "oid") {
    return InvalidArgument(
        "line 1: the first column must be oid, the originating id of each profile (found '" +
        (header.columns.empty() ? std::string() : header.columns[0].name) +
        "'); see docs/formats/murmurations.md");
  }
  return header;
}

// A cell as the JSON value its schema type asks for; a cell that does not parse stays a string,
// so that validation names its column.
Json Typed(std::string_view text, const std::string& type) {
  long long i = 0;
  double d = 0;
  if ((type == "number" || type == "integer") && ParseInt64(text, &i)) return i;
  if (type == "number" && ParseDouble(text, &d)) return d;
  if (type == "boolean" && (AsciiLower(text) == "true" || AsciiLower(text) == "false")) {
    return AsciiLower(text) == "true";
  }
  return std::string(text);
}

// The index's list cells: values split on commas, "\," for a comma inside a value.
std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == ',') {
      out.back() += ',';
      ++i;
    } else if (cell[i] == ',') {
      out.emplace_back();
    } else {
      out.back() += cell[i];
    }
  }
  return out;
}

// A row's cells arranged by path before they become JSON. Array items are keyed by their
// column index so that gaps (an empty urls[0] before a filled urls[1]) close up.
struct CellTree {
  std::map<std::string, CellTree> props;
  std::map<long long, CellTree> items;
  std::vector<std::tuple<long long, size_t, Json>> list;  // (list-N) values: N, column, value
  std::optional<Json> value;
  size_t column = 0;

  void Insert(const Column& col, size_t c, std::string_view text) {
    CellTree* node = this;
    for (const PathStep& s : col.steps) {
      node = &node->props[s.key];
      if (s.index >= 0) node = &node->items[s.index];
    }
    if (!col.list) {
      node->value = Typed(text, col.type);
      node->column = c;
      return;
    }
    for (const std::string& v : SplitList(text)) {
      if (!Trim(v).empty()) node->list.emplace_back(col.list_order, c, Typed(Trim(v), col.type));
    }
  }

  // The JSON value; `columns` receives the column of each leaf by its final path. As in the
  // index, (list-N) values come first (in N order), then the indexed cells.
  Json Emit(const std::string& path, std::map<std::string, size_t>* columns) const {
    if (value) {
      (*columns)[path] = column;
      return *value;
    }
    if (!props.empty()) {
      Json object = Json::object();
      for (const auto& [key, child] : props) {
        object[key] = child.Emit(path + (path.empty() ? "" : ".") + key, columns);
      }
      return object;
    }
    Json array = Json::array();
    auto values = list;
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    for (const auto& [order, c, v] : values) {
      (*columns)[path + "[" + std::to_string(array.size()) + "]"] = c;
      array.push_back(v);
    }
    for (const auto& [index, child] : items) {
      array.push_back(child.Emit(path + "[" + std::to_string(array.size()) + "]", columns));
    }
    return array;
  }
};

class CsvRowReader {
 public:
  CsvRowReader(const MurmurationsSchemas& schemas, const MurmurationsOptions& options,
               CsvHeader header)
      : schemas_(schemas), options_(options), header_(std::move(header)) {}

  void Read(const CsvRecord& rec, ParsedRows* out) {
    const auto& cols = header_.columns;
    if (!rec.error.empty()) return out->rejected.push_back({rec.line, "", rec.error});
    if (rec.fields.size() != cols.size()) {
      return out->rejected.push_back({rec.line, "",
                                      "wrong column count: expected " +
                                          std::to_string(cols.size()) + ", found " +
                                          std::to_string(rec.fields.size())});
    }
    if (!Utf8(rec, out)) return;
    std::vector<SchemaViolation> errors;
    std::string oid(Trim(rec.fields[0]));
    CheckOid(oid, rec.line, &errors);
    CellTree tree;
    for (size_t c = 1; c < cols.size(); ++c) {
      if (!Trim(rec.fields[c]).empty()) tree.Insert(cols[c], c, Trim(rec.fields[c]));
    }
    std::map<std::string, size_t> columns;
    Json profile = tree.props.empty() ? Json::object() : tree.Emit("", &columns);
    profile["oid"] = oid;
    profile["linked_schemas"] = Json::array({options_.schema});
    std::vector<SchemaViolation> problems;
    std::optional<Actor> actor = CheckAndMap(profile, schemas_, options_, &problems);
    for (SchemaViolation& p : problems) {
      auto it = columns.find(p.path);
      errors.push_back({it == columns.end() ? p.path : cols[it->second].name, p.message});
    }
    if (errors.empty() && actor) return out->rows.push_back({rec.line, std::move(*actor)});
    std::stable_sort(errors.begin(), errors.end(), [&](const auto& a, const auto& b) {
      return Position(a.path) < Position(b.path);
    });
    for (SchemaViolation& e : errors) out->rejected.push_back({rec.line, e.path, e.message});
  }

 private:
  bool Utf8(const CsvRecord& rec, ParsedRows* out) const {
    bool ok = true;
    for (size_t c = 0; c < rec.fields.size(); ++c) {
      size_t at = 0;
      if (IsValidUtf8(rec.fields[c], &at)) continue;
      out->rejected.push_back({rec.line, header_.columns[c].name,
                               "invalid UTF-8 at byte " + std::to_string(at + 1) +
                                   " of the cell (save the file as UTF-8)"});
      ok = false;
    }
    return ok;
  }

  void CheckOid(const std::string& oid, long long line, std::vector<SchemaViolation>* errors) {
    if (oid.empty()) {
      errors->push_back({"oid", "is empty: every row needs the originating id of its profile"});
      return;
    }
    auto [it, fresh] = oid_lines_.emplace(oid, line);
    if (!fresh) {
      errors->push_back({"oid", "'" + oid + "' is also the oid of line " +
                                    std::to_string(it->second) + ": each profile needs its own"});
    }
  }

  size_t Position(const std::string& column) const {
    for (size_t c = 0; c < header_.columns.size(); ++c) {
      if (header_.columns[c].name == column) return c;
    }
    return header_.columns.size();
  }

  const MurmurationsSchemas& schemas_;
  const MurmurationsOptions& options_;
  CsvHeader header_;
  std::map<std::string, long long> oid_lines_;  // oid -> the line it first appeared on
};

}  // namespace

Result<ParsedRows> ReadMurmurationsCsv(std::string_view csv_text,
                                       const MurmurationsSchemas& schemas,
                                       const MurmurationsOptions& options) {
  if (!schemas.Has(options.schema))
    return schemas.Validate(Json::object(), options.schema).status();
  CsvReader reader(csv_text);
  CsvRecord rec;
  if (!reader.Next(&rec)) {
    return InvalidArgument("the file is empty: expected a header line starting with oid");
  }
  auto header = ParseHeader(rec, schemas, options);
  if (!header.ok()) return header.status();
  CsvRowReader rows(schemas, options, std::move(*header));
  ParsedRows out;
  while (reader.Next(&rec)) {
    ++out.records;
    rows.Read(rec, &out);
  }
  return out;
}

// ---- Actors to profiles ----

namespace {

bool IsUrl(const std::string& s) {
  return s.size() <= 2000 && (StartsWith(s, "http://") || StartsWith(s, "https://"));
}

template <size_t N>
bool IsOneOf(const std::string& value, const char* const (&values)[N]) {
  return std::any_of(std::begin(values), std::end(values),
                     [&](const char* v) { return value == v; });
}

void PutText(Json* p, const char* key, const std::string& value, size_t max = 0) {
  if (!value.empty()) (*p)[key] = max > 0 ? Fit(value, max) : value;
}

void PutUrl(Json* p, const char* key, const std::string& value) {
  if (IsUrl(value)) (*p)[key] = value;
}

Json TagsOf(const std::string& text) {
  Json tags = Json::array();
  std::set<std::string> seen;
  for (const std::string& tag : SplitNonEmpty(text, ';')) {
    std::string fitted = Fit(tag, 100);
    if (tags.size() < 100 && seen.insert(fitted).second) tags.push_back(fitted);
  }
  return tags;
}

// images and relationships are kept in attributes as JSON text; only well-formed items go out.
Json ItemsOf(const std::string& text, std::initializer_list<const char*> url_keys) {
  Json parsed = Json::parse(text, nullptr, false);
  Json out = Json::array();
  if (!parsed.is_array()) return out;
  for (const Json& item : parsed) {
    if (!item.is_object()) continue;
    Json kept = Json::object();
    bool ok = true;
    for (const char* key : url_keys) {
      std::string url = Text(item, key);
      ok = ok && IsUrl(url);
      kept[key] = url;
    }
    if (!Text(item, "name").empty()) kept["name"] = Fit(Text(item, "name"), 100);
    if (ok && std::find(out.begin(), out.end(), kept) == out.end()) out.push_back(kept);
  }
  return out;
}

std::string DescriptionIn(const Actor& a, const std::string& lang) {
  auto it = a.description.find(lang);
  if (it != a.description.end() && !it->second.empty()) return it->second;
  for (const auto& [l, text] : a.description) {
    if (!text.empty()) return text;
  }
  return "";
}

void PutContacts(const Actor& a, Json* p) {
  Json urls = Json::array();
  for (const auto& [key, value] : a.contacts) {
    if (key != "email" && key != "phone" && key != "contact_form" && IsUrl(value)) {
      urls.push_back({{"name", key}, {"url", value}});
    }
  }
  if (!urls.empty()) (*p)["urls"] = urls;
  Json details = Json::object();
  PutText(&details, "email", Get(a.contacts, "email"));
  PutUrl(&details, "contact_form", Get(a.contacts, "contact_form"));
  if (!details.empty()) (*p)["contact_details"] = details;
  PutText(p, "telephone", Get(a.contacts, "phone"));
}

void PutAddress(const Actor& a, Json* p) {
  PutText(p, "street_address", a.address.street);
  PutText(p, "locality", a.address.locality, 100);
  PutText(p, "region", a.address.region, 100);
  PutText(p, "postal_code", a.address.postcode);
  PutText(p, "country_iso_3166", a.address.country);
  if (a.address.country.empty()) PutText(p, "country_name", Get(a.attributes, "country_name"), 100);
  if (auto loc = model::PublicLocation(a))
    p->emplace("geolocation", Json{{"lat", loc->lat}, {"lon", loc->lon}});
}

// The mapped fields of an actor as a profile (no linked_schemas, oid or profile_url).
Json ProfileOf(const Actor& a, const std::string& lang) {
  const auto& at = a.attributes;
  Json p = Json::object();
  p["name"] = Fit(a.name, 200);
  for (const char* key : kTextAttributes) PutText(&p, key, Get(at, key));
  for (const char* key : kUrlAttributes) PutUrl(&p, key, Get(at, key));
  if (IsOneOf(Get(at, "status"), kStatuses)) p["status"] = Get(at, "status");
  if (IsOneOf(Get(at, "geographic_scope"), kScopes)) {
    p["geographic_scope"] = Get(at, "geographic_scope");
  }
  PutUrl(&p, "primary_url", a.website);
  if (Json tags = TagsOf(Get(at, "tags")); !tags.empty()) p["tags"] = tags;
  PutText(&p, "description", DescriptionIn(a, lang));
  PutContacts(a, &p);
  PutAddress(a, &p);
  if (Json images = ItemsOf(Get(at, "images"), {"url"}); !images.empty()) p["images"] = images;
  Json relationships = ItemsOf(Get(at, "relationships"), {"predicate_url", "object_url"});
  if (!relationships.empty()) p["relationships"] = relationships;
  if (auto t = TimestampOfDate(a.founded)) p["starts_at"] = *t;
  if (auto t = TimestampOfDate(a.dissolved)) p["ends_at"] = *t;
  return p;
}

// The batch CSV's columns in the order of the organizations schema's form.
constexpr const char* kFieldOrder[] = {
    "name",          "nickname",         "primary_url",  "tags",
    "urls",          "description",      "mission",      "status",
    "full_address",  "street_address",   "locality",     "region",
    "postal_code",   "country_iso_3166", "country_name", "geolocation",
    "image",         "header_image",     "images",       "rss",
    "relationships", "starts_at",        "ends_at",      "contact_details",
    "telephone",     "geographic_scope", "unique_id"};

// Flattens a value into CSV cells by column name, and records each column under a sort key
// (the field's rank, then the path with zero-padded indexes, so that urls[10] follows urls[9]).
void Flatten(const Json& v, const std::string& name, const std::string& key,
             std::map<std::string, std::string>* cells,
             std::map<std::string, std::string>* columns) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      Flatten(it.value(), name + "." + it.key(), key + "." + it.key(), cells, columns);
    }
    return;
  }
  if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      char index[24];
      std::snprintf(index, sizeof index, "[%06zu]", i);
      Flatten(v[i], name + "[" + std::to_string(i) + "]", key + index, cells, columns);
    }
    return;
  }
  (*cells)[name] = v.is_string() ? v.get<std::string>() : v.dump();
  (*columns)[key] = name;
}

}  // namespace

std::string MurmurationsProfileUrl(const std::string& base_url, const std::string& actor_id) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/murmurations/" + actor_id + ".json";
}

Json MurmurationsProfile(const Actor& actor, const std::string& base_url, const std::string& lang) {
  Json p = ProfileOf(actor, lang);
  p["linked_schemas"] = Json::array({kOrganizationsSchema});
  p["profile_url"] = MurmurationsProfileUrl(base_url, actor.id);
  if (!actor.id.empty()) p["oid"] = actor.id;
  return p;
}

std::string WriteMurmurationsCsv(const std::vector<Actor>& actors,
                                 const MurmurationsOptions& options) {
  std::vector<std::map<std::string, std::string>> rows;
  std::map<std::string, std::string> columns;  // sort key -> column
  for (const Actor& a : actors) {
    Json profile = ProfileOf(a, options.lang);
    std::map<std::string, std::string> cells;
    std::string oid = Get(a.identifiers, options.id_scheme);
    cells["oid"] = oid.empty() ? a.id : oid;
    for (size_t rank = 0; rank < std::size(kFieldOrder); ++rank) {
      auto field = profile.find(kFieldOrder[rank]);
      if (field == profile.end()) continue;
      std::string prefix = (rank < 10 ? "0" : "") + std::to_string(rank);
      Flatten(*field, kFieldOrder[rank], prefix + std::string(kFieldOrder[rank]), &cells, &columns);
    }
    rows.push_back(std::move(cells));
  }
  std::vector<std::string> header = {"oid"};
  for (const auto& [key, name] : columns) header.push_back(name);
  std::string out;
  AppendCsvRecord(header, &out);
  for (const auto& cells : rows) {
    std::vector<std::string> fields;
    for (const std::string& column : header) fields.push_back(Get(cells, column));
    AppendCsvRecord(fields, &out);
  }
  return out;
}

}  // namespace ecosol::interop
