// Co-operatives UK's economy file: one row per organisation and economic year, each figure an
// indicator (docs/formats/coops-uk.md).

#include <cmath>
#include <map>

#include "coops_uk_rows.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/coops_uk.h"
#include "ecosol/interop/csv.h"

namespace ecosol::interop {
namespace {

using coops_uk_rows::AllDigits;
using coops_uk_rows::Cells;
using coops_uk_rows::CheckRecord;
using coops_uk_rows::ColumnPlaces;

// The columns, in the order of CoopsUkEconomyColumns().
enum EconomyCol : size_t {
  kEcoId,
  kEcoName,
  kTurnover,
  kProfit,
  kFunds,
  kMembers,
  kEmployees,
  kMostRecent,
  kYearEnd,
  kYear,
};

struct Figure {
  EconomyCol col;
  const char* name;
  const char* unit;
  bool people;  // a count of people: a whole number, 0 or more
};

const Figure kFigures[] = {{kTurnover, "turnover", "GBP", false},
                           {kProfit, "profit_before_tax", "GBP", false},
                           {kFunds, "member_funds", "GBP", false},
                           {kMembers, "members", "people", true},
                           {kEmployees, "employees", "people", true}};

// "2012-03-31 00:00:00" (the file's form) or "2012-03-31" -> "2012-03-31"; "" otherwise.
std::string IsoDateOfTimestamp(std::string_view text) {
  std::string_view date = text.substr(0, 10);
  std::string_view rest = text.substr(date.size());
  if (date.size() != 10 || !IsValidDate(date)) return "";
  if (!rest.empty() && rest != " 00:00:00" && rest != "T00:00:00") return "";
  return std::string(date);
}

class EconomyRow {
 public:
  explicit EconomyRow(const Cells& cells) : cells_(cells) {}

  // Appends the row's figures to `out` unless the row has a problem (then none).
  void Parse(std::map<std::pair<std::string, std::string>, long long>* seen,
             std::vector<IndicatorRow>* out) {
    if (IsTotal()) return;  // nothing else of such a row matters
    bool ok = Organisation();
    std::string year = cells_[kYear];
    if (year.size() != 4 || !AllDigits(year)) {
      cells_.Error(kYear, "'" + year + "' is not a year (four digits, e.g. 2016)");
      ok = false;
    } else if (ok) {
      auto [it, fresh] = seen->try_emplace({cells_[kEcoId], year}, cells_.line());
      if (!fresh) {
        cells_.Error(kYear, cells_[kEcoId] + " has figures for " + year + " on line " +
                                std::to_string(it->second) + " already");
        ok = false;
      }
    }
    std::string recent = cells_[kMostRecent];
    if (!recent.empty() && recent != "0" && recent != "1") {
      cells_.Error(kMostRecent, "'" + recent + "' should be 1, 0 or empty");
      ok = false;
    }
    std::vector<IndicatorRow> figures = Figures(year);
    if (!figures.empty()) ok = YearEnd(&figures) && ok;
    if (!ok || figures.size() != figures_read_) return;
    for (IndicatorRow& f : figures) out->push_back(std::move(f));
  }

 private:
  // Co-ops UK's totals ("Unregistered co-op data 2011", "Credit Unions Total - England") carry
  // "N/a" for an id: they describe no organisation, so they are refused by name, once.
  bool IsTotal() {
    std::string id = cells_[kEcoId];
    if (AsciiLower(id) != "n/a") return false;
    cells_.Error(kEcoId, "'" + id + "' (" + cells_[kEcoName] +
                             "): a total of Co-operatives UK's, not an organisation; only "
                             "organisations' figures are imported");
    return true;
  }

  bool Organisation() {
    if (!cells_[kEcoId].empty()) return true;
    cells_.Error(kEcoId, "is required (the organisation's CUK Organisation ID, e.g. R000001)");
    return false;
  }

  std::vector<IndicatorRow> Figures(const std::string& year) {
    std::vector<IndicatorRow> out;
    for (const Figure& f : kFigures) {
      std::string text = cells_[f.col];
      if (text.empty()) continue;
      ++figures_read_;
      double value = 0;
      if (!ParseDouble(text, &value)) {
        cells_.Error(f.col, "'" + text +
                                "' is not a number (digits with an optional minus sign and "
                                "decimal point; no thousands separators or currency signs)");
        continue;
      }
      if (f.people && (value < 0 || std::trunc(value) != value)) {
        cells_.Error(f.col, "'" + text + "' is not a whole number of people (0 or more)");
        continue;
      }
      IndicatorRow row;
      row.line = cells_.line();
      row.key = cells_[kEcoId];
      row.record.name = f.name;
      row.record.period = year;
      row.record.value = value;
      row.record.unit = f.unit;
      out.push_back(std::move(row));
    }
    return out;
  }

  bool YearEnd(std::vector<IndicatorRow>* figures) {
    std::string text = cells_[kYearEnd];
    std::string iso = IsoDateOfTimestamp(text);
    if (iso.empty()) {
      cells_.Error(kYearEnd, text.empty() ? "is required with figures: the end of the financial "
                                            "year they describe (YYYY-MM-DD)"
                                          : "'" + text +
                                                "' is not a date YYYY-MM-DD (with or "
                                                "without the time 00:00:00)");
      return false;
    }
    for (IndicatorRow& f : *figures) f.record.as_of = iso;
    return true;
  }

  const Cells& cells_;
  size_t figures_read_ = 0;
};

}  // namespace

const std::vector<std::string>& CoopsUkEconomyColumns() {
  static const std::vector<std::string> cols = {
      "CUK Organisation ID", "Registered Name",          "Turnover",
      "Profit before tax",   "Member/Shareholder Funds", "Memberships",
      "Employees",           "Is Most Recent?",          "Year End Date",
      "Economic Year"};
  return cols;
}

Result<ParsedIndicators> ReadCoopsUkEconomy(std::string_view text) {
  CsvReader reader(text);
  CsvRecord rec;
  if (!reader.Next(&rec)) return InvalidArgument("the file is empty: expected a header line");
  const auto& columns = CoopsUkEconomyColumns();
  auto places = ColumnPlaces(rec, columns, "Co-operatives UK's economy file");
  if (!places.ok()) return places.status();
  ParsedIndicators out;
  out.key_column = columns[kEcoId];
  std::map<std::pair<std::string, std::string>, long long> seen;  // (id, year) -> line
  while (reader.Next(&rec)) {
    ++out.records;
    if (!CheckRecord(rec, columns, *places, &out.rejected)) continue;
    Cells cells(rec, columns, *places, &out.rejected);
    EconomyRow(cells).Parse(&seen, &out.rows);
  }
  return out;
}

}  // namespace ecosol::interop
