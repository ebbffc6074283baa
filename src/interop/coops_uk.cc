// Co-operatives UK's register extract (the economy file is read in coops_uk_economy.cc). The
// mapping is documented column by column in docs/formats/coops-uk.md; the decisions are explained
// where they are made.

#include "ecosol/interop/coops_uk.h"

#include <algorithm>
#include <set>

#include "coops_uk_crosswalks.h"
#include "coops_uk_rows.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/csv.h"
#include "ecosol/text/countries.h"

namespace ecosol::interop {

namespace coops_uk_rows {
namespace {
constexpr std::string_view kFormatDoc = "docs/formats/coops-uk.md";
}  // namespace

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Result<std::vector<size_t>> ColumnPlaces(const CsvRecord& header,
                                         const std::vector<std::string>& expected,
                                         const std::string& what) {
  if (!header.error.empty()) return InvalidArgument("line 1: " + header.error);
  std::vector<size_t> places(expected.size(), header.fields.size());
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(Trim(header.fields[i]));
    auto it = std::find(expected.begin(), expected.end(), name);
    if (it == expected.end()) {
      return InvalidArgument(
          "line 1: column " + std::to_string(i + 1) + " '" + name + "' is not a column of " + what +
          " (its columns are: " + Join(expected, ", ") + "; see " + std::string(kFormatDoc) + ")");
    }
    size_t& place = places[static_cast<size_t>(it - expected.begin())];
    if (place != header.fields.size()) {
      return InvalidArgument("line 1: the column '" + name + "' appears twice");
    }
    place = i;
  }
  for (size_t c = 0; c < expected.size(); ++c) {
    if (places[c] == header.fields.size()) {
      return InvalidArgument("line 1: the column '" + expected[c] + "' is missing (is this " +
                             what + "? see " + std::string(kFormatDoc) + ")");
    }
  }
  return places;
}

bool CheckRecord(const CsvRecord& rec, const std::vector<std::string>& columns,
                 const std::vector<size_t>& places, std::vector<registry::FieldError>* rejected) {
  if (!rec.error.empty()) {
    rejected->push_back({rec.line, "", rec.error});
    return false;
  }
  if (rec.fields.size() != columns.size()) {
    rejected->push_back({rec.line, "",
                         "wrong column count: expected " + std::to_string(columns.size()) +
                             ", found " + std::to_string(rec.fields.size())});
    return false;
  }
  bool ok = true;
  for (size_t c = 0; c < columns.size(); ++c) {
    size_t at = 0;
    if (!IsValidUtf8(rec.fields[places[c]], &at)) {
      rejected->push_back({rec.line, columns[c],
                           "invalid UTF-8 at byte " + std::to_string(at + 1) +
                               " of the cell (save the file as UTF-8)"});
      ok = false;
    }
  }
  return ok;
}

}  // namespace coops_uk_rows

namespace {

using coops_uk_rows::AllDigits;
using coops_uk_rows::Cells;
using coops_uk_rows::CheckRecord;
using coops_uk_rows::ColumnPlaces;
using model::Actor;

constexpr std::string_view kUnspecified = "Unspecified";

// The columns, in the order of CoopsUkRegisterColumns().
enum RegisterCol : size_t {
  kId,
  kNumber,
  kRegistrar,
  kRegisteredName,
  kTradingName,
  kLegalForm,
  kStreet,
  kCity,
  kRegion,
  kPostcode,
  kNation,
  kSic,
  kSicSection,
  kLevel2,
  kLevel2Description,
  kLevel3,
  kLevel3Description,
  kLevel4,
  kLevel4Description,
  kLevel5,
  kLevel5Description,
  kSector,
  kOwnership,
  kStatus,
  kIncorporated,
  kDissolved,
};

// Columns kept as they are, as attributes.
const std::pair<RegisterCol, const char*> kAttributeColumns[] = {
    {kNumber, "registered_number"},
    {kRegistrar, "registrar"},
    {kSicSection, "sic_section"},
    {kSector, "sector"},
    {kOwnership, "ownership_classification"},
    {kStatus, "registered_status"},
    {kNation, "uk_nation"}};

// The legal forms (or the ownership classifications) the crosswalk knows.
std::set<std::string> KnownValues(const CoopsUkCrosswalks& c, bool legal_form) {
  std::set<std::string> out;
  for (const auto& [key, codes] : c.structure_of) out.insert(legal_form ? key.first : key.second);
  return out;
}

std::string Quoted(const std::set<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& v : values) quoted.push_back("'" + v + "'");
  return Join(quoted, ", ");
}

