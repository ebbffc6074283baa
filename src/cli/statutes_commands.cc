// `ecosol statutes analyze FILE [--lang auto|en|fr|es|pt] [--json]`, and the hidden
// `ecosol statutes patterns [--lang all|en|...]` that prints the scan patterns (one per line, for
// `rg -i -f`; the benchmark compares the two).

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/text/statutes.h"

namespace ecosol::cli {
namespace {

struct AnalyzeArgs {
  std::string file;
  std::string lang = "auto";
  bool json = false;
};

Result<std::shared_ptr<const text::ClauseAnalyzer>> LoadAnalyzer(const Context& ctx) {
  return text::ClauseAnalyzer::Load(DataDir(ctx) + "/clauses");
}

// One line of evidence for the table: white space collapsed, cut at `width` bytes on a UTF-8
// character boundary.
std::string OneLine(std::string_view s, size_t width) {
  std::string out;
  for (char c : s) {
    bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (out.size() <= width) return out;
  size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  return out.substr(0, cut) + "…";
}

std::string ValueText(const std::optional<double>& v) {
  if (!v) return "-";
  std::ostringstream s;
  s << *v;
  return s.str();
}

void PrintTable(Context& ctx, const text::StatutesAnalysis& a) {
  *ctx.out << "language: " << a.language << "\n";
  if (a.clauses.empty()) {
    *ctx.out << "no clauses found\n";
    return;
  }
  *ctx.out << std::left << std::setw(37) << "CLAUSE" << std::setw(10) << "POLARITY" << std::setw(9)
           << "VALUE" << std::setw(14) << "BYTES"
           << "EVIDENCE\n";
  for (const text::Clause& c : a.clauses) {
    std::string bytes = std::to_string(c.evidence.start) + "-" + std::to_string(c.evidence.end);
    *ctx.out << std::left << std::setw(37) << c.type << std::setw(10)
             << text::PolarityName(c.polarity) << std::setw(9) << ValueText(c.value)
             << std::setw(14) << bytes << OneLine(c.evidence.text, 90) << "\n";
  }
}

void RunAnalyze(Context& ctx, const AnalyzeArgs& args) {
  std::vector<std::string> langs = {"auto", "en", "fr", "es", "pt"};
  if (std::find(langs.begin(), langs.end(), args.lang) == langs.end()) {
    return Fail(ctx, InvalidArgument("--lang: unknown language '" + args.lang +
                                     "' (expected auto, en, fr, es or pt)"));
  }
  auto text = text::ExtractDocumentText(std::filesystem::path(args.file));
  if (!text.ok()) return Fail(ctx, text.status());
  auto analyzer = LoadAnalyzer(ctx);
  if (!analyzer.ok()) return Fail(ctx, analyzer.status());
  auto analysis = (*analyzer)->Analyze(*text, args.lang);
  if (!analysis.ok()) return Fail(ctx, analysis.status());
  if (args.json) {
    // Evidence is UTF-8 after extraction; replace anything invalid rather than fail.
    *ctx.out << text::ToJson(*analysis).dump(2, ' ', false,
                                             nlohmann::json::error_handler_t::replace)
             << "\n";
    return;
  }
  PrintTable(ctx, *analysis);
}

void RunPatterns(Context& ctx, const std::string& lang) {
  auto analyzer = LoadAnalyzer(ctx);
  if (!analyzer.ok()) return Fail(ctx, analyzer.status());
  for (const std::string& p : (*analyzer)->ScanPatterns(lang)) *ctx.out << p << "\n";
}

}  // namespace

void AddStatutesCommands(CLI::App& app, Context& ctx) {
  CLI::App* statutes = app.add_subcommand(
      "statutes", "Read statutes (articles of association, bylaws) for SSE clauses");
  statutes->require_subcommand(1);

  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* analyze = statutes->add_subcommand(
      "analyze",
      "List the clauses of a statutes document (.txt, .md, .html, .pdf, .docx): one member one "
      "vote, indivisible reserves, asset lock, dividend caps, venture terms...");
  analyze->add_option("file", args->file, "The statutes document")->required();
  analyze->add_option("--lang", args->lang, "Language: auto, en, fr, es or pt")
      ->capture_default_str();
  analyze->add_flag("--json", args->json, "Print JSON");
  analyze->callback([&ctx, args] { RunAnalyze(ctx, *args); });

  auto lang = std::make_shared<std::string>("all");
  CLI::App* patterns = statutes->add_subcommand(
      "patterns", "Print the scan patterns of the clause cues, one per line (for rg -i -f)");
  patterns->group("");  // hidden: for benchmarks and corpus searches
  patterns->add_option("--lang", *lang, "all, en, fr, es or pt")->capture_default_str();
  patterns->callback([&ctx, lang] { RunPatterns(ctx, *lang); });
}

}  // namespace ecosol::cli
