// Births, deaths, active organisations and yearly indicators per group (trends.h).
//
// Each actor in scope is read once into ActorFacts (its founding and dissolution years and its
// groups); each indicator record once into a Figure per (actor, indicator, year). The table is
// then filled group by group. Years are whole years: an actor founded in 2012 is born in 2012
// whatever the day, and one dissolved in 2014 is no longer active at the end of 2014.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "trends_internal.h"

namespace ecosol::ecosystem {
namespace {

// --- the query ---

constexpr std::string_view kDimensions[] = {"none", "sector", "activity", "kind", "structure"};

Status CheckYear(const char* field, const std::optional<int>& year) {
  if (!year || (*year >= kTrendsFirstYear && *year <= kTrendsLastYear)) return Status::Ok();
  return InvalidArgument(std::string(field) + ": " + std::to_string(*year) +
                         " is out of range; give a year from " + std::to_string(kTrendsFirstYear) +
                         " to " + std::to_string(kTrendsLastYear) +
                         ", or none for the data's span");
}

Status CheckTerritory(const std::string& t) {
  if (t.empty()) return Status::Ok();
  bool bad = t.front() == '/' || t.back() == '/' || t.find("//") != std::string::npos;
  for (char c : t) bad = bad || std::isspace(static_cast<unsigned char>(c));
  if (!bad) return Status::Ok();
  return InvalidArgument("territory: '" + t +
                         "' is not a territory id; write it as GB, GB/wales or GB/wales/cardiff "
                         "(no spaces, no leading, trailing or double '/'), or leave it empty");
}

Status CheckQuery(const TrendsQuery& q) {
  if (std::find(std::begin(kDimensions), std::end(kDimensions), q.dimension) ==
      std::end(kDimensions)) {
    return InvalidArgument("dimension: expected none, sector, activity, kind or structure, got '" +
                           q.dimension + "'");
  }
  ECOSOL_RETURN_IF_ERROR(CheckYear("from_year", q.from_year));
  ECOSOL_RETURN_IF_ERROR(CheckYear("to_year", q.to_year));
  if (q.from_year && q.to_year && *q.from_year > *q.to_year) {
    return InvalidArgument("from_year " + std::to_string(*q.from_year) + " is after to_year " +
                           std::to_string(*q.to_year) + "; swap them, or leave one out");
  }
  for (const std::string& name : q.indicators) {
    if (name.empty()) {
      return InvalidArgument(
          "indicators: an empty name; give names such as turnover or employees, or none for "
          "every indicator found");
    }
  }
  return CheckTerritory(q.territory);
}

bool InTerritory(const std::string& territory, const std::string& scope) {
  if (scope.empty()) return true;
  if (territory.compare(0, scope.size(), scope) != 0) return false;
  return territory.size() == scope.size() || territory[scope.size()] == '/';
}

// --- actors ---

// "ICA260", "ica260" or ".../activities/ICA260" -> "ICA260".
std::string NormaliseCode(std::string_view code) {
  size_t slash = code.rfind('/');
  if (slash != std::string_view::npos) code.remove_prefix(slash + 1);
  std::string out(code);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The groups of an actor under the dimension; an actor with no value is "unspecified".
std::vector<std::string> GroupKeys(const model::Actor& a, const std::string& dimension) {
  std::vector<std::string> keys;
  if (dimension == "sector") {
    auto it = a.attributes.find("sector");
    if (it != a.attributes.end()) keys.push_back(Trimmed(it->second));
  } else if (dimension == "activity") {
    keys.push_back(NormaliseCode(Trimmed(a.primary_activity)));
  } else if (dimension == "kind") {
    keys.emplace_back(model::ToString(a.kind));
  } else if (dimension == "structure") {
    for (const std::string& s : a.structures) keys.push_back(NormaliseCode(Trimmed(s)));
  } else {
    return keys;
  }
  std::erase(keys, std::string());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (keys.empty()) keys.emplace_back(kUnspecifiedGroup);
  return keys;
}

struct ActorFacts {
  const model::Actor* actor = nullptr;
  std::optional<int> founded;    // set when usable for births, deaths and active counts
  std::optional<int> dissolved;  // set when dissolved (and usable)
  bool unknown_founded = false;
  bool has_dissolved = false;  // a dissolved date is written, usable or not
  bool unusable_dissolved = false;
  std::vector<size_t> groups;  // into Trends::groups
};

// A warning of `kind` about a value; `vars` fill its texts (internal::WarningText).
void Warn(Trends& t, std::string actor_id, std::string field, std::string value,
          std::string_view kind,
          const std::vector<std::pair<std::string, std::string>>& vars = {}) {
  ++t.warnings_total;
  if (t.warnings.size() >= kMaxTrendsWarnings) return;
  TrendsWarning w{std::move(actor_id), std::move(field),
                  std::move(value),    "",
                  std::string(kind),   internal::WarningText(kind, vars)};
  w.message = w.text["en"];
  t.warnings.push_back(std::move(w));
}

ActorFacts ReadDates(const model::Actor& a, Trends& t) {
  ActorFacts f;
  f.actor = &a;
  f.has_dissolved = !a.dissolved.empty();
  std::optional<int> founded = internal::DateYear(a.founded);
  std::optional<int> dissolved = internal::DateYear(a.dissolved);
  if (!a.founded.empty() && !founded) {
    Warn(t, a.id, "founded", a.founded, "founded");
  }
  if (f.has_dissolved && !dissolved) {
    Warn(t, a.id, "dissolved", a.dissolved, "dissolved");
  } else if (founded && dissolved && *dissolved < *founded) {
    Warn(t, a.id, "dissolved", a.dissolved, "dissolved_before_founded", {{"founded", a.founded}});
    dissolved.reset();
  }
  if (!founded) {
    f.unknown_founded = true;
  } else if (f.has_dissolved && !dissolved) {
    f.unusable_dissolved = true;
  } else {
    f.founded = founded;
    f.dissolved = dissolved;
  }
  return f;
}

// --- indicators ---

struct Figure {
  double value = 0;
  const store::IndicatorRecord* record = nullptr;
  bool repeated = false;
};

// Figures per in-scope actor (ActorFacts order), per indicator (Trends::indicators order), by
// year.
using FigureTable = std::vector<std::vector<std::map<int, Figure>>>;

// Of two records for the same actor, name and year: the later year end, then the later record,
// then the greater source name (so that the choice does not depend on the input order).
bool Supersedes(const store::IndicatorRecord& a, const store::IndicatorRecord& b) {
  if (a.as_of != b.as_of) return a.as_of > b.as_of;
  if (a.recorded_at != b.recorded_at) return a.recorded_at > b.recorded_at;
  return a.source > b.source;
}

struct Candidate {
  const store::IndicatorRecord* record;
  size_t actor;  // into the ActorFacts
  int year;
};

// Readable records of in-scope actors, with the count of records per name and unit.
std::vector<Candidate> ReadRecords(const std::vector<store::IndicatorRecord>& records,
                                   const std::unordered_map<std::string, size_t>& position,
                                   const std::vector<std::string>& asked,
                                   std::map<std::string, std::map<std::string, int64_t>>& units,
                                   Trends& t) {
  std::vector<Candidate> out;
  for (const store::IndicatorRecord& r : records) {
    auto it = position.find(r.actor_id);
    if (it == position.end()) continue;  // another territory, deleted or unknown actor
    if (!asked.empty() && std::find(asked.begin(), asked.end(), r.name) == asked.end()) continue;
    std::optional<int> year = internal::DateYear(r.period);
    if (!year) {
      Warn(t, r.actor_id, "indicator:" + r.name, r.period, "period");
      continue;
    }
    if (!std::isfinite(r.value)) {
      Warn(t, r.actor_id, "indicator:" + r.name, r.period, "value");
      continue;
    }
    ++units[r.name][r.unit];
    out.push_back({&r, it->second, *year});
  }
  return out;
}

// The most frequent unit (ties: the first by name).
std::string MainUnit(const std::map<std::string, int64_t>& counts) {
  std::string best;
  int64_t most = -1;
  for (const auto& [unit, n] : counts) {
    if (n > most) best = unit, most = n;
  }
  return best;
}

FigureTable ReadFigures(const std::vector<store::IndicatorRecord>& records,
                        const std::unordered_map<std::string, size_t>& position, size_t actor_count,
                        const TrendsQuery& q, Trends& t) {
  std::map<std::string, std::map<std::string, int64_t>> units;
  std::vector<Candidate> candidates = ReadRecords(records, position, q.indicators, units, t);
  std::vector<std::string> names = q.indicators;
  if (names.empty()) {
    for (const auto& [name, unused] : units) names.push_back(name);
  }
  std::map<std::string, size_t> index;
  for (const std::string& name : names) {
    if (index.count(name)) continue;  // a name asked twice is reported once
    index[name] = t.indicators.size();
    auto u = units.find(name);
    t.indicators.push_back({name, u == units.end() ? "" : MainUnit(u->second), 0, 0});
  }
  FigureTable table(actor_count, std::vector<std::map<int, Figure>>(t.indicators.size()));
  for (const Candidate& c : candidates) {
    auto k = index.find(c.record->name);
    if (k == index.end()) continue;
    TrendIndicator& ind = t.indicators[k->second];
    if (c.record->unit != ind.unit) {
      ++ind.other_units;
      continue;
    }
    Figure& slot = table[c.actor][k->second][c.year];
    if (slot.record == nullptr || Supersedes(*c.record, *slot.record)) {
      slot = {c.record->value, c.record, false};
    }
  }
  for (const TrendIndicator& ind : t.indicators) {
    if (ind.other_units == 0) continue;
    Warn(t, "", "indicator:" + ind.name, "", "other_units",
         {{"n", std::to_string(ind.other_units)},
          {"unit", ind.unit.empty() ? std::string("none") : ind.unit}});
  }
  return table;
}

// A figure repeats an earlier year's accounts when it describes the same year end.
void MarkRepeats(FigureTable& table) {
  for (auto& per_actor : table) {
    for (auto& by_year : per_actor) {
      const std::string* previous = nullptr;
      for (auto& [year, fig] : by_year) {
        fig.repeated = previous != nullptr && !previous->empty() && *previous == fig.record->as_of;
        previous = &fig.record->as_of;
      }
    }
  }
}

// --- the span ---

void Extend(std::optional<int> year, int& lo, int& hi) {
  if (!year) return;
  lo = std::min(lo, *year);
  hi = std::max(hi, *year);
}

// The query's years, the data's where it gives none (within the years a query may name); false
// when neither gives a year.
bool Span(const TrendsQuery& q, const std::vector<ActorFacts>& facts, const FigureTable& table,
          int& from, int& to) {
  int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
  for (const ActorFacts& f : facts) {
    Extend(f.founded, lo, hi);
    Extend(f.dissolved, lo, hi);
  }
  for (const auto& per_actor : table) {
    for (const auto& by_year : per_actor) {
      if (by_year.empty()) continue;
      Extend(by_year.begin()->first, lo, hi);
      Extend(by_year.rbegin()->first, lo, hi);
    }
  }
  const bool data = lo <= hi;
  if (data) {
    lo = std::clamp(lo, kTrendsFirstYear, kTrendsLastYear);
    hi = std::clamp(hi, kTrendsFirstYear, kTrendsLastYear);
  }
  if (q.from_year && q.to_year) {
    from = *q.from_year;
    to = *q.to_year;
  } else if (q.from_year) {
    from = *q.from_year;
    to = data ? std::max(from, hi) : from;
  } else if (q.to_year) {
    to = *q.to_year;
    from = data ? std::min(to, lo) : to;
  } else if (data) {
    from = lo;
    to = hi;
  }
  return data || q.from_year || q.to_year;
}

// Figures of each indicator in the span.
void CountFigures(const FigureTable& table, Trends& t) {
  for (const auto& per_actor : table) {
    for (size_t k = 0; k < t.indicators.size(); ++k) {
      const auto& by_year = per_actor[k];
      for (auto it = by_year.lower_bound(t.from_year); it != by_year.end(); ++it) {
        if (it->first > t.to_year) break;
        ++t.indicators[k].figures;
      }
    }
  }
}

// --- the table of one group ---

void CountDemography(const std::vector<const ActorFacts*>& members, int from,
                     std::vector<TrendYear>& years) {
  const int to = from + static_cast<int>(years.size()) - 1;
  int64_t active = 0;
  for (const ActorFacts* f : members) {
    if (!f->founded) continue;
    const int fy = *f->founded;
    if (fy < from && (!f->dissolved || *f->dissolved >= from)) ++active;
    if (fy >= from && fy <= to) ++years[static_cast<size_t>(fy - from)].births;
    if (f->dissolved && *f->dissolved >= from && *f->dissolved <= to) {
      ++years[static_cast<size_t>(*f->dissolved - from)].deaths;
    }
  }
  for (TrendYear& y : years) {
    y.active_start = active;
    y.net_change = y.births - y.deaths;
    y.active_end = active = active + y.net_change;
    if (y.active_start > 0) {
      y.birth_rate = 100.0 * static_cast<double>(y.births) / static_cast<double>(y.active_start);
      y.death_rate = 100.0 * static_cast<double>(y.deaths) / static_cast<double>(y.active_start);
    }
  }
}

double Median(std::vector<double>& values) {
  if (values.empty()) return kNoValue;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return values[mid];
  return (values[mid - 1] + values[mid]) / 2;
}

void AddFigures(const std::map<int, Figure>& by_year, int from, std::vector<TrendYear>& years,
                size_t k, std::vector<std::vector<double>>& values) {
  for (auto it = by_year.lower_bound(from); it != by_year.end(); ++it) {
    const auto y = static_cast<size_t>(it->first - from);
    if (y >= years.size()) break;
    IndicatorYear& iy = years[y].indicators[k];
    ++iy.count;
    iy.sum += it->second.value;
    if (it->second.repeated) ++iy.repeated;
    values[y].push_back(it->second.value);
    if (y == 0 || it->second.repeated) continue;
    auto before = by_year.find(it->first - 1);
    if (before == by_year.end()) continue;
    ++iy.same_sample_actors;
    iy.same_sample_previous += before->second.value;
    iy.same_sample_current += it->second.value;
  }
}

void CountIndicator(const std::vector<const ActorFacts*>& members,
                    const std::vector<ActorFacts>& facts, const FigureTable& table, int from,
                    size_t k, std::vector<TrendYear>& years) {
  std::vector<std::vector<double>> values(years.size());
  for (const ActorFacts* f : members) {
    const auto pos = static_cast<size_t>(f - facts.data());
    AddFigures(table[pos][k], from, years, k, values);
  }
  for (size_t y = 0; y < years.size(); ++y) {
    IndicatorYear& iy = years[y].indicators[k];
    iy.median = Median(values[y]);
    if (iy.same_sample_actors == 0) continue;
    iy.same_sample_change = iy.same_sample_current - iy.same_sample_previous;
    if (iy.same_sample_previous != 0) {
      iy.same_sample_change_pct =
          100.0 * iy.same_sample_change / std::fabs(iy.same_sample_previous);
    }
  }
}

void Summarise(TrendGroup& g, const TrendsQuery& q, int from, int to) {
  TrendSummary& s = g.summary;
  for (const TrendYear& y : g.years) {
    s.births += y.births;
    s.deaths += y.deaths;
    if (y.births > s.peak_births) s.peak_births = y.births, s.peak_birth_year = y.year;
    if (y.deaths > s.peak_deaths) s.peak_deaths = y.deaths, s.peak_death_year = y.year;
  }
  if (!g.years.empty()) {
    s.active_start = g.years.front().active_start;
    s.active_end = g.years.back().active_end;
    if (s.active_start > 0) {
      const double ratio = static_cast<double>(s.active_end) / static_cast<double>(s.active_start);
      s.cagr = std::pow(ratio, 1.0 / static_cast<double>(g.years.size())) - 1;
    }
  }
  s.text = internal::TrendText(g, q, from, to);
}

void FillGroup(TrendGroup& g, const std::vector<const ActorFacts*>& members,
               const std::vector<ActorFacts>& facts, const FigureTable& table, const Trends& t,
               bool has_span) {
  g.actors = static_cast<int64_t>(members.size());
  for (const ActorFacts* f : members) {
    if (f->unknown_founded) ++g.unknown_founded;
    if (f->unknown_founded && f->has_dissolved) ++g.unknown_founded_dissolved;
    if (f->unusable_dissolved) ++g.unusable_dissolved;
  }
  if (has_span) {
    for (int y = t.from_year; y <= t.to_year; ++y) {
      g.years.push_back({});
      g.years.back().year = y;
      g.years.back().indicators.resize(t.indicators.size());
    }
    CountDemography(members, t.from_year, g.years);
    for (size_t k = 0; k < t.indicators.size(); ++k) {
      CountIndicator(members, facts, table, t.from_year, k, g.years);
    }
  }
  Summarise(g, t.query, t.from_year, t.to_year);
}

// Group keys in order, kUnspecifiedGroup last, and each actor's groups.
std::vector<std::string> AssignGroups(std::vector<ActorFacts>& facts, const std::string& dim) {
  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = 0; i < facts.size(); ++i) {
    for (std::string& key : GroupKeys(*facts[i].actor, dim)) by_key[std::move(key)].push_back(i);
  }
  std::vector<std::string> keys;
  for (const auto& [key, unused] : by_key) {
    if (key != kUnspecifiedGroup) keys.push_back(key);
  }
  if (by_key.count(std::string(kUnspecifiedGroup))) keys.emplace_back(kUnspecifiedGroup);
  for (size_t g = 0; g < keys.size(); ++g) {
    for (size_t i : by_key[keys[g]]) facts[i].groups.push_back(g);
  }
  return keys;
}

}  // namespace

Result<Trends> ComputeTrends(const std::vector<model::Actor>& actors,
                             const std::vector<store::IndicatorRecord>& indicators,
                             const TrendsQuery& query) {
  ECOSOL_RETURN_IF_ERROR(CheckQuery(query));
  Trends t;
  t.query = query;
  std::vector<ActorFacts> facts;
  std::unordered_map<std::string, size_t> position;
  for (const model::Actor& a : actors) {
    if (a.deleted || !InTerritory(a.territory, query.territory)) continue;
    if (!position.emplace(a.id, facts.size()).second) continue;  // an id given twice
    facts.push_back(ReadDates(a, t));
  }
  FigureTable table = ReadFigures(indicators, position, facts.size(), query, t);
  MarkRepeats(table);
  const bool has_span = Span(query, facts, table, t.from_year, t.to_year);
  if (has_span) CountFigures(table, t);
  const std::vector<std::string> keys =
      query.dimension == "none" ? std::vector<std::string>() : AssignGroups(facts, query.dimension);
  std::vector<std::vector<const ActorFacts*>> members(keys.size());
  std::vector<const ActorFacts*> everyone;
  for (const ActorFacts& f : facts) {
    everyone.push_back(&f);
    for (size_t g : f.groups) members[g].push_back(&f);
    if (f.groups.size() > 1) t.groups_overlap = true;
  }
  t.total.key = kAllGroup;
  FillGroup(t.total, everyone, facts, table, t, has_span);
  for (size_t g = 0; g < keys.size(); ++g) {
    t.groups.push_back({});
    t.groups.back().key = keys[g];
    FillGroup(t.groups.back(), members[g], facts, table, t, has_span);
  }
  return t;
}

}  // namespace ecosol::ecosystem
