// The descriptive fields of a case document (case_document.h): reading them with errors that
// name the path, and writing them back in canonical form.

#include "case_document.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "ecosol/base/strings.h"
#include "ecosol/text/countries.h"
#include "text_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

// The one table of the document's enumerations (docs/knowledge.md lists them for authors).
struct VocabularyEntry {
  CaseVocabulary vocabulary;
  std::vector<std::string> values;
};

const std::vector<VocabularyEntry>& Vocabularies() {
  static const std::vector<VocabularyEntry> kTable = {
      {CaseVocabulary::kActorRole,
       {"initiator", "implementer", "funder", "partner", "network", "university", "public_body",
        "community", "beneficiary", "intermediary"}},
      {CaseVocabulary::kStage, {"idea", "invention", "implementation", "testing", "impact"}},
      {CaseVocabulary::kPolicyField,
       {"education", "employment", "environment", "energy", "transport", "health_social_care",
        "poverty_development"}},
      {CaseVocabulary::kSiDrive,
       {"societal_needs", "concepts", "actors_networks_governance", "process_dynamics",
        "resources_capabilities_constraints"}},
      {CaseVocabulary::kEvidence, {"anecdotal", "monitoring", "evaluation", "experimental"}},
      {CaseVocabulary::kScalingPath, {"out", "up", "deep"}},
      {CaseVocabulary::kStrength, {"weak", "strong", "unassessed"}},
      {CaseVocabulary::kKnowledge, {"research", "practice", "both"}},
      {CaseVocabulary::kParticipation, {"inform", "consult", "involve", "collaborate", "empower"}},
      {CaseVocabulary::kCaseType,
       {"case_study", "solution", "experiment", "learning_plan", "programme", "policy"}},
  };
  return kTable;
}

bool Allowed(CaseVocabulary vocabulary, const std::string& value) {
  const auto& values = AllowedValues(vocabulary);
  return std::find(values.begin(), values.end(), value) != values.end();
}

// --- reading ----------------------------------------------------------------------------------

Result<std::string> OptionalString(const json& obj, const std::string& key,
                                   const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgument(where + ": '" + key + "' must be a text");
  return it->get<std::string>();
}

// A value of `vocabulary` under obj[key], or "" when absent.
Result<std::string> OptionalValue(const json& obj, const std::string& key,
                                  CaseVocabulary vocabulary, const std::string& where) {
  auto value = OptionalString(obj, key, where);
  if (!value.ok() || value->empty() || Allowed(vocabulary, *value)) return value;
  return InvalidArgument(where + ": " + key + " '" + *value + "' is not one of " +
                         Join(AllowedValues(vocabulary), ", "));
}

Result<Text> OptionalText(const json& obj, const std::string& key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Text();
  return internal::ParseTextValue(*it, key, where);
}

bool IsWebAddress(const std::string& url) {
  return StartsWith(url, "https://") || StartsWith(url, "http://");
}

Result<std::string> OptionalUrl(const json& obj, const std::string& where) {
  auto url = OptionalString(obj, "url", where);
  if (!url.ok() || url->empty() || IsWebAddress(*url)) return url;
  return InvalidArgument(where + ": url '" + *url + "' must start with https:// or http://");
}

Result<std::optional<int>> OptionalYear(const json& obj, const std::string& where) {
  auto it = obj.find("year");
  if (it == obj.end() || it->is_null()) return std::optional<int>();
  if (!it->is_number_integer() || it->get<long long>() < 1800 || it->get<long long>() > 2100) {
    return InvalidArgument(where + ": 'year' must be a whole year from 1800 to 2100, got " +
                           it->dump());
  }
  return std::optional<int>(it->get<int>());
}

// obj[key] as a list, each item read by `item` with its path ("outcomes[1]"); absent is empty.
template <typename T>
Status ParseList(const json& obj, const std::string& key, const std::string& where,
                 const std::function<Result<T>(const json&, const std::string&)>& item,
                 std::vector<T>* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return InvalidArgument(where + ": '" + key + "' must be a list");
  for (size_t i = 0; i < it->size(); ++i) {
    auto value = item((*it)[i], where + ": " + key + "[" + std::to_string(i) + "]");
    if (!value.ok()) return value.status();
    out->push_back(std::move(*value));
  }
  return Status::Ok();
}

