// Territories side by side: every block and metric in rows, and the differences in words. The
// words come from the framework: a signal one territory has and another lacks is explained by
// the signal's `absent` text ("no university linked to SSE networks"), a block whose coverage
// differs by the framework's `gap` or more by the block_gap sentence, and differing types by
// type_differs.

#include <algorithm>
#include <set>

#include "blocks_text.h"
#include "ecosol/ecosystem/blocks.h"

namespace ecosol::ecosystem {
namespace {

using internal::Fill;
using internal::Same;
using internal::Score;
using nlohmann::json;

json Optional(const std::optional<double>& v) { return v ? json(*v) : json(); }
json Optional(const std::optional<long long>& v) { return v ? json(*v) : json(); }

template <typename Get>
void AddRow(std::vector<MetricRow>* rows, const std::string& metric,
            const std::vector<TerritoryReport>& reports, Get get) {
  MetricRow row{metric, {}};
  for (const TerritoryReport& r : reports) row.values.push_back(get(r));
  rows->push_back(std::move(row));
}

json CountOf(const std::map<std::string, long long>& counts, const std::string& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

void BlockRows(const std::vector<TerritoryReport>& reports, std::vector<MetricRow>* rows) {
  for (size_t b = 0; b < reports[0].blocks.size(); ++b) {
    const std::string prefix = "block." + reports[0].blocks[b].block;
    AddRow(rows, prefix + ".coverage", reports,
           [&](const auto& r) { return json(r.blocks[b].coverage); });
    AddRow(rows, prefix + ".hard", reports, [&](const auto& r) { return json(r.blocks[b].hard); });
    AddRow(rows, prefix + ".perception", reports,
           [&](const auto& r) { return Optional(r.blocks[b].perception); });
    AddRow(rows, prefix + ".covered", reports,
           [&](const auto& r) { return json(r.blocks[b].covered); });
  }
}

void IndicatorRows(const std::vector<TerritoryReport>& reports, std::vector<MetricRow>* rows) {
  AddRow(rows, "actors", reports, [](const auto& r) { return json(r.indicators.actors); });
  AddRow(rows, "sse_actors", reports, [](const auto& r) { return json(r.indicators.sse_actors); });
  AddRow(rows, "population", reports,
         [](const auto& r) { return Optional(r.indicators.population); });
  AddRow(rows, "sse_per_10000", reports,
         [](const auto& r) { return Optional(r.indicators.sse_per_10000); });
  std::set<std::string> kinds, roles;
  for (const TerritoryReport& r : reports) {
    for (const auto& [k, n] : r.indicators.by_kind) kinds.insert(k);
    for (const auto& [k, n] : r.indicators.by_role) roles.insert(k);
  }
  for (const std::string& k : kinds) {
    AddRow(rows, "kind." + k, reports,
           [&](const auto& r) { return CountOf(r.indicators.by_kind, k); });
  }
  for (const std::string& k : roles) {
    AddRow(rows, "role." + k, reports,
           [&](const auto& r) { return CountOf(r.indicators.by_role, k); });
  }
  for (size_t s = 0; s < reports[0].indicators.signals.size(); ++s) {
    const std::string prefix = "signal." + reports[0].indicators.signals[s].id;
    AddRow(rows, prefix + ".count", reports,
           [&](const auto& r) { return json(r.indicators.signals[s].count); });
    AddRow(rows, prefix + ".present", reports,
           [&](const auto& r) { return json(r.indicators.signals[s].present); });
  }
}

void PerceptionAndTypeRows(const std::vector<TerritoryReport>& reports,
                           std::vector<MetricRow>* rows) {
  AddRow(rows, "raters", reports, [](const auto& r) { return json(r.raters); });
  for (size_t p = 0; p < reports[0].perception.size(); ++p) {
    const std::string prefix = "statement." + reports[0].perception[p].statement;
    AddRow(rows, prefix + ".mean", reports,
           [&](const auto& r) { return Optional(r.perception[p].mean); });
    AddRow(rows, prefix + ".consensus", reports,
           [&](const auto& r) { return Optional(r.perception[p].consensus); });
  }
  AddRow(rows, "institutional_support", reports,
         [](const auto& r) { return json(r.type.institutional_support); });
  AddRow(rows, "bottom_up_vitality", reports,
         [](const auto& r) { return json(r.type.bottom_up_vitality); });
  AddRow(rows, "type", reports,
         [](const auto& r) { return json(std::string(ToString(r.type.type))); });
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::vector<std::string> Names(const std::vector<TerritoryReport>& reports,
                               const std::vector<size_t>& which) {
  std::vector<std::string> out;
  for (size_t i : which) out.push_back(reports[i].territory_name);
  return out;
}

std::vector<std::string> Ids(const std::vector<TerritoryReport>& reports,
                             const std::vector<size_t>& which) {
  std::vector<std::string> out;
  for (size_t i : which) out.push_back(reports[i].territory_id);
  return out;
}

void SignalDifferences(const BlocksFramework& f, const std::vector<TerritoryReport>& reports,
                       std::vector<Difference>* out) {
  for (size_t s = 0; s < f.signals.size(); ++s) {
    std::vector<size_t> with, without;
    for (size_t i = 0; i < reports.size(); ++i) {
      (reports[i].indicators.signals[s].present ? with : without).push_back(i);
    }
    if (with.empty() || without.empty()) continue;
    Text text = Fill(f.texts.at("signal_absent"), {{"without", Same(Join(Names(reports, without)))},
                                                   {"absent", f.signals[s].absent},
                                                   {"with", Same(Join(Names(reports, with)))}});
    out->push_back({"signal", f.signals[s].id, Ids(reports, with), Ids(reports, without), text});
  }
}

void BlockDifferences(const BlocksFramework& f, const std::vector<TerritoryReport>& reports,
                      std::vector<Difference>* out) {
  for (size_t b = 0; b < f.blocks.size(); ++b) {
    double high = reports[0].blocks[b].coverage, low = high;
    for (const TerritoryReport& r : reports) {
      high = std::max(high, r.blocks[b].coverage);
      low = std::min(low, r.blocks[b].coverage);
    }
    if (high - low < f.gap) continue;
    std::vector<size_t> top, bottom;
    for (size_t i = 0; i < reports.size(); ++i) {
      if (reports[i].blocks[b].coverage == high) top.push_back(i);
      if (reports[i].blocks[b].coverage == low) bottom.push_back(i);
    }
    Text text = Fill(f.texts.at("block_gap"), {{"block", f.blocks[b].label},
                                               {"high_score", Same(Score(high))},
                                               {"high", Same(Join(Names(reports, top)))},
                                               {"low_score", Same(Score(low))},
                                               {"low", Same(Join(Names(reports, bottom)))}});
    out->push_back({"block", f.blocks[b].id, Ids(reports, top), Ids(reports, bottom), text});
  }
}

void TypeDifference(const BlocksFramework& f, const std::vector<TerritoryReport>& reports,
                    std::vector<Difference>* out) {
  std::set<EcosystemType> types;
  for (const TerritoryReport& r : reports) types.insert(r.type.type);
  if (types.size() < 2) return;
  Text text;
  std::vector<size_t> ahead, behind;
  for (size_t i = 0; i < reports.size(); ++i) {
    bool enabling = reports[i].type.type == EcosystemType::kEnabling;
    (enabling ? ahead : behind).push_back(i);
    Text one = Fill(f.texts.at("type_differs"),
                    {{"territory", Same(reports[i].territory_name)},
                     {"type", f.type_labels.at(std::string(ToString(reports[i].type.type)))}});
    for (const auto& [lang, s] : one) text[lang] += (text[lang].empty() ? "" : "; ") + s;
  }
  out->push_back({"type", "type", Ids(reports, ahead), Ids(reports, behind), text});
}

Status CheckReports(const BlocksFramework& f, const std::vector<TerritoryReport>& reports) {
  if (reports.size() < 2) {
    return InvalidArgument("a comparison needs two or more territories (got " +
                           std::to_string(reports.size()) + ")");
  }
  std::set<std::string> ids;
  for (const TerritoryReport& r : reports) {
    if (r.framework != f.id || r.blocks.size() != f.blocks.size() ||
        r.indicators.signals.size() != f.signals.size()) {
      return InvalidArgument("territory '" + r.territory_id + "' was assessed with framework '" +
                             r.framework + "' " + r.framework_version +
                             ", not this one (assess every territory with '" + f.id + "' " +
                             f.version + ")");
    }
    if (!ids.insert(r.territory_id).second) {
      return InvalidArgument("territory '" + r.territory_id +
                             "' is given twice (compare different territories)");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Comparison> Compare(const BlocksFramework& f, const std::vector<TerritoryReport>& reports) {
  ECOSOL_RETURN_IF_ERROR(CheckReports(f, reports));
  Comparison c;
  for (const TerritoryReport& r : reports) {
    c.territories.push_back(r.territory_id);
    c.names.push_back(r.territory_name);
  }
  BlockRows(reports, &c.rows);
  IndicatorRows(reports, &c.rows);
  PerceptionAndTypeRows(reports, &c.rows);
  SignalDifferences(f, reports, &c.differences);
  BlockDifferences(f, reports, &c.differences);
  TypeDifference(f, reports, &c.differences);
  return c;
}

}  // namespace ecosol::ecosystem
