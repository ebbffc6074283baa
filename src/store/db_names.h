#pragma once

// Small helpers that backup.cc, copy.cc and postgres_store.cc share: telling a PostgreSQL URL
// from a SQLite path, quoting an SQL identifier, and trimming a driver's error message.

#include <string>
#include <string_view>

namespace ecosol::store {

// Whether `url` names a PostgreSQL database (OpenStore's rule) rather than a SQLite file.
inline bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// `name` as a double-quoted SQL identifier.
inline std::string QuoteIdent(const std::string& name) {
  std::string q = "\"";
  for (char ch : name) {
    if (ch == '"') q += '"';
    q += ch;
  }
  return q + "\"";
}

// `s` without the line ends and spaces that end libpq's and the tools' messages.
inline std::string TrimMessage(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace ecosol::store
