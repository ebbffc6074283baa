// Network measures against python-igraph and networkx (tests/ecosystem/igraph_reference.py) on
// small graphs, and the sampled betweenness against the exact one.

#include "ecosol/ecosystem/metrics.h"

#include <gtest/gtest.h>
#include <igraph/igraph.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "test_paths.h"

namespace ecosol::ecosystem {
namespace {

// Floats must agree to this relative tolerance (both sides run igraph's C code or the same
// formula; the margin only absorbs summation order).
constexpr double kRelTol = 1e-9;
// Our Leiden modularity may fall this much below python's Leiden run (different generators).
constexpr double kModularityMargin = 0.02;

// The Debian python3 carries python3-igraph and python3-networkx; a python3 earlier on PATH
// (pyenv) may not. ECOSOL_PYTHON overrides.
std::string Python() {
  if (const char* p = std::getenv("ECOSOL_PYTHON")) return p;
  if (std::filesystem::exists("/usr/bin/python3")) return "/usr/bin/python3";
  return "python3";
}

Network MakeNetwork(int n, const std::vector<std::array<double, 3>>& edges) {
  Network net;
  for (int v = 0; v < n; ++v) {
    net.nodes.push_back(Node{"a" + std::to_string(v), "Actor " + std::to_string(v), "cooperative",
                             "CA/QC", model::ActorKind::kOrganisation});
  }
  for (const auto& e : edges) {
    net.edges.push_back(Edge{static_cast<int>(e[0]), static_cast<int>(e[1]),
                             model::RelationshipType::kPartnerOf, e[2], ""});
  }
  return net;
}

Network Karate() {
  igraph_t g;
  EXPECT_EQ(igraph_famous(&g, "Zachary"), IGRAPH_SUCCESS);
  std::vector<std::array<double, 3>> edges;
  for (igraph_integer_t e = 0; e < igraph_ecount(&g); ++e) {
    edges.push_back(
        {static_cast<double>(IGRAPH_FROM(&g, e)), static_cast<double>(IGRAPH_TO(&g, e)), 1.0});
  }
  auto n = static_cast<int>(igraph_vcount(&g));
  igraph_destroy(&g);
  return MakeNetwork(n, edges);
}

// Reciprocal ties, a parallel tie (two relationship types) and varied strengths.
Network DirectedWeighted() {
  return MakeNetwork(10, {{0, 1, 0.8},
                          {1, 0, 0.4},
                          {1, 2, 1.0},
                          {2, 3, 0.5},
                          {3, 0, 0.3},
                          {0, 4, 0.9},
                          {4, 5, 0.2},
                          {5, 6, 0.7},
                          {6, 4, 1.0},
                          {6, 7, 0.6},
                          {7, 8, 0.5},
                          {8, 9, 0.25},
                          {9, 7, 0.1},
                          {2, 3, 0.5},
                          {5, 1, 0.35}});
}

// A triangle, a path of four, a star of five and two isolates.
Network SeveralComponents() {
  return MakeNetwork(14, {{0, 1, 1},
                          {1, 2, 0.5},
                          {2, 0, 0.25},
                          {3, 4, 1},
                          {4, 5, 0.5},
                          {5, 6, 1},
                          {7, 8, 0.9},
                          {7, 9, 0.8},
                          {10, 7, 0.7},
                          {11, 7, 0.6}});
}

nlohmann::json Reference(const Network& net, const NetworkMetrics& m) {
  std::string path = ::testing::TempDir() + "ecosystem_graph_" + std::to_string(getpid()) + ".txt";
  {
    std::ofstream out(path);
    out.precision(17);
    out << "nodes " << net.nodes.size() << "\n";
    for (const Edge& e : net.edges)
      out << "edge " << e.from << " " << e.to << " " << e.weight << "\n";
    out << "membership";
    for (const auto& nm : m.node_metrics) out << " " << nm.community;
    out << "\n";
  }
  std::string cmd = Python() + " " + ::ecosol::testing::SourceDir() +
                    "/tests/ecosystem/igraph_reference.py " + path;
  FILE* pipe = popen(cmd.c_str(), "r");
  EXPECT_NE(pipe, nullptr) << cmd;
  std::string text;
  std::array<char, 4096> buf;
  while (pipe && fgets(buf.data(), static_cast<int>(buf.size()), pipe)) text += buf.data();
  EXPECT_EQ(pipe ? pclose(pipe) : -1, 0) << cmd;
  std::filesystem::remove(path);
  return nlohmann::json::parse(text);
}

void ExpectNear(double ours, const nlohmann::json& ref, const std::string& what) {
  if (ref.is_null()) {
    EXPECT_TRUE(std::isnan(ours)) << what << ": python says undefined, we say " << ours;
    return;
  }
  double r = ref.get<double>();
  EXPECT_NEAR(ours, r, kRelTol * std::max(1.0, std::fabs(r))) << what;
}

// The same partition, whatever the numbering.
std::vector<int64_t> Canonical(const std::vector<int64_t>& membership) {
  std::map<int64_t, int64_t> renumber;
  std::vector<int64_t> out;
  for (int64_t c : membership) out.push_back(renumber.emplace(c, renumber.size()).first->second);
  return out;
}

void CompareWithPython(const Network& net) {
  MetricsOptions options;
  auto m = ComputeMetrics(net, options);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  nlohmann::json ref = Reference(net, *m);
  ExpectNear(m->density, ref["density"], "density");
  std::vector<int64_t> components;
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    const NodeMetrics& nm = m->node_metrics[v];
    const std::string at = " of node " + std::to_string(v);
    EXPECT_EQ(nm.in_degree, ref["in_degree"][v].get<int64_t>()) << "in_degree" << at;
    EXPECT_EQ(nm.out_degree, ref["out_degree"][v].get<int64_t>()) << "out_degree" << at;
    EXPECT_EQ(nm.two_step_reach, ref["two_step_reach"][v].get<int64_t>()) << "reach" << at;
    ExpectNear(nm.pagerank, ref["pagerank"][v], "pagerank" + at);
    ExpectNear(nm.closeness, ref["closeness"][v], "closeness" + at);
    ExpectNear(nm.betweenness, ref["betweenness"][v], "betweenness" + at);
    ExpectNear(nm.constraint, ref["constraint"][v], "constraint" + at);
    ExpectNear(nm.effective_size, ref["effective_size"][v], "effective_size" + at);
    components.push_back(nm.component);
  }
  EXPECT_EQ(Canonical(components), Canonical(ref["components"].get<std::vector<int64_t>>()));
  EXPECT_EQ(m->components, *std::max_element(components.begin(), components.end()) + 1);
  // Leiden: our modularity is the modularity of our partition, and as good as python's run.
  ExpectNear(m->modularity, ref["membership_modularity"], "modularity");
  EXPECT_GE(m->modularity, ref["leiden_modularity"].get<double>() - kModularityMargin);
}

TEST(MetricsTest, KarateClubMatchesPythonIgraph) { CompareWithPython(Karate()); }

TEST(MetricsTest, DirectedWeightedGraphMatchesPythonIgraph) {
  CompareWithPython(DirectedWeighted());
}

TEST(MetricsTest, SeveralComponentsMatchPythonIgraph) { CompareWithPython(SeveralComponents()); }

TEST(MetricsTest, EffectiveSizeOfUnweightedGraphIsBorgattis) {
  // Karate's ties all weigh 1: effective size is n - 2t/n (networkx without weights).
  Network net = Karate();
  auto m = ComputeMetrics(net, MetricsOptions{});
  ASSERT_TRUE(m.ok());
  nlohmann::json ref = Reference(net, *m);
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    ExpectNear(m->node_metrics[v].effective_size, ref["effective_size_unweighted"][v],
               "node " + std::to_string(v));
  }
}

