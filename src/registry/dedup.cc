#include "ecosol/registry/dedup.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "ecosol/text/search_text.h"

namespace ecosol::registry {
namespace {

// Legal forms and generic words of organisation names in the registry's languages (folded, as
// text::Words splits them: "co-operative" gives "co" and "operative").
const std::unordered_set<std::string>& DroppedWords() {
  static const std::unordered_set<std::string> words = {
      // English and the UK's legal forms
      "the", "ltd", "limited", "plc", "llp", "lp", "cic", "cio", "inc", "incorporated", "corp",
      "corporation", "company", "co", "op", "coop", "coops", "cooperative", "cooperatives",
      "operative", "operatives", "society", "soc", "and", "of", "llc",
      // French, Spanish, Portuguese, Italian, German, Dutch
      "le", "la", "les", "l", "de", "du", "des", "d", "et", "societe", "cooperativa",
      "cooperativas", "cooperativo", "cooperativos", "cooperatif", "cooperatifs", "cooperatives",
      "scop", "scic", "sa", "sas", "sarl", "sca", "scrl", "sccl", "scoop", "scl", "el", "los",
      "las", "del", "y", "sociedad", "sl", "sll", "da", "do", "das", "dos", "e", "sociedade",
      "ltda", "crl", "srl", "onlus", "aps", "genossenschaft", "eg", "ev", "gmbh", "ag", "ug", "und",
      "der", "die", "bv", "cv", "cooperatie", "ua", "vzw", "asbl"};
  return words;
}

// Multi-word legal forms, dropped before the single words.
const std::vector<std::vector<std::string>>& DroppedPhrases() {
  static const std::vector<std::vector<std::string>> phrases = {
      {"community", "interest", "company"},
      {"community", "benefit", "society"},
      {"industrial", "and", "provident", "society"},
      {"charitable", "incorporated", "organisation"},
      {"societe", "cooperative", "d", "interet", "collectif"},
      {"societe", "cooperative", "de", "production"},
      {"sociedad", "cooperativa"},
  };
  return phrases;
}

std::string NormalisedPostcode(std::string_view postcode) {
  std::string out;
  for (char c : postcode) {
    if (c == ' ' || c == '-') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

double DistanceKm(const model::Location& a, const model::Location& b) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (b.lat - a.lat) * kRad;
  double dlon = (b.lon - a.lon) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.lat * kRad) *
                                                           std::cos(b.lat * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Union-find over record indexes.
class Components {
 public:
  explicit Components(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

std::string NormaliseName(std::string_view name) {
  std::vector<std::string> words = text::Words(text::Fold(name));
  std::vector<bool> dropped(words.size(), false);
  for (const std::vector<std::string>& phrase : DroppedPhrases()) {
    for (size_t i = 0; i + phrase.size() <= words.size(); ++i) {
      if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(i))) {
        std::fill(dropped.begin() + static_cast<long>(i),
                  dropped.begin() + static_cast<long>(i + phrase.size()), true);
      }
    }
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (dropped[i] || DroppedWords().count(words[i])) continue;
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  if (!out.empty()) return out;
  // Nothing but legal words ("The Co-operative Society"): the folded words themselves.
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

MatchRecord MatchRecordOf(const model::Actor& actor) {
  MatchRecord r;
  r.id = actor.id;
  r.name_key = NormaliseName(actor.name);
  r.tokens = text::Words(r.name_key);
  std::sort(r.tokens.begin(), r.tokens.end());
  r.country = actor.address.country;
  r.postcode = NormalisedPostcode(actor.address.postcode);
  r.locality = text::Fold(actor.address.locality);
  r.location = actor.location;
  for (const auto& [scheme, value] : actor.identifiers) {
    if (scheme != "ecosol" && !value.empty()) r.identifiers.emplace_back(scheme, value);
  }
  auto it = actor.provenance.find("name");
  if (it != actor.provenance.end()) r.source = it->second.source;
  return r;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1;
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  const size_t window = std::max(a.size(), b.size()) / 2 - (std::max(a.size(), b.size()) >= 2);
  std::vector<bool> a_match(a.size(), false), b_match(b.size(), false);
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (b_match[j] || a[i] != b[j]) continue;
      a_match[i] = b_match[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_match[i]) continue;
    while (!b_match[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2) / m) /
                      3;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1 - jaro);
}

WordWeights WordWeightsOf(const std::vector<MatchRecord>& records) {
  std::unordered_map<std::string, long long> counts;
  for (const MatchRecord& r : records) {
    for (size_t i = 0; i < r.tokens.size(); ++i) {
      if (i == 0 || r.tokens[i] != r.tokens[i - 1]) ++counts[r.tokens[i]];
    }
  }
  WordWeights out;
  // As if 10,000 more records were known, none with the word: in a small registry every word
  // is rare, not common.
  constexpr double kPrior = 10000;
  const double n = static_cast<double>(records.size());
  out.weight.reserve(counts.size());
  for (const auto& [word, count] : counts) {
    out.weight[word] = std::log((n + kPrior) / (static_cast<double>(count) + 1));
  }
  return out;
}

namespace {

// Each word's best Jaro-Winkler match among `other`'s words, averaged with the words' weights.
double BestMatches(const std::vector<std::string>& words, const std::vector<std::string>& other,
                   const WordWeights* weights, double* total_weight) {
  double sum = 0, total = 0;
  for (const std::string& w : words) {
    double best = 0;
    for (const std::string& o : other) best = std::max(best, JaroWinkler(w, o));
    double weight = weights ? std::max(weights->Of(w), 0.1) : WordWeights::kUnknownWordWeight;
    sum += weight * best;
    total += weight;
  }
  *total_weight = total;
  return total > 0 ? sum / total : 0;
}

}  // namespace

PairScore ScorePair(const MatchRecord& a, const MatchRecord& b, const WordWeights* weights) {
  PairScore out;
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) {
    out.reasons.push_back("different countries (" + a.country + ", " + b.country + ")");
    return out;
  }
  bool conflicting_id = false;
  for (const auto& [scheme, value] : a.identifiers) {
    for (const auto& [other_scheme, other_value] : b.identifiers) {
      if (scheme != other_scheme) continue;
      if (value == other_value) {
        out.score = 1;
        out.reasons.push_back("same identifier " + scheme + " " + value);
        return out;
      }
      conflicting_id = true;
    }
  }
  double name = 0, a_weight = 0, b_weight = 0;
  double ab = BestMatches(a.tokens, b.tokens, weights, &a_weight);
  double ba = BestMatches(b.tokens, a.tokens, weights, &b_weight);
  if (a.tokens == b.tokens) {
    name = 1;
    out.reasons.push_back(a.name_key == b.name_key ? "same name" : "same words in another order");
  } else {
    name = a_weight + b_weight > 0 ? (ab * a_weight + ba * b_weight) / (a_weight + b_weight) : 0;
    out.reasons.push_back("similar names (" + Fixed(name, 2) + ")");
  }
  double place = 0.5;
  std::optional<double> km;
  if (a.location && b.location) km = DistanceKm(*a.location, *b.location);
  if (!a.postcode.empty() && a.postcode == b.postcode) {
    place = 1;
    out.reasons.push_back("same postcode " + a.postcode);
  } else if (km && *km < 0.3) {
    place = 1;
    out.reasons.push_back(Fixed(*km * 1000, 0) + " m apart");
  } else if (km && *km < 2) {
    place = 0.8;
    out.reasons.push_back(Fixed(*km, 1) + " km apart");
  } else if (km) {
    place = *km < 20 && (a.postcode.empty() || b.postcode.empty()) ? 0.1 : 0;
    out.reasons.push_back(Fixed(*km, 0) + " km apart");
  } else if (!a.postcode.empty() && !b.postcode.empty()) {
    place = 0;
    out.reasons.push_back("different postcodes");
  } else if (!a.locality.empty() && a.locality == b.locality) {
    place = 0.6;
    out.reasons.push_back("same locality");
  } else if (!a.locality.empty() && !b.locality.empty()) {
    place = 0.1;
    out.reasons.push_back("different localities");
  } else {
    out.reasons.push_back("place unknown");
  }
  out.score = 0.7 * name + 0.3 * place;
  constexpr double kInformative = 6;
  if (std::min(a_weight, b_weight) < kInformative && place < 1 && out.score > 0.8) {
    out.score = 0.8;
    out.reasons.push_back("common name: needs the same postcode or a place within 300 m");
  }
  if (conflicting_id && out.score > 0.5) {
    out.score = 0.5;
    out.reasons.push_back("different identifiers in the same scheme");
  }
  return out;
}

Result<std::vector<DuplicateCluster>> FindClusters(const std::vector<MatchRecord>& records,
                                                   const DedupOptions& options) {
  const size_t n = records.size();
  const WordWeights weights = WordWeightsOf(records);
  // Blocking keys -> record indexes.
  std::unordered_map<std::string, std::vector<uint32_t>> blocks;
  // Records by (cell of a few hundred metres, word start), for the neighbouring cells.
  std::unordered_map<std::string, std::vector<uint32_t>> cells;
  auto cell_key = [](long long i, long long j, const std::string& start) {
    return std::to_string(i) + ":" + std::to_string(j) + "|" + start;
  };
  constexpr double kCell = 0.003;  // degrees: about 330 m north-south, 200 m east-west in the UK
  for (uint32_t i = 0; i < n; ++i) {
    const MatchRecord& r = records[i];
    if (r.name_key.empty()) continue;
    // The same words in any order (the same name included).
    std::string sorted;
    for (const std::string& t : r.tokens) sorted += (sorted.empty() ? "" : " ") + t;
    blocks["w|" + r.country + "|" + sorted].push_back(i);
    for (const auto& [scheme, value] : r.identifiers) {
      blocks["i|" + scheme + "|" + value].push_back(i);
    }
    // At a place, the start of any word: a typo or a changed word elsewhere in the name still
    // meets.
    std::set<std::string> starts;
    for (const std::string& t : r.tokens) starts.insert(t.substr(0, 3));
    for (const std::string& start : starts) {
      if (!r.postcode.empty()) blocks["p|" + r.postcode + "|" + start].push_back(i);
      if (r.location) {
        cells[cell_key(std::llround(std::floor(r.location->lat / kCell)),
                       std::llround(std::floor(r.location->lon / kCell)), start)]
            .push_back(i);
      }
    }
  }
  std::unordered_set<uint64_t> seen;
  struct Scored {
    uint32_t a, b;
    PairScore score;
  };
  std::vector<Scored> matches;
  auto consider = [&](uint32_t a, uint32_t b) {
    if (a == b) return;
    if (a > b) std::swap(a, b);
    if (!seen.insert((static_cast<uint64_t>(a) << 32) | b).second) return;
    PairScore s = ScorePair(records[a], records[b], &weights);
    if (s.score >= options.threshold) matches.push_back({a, b, std::move(s)});
  };
  long long done = 0;
  const long long total = static_cast<long long>(blocks.size() + cells.size());
  auto report = [&]() {
    ++done;
    return !(options.progress && done % 10000 == 0 && !options.progress(done, total));
  };
  const Status stopped(StatusCode::kUnavailable, "the search for duplicates was stopped");
  for (const auto& [key, members] : blocks) {
    if (!report()) return stopped;
    if (members.size() < 2 || members.size() > options.max_block) continue;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) consider(members[x], members[y]);
    }
  }
  for (const auto& [key, members] : cells) {
    if (!report()) return stopped;
    // The records of this cell against those of this cell and its neighbours (same start).
    size_t bar = key.find('|');
    size_t colon = key.find(':');
    long long ci = std::stoll(key.substr(0, colon));
    long long cj = std::stoll(key.substr(colon + 1, bar - colon - 1));
    const std::string start = key.substr(bar + 1);
    for (long long di = -1; di <= 1; ++di) {
      for (long long dj = -1; dj <= 1; ++dj) {
        auto other = cells.find(cell_key(ci + di, cj + dj, start));
        if (other == cells.end()) continue;
        if (members.size() * other->second.size() > options.max_block * options.max_block) {
          continue;
        }
        for (uint32_t a : members) {
          for (uint32_t b : other->second) consider(a, b);
        }
      }
    }
  }
  if (options.progress) options.progress(total, total);

  // A source lists an organisation once: a record is joined only to its best match in each
  // other source, and that match's best in this record's source must be this record (mutual
  // best). Without it, a record matching two similar organisations of another source would
  // chain them into one cluster.
  std::unordered_map<uint64_t, double> best;  // (record, source index) -> best score
  std::unordered_map<std::string, uint32_t> source_index;
  auto source_of = [&](uint32_t r) {
    return source_index.emplace(records[r].source, static_cast<uint32_t>(source_index.size()))
        .first->second;
  };
  auto key = [](uint32_t r, uint32_t source) { return (static_cast<uint64_t>(r) << 32) | source; };
  // Only between two different known sources.
  auto constrained = [&](const Scored& m) {
    const std::string& sa = records[m.a].source;
    const std::string& sb = records[m.b].source;
    return !sa.empty() && !sb.empty() && sa != sb;
  };
  for (const Scored& m : matches) {
    if (!constrained(m)) continue;
    double& for_a = best[key(m.a, source_of(m.b))];
    for_a = std::max(for_a, m.score.score);
    double& for_b = best[key(m.b, source_of(m.a))];
    for_b = std::max(for_b, m.score.score);
  }
  std::vector<Scored> kept;
  for (Scored& m : matches) {
    if (!constrained(m) || (m.score.score >= best[key(m.a, source_of(m.b))] &&
                            m.score.score >= best[key(m.b, source_of(m.a))])) {
      kept.push_back(std::move(m));
    }
  }
  matches = std::move(kept);
  Components components(n);
  for (const Scored& m : matches) components.Join(m.a, m.b);
  std::unordered_map<size_t, DuplicateCluster> by_root;
  for (Scored& m : matches) {
    DuplicateCluster& c = by_root[components.Find(m.a)];
    c.pairs.push_back({records[m.a].id, records[m.b].id, m.score.score, m.score.reasons});
  }
  std::vector<DuplicateCluster> out;
  out.reserve(by_root.size());
  for (auto& [root, c] : by_root) {
    std::unordered_set<std::string> ids;
    c.score = 1;
    for (const DuplicateCluster::Pair& p : c.pairs) {
      ids.insert(p.a);
      ids.insert(p.b);
      c.score = std::min(c.score, p.score);
    }
    c.ids.assign(ids.begin(), ids.end());
    std::sort(c.ids.begin(), c.ids.end());
    std::sort(c.pairs.begin(), c.pairs.end(),
              [](const auto& x, const auto& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const DuplicateCluster& x, const DuplicateCluster& y) {
    return std::tie(y.score, x.ids) < std::tie(x.score, y.ids);
  });
  return out;
}

nlohmann::json DuplicateClusterToJson(const DuplicateCluster& cluster) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const DuplicateCluster::Pair& p : cluster.pairs) {
    pairs.push_back({{"a", p.a}, {"b", p.b}, {"score", p.score}, {"reasons", p.reasons}});
  }
  return {{"ids", cluster.ids}, {"score", cluster.score}, {"pairs", std::move(pairs)}};
}

Result<std::vector<DuplicateCluster>> FindDuplicates(store::Store& store,
                                                     const DedupOptions& options) {
  std::vector<MatchRecord> records;
  store::ActorQuery q;
  q.by_id = true;
  q.stored_docs = true;
  q.limit = 5000;
  q.audience.everything = true;
  while (true) {
    auto page = store.ListActors(q);
    if (!page.ok()) return page.status();
    for (const store::StoredActor& stored : page->stored) {
      auto actor = store::DecodeStoredActor(stored.doc);
      if (!actor.ok()) return actor.status().WithContext("actor '" + stored.id + "'");
      records.push_back(MatchRecordOf(*actor));
    }
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  return FindClusters(records, options);
}

}  // namespace ecosol::registry