Status ExpectObject(const json& value, const std::string& where, const std::string& shape) {
  if (value.is_object()) return Status::Ok();
  return InvalidArgument(where + ": expected " + shape);
}

Result<CaseActor> ParseActor(const json& entry, const std::string& where) {
  ECOSOL_RETURN_IF_ERROR(ExpectObject(entry, where, "{name, actor_id, role}"));
  CaseActor actor;
  auto name = OptionalString(entry, "name", where);
  auto actor_id = OptionalString(entry, "actor_id", where);
  auto role = OptionalValue(entry, "role", CaseVocabulary::kActorRole, where);
  for (const auto* r : {&name, &actor_id, &role}) {
    if (!r->ok()) return r->status();
  }
  if (name->empty()) return InvalidArgument(where + ": an actor needs a 'name'");
  return CaseActor{*name, *actor_id, *role};
}

Result<SourceRef> ParseSourceRef(const json& entry, const std::string& where) {
  ECOSOL_RETURN_IF_ERROR(ExpectObject(entry, where, "{title, url, year}"));
  auto title = OptionalString(entry, "title", where);
  if (!title.ok()) return title.status();
  auto url = OptionalUrl(entry, where);
  if (!url.ok()) return url.status();
  auto year = OptionalYear(entry, where);
  if (!year.ok()) return year.status();
  if (title->empty() && url->empty()) {
    return InvalidArgument(where + ": a source needs a 'title' or a 'url'");
  }
  return SourceRef{*title, *url, *year};
}

Result<CaseOutcome> ParseOutcome(const json& entry, const std::string& where) {
  ECOSOL_RETURN_IF_ERROR(ExpectObject(entry, where, "{text, evidence, sources}"));
  CaseOutcome outcome;
  auto text = internal::ParseSomeText(entry, "text", where);
  if (!text.ok()) return text.status();
  outcome.text = std::move(*text);
  auto evidence = OptionalValue(entry, "evidence", CaseVocabulary::kEvidence, where);
  if (!evidence.ok()) return evidence.status();
  outcome.evidence = *evidence;
  ECOSOL_RETURN_IF_ERROR(
      ParseList<SourceRef>(entry, "sources", where, ParseSourceRef, &outcome.sources));
  return outcome;
}

Result<ScalingPath> ParseScaling(const json& entry, const std::string& where) {
  ECOSOL_RETURN_IF_ERROR(ExpectObject(entry, where, "{path, text}"));
  auto path = OptionalValue(entry, "path", CaseVocabulary::kScalingPath, where);
  if (!path.ok()) return path.status();
  if (path->empty()) {
    return InvalidArgument(where + ": needs a 'path', one of " +
                           Join(AllowedValues(CaseVocabulary::kScalingPath), ", "));
  }
  auto text = OptionalText(entry, "text", where);
  if (!text.ok()) return text.status();
  return ScalingPath{*path, *text};
}

Result<std::vector<std::string>> StringList(const json& obj, const std::string& key,
                                            const std::string& where) {
  std::vector<std::string> out;
  auto item = [](const json& value, const std::string& w) -> Result<std::string> {
    if (!value.is_string() || Trim(value.get<std::string>()).empty()) {
      return InvalidArgument(w + ": expected a non-empty text");
    }
    return std::string(Trim(value.get<std::string>()));
  };
  ECOSOL_RETURN_IF_ERROR(ParseList<std::string>(obj, key, where, item, &out));
  return out;
}

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

