// The mapping language of the `csv` import format: parsing and checking a YAML mapping. The
// rows are read in csv_mapping_reader.cc. docs/formats/csv-mapping.md is the user's reference.
//
// yaml-cpp is used directly (not through a JSON conversion) because every message must name the
// YAML line of the key at fault, which only yaml-cpp's node marks know. Its exceptions are
// caught here and never leave this file.

#include "ecosol/interop/csv_mapping.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "ecosol/base/strings.h"

namespace ecosol::interop {
namespace {

const std::set<std::string>& ListFields() {
  static const std::set<std::string> fields = {"structures", "activities", "membership_types",
                                               "qualifiers", "claims"};
  return fields;
}

bool IsListField(const std::string& field) { return ListFields().count(field) > 0; }

// A key of contacts, identifiers or attributes, or a language code.
bool IsKey(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool IsLang(std::string_view s) {
  return (s.size() == 2 || s.size() == 3) &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Empty when `field` is one a mapping may fill; otherwise why not.
std::string CheckFieldName(const std::string& field) {
  const auto& known = CsvMappableFields();
  if (std::find(known.begin(), known.end(), field) != known.end()) return "";
  size_t dot = field.find('.');
  if (dot != std::string::npos) {
    std::string prefix = field.substr(0, dot + 1), suffix = field.substr(dot + 1);
    if (prefix == "description." || prefix == "names.") {
      return IsLang(suffix) ? "" : "'" + suffix + "' is not a language code (en, fr, es, ...)";
    }
    if (prefix == "contacts." || prefix == "identifiers." || prefix == "attributes.") {
      return IsKey(suffix) ? "" : "'" + suffix + "' is not a key (lower-case a-z, 0-9, _ and -)";
    }
  }
  return "unknown field (known: " + Join(known, ", ") +
         "; a name ending in '.' takes a suffix, e.g. description.fr, contacts.email)";
}

// Empty when `format` is a date format the reader knows.
std::string CheckDateFormat(const std::string& format) {
  bool year = false;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 >= format.size()) return "'" + format + "' ends with a lone '%'";
    char d = format[++i];
    if (d == 'Y') year = true;
    if (d != 'Y' && d != 'm' && d != 'd' && d != '%') {
      return "'%" + std::string(1, d) + "' in '" + format + "' is not one of %d, %m, %Y, %%";
    }
  }
  return year ? "" : "'" + format + "' has no %Y (a four-digit year)";
}

class MappingParser {
 public:
  explicit MappingParser(const std::string& name) { mapping_.name = name; }

  Result<CsvMapping> Parse(std::string_view yaml) {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
      return InvalidArgument(mapping_.name + ": line " + std::to_string(e.mark.line + 1) + ": " +
                             e.msg + " (fix the YAML syntax there)");
    }
    try {
      Top(root);
    } catch (const YAML::Exception& e) {
      Error(e.mark.line + 1, "", e.msg);
    }
    if (!errors_.empty()) return InvalidArgument(Join(errors_, "\n"));
    return std::move(mapping_);
  }

 private:
  void Error(int line, const std::string& path, const std::string& message) {
    errors_.push_back(mapping_.name + ": line " + std::to_string(line) + ": " +
                      (path.empty() ? "" : path + ": ") + message);
  }
  // The 1-based line of a node (yaml-cpp's marks are 0-based, and -1 for an empty document).
  static int Line(const YAML::Node& node) { return std::max(1, node.Mark().line + 1); }

  // The node must be a map whose keys are all in `known`.
  bool CheckMap(const YAML::Node& node, const std::string& path,
                const std::vector<std::string>& known) {
    if (!node.IsMap()) {
      Error(Line(node), path, "expected a map of keys (" + Join(known, ", ") + ")");
      return false;
    }
    for (const auto& kv : node) {
      std::string key = kv.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        Error(Line(kv.first), path.empty() ? key : path + "." + key,
              "unknown key (known: " + Join(known, ", ") + ")");
      }
    }
    return true;
  }

  std::optional<std::string> Text(const YAML::Node& node, const std::string& path) {
    if (!node.IsScalar()) {
      Error(Line(node), path, "expected a single value");
      return std::nullopt;
    }
    return node.Scalar();
  }

