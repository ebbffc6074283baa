// libFuzzer target for the CSV importer: the RFC 4180 reader (interop::CsvReader) and the
// ESSGlobal standard CSV reader (interop::ReadEssglobalCsv), which turns a file's text into the
// import rows handed to the registry. No database is involved.
//
// Besides crashes, hangs and sanitizer reports, it checks the readers' contracts: the reader
// always moves forward and ends; a record it reads without error is written back by
// AppendCsvRecord and read again unchanged; and an ESSGlobal export "re-imports unchanged"
// (docs/formats/essglobal-csv.md): the rows read, written and read again write the same text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/interop/csv.h"
#include "ecosol/interop/essglobal_csv.h"

namespace {

using ecosol::interop::CsvReader;
using ecosol::interop::CsvRecord;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "csv_fuzz: %s\n", what);
  std::abort();
}

// A record written by AppendCsvRecord reads back as the same fields. A record of one empty
// field is written as a blank line, which the reader skips, so it is left out.
void CheckRecordRoundTrip(const std::vector<std::string>& fields) {
  if (fields.size() == 1 && fields[0].empty()) return;
  // A leading newline keeps the reader from taking a first field's leading bytes for the BOM.
  std::string text = "\n";
  ecosol::interop::AppendCsvRecord(fields, &text);
  CsvReader reader(text);
  CsvRecord back;
  if (!reader.Next(&back)) Fail("a written record reads as nothing");
  if (!back.error.empty()) Fail("a written record reads with an error");
  if (back.fields != fields) Fail("a written record reads back different fields");
  if (reader.Next(&back)) Fail("a written record reads as more than one record");
}

void FuzzCsvReader(std::string_view text, char delimiter) {
  CsvReader reader(text, delimiter);
  CsvRecord rec;
  size_t last_position = reader.position();
  long long last_line = 0;
  while (reader.Next(&rec)) {
    if (reader.position() <= last_position) Fail("CsvReader::Next read a record but no bytes");
    if (reader.position() > text.size()) Fail("CsvReader read past the end of the text");
    if (rec.line <= last_line) Fail("record lines do not increase");
    last_position = reader.position();
    last_line = rec.line;
    if (rec.error.empty() && delimiter == ',') CheckRecordRoundTrip(rec.fields);
  }
}

// Reads `text` as ESSGlobal standard CSV; for the rows it accepts, checks that writing them and
// reading them back is stable.
void FuzzEssglobal(std::string_view text) {
  ecosol::interop::EssglobalCsvOptions options;
  options.id_scheme = "coops-uk";
  options.claims = {"cooperative"};
  auto parsed = ecosol::interop::ReadEssglobalCsv(text, options);
  if (!parsed.ok()) return;
  if (parsed->rows.size() > static_cast<size_t>(parsed->records)) Fail("more rows than records");
  std::vector<ecosol::model::Actor> actors;
  for (const auto& row : parsed->rows) {
    if (row.line < 2) Fail("a data row on the header's line");
    actors.push_back(row.actor);
  }
  const std::string written = ecosol::interop::WriteEssglobalCsv(actors, options.id_scheme);
  auto again = ecosol::interop::ReadEssglobalCsv(written, options);
  if (!again.ok()) Fail("the reader refuses the writer's file");
  if (!again->rejected.empty()) Fail("the reader rejects a row the writer wrote");
  if (again->rows.size() != actors.size()) Fail("the writer's rows read back a different count");
  std::vector<ecosol::model::Actor> actors_again;
  for (const auto& row : again->rows) actors_again.push_back(row.actor);
  if (ecosol::interop::WriteEssglobalCsv(actors_again, options.id_scheme) != written) {
    Fail("an export does not re-import unchanged");
  }
}

const std::string& EssglobalHeader() {
  static const std::string header = [] {
    std::string out;
    ecosol::interop::AppendCsvRecord(ecosol::interop::EssglobalCsvColumns(), &out);
    return out;
  }();
  return header;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzCsvReader(text, ',');
  FuzzCsvReader(text, ';');
  FuzzEssglobal(text);
  // The same bytes as data rows under a valid header, so that the fuzzer explores the row
  // parser without first having to build the 30-column header.
  FuzzEssglobal(EssglobalHeader() + std::string(text));
  return 0;
}
