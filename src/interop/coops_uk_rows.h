#pragma once

// Private to the interop module: what the readers of Co-operatives UK's register and economy file
// (coops_uk.cc, coops_uk_economy.cc) share: the header check, the structural checks of a record
// and its cells by column.

#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/csv.h"
#include "ecosol/registry/registry.h"

namespace ecosol::interop::coops_uk_rows {

// True for a non-empty string of ASCII digits.
bool AllDigits(std::string_view s);

// Where each expected column is in the file: checks that the header has every expected column
// once and no other (`what` names the file in messages: "Co-operatives UK's economy file").
Result<std::vector<size_t>> ColumnPlaces(const CsvRecord& header,
                                         const std::vector<std::string>& expected,
                                         const std::string& what);

// A record's structural problems (bad quoting, column count, invalid UTF-8) as rejections;
// true when the record can be read.
bool CheckRecord(const CsvRecord& rec, const std::vector<std::string>& columns,
                 const std::vector<size_t>& places, std::vector<registry::FieldError>* rejected);

// A record's cells by column, trimmed, and the rejections of its line.
class Cells {
 public:
  Cells(const CsvRecord& rec, const std::vector<std::string>& columns,
        const std::vector<size_t>& places, std::vector<registry::FieldError>* errors)
      : rec_(rec), columns_(columns), places_(places), errors_(errors) {}
  std::string operator[](size_t c) const { return std::string(Trim(rec_.fields[places_[c]])); }
  void Error(size_t c, const std::string& message) const {
    errors_->push_back({rec_.line, columns_[c], message});
  }
  long long line() const { return rec_.line; }

 private:
  const CsvRecord& rec_;
  const std::vector<std::string>& columns_;
  const std::vector<size_t>& places_;
  std::vector<registry::FieldError>* errors_;
};

}  // namespace ecosol::interop::coops_uk_rows
