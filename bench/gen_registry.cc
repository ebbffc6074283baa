// Generates a synthetic registry of any size in the ESSGlobal standard CSV whose distributions
// follow the Co-operatives UK data: each row copies the categorical fields of a randomly drawn
// real row (structure, activity, membership type, legal form, sector, SIC, ownership, region and
// locality, so joint distributions are kept), gets a new identifier, a name made of words drawn
// from the real names, and coordinates jittered by up to ~5 km around the real row's.
//
//   gen_registry --rows 1000000 --seed 42 --source ../shared/data/coops-uk/standard-2023.csv >
//   big.csv

#include <CLI/CLI.hpp>
#include <cstdio>
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
  CLI11_PARSE(app, argc, argv);
  Sample sample;
  if (!LoadSample(source, &sample)) return 1;
  std::mt19937_64 rng(seed);
  auto pick = [&](const auto& v) -> const auto& { return v[rng() % v.size()]; };
  std::uniform_real_distribution<double> jitter(-0.05, 0.05);
  std::string out;
  ecosol::interop::AppendCsvRecord(ecosol::interop::EssglobalCsvColumns(), &out);
  for (long long i = 0; i < rows; ++i) {
    std::vector<std::string> row = pick(sample.rows);
    char id[24];
    std::snprintf(id, sizeof id, "S%08lld", i + 1);
    row[0] = id;
    size_t n = 1 + rng() % 3;
    std::string name;
    for (size_t k = 0; k < n; ++k) name += pick(sample.words) + " ";
    row[1] = name + pick(sample.suffixes);
    row[17] = "";  // Companies House number: not shared between synthetic rows
    for (size_t c : {20u, 23u}) {
      if (!row[c].empty()) row[c] = Jitter(row[c], jitter(rng));
      if (!row[c + 1].empty()) row[c + 1] = Jitter(row[c + 1], jitter(rng));
    }
    ecosol::interop::AppendCsvRecord(row, &out);
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
