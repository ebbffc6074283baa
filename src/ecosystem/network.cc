// Building the network of an ecosystem from registry snapshots (network.h).

#include "ecosol/ecosystem/network.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ecosol::ecosystem {
namespace {

// ESSGlobal organisational-structure codes (data/taxonomy/essglobal/organisational-structure.tsv)
// that name a type of actor, in order of precedence when an actor has several: the role of a
// second-tier body (apex, federation) says more about its place in the network than the legal
// form it also has. Secondary co-operatives, co-operative groups and co-operatives of
// co-operatives (OS110, OS210, OS240) group other bodies, so they count as federations.
struct StructureGroup {
  std::string_view code;
  std::string_view group;
};
constexpr StructureGroup kStructureGroups[] = {
    {"OS180", "apex_body"},        {"OS230", "apex_body"},         {"OS190", "federation"},
    {"OS200", "federation"},       {"OS110", "federation"},        {"OS210", "federation"},
    {"OS240", "federation"},       {"OS220", "public_body"},       {"OS60", "cooperative"},
    {"OS70", "cooperative"},       {"OS80", "cooperative"},        {"OS90", "cooperative"},
    {"OS100", "cooperative"},      {"OS115", "cooperative"},       {"OS170", "mutual"},
    {"OS30", "social_enterprise"}, {"OS120", "social_enterprise"}, {"OS130", "social_enterprise"},
    {"OS10", "community_group"},
};

// "OS180", "os180" or ".../organisational-structure/OS180" -> "OS180".
std::string NormaliseCode(std::string_view code) {
  size_t slash = code.rfind('/');
  if (slash != std::string_view::npos) code.remove_prefix(slash + 1);
  std::string out(code);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A year, month or day padded to its first day: "2013" -> "2013-01-01".
std::string FirstDay(const std::string& date) {
  if (date.size() == 4) return date + "-01-01";
  if (date.size() == 7) return date + "-01";
  return date.substr(0, 10);
}

bool InTerritory(const std::string& territory, const std::string& scope) {
  if (scope.empty()) return true;
  if (territory.size() < scope.size()) return false;
  if (territory.compare(0, scope.size(), scope) != 0) return false;
  return territory.size() == scope.size() || territory[scope.size()] == '/';
}

bool ActorAlive(const model::Actor& a, const std::string& as_of) {
  if (a.deleted) return false;
  if (as_of.empty()) return a.dissolved.empty();
  if (!a.founded.empty() && !OnOrBefore(a.founded, as_of)) return false;
  return a.dissolved.empty() || !OnOrBefore(a.dissolved, as_of);
}

bool TieAlive(const model::Relationship& r, const NetworkFilter& f) {
  if (r.deleted || r.from == r.to) return false;
  if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), r.type) == f.types.end()) {
    return false;
  }
  if (f.as_of.empty()) return r.ended.empty();
  if (!r.started.empty() && !OnOrBefore(r.started, f.as_of)) return false;
  return r.ended.empty() || !OnOrBefore(r.ended, f.as_of);
}

// A strength outside (0, 1] is brought back into [0.01, 1]: a weight of 0 would make the tie
// vanish from PageRank and divide by zero in constraint, yet the tie was recorded.
double Weight(const model::Relationship& r) {
  if (!r.strength.has_value() || !std::isfinite(*r.strength)) return 1.0;
  return std::clamp(*r.strength, 0.01, 1.0);
}

// The ids of the actors that become nodes: alive, inside the territory, and with partners the
// alive actors outside tied by a kept tie to one inside.
std::unordered_set<std::string> NodeIds(const std::vector<model::Actor>& actors,
                                        const std::vector<model::Relationship>& relationships,
                                        const NetworkFilter& f) {
  std::unordered_set<std::string> inside, alive_outside;
  for (const auto& a : actors) {
    if (!ActorAlive(a, f.as_of)) continue;
    (InTerritory(a.territory, f.territory) ? inside : alive_outside).insert(a.id);
  }
  if (f.territory.empty() || !f.with_partners) return inside;
  std::unordered_set<std::string> ids = inside;
  for (const auto& r : relationships) {
    if (!TieAlive(r, f)) continue;
    if (inside.count(r.from) && alive_outside.count(r.to)) ids.insert(r.to);
    if (inside.count(r.to) && alive_outside.count(r.from)) ids.insert(r.from);
  }
  return ids;
}

}  // namespace

bool OnOrBefore(const std::string& date, const std::string& day) {
  if (date.empty() || day.empty()) return false;
  return FirstDay(date) <= FirstDay(day);
}

std::string ActorGroup(const model::Actor& actor) {
  std::vector<std::string> codes;
  codes.reserve(actor.structures.size());
  for (const auto& s : actor.structures) codes.push_back(NormaliseCode(s));
  for (const auto& sg : kStructureGroups) {
    if (std::find(codes.begin(), codes.end(), sg.code) != codes.end()) return std::string(sg.group);
  }
  return std::string(model::ToString(actor.kind));
}

Network BuildNetwork(const std::vector<model::Actor>& actors,
                     const std::vector<model::Relationship>& relationships,
                     const NetworkFilter& filter) {
  std::unordered_set<std::string> ids = NodeIds(actors, relationships, filter);
  Network net;
  std::unordered_map<std::string, int> index;
  for (const auto& a : actors) {
    if (!ids.count(a.id) || index.count(a.id)) continue;
    index.emplace(a.id, static_cast<int>(net.nodes.size()));
    net.nodes.push_back(Node{a.id, a.name, ActorGroup(a), a.territory, a.kind});
  }
  for (const auto& r : relationships) {
    if (!TieAlive(r, filter)) continue;
    auto from = index.find(r.from);
    auto to = index.find(r.to);
    if (from == index.end() || to == index.end()) continue;
    net.edges.push_back(Edge{from->second, to->second, r.type, Weight(r), r.id});
  }
  return net;
}

}  // namespace ecosol::ecosystem
