// The `csv` import format: reading a spreadsheet through a parsed mapping (csv_mapping.cc).
//
// Each rule gives values (cells, or constants), each value goes through the rule's steps in a
// fixed order (split, pattern, map, date), and the results are assigned to the field. Country and
// location are assembled last, because a country is read in the light of the coordinates (see
// NormaliseCountryAt) and a location needs both of them.

#include <algorithm>
#include <map>

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/csv.h"
#include "ecosol/interop/csv_mapping.h"
#include "ecosol/text/countries.h"

namespace ecosol::interop {
namespace {

using model::Actor;

// The code points of windows-1252's bytes 0x80 to 0x9F (0 where undefined); elsewhere it agrees
// with latin-1, whose bytes are the code points U+0000 to U+00FF.
constexpr unsigned kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A single-byte text as UTF-8. Undefined windows-1252 bytes become U+FFFD.
std::string SingleByteToUtf8(std::string_view text, bool cp1252) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    unsigned b = static_cast<unsigned char>(c);
    unsigned cp = b;
    if (cp1252 && b >= 0x80 && b < 0xA0)
      cp = kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : 0xFFFD;
    AppendUtf8(cp, &out);
  }
  return out;
}

// Reads `value` with a format of %d, %m, %Y and literal characters; the ISO date (YYYY,
// YYYY-MM or YYYY-MM-DD, as precise as the format) or nullopt.
std::optional<std::string> ParseDate(std::string_view value, const std::string& format) {
  std::string year, month, day;
  size_t at = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || format[i + 1] == '%') {
      if (format[i] == '%') ++i;
      if (at >= value.size() || value[at] != format[i]) return std::nullopt;
      ++at;
      continue;
    }
    char d = format[++i];
    size_t max = d == 'Y' ? 4 : 2, min = d == 'Y' ? 4 : 1, n = 0;
    while (n < max && at + n < value.size() && value[at + n] >= '0' && value[at + n] <= '9') ++n;
    if (n < min) return std::nullopt;
    std::string digits(value.substr(at, n));
    at += n;
    if (digits.size() == 1) digits = "0" + digits;
    (d == 'Y' ? year : d == 'm' ? month : day) = digits;
  }
  if (at != value.size() || (!day.empty() && month.empty())) return std::nullopt;
  std::string iso = year + (month.empty() ? "" : "-" + month) + (day.empty() ? "" : "-" + day);
  if (!IsValidDate(iso)) return std::nullopt;
  return iso;
}

constexpr size_t kMaxPatternInput = 1000;

// Splits on a separator of any length, trims and drops empty pieces.
std::vector<std::string> SplitOn(std::string_view s, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    std::string_view piece =
        Trim(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (!piece.empty()) out.emplace_back(piece);
    if (end == std::string_view::npos) return out;
    start = end + sep.size();
  }
}

// The columns a rule reads, by index in the header.
using Bound = std::vector<size_t>;

// Reads one record into an actor; problems go to `errors` with the record's line.
class RowReader {
 public:
  RowReader(const CsvMapping& m, const std::vector<Bound>& bound, const std::string& id_scheme,
            const std::string& lang, const CsvRecord& rec, std::vector<registry::FieldError>* e)
      : m_(m), bound_(bound), id_scheme_(id_scheme), lang_(lang), rec_(rec), errors_(e) {}

  Actor Read() {
    auto id = Values(m_.id, bound_[0]);
    if (id.empty()) {
      Error(m_.id, "the record's id is empty (every row needs one)");
    } else {
      a_.identifiers[id_scheme_] = id.front();
    }
    for (size_t i = 0; i < m_.fields.size(); ++i) {
      const CsvFieldRule& r = m_.fields[i];
      Assign(r, Values(r, bound_[i + 1]));
    }
    Place();
    return std::move(a_);
  }

 private:
  std::string ColumnOf(const CsvFieldRule& r) const {
    return r.columns.empty() ? r.field : Join(r.columns, " + ");
  }
  void Error(const CsvFieldRule& r, const std::string& message) {
    errors_->push_back({rec_.line, ColumnOf(r), message});
  }

