#pragma once

// Private helpers of the loan book's JSON readers (loan_*_json.cc): each reads one field of an
// object and returns an InvalidArgument that says what was expected, where, and how to fix it.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ecosol/base/status.h"
#include "ecosol/finance/loan_schedule.h"

namespace ecosol::finance::loanjson {

// "where.key" (or "key" when where is empty).
std::string Path(std::string_view where, std::string_view key);

// OK when `doc` is an object, else an error naming `where`.
Status RequireObject(const nlohmann::json& doc, std::string_view where);

// An amount in minor units: a JSON integer. A missing optional field gives std::nullopt.
Result<std::optional<std::int64_t>> ReadAmount(const nlohmann::json& doc, std::string_view key,
                                               std::string_view where, bool required);
Result<std::optional<double>> ReadNumber(const nlohmann::json& doc, std::string_view key,
                                         std::string_view where, bool required);
Result<std::optional<int>> ReadInt(const nlohmann::json& doc, std::string_view key,
                                   std::string_view where, bool required);
Result<std::optional<std::string>> ReadString(const nlohmann::json& doc, std::string_view key,
                                              std::string_view where, bool required);
Result<std::optional<LoanDate>> ReadDate(const nlohmann::json& doc, std::string_view key,
                                         std::string_view where, bool required);

}  // namespace ecosol::finance::loanjson
