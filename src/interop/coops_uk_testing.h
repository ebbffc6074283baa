#pragma once

// Test helpers of the Co-operatives UK tests (coops_uk_test.cc, coops_uk_import_test.cc): the
// shared files, and small register and economy files built row by row.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "ecosol/interop/coops_uk.h"
#include "ecosol/interop/csv.h"
#include "ecosol/interop/importer.h"
#include "test_store.h"

namespace ecosol::interop::coops_uk_testing {

inline std::string Shared(const std::string& name) {
  return testing::SharedDataFolder() + "/coops-uk/" + name;
}
inline std::string RegisterFile() { return Shared("organisations-2017.csv"); }
inline std::string EconomyFile() { return Shared("economy-2011-2016.csv"); }

inline std::string Read(const std::string& path) {
  auto text = ReadFile(path);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  return text.ok() ? *text : "";
}

// A CSV file with `columns` and one line per row (column -> value, others empty).
inline std::string Csv(const std::vector<std::string>& columns,
                       const std::vector<std::map<std::string, std::string>>& rows) {
  std::string out;
  AppendCsvRecord(columns, &out);
  for (const auto& cells : rows) {
    std::vector<std::string> fields;
    for (const std::string& c : columns) {
      auto it = cells.find(c);
      fields.push_back(it == cells.end() ? "" : it->second);
    }
    AppendCsvRecord(fields, &out);
  }
  return out;
}

// A valid register row, with `changes` applied.
inline std::map<std::string, std::string> Organisation(
    const std::string& id, const std::string& name,
    std::map<std::string, std::string> changes = {}) {
  std::map<std::string, std::string> row = {
      {"CUK Organisation ID", id},        {"Registered Name", name},
      {"Legal Form", "Society"},          {"Registered City", "Leeds"},
      {"Registered Postcode", "LS1 1AA"}, {"UK Nation", "England"},
      {"SIC Code", "UKSIC07-1071"},       {"Ownership Classification", "Workers"},
      {"Registered Status", "Live"},      {"Incorporation Date", "2/3/1999"}};
  for (auto& [column, value] : changes) row[column] = value;
  return row;
}

inline std::string Register(const std::vector<std::map<std::string, std::string>>& rows) {
  return Csv(CoopsUkRegisterColumns(), rows);
}

inline std::map<std::string, std::string> Figures(const std::string& id, const std::string& year,
                                                  std::map<std::string, std::string> changes = {}) {
  std::map<std::string, std::string> row = {{"CUK Organisation ID", id},
                                            {"Turnover", "125000"},
                                            {"Memberships", "12"},
                                            {"Year End Date", year + "-03-31 00:00:00"},
                                            {"Economic Year", year}};
  for (auto& [column, value] : changes) row[column] = value;
  return row;
}

inline std::string Economy(const std::vector<std::map<std::string, std::string>>& rows) {
  return Csv(CoopsUkEconomyColumns(), rows);
}

inline const model::Actor* Find(const ParsedRows& parsed, const std::string& id) {
  for (const auto& row : parsed.rows) {
    if (row.actor.identifiers.at("coops-uk") == id) return &row.actor;
  }
  return nullptr;
}

// A rejection's "line field: message", to compare whole.
inline std::string Text(const registry::FieldError& e) {
  return std::to_string(e.line) + " " + e.field + ": " + e.message;
}

}  // namespace ecosol::interop::coops_uk_testing
