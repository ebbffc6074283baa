// Field readers shared by the loan book's JSON parsers. nlohmann::json exceptions never escape:
// every access checks the type first.

#include "loan_json_util.h"

#include <limits>

namespace ecosol::finance::loanjson {

using nlohmann::json;

std::string Path(std::string_view where, std::string_view key) {
  if (where.empty()) return std::string(key);
  return std::string(where) + "." + std::string(key);
}

Status RequireObject(const json& doc, std::string_view where) {
  if (doc.is_object()) return Status::Ok();
  return InvalidArgument(std::string(where.empty() ? "input" : where) +
                         ": expected a JSON object, got " + doc.dump());
}

namespace {

// The field, or nullptr when absent (an error when required).
Result<const json*> Field(const json& doc, std::string_view key, std::string_view where,
                          bool required) {
  auto it = doc.find(std::string(key));
  if (it == doc.end() || it->is_null()) {
    if (!required) return static_cast<const json*>(nullptr);
    return InvalidArgument(Path(where, key) + ": missing; add the field");
  }
  return &*it;
}

}  // namespace

Result<std::optional<std::int64_t>> ReadAmount(const json& doc, std::string_view key,
                                               std::string_view where, bool required) {
  auto field = Field(doc, key, where, required);
  if (!field.ok()) return field.status();
  if (*field == nullptr) return std::optional<std::int64_t>();
  const json& v = **field;
  if (!v.is_number_integer()) {
    return InvalidArgument(Path(where, key) +
                           ": expected a whole number of minor units (cents), e.g. 1200000 for "
                           "12,000.00; got " +
                           v.dump());
  }
  return std::optional<std::int64_t>(v.get<std::int64_t>());
}

Result<std::optional<double>> ReadNumber(const json& doc, std::string_view key,
                                         std::string_view where, bool required) {
  auto field = Field(doc, key, where, required);
  if (!field.ok()) return field.status();
  if (*field == nullptr) return std::optional<double>();
  if (!(*field)->is_number()) {
    return InvalidArgument(Path(where, key) + ": expected a number, got " + (*field)->dump());
  }
  return std::optional<double>((*field)->get<double>());
}

Result<std::optional<int>> ReadInt(const json& doc, std::string_view key, std::string_view where,
                                   bool required) {
  auto field = Field(doc, key, where, required);
  if (!field.ok()) return field.status();
  if (*field == nullptr) return std::optional<int>();
  const json& v = **field;
  if (!v.is_number_integer() || v.get<std::int64_t>() > std::numeric_limits<int>::max() ||
      v.get<std::int64_t>() < std::numeric_limits<int>::min()) {
    return InvalidArgument(Path(where, key) + ": expected a whole number, got " + v.dump());
  }
  return std::optional<int>(v.get<int>());
}

Result<std::optional<std::string>> ReadString(const json& doc, std::string_view key,
                                              std::string_view where, bool required) {
  auto field = Field(doc, key, where, required);
  if (!field.ok()) return field.status();
  if (*field == nullptr) return std::optional<std::string>();
  if (!(*field)->is_string()) {
    return InvalidArgument(Path(where, key) + ": expected a string, got " + (*field)->dump());
  }
  return std::optional<std::string>((*field)->get<std::string>());
}

Result<std::optional<LoanDate>> ReadDate(const json& doc, std::string_view key,
                                         std::string_view where, bool required) {
  auto text = ReadString(doc, key, where, required);
  if (!text.ok()) return text.status();
  if (!text->has_value()) return std::optional<LoanDate>();
  auto date = ParseLoanDate(**text, Path(where, key));
  if (!date.ok()) return date.status();
  return std::optional<LoanDate>(*date);
}

}  // namespace ecosol::finance::loanjson
