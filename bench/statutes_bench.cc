// Statutes analysis throughput beside ripgrep, in one run (docs/benchmarks.md):
//   1. generates a corpus of at least --mb MB of statutes in four languages (statutes_corpus.h);
//   2. writes the scan patterns of data/clauses to patterns.txt (what `ecosol statutes patterns`
//      prints);
//   3. times `rg -i -c -f` over the corpus (the peer: the same cue patterns, found and counted per
//      file), and ecosol's analysis of every file (read the file, detect its language, scan,
//      resolve clauses with negation and values) with as many threads as rg uses; then both again
//      on one thread.
//      ripgrep's lazy DFA cannot take the exact scan patterns together: their unbounded
//      within-clause gaps ([^.;]*) multiply its states, and it falls back to its NFA at a few
//      tens of KB/s. So the peer searches the fragments of the patterns between those gaps (each
//      a necessary part of a match: a superset search, less work than the exact one), and the
//      exact set is timed on a small sample only (--exact-sample-mb) to show that rate;
//   4. prints MB/s for both and the ratio. The best of --runs runs is kept; the page cache is
//      warmed first. Nothing is asserted.
//
//   statutes_bench --mb 100 [--dir /tmp/corpus --keep] [--runs 3] [--threads 2]

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include "ecosol/base/strings.h"
#include "ecosol/text/statutes.h"
#include "statutes_corpus.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  size_t mb = 100;
  std::string dir;
  bool keep = false;
  int runs = 3;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string cues = std::string(ECOSOL_SOURCE_DIR) + "/data/clauses";
  std::string golden = std::string(ECOSOL_SOURCE_DIR) + "/tests/golden/statutes";
  uint32_t seed = 42;
  double exact_sample_mb = 1;
};

// Splits each scan pattern at its top-level gaps and keeps the fragments that hold a literal of
// at least three letters (a fragment such as "\s+" would match every line).
std::vector<std::string> Fragments(const std::vector<std::string>& patterns) {
  const std::string gap = "[^.;]*";  // kScanGap of src/text/cue_pattern.cc
  std::vector<std::string> out;
  auto keep = [&](std::string f) {
    int run = 0, best = 0;
    for (char c : f) {
      run = std::isalpha(static_cast<unsigned char>(c)) ? run + 1 : 0;
      best = std::max(best, run);
    }
    if (best >= 3 && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  for (const std::string& p : patterns) {
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '\\') {
        ++i;
      } else if (p[i] == '[') {
        if (depth == 0 && p.compare(i, gap.size(), gap) == 0) {
          keep(p.substr(start, i - start));
          start = i + gap.size();
        }
        i = p.find(']', i + 2);
      } else if (p[i] == '(') {
        ++depth;
      } else if (p[i] == ')') {
        --depth;
      }
    }
    keep(p.substr(start));
  }
  return out;
}

std::vector<fs::path> Files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

struct Tally {
  std::atomic<size_t> clauses{0};
  std::atomic<size_t> negated{0};
  std::atomic<size_t> errors{0};
};

// Analyses every file on `threads` threads; returns the wall time.
double RunEcosol(const ecosol::text::ClauseAnalyzer& analyzer, const std::vector<fs::path>& files,
                 unsigned threads, Tally* tally) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      std::string text = Slurp(files[i]);
      auto a = analyzer.Analyze(text);
      if (!a.ok()) {
        ++tally->errors;
        continue;
      }
      tally->clauses += a->clauses.size();
      for (const auto& c : a->clauses) {
        tally->negated += c.polarity == ecosol::text::Polarity::kNegated ? 1 : 0;
      }
    }
  };
  auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  return Seconds(t0, Clock::now());
}

double RunRg(const fs::path& patterns, const std::string& paths, unsigned threads) {
  std::string cmd = "rg -i -c -j " + std::to_string(threads) + " -f '" + patterns.string() + "' " +
                    paths + " > /dev/null";
  auto t0 = Clock::now();
  int rc = std::system(cmd.c_str());
  double s = Seconds(t0, Clock::now());
  if (rc != 0) std::cerr << "statutes_bench: `" << cmd << "` exited with " << rc << "\n";
  return s;
}

template <typename F>
double Best(int runs, F f) {
  double best = 1e30;
  for (int i = 0; i < runs; ++i) best = std::min(best, f());
  return best;
}

void Report(const char* what, double mb, double ours, double rg) {
  std::printf("%-22s ecosol %8.2f MB/s (%.2f s)   rg %8.2f MB/s (%.2f s)   ratio %.2fx\n", what,
              mb / ours, ours, mb / rg, rg, ours / rg);
}