  // The cells a rule reads (or its constants), split; before the per-value steps.
  std::vector<std::string> Raw(const CsvFieldRule& r, const Bound& cols) const {
    if (cols.empty()) return r.constants;
    std::vector<std::string> cells;
    for (size_t c : cols) {
      std::string_view cell = Trim(rec_.fields[c]);
      if (!cell.empty()) cells.emplace_back(cell);
    }
    if (r.join) return cells.empty() ? cells : std::vector<std::string>{Join(cells, *r.join)};
    if (r.split) {
      std::vector<std::string> out;
      for (const std::string& cell : cells) {
        for (std::string& v : SplitOn(cell, *r.split)) out.push_back(std::move(v));
      }
      return out;
    }
    if (cells.size() > 1 && !IsList(r.field)) cells.resize(1);  // the first non-empty cell
    return cells;
  }

  static bool IsList(const std::string& field) {
    return field == "structures" || field == "activities" || field == "membership_types" ||
           field == "qualifiers" || field == "claims";
  }

  // The rule's values for this row after pattern, map and date; `default` when there are none.
  std::vector<std::string> Values(const CsvFieldRule& r, const Bound& cols) {
    std::vector<std::string> out;
    const bool constant = cols.empty();
    for (const std::string& raw : Raw(r, cols)) {
      if (constant) {
        out.push_back(raw);
      } else if (auto v = Step(r, raw)) {
        if (!v->empty()) out.push_back(std::move(*v));
      }
    }
    if (out.empty() && r.fallback) out.push_back(*r.fallback);
    return out;
  }

  // One value through pattern, map and date; nullopt after reporting an error, "" to skip it.
  std::optional<std::string> Step(const CsvFieldRule& r, std::string v) {
    if (r.pattern) {
      // std::regex matches recursively: a bound keeps an odd cell from exhausting the stack.
      if (v.size() > kMaxPatternInput) {
        Error(r, "a value of " + std::to_string(v.size()) +
                     " bytes is too long to match the "
                     "pattern (at most " +
                     std::to_string(kMaxPatternInput) + ")");
        return std::nullopt;
      }
      std::smatch match;
      if (!std::regex_match(v, match, *r.pattern)) {
        Error(r, "'" + v + "' does not match the pattern '" + r.pattern_text + "'");
        return std::nullopt;
      }
      if (match.size() > 1) v = std::string(Trim(match[1].str()));
    }
    if (r.has_map || r.otherwise) {
      auto it = r.map.find(AsciiLower(Trim(v)));
      if (it != r.map.end()) {
        v = it->second;
      } else if (r.otherwise) {
        v = *r.otherwise;
      } else if (r.unmapped == CsvFieldRule::Unmapped::kSkip) {
        return "";
      } else if (r.unmapped == CsvFieldRule::Unmapped::kError) {
        Error(r, "'" + v +
                     "' is not in the map (add it to the mapping's map:, or set unmapped: "
                     "keep or skip)");
        return std::nullopt;
      }
    }
    if (!r.date_formats.empty()) {
      for (const std::string& f : r.date_formats) {
        if (auto iso = ParseDate(v, f)) return iso;
      }
      Error(r, "'" + v + "' is not a date in the form " + Join(r.date_formats, " or "));
      return std::nullopt;
    }
    return v;
  }

  void Assign(const CsvFieldRule& r, std::vector<std::string> values) {
    if (values.empty()) return;
    const std::string& f = r.field;
    if (IsList(f)) return AssignList(f, std::move(values));
    std::string v = std::move(values.front());
    size_t dot = f.find('.');
    std::string prefix = dot == std::string::npos ? f : f.substr(0, dot);
    std::string key = dot == std::string::npos ? "" : f.substr(dot + 1);
    if (f == "name") a_.name = v;
    if (f == "description") a_.description[lang_] = v;
    if (prefix == "description" && !key.empty()) a_.description[key] = v;
    if (prefix == "names") a_.names[key] = v;
    if (prefix == "contacts") a_.contacts[key] = v;
    if (prefix == "identifiers") a_.identifiers[key] = v;
    if (prefix == "attributes") a_.attributes[key] = v;
    if (f == "legal_form") a_.legal_form = v;
    if (f == "primary_activity") a_.primary_activity = v;
    if (f == "website") a_.website = v;
    if (f == "founded") a_.founded = v;
    if (f == "dissolved") a_.dissolved = v;
    if (f == "territory") a_.territory = v;
    if (f == "address.street") a_.address.street = v;
    if (f == "address.locality") a_.address.locality = v;
    if (f == "address.region") a_.address.region = v;
    if (f == "address.postcode") a_.address.postcode = v;
    if (f == "address.country") country_ = {&r, v};
    if (f == "location.lat") lat_ = {&r, v};
    if (f == "location.lon") lon_ = {&r, v};
    if (f == "location.precision") precision_ = {&r, v};
    if (f == "kind") {
      auto kind = model::ParseActorKind(v);
      if (!kind) {
        return Error(
            r, "'" + v + "' is not an actor kind (" +
                   Join({model::ActorKindNames().begin(), model::ActorKindNames().end()}, ", ") +
                   "; map the spreadsheet's values with map:)");
      }
      a_.kind = *kind;
    }
  }

