#pragma once

// Any spreadsheet, read through a YAML mapping that says which column gives which actor field.
// Networks keep their members in their own spreadsheets ("Nom", "Ville", "Code postal",
// "Secteur", ...); a mapping file, written once per spreadsheet, lets `ecosol import FILE
// --format csv --mapping MAP.yaml` read them. docs/formats/csv-mapping.md documents the mapping
// language key by key; data/mappings/ holds real examples.
//
//   source: {name: repas, id_scheme: repas, attribution: "REPAS, CC BY 4.0"}
//   csv: {delimiter: ";", encoding: windows-1252}
//   lang: fr
//   id: {column: "N°"}
//   fields:
//     name: Nom
//     address.locality: Ville
//     address.country: {value: FR}
//     activities: {column: Secteur, split: ";", map: {Alimentation: ICA140}}
//     founded: {column: Création, date: "%d/%m/%Y"}
//
//   auto mapping = ParseCsvMapping(yaml_text, "repas.yaml");   // the mapping's own errors
//   auto parsed = ReadMappedCsv(csv_text, *mapping);            // parsed->rows, parsed->rejected
//
// Errors come in two kinds. A mapping that cannot be used (bad YAML, an unknown key or field, a
// bad regex or date format, a column the spreadsheet's header does not have, ...) is an
// InvalidArgument listing every problem with the YAML line of each ("repas.yaml: line 12:
// fields.adress.city: unknown field ..."); nothing is read. A row that cannot be read (bad
// quoting, wrong cell count, invalid UTF-8, a value missing from a map, a date or number that
// does not parse, an unknown country) is a rejection naming the CSV line and the column; the
// registry then refuses the whole batch unless skip_invalid.
//
// Values are immutable once parsed; all functions are pure and thread-safe.

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/interop/essglobal_csv.h"

namespace ecosol::interop {

// How one actor field (or the record id) is filled from the row. Exactly one of `columns` and
// `constants` is set.
struct CsvFieldRule {
  std::string field;  // "name", "description.fr", "contacts.email", "attributes.sector", ...
  int yaml_line = 0;  // 1-based line of the rule in the mapping, for messages
  std::vector<std::string> columns;     // header names; the first non-empty cell is used ...
  std::optional<std::string> join;      // ... or all non-empty cells joined with this
  std::vector<std::string> constants;   // `value:` (one value, or several for list fields)
  std::optional<std::string> fallback;  // `default:`, used when the cells are empty
  std::optional<std::string> split;     // list fields: the separator between values of a cell
  std::optional<std::regex> pattern;    // each value must match it; group 1, if any, is kept
  std::string pattern_text;
  std::map<std::string, std::string> map;  // value map, keys ASCII-lower-cased and trimmed
  bool has_map = false;
  std::optional<std::string> otherwise;  // value for a non-empty value the map does not list
  enum class Unmapped { kError, kKeep, kSkip } unmapped = Unmapped::kError;
  std::vector<std::string> date_formats;  // "%d/%m/%Y", "%Y", ... tried in order
};

struct CsvMapping {
  std::string name;  // the mapping's file name, for messages
  // source:
  std::string source;       // provenance source (empty: the caller's default)
  std::string id_scheme;    // identifier scheme of the id column (empty: the source)
  std::string attribution;  // the credit the data's licence requires
  // csv:
  char delimiter = ',';
  std::string encoding = "utf-8";  // utf-8, latin-1 or windows-1252
  char decimal = '.';              // decimal separator of coordinates: '.' or ','
  int header_row = 1;              // the header is the n-th record (title rows come before)
  std::string lang;                // language of `description` and `names` without a suffix
  CsvFieldRule id;                 // the record id: identifiers[id_scheme]
  std::vector<CsvFieldRule> fields;
};

// Parses and checks a mapping (everything that does not need the spreadsheet). `name` stands for
// the file in messages.
Result<CsvMapping> ParseCsvMapping(std::string_view yaml, const std::string& name);

struct MappedCsvOptions {
  std::string id_scheme;            // overrides the mapping's id scheme when not empty
  std::string lang;                 // used when the mapping gives no lang (default "en")
  std::vector<std::string> claims;  // claims every actor of the file makes
};

// Reads the spreadsheet through the mapping: first checks that every column the mapping names is
// in the header (an InvalidArgument naming the YAML line and listing the header's columns when
// not), then reads every row into `rows` or `rejected`.
Result<ParsedRows> ReadMappedCsv(std::string_view text, const CsvMapping& mapping,
                                 const MappedCsvOptions& options = {});

// The column(s) that fill a model field, for the registry's error reports ("activities" ->
// "Secteur"); the field itself when the mapping does not fill it from a column.
std::string MappedColumnOf(const CsvMapping& mapping, const std::string& field);

// The fields a mapping may fill; a name ending in '.' takes a suffix (a language, a contact
// kind, an identifier scheme, an attribute key).
const std::vector<std::string>& CsvMappableFields();

}  // namespace ecosol::interop
