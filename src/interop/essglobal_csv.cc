#include "ecosol/interop/essglobal_csv.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "ecosol/base/strings.h"
#include "ecosol/interop/csv.h"

namespace ecosol::interop {
namespace {

using model::Actor;

constexpr std::string_view kUriBase = "https://dev.lod.coop/essglobal/2.1/standard/";

enum Col {
  kIdentifier,
  kName,
  kDescription,
  kStructure,
  kPrimaryActivity,
  kActivities,
  kStreet,
  kLocality,
  kRegion,
  kPostcode,
  kCountry,
  kTerritory,
  kWebsite,
  kPhone,
  kEmail,
  kTwitter,
  kFacebook,
  kCompaniesHouse,
  kQualifiers,
  kMembership,
  kLat,
  kLon,
  kGeoContainer,
  kGeoLat,
  kGeoLon,
  kSector,
  kSicSection,
  kSicCode,
  kOwnership,
  kLegalForm,
  kColumnCount
};

// Attributes kept from the Co-ops UK extension columns.
const std::map<int, std::string>& AttributeColumns() {
  static const std::map<int, std::string> cols = {{kSector, "sector"},
                                                  {kSicSection, "sic_section"},
                                                  {kSicCode, "sic_code"},
                                                  {kOwnership, "ownership_classification"},
                                                  {kGeoContainer, "geo_container"}};
  return cols;
}

// "https://.../organisational-structure/OS130" -> "OS130" (a bare code is accepted too).
bool CodeFromUri(const std::string& value, std::string_view scheme, std::string* code,
                 std::string* error) {
  std::string v(Trim(value));
  size_t slash = v.find_last_of('/');
  if (slash == std::string::npos) {
    *code = v;
    return true;
  }
  std::string_view path(v.data(), slash);
  if (path.size() < scheme.size() || path.substr(path.size() - scheme.size()) != scheme) {
    *error = "'" + v + "' is not a URI of the ESSGlobal " + std::string(scheme) + " scheme";
    return false;
  }
  *code = v.substr(slash + 1);
  return true;
}

struct RowParser {
  const EssglobalCsvOptions& options;
  const CsvRecord& rec;
  std::vector<registry::FieldError>* errors;

  const std::string& Cell(int c) const { return rec.fields[static_cast<size_t>(c)]; }
  void Error(int c, const std::string& message) const {
    errors->push_back({rec.line, EssglobalCsvColumns()[static_cast<size_t>(c)], message});
  }

  std::vector<std::string> Codes(int c, std::string_view scheme) const {
    std::vector<std::string> out;
    for (const std::string& piece : SplitNonEmpty(Cell(c), ';')) {
      std::string code, error;
      if (CodeFromUri(piece, scheme, &code, &error)) {
        out.push_back(code);
      } else {
        Error(c, error);
      }
    }
    return out;
  }

  bool Coordinates(int lat_col, int lon_col, double* lat, double* lon) const {
    std::string_view la = Trim(Cell(lat_col)), lo = Trim(Cell(lon_col));
    if (la.empty() && lo.empty()) return false;
    bool ok = true;
    if (!ParseDouble(la, lat) || *lat < -90 || *lat > 90) {
      Error(lat_col, "'" + std::string(la) + "' is not a latitude between -90 and 90");
      ok = false;
    }
    if (!ParseDouble(lo, lon) || *lon < -180 || *lon > 180) {
      Error(lon_col, "'" + std::string(lo) + "' is not a longitude between -180 and 180");
      ok = false;
    }
    return ok;
  }

  void Location(Actor* a) const {
    double lat = 0, lon = 0;
    if (Coordinates(kLat, kLon, &lat, &lon)) {
      a->location = model::Location{lat, lon, model::LocationPrecision::kExact};
    } else if (Coordinates(kGeoLat, kGeoLon, &lat, &lon)) {
      a->location = model::Location{lat, lon, model::LocationPrecision::kApproximate};
    }
  }

  void Contacts(Actor* a) const {
    const std::pair<int, const char*> contacts[] = {
        {kPhone, "phone"}, {kEmail, "email"}, {kTwitter, "twitter"}, {kFacebook, "facebook"}};
    for (const auto& [col, key] : contacts) {
      std::string v(Trim(Cell(col)));
      if (!v.empty()) a->contacts[key] = v;
    }
  }

