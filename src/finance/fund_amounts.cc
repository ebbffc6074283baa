// Reading money from JSON and splitting it to the cent (fund_amounts.h).

#include "fund_amounts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ecosol::finance::funds_internal {
namespace {

using nlohmann::json;

__extension__ typedef __int128 Wide;  // products of two amounts of up to 10^15 cents

Status NotCents(const std::string& where, const std::string& key, const json& value) {
  return InvalidArgument(where + ": '" + key + "' must be a whole number of cents from 0 to " +
                         std::to_string(kMaxCents) + " (1500.00 is written 150000), got " +
                         value.dump());
}

}  // namespace

Result<std::int64_t> ReadCents(const json& obj, const std::string& key, const std::string& where,
                               std::optional<std::int64_t> fallback) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (fallback) return *fallback;
    return InvalidArgument(where + ": needs '" + key + "', an amount in cents");
  }
  if (it->is_number_unsigned()) {
    auto v = it->get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(kMaxCents)) return NotCents(where, key, *it);
    return static_cast<std::int64_t>(v);
  }
  if (it->is_number_integer()) {
    auto v = it->get<std::int64_t>();
    if (v < 0 || v > kMaxCents) return NotCents(where, key, *it);
    return v;
  }
  return NotCents(where, key, *it);
}

Result<double> ReadNumber(const json& obj, const std::string& key, const std::string& where,
                          double low, double high, std::optional<double> fallback) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (fallback) return *fallback;
    return InvalidArgument(where + ": needs '" + key + "', a number");
  }
  if (!it->is_number()) {
    return InvalidArgument(where + ": '" + key + "' must be a number, got " + it->dump());
  }
  auto v = it->get<double>();
  if (!std::isfinite(v) || v < low || v > high) {
    return InvalidArgument(where + ": '" + key + "' must be from " + json(low).dump() + " to " +
                           json(high).dump() + " (5% is written 0.05), got " + it->dump());
  }
  return v;
}

Result<std::string> ReadText(const json& obj, const std::string& key, const std::string& where,
                             std::optional<std::string> fallback) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (fallback) return *fallback;
    return InvalidArgument(where + ": needs '" + key + "', a text");
  }
  if (!it->is_string()) {
    return InvalidArgument(where + ": '" + key + "' must be a text, got " + it->dump());
  }
  auto text = it->get<std::string>();
  if (text.empty() && !fallback) return InvalidArgument(where + ": '" + key + "' is empty");
  return text;
}

std::string FormatCents(std::int64_t cents) {
  std::string sign = cents < 0 ? "-" : "";
  std::int64_t abs = cents < 0 ? -cents : cents;
  std::string frac = std::to_string(abs % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return sign + std::to_string(abs / 100) + "." + frac;
}

std::vector<std::int64_t> SplitProRata(std::int64_t total,
                                       const std::vector<std::int64_t>& weights) {
  std::vector<std::int64_t> out(weights.size(), 0);
  Wide sum = std::accumulate(weights.begin(), weights.end(), Wide{0});
  if (sum == 0 || total == 0) return out;
  std::vector<Wide> remainders(weights.size());
  std::int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    Wide product = Wide{total} * weights[i];
    out[i] = static_cast<std::int64_t>(product / sum);
    remainders[i] = product % sum;
    given += out[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t k = 0; given < total && k < order.size(); ++k, ++given) ++out[order[k]];
  return out;
}

std::int64_t FloorTimes(std::int64_t amount, double factor) {
  long double product = static_cast<long double>(amount) * static_cast<long double>(factor);
  return static_cast<std::int64_t>(std::floor(product + 1e-9L));
}

std::int64_t CeilTimes(std::int64_t amount, double factor) {
  long double product = static_cast<long double>(amount) * static_cast<long double>(factor);
  return static_cast<std::int64_t>(std::ceil(product - 1e-9L));
}

}  // namespace ecosol::finance::funds_internal
