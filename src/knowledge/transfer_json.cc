// The JSON form of a transfer analysis (transfer.h). Field names are stable: the HTTP API, the
// CLI and the golden tests read them.

#include <nlohmann/json.hpp>

#include "ecosol/knowledge/transfer.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

json DomainsToJson(const std::vector<DomainFit>& domains) {
  json out = json::array();
  for (const DomainFit& d : domains) {
    json reasons = json::array();
    for (const Reason& r : d.reasons) {
      json reason = {{"kind", r.kind}, {"text", r.text}};
      if (!r.element.empty()) reason["element"] = r.element;
      if (!r.feature.empty()) reason["feature"] = r.feature;
      reasons.push_back(std::move(reason));
    }
    out.push_back({{"domain", d.domain},
                   {"fit", std::string(ToString(d.fit))},
                   {"reasons", std::move(reasons)}});
  }
  return out;
}

json FlagsToJson(const std::vector<RiskFlag>& flags) {
  json out = json::array();
  for (const RiskFlag& f : flags) {
    out.push_back({{"id", f.id},
                   {"element", f.element},
                   {"feature", f.feature},
                   {"domain", f.domain},
                   {"op", std::string(ToString(f.op))},
                   {"expected", f.expected},
                   {"origin", f.origin},
                   {"target", f.target},
                   {"severity", std::string(ToString(f.severity))},
                   {"why", f.why},
                   {"text", f.text}});
  }
  return out;
}

}  // namespace

json TransferAnalysisToJson(const TransferAnalysis& analysis) {
  json adaptations = json::array();
  for (const Adaptation& a : analysis.adaptations) {
    adaptations.push_back({{"flag", a.flag}, {"element", a.element}, {"text", a.text}});
  }
  json unknowns = json::array();
  for (const Unknown& u : analysis.unknowns) {
    unknowns.push_back({{"element", u.element},
                        {"feature", u.feature},
                        {"domain", u.domain},
                        {"question", u.question}});
  }
  return {{"case", analysis.case_id},
          {"target", analysis.target_id},
          {"verdict", analysis.verdict},
          {"domains", DomainsToJson(analysis.domains)},
          {"risk_flags", FlagsToJson(analysis.risk_flags)},
          {"adaptations", std::move(adaptations)},
          {"judgement", analysis.judgement},
          {"unknowns", std::move(unknowns)}};
}

}  // namespace ecosol::knowledge
