#pragma once

// The network of an ecosystem: actors as nodes, their typed, weighted, dated relationships as
// directed edges, cut to a territory, to some relationship types and to a day.
//
//   NetworkFilter f;
//   f.territory = "CA/QC";
//   f.as_of = "2015-06-30";              // the network as it was on that day
//   Network net = BuildNetwork(actors, relationships, f);
//
// Pure functions over in-memory snapshots; ecosystem/service.h loads them from the store.

#include <optional>
#include <string>
#include <vector>

#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"

namespace ecosol::ecosystem {

// A node: one actor.
struct Node {
  std::string id;
  std::string name;
  // The actor type, the group of Gould-Fernandez brokerage roles: the ESSGlobal structure of
  // the actor when it names a type ("apex_body", "federation", "public_body", "cooperative",
  // "mutual", "social_enterprise", "community_group"; see ActorGroup), else its kind
  // ("university", "funder", "public_body", "network", "informal_group", "organisation",
  // "other").
  std::string group;
  std::string territory;
  model::ActorKind kind = model::ActorKind::kOrganisation;
};

// A directed edge between two nodes (indexes into Network::nodes).
struct Edge {
  int from = 0;
  int to = 0;
  model::RelationshipType type = model::RelationshipType::kPartnerOf;
  // The relationship's strength, 1 when not given; a strength outside (0, 1] is brought back
  // into [0.01, 1] (a recorded tie never weighs 0).
  double weight = 1.0;
  std::string relationship_id;
};

struct Network {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

struct NetworkFilter {
  // Only actors placed in this territory or below it ("CA" keeps "CA/QC"); empty: everywhere.
  std::string territory;
  // With a territory: also the actors outside it that are tied to an actor inside (the
  // territory's partners), marked by their territory. Without: only ties inside.
  bool with_partners = false;
  // Only these relationship types; empty: every type.
  std::vector<model::RelationshipType> types;
  // The network as it was on this ISO day (YYYY-MM-DD): ties started on or before it (a tie
  // with no start date is taken as always there) and not ended on or before it, and actors
  // founded on or before it and not dissolved on or before it. Empty: today's network (ties
  // and actors not ended).
  std::string as_of;
};

// The group of an actor for brokerage roles (see Node::group). ESSGlobal codes may be bare
// ("OS180"), lower case or full URIs; when several name a type, the first in this order wins:
// apex_body (OS180, OS230), federation (OS190, OS200, OS110, OS210, OS240), public_body (OS220),
// cooperative (OS60-OS100, OS115), mutual (OS170), social_enterprise (OS30, OS120, OS130),
// community_group (OS10). Docs: docs/ecosystem.md, "The network".
std::string ActorGroup(const model::Actor& actor);

// The filtered network: deleted actors and relationships are left out, and so are edges whose
// ends are not both nodes. Nodes keep the order of `actors`, edges the order of `relationships`.
// Self-loops are left out.
Network BuildNetwork(const std::vector<model::Actor>& actors,
                     const std::vector<model::Relationship>& relationships,
                     const NetworkFilter& filter);

// Whether a date given as a year ("2013"), a month ("2013-05") or a day is on or before `day`
// (ISO YYYY-MM-DD): a year counts as its first day. Empty dates are never on or before.
bool OnOrBefore(const std::string& date, const std::string& day);

}  // namespace ecosol::ecosystem
