#pragma once

// Entity resolution: finding the records of one organisation that came from different sources
// (Co-operatives UK and an ESSGlobal map, a network's spreadsheet) or from a rename.
//
// Each actor is reduced to a MatchRecord: its name normalised (accents and case folded, legal
// and generic words such as Ltd, Limited, Co-operative, SCIC, Coop stripped), its place
// (country, postcode, locality, coordinates) and its identifiers. Candidate pairs come from
// blocking keys (the same normalised name in a country, the same words in another order, the
// same name start at the same postcode or within about a kilometre, a shared identifier), are
// scored (ScorePair), and pairs scoring at least the threshold are joined into clusters, each
// record only with its best match in each other source, when it is that match's best too (a
// source lists an organisation once).
//
//   auto clusters = FindDuplicates(store, {});   // every cluster of two or more actors
//
// Thread safety: the functions are pure over their inputs; FindDuplicates reads the store from
// the calling thread only.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/store/store.h"

namespace ecosol::registry {

// "The Phone Co-operative Ltd." -> "phone"; "Société Coopérative SCIC Énergie Partagée" ->
// "energie partagee". Words are folded (text::Fold), legal forms and generic words dropped;
// when nothing else is left, the folded words are kept as they are.
std::string NormaliseName(std::string_view name);

// What matching reads of an actor.
struct MatchRecord {
  std::string id;
  std::string name_key;             // NormaliseName(name)
  std::vector<std::string> tokens;  // the words of name_key, sorted
  std::string country;
  std::string postcode;  // upper case, spaces removed
  std::string locality;  // folded
  std::optional<model::Location> location;
  std::vector<std::pair<std::string, std::string>> identifiers;  // scheme, value (not "ecosol")
  std::string source;  // the provenance source of its name
};
MatchRecord MatchRecordOf(const model::Actor& actor);

struct PairScore {
  double score = 0;                  // 0..1
  std::vector<std::string> reasons;  // "same identifier companies-house 01234567", ...
};

// How much each name word tells apart: log((records + 10,000) / (records with the word + 1))
// over a set of records. A word it does not know weighs kUnknownWordWeight.
struct WordWeights {
  static constexpr double kUnknownWordWeight = 5;
  std::unordered_map<std::string, double> weight;
  double Of(const std::string& word) const {
    auto it = weight.find(word);
    return it == weight.end() ? kUnknownWordWeight : it->second;
  }
};
WordWeights WordWeightsOf(const std::vector<MatchRecord>& records);

// The likelihood that two records are the same organisation: 0.7 of the names' similarity
// (1 for the same words in any order, else each word's best Jaro-Winkler match in the other
// name, averaged with the words' weights) and 0.3 of the places' agreement (same postcode or
// within 300 m: 1; within 2 km: 0.8; same locality, no coordinates: 0.6; unknown: 0.5; apart:
// 0 or 0.1). A name made of common words only (weights summing to less than 6: "Sports Club")
// needs the same postcode or 300 m, else the score stays at 0.8. 1 for a shared identifier;
// at most 0.5 with different identifiers in one scheme; 0 for different countries.
PairScore ScorePair(const MatchRecord& a, const MatchRecord& b,
                    const WordWeights* weights = nullptr);

// Jaro-Winkler similarity of two strings (bytes), 0..1.
double JaroWinkler(std::string_view a, std::string_view b);

struct DuplicateCluster {
  std::vector<std::string> ids;  // sorted
  double score = 0;              // the lowest score of the pairs that join it
  // Each joining pair: {a, b, score, reasons}.
  struct Pair {
    std::string a, b;
    double score = 0;
    std::vector<std::string> reasons;
  };
  std::vector<Pair> pairs;
};

struct DedupOptions {
  double threshold = 0.85;
  // Blocks holding more records than this (a very common name in a country) are not compared
  // pairwise on that key; their members still meet through their place keys.
  size_t max_block = 200;
  // Called now and then with (blocks done, total); returning false stops the search.
  std::function<bool(long long, long long)> progress;
};

// The clusters among `records`, highest score first. Unavailable when progress stopped it.
Result<std::vector<DuplicateCluster>> FindClusters(const std::vector<MatchRecord>& records,
                                                   const DedupOptions& options);

// {"ids": [...], "score", "pairs": [{"a", "b", "score", "reasons": [...]}]}: the form of
// `ecosol dedup --report --json` and of the HTTP API.
nlohmann::json DuplicateClusterToJson(const DuplicateCluster& cluster);

// Reads every non-deleted actor and returns its clusters.
Result<std::vector<DuplicateCluster>> FindDuplicates(store::Store& store,
                                                     const DedupOptions& options);

}  // namespace ecosol::registry
