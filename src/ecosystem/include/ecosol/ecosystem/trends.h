#pragma once

// Dynamics of an ecosystem (docs/ecosystem.md, "Trends"): births and deaths of organisations
// per year, the organisations active at each year end, and the sums, medians and same-sample
// changes of their yearly indicators (turnover, members, employees...), for a territory, broken
// down by sector, activity, kind or structure.
//
//   TrendsQuery q;
//   q.territory = "GB/wales";         // "GB/wales" and below, never "GB/walesx"
//   q.dimension = "sector";           // one row per sector and year, besides the total
//   q.from_year = 2011;
//   q.to_year = 2016;
//   Result<Trends> t = ComputeTrends(actors, indicators, q);
//   if (!t.ok()) return t.status();  // InvalidArgument: what is wrong and how to fix it
//   Result<nlohmann::json> body = TrendsToJson(*t, "fr");   // the API's shape
//   std::string csv = TrendsToCsv(*t);                       // one row per group and year
//
// A pure function over in-memory snapshots (no store, no clock); nothing throws. Thread safety:
// value types; concurrent calls share nothing.

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/store/resolution.h"

namespace ecosol::ecosystem {

// Years a query may name.
inline constexpr int kTrendsFirstYear = 1800;
inline constexpr int kTrendsLastYear = 2100;
// Warnings kept in Trends::warnings; Trends::warnings_total counts them all.
inline constexpr size_t kMaxTrendsWarnings = 500;
// The group of actors that have no value for the dimension (no sector, no primary activity, no
// structure).
inline constexpr std::string_view kUnspecifiedGroup = "unspecified";
// The key of Trends::total.
inline constexpr std::string_view kAllGroup = "all";

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct TrendsQuery {
  // Territory id: the actors placed in it or below it (prefix + '/'); empty: every actor.
  std::string territory;
  // The name of the territory in the sentences (default: its id).
  std::string territory_name;
  // The breakdown besides the total: "none", "sector" (attributes["sector"]), "activity"
  // (primary_activity, an ICA code), "kind" (organisation, network, ...) or "structure"
  // (ESSGlobal OS codes: an actor with several structures is in each of their groups).
  std::string dimension = "none";
  // The years of the table, in [kTrendsFirstYear, kTrendsLastYear]; unset: the first (last)
  // year of the data in scope (foundings, dissolutions and indicator periods), within that range.
  std::optional<int> from_year;
  std::optional<int> to_year;
  // Indicator names to report, in this order; empty: every name found in scope, sorted.
  std::vector<std::string> indicators;
};

// One indicator in one group and year. Each reporting actor gives one figure per year (of
// several records for the same actor, name and year, the latest as_of wins).
struct IndicatorYear {
  int64_t count = 0;  // actors reporting a figure
  double sum = 0;
  double median = kNoValue;  // NaN when no actor reports
  // Of `count`, figures that repeat the accounts of an earlier year (the same as_of: no new
  // accounts were filed, as in the Co-ops UK economy file).
  int64_t repeated = 0;
  // Same-sample change: over the actors that report new accounts this year (not repeated) and
  // a figure the year before, the sum of their figures last year and this year. NaN in the
  // table's first year; change_pct is 100 * change / |previous|, NaN when previous is 0.
  int64_t same_sample_actors = 0;
  double same_sample_previous = 0;
  double same_sample_current = 0;
  double same_sample_change = kNoValue;
  double same_sample_change_pct = kNoValue;
};

// One group in one year. Active counts exclude actors without a usable founding year.
struct TrendYear {
  int year = 0;
  int64_t births = 0;            // founded in the year
  int64_t deaths = 0;            // dissolved in the year
  int64_t active_start = 0;      // founded before the year, not dissolved before it
  int64_t active_end = 0;        // founded in or before the year, not dissolved by its end
  int64_t net_change = 0;        // births - deaths = active_end - active_start
  double birth_rate = kNoValue;  // births per 100 active at the start; NaN when none were
  double death_rate = kNoValue;
  std::vector<IndicatorYear> indicators;  // in the order of Trends::indicators
};

struct TrendSummary {
  int64_t births = 0;  // over the span
  int64_t deaths = 0;
  int64_t active_start = 0;  // at the start of the first year
  int64_t active_end = 0;    // at the end of the last year
  // Compound annual growth of the active organisations over the span's (to - from + 1) years,
  // as a fraction (-0.017 is -1.7% a year); NaN when none were active at the start.
  double cagr = kNoValue;
  std::optional<int> peak_birth_year;  // the (first) year of most births; none without births
  int64_t peak_births = 0;
  std::optional<int> peak_death_year;
  int64_t peak_deaths = 0;
  model::LocalisedText text;  // the trend in words: "en", "fr", "es", "pt"
};

struct TrendGroup {
  std::string key;     // kAllGroup, a sector, an ICA or OS code, a kind, or kUnspecifiedGroup
  int64_t actors = 0;  // non-deleted actors in scope and in the group
  // Actors left out of births, deaths and active counts: no usable founding date (empty or
  // unreadable), and of those how many have a dissolved date; or a dissolved date that is
  // unreadable or before the founding date.
  int64_t unknown_founded = 0;
  int64_t unknown_founded_dissolved = 0;
  int64_t unusable_dissolved = 0;
  std::vector<TrendYear> years;  // from_year to to_year
  TrendSummary summary;
};

struct TrendIndicator {
  std::string name;
  std::string unit;         // the unit summed (the most frequent one in scope)
  int64_t figures = 0;      // records used
  int64_t other_units = 0;  // records left out for another unit (a warning says which)
};

// A record that could not be read: an actor's founded or dissolved date, an indicator's
// period, unit or value. Empty actor_id: about many records.
struct TrendsWarning {
  std::string actor_id;
  std::string field;  // "founded", "dissolved", "indicator:turnover"...
  std::string value;
  std::string message;  // in English
  // What is wrong, a stable id: "founded" (not a date), "dissolved" (not a date),
  // "dissolved_before_founded", "period" (not a year or a date), "value" (not a finite number),
  // "other_units" (figures in another unit than the indicator's, left out of the sums).
  std::string kind;
  model::LocalisedText text;  // the message in "en", "fr", "es" and "pt"
};

struct Trends {
  TrendsQuery query;  // as asked
  int from_year = 0;  // the span used (0 and 0 when there is no data in scope)
  int to_year = 0;
  std::vector<TrendIndicator> indicators;
  TrendGroup total;                     // every actor in scope, key kAllGroup
  std::vector<TrendGroup> groups;       // by key, kUnspecifiedGroup last; empty for "none"
  bool groups_overlap = false;          // an actor is in several groups ("structure")
  std::vector<TrendsWarning> warnings;  // at most kMaxTrendsWarnings
  int64_t warnings_total = 0;
};

// The table of births, deaths, active organisations and indicators. Deleted actors, actors out
// of the territory, and indicators of other actors are left out. Errors: InvalidArgument for an
// unknown dimension, a year out of [kTrendsFirstYear, kTrendsLastYear], from_year > to_year, a
// malformed territory id or an empty indicator name.
Result<Trends> ComputeTrends(const std::vector<model::Actor>& actors,
                             const std::vector<store::IndicatorRecord>& indicators,
                             const TrendsQuery& query);

// The JSON the API returns (docs/ecosystem.md, "Trends"); NaN figures are null. `language`
// "en", "fr", "es" or "pt" gives each summary text as a string; "" gives the four languages as
// an object. InvalidArgument for another language.
Result<nlohmann::json> TrendsToJson(const Trends& trends, std::string_view language = "");

// The yearly table as CSV (RFC 4180, a header line): one row per group and year, the total's
// rows first (dimension "none", group "all"), then columns per indicator
// (<name>_sum, _count, _median, _repeated, _same_sample_actors, _same_sample_change,
// _same_sample_change_pct). NaN figures are empty cells.
std::string TrendsToCsv(const Trends& trends);

}  // namespace ecosol::ecosystem
