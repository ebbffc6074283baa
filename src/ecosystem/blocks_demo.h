#pragma once

// Test-only: a demo of two territories for the building-blocks tests. Quebec's SSE ecosystem is
// mature (an apex body, sectoral networks, finance intermediaries federated with the apex,
// universities working with the networks, a government that funds and co-constructs policy,
// procurement by a city); the rest of Canada's is not (scattered organisations, a funder tied to
// no apex, a university linked to no network, no public body in the picture).

#include <string>
#include <vector>

#include "ecosol/ecosystem/blocks.h"

namespace ecosol::ecosystem::demo {

inline model::Actor MakeActor(const std::string& id, const std::string& name, model::ActorKind kind,
                              const std::string& territory,
                              std::vector<std::string> structures = {},
                              std::vector<std::string> claims = {}) {
  model::Actor a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  a.territory = territory;
  a.structures = std::move(structures);
  a.claims = std::move(claims);
  return a;
}

inline model::Relationship Tie(const std::string& from, model::RelationshipType type,
                               const std::string& to) {
  model::Relationship r;
  r.id = from + ">" + to + ":" + std::string(model::ToString(type));
  r.from = from;
  r.to = to;
  r.type = type;
  return r;
}

inline store::PerceptionAssessment Rating(const std::string& id, const std::string& territory,
                                          const std::string& role, double score,
                                          const std::string& no_answer = "") {
  store::PerceptionAssessment a;
  a.id = id;
  a.territory = territory;
  a.rater = id + "-rater";
  a.rater_role = role;
  a.date = "2026-11-01";
  a.framework = "building-blocks";
  for (const char* s :
       {"capacity_building.support_available", "capacity_building.networks_support_members",
        "investment_and_funds.patient_capital", "investment_and_funds.finance_knows_sse",
        "market_access.social_procurement", "market_access.private_buyers",
        "enabling_policy.co_construction", "enabling_policy.legal_recognition",
        "knowledge_transfer.research_partnerships", "knowledge_transfer.innovations_spread",
        "data_and_measurement.statistics", "data_and_measurement.impact_tools",
        "awareness_and_mobilisation.public_awareness",
        "awareness_and_mobilisation.speaks_with_one_voice"}) {
    a.scores[s] = score;
  }
  if (!no_answer.empty()) a.scores[no_answer] = std::nullopt;
  return a;
}

inline TerritorySnapshot Quebec() {
  using model::ActorKind;
  using T = model::RelationshipType;
  const std::string qc = "CA/QC";
  TerritorySnapshot s;
  s.territory = {qc, "CA", "Quebec", "region", 8500000};
  s.actors = {
      MakeActor("chantier", "Chantier de l'économie sociale", ActorKind::kNetwork, qc, {"OS180"}),
      MakeActor("rctq", "Réseau de la coopération du travail", ActorKind::kNetwork, qc, {"OS200"}),
      MakeActor("fcaq", "Fédération des coopératives d'alimentation", ActorKind::kNetwork, qc,
                {"OS190"}),
      MakeActor("tiess", "TIESS", ActorKind::kNetwork, qc),
      MakeActor("fiducie", "Fiducie du Chantier de l'économie sociale", ActorKind::kFunder, qc),
      MakeActor("risq", "Réseau d'investissement social du Québec", ActorKind::kFunder, qc),
      MakeActor("uqam", "Université du Québec à Montréal", ActorKind::kUniversity, qc),
      MakeActor("gouv", "Gouvernement du Québec", ActorKind::kPublicBody, qc, {"OS220"}),
      MakeActor("ville", "Ville de Montréal", ActorKind::kPublicBody, qc),
      MakeActor("ecotech", "Coopérative Ecotech", ActorKind::kOrganisation, qc, {},
                {"cooperative"}),
      MakeActor("resto", "Resto insertion", ActorKind::kOrganisation, qc, {},
                {"social_enterprise"}),
      MakeActor("cpe", "CPE Les Petits", ActorKind::kOrganisation, qc)};
  s.relationships = {Tie("fiducie", T::kMemberOf, "chantier"),
                     Tie("risq", T::kMemberOf, "chantier"),
                     Tie("rctq", T::kFederatedIn, "chantier"),
                     Tie("fcaq", T::kFederatedIn, "chantier"),
                     Tie("ecotech", T::kMemberOf, "rctq"),
                     Tie("cpe", T::kMemberOf, "fcaq"),
                     Tie("uqam", T::kCoConstructsWith, "tiess"),
                     Tie("uqam", T::kPartnerOf, "chantier"),
                     Tie("gouv", T::kFunds, "fiducie"),
                     Tie("gouv", T::kFunds, "chantier"),
                     Tie("gouv", T::kCoConstructsWith, "chantier"),
                     Tie("fiducie", T::kFunds, "ecotech"),
                     Tie("ecotech", T::kSupplies, "ville"),
                     Tie("resto", T::kSupplies, "ville"),
                     Tie("tiess", T::kSupports, "ecotech"),
                     Tie("tiess", T::kSupports, "resto")};
  s.indicators = {{"ecotech", "employees", "2025", 42, "people"}};
  s.assessments = {Rating("qc-1", qc, "network", 9), Rating("qc-2", qc, "public_body", 8),
                   Rating("qc-3", qc, "researcher", 8.5, "data_and_measurement.statistics")};
  return s;
}

inline TerritorySnapshot RestOfCanada() {
  using model::ActorKind;
  using T = model::RelationshipType;
  const std::string roc = "CA/rest";
  TerritorySnapshot s;
  s.territory = {roc, "CA", "Rest of Canada", "region", 31000000};
  s.actors = {
      MakeActor("owc", "Toronto Worker Co-op", ActorKind::kOrganisation, "CA/ON", {},
                {"cooperative"}),
      MakeActor("bch", "Vancouver Housing Co-op", ActorKind::kOrganisation, "CA/BC", {},
                {"cooperative"}),
      MakeActor("nse", "Halifax Social Enterprise", ActorKind::kOrganisation, "CA/NS"),
      MakeActor("oca", "Ontario Co-operative Association", ActorKind::kNetwork, "CA/ON", {"OS200"}),
      MakeActor("cfx", "Community Foundation", ActorKind::kFunder, "CA/AB"),
      MakeActor("uy", "Prairie University", ActorKind::kUniversity, "CA/SK")};
  s.relationships = {Tie("owc", T::kMemberOf, "oca"), Tie("cfx", T::kFunds, "owc"),
                     Tie("uy", T::kPartnerOf, "bch")};
  s.assessments = {Rating("roc-1", roc, "network", 3), Rating("roc-2", roc, "researcher", 2)};
  return s;
}

}  // namespace ecosol::ecosystem::demo