  void Top(const YAML::Node& root) {
    if (!root.IsMap()) {
      Error(Line(root), "",
            "the mapping is empty or not a map; it needs at least `id:` and `fields:`");
      return;
    }
    if (!CheckMap(root, "", {"source", "csv", "lang", "id", "fields"})) return;
    if (root["source"]) Source(root["source"]);
    if (root["csv"]) Csv(root["csv"]);
    if (root["lang"]) {
      auto lang = Text(root["lang"], "lang");
      if (lang && !IsLang(*lang)) {
        Error(Line(root["lang"]), "lang", "'" + *lang + "' is not a language code (en, fr, ...)");
      } else if (lang) {
        mapping_.lang = *lang;
      }
    }
    Id(root);
    Fields(root);
  }

  void Source(const YAML::Node& node) {
    if (!CheckMap(node, "source", {"name", "attribution"})) return;
    if (node["name"]) {
      auto name = Text(node["name"], "source.name");
      if (name && Slug(*name) != *name) {
        Error(Line(node["name"]), "source.name",
              "'" + *name + "' is not a source name (lower-case letters, digits and '-'; e.g. '" +
                  Slug(*name) + "')");
      } else if (name) {
        mapping_.source = *name;
      }
    }
    if (node["attribution"]) {
      mapping_.attribution = Text(node["attribution"], "source.attribution").value_or("");
    }
  }

  void Csv(const YAML::Node& node) {
    if (!CheckMap(node, "csv", {"delimiter", "encoding", "decimal", "header_row"})) return;
    if (node["delimiter"]) {
      auto d = Text(node["delimiter"], "csv.delimiter");
      if (d && (*d == "tab" || *d == "\t")) {
        mapping_.delimiter = '\t';
      } else if (d && d->size() == 1 && (*d)[0] != '"' && (*d)[0] != '\n') {
        mapping_.delimiter = (*d)[0];
      } else if (d) {
        Error(Line(node["delimiter"]), "csv.delimiter",
              "'" + *d + "' is not one character (write \",\", \";\", \"|\" or tab)");
      }
    }
    if (node["encoding"]) {
      auto e = Text(node["encoding"], "csv.encoding");
      std::string enc = e ? AsciiLower(*e) : "";
      if (enc == "utf8") enc = "utf-8";
      if (enc == "iso-8859-1" || enc == "latin1") enc = "latin-1";
      if (enc == "cp1252") enc = "windows-1252";
      if (enc == "utf-8" || enc == "latin-1" || enc == "windows-1252") {
        mapping_.encoding = enc;
      } else if (e) {
        Error(Line(node["encoding"]), "csv.encoding",
              "'" + *e + "' is not one of utf-8, latin-1, windows-1252");
      }
    }
    if (node["decimal"]) {
      auto d = Text(node["decimal"], "csv.decimal");
      if (d && (*d == "." || *d == ",")) {
        mapping_.decimal = (*d)[0];
      } else if (d) {
        Error(Line(node["decimal"]), "csv.decimal", "'" + *d + "' is not \".\" or \",\"");
      }
    }
    if (node["header_row"]) {
      auto h = Text(node["header_row"], "csv.header_row");
      long long n = 0;
      if (h && ParseInt64(*h, &n) && n >= 1 && n <= 1000) {
        mapping_.header_row = static_cast<int>(n);
      } else if (h) {
        Error(Line(node["header_row"]), "csv.header_row",
              "'" + *h + "' is not a record number from 1 to 1000");
      }
    }
  }

  void Id(const YAML::Node& root) {
    if (!root["id"]) {
      Error(1, "id", "required: the column that gives each record's id, e.g. `id: {column: Ref}`");
      return;
    }
    const YAML::Node& node = root["id"];
    YAML::Node rule = node;
    if (node.IsMap() && node["scheme"]) {
      auto scheme = Text(node["scheme"], "id.scheme");
      if (scheme && !IsKey(*scheme)) {
        Error(Line(node["scheme"]), "id.scheme",
              "'" + *scheme + "' is not an identifier scheme (lower-case a-z, 0-9, _ and -)");
      } else if (scheme) {
        mapping_.id_scheme = *scheme;
      }
      rule = YAML::Clone(node);
      rule.remove("scheme");
    }
    mapping_.id = Rule("identifier", rule, Line(node), "id");
    if (mapping_.id.columns.empty() && !mapping_.id.constants.empty()) {
      Error(Line(node), "id", "a constant cannot be every record's id: give `column:`");
    }
  }