  void AssignList(const std::string& f, std::vector<std::string> values) {
    std::vector<std::string>* list = f == "structures"         ? &a_.structures
                                     : f == "activities"       ? &a_.activities
                                     : f == "membership_types" ? &a_.membership_types
                                     : f == "qualifiers"       ? &a_.qualifiers
                                                               : &a_.claims;
    for (std::string& v : values) {
      if (std::find(list->begin(), list->end(), v) == list->end()) list->push_back(std::move(v));
    }
  }

  std::optional<double> Coordinate(const std::pair<const CsvFieldRule*, std::string>& value,
                                   double limit) {
    std::string text = value.second;
    if (m_.decimal == ',') std::replace(text.begin(), text.end(), ',', '.');
    double d = 0;
    if (!ParseDouble(text, &d) || d < -limit || d > limit) {
      Error(*value.first,
            "'" + value.second + "' is not a " +
                (limit == 90 ? "latitude between -90" : "longitude between -180") + " and " +
                std::to_string(static_cast<int>(limit)) +
                (m_.decimal == ',' ? "" : " (decimal commas? set csv.decimal: \",\")"));
      return std::nullopt;
    }
    return d;
  }

  // Location, then country (read in the light of the location).
  void Place() {
    if (lat_.first && !lon_.first) Error(*lat_.first, "a latitude without a longitude");
    if (lon_.first && !lat_.first) Error(*lon_.first, "a longitude without a latitude");
    if (lat_.first && lon_.first) {
      auto lat = Coordinate(lat_, 90), lon = Coordinate(lon_, 180);
      if (lat && lon) a_.location = model::Location{*lat, *lon, model::LocationPrecision::kExact};
    }
    if (precision_.first && a_.location) {
      auto p = model::ParseLocationPrecision(precision_.second);
      if (!p) {
        Error(*precision_.first,
              "'" + precision_.second + "' is not exact, approximate or hidden (use map:)");
      } else {
        a_.location->precision = *p;
      }
    }
    if (!country_.first) return;
    const std::string& value = country_.second;
    auto code = a_.location ? text::NormaliseCountryAt(value, a_.location->lat, a_.location->lon)
                            : text::NormaliseCountry(value);
    if (!code) {
      return Error(*country_.first, "'" + value +
                                        "' is not a country known by its ISO code or name "
                                        "(write the ISO code, e.g. FR, or map it with map:)");
    }
    a_.address.country = *code;
    if (value != *code) a_.attributes["country_original"] = value;
  }

  const CsvMapping& m_;
  const std::vector<Bound>& bound_;
  const std::string& id_scheme_;
  const std::string& lang_;
  const CsvRecord& rec_;
  std::vector<registry::FieldError>* errors_;
  Actor a_;
  std::pair<const CsvFieldRule*, std::string> country_, lat_, lon_, precision_;
};

