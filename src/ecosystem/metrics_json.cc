// The JSON of network measures (metrics.h) and the texts of the weaving stages.

#include <cmath>
#include <cstdio>
#include <map>

#include "metrics_internal.h"

namespace ecosol::ecosystem {
namespace internal {
namespace {

// Reason templates per code and language; {name} is replaced by a figure of the stage.
const std::map<std::string, std::map<std::string, std::string>>& ReasonTemplates() {
  static const std::map<std::string, std::map<std::string, std::string>> kTemplates = {
      {"no_ties",
       {{"en", "{nodes} actors and {ties} ties: there is no network to weave yet."},
        {"fr", "{nodes} acteurs et {ties} liens : il n'y a pas encore de réseau à tisser."},
        {"es", "{nodes} actores y {ties} vínculos: todavía no hay red que tejer."},
        {"pt", "{nodes} atores e {ties} vínculos: ainda não há rede a tecer."}}},
      {"fragmented",
       {{"en", "{components} separate groups; the largest holds only {largest}% of the actors."},
        {"fr",
         "{components} groupes séparés ; le plus grand ne réunit que {largest} % des acteurs."},
        {"es", "{components} grupos separados; el mayor reúne solo el {largest} % de los actores."},
        {"pt", "{components} grupos separados; o maior reúne apenas {largest}% dos atores."}}},
      {"dense_core",
       {{"en",
         "A core of {core} actors tied densely (density {core_density}) while the others "
         "are sparsely tied among themselves (density {periphery_density})."},
        {"fr",
         "Un noyau de {core} acteurs densément liés (densité {core_density}), les autres "
         "peu liés entre eux (densité {periphery_density})."},
        {"es",
         "Un núcleo de {core} actores densamente vinculados (densidad {core_density}); los "
         "demás, poco vinculados entre sí (densidad {periphery_density})."},
        {"pt",
         "Um núcleo de {core} atores densamente ligados (densidade {core_density}); os "
         "demais, pouco ligados entre si (densidade {periphery_density})."}}},
      {"no_hub",
       {{"en",
         "{largest}% of the actors are connected, but none has {threshold} ties or more: "
         "no actor holds the network together yet."},
        {"fr",
         "{largest} % des acteurs sont reliés, mais aucun n'a {threshold} liens ou plus : "
         "aucun acteur ne tient encore le réseau."},
        {"es",
         "El {largest} % de los actores están conectados, pero ninguno tiene {threshold} "
         "vínculos o más: ningún actor sostiene aún la red."},
        {"pt",
         "{largest}% dos atores estão ligados, mas nenhum tem {threshold} vínculos ou "
         "mais: nenhum ator sustenta ainda a rede."}}},
      {"single_hub",
       {{"en",
         "One hub (at least {threshold} ties) holds the network together; degree "
         "centralisation {centralisation}."},
        {"fr",
         "Un seul pivot (au moins {threshold} liens) tient le réseau ; centralisation des "
         "degrés {centralisation}."},
        {"es",
         "Un solo eje (al menos {threshold} vínculos) sostiene la red; centralización de "
         "grado {centralisation}."},
        {"pt",
         "Um único eixo (pelo menos {threshold} vínculos) sustenta a rede; centralização "
         "de grau {centralisation}."}}},
      {"dominant_hub",
       {{"en", "{hubs} hubs, but one dominates: degree centralisation {centralisation}."},
        {"fr", "{hubs} pivots, mais l'un domine : centralisation des degrés {centralisation}."},
        {"es", "{hubs} ejes, pero uno domina: centralización de grado {centralisation}."},
        {"pt", "{hubs} eixos, mas um domina: centralização de grau {centralisation}."}}},
      {"several_hubs",
       {{"en",
         "{hubs} hubs (at least {threshold} ties each); the largest connected part holds "
         "{largest}% of the actors; degree centralisation {centralisation}."},
        {"fr",
         "{hubs} pivots (au moins {threshold} liens chacun) ; la plus grande partie connexe "
         "réunit {largest} % des acteurs ; centralisation des degrés {centralisation}."},
        {"es",
         "{hubs} ejes (al menos {threshold} vínculos cada uno); la mayor parte conexa "
         "reúne el {largest} % de los actores; centralización de grado {centralisation}."},
        {"pt",
         "{hubs} eixos (pelo menos {threshold} vínculos cada); a maior parte conexa "
         "reúne {largest}% dos atores; centralização de grau {centralisation}."}}},
  };
  return kTemplates;
}

std::string Fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

void Replace(std::string& text, const std::string& key, const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos;
       at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
}

}  // namespace

std::string WeavingReason(const WeavingStage& w, std::string_view language) {
  const auto& by_code = ReasonTemplates().at(w.reason_code);
  auto it = by_code.find(std::string(language));
  std::string text = it == by_code.end() ? by_code.at("en") : it->second;
  Replace(text, "{nodes}", std::to_string(w.nodes));
  Replace(text, "{ties}", std::to_string(w.ties));
  Replace(text, "{components}", std::to_string(w.components));
  // Under 1%, one decimal: "0.4%", not "0%".
  const double largest = 100 * w.largest_component_share;
  Replace(text, "{largest}", Fixed(largest, largest > 0 && largest < 1 ? 1 : 0));
  Replace(text, "{core}", std::to_string(w.core_size));
  Replace(text, "{core_density}", Fixed(w.core_density, 2));
  Replace(text, "{periphery_density}", Fixed(w.periphery_density, 2));
  Replace(text, "{threshold}", Fixed(std::ceil(w.hub_threshold), 0));
  Replace(text, "{hubs}", std::to_string(w.hubs));
  Replace(text, "{centralisation}", Fixed(w.degree_centralisation, 2));
  return text;
}

}  // namespace internal

namespace {

nlohmann::json Number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(); }
nlohmann::json Count(int64_t x) { return x < 0 ? nlohmann::json() : nlohmann::json(x); }

nlohmann::json SummaryJson(const NetworkMetrics& m) {
  const BetweennessMethod& b = m.betweenness;
  return {{"nodes", m.nodes},
          {"edges", m.edges},
          {"directed", true},
          {"density", Number(m.density)},
          {"components", m.components},
          {"largest_component", m.largest_component},
          {"communities", m.communities},
          {"modularity", Number(m.modularity)},
          {"overlapping_communities", m.overlapping_communities},
          {"betweenness",
           {{"method", b.sampled ? "sampled" : "exact"},
            {"samples", b.sampled ? nlohmann::json(b.samples) : nlohmann::json()},
            {"relative_error", b.sampled ? Number(b.relative_error) : nlohmann::json()}}}};
}

nlohmann::json WeavingJson(const WeavingStage& w) {
  return {{"stage", w.stage},
          {"reason_code", w.reason_code},
          {"reason", w.reason},
          {"figures",
           {{"nodes", w.nodes},
            {"ties", w.ties},
            {"density", w.density},
            {"components", w.components},
            {"largest_component_share", w.largest_component_share},
            {"isolates", w.isolates},
            {"degree_centralisation", w.degree_centralisation},
            {"hub_threshold", w.hub_threshold},
            {"hubs", w.hubs},
            {"core_size", w.core_size},
            {"core_density", w.core_density},
            {"periphery_density", w.periphery_density}}}};
}

nlohmann::json NodeJson(const Node& node, const NodeMetrics& nm) {
  nlohmann::json brokerage;  // null when switched off
  if (nm.has_brokerage) {
    const BrokerageRoles& r = nm.brokerage;
    brokerage = {{"coordinator", r.coordinator}, {"itinerant", r.itinerant},
                 {"gatekeeper", r.gatekeeper},   {"representative", r.representative},
                 {"liaison", r.liaison},         {"total", r.Total()}};
  }
  return {{"id", node.id},
          {"name", node.name},
          {"group", node.group},
          {"territory", node.territory},
          {"kind", model::ToString(node.kind)},
          {"in_degree", nm.in_degree},
          {"out_degree", nm.out_degree},
          {"degree", nm.degree},
          {"strength", nm.strength},
          {"closeness", Number(nm.closeness)},
          {"betweenness", Number(nm.betweenness)},
          {"pagerank", Number(nm.pagerank)},
          {"two_step_reach", Count(nm.two_step_reach)},
          {"component", Count(nm.component)},
          {"community", Count(nm.community)},
          {"communities", nm.communities},
          {"constraint", Number(nm.constraint)},
          {"effective_size", Number(nm.effective_size)},
          {"brokerage", brokerage}};
}

}  // namespace

nlohmann::json MetricsToJson(const Network& net, const NetworkMetrics& metrics) {
  nlohmann::json nodes = nlohmann::json::array();
  for (size_t v = 0; v < net.nodes.size() && v < metrics.node_metrics.size(); ++v) {
    nodes.push_back(NodeJson(net.nodes[v], metrics.node_metrics[v]));
  }
  nlohmann::json edges = nlohmann::json::array();
  for (const Edge& e : net.edges) {
    edges.push_back({{"from", net.nodes[static_cast<size_t>(e.from)].id},
                     {"to", net.nodes[static_cast<size_t>(e.to)].id},
                     {"type", model::ToString(e.type)},
                     {"weight", e.weight}});
  }
  return {{"summary", SummaryJson(metrics)},
          {"weaving", WeavingJson(metrics.weaving)},
          {"nodes", std::move(nodes)},
          {"edges", std::move(edges)}};
}

}  // namespace ecosol::ecosystem
