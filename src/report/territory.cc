// The territory report: the document from computed figures, and from the store.

#include "ecosol/report/territory.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/trends_service.h"
#include "ecosol/report/charts.h"
#include "texts.h"

namespace ecosol::report {
namespace {

using internal::GroupLabel;
using internal::Words;

// A text with its {placeholders} filled.
std::string Fill(std::string_view key, std::string_view lang,
                 std::initializer_list<std::pair<const char*, std::string>> values) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const auto& [name, value] : values) args.push_back(fmt::arg(name, value));
  return fmt::vformat(Words(key, lang), args);
}

// A number with `decimals` decimals and the language's decimal separator.
std::string Number(double v, int decimals, std::string_view lang) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (lang != "en") std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Count(long long v) { return std::to_string(v); }

const std::string& In(const ecosystem::Text& text, const std::string& lang) {
  auto it = text.find(lang);
  if (it != text.end()) return it->second;
  static const std::string empty;
  auto en = text.find("en");
  return en != text.end() ? en->second : empty;
}

// The groups present among `groups`, most frequent first, as a legend.
Legend LegendOf(const std::vector<std::string>& groups, const std::string& lang) {
  std::map<std::string, size_t> counts;
  for (const auto& g : groups) ++counts[g];
  std::vector<std::pair<std::string, size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  Legend legend;
  for (const auto& [group, unused] : sorted) legend.emplace_back(group, GroupLabel(group, lang));
  return legend;
}

void Summary(const TerritoryReportData& d, Document* doc) {
  const std::string& lang = d.lang;
  const auto& b = d.blocks;
  doc->blocks.push_back(Heading(Words("summary", lang)));
  const auto type = d.framework->type_labels.find(std::string(ecosystem::ToString(b.type.type)));
  const std::string type_label = type != d.framework->type_labels.end()
                                     ? In(type->second, lang)
                                     : std::string(ecosystem::ToString(b.type.type));
  // The reason starts with the type's label ("enabling: institutional support ..."): the
  // sentence then goes on from it.
  std::string sentence = Fill("type", lang, {{"type", type_label}});
  const std::string& reason = In(b.type.reason, lang);
  if (reason.rfind(type_label, 0) == 0 && !sentence.empty() && sentence.back() == '.') {
    sentence.pop_back();
    sentence += reason.substr(type_label.size());
  } else {
    sentence += " " + reason;
  }
  doc->blocks.push_back(Paragraph(sentence));
  Table t;
  t.header = {Words("indicator", lang), Words("value", lang)};
  t.numeric = {false, true};
  const auto& hi = b.indicators;
  t.rows.push_back({Words("actors", lang), Count(hi.actors)});
  t.rows.push_back({Words("sse_actors", lang), Count(hi.sse_actors)});
  t.rows.push_back(
      {Words("population", lang), hi.population ? Count(*hi.population) : Words("unknown", lang)});
  t.rows.push_back({Words("sse_per_10000", lang), hi.sse_per_10000
                                                      ? Number(*hi.sse_per_10000, 1, lang)
                                                      : In(hi.sse_per_10000_note, lang)});
  t.rows.push_back({Words("raters", lang), Count(b.raters)});
  t.rows.push_back({Words("ties", lang), Count(static_cast<long long>(d.network.edges.size()))});
  t.rows.push_back({Words("stage", lang), d.metrics.weaving.reason});
  doc->blocks.push_back(TableBlock(std::move(t)));
}

void Map(const TerritoryReportData& d, Document* doc) {
  const std::string& lang = d.lang;
  doc->blocks.push_back(Heading(Words("map", lang)));
  std::vector<MapPoint> points;
  std::vector<std::string> groups;
  for (const model::Actor& a : d.actors) {
    if (!a.location || a.deleted) continue;
    const std::string group = ecosystem::ActorGroup(a);
    points.push_back({a.location->lon, a.location->lat, group});
    groups.push_back(group);
  }
  if (points.empty()) {
    doc->blocks.push_back(Paragraph(Words("no_location", lang)));
    return;
  }
  doc->blocks.push_back(
      FigureBlock(MapChart(points, LegendOf(groups, lang),
                           Fill("map_caption", lang,
                                {{"located", Count(static_cast<long long>(points.size()))},
                                 {"actors", Count(static_cast<long long>(d.actors.size()))}}),
                           Fill("map_alt", lang, {{"name", d.blocks.territory_name}}))));
}

