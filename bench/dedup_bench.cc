// Times the search for duplicates over a whole registry and scores it against planted pairs
// (docs/benchmarks.md, "Entity resolution"). The registry is made with gen_registry
// --duplicates, its two files imported as two sources:
//
//   gen_registry --rows 950000 --duplicates 0.0526 --duplicates-file dups.csv --truth truth.csv
//     > base.csv
//   ecosol --db d.db init && ecosol --db d.db import base.csv --source base
//   ecosol --db d.db import dups.csv --source other
//   dedup_bench --db d.db --truth truth.csv

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <unordered_map>

#include "ecosol/base/strings.h"
#include "ecosol/registry/dedup.h"
#include "ecosol/store/store.h"

namespace {

using ecosol::registry::DuplicateCluster;

// Source identifier (any scheme) -> actor id, for the actors of the registry.
std::unordered_map<std::string, std::string> IdentifierIndex(ecosol::store::Store& store) {
  std::unordered_map<std::string, std::string> out;
  ecosol::store::ActorQuery q;
  q.by_id = true;
  q.stored_docs = true;
  q.limit = 5000;
  q.audience.everything = true;
  while (true) {
    auto page = store.ListActors(q);
    if (!page.ok()) break;
    for (const auto& stored : page->stored) {
      auto actor = ecosol::store::DecodeStoredActor(stored.doc);
      if (!actor.ok()) continue;
      for (const auto& [scheme, value] : actor->identifiers) out[value] = actor->id;
    }
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  return out;
}

std::pair<std::string, std::string> Ordered(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {a, b};
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, truth_path;
  double threshold = 0.85;
  CLI::App app{"Times the search for duplicates and scores it against planted pairs"};
  app.add_option("--db", db, "SQLite file or postgresql:// URL")->required();
  app.add_option("--truth", truth_path, "Planted pairs from gen_registry --truth")->required();
  app.add_option("--threshold", threshold, "Pair score needed to match")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  auto store = ecosol::store::OpenStore(db);
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  ecosol::registry::DedupOptions options;
  options.threshold = threshold;
  auto start = std::chrono::steady_clock::now();
  auto clusters = ecosol::registry::FindDuplicates(**store, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!clusters.ok()) {
    std::cerr << clusters.status().message() << "\n";
    return 1;
  }
  auto actors = (*store)->CountActors();
  std::cout << "actors: " << (actors.ok() ? *actors : -1) << "\nsearch: " << seconds << " s, "
            << clusters->size() << " clusters\n";

  auto index = IdentifierIndex(**store);
  std::ifstream in(truth_path);
  if (!in) {
    std::cerr << "cannot read '" << truth_path << "'\n";
    return 1;
  }
  std::set<std::pair<std::string, std::string>> truth;
  std::string line;
  std::getline(in, line);  // header
  long long unmapped = 0;
  while (std::getline(in, line)) {
    auto fields = ecosol::Split(line, ',');
    if (fields.size() != 2) continue;
    auto a = index.find(fields[0]);
    auto b = index.find(fields[1]);
    if (a == index.end() || b == index.end()) {
      ++unmapped;
      continue;
    }
    truth.insert(Ordered(a->second, b->second));
  }
  std::set<std::pair<std::string, std::string>> found;
  for (const DuplicateCluster& c : *clusters) {
    for (size_t i = 0; i < c.ids.size(); ++i) {
      for (size_t j = i + 1; j < c.ids.size(); ++j) found.insert(Ordered(c.ids[i], c.ids[j]));
    }
  }
  long long hits = 0;
  for (const auto& p : found) hits += truth.count(p);
  // Found pairs that were not planted, where both records came from the base file: distinct
  // synthetic organisations whose drawn names and places coincide.
  long long base_pairs = 0;
  for (const auto& p : found) {
    if (!truth.count(p) && p.first.find("-d0") == std::string::npos &&
        p.second.find("-d0") == std::string::npos) {
      ++base_pairs;
    }
  }
  double precision =
      found.empty() ? 0 : static_cast<double>(hits) / static_cast<double>(found.size());
  double recall = truth.empty() ? 0 : static_cast<double>(hits) / static_cast<double>(truth.size());
  std::cout << "planted pairs: " << truth.size() << " (" << unmapped << " not in the registry)\n"
            << "found pairs: " << found.size() << ", of which planted: " << hits
            << ", not planted between two base records: " << base_pairs << "\n"
            << "precision: " << precision << "\nrecall: " << recall << "\n";
  return 0;
}
