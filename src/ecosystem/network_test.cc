// Building the network: territory, types, dates, deletions, self-loops and partners.

#include "ecosol/ecosystem/network.h"

#include <gtest/gtest.h>

namespace ecosol::ecosystem {
namespace {

using model::Actor;
using model::ActorKind;
using model::Relationship;
using model::RelationshipType;

Actor MakeActor(std::string id, std::string territory, std::vector<std::string> structures = {}) {
  Actor a;
  a.id = std::move(id);
  a.name = "Name of " + a.id;
  a.territory = std::move(territory);
  a.structures = std::move(structures);
  return a;
}

Relationship Tie(std::string id, std::string from, std::string to,
                 RelationshipType type = RelationshipType::kPartnerOf) {
  Relationship r;
  r.id = std::move(id);
  r.from = std::move(from);
  r.to = std::move(to);
  r.type = type;
  return r;
}

std::vector<std::string> NodeIds(const Network& net) {
  std::vector<std::string> ids;
  for (const auto& n : net.nodes) ids.push_back(n.id);
  return ids;
}

std::vector<std::string> EdgeIds(const Network& net) {
  std::vector<std::string> ids;
  for (const auto& e : net.edges) ids.push_back(e.relationship_id);
  return ids;
}

class NetworkTest : public ::testing::Test {
 protected:
  std::vector<Actor> actors_ = {MakeActor("qc1", "CA/QC"), MakeActor("mtl", "CA/QC/montreal"),
                                MakeActor("on1", "CA/ON"), MakeActor("qcx", "CA/QCX"),
                                MakeActor("ca", "CA")};
  std::vector<Relationship> ties_ = {Tie("r1", "qc1", "mtl"), Tie("r2", "mtl", "on1"),
                                     Tie("r3", "on1", "ca"), Tie("r4", "qcx", "qc1")};
};

TEST_F(NetworkTest, EverythingWithoutFilter) {
  Network net = BuildNetwork(actors_, ties_, NetworkFilter{});
  EXPECT_EQ(NodeIds(net), (std::vector<std::string>{"qc1", "mtl", "on1", "qcx", "ca"}));
  EXPECT_EQ(EdgeIds(net), (std::vector<std::string>{"r1", "r2", "r3", "r4"}));
  EXPECT_EQ(net.edges[0].from, 0);
  EXPECT_EQ(net.edges[0].to, 1);
  EXPECT_EQ(net.edges[0].weight, 1.0);
}

TEST_F(NetworkTest, TerritoryKeepsItsDescendantsOnly) {
  NetworkFilter f;
  f.territory = "CA/QC";
  Network net = BuildNetwork(actors_, ties_, f);
  // "CA/QCX" shares the prefix but is not below "CA/QC".
  EXPECT_EQ(NodeIds(net), (std::vector<std::string>{"qc1", "mtl"}));
  EXPECT_EQ(EdgeIds(net), (std::vector<std::string>{"r1"}));
}

TEST_F(NetworkTest, PartnersAreTheActorsOutsideTiedToOneInside) {
  NetworkFilter f;
  f.territory = "CA/QC";
  f.with_partners = true;
  Network net = BuildNetwork(actors_, ties_, f);
  EXPECT_EQ(NodeIds(net), (std::vector<std::string>{"qc1", "mtl", "on1", "qcx"}));
  EXPECT_EQ(net.nodes[2].territory, "CA/ON");
  // r3 (on1 -> ca) stays out: "ca" is neither inside nor tied to an actor inside.
  EXPECT_EQ(EdgeIds(net), (std::vector<std::string>{"r1", "r2", "r4"}));
}

TEST_F(NetworkTest, TypesFilter) {
  ties_[1].type = RelationshipType::kFunds;
  NetworkFilter f;
  f.types = {RelationshipType::kFunds, RelationshipType::kSupplies};
  EXPECT_EQ(EdgeIds(BuildNetwork(actors_, ties_, f)), std::vector<std::string>{"r2"});
}

TEST_F(NetworkTest, AsOfWithYearAndMonthDates) {
  ties_[0].started = "2013";     // from 2013-01-01
  ties_[1].started = "2016-05";  // from 2016-05-01
  ties_[2].ended = "2015";       // over on 2015-01-01
  actors_[3].founded = "2020-02-03";
  NetworkFilter f;
  f.as_of = "2015-06-30";
  Network net = BuildNetwork(actors_, ties_, f);
  EXPECT_EQ(NodeIds(net), (std::vector<std::string>{"qc1", "mtl", "on1", "ca"}));
  EXPECT_EQ(EdgeIds(net), std::vector<std::string>{"r1"});
  f.as_of = "2014-12-31";
  EXPECT_EQ(EdgeIds(BuildNetwork(actors_, ties_, f)), (std::vector<std::string>{"r1", "r3"}));
}

TEST_F(NetworkTest, TodayLeavesOutEndedTiesAndDissolvedActors) {
  ties_[0].ended = "2020-01-01";
  actors_[4].dissolved = "2019";
  Network net = BuildNetwork(actors_, ties_, NetworkFilter{});
  EXPECT_EQ(NodeIds(net), (std::vector<std::string>{"qc1", "mtl", "on1", "qcx"}));
  EXPECT_EQ(EdgeIds(net), (std::vector<std::string>{"r2", "r4"}));
}

TEST_F(NetworkTest, DeletedActorsAndTiesAndSelfLoopsAreLeftOut) {
  actors_[2].deleted = true;
  ties_[3].deleted = true;
  ties_.push_back(Tie("self", "qc1", "qc1"));
  Network net = BuildNetwork(actors_, ties_, NetworkFilter{});
  EXPECT_EQ(NodeIds(net), (std::vector<std::string>{"qc1", "mtl", "qcx", "ca"}));
  EXPECT_EQ(EdgeIds(net), std::vector<std::string>{"r1"});
}

TEST_F(NetworkTest, StrengthIsTheWeight) {
  ties_[0].strength = 0.4;
  ties_[1].strength = 0.0;  // recorded but unmeasurable: kept with the smallest weight
  Network net = BuildNetwork(actors_, ties_, NetworkFilter{});
  EXPECT_DOUBLE_EQ(net.edges[0].weight, 0.4);
  EXPECT_DOUBLE_EQ(net.edges[1].weight, 0.01);
}

TEST(OnOrBeforeTest, YearsAndMonthsCountAsTheirFirstDay) {
  EXPECT_TRUE(OnOrBefore("2013", "2013-01-01"));
  EXPECT_FALSE(OnOrBefore("2013-05", "2013-04-30"));
  EXPECT_TRUE(OnOrBefore("2013-05", "2013-05-01"));
  EXPECT_TRUE(OnOrBefore("2013-05-02", "2013-05-02"));
  EXPECT_FALSE(OnOrBefore("", "2013-05-02"));
}

TEST(ActorGroupTest, StructureCodesNameTheGroup) {
  Actor a = MakeActor("x", "CA");
  EXPECT_EQ(ActorGroup(a), "organisation");
  a.kind = ActorKind::kUniversity;
  EXPECT_EQ(ActorGroup(a), "university");
  a.structures = {"OS60"};
  EXPECT_EQ(ActorGroup(a), "cooperative");
  a.structures = {"OS115", "OS200"};  // a federation that is also a co-operative
  EXPECT_EQ(ActorGroup(a), "federation");
  a.structures = {"http://purl.org/essglobal/standard/organisational-structure/OS180"};
  EXPECT_EQ(ActorGroup(a), "apex_body");
  a.structures = {"os220"};
  EXPECT_EQ(ActorGroup(a), "public_body");
  a.structures = {"OS170"};
  EXPECT_EQ(ActorGroup(a), "mutual");
  a.structures = {"OS10"};
  EXPECT_EQ(ActorGroup(a), "community_group");
  a.structures = {"OS40"};  // charity: no group of its own, so the kind
  EXPECT_EQ(ActorGroup(a), "university");
}

}  // namespace
}  // namespace ecosol::ecosystem