// The header's columns bound to the rules' (id first, then fields in order); every unknown or
// ambiguous column is an error naming the rule's YAML line.
Result<std::vector<Bound>> Bind(const CsvMapping& m, const CsvRecord& header) {
  std::map<std::string, std::vector<size_t>> index;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    index[std::string(Trim(header.fields[i]))].push_back(i);
  }
  std::vector<std::string> errors;
  auto bind = [&](const CsvFieldRule& r) {
    Bound b;
    for (const std::string& col : r.columns) {
      auto it = index.find(std::string(Trim(col)));
      std::string where = m.name + ": line " + std::to_string(r.yaml_line) + ": " +
                          (r.field == "identifier" ? "id" : "fields." + r.field) + ": ";
      if (it == index.end()) {
        std::string hint;
        for (const auto& [name, _] : index) {
          if (AsciiLower(name) == AsciiLower(Trim(col))) hint = " Did you mean '" + name + "'?";
        }
        std::vector<std::string> names;
        for (const std::string& f : header.fields)
          names.push_back("'" + std::string(Trim(f)) + "'");
        errors.push_back(where + "column '" + col + "' is not in the header (line " +
                         std::to_string(header.line) + ": " + Join(names, ", ") + ")." + hint);
      } else if (it->second.size() > 1) {
        errors.push_back(where + "column '" + col + "' appears " +
                         std::to_string(it->second.size()) +
                         " times in the header; rename the copies");
      } else {
        b.push_back(it->second.front());
      }
    }
    return b;
  };
  std::vector<Bound> bound = {bind(m.id)};
  for (const CsvFieldRule& r : m.fields) bound.push_back(bind(r));
  if (!errors.empty()) return InvalidArgument(Join(errors, "\n"));
  return bound;
}

// Structural checks of one record: quoting, cell count, UTF-8. False (after reporting) when the
// record cannot be read.
bool CheckRecord(const CsvRecord& rec, const CsvRecord& header, const std::string& encoding,
                 std::vector<registry::FieldError>* rejected) {
  if (!rec.error.empty()) {
    rejected->push_back({rec.line, "", rec.error});
    return false;
  }
  if (rec.fields.size() != header.fields.size()) {
    rejected->push_back({rec.line, "",
                         "wrong cell count: the header (line " + std::to_string(header.line) +
                             ") has " + std::to_string(header.fields.size()) +
                             " columns, this row " + std::to_string(rec.fields.size()) +
                             " (check the delimiter and the quoting)"});
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    size_t at = 0;
    if (!IsValidUtf8(rec.fields[i], &at)) {
      rejected->push_back({rec.line, std::string(Trim(header.fields[i])),
                           "invalid UTF-8 at byte " + std::to_string(at + 1) +
                               " of the cell (the mapping says " + encoding +
                               "; save the file as UTF-8 or set csv.encoding: windows-1252)"});
      ok = false;
    }
  }
  return ok;
}

}  // namespace

Result<ParsedRows> ReadMappedCsv(std::string_view text, const CsvMapping& mapping,
                                 const MappedCsvOptions& options) {
  std::string converted;
  if (mapping.encoding != "utf-8") {
    converted = SingleByteToUtf8(text, mapping.encoding == "windows-1252");
    text = converted;
  }
  CsvReader reader(text, mapping.delimiter);
  CsvRecord header;
  for (int n = 0; n < mapping.header_row; ++n) {
    if (!reader.Next(&header)) {
      return InvalidArgument("the file has no header line" +
                             (mapping.header_row > 1 ? " (the mapping's csv.header_row is " +
                                                           std::to_string(mapping.header_row) + ")"
                                                     : std::string()));
    }
  }
  if (!header.error.empty()) {
    return InvalidArgument("line " + std::to_string(header.line) + ": header: " + header.error);
  }
  auto bound = Bind(mapping, header);
  if (!bound.ok()) return bound.status();
  const std::string id_scheme = !options.id_scheme.empty()   ? options.id_scheme
                                : !mapping.id_scheme.empty() ? mapping.id_scheme
                                                             : "csv";
  const std::string lang = !mapping.lang.empty()   ? mapping.lang
                           : !options.lang.empty() ? options.lang
                                                   : "en";
  ParsedRows out;
  CsvRecord rec;
  while (reader.Next(&rec)) {
    ++out.records;
    if (!CheckRecord(rec, header, mapping.encoding, &out.rejected)) continue;
    size_t before = out.rejected.size();
    Actor actor = RowReader(mapping, *bound, id_scheme, lang, rec, &out.rejected).Read();
    for (const std::string& claim : options.claims) {
      if (std::find(actor.claims.begin(), actor.claims.end(), claim) == actor.claims.end()) {
        actor.claims.push_back(claim);
      }
    }
    if (out.rejected.size() == before) out.rows.push_back({rec.line, std::move(actor)});
  }
  return out;
}

}  // namespace ecosol::interop