  Actor Parse() const {
    Actor a;
    a.kind = model::ActorKind::kOrganisation;
    a.name = std::string(Trim(Cell(kName)));
    std::string description(Trim(Cell(kDescription)));
    if (!description.empty()) a.description[options.lang] = description;
    a.identifiers[options.id_scheme] = std::string(Trim(Cell(kIdentifier)));
    std::string ch(Trim(Cell(kCompaniesHouse)));
    if (!ch.empty()) a.identifiers["companies-house"] = ch;
    a.structures = Codes(kStructure, "organisational-structure");
    auto primary = Codes(kPrimaryActivity, "activities-ica");
    if (!primary.empty()) a.primary_activity = primary.front();
    a.activities = Codes(kActivities, "activities-ica");
    a.membership_types = Codes(kMembership, "base-membership-type");
    a.qualifiers = Codes(kQualifiers, "qualifiers");
    a.address = {std::string(Trim(Cell(kStreet))), std::string(Trim(Cell(kLocality))),
                 std::string(Trim(Cell(kRegion))), std::string(Trim(Cell(kPostcode))),
                 AsciiLower(Trim(Cell(kCountry)))};
    for (char& c : a.address.country) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    a.territory = std::string(Trim(Cell(kTerritory)));
    a.website = std::string(Trim(Cell(kWebsite)));
    a.legal_form = std::string(Trim(Cell(kLegalForm)));
    for (const auto& [col, key] : AttributeColumns()) {
      std::string v(Trim(Cell(col)));
      if (!v.empty()) a.attributes[key] = v;
    }
    Contacts(&a);
    Location(&a);
    a.claims = options.claims;
    return a;
  }
};

Status CheckHeader(const CsvRecord& header) {
  const auto& expected = EssglobalCsvColumns();
  if (!header.error.empty()) return InvalidArgument("line 1: " + header.error);
  for (size_t i = 0; i < expected.size(); ++i) {
    std::string got = i < header.fields.size() ? std::string(Trim(header.fields[i])) : "";
    if (got != expected[i]) {
      return InvalidArgument("line 1: column " + std::to_string(i + 1) + " should be '" +
                             expected[i] + "' but is '" + got +
                             "' (is this an ESSGlobal standard CSV? see "
                             "docs/formats/essglobal-csv.md)");
    }
  }
  if (header.fields.size() != expected.size()) {
    return InvalidArgument("line 1: expected " + std::to_string(expected.size()) +
                           " columns, found " + std::to_string(header.fields.size()));
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& EssglobalCsvColumns() {
  static const std::vector<std::string> cols = {"Identifier",
                                                "Name",
                                                "Description",
                                                "Organisational Structure",
                                                "Primary Activity",
                                                "Activities",
                                                "Street Address",
                                                "Locality",
                                                "Region",
                                                "Postcode",
                                                "Country ID",
                                                "Territory ID",
                                                "Website",
                                                "Phone",
                                                "Email",
                                                "Twitter",
                                                "Facebook",
                                                "Companies House Number",
                                                "Qualifiers",
                                                "Membership Type",
                                                "Latitude",
                                                "Longitude",
                                                "Geo Container",
                                                "Geo Container Latitude",
                                                "Geo Container Longitude",
                                                "Sector",
                                                "SIC Section",
                                                "SIC Code",
                                                "Ownership Classification",
                                                "Legal Form"};
  return cols;
}

std::string ColumnOfField(const std::string& field) {
  static const std::map<std::string, std::string> columns = {
      {"name", "Name"},
      {"structures", "Organisational Structure"},
      {"primary_activity", "Primary Activity"},
      {"activities", "Activities"},
      {"membership_types", "Membership Type"},
      {"qualifiers", "Qualifiers"},
      {"address.country", "Country ID"},
      {"address.street", "Street Address"},
      {"address.locality", "Locality"},
      {"address.region", "Region"},
      {"website", "Website"},
      {"legal_form", "Legal Form"},
      {"identifier", "Identifier"},
      {"location.lat", "Latitude"},
      {"location.lon", "Longitude"}};
  auto it = columns.find(field);
  if (it != columns.end()) return it->second;
  if (StartsWith(field, "description")) return "Description";
  return field;
}

Result<std::unique_ptr<EssglobalCsvSource>> EssglobalCsvSource::Create(
    std::string_view text, const EssglobalCsvOptions& options) {
  std::unique_ptr<EssglobalCsvSource> source(new EssglobalCsvSource(text, options));
  if (!source->reader_.Next(&source->record_)) {
    return InvalidArgument("the file is empty: expected a header line");
  }
  ECOSOL_RETURN_IF_ERROR(CheckHeader(source->record_));
  return source;
}

void EssglobalCsvSource::Parse(const CsvRecord& rec, std::vector<registry::ImportRow>* rows,
                               std::vector<registry::FieldError>* rejected) const {
  if (!rec.error.empty()) {
    rejected->push_back({rec.line, "", rec.error});
    return;
  }
  const size_t columns = EssglobalCsvColumns().size();
  if (rec.fields.size() != columns) {
    rejected->push_back({rec.line, "",
                         "wrong column count: expected " + std::to_string(columns) + ", found " +
                             std::to_string(rec.fields.size())});
    return;
  }
  bool utf8_ok = true;
  for (size_t i = 0; i < columns; ++i) {
    size_t at = 0;
    if (!IsValidUtf8(rec.fields[i], &at)) {
      rejected->push_back({rec.line, EssglobalCsvColumns()[i],
                           "invalid UTF-8 at byte " + std::to_string(at + 1) +
                               " of the cell (save the file as UTF-8)"});
      utf8_ok = false;
    }
  }
  if (!utf8_ok) return;
  size_t before = rejected->size();
  RowParser parser{options_, rec, rejected};
  Actor actor = parser.Parse();
  if (rejected->size() == before) rows->push_back({rec.line, std::move(actor)});
}

Result<bool> EssglobalCsvSource::Next(size_t max_rows, std::vector<registry::ImportRow>* rows,
                                      std::vector<registry::FieldError>* rejected) {
  for (size_t n = 0; n < max_rows; ++n) {
    if (!reader_.Next(&record_)) return false;
    Parse(record_, rows, rejected);
  }
  return true;
}

Result<ParsedRows> ReadEssglobalCsv(std::string_view text, const EssglobalCsvOptions& options) {
  auto source = EssglobalCsvSource::Create(text, options);
  if (!source.ok()) return source.status();
  ParsedRows out;
  while (true) {
    size_t before = out.rows.size() + out.rejected.size();
    auto more = (*source)->Next(1000, &out.rows, &out.rejected);
    if (!more.ok()) return more.status();
    out.records += static_cast<long long>(out.rows.size() + out.rejected.size() - before);
    if (!*more) break;
  }
  return out;
}

namespace {

std::string Uri(std::string_view scheme, const std::string& code) {
  return std::string(kUriBase) + std::string(scheme) + "/" + code;
}

std::string Uris(std::string_view scheme, const std::vector<std::string>& codes) {
  std::vector<std::string> uris;
  for (const std::string& c : codes) uris.push_back(Uri(scheme, c));
  return Join(uris, ";");
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

std::string Get(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? "" : it->second;
}

std::vector<std::string> ExportRow(const Actor& a, const std::string& id_scheme) {
  std::vector<std::string> row(kColumnCount);
  std::string id = Get(a.identifiers, id_scheme);
  row[kIdentifier] = id.empty() ? a.id : id;
  row[kName] = a.name;
  row[kDescription] = a.description.count("en") ? a.description.at("en")
                      : a.description.empty()   ? ""
                                                : a.description.begin()->second;
  row[kStructure] = Uris("organisational-structure", a.structures);
  row[kPrimaryActivity] =
      a.primary_activity.empty() ? "" : Uri("activities-ica", a.primary_activity);
  std::vector<std::string> others;
  for (const std::string& c : a.activities) {
    if (c != a.primary_activity) others.push_back(c);
  }
  row[kActivities] = Uris("activities-ica", others);
  row[kStreet] = a.address.street;
  row[kLocality] = a.address.locality;
  row[kRegion] = a.address.region;
  row[kPostcode] = a.address.postcode;
  row[kCountry] = a.address.country;
  // A territory derived from the address is left out; re-import derives it again.
  const bool derived =
      a.territory == a.address.country || a.territory == registry::TerritoryIdOf(a.address);
  row[kTerritory] = derived ? "" : a.territory;
  row[kWebsite] = a.website;
  row[kPhone] = Get(a.contacts, "phone");
  row[kEmail] = Get(a.contacts, "email");
  row[kTwitter] = Get(a.contacts, "twitter");
  row[kFacebook] = Get(a.contacts, "facebook");
  row[kCompaniesHouse] = Get(a.identifiers, "companies-house");
  row[kQualifiers] = Uris("qualifiers", a.qualifiers);
  row[kMembership] = Uris("base-membership-type", a.membership_types);
  if (a.location && a.location->precision == model::LocationPrecision::kExact) {
    row[kLat] = Number(a.location->lat);
    row[kLon] = Number(a.location->lon);
  } else if (a.location && a.location->precision == model::LocationPrecision::kApproximate) {
    row[kGeoLat] = Number(a.location->lat);
    row[kGeoLon] = Number(a.location->lon);
  }
  for (const auto& [col, key] : AttributeColumns())
    row[static_cast<size_t>(col)] = Get(a.attributes, key);
  row[kLegalForm] = a.legal_form;
  return row;
}

}  // namespace

std::string WriteEssglobalCsv(const std::vector<Actor>& actors, const std::string& id_scheme) {
  std::string out;
  AppendCsvRecord(EssglobalCsvColumns(), &out);
  for (const Actor& a : actors) AppendCsvRecord(ExportRow(a, id_scheme), &out);
  return out;
}

}  // namespace ecosol::interop
