// Partner recommendations at scale (docs/ecosystem.md, "Partner matching"): generates a seeded
// registry of actors with locations, roles, offers and wants, and ties with local structure,
// builds the partner index (time, peak RSS), then times RecommendPartners for random actors and
// MissingBrokers for one country.
//
//   partners_bench --actors 1000000 --ties 5000000 --queries 200

#include <sys/resource.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "ecosol/ecosystem/partners.h"

namespace {

using ecosol::ecosystem::OfferWant;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU time of this thread, in ms: the machine may be shared, so wall time alone misleads.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000 + static_cast<double>(ts.tv_nsec) / 1e6;
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

std::string MemTotal() {
  std::ifstream in("/proc/meminfo");
  std::string line;
  std::getline(in, line);
  return line;
}

const char* kAssets[] = {"finance",   "training",    "advice", "premises",
                         "equipment", "procurement", "market", "policy",
                         "research",  "knowledge",   "data",   "impact_measurement",
                         "advocacy",  "visibility",  "network"};
const char* kTransactions[] = {"borrow-lend", "rent-lease", "buy-sell", "receive-donate"};
const char* kStructures[] = {"OS115", "OS10", "OS30", "OS170", "OS60"};

struct Registry {
  std::vector<ecosol::model::Actor> actors;
  std::vector<ecosol::model::Relationship> ties;
  std::vector<OfferWant> offers;
};

// Actors come in places of 100 (a locality: a point with jitter of 0.2 degrees), the
// territory "C<country>/R<region>/L<place>" following a 10- and 2-degree grid.
void GenerateActors(Registry& r, int64_t n, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> lat(-45, 60), lon(-120, 140), jitter(-0.2, 0.2),
      coin(0, 1);
  std::uniform_int_distribution<int> structure(0, 4);
  double clat = 0, clon = 0;
  std::string territory;
  r.actors.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    if (i % 100 == 0) {
      clat = lat(rng);
      clon = lon(rng);
      territory = "C" +
                  std::to_string(static_cast<int>((clat + 90) / 10) * 100 +
                                 static_cast<int>((clon + 180) / 10)) +
                  "/R" +
                  std::to_string(static_cast<int>((clat + 90) / 2) * 1000 +
                                 static_cast<int>((clon + 180) / 2)) +
                  "/L" + std::to_string(i / 100);
    }
    ecosol::model::Actor a;
    a.id = "a" + std::to_string(i);
    a.name = "Actor " + std::to_string(i);
    a.territory = territory;
    a.location = ecosol::model::Location{clat + jitter(rng), clon + jitter(rng),
                                         ecosol::model::LocationPrecision::kExact};
    double k = coin(rng);
    using K = ecosol::model::ActorKind;
    a.kind = k < 0.85   ? K::kOrganisation
             : k < 0.90 ? K::kNetwork
             : k < 0.93 ? K::kFunder
             : k < 0.95 ? K::kUniversity
             : k < 0.98 ? K::kPublicBody
                        : K::kInformalGroup;
    if (a.kind == K::kOrganisation) a.structures = {kStructures[structure(rng)]};
    r.actors.push_back(std::move(a));
  }
}

// 80% of the ties inside a place of 100, the rest anywhere; no self-loops.
void GenerateTies(Registry& r, int64_t n, int64_t m, std::mt19937_64& rng) {
  std::uniform_int_distribution<int64_t> any(0, n - 1), inside(0, 99);
  std::uniform_real_distribution<double> coin(0, 1);
  r.ties.reserve(static_cast<size_t>(m));
  for (int64_t i = 0; i < m;) {
    int64_t a = any(rng);
    int64_t b = coin(rng) < 0.8 ? std::min(n - 1, (a / 100) * 100 + inside(rng)) : any(rng);
    if (a == b) continue;
    ecosol::model::Relationship t;
    t.id = "t" + std::to_string(i);
    t.from = "a" + std::to_string(a);
    t.to = "a" + std::to_string(b);
    r.ties.push_back(std::move(t));
    ++i;
  }
}