Result<std::optional<Strength>> ParseStrength(const json& doc, const std::string& where) {
  auto it = doc.find("strength");
  if (it == doc.end() || it->is_null()) return std::optional<Strength>();
  const std::string w = where + ": strength";
  ECOSOL_RETURN_IF_ERROR(ExpectObject(*it, w, "{level, framework, assessed_at, reasons}"));
  Strength s;
  auto level = OptionalValue(*it, "level", CaseVocabulary::kStrength, w);
  auto framework = OptionalString(*it, "framework", w);
  auto assessed_at = OptionalString(*it, "assessed_at", w);
  for (const auto* r : {&level, &framework, &assessed_at}) {
    if (!r->ok()) return r->status();
  }
  if (level->empty()) return InvalidArgument(w + ": needs a 'level' (weak, strong or unassessed)");
  if (!assessed_at->empty() && !IsDate(*assessed_at)) {
    return InvalidArgument(w + ": assessed_at '" + *assessed_at + "' is not a date YYYY-MM-DD");
  }
  auto reasons = OptionalText(*it, "reasons", w);
  if (!reasons.ok()) return reasons.status();
  return std::optional<Strength>(Strength{*level, *framework, *assessed_at, *reasons});
}

Result<Provenance> ParseProvenance(const json& entry, const std::string& where) {
  ECOSOL_RETURN_IF_ERROR(
      ExpectObject(entry, where, "{claim, knowledge, contributors, participation}"));
  Provenance p;
  auto claim = OptionalString(entry, "claim", where);
  auto knowledge = OptionalValue(entry, "knowledge", CaseVocabulary::kKnowledge, where);
  auto participation = OptionalValue(entry, "participation", CaseVocabulary::kParticipation, where);
  for (const auto* r : {&claim, &knowledge, &participation}) {
    if (!r->ok()) return r->status();
  }
  if (claim->empty()) return InvalidArgument(where + ": needs the 'claim' it is about");
  auto contributors = StringList(entry, "contributors", where);
  if (!contributors.ok()) return contributors.status();
  return Provenance{*claim, *knowledge, std::move(*contributors), *participation};
}

// "outcomes[2]" -> {"outcomes", 2}; {claim, -1} when there is no index.
std::pair<std::string, long long> SplitIndex(const std::string& claim) {
  const size_t open = claim.find('[');
  long long index = -1;
  if (open == std::string::npos || claim.back() != ']' ||
      !ParseInt64(std::string_view(claim).substr(open + 1, claim.size() - open - 2), &index)) {
    return {claim, -1};
  }
  return {claim.substr(0, open), index};
}

// True when `claim` names a part of the case: a field, an item of a list field by index, a core
// element by id or an SI-DRIVE dimension.
bool ClaimNamesAPart(const Case& c, const std::string& claim) {
  static const std::vector<std::string> kFields = {
      "title",    "summary", "problem",   "root_causes", "model",        "core_elements",
      "actors",   "stage",   "si_drive",  "outcomes",    "policy_field", "scaling",
      "strength", "origin",  "countries", "sdgs",        "themes",       "methods",
      "type",     "year",    "location",  "source",      "text"};
  if (std::find(kFields.begin(), kFields.end(), claim) != kFields.end()) return true;
  if (StartsWith(claim, "core_elements.")) {
    const std::string id = claim.substr(14);
    return std::any_of(c.core_elements.begin(), c.core_elements.end(),
                       [&](const CoreElement& e) { return e.id == id; });
  }
  if (StartsWith(claim, "si_drive.")) return Allowed(CaseVocabulary::kSiDrive, claim.substr(9));
  const auto [field, index] = SplitIndex(claim);
  const std::map<std::string, size_t> sizes = {{"root_causes", c.root_causes.size()},
                                               {"actors", c.actors.size()},
                                               {"outcomes", c.outcomes.size()},
                                               {"scaling", c.scaling.size()}};
  auto it = sizes.find(field);
  return it != sizes.end() && index >= 0 && static_cast<size_t>(index) < it->second;
}

Status ParseCountries(const json& doc, const std::string& where, Case* c) {
  auto codes = StringList(doc, "countries", where);
  if (!codes.ok()) return codes.status();
  for (size_t i = 0; i < codes->size(); ++i) {
    const std::string& code = (*codes)[i];
    const std::string w = where + ": countries[" + std::to_string(i) + "]";
    if (!text::IsCountryCode(code)) {
      auto guess = text::NormaliseCountry(code);
      return InvalidArgument(w + ": '" + code + "' is not an ISO 3166-1 alpha-2 country code" +
                             (guess ? " (did you mean '" + *guess + "'?)" : std::string()));
    }
    if (std::find(c->countries.begin(), c->countries.end(), code) != c->countries.end()) {
      return InvalidArgument(w + ": '" + code + "' is listed twice");
    }
    c->countries.push_back(code);
  }
  return Status::Ok();
}