TEST(MetricsTest, KarateClubSummary) {
  auto m = ComputeMetrics(Karate(), MetricsOptions{});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->nodes, 34);
  EXPECT_EQ(m->edges, 78);
  EXPECT_EQ(m->components, 1);
  EXPECT_EQ(m->largest_component, 34);
  EXPECT_GE(m->communities, 3);
  EXPECT_FALSE(m->betweenness.sampled);
  // The most central actors of the club: the instructor (0) and the president (33).
  auto top =
      std::max_element(m->node_metrics.begin(), m->node_metrics.end(),
                       [](const auto& a, const auto& b) { return a.betweenness < b.betweenness; });
  EXPECT_EQ(top - m->node_metrics.begin(), 0);
}

// A mid-size graph with communities: 2,000 nodes in 20 groups.
Network MidSize() {
  std::mt19937_64 rng(7);
  std::vector<std::array<double, 3>> edges;
  std::uniform_int_distribution<int> node(0, 1999), in_group(0, 99);
  for (int i = 0; i < 8000; ++i) {
    int a = node(rng);
    int b = (i % 5 == 0) ? node(rng) : (a / 100) * 100 + in_group(rng);
    if (a != b) edges.push_back({static_cast<double>(a), static_cast<double>(b), 1.0});
  }
  return MakeNetwork(2000, edges);
}

