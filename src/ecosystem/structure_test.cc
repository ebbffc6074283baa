// Brokerage roles on a hand-worked example, one canonical graph per weaving stage, and SLPA.

#include <gtest/gtest.h>

#include "ecosol/ecosystem/metrics.h"

namespace ecosol::ecosystem {
namespace {

using model::RelationshipType;

Network Make(const std::vector<std::string>& groups, const std::vector<std::pair<int, int>>& ties) {
  Network net;
  for (size_t v = 0; v < groups.size(); ++v) {
    net.nodes.push_back(
        Node{"n" + std::to_string(v), "", groups[v], "", model::ActorKind::kOrganisation});
  }
  for (const auto& [a, b] : ties) {
    net.edges.push_back(Edge{a, b, RelationshipType::kPartnerOf, 1.0, ""});
  }
  return net;
}

NetworkMetrics Compute(const Network& net, MetricsOptions options = {}) {
  auto m = ComputeMetrics(net, options);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? *m : NetworkMetrics{};
}

// Nodes: 0, 1, 2 co-operatives; 3 and 7 federations; 4 and 6 public bodies; 5 a university.
// Ties: 1->0, 0->2, 0->3, 1->3, 7->3, 3->2, 3->4 (twice: two relationship types), 4->5, 4->6.
//
// Broker 0 (in: 1; out: 2, 3):
//   1->0->2: no 1->2; co-op, co-op, co-op               -> coordinator
//   1->0->3: 1->3 exists                                -> not brokerage
// Broker 3 (in: 0, 1, 7; out: 2, 4):
//   0->3->2: 0->2 exists                                -> not brokerage
//   0->3->4: co-op, federation, public body             -> liaison
//   1->3->2: co-op, federation, co-op                   -> itinerant
//   1->3->4: co-op, federation, public body             -> liaison
//   7->3->2: federation, federation, co-op              -> representative
//   7->3->4: federation, federation, public body        -> representative
//   (the two 3->4 relationships make one tie: counted once)
// Broker 4 (in: 3; out: 5, 6):
//   3->4->5: federation, public body, university        -> liaison
//   3->4->6: federation, public body, public body       -> gatekeeper
// Nodes 1, 2, 5, 6 and 7 broker nothing (no two-path through them).
TEST(BrokerageTest, HandWorkedExample) {
  Network net =
      Make({"cooperative", "cooperative", "cooperative", "federation", "public_body", "university",
            "public_body", "federation"},
           {{1, 0}, {0, 2}, {0, 3}, {1, 3}, {7, 3}, {3, 2}, {3, 4}, {3, 4}, {4, 5}, {4, 6}});
  net.edges[7].type = RelationshipType::kFunds;
  NetworkMetrics m = Compute(net);
  const BrokerageRoles& b0 = m.node_metrics[0].brokerage;
  EXPECT_EQ(b0.coordinator, 1);
  EXPECT_EQ(b0.Total(), 1);
  const BrokerageRoles& b3 = m.node_metrics[3].brokerage;
  EXPECT_EQ(b3.coordinator, 0);
  EXPECT_EQ(b3.itinerant, 1);
  EXPECT_EQ(b3.gatekeeper, 0);
  EXPECT_EQ(b3.representative, 2);
  EXPECT_EQ(b3.liaison, 2);
  EXPECT_EQ(b3.Total(), 5);
  const BrokerageRoles& b4 = m.node_metrics[4].brokerage;
  EXPECT_EQ(b4.gatekeeper, 1);
  EXPECT_EQ(b4.liaison, 1);
  EXPECT_EQ(b4.Total(), 2);
  for (int v : {1, 2, 5, 6, 7})
    EXPECT_EQ(m.node_metrics[static_cast<size_t>(v)].brokerage.Total(), 0) << v;
}

TEST(BrokerageTest, SwitchedOffIsNull) {
  MetricsOptions options;
  options.brokerage = false;
  Network net = Make({"a", "b", "c"}, {{0, 1}, {1, 2}});
  auto j = MetricsToJson(net, Compute(net, options));
  EXPECT_TRUE(j["nodes"][1]["brokerage"].is_null());
}

std::vector<std::pair<int, int>> Star(int center, int first_leaf, int leaves) {
  std::vector<std::pair<int, int>> ties;
  for (int i = 0; i < leaves; ++i) ties.emplace_back(center, first_leaf + i);
  return ties;
}

WeavingStage Stage(int n, const std::vector<std::pair<int, int>>& ties,
                   const std::string& language = "en") {
  MetricsOptions options;
  options.language = language;
  return Compute(Make(std::vector<std::string>(static_cast<size_t>(n), "g"), ties), options)
      .weaving;
}

TEST(WeavingTest, PairsAreScattered) {
  WeavingStage w = Stage(12, {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}, {10, 11}});
  EXPECT_EQ(w.stage, "scattered");
  EXPECT_EQ(w.reason_code, "fragmented");
  EXPECT_EQ(w.components, 6);
  EXPECT_EQ(w.reason, "6 separate groups; the largest holds only 17% of the actors.");
}

TEST(WeavingTest, NoTiesIsScattered) {
  WeavingStage w = Stage(4, {});
  EXPECT_EQ(w.stage, "scattered");
  EXPECT_EQ(w.reason_code, "no_ties");
}

TEST(WeavingTest, StarIsHubAndSpoke) {
  auto ties = Star(0, 1, 8);
  ties.emplace_back(1, 2);
  WeavingStage w = Stage(9, ties);
  EXPECT_EQ(w.stage, "hub_and_spoke");
  EXPECT_EQ(w.reason_code, "single_hub");
  EXPECT_EQ(w.hubs, 1);
}

TEST(WeavingTest, LinkedStarsAreMultiHub) {
  std::vector<std::pair<int, int>> ties = {{0, 6}, {6, 12}, {12, 0}};
  for (int c : {0, 6, 12}) {
    auto s = Star(c, c + 1, 5);
    ties.insert(ties.end(), s.begin(), s.end());
  }
  WeavingStage w = Stage(18, ties);
  EXPECT_EQ(w.stage, "multi_hub");
  EXPECT_EQ(w.reason_code, "several_hubs");
  EXPECT_EQ(w.hubs, 3);
  EXPECT_EQ(w.core_size, 0);
}

TEST(WeavingTest, CliqueWithPendantsIsCorePeriphery) {
  std::vector<std::pair<int, int>> ties;
  for (int a = 0; a < 6; ++a) {
    for (int b = a + 1; b < 6; ++b) ties.emplace_back(a, b);
  }
  for (int p = 6; p < 18; ++p) ties.emplace_back(p, (p - 6) / 2);
  WeavingStage w = Stage(18, ties, "fr");
  EXPECT_EQ(w.stage, "core_periphery");
  EXPECT_EQ(w.reason_code, "dense_core");
  EXPECT_EQ(w.core_size, 6);
  EXPECT_DOUBLE_EQ(w.core_density, 1.0);
  EXPECT_EQ(w.reason,
            "Un noyau de 6 acteurs densément liés (densité 1.00), les autres peu liés entre eux "
            "(densité 0.00).");
}

// Two 5-cliques sharing node 4.
Network TwoCliques() {
  std::vector<std::pair<int, int>> ties;
  for (int base : {0, 4}) {
    for (int a = base; a < base + 5; ++a) {
      for (int b = a + 1; b < base + 5; ++b) ties.emplace_back(a, b);
    }
  }
  return Make(std::vector<std::string>(9, "g"), ties);
}

TEST(SlpaTest, SharedNodeBelongsToBothCliques) {
  NetworkMetrics m = Compute(TwoCliques());
  EXPECT_EQ(m.overlapping_communities, 2);
  EXPECT_EQ(m.node_metrics[4].communities, (std::vector<int64_t>{0, 1}));
  for (size_t v : {0u, 1u, 2u, 3u})
    EXPECT_EQ(m.node_metrics[v].communities, std::vector<int64_t>{0});
  for (size_t v : {5u, 6u, 7u, 8u})
    EXPECT_EQ(m.node_metrics[v].communities, std::vector<int64_t>{1});
}

TEST(SlpaTest, SameSeedSameCommunities) {
  Network net = TwoCliques();
  for (int i = 0; i < 20; ++i)
    net.edges.push_back(Edge{i % 9, (i * 7 + 3) % 9, RelationshipType::kSupports, 0.5, ""});
  std::erase_if(net.edges, [](const Edge& e) { return e.from == e.to; });
  MetricsOptions options;
  options.seed = 1234;
  NetworkMetrics a = Compute(net, options), b = Compute(net, options);
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    EXPECT_EQ(a.node_metrics[v].communities, b.node_metrics[v].communities) << v;
  }
  EXPECT_EQ(a.overlapping_communities, b.overlapping_communities);
}

}  // namespace
}  // namespace ecosol::ecosystem