  void Fields(const YAML::Node& root) {
    const YAML::Node& node = root["fields"];
    if (!node || !node.IsMap() || node.size() == 0) {
      Error(node ? Line(node) : 1, "fields",
            "required: a map from actor fields to columns, e.g. `fields: {name: Nom}`");
      return;
    }
    bool has_name = false;
    std::set<std::string> seen;
    for (const auto& kv : node) {
      std::string field = kv.first.Scalar();
      std::string why = CheckFieldName(field);
      if (why.empty() && !seen.insert(field).second) why = "listed twice; give it once";
      if (!why.empty()) {
        Error(Line(kv.first), "fields." + field, why);
        continue;
      }
      has_name = has_name || field == "name";
      mapping_.fields.push_back(Rule(field, kv.second, Line(kv.first), "fields." + field));
    }
    if (!has_name) Error(Line(node), "fields.name", "required: the column of the actor's name");
  }

  // A rule: a column name, or a map of the keys below.
  CsvFieldRule Rule(const std::string& field, const YAML::Node& node, int line,
                    const std::string& path) {
    CsvFieldRule r;
    r.field = field;
    r.yaml_line = line;
    if (node.IsScalar()) {
      r.columns.push_back(node.Scalar());
      return r;
    }
    if (!CheckMap(node, path,
                  {"column", "columns", "join", "value", "default", "split", "pattern", "map",
                   "otherwise", "unmapped", "date"})) {
      return r;
    }
    ValueSource(r, node, path);
    Transforms(r, node, path);
    return r;
  }

  // Where the values come from: column, columns (+ join) or value; and default.
  void ValueSource(CsvFieldRule& r, const YAML::Node& node, const std::string& path) {
    int sources = (node["column"] ? 1 : 0) + (node["columns"] ? 1 : 0) + (node["value"] ? 1 : 0);
    if (sources != 1) {
      Error(Line(node), path, "give exactly one of column, columns and value");
    }
    if (node["column"]) {
      if (auto c = Text(node["column"], path + ".column")) r.columns.push_back(*c);
    }
    if (node["columns"]) {
      const YAML::Node& cols = node["columns"];
      if (!cols.IsSequence() || cols.size() == 0) {
        Error(Line(cols), path + ".columns", "expected a list of column names");
      } else {
        for (const YAML::Node& c : cols) {
          if (auto t = Text(c, path + ".columns")) r.columns.push_back(*t);
        }
      }
    }
    if (node["join"]) {
      if (!node["columns"]) Error(Line(node["join"]), path + ".join", "needs `columns:`");
      if (IsListField(r.field)) {
        Error(Line(node["join"]), path + ".join",
              "a list field takes every column's values; use split: instead");
      }
      r.join = Text(node["join"], path + ".join");
    }
    if (node["value"]) Constants(r, node["value"], path + ".value");
    if (node["default"]) r.fallback = Text(node["default"], path + ".default");
  }

  void Constants(CsvFieldRule& r, const YAML::Node& value, const std::string& path) {
    if (value.IsSequence() && IsListField(r.field)) {
      for (const YAML::Node& v : value) {
        if (auto t = Text(v, path)) r.constants.push_back(*t);
      }
    } else if (auto t = Text(value, path)) {
      r.constants.push_back(*t);
    }
    if (r.constants.empty() || std::any_of(r.constants.begin(), r.constants.end(),
                                           [](const std::string& c) { return c.empty(); })) {
      Error(Line(value), path, "a constant cannot be empty");
    }
  }

  // What is done to each value: split, pattern, map (+ otherwise / unmapped), date.
  void Transforms(CsvFieldRule& r, const YAML::Node& node, const std::string& path) {
    if (node["split"]) {
      r.split = Text(node["split"], path + ".split");
      if (!IsListField(r.field)) {
        Error(Line(node["split"]), path + ".split",
              "only list fields (" + Join({ListFields().begin(), ListFields().end()}, ", ") +
                  ") take several values");
      } else if (r.split && r.split->empty()) {
        Error(Line(node["split"]), path + ".split", "the separator cannot be empty");
      }
    }
    if (node["pattern"]) Pattern(r, node["pattern"], path + ".pattern");
    if (node["map"]) Map(r, node["map"], path + ".map");
    if (node["otherwise"]) r.otherwise = Text(node["otherwise"], path + ".otherwise");
    if (node["unmapped"]) Unmapped(r, node, path);
    if (node["date"]) Dates(r, node["date"], path + ".date");
  }

