#include "path.h"

#include <charconv>
#include <cmath>

#include "coerce.h"

namespace ecosol::rules::internal {
namespace {

// Array indexes are canonical non-negative integers ("0", "12"; not "01" or "-1").
std::optional<size_t> ParseIndex(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  size_t index = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return index;
}

Segment KeySegment(std::string key) {
  Segment s;
  s.index = ParseIndex(key);
  s.key = std::move(key);
  return s;
}

const json* Walk(const json* at, std::span<const Segment> segments) {
  for (const Segment& s : segments) {
    if (at->is_object()) {
      auto it = at->find(s.key);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (!s.index || *s.index >= at->size()) return nullptr;
      at = &(*at)[*s.index];
    } else {
      return nullptr;
    }
  }
  return at;
}

std::optional<Value> Borrowed(const json* v) {
  if (!v) return std::nullopt;
  return Value::Borrow(*v);
}

std::optional<Value> ResolveReduce(const Frame& frame, std::span<const Segment> segments) {
  if (segments.empty()) {
    return Value(json{{"current", *frame.data}, {"accumulator", *frame.accumulator}});
  }
  const json* start = nullptr;
  if (segments[0].key == "current") start = frame.data;
  if (segments[0].key == "accumulator") start = frame.accumulator;
  if (!start) return std::nullopt;
  return Borrowed(Walk(start, segments.subspan(1)));
}

std::optional<Value> ResolveIteration(const Frame& frame, std::span<const Segment> segments) {
  if (segments.empty()) return Value(json{{"index", frame.index}});
  if (segments.size() == 1 && segments[0].key == "index") return Value(json(frame.index));
  return std::nullopt;
}

}  // namespace

Path VarPath(const std::string& text) {
  Path path;
  path.text = text;
  if (text.empty()) return path;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    path.segments.push_back(KeySegment(text.substr(start, dot - start)));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return path;
}

Segment ValSegment(const json& step) {
  if (step.is_number_float()) {
    double d = *step.get_ptr<const json::number_float_t*>();
    Segment s{JsNumberString(d), std::nullopt};
    if (d >= 0 && std::trunc(d) == d) s.index = static_cast<size_t>(d);
    return s;
  }
  return KeySegment(JsString(step));
}

Path VarPathOf(const json& v) {
  if (v.is_null()) return Path{};
  return VarPath(JsString(v));
}

Path ValPathOf(std::span<const json* const> steps) {
  Path path;
  if (!steps.empty() && steps[0]->is_array()) {
    const json& scope = *steps[0];
    if (!scope.empty() && scope[0].is_number()) {
      double up = std::fabs(ToNumber(scope[0]).value_or(0));
      path.scope_up = static_cast<size_t>(up);
    }
    steps = steps.subspan(1);
  }
  for (const json* step : steps) {
    path.segments.push_back(ValSegment(*step));
    if (path.segments.size() > 1) path.text += '.';
    path.text += path.segments.back().key;
  }
  return path;
}

Path ValPathOfValues(const std::vector<Value>& values) {
  std::vector<const json*> steps;
  if (values.size() == 1 && values[0].get().is_array()) {
    for (const json& step : values[0].get()) steps.push_back(&step);
  } else {
    for (const Value& v : values) steps.push_back(&v.get());
  }
  return ValPathOf(steps);
}

const Frame& Climb(const Frame& frame, size_t up) {
  const Frame* at = &frame;
  for (size_t i = 0; i < up && at->parent; ++i) at = at->parent;
  return *at;
}

std::optional<Value> Resolve(const Frame& frame, std::span<const Segment> segments) {
  switch (frame.kind) {
    case Frame::Kind::kData:
      return Borrowed(Walk(frame.data, segments));
    case Frame::Kind::kReduce:
      return ResolveReduce(frame, segments);
    case Frame::Kind::kIteration:
      return ResolveIteration(frame, segments);
  }
  return std::nullopt;
}

}  // namespace ecosol::rules::internal
