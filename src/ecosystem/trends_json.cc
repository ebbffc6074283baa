// Trends as JSON for the API and as CSV for researchers (trends.h).

#include <charconv>
#include <cmath>

#include "ecosol/ecosystem/trends.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

json Number(double x) { return std::isfinite(x) ? json(x) : json(); }

json Year(const std::optional<int>& y) { return y ? json(*y) : json(); }

json IndicatorJson(const IndicatorYear& iy) {
  return {{"sum", iy.sum},
          {"count", iy.count},
          {"median", Number(iy.median)},
          {"repeated", iy.repeated},
          {"same_sample",
           {{"actors", iy.same_sample_actors},
            {"previous", iy.same_sample_previous},
            {"current", iy.same_sample_current},
            {"change", Number(iy.same_sample_change)},
            {"change_pct", Number(iy.same_sample_change_pct)}}}};
}

json YearJson(const TrendYear& y, const std::vector<TrendIndicator>& indicators) {
  json by_name = json::object();
  for (size_t k = 0; k < indicators.size() && k < y.indicators.size(); ++k) {
    by_name[indicators[k].name] = IndicatorJson(y.indicators[k]);
  }
  return {{"year", y.year},
          {"births", y.births},
          {"deaths", y.deaths},
          {"active_start", y.active_start},
          {"active_end", y.active_end},
          {"net_change", y.net_change},
          {"birth_rate", Number(y.birth_rate)},
          {"death_rate", Number(y.death_rate)},
          {"indicators", std::move(by_name)}};
}

json SummaryJson(const TrendSummary& s, std::string_view language) {
  json text = json::object();
  if (language.empty()) {
    for (const auto& [lang, sentence] : s.text) text[lang] = sentence;
  } else {
    auto it = s.text.find(std::string(language));
    text = it == s.text.end() ? json() : json(it->second);
  }
  return {{"births", s.births},
          {"deaths", s.deaths},
          {"active_start", s.active_start},
          {"active_end", s.active_end},
          {"cagr", Number(s.cagr)},
          {"peak_birth_year", Year(s.peak_birth_year)},
          {"peak_births", s.peak_births},
          {"peak_death_year", Year(s.peak_death_year)},
          {"peak_deaths", s.peak_deaths},
          {"text", std::move(text)}};
}

json GroupJson(const TrendGroup& g, const std::vector<TrendIndicator>& indicators,
               std::string_view language) {
  json years = json::array();
  for (const TrendYear& y : g.years) years.push_back(YearJson(y, indicators));
  return {{"key", g.key},
          {"actors", g.actors},
          {"unknown_founded", g.unknown_founded},
          {"unknown_founded_dissolved", g.unknown_founded_dissolved},
          {"unusable_dissolved", g.unusable_dissolved},
          {"summary", SummaryJson(g.summary, language)},
          {"years", std::move(years)}};
}

json QueryJson(const TrendsQuery& q) {
  return {{"territory", q.territory},
          {"dimension", q.dimension},
          {"from", Year(q.from_year)},
          {"to", Year(q.to_year)},
          {"indicators", q.indicators}};
}

// --- CSV ---

std::string Cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The shortest text that reads back as the same double; empty for NaN.
std::string Cell(double x) {
  if (!std::isfinite(x)) return "";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, end) : "";
}

std::string Cell(int64_t n) { return std::to_string(n); }

constexpr const char* kIndicatorColumns[] = {"sum",
                                             "count",
                                             "median",
                                             "repeated",
                                             "same_sample_actors",
                                             "same_sample_change",
                                             "same_sample_change_pct"};

std::string Header(const Trends& t) {
  std::string line =
      "dimension,group,year,births,deaths,active_start,active_end,net_change,birth_rate,"
      "death_rate";
  for (const TrendIndicator& ind : t.indicators) {
    for (const char* column : kIndicatorColumns) line += "," + Cell(ind.name + "_" + column);
  }
  return line + "\r\n";
}

std::string Row(const std::string& dimension, const TrendGroup& g, const TrendYear& y) {
  std::string line = Cell(dimension) + "," + Cell(g.key) + "," + std::to_string(y.year) + "," +
                     Cell(y.births) + "," + Cell(y.deaths) + "," + Cell(y.active_start) + "," +
                     Cell(y.active_end) + "," + Cell(y.net_change) + "," + Cell(y.birth_rate) +
                     "," + Cell(y.death_rate);
  for (const IndicatorYear& iy : y.indicators) {
    line += "," + Cell(iy.sum) + "," + Cell(iy.count) + "," + Cell(iy.median) + "," +
            Cell(iy.repeated) + "," + Cell(iy.same_sample_actors) + "," +
            Cell(iy.same_sample_change) + "," + Cell(iy.same_sample_change_pct);
  }
  return line + "\r\n";
}

}  // namespace

Result<nlohmann::json> TrendsToJson(const Trends& t, std::string_view language) {
  if (!language.empty() && language != "en" && language != "fr" && language != "es" &&
      language != "pt") {
    return InvalidArgument("language: expected en, fr, es or pt (or none for all four), got '" +
                           std::string(language) + "'");
  }
  json indicators = json::array();
  for (const TrendIndicator& ind : t.indicators) {
    indicators.push_back({{"name", ind.name},
                          {"unit", ind.unit},
                          {"figures", ind.figures},
                          {"other_units", ind.other_units}});
  }
  json groups = json::array();
  for (const TrendGroup& g : t.groups) groups.push_back(GroupJson(g, t.indicators, language));
  json warnings = json::array();
  for (const TrendsWarning& w : t.warnings) {
    // The message in the language asked for; English without one (the field was English only
    // before the translations, and clients read it as one string). `kind` says what is wrong.
    std::string message = w.message;
    if (!language.empty()) {
      auto it = w.text.find(std::string(language));
      if (it != w.text.end()) message = it->second;
    }
    warnings.push_back({{"actor_id", w.actor_id},
                        {"field", w.field},
                        {"value", w.value},
                        {"kind", w.kind},
                        {"message", std::move(message)}});
  }
  const bool has_span = t.from_year != 0;
  return json{{"query", QueryJson(t.query)},
              {"from", has_span ? json(t.from_year) : json()},
              {"to", has_span ? json(t.to_year) : json()},
              {"indicators", std::move(indicators)},
              {"total", GroupJson(t.total, t.indicators, language)},
              {"groups", std::move(groups)},
              {"groups_overlap", t.groups_overlap},
              {"warnings", std::move(warnings)},
              {"warnings_total", t.warnings_total}};
}

std::string TrendsToCsv(const Trends& t) {
  std::string csv = Header(t);
  for (const TrendYear& y : t.total.years) csv += Row("none", t.total, y);
  for (const TrendGroup& g : t.groups) {
    for (const TrendYear& y : g.years) csv += Row(t.query.dimension, g, y);
  }
  return csv;
}

}  // namespace ecosol::ecosystem
