// Screening the whole registry (docs/benchmarks.md): gives every actor of a database a stored
// profile (drawn from a few realistic shapes, with facts varied at random and some left out),
// then times ScreeningService::ScreenAll, which reads each actor and its profile, evaluates the
// frameworks and stores one assessment per framework.
//
//   screening_bench --db big.db --frameworks frameworks --clauses data/clauses --framework un-ilo

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <random>

#include "ecosol/base/clock.h"
#include "ecosol/registry/registry.h"
#include "ecosol/screening/service.h"
#include "ecosol/store/store.h"

namespace {

using ecosol::Status;
using nlohmann::json;

json RandomProfile(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> share(0, 1);
  auto maybe = [&](double p) { return share(rng) < p; };
  static const char* kRules[] = {"one_member_one_vote", "one_member_one_vote", "capped_weighted",
                                 "capital_proportional"};
  json p = {{"purpose", {{"social", maybe(0.9)}, {"general_interest", maybe(0.6)}}},
            {"membership", {{"open", maybe(0.85)}, {"voluntary", true}}},
            {"governance",
             {{"voting_rule", kRules[rng() % 4]},
              {"stakeholder_bodies", maybe(0.5) ? json{"workers", "users"} : json::array()},
              {"general_assemblies_per_year", static_cast<int>(rng() % 3)}}},
            {"control", {{"public_body_share", maybe(0.1) ? 0.6 : 0.0}, {"for_profit_share", 0.0}}},
            {"profits", {{"dividends", share(rng) * 0.7}, {"reserves_indivisible", maybe(0.7)}}},
            {"assets", {{"asset_lock", maybe(0.7)}}},
            {"reporting", {{"accounts_filed", maybe(0.9)}, {"social_report", maybe(0.5)}}}};
  // Evidence is often partial: drop a few groups.
  for (const char* group : {"control", "profits", "assets", "reporting"}) {
    if (maybe(0.2)) p.erase(group);
  }
  return p;
}

Status AddProfiles(ecosol::store::Store& store, long long* added) {
  std::mt19937_64 rng(42);
  ecosol::store::ActorQuery q;
  q.limit = 5000;
  q.audience.everything = true;
  return store.InTransaction([&]() -> Status {
    while (true) {
      auto page = store.ListActors(q);
      if (!page.ok()) return page.status();
      for (const auto& actor : page->items) {
        ecosol::store::ProfileRecord r;
        r.actor_id = actor.id;
        r.created_at = "2026-11-29T00:00:00Z";
        r.who = "bench";
        r.doc = RandomProfile(rng).dump();
        ECOSOL_RETURN_IF_ERROR(store.PutProfile(&r));
        ++*added;
      }
      if (page->next_cursor.empty()) return Status::Ok();
      q.cursor = page->next_cursor;
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times screening every actor of a registry"};
  std::string db, frameworks, clauses;
  std::vector<std::string> framework_ids = {"un-ilo"};
  app.add_option("--db", db, "SQLite file or postgresql:// URL with the actors")->required();
  app.add_option("--frameworks", frameworks, "frameworks/ folder")->required();
  app.add_option("--clauses", clauses, "data/clauses folder")->required();
  app.add_option("--framework", framework_ids, "Framework(s) to screen against");
  CLI11_PARSE(app, argc, argv);

  auto store = ecosol::store::OpenStore(db);
  if (!store.ok()) return std::cerr << store.status().message() << "\n", 1;
  if (Status s = (*store)->Migrate(); !s.ok()) return std::cerr << s.message() << "\n", 1;
  auto catalogue = ecosol::screening::LoadFrameworks(frameworks);
  if (!catalogue.ok()) return std::cerr << catalogue.status().message() << "\n", 1;
  auto analyzer = ecosol::text::ClauseAnalyzer::Load(clauses);
  if (!analyzer.ok()) return std::cerr << analyzer.status().message() << "\n", 1;

  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  auto existing = (*store)->ProfiledActors("", 1);
  if (existing.ok() && existing->empty()) {
    long long added = 0;
    auto t0 = Clock::now();
    if (Status s = AddProfiles(**store, &added); !s.ok()) {
      return std::cerr << s.message() << "\n", 1;
    }
    std::cout << "profiles stored: " << added << " in " << seconds(t0, Clock::now()) << " s\n";
  }
  ecosol::registry::Registry registry(**store, ecosol::SystemClock());
  ecosol::screening::ScreeningService service(registry, *catalogue, *analyzer,
                                              ecosol::SystemClock());
  ecosol::screening::ScreenRequest request;
  request.frameworks = framework_ids;
  auto t0 = Clock::now();
  auto summary = service.ScreenAll(request, "bench", [&](const ecosol::screening::JobProgress& p) {
    if (p.done % 100000 < 500) {
      std::cerr << "\r" << p.done << " of " << p.total << " (" << seconds(t0, Clock::now()) << " s)"
                << std::flush;
    }
    return true;
  });
  double took = seconds(t0, Clock::now());
  std::cerr << "\n";
  if (!summary.ok()) return std::cerr << summary.status().message() << "\n", 1;
  long long actors = (*summary)["actors"];
  std::cout << "screened: " << actors << " actors, " << (*summary)["assessments"]
            << " assessments in " << took << " s (" << static_cast<double>(actors) / took
            << " actors/s)\nverdicts: " << (*summary)["verdicts"].dump() << "\n";
  return 0;
}
