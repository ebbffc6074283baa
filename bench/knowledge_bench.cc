// The knowledge commons at scale (docs/knowledge.md; issue 7's targets):
//   1. index the 7,413 records of the UNDP SDG Innovation Commons (map, check, store, index) in a
//      fresh database: target under 10 s;
//   2. search over 100,000 cases: the UNDP records copied until there are that many (each copy
//      with its own id, so words and facets keep the export's distribution), then queries of one
//      or two words drawn from the titles, a third of them with a facet filter, each counting
//      every facet and making snippets as the API does: target p99 under 50 ms.
//
//   knowledge_bench --undp ../shared/data/undp-sdg-innovation-commons.jsonl [--db URL]
//                   [--cases 100000] [--queries 1000]
// Without --db, a SQLite file in the temporary folder (removed at the end).

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "ecosol/base/clock.h"
#include "ecosol/knowledge/service.h"
#include "ecosol/knowledge/undp.h"
#include "ecosol/store/store.h"
#include "ecosol/text/search_text.h"

namespace {

using nlohmann::json;
using Steady = std::chrono::steady_clock;

double Since(Steady::time_point t) {
  return std::chrono::duration<double>(Steady::now() - t).count();
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int Fail(const std::string& what, const ecosol::Status& s) {
  std::cerr << what << ": " << s.ToString() << "\n";
  return 1;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

struct Opened {
  std::unique_ptr<ecosol::store::Store> store;
  std::string path;  // a SQLite file to remove, or ""
};

ecosol::Result<Opened> Open(const std::string& url, const std::string& name) {
  Opened o;
  std::string target = url;
  if (target.empty()) {
    o.path = (std::filesystem::temp_directory_path() /
              ("knowledge_bench_" + name + "_" + std::to_string(getpid()) + ".db"))
                 .string();
    target = o.path;
  }
  auto store = ecosol::store::OpenStore(target);
  if (!store.ok()) return store.status();
  ECOSOL_RETURN_IF_ERROR((*store)->Migrate());
  o.store = std::move(*store);
  return o;
}

void Remove(const Opened& o) {
  if (o.path.empty()) return;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o.path + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Knowledge commons benchmark: indexing the UNDP export, searching 100k cases");
  std::string undp;
  std::string db;
  std::string frameworks = std::string(ECOSOL_SOURCE_DIR) + "/frameworks";
  long long cases = 100000;
  int queries = 1000;
  unsigned seed = 7;
  std::string reuse;
  bool keep = false;
  app.add_option("--undp", undp, "The UNDP SDG Innovation Commons export (JSON Lines)")->required();
  app.add_option("--db", db, "A PostgreSQL URL (default: SQLite files in the temporary folder)");
  app.add_option("--frameworks", frameworks, "The frameworks folder");
  app.add_option("--cases", cases, "Cases for the search benchmark");
  app.add_option("--queries", queries, "Search queries to time");
  app.add_option("--seed", seed, "Random seed of the queries");
  app.add_option("--reuse", reuse, "Search a database kept by --keep (skips indexing and loading)");
  app.add_flag("--keep", keep, "Keep the search database (its path is printed)");
  std::vector<std::string> only;
  app.add_option("--query", only,
                 "Time only these searches, three times each (the first with cold caches)");
  CLI11_PARSE(app, argc, argv);

  auto fw = ecosol::knowledge::TransferFrameworkIn(frameworks);
  if (!fw.ok()) return Fail("framework", fw.status());
  const ecosol::Clock& clock = ecosol::SystemClock();
  std::cout << "backend: " << (db.empty() ? "sqlite (temporary file)" : "postgresql") << "\n";

  // 1. The UNDP export into an empty database, as `ecosol knowledge import --undp` does.
  if (reuse.empty()) {
    auto opened = Open(db, "undp");
    if (!opened.ok()) return Fail("open", opened.status());
    auto t = Steady::now();
    auto report = ecosol::knowledge::ImportUndpFile(*opened->store, clock, **fw, undp, "bench");
    double secs = Since(t);
    if (!report.ok()) return Fail("import", report.status());
    std::cout << "index UNDP export: " << report->read << " records, " << report->created
              << " cases in " << secs << " s (" << static_cast<double>(report->read) / secs
              << " records/s; target: under 10 s)" << std::endl;
    Remove(*opened);
  }

  // 2. `cases` cases: copies of the records with their own ids.
  std::vector<json> docs;
  ecosol::Status read = ecosol::knowledge::ReadUndpFile(
      undp, [&](ecosol::knowledge::UndpCase c, int) -> ecosol::Status {
        docs.push_back(std::move(c.doc));
        return ecosol::Status::Ok();
      });
  if (!read.ok()) return Fail("read", read);
  auto opened = Open(reuse.empty() ? db : reuse, "search");
  if (!opened.ok()) return Fail("open", opened.status());
  if (!reuse.empty()) cases = 0;
  std::string file = (std::filesystem::temp_directory_path() /
                      ("knowledge_bench_cases_" + std::to_string(getpid()) + ".json"))
                         .string();
  auto t = Steady::now();
  long long written = 0;
  for (int copy = 0; written < cases; ++copy) {
    json batch = json::array();
    for (const json& d : docs) {
      if (written >= cases) break;
      json c = d;
      std::string id = c["id"].get<std::string>();
      if (copy > 0) c["id"] = id.substr(0, 120) + "-c" + std::to_string(copy);
      batch.push_back(std::move(c));
      ++written;
    }
    std::ofstream(file) << batch.dump();
    auto report = ecosol::knowledge::ImportCaseFile(*opened->store, clock, **fw, file, "bench");
    if (!report.ok()) return Fail("load", report.status());
  }
  std::filesystem::remove(file);
  if (reuse.empty()) {
    std::cout << "load " << written << " cases: " << Since(t) << " s" << std::endl;
  } else {
    written = *opened->store->CountCases();
  }
  // The first search reads every facet value into the connection's cache: not timed.
  {
    ecosol::knowledge::CaseSearchRequest warm;
    warm.q = "water";
    auto found = ecosol::knowledge::SearchCases(*opened->store, **fw, warm);
    if (!found.ok()) return Fail("warm-up", found.status());
  }

  if (!only.empty()) {
    for (const std::string& words : only) {
      std::cout << "'" << words << "':";
      for (int i = 0; i < 3; ++i) {
        ecosol::knowledge::CaseSearchRequest q;
        q.q = words;
        auto start = Steady::now();
        auto found = ecosol::knowledge::SearchCases(*opened->store, **fw, q);
        if (!found.ok()) return Fail("search '" + words + "'", found.status());
        std::cout << " " << Since(start) * 1000 << " ms";
        if (i == 0) std::cout << " (" << (*found)["total"].get<long long>() << " matches)";
      }
      std::cout << "\n";
    }
    return 0;
  }
  // Queries: one or two title words of at least 4 letters; a third with a facet filter.
  std::mt19937 rng(seed);
  std::vector<std::string> words;
  for (const json& d : docs) {
    for (const auto& [lang, title] : d["title"].items()) {
      for (const std::string& w :
           ecosol::text::Words(ecosol::text::Fold(title.get<std::string>()))) {
        if (w.size() >= 4) words.push_back(w);
      }
    }
  }
  const std::vector<std::pair<std::string, std::string>> filters = {
      {"sdg", "5"}, {"sdg", "13"}, {"type", "solution"}, {"language", "es"}, {"country", "ZM"}};
  std::vector<double> ms;
  std::vector<double> listing_ms;
  long long hits = 0;
  std::vector<std::pair<double, std::string>> timed;  // (ms, query and its matches)
  for (int i = 0; i < queries; ++i) {
    ecosol::knowledge::CaseSearchRequest q;
    q.q = words[rng() % words.size()];
    if (rng() % 2 == 0) q.q += " " + words[rng() % words.size()];
    if (rng() % 3 == 0) {
      const auto& [facet, value] = filters[rng() % filters.size()];
      q.filters[facet] = {value};
    }
    auto start = Steady::now();
    auto found = ecosol::knowledge::SearchCases(*opened->store, **fw, q);
    double took = Since(start) * 1000;
    if (!found.ok()) return Fail("search '" + q.q + "'", found.status());
    hits += (*found)["total"].get<long long>();
    ms.push_back(took);
    std::string filter;
    for (const auto& [facet, values] : q.filters) filter += ", " + facet + "=" + values[0];
    timed.emplace_back(took, "'" + q.q + "'" + filter + ": " +
                                 std::to_string((*found)["total"].get<long long>()) + " matches");
  }
  // The search page's first view: no words, every facet counted over every case.
  for (int i = 0; i < 20; ++i) {
    ecosol::knowledge::CaseSearchRequest q;
    if (i % 2 == 1) q.filters["sdg"] = {"5"};
    auto start = Steady::now();
    auto found = ecosol::knowledge::SearchCases(*opened->store, **fw, q);
    if (!found.ok()) return Fail("listing", found.status());
    listing_ms.push_back(Since(start) * 1000);
  }
  std::cout << "search over " << written << " cases, " << queries << " queries ("
            << static_cast<double>(hits) / queries << " matches on average): p50 "
            << Percentile(ms, 0.5) << " ms, p95 " << Percentile(ms, 0.95) << " ms, p99 "
            << Percentile(ms, 0.99) << " ms, max " << *std::max_element(ms.begin(), ms.end())
            << " ms; target p99 under 50 ms\n";
  std::sort(timed.rbegin(), timed.rend());
  std::cout << "the slowest searches:\n";
  for (size_t i = 0; i < timed.size() && i < 12; ++i) {
    std::cout << "  " << timed[i].first << " ms  " << timed[i].second << "\n";
  }
  std::cout << "listing without words (all facets counted): p50 " << Percentile(listing_ms, 0.5)
            << " ms, max " << *std::max_element(listing_ms.begin(), listing_ms.end()) << " ms\n"
            << "peak RSS: " << PeakRssMb() << " MB\n";
  if (keep) {
    std::cout << "kept: " << opened->path << "\n";
  } else if (reuse.empty()) {
    Remove(*opened);
  }
  return 0;
}
