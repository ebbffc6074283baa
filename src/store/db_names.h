#pragma once

// Small helpers that backup.cc, copy.cc and postgres_store.cc share: telling a PostgreSQL URL
// from a SQLite path (IsPostgresUrl, public in store.h), quoting an SQL identifier, and
// trimming a driver's error message.

#include <string>
#include <string_view>

#include "ecosol/store/store.h"

namespace ecosol::store {

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