void Blocks(const TerritoryReportData& d, Document* doc) {
  const std::string& lang = d.lang;
  const ecosystem::BlocksFramework& f = *d.framework;
  doc->blocks.push_back(Heading(Words("blocks", lang)));
  std::vector<Bar> bars;
  Table t;
  t.header = {Words("block", lang),    Words("hard", lang),    Words("perception", lang),
              Words("coverage", lang), Words("covered", lang), Words("evidence", lang)};
  t.numeric = {false, true, true, true, false, false};
  for (const auto& c : d.blocks.blocks) {
    const ecosystem::Block* block = f.FindBlock(c.block);
    const std::string label = block != nullptr ? In(block->label, lang) : c.block;
    bars.push_back({label, c.coverage});
    std::vector<std::string> names;
    for (const auto& e : c.evidence) {
      if (std::find(names.begin(), names.end(), e.name) == names.end()) names.push_back(e.name);
    }
    std::string evidence;
    for (size_t i = 0; i < names.size() && i < 3; ++i) evidence += (i ? "; " : "") + names[i];
    if (names.size() > 3) evidence += fmt::format(" (+{})", names.size() - 3);
    t.rows.push_back({label, Number(c.hard, 0, lang),
                      c.perception ? Number(*c.perception, 0, lang) : Words("not_rated", lang),
                      Number(c.coverage, 0, lang), Words(c.covered ? "yes" : "no", lang),
                      evidence.empty() ? "–" : evidence});
  }
  doc->blocks.push_back(FigureBlock(BarChart(
      bars, 100, f.covered, Fill("blocks_caption", lang, {{"covered", Number(f.covered, 0, lang)}}),
      Words("blocks_caption", lang).substr(0, Words("blocks_caption", lang).find(';')))));
  doc->blocks.push_back(TableBlock(std::move(t)));
  doc->blocks.push_back(Heading(Words("missing", lang), 3));
  std::vector<std::string> missing;
  for (const auto& s : d.blocks.indicators.signals) {
    if (s.present) continue;
    for (const auto& signal : f.signals) {
      if (signal.id == s.id) missing.push_back(In(signal.absent, lang));
    }
  }
  if (missing.empty()) {
    doc->blocks.push_back(Paragraph(Words("nothing_missing", lang)));
  } else {
    doc->blocks.push_back(Bullets(std::move(missing)));
  }
}