// The sampled estimate stays within the documented error of the exact values (docs/
// ecosystem.md: on this graph, 500 pivots of 2,000 nodes give a relative L2 error near 0.20),
// and the error it reports tracks the true one within a factor of 1.5.
TEST(MetricsTest, SampledBetweennessIsWithinItsDocumentedError) {
  Network net = MidSize();
  MetricsOptions exact_options;
  exact_options.betweenness = "exact";
  auto exact = ComputeMetrics(net, exact_options);
  MetricsOptions sampled_options;
  sampled_options.betweenness = "sampled";
  sampled_options.betweenness_samples = 500;
  auto sampled = ComputeMetrics(net, sampled_options);
  ASSERT_TRUE(exact.ok() && sampled.ok());
  ASSERT_TRUE(sampled->betweenness.sampled);
  EXPECT_EQ(sampled->betweenness.samples, 500);
  double diff2 = 0, norm2 = 0;
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    double d = sampled->node_metrics[v].betweenness - exact->node_metrics[v].betweenness;
    diff2 += d * d;
    norm2 += exact->node_metrics[v].betweenness * exact->node_metrics[v].betweenness;
  }
  double error = std::sqrt(diff2 / norm2);
  EXPECT_LT(error, 0.25);
  EXPECT_LT(sampled->betweenness.relative_error, 1.5 * error);
  EXPECT_GT(sampled->betweenness.relative_error, error / 1.5);
}

TEST(MetricsTest, AutoBetweennessIsExactOnSmallNetworks) {
  MetricsOptions options;
  options.betweenness_samples = 10;
  auto m = ComputeMetrics(Karate(), options);
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->betweenness.sampled);
}

TEST(MetricsTest, SameSeedSameCommunities) {
  Network net = MidSize();
  auto a = ComputeMetrics(net, MetricsOptions{});
  auto b = ComputeMetrics(net, MetricsOptions{});
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    EXPECT_EQ(a->node_metrics[v].community, b->node_metrics[v].community);
  }
  EXPECT_EQ(a->modularity, b->modularity);
}

TEST(MetricsTest, BadOptionsAreInvalidArguments) {
  Network net = Karate();
  auto check = [&](auto change) {
    MetricsOptions o;
    change(o);
    auto m = ComputeMetrics(net, o);
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
  };
  check([](MetricsOptions& o) { o.betweenness = "fast"; });
  check([](MetricsOptions& o) { o.betweenness_samples = 1; });
  check([](MetricsOptions& o) { o.resolution = 0; });
  check([](MetricsOptions& o) { o.leiden_iterations = 0; });
  check([](MetricsOptions& o) { o.pagerank_damping = 1; });
  check([](MetricsOptions& o) { o.slpa_threshold = 0.9; });
  check([](MetricsOptions& o) { o.language = "de"; });
}

TEST(MetricsTest, EdgeToUnknownNodeIsInvalidArgument) {
  Network net = MakeNetwork(2, {{0, 5, 1}});
  EXPECT_EQ(ComputeMetrics(net, MetricsOptions{}).status().code(), StatusCode::kInvalidArgument);
}