Status ParseSdgs(const json& doc, const std::string& where, Case* c) {
  auto item = [](const json& value, const std::string& w) -> Result<int> {
    if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 17) {
      return InvalidArgument(w + ": expected a goal number from 1 to 17, got " + value.dump());
    }
    return value.get<int>();
  };
  ECOSOL_RETURN_IF_ERROR(ParseList<int>(doc, "sdgs", where, item, &c->sdgs));
  for (size_t i = 1; i < c->sdgs.size(); ++i) {
    if (std::find(c->sdgs.begin(), c->sdgs.begin() + static_cast<long>(i), c->sdgs[i]) !=
        c->sdgs.begin() + static_cast<long>(i)) {
      return InvalidArgument(where + ": sdgs[" + std::to_string(i) +
                             "]: " + std::to_string(c->sdgs[i]) + " is listed twice");
    }
  }
  return Status::Ok();
}

// Free words: trimmed, ASCII lower-cased (other letters keep their case), each once.
Result<std::vector<std::string>> FreeWords(const json& doc, const std::string& key,
                                           const std::string& where) {
  auto words = StringList(doc, key, where);
  if (!words.ok()) return words.status();
  std::vector<std::string> out;
  for (const std::string& word : *words) {
    std::string lower = AsciiLower(word);
    if (std::find(out.begin(), out.end(), lower) == out.end()) out.push_back(std::move(lower));
  }
  return out;
}

Result<std::optional<Location>> ParseLocation(const json& doc, const std::string& where) {
  auto it = doc.find("location");
  if (it == doc.end() || it->is_null()) return std::optional<Location>();
  const std::string w = where + ": location";
  auto number = [&](const char* key, double limit) -> std::optional<double> {
    auto v = it->find(key);
    if (v == it->end() || !v->is_number()) return std::nullopt;
    const double d = v->get<double>();
    return std::isfinite(d) && std::fabs(d) <= limit ? std::optional<double>(d) : std::nullopt;
  };
  if (!it->is_object()) return InvalidArgument(w + ": expected {lat, lon}");
  auto lat = number("lat", 90);
  auto lon = number("lon", 180);
  if (!lat || !lon) {
    return InvalidArgument(w + ": needs 'lat' from -90 to 90 and 'lon' from -180 to 180");
  }
  return std::optional<Location>(Location{*lat, *lon});
}

Result<std::optional<CaseSource>> ParseSource(const json& doc, const std::string& where) {
  auto it = doc.find("source");
  if (it == doc.end() || it->is_null()) return std::optional<CaseSource>();
  const std::string w = where + ": source";
  ECOSOL_RETURN_IF_ERROR(ExpectObject(*it, w, "{name, id, url, licence}"));
  auto name = OptionalString(*it, "name", w);
  auto id = OptionalString(*it, "id", w);
  auto url = OptionalUrl(*it, w);
  auto licence = OptionalString(*it, "licence", w);
  for (const auto* r : {&name, &id, &url, &licence}) {
    if (!r->ok()) return r->status();
  }
  if (name->empty()) return InvalidArgument(w + ": needs a 'name'");
  return std::optional<CaseSource>(CaseSource{*name, *id, *url, *licence});
}

Status ParseSiDrive(const json& doc, const std::string& where, Case* c) {
  auto it = doc.find("si_drive");
  if (it == doc.end() || it->is_null()) return Status::Ok();
  const std::string w = where + ": si_drive";
  ECOSOL_RETURN_IF_ERROR(ExpectObject(*it, w, "a map {dimension: text}"));
  for (auto d = it->begin(); d != it->end(); ++d) {
    if (!Allowed(CaseVocabulary::kSiDrive, d.key())) {
      return InvalidArgument(w + ": dimension '" + d.key() + "' is not one of " +
                             Join(AllowedValues(CaseVocabulary::kSiDrive), ", "));
    }
    auto text = internal::ParseTextValue(*d, d.key(), w);
    if (!text.ok()) return text.status();
    c->si_drive[d.key()] = std::move(*text);
  }
  return Status::Ok();
}

