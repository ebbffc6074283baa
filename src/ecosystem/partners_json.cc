// The JSON of partner recommendations and missing brokers (partners.h), as the API returns
// them: texts are {en, fr, es, pt} objects; unknown distances are null.

#include "ecosol/ecosystem/partners.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

json MatchJson(const PartnerMatch& m) {
  return {{"direction", m.direction},
          {"want_id", m.want_id},
          {"offer_id", m.offer_id},
          {"asset_type", m.asset_type},
          {"coverage", m.coverage}};
}

json RecommendationJson(const Recommendation& r) {
  json shared = json::array();
  for (const SharedTie& t : r.shared_tie_examples)
    shared.push_back({{"id", t.id}, {"name", t.name}});
  json matches = json::array();
  for (const PartnerMatch& m : r.matches) matches.push_back(MatchJson(m));
  return {
      {"partner", {{"id", r.partner_id}, {"name", r.partner_name}, {"group", r.group}}},
      {"score", r.score},
      {"components",
       {{"complementarity", r.complementarity}, {"proximity", r.proximity}, {"trust", r.trust}}},
      {"shared_ties", {{"count", r.shared_ties}, {"examples", shared}}},
      {"distance_km", r.distance_km ? json(*r.distance_km) : json(nullptr)},
      {"tied", r.tied},
      {"matches", matches},
      {"explanation", r.explanation}};
}

json Refs(const std::vector<ActorRef>& refs) {
  json out = json::array();
  for (const ActorRef& r : refs) out.push_back({{"id", r.id}, {"name", r.name}});
  return out;
}

json GapJson(const BrokerGap& g) {
  json bridges = json::array();
  for (const Bridge& b : g.bridges) {
    bridges.push_back({{"id", b.id},
                       {"name", b.name},
                       {"group", b.group},
                       {"side", b.side},
                       {"ties_to_side", b.ties_to_side}});
  }
  return {{"block", g.block},
          {"a", {{"group", g.group_a}, {"actors", g.actors_a}, {"examples", Refs(g.examples_a)}}},
          {"b", {{"group", g.group_b}, {"actors", g.actors_b}, {"examples", Refs(g.examples_b)}}},
          {"bridges", bridges},
          {"text", g.text}};
}

}  // namespace

json ToJson(const Recommendations& r) {
  json items = json::array();
  for (const Recommendation& item : r.items) items.push_back(RecommendationJson(item));
  return {{"actor_id", r.actor_id},
          {"needs",
           {{"source", std::string(ToString(r.needs_source))},
            {"lacked_blocks", r.lacked_blocks},
            {"note", r.needs_note}}},
          {"recommendations", items},
          {"candidates_scored", r.candidates_scored},
          {"tied_left_out", r.tied_left_out}};
}

json ToJson(const BrokerReport& r) {
  json gaps = json::array();
  for (const BrokerGap& g : r.gaps) gaps.push_back(GapJson(g));
  return {{"territory", r.territory}, {"gaps", gaps}};
}

}  // namespace ecosol::ecosystem
