// JSON forms of reports and comparisons (the HTTP API and the CLI serve them as they are). Texts
// carry all four languages: the client picks one.

#include "ecosol/ecosystem/blocks.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

json Optional(const std::optional<double>& v) { return v ? json(*v) : json(); }

json ItemJson(const EvidenceItem& e) {
  return {{"signal", e.signal},
          {"subject", e.subject},
          {"id", e.id},
          {"name", e.name},
          {"reason", e.reason}};
}

json IndicatorsJson(const HardIndicators& h) {
  json signals = json::array();
  for (const SignalResult& s : h.signals) {
    json items = json::array();
    for (const EvidenceItem& e : s.items) items.push_back(ItemJson(e));
    signals.push_back({{"id", s.id}, {"count", s.count}, {"present", s.present}, {"items", items}});
  }
  return {
      {"actors", h.actors},
      {"sse_actors", h.sse_actors},
      {"population", h.population ? json(*h.population) : json()},
      {"sse_per_10000", Optional(h.sse_per_10000)},
      {"sse_per_10000_note", h.sse_per_10000_note.empty() ? json() : json(h.sse_per_10000_note)},
      {"by_kind", h.by_kind},
      {"by_role", h.by_role},
      {"signals", signals}};
}

json PerceptionJson(const std::vector<StatementPerception>& perception) {
  json out = json::array();
  for (const StatementPerception& p : perception) {
    out.push_back({{"statement", p.statement},
                   {"block", p.block},
                   {"answered", p.answered},
                   {"no_answer", p.no_answer},
                   {"mean", Optional(p.mean)},
                   {"sd", Optional(p.sd)},
                   {"consensus", Optional(p.consensus)}});
  }
  return out;
}

json BlocksJson(const std::vector<BlockCoverage>& blocks) {
  json out = json::array();
  for (const BlockCoverage& b : blocks) {
    json evidence = json::array();
    for (const EvidenceItem& e : b.evidence) evidence.push_back(ItemJson(e));
    out.push_back({{"block", b.block},
                   {"hard", b.hard},
                   {"perception", Optional(b.perception)},
                   {"coverage", b.coverage},
                   {"covered", b.covered},
                   {"evidence", evidence}});
  }
  return out;
}

}  // namespace

json ToJson(const TerritoryReport& r) {
  return {{"framework", r.framework},
          {"framework_version", r.framework_version},
          {"territory", {{"id", r.territory_id}, {"name", r.territory_name}}},
          {"indicators", IndicatorsJson(r.indicators)},
          {"raters", r.raters},
          {"perception", PerceptionJson(r.perception)},
          {"blocks", BlocksJson(r.blocks)},
          {"type",
           {{"type", std::string(ToString(r.type.type))},
            {"institutional_support", r.type.institutional_support},
            {"bottom_up_vitality", r.type.bottom_up_vitality},
            {"reason", r.type.reason}}}};
}

json ToJson(const Comparison& c) {
  json territories = json::array();
  for (size_t i = 0; i < c.territories.size(); ++i) {
    territories.push_back({{"id", c.territories[i]}, {"name", c.names[i]}});
  }
  json rows = json::array();
  for (const MetricRow& row : c.rows)
    rows.push_back({{"metric", row.metric}, {"values", row.values}});
  json differences = json::array();
  for (const Difference& d : c.differences) {
    differences.push_back({{"kind", d.kind},
                           {"about", d.about},
                           {"ahead", d.ahead},
                           {"behind", d.behind},
                           {"text", d.text}});
  }
  return {{"territories", territories}, {"rows", rows}, {"differences", differences}};
}

}  // namespace ecosol::ecosystem
