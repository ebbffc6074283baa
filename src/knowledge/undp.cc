// UNDP SDG Innovation Commons records as case documents (undp.h).
//
// Decisions:
// - Stage (SI-DRIVE): a "solution" is a grassroots solution the Accelerator Labs found in use, so
//   implementation; an "experiment" tests a hypothesis, so testing; a "learningplan" states a
//   challenge and how the lab will explore it, so idea. None is assessed as having impact.
// - Language: the text module's stop-word detector on the title and text; "und" when it cannot
//   tell (it knows en, fr, es and pt; records in other languages come out "und").
// - The text is kept without its HTML, for search; the summary is picked by UndpSummary.
// - Strength is "unassessed": nobody has yet applied the strong/weak criteria to a record.

#include "ecosol/knowledge/undp.h"

#include <cstdint>
#include <fstream>

#include "ecosol/base/strings.h"
#include "ecosol/text/countries.h"
#include "ecosol/text/statutes.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

constexpr size_t kCutIdLength = 80;  // the Commons' ids are cut here
constexpr size_t kMaxIdPart = 100;

struct TypeMapping {
  std::string_view record_type;
  std::string_view type;
  std::string_view stage;
};
constexpr TypeMapping kTypes[] = {{"solution", "solution", "implementation"},
                                  {"experiment", "experiment", "testing"},
                                  {"learningplan", "learning_plan", "idea"}};

// 32-bit FNV-1a: small, stable across platforms and releases (unlike std::hash).
uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::string Hex8(uint32_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(8, '0');
  for (size_t i = 8; i-- > 0; v >>= 4) out[i] = kDigits[v & 0xFu];
  return out;
}

std::string StringField(const json& record, const char* key) {
  auto it = record.find(key);
  return it != record.end() && it->is_string() ? std::string(Trim(it->get<std::string>())) : "";
}

std::vector<std::string> StringList(const json& record, const char* key) {
  std::vector<std::string> out;
  auto it = record.find(key);
  if (it == record.end() || !it->is_array()) return out;
  for (const json& item : *it) {
    if (item.is_string() && !Trim(item.get<std::string>()).empty()) {
      out.emplace_back(Trim(item.get<std::string>()));
    }
  }
  return out;
}

void AddOnce(json* list, const json& value) {
  for (const json& v : *list) {
    if (v == value) return;
  }
  list->push_back(value);
}

void MapCountries(const json& record, UndpCase* out) {
  json codes = json::array();
  for (const std::string& name : StringList(record, "countries")) {
    if (auto code = text::NormaliseCountry(name)) {
      AddOnce(&codes, *code);
    } else {
      out->warnings.push_back("countries: '" + name + "' is not a known country");
    }
  }
  if (!codes.empty()) out->doc["countries"] = std::move(codes);
}

// "2. Zero hunger" -> 2.
void MapSdgs(const json& record, UndpCase* out) {
  json goals = json::array();
  for (const std::string& sdg : StringList(record, "sdgs")) {
    long long goal = 0;
    const size_t dot = sdg.find('.');
    if (ParseInt64(Trim(std::string_view(sdg).substr(0, dot)), &goal) && goal >= 1 && goal <= 17) {
      AddOnce(&goals, goal);
    } else {
      out->warnings.push_back("sdgs: '" + sdg + "' does not start with a goal number 1 to 17");
    }
  }
  if (!goals.empty()) out->doc["sdgs"] = std::move(goals);
}

void MapWords(const json& record, const char* key, const char* to, UndpCase* out) {
  json words = json::array();
  for (const std::string& word : StringList(record, key)) AddOnce(&words, AsciiLower(word));
  if (!words.empty()) out->doc[to] = std::move(words);
}

// "2023" (the export writes years as texts) or 2023.
void MapYear(const json& record, UndpCase* out) {
  auto it = record.find("year");
  if (it == record.end() || it->is_null()) return;
  if (it->is_string() && Trim(it->get<std::string>()).empty()) return;
  long long year = 0;
  if (it->is_number_integer()) year = it->get<long long>();
  if (it->is_string() && !ParseInt64(Trim(it->get<std::string>()), &year)) year = 0;
  if (year >= 1800 && year <= 2100) {
    out->doc["year"] = year;
  } else {
    out->warnings.push_back("year: " + it->dump() + " is not a year from 1800 to 2100");
  }
}