class RegisterRow {
 public:
  RegisterRow(const CoopsUkOptions& options, const Cells& cells)
      : options_(options), cells_(cells) {}

  Actor Parse() {
    a_.kind = model::ActorKind::kOrganisation;
    a_.identifiers[options_.id_scheme] = cells_[kId];
    a_.name = cells_[kRegisteredName];
    // The register's name is the actor's; the name it trades under, when another, is kept.
    std::string trading = cells_[kTradingName];
    if (!trading.empty() && trading != a_.name) a_.attributes["trading_name"] = trading;
    a_.legal_form = cells_[kLegalForm];
    a_.address = {cells_[kStreet], cells_[kCity], cells_[kRegion], cells_[kPostcode], ""};
    Country();
    Activity();
    Structure();
    a_.founded = Date(kIncorporated);
    a_.dissolved = Date(kDissolved);
    for (const auto& [col, key] : kAttributeColumns) {
      std::string v = cells_[col];
      if (!v.empty()) a_.attributes[key] = v;
    }
    a_.claims = options_.claims;
    return std::move(a_);
  }

 private:
  // England, Scotland, Wales and Northern Ireland are GB; Jersey and Guernsey their own codes.
  void Country() {
    std::string nation = cells_[kNation];
    if (nation.empty()) return;
    auto code = text::NormaliseCountry(nation);
    if (!code) {
      cells_.Error(kNation, "'" + nation +
                                "' is not a UK nation or a country known to Ecosol (England, "
                                "Scotland, Wales, Northern Ireland, Jersey, Guernsey...)");
      return;
    }
    a_.address.country = *code;
  }

  // The SIC code is kept as digits (as Co-ops UK's standard CSV writes it), its division gives
  // the primary activity, and the description of the SIC code's own level says what it is.
  void Activity() {
    std::string code = cells_[kSic];
    if (code.empty()) return;
    std::string digits = SicDigits(code);
    if (digits.empty()) {
      cells_.Error(kSic, "'" + code +
                             "' is not a UK SIC 2007 code: write UKSIC07- and 2 to 5 digits "
                             "(e.g. UKSIC07-9499), or the digits alone");
      return;
    }
    a_.attributes["sic_code"] = digits;
    const auto& ica = CoopsUkCrosswalk().ica_of_division;
    auto it = ica.find(digits.substr(0, 2));
    if (it == ica.end()) {
      cells_.Error(kSic, "'" + code + "': division " + digits.substr(0, 2) +
                             " is not a UK SIC 2007 division of the crosswalk to ICA activities "
                             "(data/coops-uk/crosswalk-sic-division-to-ica-activity.csv)");
      return;
    }
    a_.primary_activity = it->second;
    const std::pair<RegisterCol, RegisterCol> levels[] = {{kLevel5, kLevel5Description},
                                                          {kLevel4, kLevel4Description},
                                                          {kLevel3, kLevel3Description},
                                                          {kLevel2, kLevel2Description}};
    for (const auto& [level, description] : levels) {
      if (cells_[level] == code && !cells_[description].empty()) {
        a_.attributes["sic_description"] = cells_[description];
        break;
      }
    }
  }

