#pragma once

// Paths into the data and the scopes of evaluation: how `var`, `val`, `exists` and `missing`
// find a value.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "value.h"

namespace ecosol::rules::internal {

// Splits a var path ("a.b.0") into segments; "" gives no segment (the whole data).
Path VarPath(const std::string& text);
// One `val` / `exists` step given as a JSON value (string or number).
Segment ValSegment(const json& step);
// A `var` path given as a value: null and "" are the whole data; numbers are printed as
// JavaScript does ("1" addresses element 1 of an array); other values as String(v).
Path VarPathOf(const json& v);
// A `val` path given as a list of steps: an optional leading [n] climbs |n| scopes, then each
// string or number is one key or index.
Path ValPathOf(std::span<const json* const> steps);
// ValPathOf for evaluated operands; a single array operand is the list of steps.
Path ValPathOfValues(const std::vector<Value>& values);

// The innermost scope `up` levels above `frame` (the root scope when there are fewer).
const Frame& Climb(const Frame& frame, size_t up);
// The value at `segments` in `frame`, or nullopt when there is none (a JSON null found there
// is a value). Borrows from the frame's data when it can.
std::optional<Value> Resolve(const Frame& frame, std::span<const Segment> segments);

}  // namespace ecosol::rules::internal