// "lat,lng" -> {"lat": .., "lon": ..}.
void MapLocation(const json& record, UndpCase* out) {
  const std::string latlng = StringField(record, "latlng");
  if (latlng.empty()) return;
  const std::vector<std::string> parts = Split(latlng, ',');
  double lat = 0;
  double lon = 0;
  if (parts.size() == 2 && ParseDouble(Trim(parts[0]), &lat) && ParseDouble(Trim(parts[1]), &lon) &&
      lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
    out->doc["location"] = {{"lat", lat}, {"lon", lon}};
  } else {
    out->warnings.push_back("latlng: '" + latlng + "' is not \"latitude,longitude\"");
  }
}

json InLanguage(const std::string& lang, const std::string& s) {
  json text = json::object();
  text[lang] = s;
  return text;
}

void MapTexts(const std::string& title, const json& record, UndpCase* out) {
  const std::string body(Trim(StripHtml(StringField(record, "text"))));
  const std::string lang = text::DetectLanguage(title + "\n\n" + body);
  out->doc["title"] = InLanguage(lang, title);
  const std::string summary = UndpSummary(body);
  if (!summary.empty()) out->doc["summary"] = InLanguage(lang, summary);
  if (!body.empty()) out->doc["text"] = InLanguage(lang, body);
}

Result<UndpCase> Map(const json& record) {
  if (!record.is_object()) return InvalidArgument("UNDP record: expected a JSON object");
  const std::string id = StringField(record, "id");
  if (id.empty()) return InvalidArgument("UNDP record: needs an 'id'");
  const std::string where = "UNDP record '" + id + "'";
  const std::string title = StringField(record, "title");
  if (title.empty()) return InvalidArgument(where + ": needs a 'title'");
  const std::string type = StringField(record, "type");
  const TypeMapping* mapping = nullptr;
  for (const TypeMapping& m : kTypes) {
    if (type == m.record_type) mapping = &m;
  }
  if (!mapping) {
    return InvalidArgument(where + ": type '" + type +
                           "' is not solution, experiment or learningplan");
  }
  UndpCase out;
  out.doc = json::object();
  out.doc["id"] = UndpCaseId(id, title);
  out.doc["type"] = std::string(mapping->type);
  out.doc["stage"] = std::string(mapping->stage);
  out.doc["strength"] = json::object();
  out.doc["strength"]["level"] = "unassessed";
  out.doc["source"] = {{"name", "UNDP SDG Innovation Commons"},
                       {"id", id},
                       {"url", "https://sdg-innovation-commons.org"},
                       {"licence", "MIT"}};
  MapTexts(title, record, &out);
  MapCountries(record, &out);
  MapSdgs(record, &out);
  MapWords(record, "thematic_areas", "themes", &out);
  MapWords(record, "methods", "methods", &out);
  MapYear(record, &out);
  MapLocation(record, &out);
  return out;
}

}  // namespace

std::string UndpCaseId(std::string_view record_id, std::string_view title) {
  std::string slug = AsciiLower(record_id.substr(0, kMaxIdPart));
  for (char& c : slug) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) c = '_';
  }
  std::string id = "undp-" + slug;
  if (record_id.size() >= kCutIdLength) id += "-" + Hex8(Fnv1a(title));
  return id;
}

Result<UndpCase> CaseFromUndpRecord(const json& record) {
  try {
    return Map(record);
  } catch (const json::exception& e) {
    return InvalidArgument("UNDP record: a value has the wrong type (" + std::string(e.what()) +
                           ")");
  }
}

Status ReadUndpFile(const std::string& path,
                    const std::function<Status(UndpCase c, int line)>& each) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open the UNDP file '" + path + "'");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (Trim(line).empty()) continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) return InvalidArgument(where + "not a JSON object");
    auto c = CaseFromUndpRecord(record);
    if (!c.ok()) return InvalidArgument(where + c.status().message());
    ECOSOL_RETURN_IF_ERROR(each(std::move(*c), number));
  }
  return Status::Ok();
}

}  // namespace ecosol::knowledge