// Two offers or wants per actor: a random asset type, one of 200 topics, one transaction type.
void GenerateOffers(Registry& r, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> asset(0, 14), topic(0, 199), transaction(0, 3);
  std::uniform_real_distribution<double> coin(0, 1);
  r.offers.reserve(r.actors.size() * 2);
  for (const auto& a : r.actors) {
    for (int k = 0; k < 2; ++k) {
      OfferWant o;
      o.actor_id = a.id;
      o.id = a.id + "-" + std::to_string(k);
      o.exchange_type = coin(rng) < 0.5 ? "offer" : "want";
      o.item_type = coin(rng) < 0.5 ? "good" : "service";
      o.transaction_types = {kTransactions[transaction(rng)]};
      o.asset_type = kAssets[asset(rng)];
      o.tags = {o.asset_type, "topic" + std::to_string(topic(rng))};
      o.title = o.exchange_type + " " + o.tags[1];
      double s = coin(rng);
      o.geographic_scope = s < 0.3   ? "local"
                           : s < 0.7 ? "regional"
                           : s < 0.9 ? "national"
                                     : "international";
      o.contact_details = {{"email", "x@example.org"}};
      o.source = "bench";
      r.offers.push_back(std::move(o));
    }
  }
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times partner recommendations on a large generated registry"};
  int64_t actors = 1000000, ties = 5000000;
  int queries = 200;
  uint64_t seed = 42;
  std::string frameworks = std::string(ECOSOL_SOURCE_DIR) + "/frameworks";
  app.add_option("--actors", actors, "Actors to generate");
  app.add_option("--ties", ties, "Ties to generate");
  app.add_option("--queries", queries, "Recommendations to time (random actors)");
  app.add_option("--seed", seed, "Seed of the generator");
  app.add_option("--frameworks", frameworks,
                 "Folder of building-blocks.yaml and partner-assets.yaml");
  CLI11_PARSE(app, argc, argv);

  std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::cout << "date: " << date << "\nnproc: " << std::thread::hardware_concurrency() << "\n"
            << MemTotal() << "\n";
  auto blocks = ecosol::ecosystem::LoadBlocksFramework(frameworks + "/building-blocks.yaml");
  if (!blocks.ok()) return std::cerr << blocks.status().ToString() << "\n", 1;
  auto assets =
      ecosol::ecosystem::LoadPartnerFramework(frameworks + "/partner-assets.yaml", **blocks);
  if (!assets.ok()) return std::cerr << assets.status().ToString() << "\n", 1;

  Registry r;
  std::mt19937_64 rng(seed);
  auto t = Clock::now();
  GenerateActors(r, actors, rng);
  GenerateTies(r, actors, ties, rng);
  GenerateOffers(r, rng);
  std::cout << "generate: " << Since(t) << " s (" << r.actors.size() << " actors, " << r.ties.size()
            << " ties, " << r.offers.size() << " offers and wants), peak RSS " << PeakRssMb()
            << " MB\n";

  long before = PeakRssMb();
  t = Clock::now();
  auto index = ecosol::ecosystem::BuildPartnerIndex(**assets, **blocks, r.actors, r.ties, r.offers,
                                                    "2026-11-29");
  if (!index.ok()) return std::cerr << index.status().ToString() << "\n", 1;
  auto stats = ecosol::ecosystem::StatsOf(**index);
  std::cout << "build index: " << Since(t) << " s; " << stats.actors << " actors, " << stats.ties
            << " distinct ties, " << stats.offers << " offers, " << stats.wants << " wants, "
            << stats.implicit_offers << " implicit assets; index about " << stats.bytes / 1000000
            << " MB; peak RSS " << PeakRssMb() << " MB (before the build " << before << " MB)\n";

  std::uniform_int_distribution<int64_t> pick(0, actors - 1);
  std::vector<double> ms, cpu;
  std::vector<long long> per_query;
  double candidates = 0;
  size_t returned = 0;
  for (int i = 0; i < queries; ++i) {
    ecosol::ecosystem::PartnerQuery q;
    q.actor_id = "a" + std::to_string(pick(rng));
    auto start = Clock::now();
    double cpu_start = ThreadCpuMs();
    auto rec = ecosol::ecosystem::RecommendPartners(**index, q);
    ms.push_back(Since(start) * 1000);
    cpu.push_back(ThreadCpuMs() - cpu_start);
    if (!rec.ok()) return std::cerr << rec.status().ToString() << "\n", 1;
    candidates += static_cast<double>(rec->candidates_scored);
    per_query.push_back(static_cast<long long>(rec->candidates_scored));
    returned += rec->items.size();
  }
  size_t slowest = static_cast<size_t>(std::max_element(ms.begin(), ms.end()) - ms.begin());
  std::printf("slowest: query %zu of %d (%.2f ms, %lld candidates)\n", slowest + 1, queries,
              ms[slowest], per_query[slowest]);
  double mean = 0;
  for (double v : ms) mean += v;
  mean /= static_cast<double>(ms.size());
  std::printf(
      "recommend (%d actors, limit 10): mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms; "
      "mean candidates scored %.0f; %zu recommendations\n",
      queries, mean, Percentile(ms, 0.5), Percentile(ms, 0.95), Percentile(ms, 1.0),
      candidates / queries, returned);
  double cpu_mean = 0;
  for (double v : cpu) cpu_mean += v;
  std::printf("recommend CPU time: mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
              cpu_mean / static_cast<double>(cpu.size()), Percentile(cpu, 0.5),
              Percentile(cpu, 0.95), Percentile(cpu, 1.0));

  const std::string country = r.actors[0].territory.substr(0, r.actors[0].territory.find('/'));
  t = Clock::now();
  auto gaps = ecosol::ecosystem::MissingBrokers(**index, country);
  if (!gaps.ok()) return std::cerr << gaps.status().ToString() << "\n", 1;
  std::cout << "missing brokers in " << country << ": " << gaps->gaps.size() << " gaps, "
            << Since(t) * 1000 << " ms\n";
  std::cout << "peak RSS " << PeakRssMb() << " MB\n";
  return 0;
}