  void Structure() {
    std::string form = cells_[kLegalForm], ownership = cells_[kOwnership];
    const CoopsUkCrosswalks& c = CoopsUkCrosswalk();
    auto it = c.structure_of.find({form.empty() ? std::string(kUnspecified) : form,
                                   ownership.empty() ? std::string(kUnspecified) : ownership});
    if (it != c.structure_of.end()) {
      if (!it->second.structure.empty()) a_.structures = {it->second.structure};
      if (!it->second.membership.empty()) a_.membership_types = {it->second.membership};
      return;
    }
    const std::string file =
        "the crosswalk data/coops-uk/crosswalk-legal-ownership-to-structure-membership.csv";
    auto forms = KnownValues(c, true), ownerships = KnownValues(c, false);
    if (!form.empty() && !forms.count(form)) {
      cells_.Error(kLegalForm, "'" + form + "' is not a legal form of " + file + " (" +
                                   Quoted(forms) + ", or empty)");
    } else if (!ownership.empty() && !ownerships.count(ownership)) {
      cells_.Error(kOwnership, "'" + ownership + "' is not an ownership classification of " + file +
                                   " (" + Quoted(ownerships) + ", or empty)");
    } else {
      cells_.Error(kOwnership, file + " has no row for legal form '" + form +
                                   "' with ownership classification '" + ownership + "'");
    }
  }

  std::string Date(RegisterCol col) {
    std::string text = cells_[col];
    if (text.empty()) return "";
    std::string iso = IsoDateOfDayMonthYear(text);
    if (iso.empty()) {
      cells_.Error(col, "'" + text + "' is not a date d/m/yyyy (day/month/year, e.g. 11/8/1863)");
    }
    return iso;
  }

  const CoopsUkOptions& options_;
  const Cells& cells_;
  Actor a_;
};

}  // namespace

const std::vector<std::string>& CoopsUkRegisterColumns() {
  static const std::vector<std::string> cols = {"CUK Organisation ID",
                                                "Registered Number",
                                                "Registrar",
                                                "Registered Name",
                                                "Trading Name",
                                                "Legal Form",
                                                "Registered Street",
                                                "Registered City",
                                                "Registered State/Province",
                                                "Registered Postcode",
                                                "UK Nation",
                                                "SIC Code",
                                                "SIC section",
                                                "SIC code  - level 2",
                                                "SIC code  - level 2 description",
                                                "SIC code  - level 3",
                                                "SIC code  - level 3 description",
                                                "SIC code  - level 4",
                                                "SIC code  - level 4 description",
                                                "SIC code  - level 5",
                                                "SIC code  - level 5 description",
                                                "Sector - Simplified, High Level",
                                                "Ownership Classification",
                                                "Registered Status",
                                                "Incorporation Date",
                                                "Dissolved Date"};
  return cols;
}

std::string SicDigits(std::string_view code) {
  constexpr std::string_view kPrefix = "uksic07-";
  if (code.size() >= kPrefix.size() && AsciiLower(code.substr(0, kPrefix.size())) == kPrefix) {
    code.remove_prefix(kPrefix.size());
  }
  if (code.size() < 2 || code.size() > 5 || !AllDigits(code)) return "";
  return std::string(code);
}

std::string IsoDateOfDayMonthYear(std::string_view text) {
  std::vector<std::string> parts = Split(text, '/');
  if (parts.size() != 3 || parts[0].empty() || parts[0].size() > 2 || parts[1].empty() ||
      parts[1].size() > 2 || parts[2].size() != 4) {
    return "";
  }
  for (const std::string& p : parts) {
    if (!AllDigits(p)) return "";
  }
  auto two = [](const std::string& p) { return p.size() == 1 ? "0" + p : p; };
  std::string iso = parts[2] + "-" + two(parts[1]) + "-" + two(parts[0]);
  return IsValidDate(iso) ? iso : "";
}