TEST(MetricsTest, JsonHasTheApiShapeWithNullsForUndefinedValues) {
  Network net = SeveralComponents();
  MetricsOptions options;
  options.closeness = false;
  auto m = ComputeMetrics(net, options);
  ASSERT_TRUE(m.ok());
  nlohmann::json j = MetricsToJson(net, *m);
  EXPECT_EQ(j["summary"]["nodes"], 14);
  EXPECT_EQ(j["summary"]["edges"], 10);
  EXPECT_EQ(j["summary"]["directed"], true);
  EXPECT_EQ(j["summary"]["components"], 5);
  EXPECT_EQ(j["summary"]["largest_component"], 5);
  EXPECT_EQ(j["summary"]["betweenness"]["method"], "exact");
  EXPECT_TRUE(j["summary"]["betweenness"]["samples"].is_null());
  EXPECT_TRUE(j["summary"]["betweenness"]["relative_error"].is_null());
  EXPECT_EQ(j["weaving"]["stage"], "scattered");
  EXPECT_FALSE(j["weaving"]["reason"].get<std::string>().empty());
  const nlohmann::json& isolate = j["nodes"][12];
  EXPECT_EQ(isolate["id"], "a12");
  EXPECT_EQ(isolate["degree"], 0);
  EXPECT_TRUE(isolate["constraint"].is_null());
  EXPECT_TRUE(isolate["effective_size"].is_null());
  EXPECT_TRUE(isolate["closeness"].is_null());  // switched off
  EXPECT_EQ(isolate["brokerage"]["total"], 0);
  EXPECT_TRUE(isolate["communities"].is_array());
  const nlohmann::json& edge = j["edges"][0];
  EXPECT_EQ(edge["from"], "a0");
  EXPECT_EQ(edge["to"], "a1");
  EXPECT_EQ(edge["type"], "partner_of");
  EXPECT_EQ(edge["weight"], 1.0);
  for (const char* key :
       {"id", "name", "group", "territory", "kind", "in_degree", "out_degree", "degree", "strength",
        "closeness", "betweenness", "pagerank", "two_step_reach", "component", "community",
        "communities", "constraint", "effective_size", "brokerage"}) {
    EXPECT_TRUE(j["nodes"][0].contains(key)) << key;
  }
}

TEST(MetricsTest, EmptyAndTielessNetworksHaveMeasures) {
  auto empty = ComputeMetrics(Network{}, MetricsOptions{});
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(empty->nodes, 0);
  EXPECT_EQ(empty->weaving.stage, "scattered");
  auto lonely = ComputeMetrics(MakeNetwork(3, {}), MetricsOptions{});
  ASSERT_TRUE(lonely.ok()) << lonely.status().ToString();
  EXPECT_EQ(lonely->components, 3);
  EXPECT_EQ(lonely->communities, 3);
  EXPECT_TRUE(std::isnan(lonely->modularity));
  EXPECT_EQ(lonely->weaving.reason_code, "no_ties");
  EXPECT_TRUE(MetricsToJson(MakeNetwork(3, {}), *lonely)["summary"]["modularity"].is_null());
}

}  // namespace
}  // namespace ecosol::ecosystem

namespace ecosol::ecosystem {
namespace {

TEST(LayoutTest, TwoCliquesJoinedByOneTieAreDrawnApartTheSameWayEachTime) {
  std::vector<std::array<double, 3>> edges;
  for (int a = 0; a < 5; ++a) {
    for (int b = a + 1; b < 5; ++b) {
      edges.push_back({static_cast<double>(a), static_cast<double>(b), 1});
      edges.push_back({static_cast<double>(a + 5), static_cast<double>(b + 5), 1});
    }
  }
  edges.push_back({0, 5, 1});
  const Network net = MakeNetwork(10, edges);
  auto first = LayoutNetwork(net);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = LayoutNetwork(net);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(first->size(), 10u);
  double inside = 0, across = 0;
  int inside_pairs = 0, across_pairs = 0;
  for (size_t a = 0; a < 10; ++a) {
    EXPECT_EQ((*first)[a].x, (*second)[a].x);
    EXPECT_EQ((*first)[a].y, (*second)[a].y);
    EXPECT_GE((*first)[a].x, 0);
    EXPECT_LE((*first)[a].x, 1);
    EXPECT_GE((*first)[a].y, 0);
    EXPECT_LE((*first)[a].y, 1);
    for (size_t b = a + 1; b < 10; ++b) {
      const double d = std::hypot((*first)[a].x - (*first)[b].x, (*first)[a].y - (*first)[b].y);
      if ((a < 5) == (b < 5)) {
        inside += d;
        ++inside_pairs;
      } else {
        across += d;
        ++across_pairs;
      }
    }
  }
  EXPECT_LT(inside / inside_pairs, 0.6 * across / across_pairs);
  EXPECT_FALSE(LayoutNetwork(net, 0).ok());
  auto one = LayoutNetwork(MakeNetwork(1, {}));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ((*one)[0].x, 0.5);
}

}  // namespace
}  // namespace ecosol::ecosystem
