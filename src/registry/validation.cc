// Validation of actors: each rule reports the field and says what a valid value looks like.

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/registry/registry.h"

namespace ecosol::registry {
namespace {

using model::Actor;

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

bool IsLanguageCode(const std::string& s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

void CheckCodes(const std::vector<std::string>& codes, const std::string& field,
                const std::string& scheme, const Taxonomy& tax, std::vector<FieldError>* out) {
  for (const std::string& code : codes) {
    if (!tax.Has(scheme, code)) {
      out->push_back({0, field,
                      "'" + code + "' is not a code of the ESSGlobal " + scheme +
                          " scheme (see GET /api/v1/taxonomies/" + scheme + ")"});
    }
  }
}

void CheckStrings(const Actor& a, std::vector<FieldError>* out) {
  auto check = [&](const std::string& field, const std::string& value) {
    size_t at = 0;
    if (!IsValidUtf8(value, &at)) {
      out->push_back({0, field, "invalid UTF-8 at byte " + std::to_string(at)});
    }
  };
  check("name", a.name);
  check("legal_form", a.legal_form);
  check("address.street", a.address.street);
  check("address.locality", a.address.locality);
  check("address.region", a.address.region);
  check("website", a.website);
  for (const auto& [lang, text] : a.description) check("description." + lang, text);
  for (const auto& [lang, text] : a.names) check("names." + lang, text);
}

void CheckIdentity(const Actor& a, std::vector<FieldError>* out) {
  if (!a.id.empty()) {
    bool ok = a.id.size() <= 64 && IsIdChar(a.id[0]) && a.id[0] != '-';
    for (char c : a.id) ok = ok && IsIdChar(c);
    if (!ok) {
      out->push_back({0, "id",
                      "'" + a.id +
                          "' must be 1-64 lower-case letters, digits, '-', '_' "
                          "or '.'"});
    }
  }
  if (Trim(a.name).empty()) out->push_back({0, "name", "is required"});
  if (a.name.size() > 500) out->push_back({0, "name", "is longer than 500 bytes"});
  for (const auto* texts : {&a.names, &a.description}) {
    for (const auto& [lang, text] : *texts) {
      if (!IsLanguageCode(lang)) {
        out->push_back({0, texts == &a.names ? "names" : "description",
                        "'" + lang + "' is not a language code such as en, fr, es, pt"});
      }
    }
  }
}

void CheckPlace(const Actor& a, const Taxonomy& tax, std::vector<FieldError>* out) {
  if (!a.address.country.empty() && !tax.Has("countries", a.address.country)) {
    out->push_back({0, "address.country",
                    "'" + a.address.country + "' is not an ISO 3166-1 alpha-2 code such as GB"});
  }
  if (!a.territory.empty()) {
    std::vector<std::string> parts = Split(a.territory, '/');
    bool ok = tax.Has("countries", parts[0]);
    for (const std::string& part : parts) ok = ok && !part.empty();
    if (!ok) {
      out->push_back({0, "territory",
                      "'" + a.territory +
                          "' must be an ISO 3166-1 alpha-2 country code followed by "
                          "'/'-separated names, such as GB/wales/cardiff"});
    }
  }
  if (a.location) {
    if (!(a.location->lat >= -90 && a.location->lat <= 90)) {
      out->push_back({0, "location.lat", "latitude must be between -90 and 90"});
    }
    if (!(a.location->lon >= -180 && a.location->lon <= 180)) {
      out->push_back({0, "location.lon", "longitude must be between -180 and 180"});
    }
  }
}

void CheckDatesAndLinks(const Actor& a, std::vector<FieldError>* out) {
  if (!a.founded.empty() && !IsValidDate(a.founded)) {
    out->push_back({0, "founded", "'" + a.founded + "' is not a date YYYY-MM-DD"});
  }
  if (!a.dissolved.empty() && !IsValidDate(a.dissolved)) {
    out->push_back({0, "dissolved", "'" + a.dissolved + "' is not a date YYYY-MM-DD"});
  }
  if (!a.founded.empty() && !a.dissolved.empty() && a.dissolved < a.founded) {
    out->push_back({0, "dissolved", "is before the founding date"});
  }
  if (!a.website.empty() && !StartsWith(a.website, "http://") &&
      !StartsWith(a.website, "https://")) {
    out->push_back({0, "website", "must start with http:// or https://"});
  }
  for (const std::string& claim : a.claims) {
    bool ok = !claim.empty();
    for (char c : claim) ok = ok && ((c >= 'a' && c <= 'z') || c == '_');
    if (!ok) {
      out->push_back({0, "claims",
                      "'" + claim +
                          "' must be lower-case words joined by _ "
                          "(e.g. social_enterprise)"});
    }
  }
}

}  // namespace

std::vector<FieldError> ValidateActor(const Actor& a, const Taxonomy& tax) {
  std::vector<FieldError> out;
  CheckStrings(a, &out);
  CheckIdentity(a, &out);
  CheckPlace(a, tax, &out);
  CheckDatesAndLinks(a, &out);
  CheckCodes(a.structures, "structures", "organisational-structure", tax, &out);
  CheckCodes(a.activities, "activities", "activities-ica", tax, &out);
  if (!a.primary_activity.empty()) {
    CheckCodes({a.primary_activity}, "primary_activity", "activities-ica", tax, &out);
  }
  CheckCodes(a.membership_types, "membership_types", "base-membership-type", tax, &out);
  CheckCodes(a.qualifiers, "qualifiers", "qualifiers", tax, &out);
  return out;
}

}  // namespace ecosol::registry
