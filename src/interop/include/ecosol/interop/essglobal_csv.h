#pragma once

// The ESSGlobal "standard" CSV used by DigitalCommons and Co-operatives UK to publish SSE
// directories: one row per organisation, ESSGlobal URIs for organisational structure, activities
// and membership type (the last path segment is the code), ';' between values of multi-valued
// cells, exact coordinates in Latitude/Longitude and postcode centroids in Geo Container
// Latitude/Longitude (stored as approximate locations). See docs/formats/essglobal-csv.md.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/interop/csv.h"
#include "ecosol/model/actor.h"
#include "ecosol/registry/registry.h"

namespace ecosol::interop {

// The columns of the standard CSV, in order.
const std::vector<std::string>& EssglobalCsvColumns();

struct EssglobalCsvOptions {
  std::string id_scheme = "essglobal";  // the identifier scheme of the Identifier column
  std::string lang = "en";              // language of Name and Description
  std::vector<std::string> claims;      // claims every actor of the file makes (e.g. cooperative)
};

struct ParsedRows {
  std::vector<registry::ImportRow> rows;       // rows that parsed (still to be validated)
  std::vector<registry::FieldError> rejected;  // rows that did not parse, with line and column
  long long records = 0;                       // data records read (parsed + rejected)
};

// Reads standard CSV batch by batch for Registry::Import (the text, which must outlive the
// source, is typically a mapped file). Create() checks the header.
class EssglobalCsvSource : public registry::ImportSource {
 public:
  static Result<std::unique_ptr<EssglobalCsvSource>> Create(std::string_view text,
                                                            const EssglobalCsvOptions& options);
  Result<bool> Next(size_t max_rows, std::vector<registry::ImportRow>* rows,
                    std::vector<registry::FieldError>* rejected) override;
  std::pair<size_t, size_t> Position() const override { return {reader_.position(), text_size_}; }

 private:
  EssglobalCsvSource(std::string_view text, const EssglobalCsvOptions& options)
      : options_(options), reader_(text), text_size_(text.size()) {}
  // Parses one record into `rows` or `rejected`.
  void Parse(const CsvRecord& rec, std::vector<registry::ImportRow>* rows,
             std::vector<registry::FieldError>* rejected) const;

  EssglobalCsvOptions options_;
  CsvReader reader_;
  CsvRecord record_;
  size_t text_size_;
};

// Parses the whole file. Structural problems (bad quoting, wrong column count, invalid UTF-8,
// unparsable or out-of-range coordinates, a URI of the wrong scheme) are rejections naming the
// line and the column; unknown codes are left to registry validation.
Result<ParsedRows> ReadEssglobalCsv(std::string_view text, const EssglobalCsvOptions& options);

// Writes actors as standard CSV (header included).
std::string WriteEssglobalCsv(const std::vector<model::Actor>& actors,
                              const std::string& id_scheme);

// The CSV column that holds a model field, for error reports ("structures" ->
// "Organisational Structure"); the field itself when there is none.
std::string ColumnOfField(const std::string& field);

}  // namespace ecosol::interop
