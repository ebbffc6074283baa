// Participation at scale (docs/participation.md): a Schulze tally of a million ballots and the
// opinion map of a large conversation, each against its target.
//
//   participation_bench [--schulze-ballots 1000000] [--candidates 20]
//       [--opinion-participants 10000] [--opinion-statements 1000] [--density 0.3] [--seed 1]
//       [--groups 4] [--with-json]
//
// (1) Schulze: distinct full rankings from a random-utility model (each candidate a mean
// utility, each voter adds Gumbel noise and ranks by the sum: the Plackett-Luce model), one
// ballot each; Tally() is timed; target under 2 s.
// (2) Opinion map: participants in 4 planted groups (40%, 30%, 20%, 10%; --groups), each statement
// divisive (each group takes a side) or shared; a participant sees each statement with
// probability `density`, passes 15% of what they see and otherwise follows their group's side 80%
// of the time. OpinionMap() is timed on the built input; with --with-json the input is also
// written as JSON and read back by ParseOpinionInput, timed apart. Target under 5 s.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "ecosol/participation/opinion.h"
#include "ecosol/participation/tally.h"

namespace {

using ecosol::participation::OpinionInput;
using ecosol::participation::TallyInput;
using nlohmann::json;

double Unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  double one = 0, five = 0, fifteen = 0;
  in >> one >> five >> fifteen;
  char text[64];
  std::snprintf(text, sizeof text, "%.2f %.2f %.2f", one, five, fifteen);
  return text;
}

void Report(const char* what, double seconds, double target) {
  std::printf("%s: %.3f s (target < %.0f s: %s)\n", what, seconds, target,
              seconds < target ? "met" : "NOT met");
}

// ---------------------------------------------------------------------------------------------

TallyInput SchulzeInput(size_t ballots, int candidates, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  TallyInput in;
  in.method = ecosol::participation::Method::kSchulze;
  std::vector<double> mean(static_cast<size_t>(candidates));
  for (int c = 0; c < candidates; ++c) {
    const std::string id = "c" + std::to_string(c);
    in.options.push_back({id, id, 0, ""});
    mean[size_t(c)] = 0.15 * static_cast<double>(candidates - c) + 0.5 * Unit(rng);
  }
  // Distinct rankings: a flat open-addressing table of 64-bit fingerprints. A node-based set
  // would leave millions of small freed blocks behind, and glibc's malloc then spends the first
  // large allocation of Tally() consolidating them (0.6 s in one profile): the generator's
  // garbage, not the tally's time. Equal rankings always share a fingerprint, so duplicates are
  // always caught; two distinct rankings sharing one (odds about 1e-8 for a million) only cost a
  // redraw.
  std::vector<std::uint64_t> seen(std::bit_ceil(std::max<size_t>(16, 2 * ballots)), 0);
  const std::uint64_t mask = seen.size() - 1;
  std::vector<std::pair<double, int>> utility(static_cast<size_t>(candidates));
  in.ballots.reserve(ballots);
  while (in.ballots.size() < ballots) {
    for (int c = 0; c < candidates; ++c) {
      const double gumbel = -std::log(-std::log(Unit(rng) + 0x1.0p-60));
      utility[size_t(c)] = {mean[size_t(c)] + gumbel, c};
    }
    std::sort(utility.begin(), utility.end(), std::greater<>());
    std::uint64_t key = 0xcbf29ce484222325ULL;  // FNV-1a over the ranking, never 0 below
    for (const auto& u : utility)
      key = (key ^ static_cast<std::uint64_t>(u.second)) * 0x100000001b3ULL;
    key |= 1;
    std::uint64_t slot = (key * 0x9e3779b97f4a7c15ULL) >> 20 & mask;
    while (seen[slot] != 0 && seen[slot] != key) slot = (slot + 1) & mask;
    if (seen[slot] == key) continue;  // distinct rankings only
    seen[slot] = key;
    ecosol::participation::Ballot b;
    b.ranking.reserve(utility.size());
    for (const auto& u : utility) b.ranking.push_back(in.options[size_t(u.second)].id);
    in.ballots.push_back(std::move(b));
  }
  return in;
}

int RunSchulze(size_t ballots, int candidates, std::uint64_t seed) {
  auto start = std::chrono::steady_clock::now();
  TallyInput in = SchulzeInput(ballots, candidates, seed);
  std::printf("schulze: %zu distinct rankings of %d candidates generated in %.1f s\n",
              in.ballots.size(), candidates, Seconds(start));
  // The input is moved in, as the CLI, the API and the service do: Tally(const&) would first
  // copy a million ballots (about 0.7 s on the machine of docs/benchmarks.md).
  start = std::chrono::steady_clock::now();
  auto out = ecosol::participation::Tally(std::move(in));
  const double seconds = Seconds(start);
  if (!out.ok()) {
    std::fprintf(stderr, "%s\n", out.status().ToString().c_str());
    return 1;
  }
  std::printf("schulze: winners %s, tie %s\n", (*out)["winners"].dump().c_str(),
              (*out)["tie"].dump().c_str());
  Report("schulze Tally()", seconds, 2);
  start = std::chrono::steady_clock::now();
  in = TallyInput();
  std::printf("schulze: freeing the ballots afterwards: %.3f s (not counted)\n", Seconds(start));
  return 0;
}

// ---------------------------------------------------------------------------------------------

struct Conversation {
  OpinionInput input;
  std::vector<int> planted;  // per participant
};

