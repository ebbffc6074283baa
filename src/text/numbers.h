#pragma once

// Private to the text module: the value of a number captured by {percent}, {multiple} or
// {number} (cue_pattern.h), written in digits or in words.
//
//   ParseValue("quinze pour cent", kPercent, fr)  -> 0.15
//   ParseValue("la mitad", kPercent, es)          -> 0.5
//   ParseValue("1:8", kMultiple, en)              -> 8
//   ParseValue("thirty-five", kNumber, en)        -> 35

#include <optional>
#include <string_view>
#include <vector>

#include "cue_pattern.h"
#include "cues.h"

namespace ecosol::text {

// Empty when `text` holds no number.
std::optional<double> ParseValue(std::string_view text, ValueKind kind, const NumberWords& words);

// The numbers of `text` in order: digit runs ("15", "2,5") and runs of number words
// ("quatre-vingt-dix-sept" -> 97, "two hundred and five" -> 205).
std::vector<double> NumbersIn(std::string_view text, const NumberWords& words);

}  // namespace ecosol::text
