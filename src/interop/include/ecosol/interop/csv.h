#pragma once

// An RFC 4180 CSV reader and writer.
//
// Hand-written rather than taken from libcsv (Debian's libcsv-dev) because imports must report
// every bad record with its line number and go on with the next record (for --skip-invalid),
// and must track the physical line of records whose quoted cells span several lines; libcsv
// stops at the first parse error and does not report lines.
//
//   CsvReader reader(text);
//   CsvRecord rec;
//   while (reader.Next(&rec)) {
//     if (!rec.error.empty()) Report(rec.line, rec.error);
//     else Use(rec.fields);
//   }
//
// Not thread-safe; the reader borrows `text`, which must outlive it.

#include <string>
#include <string_view>
#include <vector>

namespace ecosol::interop {

struct CsvRecord {
  long long line = 0;  // physical line where the record starts (1-based)
  std::vector<std::string> fields;
  std::string error;  // non-empty when the record is malformed (its fields are then partial)
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char delimiter = ',');
  // Reads the next record; false at the end of input. Blank lines are skipped.
  bool Next(CsvRecord* record);
  // Bytes consumed so far (for progress).
  size_t position() const { return pos_; }

 private:
  void SkipToNextLine();
  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  long long line_ = 1;
};

// Appends one record to `out`, quoting fields that need it, ending with "\n".
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);

}  // namespace ecosol::interop