Conversation OpinionConversation(size_t participants, size_t statements, double density, int groups,
                                 std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  // Group g has a share (groups - g) / (1 + 2 + ... + groups): 40%, 30%, 20%, 10% for 4.
  std::vector<double> share;
  for (int g = 0; g < groups; ++g) share.push_back(2.0 * (groups - g) / (groups * (groups + 1)));
  // side[g][s]: +1 agree, -1 disagree; a shared statement has one side for every group.
  std::vector<std::vector<int>> side(static_cast<size_t>(groups), std::vector<int>(statements));
  for (size_t s = 0; s < statements; ++s) {
    const bool divisive = Unit(rng) < 0.5;
    const int common = Unit(rng) < 0.7 ? 1 : -1;
    for (auto& group : side) group[s] = divisive ? (rng() % 2 ? 1 : -1) : common;
  }
  Conversation c;
  for (size_t s = 0; s < statements; ++s)
    c.input.statements.push_back({"s" + std::to_string(s), ""});
  c.input.votes.reserve(size_t(double(participants * statements) * density * 1.05));
  for (size_t p = 0; p < participants; ++p) {
    double r = Unit(rng);
    int g = 0;
    while (g < groups - 1 && (r -= share[size_t(g)]) >= 0) ++g;
    c.planted.push_back(g);
    const std::string who = "p" + std::to_string(p);
    for (size_t s = 0; s < statements; ++s) {
      if (Unit(rng) >= density) continue;
      const int vote = Unit(rng) < 0.15 ? 0 : (Unit(rng) < 0.8 ? 1 : -1) * side[size_t(g)][s];
      c.input.votes.push_back({who, c.input.statements[s].first, vote});
    }
  }
  c.input.seed = static_cast<unsigned>(seed);
  return c;
}

// The share of placed participants whose found group's majority planted group is their own.
double Purity(const json& map, const Conversation& c) {
  std::map<int, std::map<int, size_t>> table;
  for (const json& p : map["points"]) {
    const size_t who = std::stoul(p["participant"].get<std::string>().substr(1));
    ++table[p["group"].get<int>()][c.planted[who]];
  }
  size_t agree = 0;
  for (const auto& [group, counts] : table) {
    size_t most = 0;
    for (const auto& [planted, n] : counts) most = std::max(most, n);
    agree += most;
  }
  return static_cast<double>(agree) / static_cast<double>(map["points"].size());
}

int TimeParse(const OpinionInput& in) {
  json votes = json::array();
  for (const auto& v : in.votes) {
    votes.push_back({{"participant", v.participant}, {"statement", v.statement}, {"vote", v.vote}});
  }
  json statements = json::array();
  for (const auto& s : in.statements) statements.push_back(s.first);
  const std::string text = json{{"statements", statements}, {"votes", votes}}.dump();
  auto start = std::chrono::steady_clock::now();
  const json parsed = json::parse(text);
  const double json_seconds = Seconds(start);
  start = std::chrono::steady_clock::now();
  auto input = ecosol::participation::ParseOpinionInput(parsed);
  if (!input.ok()) {
    std::fprintf(stderr, "%s\n", input.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "opinion JSON: %.0f MB parsed by nlohmann::json in %.2f s, ParseOpinionInput %.2f s\n",
      static_cast<double>(text.size()) / 1e6, json_seconds, Seconds(start));
  return 0;
}

int RunOpinion(size_t participants, size_t statements, double density, int groups,
               std::uint64_t seed, bool with_json) {
  auto start = std::chrono::steady_clock::now();
  const Conversation c = OpinionConversation(participants, statements, density, groups, seed);
  std::printf("opinion: %zu participants x %zu statements, %zu votes generated in %.1f s\n",
              participants, statements, c.input.votes.size(), Seconds(start));
  start = std::chrono::steady_clock::now();
  auto out = ecosol::participation::OpinionMap(c.input);
  const double seconds = Seconds(start);
  if (!out.ok()) {
    std::fprintf(stderr, "%s\n", out.status().ToString().c_str());
    return 1;
  }
  const json& map = *out;
  std::printf("opinion: placed %zu, k %d (planted %d), silhouette %s, explained %s\n",
              map["placed"].get<size_t>(), map["k"].get<int>(), groups,
              map["silhouette"].dump().c_str(),
              map["pca"]["explained_variance_ratio"].dump().c_str());
  std::printf("opinion: purity against the planted groups %.4f\n", Purity(map, c));
  Report("opinion OpinionMap()", seconds, 5);
  return with_json ? TimeParse(c.input) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Participation benchmark: Schulze over many ballots, an opinion map at scale");
  size_t ballots = 1000000, participants = 10000, statements = 1000;
  int candidates = 20, groups = 4;
  std::uint64_t seed = 1;
  double density = 0.3;
  bool with_json = false;
  app.add_option("--schulze-ballots", ballots, "Distinct rankings to tally (0: skip)");
  app.add_option("--candidates", candidates, "Candidates of the Schulze tally")
      ->check(CLI::Range(2, 200));
  app.add_option("--opinion-participants", participants, "Participants (0: skip the map)");
  app.add_option("--opinion-statements", statements, "Statements of the conversation")
      ->check(CLI::Range(size_t{2}, size_t{100000}));
  app.add_option("--density", density, "Share of statements each participant votes on")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--groups", groups, "Planted opinion groups (1: no structure)")
      ->check(CLI::Range(1, 8));
  app.add_option("--seed", seed, "Random seed of the generators and of k-means");
  app.add_flag("--with-json", with_json, "Also time reading the conversation as JSON");
  CLI11_PARSE(app, argc, argv);

  std::printf("machine: %u threads (nproc), %s, load average %s\n",
              std::thread::hardware_concurrency(), CpuModel().c_str(), LoadAverage().c_str());
  if (ballots > 0 && RunSchulze(ballots, candidates, seed) != 0) return 1;
  if (participants > 0 &&
      RunOpinion(participants, statements, density, groups, seed, with_json) != 0) {
    return 1;
  }
  std::printf("load average after: %s\n", LoadAverage().c_str());
  return 0;
}
