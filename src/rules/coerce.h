#pragma once

// JavaScript-like conversions and comparisons used by the operators (the parts of JavaScript's
// semantics that JSON Logic relies on), with the JSON Logic community rules where a JavaScript
// result would not be representable in JSON (NaN, Infinity): those become errors.

#include <optional>
#include <string>
#include <string_view>

#include "value.h"

namespace ecosol::rules::internal {

bool IsTruthy(const json& v);

// JavaScript Number(v) for null, booleans, numbers and strings; nullopt for NaN and for arrays
// and objects (which the community tests treat as not numbers).
std::optional<double> ToNumber(const json& v);
// JavaScript's StringToNumber: trims whitespace, "" is 0, accepts decimal, exponent, 0x/0o/0b
// and Infinity; nullopt when the text is not a number.
std::optional<double> ParseJsNumber(std::string_view text);
// A number result as JSON: an integer when it is one (and exactly representable), else a
// double. Infinity and NaN, which JSON cannot hold, are a "NaN" error of `node`.
Fallible<Value> NumberResult(double x, const Node& node);

// JavaScript String(v): numbers as JavaScript prints them, arrays joined with "," (null
// elements empty), objects "[object Object]".
std::string JsString(const json& v);
std::string JsNumberString(double x);
void AppendJsString(const json& v, std::string* out);

// `==`: the same types compare directly; null equals null and 0 only; otherwise both sides
// are converted to numbers. An array or object, or a side that is not a number, is a "NaN"
// error of `node`.
Fallible<bool> LooseEquals(const json& a, const json& b, const Node& node);
// `===`: same type (all numbers are one type) and same value; arrays and objects compare by
// content.
bool StrictEquals(const json& a, const json& b);
// The order of a and b for <, <=, >, >=: strings compare as strings, anything else as numbers;
// arrays, objects and non-numbers are a "NaN" error of `node`. Returns <0, 0 or >0.
Fallible<int> Order(const json& a, const json& b, const Node& node);

// A short rendering of a value for error messages.
std::string Show(const json& v);

}  // namespace ecosol::rules::internal