Result<std::map<std::string, std::string>> ParseSicCrosswalk(std::string_view text) {
  CsvReader reader(text);
  CsvRecord rec;
  if (!reader.Next(&rec) || rec.fields != std::vector<std::string>{"SIC Division", "Activity ID"}) {
    return InvalidArgument("line 1: expected the header 'SIC Division,Activity ID'");
  }
  std::map<std::string, std::string> out;
  while (reader.Next(&rec)) {
    if (!rec.error.empty() || rec.fields.size() != 2 || rec.fields[0].size() != 2 ||
        !AllDigits(rec.fields[0]) || !StartsWith(rec.fields[1], "ICA")) {
      return InvalidArgument("line " + std::to_string(rec.line) +
                             ": expected a two-digit division and an ICA code");
    }
    out[rec.fields[0]] = rec.fields[1];
  }
  return out;
}

Result<std::map<std::pair<std::string, std::string>, StructureMembership>> ParseLegalCrosswalk(
    std::string_view text) {
  const std::vector<std::string> header = {"Legal Form",
                                           "Organisational Structure VES",
                                           "Organisational Structure ID",
                                           "Ownership Classification",
                                           "Base Membership Type VES",
                                           "Base Membership Type ID"};
  CsvReader reader(text);
  CsvRecord rec;
  if (!reader.Next(&rec) || rec.fields != header) {
    return InvalidArgument("line 1: expected the header '" + Join(header, ",") + "'");
  }
  std::map<std::pair<std::string, std::string>, StructureMembership> out;
  while (reader.Next(&rec)) {
    if (!rec.error.empty() || rec.fields.size() != header.size() || rec.fields[0].empty() ||
        rec.fields[3].empty()) {
      return InvalidArgument("line " + std::to_string(rec.line) + ": expected " +
                             std::to_string(header.size()) +
                             " cells with a legal form and an ownership classification");
    }
    out[{rec.fields[0], rec.fields[3]}] = {rec.fields[2], rec.fields[5]};
  }
  return out;
}

const CoopsUkCrosswalks& CoopsUkCrosswalk() {
  // The compiled-in copies are checked by the tests, so a failure here is a build defect.
  static const CoopsUkCrosswalks crosswalks = [] {
    CoopsUkCrosswalks c;
    auto sic = ParseSicCrosswalk(kSicCrosswalkCsv);
    auto legal = ParseLegalCrosswalk(kLegalCrosswalkCsv);
    if (sic.ok()) c.ica_of_division = std::move(*sic);
    if (legal.ok()) c.structure_of = std::move(*legal);
    return c;
  }();
  return crosswalks;
}

Result<ParsedRows> ReadCoopsUkRegister(std::string_view text, const CoopsUkOptions& options) {
  CsvReader reader(text);
  CsvRecord rec;
  if (!reader.Next(&rec)) return InvalidArgument("the file is empty: expected a header line");
  const auto& columns = CoopsUkRegisterColumns();
  auto places = ColumnPlaces(rec, columns, "Co-operatives UK's register extract");
  if (!places.ok()) return places.status();
  ParsedRows out;
  while (reader.Next(&rec)) {
    ++out.records;
    if (!CheckRecord(rec, columns, *places, &out.rejected)) continue;
    const size_t before = out.rejected.size();
    Cells cells(rec, columns, *places, &out.rejected);
    Actor actor = RegisterRow(options, cells).Parse();
    if (out.rejected.size() == before) out.rows.push_back({rec.line, std::move(actor)});
  }
  return out;
}

std::string CoopsUkColumnOfField(const std::string& field) {
  static const std::map<std::string, std::string> columns = {
      {"identifier", "CUK Organisation ID"},
      {"name", "Registered Name"},
      {"legal_form", "Legal Form"},
      {"structures", "Legal Form"},
      {"membership_types", "Ownership Classification"},
      {"primary_activity", "SIC Code"},
      {"activities", "SIC Code"},
      {"address.street", "Registered Street"},
      {"address.locality", "Registered City"},
      {"address.region", "Registered State/Province"},
      {"address.country", "UK Nation"},
      {"territory", "UK Nation"},
      {"founded", "Incorporation Date"},
      {"dissolved", "Dissolved Date"}};
  auto it = columns.find(field);
  return it == columns.end() ? field : it->second;
}

}  // namespace ecosol::interop
