// Network measures at scale beside python-igraph (docs/benchmarks.md, "Ecosystem network
// metrics"): generates a reproducible edge list with community structure (a plain "from to
// weight" text file), then times, in one run, Ecosol's load (parse and build the network) and
// ComputeMetrics with degree, PageRank and Leiden (the other measures switched off), and
// bench/ecosystem_peer.py doing the same job with python-igraph on the same file.
//
//   ecosystem_bench --nodes 1000000 --edges 5000000 --file /tmp/eco.txt

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "ecosol/ecosystem/metrics.h"

namespace {

using ecosol::ecosystem::Edge;
using ecosol::ecosystem::Network;
using ecosol::ecosystem::Node;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Communities of 100 consecutive nodes; 80% of the ties inside one, the rest anywhere.
// Weights are strengths in (0, 1] with two decimals. No self-loops.
void Generate(const std::string& path, int64_t nodes, int64_t edges, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int64_t> any(0, nodes - 1), inside(0, 99);
  std::uniform_int_distribution<int> strength(1, 100);
  std::uniform_real_distribution<double> coin(0, 1);
  std::ofstream out(path);
  std::string line;
  for (int64_t i = 0; i < edges;) {
    int64_t a = any(rng);
    int64_t b = coin(rng) < 0.8 ? std::min(nodes - 1, (a / 100) * 100 + inside(rng)) : any(rng);
    if (a == b) continue;
    int w = strength(rng);
    line =
        std::to_string(a) + ' ' + std::to_string(b) + ' ' +
        (w == 100 ? std::string("1") : "0." + std::string(w < 10 ? "0" : "") + std::to_string(w));
    out << line << '\n';
    ++i;
  }
}

// Parses "from to weight" lines of node numbers into a network of max id + 1 nodes.
bool Load(const std::string& path, Network& net) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const char* p = text.data();
  const char* end = p + text.size();
  int max_id = -1;
  auto skip = [&] {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
  };
  while (true) {
    skip();
    if (p >= end) break;
    Edge e;
    auto r1 = std::from_chars(p, end, e.from);
    p = r1.ptr;
    skip();
    auto r2 = std::from_chars(p, end, e.to);
    p = r2.ptr;
    skip();
    auto r3 = std::from_chars(p, end, e.weight);
    p = r3.ptr;
    if (r1.ec != std::errc() || r2.ec != std::errc() || r3.ec != std::errc()) return false;
    max_id = std::max({max_id, e.from, e.to});
    net.edges.push_back(e);
  }
  net.nodes.resize(static_cast<size_t>(max_id + 1));
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    net.nodes[v].id = std::to_string(v);
    net.nodes[v].group = "organisation";
  }
  return true;
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

std::string RunPeer(const std::string& python, const std::string& script, const std::string& file) {
  std::string cmd = python + " " + script + " " + file;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buf[4096];
  while (fgets(buf, sizeof buf, pipe)) out += buf;
  pclose(pipe);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times degree, PageRank and Leiden on a large network beside python-igraph"};
  int64_t nodes = 1000000, edges = 5000000;
  uint64_t seed = 42;
  std::string file = "/tmp/ecosystem_bench_edges.txt";
  std::string python = "/usr/bin/python3";
  std::string peer = std::string(ECOSOL_SOURCE_DIR) + "/bench/ecosystem_peer.py";
  bool skip_peer = false;
  app.add_option("--nodes", nodes, "Nodes of the generated network");
  app.add_option("--edges", edges, "Edges of the generated network");
  app.add_option("--seed", seed, "Seed of the generator");
  app.add_option("--file", file, "Edge list (generated when missing)");
  app.add_option("--python", python, "Python with python3-igraph");
  app.add_flag("--no-peer", skip_peer, "Do not run python-igraph");
  CLI11_PARSE(app, argc, argv);

  if (!std::filesystem::exists(file)) {
    auto t = Clock::now();
    Generate(file, nodes, edges, seed);
    std::cout << "generate: " << Since(t) << " s, " << std::filesystem::file_size(file) / 1000000
              << " MB\n";
  }
  auto start = Clock::now();
  Network net;
  if (!Load(file, net)) {
    std::cerr << "cannot parse " << file << "\n";
    return 1;
  }
  double load = Since(start);
  ecosol::ecosystem::MetricsOptions options;
  options.closeness = options.betweenness_on = options.two_step_reach = false;
  options.overlapping = options.structural_holes = options.brokerage = false;
  auto t = Clock::now();
  auto m = ecosol::ecosystem::ComputeMetrics(net, options);
  double compute = Since(t);
  if (!m.ok()) {
    std::cerr << m.status().ToString() << "\n";
    return 1;
  }
  double ours = load + compute;
  std::cout << "ecosol: nodes " << m->nodes << ", edges " << m->edges << "\n";
  std::cout << "ecosol load (parse + network): " << load << " s\n";
  for (const auto& [phase, secs] : m->timings)
    std::cout << "ecosol " << phase << ": " << secs << " s\n";
  std::cout << "ecosol communities " << m->communities << ", modularity " << m->modularity << "\n";
  std::cout << "ecosol total: " << ours << " s, peak RSS " << PeakRssMb() << " MB\n";
  if (skip_peer) return 0;
  std::string out = RunPeer(python, peer, file);
  std::cout << out;
  auto pos = out.find("python-igraph total: ");
  if (pos != std::string::npos) {
    double theirs = std::stod(out.substr(pos + 21));
    std::cout << "ratio ecosol / python-igraph: " << ours / theirs << "\n";
  }
  return 0;
}
