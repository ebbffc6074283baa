#include "ecosol/interop/csv.h"

namespace ecosol::interop {

CsvReader::CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
}

void CsvReader::SkipToNextLine() {
  while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  if (pos_ < text_.size()) {
    ++pos_;
    ++line_;
  }
}

bool CsvReader::Next(CsvRecord* rec) {
  // Skip blank lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  rec->line = line_;
  rec->fields.clear();
  rec->error.clear();
  std::string field;
  while (true) {
    field.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      const long long quote_line = line_;
      bool closed = false;
      while (pos_ < text_.size()) {
        char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field += '"';
            ++pos_;
          } else {
            closed = true;
            break;
          }
        } else {
          if (c == '\n') ++line_;
          field += c;
        }
      }
      if (!closed) {
        rec->error = "bad quoting: the quoted cell opened on line " + std::to_string(quote_line) +
                     " is never closed";
        rec->fields.push_back(field);
        return true;
      }
      // After the closing quote: the delimiter, the end of the line (a CR only as part of CRLF
      // or at the very end) or the end of the input.
      const bool lone_cr = pos_ < text_.size() && text_[pos_] == '\r' && pos_ + 1 < text_.size() &&
                           text_[pos_ + 1] != '\n';
      if ((pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
           text_[pos_] != '\r') ||
          lone_cr) {
        rec->error = "bad quoting: text after the closing quote of cell " +
                     std::to_string(rec->fields.size() + 1);
        rec->fields.push_back(field);
        SkipToNextLine();
        return true;
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n') {
        char c = text_[pos_];
        if (c == '"') {
          rec->error = "bad quoting: a quote inside unquoted cell " +
                       std::to_string(rec->fields.size() + 1) +
                       " (quote the cell and double "
                       "the quote)";
          rec->fields.push_back(field);
          SkipToNextLine();
          return true;
        }
        field += c;
        ++pos_;
      }
      if (!field.empty() && field.back() == '\r') field.pop_back();
    }
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    rec->fields.push_back(field);
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    ++pos_;  // the delimiter
  }
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) *out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\n\r") == std::string::npos) {
      *out += f;
      continue;
    }
    *out += '"';
    for (char c : f) {
      if (c == '"') *out += '"';
      *out += c;
    }
    *out += '"';
  }
  *out += '\n';
}

}  // namespace ecosol::interop