  void Pattern(CsvFieldRule& r, const YAML::Node& node, const std::string& path) {
    auto text = Text(node, path);
    if (!text) return;
    r.pattern_text = *text;
    try {
      r.pattern.emplace(*text, std::regex::ECMAScript);
      if (r.pattern->mark_count() > 1) {
        Error(Line(node), path, "'" + *text + "' has more than one capture group; keep one");
      }
    } catch (const std::regex_error& e) {
      Error(Line(node), path,
            "'" + *text + "' is not a regular expression (ECMAScript syntax): " + e.what());
    }
  }

  void Map(CsvFieldRule& r, const YAML::Node& node, const std::string& path) {
    if (!node.IsMap()) {
      Error(Line(node), path, "expected a map from values to values, e.g. {\"Oui\": \"yes\"}");
      return;
    }
    r.has_map = true;
    for (const auto& kv : node) {
      std::string key = AsciiLower(Trim(kv.first.Scalar()));
      auto to = Text(kv.second, path + "." + kv.first.Scalar());
      if (!to) continue;
      if (!r.map.emplace(key, *to).second) {
        Error(Line(kv.first), path,
              "'" + kv.first.Scalar() +
                  "' is listed twice (values are matched ignoring case and surrounding spaces)");
      }
    }
  }

  void Unmapped(CsvFieldRule& r, const YAML::Node& node, const std::string& path) {
    auto u = Text(node["unmapped"], path + ".unmapped");
    if (!u) return;
    if (*u == "error") {
      r.unmapped = CsvFieldRule::Unmapped::kError;
    } else if (*u == "keep") {
      r.unmapped = CsvFieldRule::Unmapped::kKeep;
    } else if (*u == "skip") {
      r.unmapped = CsvFieldRule::Unmapped::kSkip;
    } else {
      Error(Line(node["unmapped"]), path + ".unmapped", "'" + *u + "' is not error, keep or skip");
    }
    if (!node["map"]) Error(Line(node["unmapped"]), path + ".unmapped", "needs `map:`");
    if (node["otherwise"]) {
      Error(Line(node["unmapped"]), path + ".unmapped",
            "give either otherwise: (one value for every unlisted value) or unmapped:, not both");
    }
  }

  void Dates(CsvFieldRule& r, const YAML::Node& node, const std::string& path) {
    std::vector<YAML::Node> items;
    if (node.IsSequence()) {
      for (const YAML::Node& n : node) items.push_back(n);
    } else {
      items.push_back(node);
    }
    for (const YAML::Node& n : items) {
      auto f = Text(n, path);
      if (!f) continue;
      std::string why = CheckDateFormat(*f);
      if (!why.empty()) {
        Error(Line(n), path, why);
      } else {
        r.date_formats.push_back(*f);
      }
    }
  }

  CsvMapping mapping_;
  std::vector<std::string> errors_;
};

}  // namespace

const std::vector<std::string>& CsvMappableFields() {
  static const std::vector<std::string> fields = {"name",
                                                  "names.",
                                                  "description",
                                                  "description.",
                                                  "kind",
                                                  "legal_form",
                                                  "structures",
                                                  "activities",
                                                  "primary_activity",
                                                  "membership_types",
                                                  "qualifiers",
                                                  "claims",
                                                  "address.street",
                                                  "address.locality",
                                                  "address.region",
                                                  "address.postcode",
                                                  "address.country",
                                                  "territory",
                                                  "location.lat",
                                                  "location.lon",
                                                  "location.precision",
                                                  "website",
                                                  "contacts.",
                                                  "founded",
                                                  "dissolved",
                                                  "identifiers.",
                                                  "attributes."};
  return fields;
}

Result<CsvMapping> ParseCsvMapping(std::string_view yaml, const std::string& name) {
  return MappingParser(name).Parse(yaml);
}

std::string MappedColumnOf(const CsvMapping& mapping, const std::string& field) {
  auto columns = [](const CsvFieldRule& r) {
    return r.columns.empty() ? r.field : Join(r.columns, " + ");
  };
  if (field == "identifier") return columns(mapping.id);
  for (const CsvFieldRule& r : mapping.fields) {
    if (r.field == field) return columns(r);
  }
  // "description" for a rule "description.fr", "location" for "location.lat", ...
  for (const CsvFieldRule& r : mapping.fields) {
    if (StartsWith(r.field, field + ".") || StartsWith(field, r.field + ".")) return columns(r);
  }
  return field;
}

}  // namespace ecosol::interop