Status NetworkSection(const TerritoryReportData& d, Document* doc) {
  const std::string& lang = d.lang;
  const auto& net = d.network;
  const auto& m = d.metrics;
  doc->blocks.push_back(Heading(Words("network", lang)));
  doc->blocks.push_back(Paragraph(m.weaving.reason));
  std::vector<size_t> tied;
  for (size_t i = 0; i < net.nodes.size() && i < m.node_metrics.size(); ++i) {
    if (m.node_metrics[i].degree > 0) tied.push_back(i);
  }
  if (tied.empty()) {
    doc->blocks.push_back(Paragraph(Words("no_ties", lang)));
    return Status::Ok();
  }
  auto by_degree = [&](size_t a, size_t b) {
    const auto& ma = m.node_metrics[a];
    const auto& mb = m.node_metrics[b];
    if (ma.degree != mb.degree) return ma.degree > mb.degree;
    return net.nodes[a].name < net.nodes[b].name;
  };
  std::vector<size_t> drawn = tied;
  std::stable_sort(drawn.begin(), drawn.end(), by_degree);
  if (drawn.size() > kMaxDrawnNodes) drawn.resize(kMaxDrawnNodes);
  // The drawn actors and the ties between them, laid out together.
  std::vector<int> index(net.nodes.size(), -1);
  ecosystem::Network sub;
  for (size_t k = 0; k < drawn.size(); ++k) {
    index[drawn[k]] = static_cast<int>(k);
    sub.nodes.push_back(net.nodes[drawn[k]]);
  }
  std::vector<std::pair<int, int>> ties;
  for (const auto& e : net.edges) {
    const int a = index[static_cast<size_t>(e.from)], b = index[static_cast<size_t>(e.to)];
    if (a < 0 || b < 0) continue;
    ecosystem::Edge copy = e;
    copy.from = a;
    copy.to = b;
    sub.edges.push_back(copy);
    ties.emplace_back(a, b);
  }
  auto layout = ecosystem::LayoutNetwork(sub);
  if (!layout.ok()) return layout.status();
  std::vector<NetNode> nodes;
  std::vector<std::string> groups;
  for (size_t k = 0; k < drawn.size(); ++k) {
    const auto& node = net.nodes[drawn[k]];
    nodes.push_back({(*layout)[k].x, (*layout)[k].y,
                     static_cast<double>(m.node_metrics[drawn[k]].degree), node.group,
                     k < kNamedNodes ? node.name : ""});
    groups.push_back(node.group);
  }
  std::string caption = Fill("network_caption", lang,
                             {{"shown", Count(static_cast<long long>(drawn.size()))},
                              {"nodes", Count(static_cast<long long>(net.nodes.size()))}});
  if (tied.size() > drawn.size()) {
    caption += " " + Fill("network_cut", lang,
                          {{"shown", Count(static_cast<long long>(drawn.size()))},
                           {"with_ties", Count(static_cast<long long>(tied.size()))}});
  }
  doc->blocks.push_back(
      FigureBlock(NetworkChart(nodes, ties, LegendOf(groups, lang), caption,
                               Fill("network_alt", lang, {{"name", d.blocks.territory_name}}))));
  // The most central: by betweenness, then ties.
  std::vector<size_t> central = tied;
  auto betweenness = [&](size_t i) {
    const double b = m.node_metrics[i].betweenness;
    return std::isnan(b) ? -1.0 : b;
  };
  std::stable_sort(central.begin(), central.end(), [&](size_t a, size_t b) {
    if (betweenness(a) != betweenness(b)) return betweenness(a) > betweenness(b);
    return by_degree(a, b);
  });
  if (central.size() > kCentralRows) central.resize(kCentralRows);
  Table t;
  t.header = {Words("actor", lang), Words("group", lang), Words("degree", lang),
              Words("betweenness", lang), Words("brokerage", lang)};
  t.numeric = {false, false, true, true, true};
  for (size_t i : central) {
    const auto& nm = m.node_metrics[i];
    t.rows.push_back({net.nodes[i].name, GroupLabel(net.nodes[i].group, lang), Count(nm.degree),
                      std::isnan(nm.betweenness) ? "–" : Number(nm.betweenness, 1, lang),
                      nm.has_brokerage ? Count(nm.brokerage.Total()) : "–"});
  }
  doc->blocks.push_back(Heading(Words("central", lang), 3));
  doc->blocks.push_back(TableBlock(std::move(t)));
  return Status::Ok();
}

void Dynamics(const TerritoryReportData& d, Document* doc) {
  const std::string& lang = d.lang;
  doc->blocks.push_back(Heading(Words("dynamics", lang)));
  if (!d.trends || d.trends->from_year == 0 || d.trends->total.years.empty() ||
      d.trends->total.unknown_founded >= d.trends->total.actors) {
    doc->blocks.push_back(Paragraph(Words("no_dates", lang)));
    return;
  }
  const auto& total = d.trends->total;
  std::vector<int> years;
  Series births{Words("births", lang), {}}, deaths{Words("deaths", lang), {}},
      active{Words("active", lang), {}};
  for (const auto& y : total.years) {
    years.push_back(y.year);
    births.values.push_back(static_cast<double>(y.births));
    deaths.values.push_back(static_cast<double>(y.deaths));
    active.values.push_back(static_cast<double>(y.active_end));
  }
  auto text = total.summary.text.find(lang);
  if (text != total.summary.text.end()) doc->blocks.push_back(Paragraph(text->second));
  const std::string from = std::to_string(d.trends->from_year);
  const std::string to = std::to_string(d.trends->to_year);
  doc->blocks.push_back(FigureBlock(LineChart(
      years, {births, deaths, active}, Fill("dynamics_caption", lang, {{"from", from}, {"to", to}}),
      Fill("dynamics_alt", lang, {{"name", d.blocks.territory_name}}))));
  if (total.unknown_founded > 0) {
    doc->blocks.push_back(Paragraph(
        Fill("undated", lang,
             {{"unknown", Count(total.unknown_founded)}, {"actors", Count(total.actors)}})));
  }
}

}  // namespace