Status ParseTexts(const json& doc, const std::string& where, Case* c) {
  for (auto [key, field] : {std::pair{"summary", &c->summary}, std::pair{"problem", &c->problem},
                            std::pair{"model", &c->model}, std::pair{"text", &c->text}}) {
    auto text = OptionalText(doc, key, where);
    if (!text.ok()) return text.status();
    *field = std::move(*text);
  }
  auto text_item = [](const json& value, const std::string& w) {
    return internal::ParseTextValue(value, "text", w);
  };
  return ParseList<Text>(doc, "root_causes", where, text_item, &c->root_causes);
}

Status ParseFacetFields(const json& doc, const std::string& where, Case* c) {
  ECOSOL_RETURN_IF_ERROR(ParseCountries(doc, where, c));
  ECOSOL_RETURN_IF_ERROR(ParseSdgs(doc, where, c));
  auto themes = FreeWords(doc, "themes", where);
  if (!themes.ok()) return themes.status();
  c->themes = std::move(*themes);
  auto methods = FreeWords(doc, "methods", where);
  if (!methods.ok()) return methods.status();
  c->methods = std::move(*methods);
  auto stage = OptionalValue(doc, "stage", CaseVocabulary::kStage, where);
  auto policy_field = OptionalValue(doc, "policy_field", CaseVocabulary::kPolicyField, where);
  auto type = OptionalValue(doc, "type", CaseVocabulary::kCaseType, where);
  for (const auto* r : {&stage, &policy_field, &type}) {
    if (!r->ok()) return r->status();
  }
  c->stage = *stage;
  c->policy_field = *policy_field;
  c->type = *type;
  return Status::Ok();
}

Status ParseRecordFields(const json& doc, const std::string& where, Case* c) {
  auto year = OptionalYear(doc, where);
  if (!year.ok()) return year.status();
  c->year = *year;
  auto location = ParseLocation(doc, where);
  if (!location.ok()) return location.status();
  c->location = *location;
  auto source = ParseSource(doc, where);
  if (!source.ok()) return source.status();
  c->source = *source;
  auto strength = ParseStrength(doc, where);
  if (!strength.ok()) return strength.status();
  c->strength = *strength;
  return Status::Ok();
}

Status CheckClaims(const Case& c, const std::string& where) {
  for (size_t i = 0; i < c.provenance.size(); ++i) {
    if (ClaimNamesAPart(c, c.provenance[i].claim)) continue;
    return InvalidArgument(where + ": provenance[" + std::to_string(i) + "]: claim '" +
                           c.provenance[i].claim +
                           "' names no part of the case (use a field such as summary, an item "
                           "such as outcomes[0], core_elements.<id> or si_drive.<dimension>)");
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& AllowedValues(CaseVocabulary vocabulary) {
  for (const VocabularyEntry& entry : Vocabularies()) {
    if (entry.vocabulary == vocabulary) return entry.values;
  }
  static const std::vector<std::string> kNone;
  return kNone;
}

namespace internal {

Status ParseDescription(const json& doc, const std::string& where, Case* c) {
  ECOSOL_RETURN_IF_ERROR(ParseTexts(doc, where, c));
  ECOSOL_RETURN_IF_ERROR(ParseList<CaseActor>(doc, "actors", where, ParseActor, &c->actors));
  ECOSOL_RETURN_IF_ERROR(ParseSiDrive(doc, where, c));
  ECOSOL_RETURN_IF_ERROR(
      ParseList<CaseOutcome>(doc, "outcomes", where, ParseOutcome, &c->outcomes));
  ECOSOL_RETURN_IF_ERROR(ParseList<ScalingPath>(doc, "scaling", where, ParseScaling, &c->scaling));
  ECOSOL_RETURN_IF_ERROR(ParseFacetFields(doc, where, c));
  ECOSOL_RETURN_IF_ERROR(ParseRecordFields(doc, where, c));
  ECOSOL_RETURN_IF_ERROR(
      ParseList<Provenance>(doc, "provenance", where, ParseProvenance, &c->provenance));
  return CheckClaims(*c, where);
}

}  // namespace internal
}  // namespace ecosol::knowledge
