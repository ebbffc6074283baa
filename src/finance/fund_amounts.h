#pragma once

// Helpers shared by the funds part (fund.cc, fund_waterfall.cc, match.cc): reading amounts of
// money from JSON as integer cents with errors that say where and how to fix, and splitting an
// amount pro rata to the cent. Private to the finance module.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance::funds_internal {

// Amounts above this (10^15 cents, ten trillion units) are refused so that sums cannot overflow.
inline constexpr std::int64_t kMaxCents = 1'000'000'000'000'000;

// Reads obj[key] as a whole, non-negative number of cents. `fallback` is used when the key is
// absent; without one the key is required.
Result<std::int64_t> ReadCents(const nlohmann::json& obj, const std::string& key,
                               const std::string& where,
                               std::optional<std::int64_t> fallback = std::nullopt);
// Reads obj[key] as a number in [low, high]; `fallback` when absent, else required.
Result<double> ReadNumber(const nlohmann::json& obj, const std::string& key,
                          const std::string& where, double low, double high,
                          std::optional<double> fallback = std::nullopt);
// Reads obj[key] as a text; `fallback` when absent, else required and non-empty.
Result<std::string> ReadText(const nlohmann::json& obj, const std::string& key,
                             const std::string& where,
                             std::optional<std::string> fallback = std::nullopt);
// "1234.50" for 123450 cents (for messages).
std::string FormatCents(std::int64_t cents);
// Splits `total` cents pro rata to `weights` (>= 0): each gets floor(total * w / sum), then the
// cents left over go one each to the largest remainders, ties to the earlier entry (Hamilton's
// largest-remainder method). All zero weights: everything to nobody (all zeros).
std::vector<std::int64_t> SplitProRata(std::int64_t total,
                                       const std::vector<std::int64_t>& weights);
// floor(amount * factor) for factor >= 0, exact for the rates we use (0.5, 0.75, 2...): computed
// in long double with a tolerance of 1e-9 cent so that 0.29 * 100 is not taken for 28.999...
std::int64_t FloorTimes(std::int64_t amount, double factor);
// ceil(amount * factor), with the same tolerance.
std::int64_t CeilTimes(std::int64_t amount, double factor);

}  // namespace ecosol::finance::funds_internal
