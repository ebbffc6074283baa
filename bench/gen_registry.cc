// Generates a synthetic registry of any size in the ESSGlobal standard CSV whose distributions
// follow the Co-operatives UK data: each row copies the categorical fields of a randomly drawn
// real row (structure, activity, membership type, legal form, sector, SIC, ownership, region and
// locality, so joint distributions are kept), gets a new identifier, a name made of words drawn
// from the real names, and coordinates jittered by up to ~5 km around the real row's.
//
//   gen_registry --rows 1000000 --seed 42 --source ../shared/data/coops-uk/standard-2023.csv >
//   big.csv

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "ecosol/base/strings.h"
#include "ecosol/interop/csv.h"
#include "ecosol/interop/essglobal_csv.h"
#include "ecosol/interop/importer.h"

namespace {

using ecosol::interop::CsvReader;
using ecosol::interop::CsvRecord;

struct Sample {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> words;     // words of real names
  std::vector<std::string> suffixes;  // last words of real names ("Limited", "Co-operative")
};

bool LoadSample(const std::string& path, Sample* s) {
  auto text = ecosol::interop::ReadFile(path);
  if (!text.ok()) {
    std::cerr << "gen_registry: " << text.status().message() << "\n";
    return false;
  }
  CsvReader reader(*text);
  CsvRecord rec;
  reader.Next(&rec);  // header
  while (reader.Next(&rec)) {
    if (!rec.error.empty() || rec.fields.size() != ecosol::interop::EssglobalCsvColumns().size()) {
      continue;
    }
    auto words = ecosol::SplitNonEmpty(rec.fields[1], ' ');
    if (words.size() >= 2) {
      s->suffixes.push_back(words.back());
      words.pop_back();
    }
    s->words.insert(s->words.end(), words.begin(), words.end());
    s->rows.push_back(rec.fields);
  }
  return !s->rows.empty();
}

std::string Jitter(const std::string& value, double delta) {
  double v = 0;
  if (!ecosol::ParseDouble(value, &v)) return value;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v + delta);
  return buf;
}

// A record of the same organisation as `row` as another source might hold it.
std::vector<std::string> Variant(std::vector<std::string> row, std::mt19937_64& rng) {
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  std::vector<std::string> words = ecosol::SplitNonEmpty(row[1], ' ');
  static const std::vector<std::string> kForms = {"Ltd", "Limited", "Co-operative",     "Co-op",
                                                  "CIC", "Coop",    "Co-operative Ltd", "Society"};
  if (words.size() >= 2 && chance(0.5)) words.back() = kForms[rng() % kForms.size()];
  if (words.size() >= 3 && chance(0.15)) std::swap(words[0], words[1]);
  if (chance(0.2)) {  // one typo: two ASCII letters swapped in a word of 5 bytes or more
    for (std::string& w : words) {
      if (w.size() < 5) continue;
      size_t at = 1 + rng() % (w.size() - 2);
      auto ascii = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
      if (ascii(w[at]) && ascii(w[at + 1])) {
        std::swap(w[at], w[at + 1]);
        break;
      }
    }
  }
  std::string name;
  for (const std::string& w : words) name += (name.empty() ? "" : " ") + w;
  if (chance(0.3)) {
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  row[1] = name;
  row[2] = "";                   // the other source has no description
  if (chance(0.3)) row[9] = "";  // nor, sometimes, the postcode
  std::uniform_real_distribution<double> nearby(-0.0007, 0.0007);
  for (size_t c : {20u, 23u}) {
    if (!row[c].empty()) row[c] = Jitter(row[c], nearby(rng));
    if (!row[c + 1].empty()) row[c + 1] = Jitter(row[c + 1], nearby(rng));
  }
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  long long rows = 1000;
  unsigned seed = 42;
  std::string source = "../shared/data/coops-uk/standard-2023.csv";
  CLI::App app{"Synthetic ESSGlobal standard CSV following the Co-operatives UK distributions"};
  app.add_option("--rows", rows, "Rows to generate")->capture_default_str();
  app.add_option("--seed", seed, "Random seed (same seed, same file)")->capture_default_str();
  app.add_option("--source", source, "The Co-operatives UK standard CSV to sample")
      ->capture_default_str();
  double duplicates = 0;
  std::string duplicates_file, truth_file;
  app.add_option("--duplicates", duplicates,
                 "Plant duplicates: the share of rows that get a variant in --duplicates-file "
                 "(another source: the name's legal form, case, word order or one letter "
                 "changed, the postcode sometimes left out, the place moved by up to ~100 m)");
  app.add_option("--duplicates-file", duplicates_file, "Where the planted duplicates go");
  app.add_option("--truth", truth_file,
                 "Where the planted pairs go (CSV: original identifier, duplicate identifier)");
  CLI11_PARSE(app, argc, argv);
  if (duplicates > 0 && (duplicates_file.empty() || truth_file.empty())) {
    std::cerr << "gen_registry: --duplicates needs --duplicates-file and --truth\n";
    return 2;
  }
  Sample sample;
  if (!LoadSample(source, &sample)) return 1;
  std::mt19937_64 rng(seed);
  auto pick = [&](const auto& v) -> const auto& { return v[rng() % v.size()]; };
  std::uniform_real_distribution<double> jitter(-0.05, 0.05);
  std::string out, dup_out, truth = "original,duplicate\n";
  long long planted = 0;
  ecosol::interop::AppendCsvRecord(ecosol::interop::EssglobalCsvColumns(), &out);
  ecosol::interop::AppendCsvRecord(ecosol::interop::EssglobalCsvColumns(), &dup_out);
  for (long long i = 0; i < rows; ++i) {
    std::vector<std::string> row = pick(sample.rows);
    char id[24];
    std::snprintf(id, sizeof id, "S%08lld", i + 1);
    row[0] = id;
    // With planted duplicates, names of two to four words and a postcode of its own (the real
    // row's outward code, a drawn inward code): otherwise distinct synthetic records would share
    // names and postcodes far more often than organisations do (about 135 rows a real postcode
    // at 1M rows), and no method could tell them apart.
    size_t n = duplicates > 0 ? 2 + rng() % 3 : 1 + rng() % 3;
    std::string name;
    for (size_t k = 0; k < n; ++k) name += pick(sample.words) + " ";
    row[1] = name + pick(sample.suffixes);
    row[17] = "";  // Companies House number: not shared between synthetic rows
    if (duplicates > 0 && !row[9].empty()) {
      std::string outward = row[9].substr(0, row[9].find(' '));
      row[9] = outward + " " + std::to_string(rng() % 10) + static_cast<char>('A' + rng() % 26) +
               static_cast<char>('A' + rng() % 26);
    }
    for (size_t c : {20u, 23u}) {
      if (!row[c].empty()) row[c] = Jitter(row[c], jitter(rng));
      if (!row[c + 1].empty()) row[c + 1] = Jitter(row[c + 1], jitter(rng));
    }
    ecosol::interop::AppendCsvRecord(row, &out);
    if (duplicates > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < duplicates) {
      std::vector<std::string> dup = Variant(row, rng);
      char dup_id[24];
      std::snprintf(dup_id, sizeof dup_id, "D%08lld", ++planted);
      dup[0] = dup_id;
      ecosol::interop::AppendCsvRecord(dup, &dup_out);
      truth += row[0] + "," + dup[0] + "\n";
    }
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (duplicates > 0) {
    std::ofstream(duplicates_file, std::ios::binary) << dup_out;
    std::ofstream(truth_file, std::ios::binary) << truth;
    std::cerr << "gen_registry: " << planted << " duplicates planted\n";
  }
  return 0;
}