Result<Document> BuildTerritoryReport(const TerritoryReportData& d) {
  ECOSOL_RETURN_IF_ERROR(ecosystem::CheckLanguage(d.lang));
  if (d.framework == nullptr) return InvalidArgument("territory report: no blocks framework");
  Document doc;
  doc.lang = d.lang;
  doc.title = Fill("title", d.lang, {{"name", d.blocks.territory_name}});
  doc.subtitle =
      Fill("subtitle", d.lang, {{"date", d.date}, {"actors", Count(d.blocks.indicators.actors)}});
  Summary(d, &doc);
  Map(d, &doc);
  Blocks(d, &doc);
  ECOSOL_RETURN_IF_ERROR(NetworkSection(d, &doc));
  Dynamics(d, &doc);
  doc.blocks.push_back(Heading(Words("method", d.lang)));
  doc.blocks.push_back(
      Paragraph(Fill("method_text", d.lang,
                     {{"framework", d.framework->id},
                      {"version", d.framework->version},
                      {"hard", Number(d.framework->hard_weight, 2, d.lang)},
                      {"perception", Number(d.framework->perception_weight, 2, d.lang)},
                      {"date", d.date}})));
  if (!d.attributions.empty()) doc.blocks.push_back(Bullets(d.attributions));
  doc.footer = Fill("footer", d.lang, {{"date", d.date}});
  for (const auto& a : d.attributions) doc.footer += " " + a;
  return doc;
}

Result<Document> TerritoryReportFor(store::Store& store, const ecosystem::SnapshotScope& scope,
                                    const ecosystem::BlocksFramework& framework,
                                    const std::string& territory_id, const std::string& lang,
                                    const std::string& date) {
  ECOSOL_RETURN_IF_ERROR(ecosystem::CheckLanguage(lang));
  auto snapshot = ecosystem::LoadTerritorySnapshot(store, scope, territory_id);
  if (!snapshot.ok()) return snapshot.status();
  TerritoryReportData d;
  d.lang = lang;
  d.date = date;
  d.framework = &framework;
  auto blocks = ecosystem::AssessTerritory(framework, *snapshot);
  if (!blocks.ok()) return blocks.status();
  d.blocks = std::move(*blocks);
  ecosystem::NetworkFilter filter;
  filter.territory = territory_id;
  d.network = ecosystem::BuildNetwork(snapshot->actors, snapshot->relationships, filter);
  ecosystem::MetricsOptions options;
  options.language = lang;
  options.closeness = false;
  options.two_step_reach = false;
  options.communities = false;
  options.overlapping = false;
  options.structural_holes = false;
  auto metrics = ecosystem::ComputeMetrics(d.network, options);
  if (!metrics.ok()) return metrics.status();
  d.metrics = std::move(*metrics);
  ecosystem::TrendsQuery q;
  q.territory = territory_id;
  auto trends = ecosystem::TrendsFor(store, scope, q);
  if (!trends.ok()) return trends.status();
  d.trends = std::move(*trends);
  auto attributions = store.SourceAttributions();
  if (!attributions.ok()) return attributions.status();
  d.attributions = std::move(*attributions);
  d.actors = std::move(snapshot->actors);
  return BuildTerritoryReport(d);
}

}  // namespace ecosol::report
