#include "coerce.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace ecosol::rules::internal {
namespace {

// 2^53: doubles up to this magnitude hold every integer exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool IsStructured(const json& v) { return v.is_array() || v.is_object(); }

bool IsJsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view TrimJsSpace(std::string_view s) {
  while (!s.empty() && IsJsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsJsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipDigits(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

// digits [. digits] | . digits, then an optional exponent: JavaScript's StrUnsignedDecimalLiteral.
bool IsDecimalLiteral(std::string_view s) {
  size_t i = SkipDigits(s, 0);
  size_t mantissa_digits = i;
  if (i < s.size() && s[i] == '.') {
    size_t after = SkipDigits(s, i + 1);
    mantissa_digits += after - i - 1;
    i = after;
  }
  if (mantissa_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t after = SkipDigits(s, i);
    if (after == i) return false;
    i = after;
  }
  return i == s.size();
}

int DigitValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// "0x1f", "0o17", "0b101" (no sign, as in JavaScript).
std::optional<double> ParseRadixInteger(std::string_view s) {
  char tag = static_cast<char>(s[1] | 0x20);
  int base = tag == 'x' ? 16 : tag == 'o' ? 8 : 2;
  if (s.size() == 2) return std::nullopt;
  double value = 0;
  for (char c : s.substr(2)) {
    int d = DigitValue(c);
    if (d >= base) return std::nullopt;
    value = value * base + d;
  }
  return value;
}

bool HasRadixPrefix(std::string_view s) {
  if (s.size() < 2 || s[0] != '0') return false;
  char tag = static_cast<char>(s[1] | 0x20);
  return tag == 'x' || tag == 'o' || tag == 'b';
}

std::optional<double> ParseDecimal(std::string_view body) {
  double value = 0;
  const char* end = body.data() + body.size();
  auto [ptr, ec] = std::from_chars(body.data(), end, value);
  if (ec == std::errc::result_out_of_range) {
    // Too large is Infinity in JavaScript, too small is 0.
    size_t e = body.find_first_of("eE");
    bool tiny = e != std::string_view::npos && e + 1 < body.size() && body[e + 1] == '-';
    return tiny ? 0.0 : HUGE_VAL;
  }
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace

bool IsTruthy(const json& v) {
  switch (v.type()) {
    case json::value_t::boolean:
      return *v.get_ptr<const json::boolean_t*>();
    case json::value_t::number_integer:
      return *v.get_ptr<const json::number_integer_t*>() != 0;
    case json::value_t::number_unsigned:
      return *v.get_ptr<const json::number_unsigned_t*>() != 0;
    case json::value_t::number_float:
      return *v.get_ptr<const json::number_float_t*>() != 0.0;
    case json::value_t::string:
      return !v.get_ptr<const json::string_t*>()->empty();
    case json::value_t::array:
      return !v.empty();
    case json::value_t::object:
    case json::value_t::binary:
      return true;
    default:
      return false;
  }
}

std::optional<double> ParseJsNumber(std::string_view text) {
  text = TrimJsSpace(text);
  if (text.empty()) return 0.0;
  if (HasRadixPrefix(text)) return ParseRadixInteger(text);
  bool negative = text.front() == '-';
  std::string_view body = text;
  if (body.front() == '+' || body.front() == '-') body.remove_prefix(1);
  std::optional<double> value;
  if (body == "Infinity") {
    value = HUGE_VAL;
  } else if (IsDecimalLiteral(body)) {
    value = ParseDecimal(body);
  }
  if (value && negative) *value = -*value;
  return value;
}

std::optional<double> ToNumber(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return 0.0;
    case json::value_t::boolean:
      return *v.get_ptr<const json::boolean_t*>() ? 1.0 : 0.0;
    case json::value_t::number_integer:
      return static_cast<double>(*v.get_ptr<const json::number_integer_t*>());
    case json::value_t::number_unsigned:
      return static_cast<double>(*v.get_ptr<const json::number_unsigned_t*>());
    case json::value_t::number_float:
      return *v.get_ptr<const json::number_float_t*>();
    case json::value_t::string:
      return ParseJsNumber(*v.get_ptr<const json::string_t*>());
    default:
      return std::nullopt;
  }
}

Fallible<Value> NumberResult(double x, const Node& node) {
  if (!std::isfinite(x)) return MakeError(kNaN, node, "the result is not a finite number");
  if (std::trunc(x) == x && std::fabs(x) <= kMaxExactInteger) {
    return Value(json(static_cast<std::int64_t>(x)));
  }
  return Value(json(x));
}

std::string JsNumberString(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x == 0) return "0";
  if (x < 0) return "-" + JsNumberString(-x);
  // The shortest digits that round-trip, laid out as ECMAScript's Number::toString does.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(end - buf));
  size_t e = sci.find('e');
  std::string digits(1, sci[0]);
  if (e > 1) digits.append(sci.substr(2, e - 2));
  std::string_view exp_text = sci.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;
  if (k <= n && n <= 21) return digits + std::string(static_cast<size_t>(n - k), '0');
  if (0 < n && n <= 21) {
    return digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  }
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  std::string out = digits.substr(0, 1);
  if (k > 1) out += "." + digits.substr(1);
  out += n - 1 >= 0 ? "e+" : "e-";
  out += std::to_string(std::abs(n - 1));
  return out;
}

void AppendJsString(const json& v, std::string* out) {
  switch (v.type()) {
    case json::value_t::string:
      out->append(*v.get_ptr<const json::string_t*>());
      return;
    case json::value_t::null:
      out->append("null");
      return;
    case json::value_t::boolean:
      out->append(*v.get_ptr<const json::boolean_t*>() ? "true" : "false");
      return;
    case json::value_t::number_integer:
      out->append(std::to_string(*v.get_ptr<const json::number_integer_t*>()));
      return;
    case json::value_t::number_unsigned:
      out->append(std::to_string(*v.get_ptr<const json::number_unsigned_t*>()));
      return;
    case json::value_t::number_float:
      out->append(JsNumberString(*v.get_ptr<const json::number_float_t*>()));
      return;
    case json::value_t::array:
      for (size_t i = 0; i < v.size(); ++i) {
        if (i > 0) out->push_back(',');
        if (!v[i].is_null()) AppendJsString(v[i], out);
      }
      return;
    case json::value_t::object:
      out->append("[object Object]");
      return;
    default:
      return;
  }
}

std::string JsString(const json& v) {
  if (v.is_string()) return *v.get_ptr<const json::string_t*>();
  std::string out;
  AppendJsString(v, &out);
  return out;
}

Fallible<bool> LooseEquals(const json& a, const json& b, const Node& node) {
  if (a.is_number() && b.is_number()) return a == b;
  if (a.is_string() && b.is_string()) return a == b;
  if (IsStructured(a) || IsStructured(b)) {
    return MakeError(kNaN, node, "cannot compare " + Show(a) + " with " + Show(b));
  }
  if (a.type() == b.type()) return a == b;  // null with null, boolean with boolean
  // null equals 0 (the community tests) and nothing else: not "" or "0", not false (JavaScript).
  if (a.is_null()) return b.is_number() && b == 0;
  if (b.is_null()) return a.is_number() && a == 0;
  std::optional<double> x = ToNumber(a);
  std::optional<double> y = ToNumber(b);
  if (!x || !y) return MakeError(kNaN, node, "cannot compare " + Show(a) + " with " + Show(b));
  return *x == *y;
}

bool StrictEquals(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return a == b;
  return a.type() == b.type() && a == b;
}

Fallible<int> Order(const json& a, const json& b, const Node& node) {
  if (a.is_number() && b.is_number()) return a < b ? -1 : (b < a ? 1 : 0);
  if (a.is_string() && b.is_string()) {
    int c = a.get_ptr<const json::string_t*>()->compare(*b.get_ptr<const json::string_t*>());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  std::optional<double> x = IsStructured(a) ? std::nullopt : ToNumber(a);
  std::optional<double> y = IsStructured(b) ? std::nullopt : ToNumber(b);
  if (!x || !y) return MakeError(kNaN, node, "cannot order " + Show(a) + " and " + Show(b));
  return *x < *y ? -1 : (*y < *x ? 1 : 0);
}

std::string Show(const json& v) {
  constexpr size_t kMax = 60;
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

}  // namespace ecosol::rules::internal
