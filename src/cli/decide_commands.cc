// `ecosol decide tally FILE.json [--json]`: the tally of a decision (docs/participation.md), from
// the JSON form ({"method", "options", "ballots", "colleges"?, "quorum"?, ...}). Opens no
// database; bad input names the file and the field and exits 1.

#include <sstream>

#include "context.h"
#include "ecosol/participation/opinion.h"
#include "ecosol/participation/tally.h"
#include "finance_text.h"

namespace ecosol::cli {
namespace {

using finance_text::At;
using finance_text::Join;
using finance_text::PrintTable;
using finance_text::Rows;
using nlohmann::json;

std::string Number(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (!v.is_number()) return v.is_string() ? v.get<std::string>() : v.dump();
  std::ostringstream out;
  out << v.get<double>();
  return out.str();
}

// A map {id: number} as a two-column table, in the map's order.
void PrintCounts(std::ostream& out, const char* title, const json& counts) {
  if (!counts.is_object() || counts.empty()) return;
  Rows rows{{"OPTION", title}};
  for (const auto& [id, n] : counts.items()) rows.push_back({id, Number(n)});
  PrintTable(out, rows);
}

// The pairwise matrix d[X][Y] (or strongest paths p[X][Y]) as a table.
void PrintMatrix(std::ostream& out, const char* title, const json& m) {
  if (!m.is_object() || m.empty()) return;
  out << title << "\n";
  Rows rows{{""}};
  for (const auto& [id, row] : m.items()) rows[0].push_back(id);
  for (const auto& [id, row] : m.items()) {
    std::vector<std::string> line{id};
    for (const auto& [other, unused] : m.items()) {
      line.push_back(id == other ? "-" : Number(At(row, other.c_str())));
    }
    rows.push_back(std::move(line));
  }
  PrintTable(out, rows);
}

void PrintRounds(std::ostream& out, const json& rounds) {
  if (!rounds.is_array()) return;
  for (size_t i = 0; i < rounds.size(); ++i) {
    const json& r = rounds[i];
    out << "round " << i + 1;
    for (const char* key : {"elected", "eliminated", "funded"}) {
      const json& v = At(r, key);
      if (v.is_string() && !v.get<std::string>().empty()) out << ", " << key << " " << Number(v);
      if (v.is_array() && !v.empty()) out << ", " << key << " " << Join(v);
    }
    out << "\n";
    PrintCounts(out, "VOTES", At(r, "counts"));
  }
}

void PrintTally(std::ostream& out, const json& t) {
  out << "method: " << t.value("method", "") << "\n";
  if (t.value("decided", false)) {
    out << "decided: winners " << Join(At(t, "winners")) << "\n";
  } else {
    out << "not decided: " << t.value("why_undecided", "") << "\n";
    if (At(t, "leading").is_array() && !At(t, "leading").empty()) {
      out << "leading: " << Join(At(t, "leading")) << "\n";
    }
  }
  if (t.value("tie", false) && At(t, "tie_break").is_string()) {
    out << "tie broken: " << At(t, "tie_break").get<std::string>() << "\n";
  }
  const json& ballots = At(t, "ballots");
  out << "ballots: " << Number(At(ballots, "cast"));
  for (const auto& [channel, n] : At(ballots, "by_channel").items()) {
    out << ", " << channel << " " << Number(n);
  }
  out << "\n";
  const json& quorum = At(t, "quorum");
  out << "quorum: " << (quorum.value("met", false) ? "met" : "not met") << "\n";
  const json& threshold = At(t, "threshold");
  if (threshold.is_object()) {
    out << "threshold: share " << Number(At(threshold, "share")) << ", needed "
        << (threshold.value("strictly_more", true) ? "more than " : "at least ")
        << Number(At(threshold, "needed")) << " of the " << threshold.value("of", "votes cast")
        << ": " << (threshold.value("met", false) ? "met" : "not met") << "\n";
  }
  PrintCounts(out, "SCORE", At(t, "scores"));
  PrintCounts(out, "TOTAL", At(t, "totals"));
  PrintMatrix(out, "pairwise (d[row][column]: voters preferring row to column)", At(t, "pairwise"));
  PrintMatrix(out, "strongest paths", At(t, "strongest_paths"));
  PrintRounds(out, At(t, "rounds"));
  if (At(t, "budget_left").is_number()) {
    out << "budget left: " << Number(At(t, "budget_left")) << "\n";
  }
}

void RunTally(Context& ctx, const std::string& file, bool as_json) {
  auto doc = ReadJsonFile(file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto input = participation::ParseTallyInput(*doc);
  if (!input.ok()) return Fail(ctx, input.status().WithContext(file));
  auto result = participation::Tally(std::move(*input));
  if (!result.ok()) return Fail(ctx, result.status().WithContext(file));
  if (as_json) {
    *ctx.out << result->dump(2) << "\n";
  } else {
    PrintTally(*ctx.out, *result);
  }
}

// The opinion map as text: groups with their representative statements, then consensus.
void PrintOpinion(std::ostream& out, const json& m) {
  out << "participants " << Number(At(m, "participants")) << " (placed " << Number(At(m, "placed"))
      << "), statements " << Number(At(m, "statements")) << ", votes " << Number(At(m, "votes"))
      << "\n";
  out << "groups: " << Number(At(m, "k")) << " (silhouette";
  for (const auto& [k, s] : At(m, "silhouette").items()) out << " k=" << k << ": " << Number(s);
  out << ")\n";
  auto statements = [&](const json& list) {
    for (const json& r : list) {
      out << "  " << (r.value("direction", "") == "agree" ? "agrees with " : "disagrees with ")
          << r.value("statement", "");
      if (!r.value("text", "").empty()) out << " \"" << r.value("text", "") << "\"";
      out << " (" << Number(At(r, "agree")) << " agree, " << Number(At(r, "disagree"))
          << " disagree, " << Number(At(r, "pass")) << " pass)\n";
    }
  };
  for (const json& g : At(m, "groups")) {
    out << "group " << Number(At(g, "id")) << ": " << Number(At(g, "size")) << " participants\n";
    statements(At(g, "representative"));
  }
  Rows rows{{"STATEMENT", "CONSENSUS (GIC)", "AGREE", "DISAGREE", "PASS"}};
  const json& consensus = At(m, "consensus");
  for (size_t i = 0; i < consensus.size() && i < 10; ++i) {
    const json& c = consensus[i];
    rows.push_back({c.value("statement", ""), Number(At(c, "gic")), Number(At(c, "agree")),
                    Number(At(c, "disagree")), Number(At(c, "pass"))});
  }
  PrintTable(out, rows);
  const json& colleges = At(m, "colleges");
  if (colleges.is_object()) {
    for (const json& g : At(colleges, "groups")) {
      out << "college " << g.value("id", "") << ": " << Number(At(g, "size")) << " members\n";
      statements(At(g, "representative"));
    }
    const json& cc = At(colleges, "consensus");
    if (cc.is_array() && !cc.empty()) {
      out << "where the colleges agree most: " << cc[0].value("statement", "") << " (GIC "
          << Number(At(cc[0], "gic")) << ")\n";
    }
  }
}

void RunOpinion(Context& ctx, const std::string& file, bool as_json) {
  auto doc = ReadJsonFile(file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto input = participation::ParseOpinionInput(*doc);
  if (!input.ok()) return Fail(ctx, input.status().WithContext(file));
  auto result = participation::OpinionMap(*input);
  if (!result.ok()) return Fail(ctx, result.status().WithContext(file));
  if (as_json) {
    *ctx.out << result->dump(2) << "\n";
  } else {
    PrintOpinion(*ctx.out, *result);
  }
}

}  // namespace

void AddDecideCommands(CLI::App& app, Context& ctx) {
  CLI::App* decide = app.add_subcommand(
      "decide", "Democratic decisions: tallies, participatory processes, verifiable records");
  decide->require_subcommand(1);
  struct Args {
    std::string file;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* tally = decide->add_subcommand(
      "tally",
      "Tally a vote: consent, approval, score, dot vote, Borda, instant-runoff, "
      "Schulze, STV, budgeting; colleges, quorum and threshold");
  tally->add_option("file", args->file, "The tally input (JSON; docs/participation.md)")
      ->required();
  tally->add_flag("--json", args->json, "Print the tally's JSON");
  tally->callback([&ctx, args] { RunTally(ctx, args->file, args->json); });
  auto opinion_args = std::make_shared<Args>();
  CLI::App* opinion = decide->add_subcommand(
      "opinion",
      "Map opinions on statements: PCA, groups chosen by silhouette, representative statements, "
      "group-informed consensus");
  opinion->add_option("file", opinion_args->file, "The votes (JSON; docs/participation.md)")
      ->required();
  opinion->add_flag("--json", opinion_args->json, "Print the map's JSON");
  opinion->callback(
      [&ctx, opinion_args] { RunOpinion(ctx, opinion_args->file, opinion_args->json); });
  AddProcessCommands(*decide, ctx);
}

}  // namespace ecosol::cli
