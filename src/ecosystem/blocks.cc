// Assessing a territory: roles of actors, signals over actors, ties and indicators, hard
// indicators, block coverage and the EFESEIIS type. Rules see plain JSON facts (documented in
// frameworks/building-blocks.yaml and docs/ecosystem-blocks.md), evaluated with standard JSON
// Logic semantics: a signal either finds an item or does not.

#include "ecosol/ecosystem/blocks.h"

#include <algorithm>
#include <set>

#include "blocks_text.h"

namespace ecosol::ecosystem {
namespace {

using internal::Fill;
using internal::Same;
using internal::Score;
using nlohmann::json;

// An actor of the snapshot with the facts its rules read.
struct Known {
  const model::Actor* actor = nullptr;
  bool inside = false;
  json facts;  // with roles once computed
};

struct Index {
  std::map<std::string, Known> actors;               // inside and partners
  std::vector<const model::Relationship*> ties;      // live, touching the territory
  std::map<std::string, std::vector<json>> ties_of;  // actor id -> ties seen from it
};

json BaseFacts(const model::Actor& a, bool inside) {
  return {{"id", a.id},
          {"name", a.name},
          {"kind", std::string(model::ToString(a.kind))},
          {"structures", a.structures},
          {"claims", a.claims},
          {"activities", a.activities},
          {"legal_form", a.legal_form},
          {"territory", a.territory},
          {"inside", inside}};
}

Status AddRoles(const BlocksFramework& f, Known* known) {
  json roles = json::array();
  for (const ActorRole& role : f.roles) {
    auto value = role.rule->Apply(known->facts);
    if (!value.ok()) {
      return InvalidArgument("role '" + role.id + "' on actor '" + known->actor->id +
                             "': " + value.status().message() + " (fix the role's rule)");
    }
    if (rules::Truthy(*value)) roles.push_back(role.id);
  }
  known->facts["roles"] = std::move(roles);
  return Status::Ok();
}

// Facts of a tie's end that is neither inside nor a given partner: only its id.
json UnknownFacts(const std::string& id) {
  json facts = {{"id", id},         {"name", id},      {"kind", "other"},
                {"legal_form", ""}, {"territory", ""}, {"inside", false}};
  for (const char* list : {"structures", "claims", "activities", "roles"}) {
    facts[list] = json::array();
  }
  return facts;
}

const json& FactsOf(const Index& index, const std::string& id, json* scratch) {
  auto it = index.actors.find(id);
  if (it != index.actors.end()) return it->second.facts;
  *scratch = UnknownFacts(id);
  return *scratch;
}

Result<Index> BuildIndex(const BlocksFramework& f, const TerritorySnapshot& s) {
  Index index;
  for (const model::Actor& a : s.partners) {
    if (!a.deleted) index.actors[a.id] = {&a, false, BaseFacts(a, false)};
  }
  for (const model::Actor& a : s.actors) {
    if (!a.deleted) index.actors[a.id] = {&a, true, BaseFacts(a, true)};
  }
  for (auto& [id, known] : index.actors) ECOSOL_RETURN_IF_ERROR(AddRoles(f, &known));
  std::set<std::string> seen;
  for (const model::Relationship& r : s.relationships) {
    if (r.deleted || !r.ended.empty() || r.from == r.to || !seen.insert(r.id).second) continue;
    auto from = index.actors.find(r.from);
    auto to = index.actors.find(r.to);
    bool touches = (from != index.actors.end() && from->second.inside) ||
                   (to != index.actors.end() && to->second.inside);
    if (!touches) continue;
    index.ties.push_back(&r);
    json scratch_from, scratch_to;
    std::string type(model::ToString(r.type));
    index.ties_of[r.from].push_back(
        {{"type", type}, {"direction", "out"}, {"partner", FactsOf(index, r.to, &scratch_to)}});
    index.ties_of[r.to].push_back(
        {{"type", type}, {"direction", "in"}, {"partner", FactsOf(index, r.from, &scratch_from)}});
  }
  return index;
}

std::string NameOf(const Index& index, const std::string& id) {
  auto it = index.actors.find(id);
  return it == index.actors.end() || it->second.actor->name.empty() ? id : it->second.actor->name;
}

Status Match(const Signal& signal, const json& data, EvidenceItem item, SignalResult* out) {
  auto value = signal.rule->Apply(data);
  if (!value.ok()) {
    return InvalidArgument("signal '" + signal.id + "' on " + item.subject + " '" + item.id +
                           "': " + value.status().message() + " (fix the signal's rule)");
  }
  if (!rules::Truthy(*value)) return Status::Ok();
  item.signal = signal.id;
  item.reason = signal.present;
  out->items.push_back(std::move(item));
  return Status::Ok();
}

Status MatchActors(const Signal& signal, const Index& index, SignalResult* out) {
  for (const auto& [id, known] : index.actors) {
    if (!known.inside) continue;
    json data = known.facts;
    auto ties = index.ties_of.find(id);
    data["ties"] = ties == index.ties_of.end() ? json::array() : json(ties->second);
    ECOSOL_RETURN_IF_ERROR(Match(signal, data, {"", "actor", id, NameOf(index, id), {}}, out));
  }
  return Status::Ok();
}

Status MatchTies(const Signal& signal, const Index& index, SignalResult* out) {
  for (const model::Relationship* r : index.ties) {
    json scratch_from, scratch_to;
    std::string type(model::ToString(r->type));
    json data = {{"type", type},
                 {"from", FactsOf(index, r->from, &scratch_from)},
                 {"to", FactsOf(index, r->to, &scratch_to)}};
    std::string name = NameOf(index, r->from) + " -> " + NameOf(index, r->to) + " (" + type + ")";
    ECOSOL_RETURN_IF_ERROR(Match(signal, data, {"", "tie", r->id, name, {}}, out));
  }
  return Status::Ok();
}

Status MatchIndicators(const Signal& signal, const Index& index,
                       const std::vector<ActorIndicator>& indicators, SignalResult* out) {
  for (const ActorIndicator& i : indicators) {
    auto actor = index.actors.find(i.actor_id);
    if (actor == index.actors.end() || !actor->second.inside) continue;
    json data = {{"name", i.name},
                 {"period", i.period},
                 {"value", i.value},
                 {"unit", i.unit},
                 {"actor", actor->second.facts}};
    std::string id = i.actor_id + ":" + i.name + ":" + i.period;
    std::string name = NameOf(index, i.actor_id) + ": " + i.name + " " + i.period;
    ECOSOL_RETURN_IF_ERROR(Match(signal, data, {"", "indicator", id, name, {}}, out));
  }
  return Status::Ok();
}

Result<std::vector<SignalResult>> EvaluateSignals(const BlocksFramework& f, const Index& index,
                                                  const TerritorySnapshot& s) {
  std::vector<SignalResult> out;
  for (const Signal& signal : f.signals) {
    SignalResult result;
    result.id = signal.id;
    if (signal.subject == SignalSubject::kActor) {
      ECOSOL_RETURN_IF_ERROR(MatchActors(signal, index, &result));
    } else if (signal.subject == SignalSubject::kTie) {
      ECOSOL_RETURN_IF_ERROR(MatchTies(signal, index, &result));
    } else {
      ECOSOL_RETURN_IF_ERROR(MatchIndicators(signal, index, s.indicators, &result));
    }
    result.count = static_cast<long long>(result.items.size());
    result.present = result.count >= signal.min_count;
    out.push_back(std::move(result));
  }
  return out;
}

HardIndicators Indicators(const BlocksFramework& f, const Index& index,
                          const model::Territory& territory) {
  HardIndicators h;
  for (const auto& [id, known] : index.actors) {
    if (!known.inside) continue;
    ++h.actors;
    ++h.by_kind[std::string(model::ToString(known.actor->kind))];
    for (const json& role : known.facts.at("roles")) {
      ++h.by_role[role.get<std::string>()];
      if (role == f.sse_role) ++h.sse_actors;
    }
  }
  h.population = territory.population;
  if (territory.population && *territory.population > 0) {
    h.sse_per_10000 =
        static_cast<double>(h.sse_actors) * 10000.0 / static_cast<double>(*territory.population);
  } else {
    h.sse_per_10000_note = f.texts.at("population_unknown");
  }
  return h;
}

BlockCoverage Cover(const BlocksFramework& f, const Block& block,
                    const std::vector<SignalResult>& signals,
                    const std::vector<StatementPerception>& perception) {
  BlockCoverage c;
  c.block = block.id;
  for (size_t i = 0; i < f.signals.size(); ++i) {
    auto points = f.signals[i].points.find(block.id);
    if (points == f.signals[i].points.end() || !signals[i].present) continue;
    c.hard += points->second;
    c.evidence.insert(c.evidence.end(), signals[i].items.begin(), signals[i].items.end());
  }
  c.hard = std::min(c.hard, 100.0);
  double sum = 0;
  int rated = 0;
  for (const StatementPerception& p : perception) {
    if (p.block != block.id || !p.mean) continue;
    sum += *p.mean;
    ++rated;
    const Statement* st = nullptr;
    for (const Statement& s : block.statements) {
      if (s.id == p.statement) st = &s;
    }
    c.evidence.push_back({"perception", "statement", p.statement, st ? st->text.at("en") : "",
                          st ? st->text : Text{}});
  }
  if (rated > 0) c.perception = 10.0 * sum / rated;
  c.coverage = c.perception ? f.hard_weight * c.hard + f.perception_weight * *c.perception : c.hard;
  c.covered = c.coverage >= f.covered;
  return c;
}

double MeanCoverage(const Dimension& d, const std::vector<BlockCoverage>& blocks) {
  double sum = 0;
  for (const std::string& id : d.blocks) {
    for (const BlockCoverage& b : blocks) {
      if (b.block == id) sum += b.coverage;
    }
  }
  return sum / static_cast<double>(d.blocks.size());
}

Text DimensionText(const BlocksFramework& f, const Dimension& d, double score) {
  const char* key = score >= d.threshold ? "dimension_present" : "dimension_absent";
  return Fill(f.texts.at(key), {{"dimension", d.label},
                                {"score", Same(Score(score))},
                                {"threshold", Same(Score(d.threshold))}});
}

TypeVerdict Typify(const BlocksFramework& f, const std::vector<BlockCoverage>& blocks) {
  TypeVerdict v;
  v.institutional_support = MeanCoverage(f.institutional_support, blocks);
  v.bottom_up_vitality = MeanCoverage(f.bottom_up_vitality, blocks);
  bool support = v.institutional_support >= f.institutional_support.threshold;
  bool vitality = v.bottom_up_vitality >= f.bottom_up_vitality.threshold;
  if (support && vitality) {
    v.type = EcosystemType::kEnabling;
  } else if (support) {
    v.type = EcosystemType::kArtificial;
  } else if (vitality) {
    v.type = EcosystemType::kFertile;
  } else {
    v.type = EcosystemType::kArid;
  }
  v.reason = Fill(f.texts.at("type_reason"),
                  {{"type", f.type_labels.at(std::string(ToString(v.type)))},
                   {"support", DimensionText(f, f.institutional_support, v.institutional_support)},
                   {"vitality", DimensionText(f, f.bottom_up_vitality, v.bottom_up_vitality)}});
  return v;
}

}  // namespace

std::string_view ToString(EcosystemType type) {
  switch (type) {
    case EcosystemType::kArid:
      return "arid";
    case EcosystemType::kArtificial:
      return "artificial";
    case EcosystemType::kFertile:
      return "fertile";
    case EcosystemType::kEnabling:
      return "enabling";
  }
  return "arid";
}

Result<std::vector<std::string>> ActorRoles(const BlocksFramework& f, const model::Actor& actor) {
  Known known{&actor, true, BaseFacts(actor, true)};
  ECOSOL_RETURN_IF_ERROR(AddRoles(f, &known));
  std::vector<std::string> roles;
  for (const json& role : known.facts.at("roles")) roles.push_back(role.get<std::string>());
  return roles;
}

Result<TerritoryReport> AssessTerritory(const BlocksFramework& f, const TerritorySnapshot& s) {
  for (const store::PerceptionAssessment& a : s.assessments) {
    if (!a.deleted && !a.territory.empty() && a.territory != s.territory.id) {
      return InvalidArgument("perception assessment '" + a.id + "' rates territory '" +
                             a.territory + "', not '" + s.territory.id +
                             "' (give each territory its own assessments)");
    }
  }
  auto perception = PerceptionOf(f, s.assessments);
  if (!perception.ok()) return perception.status();
  auto index = BuildIndex(f, s);
  if (!index.ok()) return index.status();
  auto signals = EvaluateSignals(f, *index, s);
  if (!signals.ok()) return signals.status();
  TerritoryReport report;
  report.framework = f.id;
  report.framework_version = f.version;
  report.territory_id = s.territory.id;
  report.territory_name = s.territory.name.empty() ? s.territory.id : s.territory.name;
  report.indicators = Indicators(f, *index, s.territory);
  for (const store::PerceptionAssessment& a : s.assessments) {
    if (!a.deleted) ++report.raters;
  }
  report.perception = std::move(*perception);
  for (const Block& block : f.blocks) {
    report.blocks.push_back(Cover(f, block, *signals, report.perception));
  }
  report.indicators.signals = std::move(*signals);
  report.type = Typify(f, report.blocks);
  return report;
}

}  // namespace ecosol::ecosystem