// ripgrep with the exact scan patterns on the first files of the corpus (about
// --exact-sample-mb), beside ecosol on the same files, on one thread.
void ExactSample(const Options& o, const ecosol::text::ClauseAnalyzer& analyzer,
                 const std::vector<fs::path>& files, const fs::path& exact) {
  if (o.exact_sample_mb <= 0) return;
  std::vector<fs::path> sample;
  std::string paths;
  size_t bytes = 0;
  for (const auto& f : files) {
    if (static_cast<double>(bytes) >= o.exact_sample_mb * 1e6) break;
    sample.push_back(f);
    paths += "'" + f.string() + "' ";
    bytes += fs::file_size(f);
  }
  Tally t;
  double ours = RunEcosol(analyzer, sample, 1, &t);
  double rg = RunRg(exact, paths, 1);
  std::string label = "exact, " + std::to_string(sample.size()) + " files";
  Report(label.c_str(), static_cast<double>(bytes) / 1e6, ours, rg);
}

int Run(const Options& o) {
  fs::path dir = o.dir.empty() ? fs::temp_directory_path() /
                                     ("ecosol-statutes-bench." + std::to_string(::getpid()))
                               : fs::path(o.dir);
  if (!fs::exists(dir) || Files(dir).empty()) {
    auto t0 = Clock::now();
    auto stats = ecosol::bench::GenerateStatutesCorpus(dir, o.mb, o.seed, o.golden);
    if (!stats.ok()) {
      std::cerr << "statutes_bench: " << stats.status().message() << "\n";
      return 1;
    }
    std::printf("corpus: %zu files, %.1f MB in %s (generated in %.1f s)\n", stats->files,
                static_cast<double>(stats->bytes) / 1e6, dir.c_str(), Seconds(t0, Clock::now()));
  }
  std::vector<fs::path> files = Files(dir);
  size_t bytes = 0;
  for (const auto& f : files) bytes += fs::file_size(f);  // also warms the metadata
  double mb = static_cast<double>(bytes) / 1e6;

  auto t0 = Clock::now();
  auto analyzer = ecosol::text::ClauseAnalyzer::Load(o.cues);
  if (!analyzer.ok()) {
    std::cerr << "statutes_bench: " << analyzer.status().message() << "\n";
    return 1;
  }
  std::vector<std::string> scan = (*analyzer)->ScanPatterns("all");
  fs::path exact = dir / "patterns.rg";
  std::ofstream(exact) << ecosol::Join(scan, "\n") << "\n";
  std::vector<std::string> fragments = Fragments(scan);
  fs::path patterns = dir / "fragments.rg";
  std::ofstream(patterns) << ecosol::Join(fragments, "\n") << "\n";
  std::string all = "'" + dir.string() + "'";
  // Warm-up, not measured: the page cache, and the lazily compiled databases of each language.
  Tally warm;
  RunEcosol(**analyzer, files, o.threads, &warm);
  RunRg(patterns, all, o.threads);
  std::printf(
      "load and warm-up: %.1f s; %zu scan patterns, %zu fragments for rg; %.1f MB in %zu "
      "files\n",
      Seconds(t0, Clock::now()), scan.size(), fragments.size(), mb, files.size());
  std::printf("clauses found: %zu (%zu negated), %zu errors\n", warm.clauses.load(),
              warm.negated.load(), warm.errors.load());

  Tally t;
  double ours = Best(o.runs, [&] { return RunEcosol(**analyzer, files, o.threads, &t); });
  double rg = Best(o.runs, [&] { return RunRg(patterns, all, o.threads); });
  std::string label = std::to_string(o.threads) + " threads";
  Report(label.c_str(), mb, ours, rg);
  double ours1 = Best(o.runs, [&] { return RunEcosol(**analyzer, files, 1, &t); });
  double rg1 = Best(o.runs, [&] { return RunRg(patterns, all, 1); });
  Report("1 thread", mb, ours1, rg1);
  ExactSample(o, **analyzer, files, exact);

  if (!o.keep && o.dir.empty()) fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Statutes analysis throughput beside ripgrep over the same cue patterns"};
  app.add_option("--mb", o.mb, "Corpus size in MB")->capture_default_str();
  app.add_option("--dir", o.dir, "Corpus folder (generated when missing or empty; kept)");
  app.add_flag("--keep", o.keep, "Keep the generated temporary corpus");
  app.add_option("--runs", o.runs, "Timed runs of each tool (the best is kept)")
      ->capture_default_str();
  app.add_option("--threads", o.threads, "Threads for both tools")->capture_default_str();
  app.add_option("--cues", o.cues, "Folder of the clause cue files")->capture_default_str();
  app.add_option("--golden", o.golden, "Golden cases the corpus is made from")
      ->capture_default_str();
  app.add_option("--seed", o.seed, "Random seed of the corpus")->capture_default_str();
  app.add_option("--exact-sample-mb", o.exact_sample_mb,
                 "MB on which rg also runs the exact scan patterns (0: skip)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  return Run(o);
}
