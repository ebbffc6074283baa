#pragma once

// A synthetic corpus of statutes for the statutes benchmark: documents of 16-64 KB in English,
// French, Spanish and Portuguese, each made of articles drawn from the golden cases of
// tests/golden/statutes (the paragraphs that carry clauses) and from boilerplate articles that
// carry none (name, seat, board, accounts, disputes), with numbers and names varied, in the
// proportion of real statutes (most articles say nothing the analysis looks for).

#include <cstdint>
#include <filesystem>
#include <string>

#include "ecosol/base/status.h"

namespace ecosol::bench {

struct CorpusStats {
  size_t files = 0;
  size_t bytes = 0;
};

// Writes doc_NNNNN.txt files into `dir` until they hold at least `megabytes` MB.
Result<CorpusStats> GenerateStatutesCorpus(const std::filesystem::path& dir, size_t megabytes,
                                           uint32_t seed, const std::filesystem::path& golden_dir);

}  // namespace ecosol::bench
