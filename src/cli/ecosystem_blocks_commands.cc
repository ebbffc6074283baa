// `ecosol ecosystem blocks|compare|perception`: the building blocks of a territory, territories
// side by side, and the perception assessments of raters (docs/ecosystem-blocks.md). Run on the
// server with access to the database, the commands read every actor as an admin does and may
// delete or restore anyone's assessment; the API gives each reader what they may see.

#include <fstream>
#include <functional>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosystem_cli.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

struct BlocksArgs : LangJsonOptions {
  std::string territory;
  std::vector<std::string> territories;  // compare
};

struct PerceptionArgs {
  std::string territory;
  std::string file;
  std::string rater;
  std::string role;
  std::string id;
  bool with_deleted = false;
  bool json = false;
};

std::string BlockLabel(const ecosystem::BlocksFramework& f, const std::string& id,
                       const std::string& lang) {
  const ecosystem::Block* b = f.FindBlock(id);
  return b ? In(b->label, lang) : id;
}

Result<std::shared_ptr<const ecosystem::BlocksFramework>> Framework(const Context& ctx) {
  return ecosystem::BlocksFrameworkIn(FrameworksDir(ctx));
}

void PrintIndicators(std::ostream& out, const ecosystem::TerritoryReport& r,
                     const std::string& lang) {
  const ecosystem::HardIndicators& h = r.indicators;
  out << "Actors: " << h.actors << " (" << h.sse_actors << " SSE); population "
      << (h.population ? std::to_string(*h.population) : "unknown")
      << "; SSE actors per 10,000 residents: "
      << (h.sse_per_10000 ? Fixed(*h.sse_per_10000, 2) : In(h.sse_per_10000_note, lang)) << "\n";
  out << "Raters: " << r.raters << "\nSignals:\n";
  for (const ecosystem::SignalResult& s : h.signals) {
    out << "  [" << (s.present ? "x" : " ") << "] " << s.id << " (" << s.count << ")\n";
  }
}

void PrintReport(std::ostream& out, const ecosystem::BlocksFramework& f,
                 const ecosystem::TerritoryReport& r, const std::string& lang) {
  out << "Building blocks of " << r.territory_name << " (" << r.territory_id << "), framework "
      << r.framework << " " << r.framework_version << "\n";
  out << "Type: " << ecosystem::ToString(r.type.type) << ". " << In(r.type.reason, lang) << "\n\n";
  out << std::left << std::setw(46) << "block" << std::right << std::setw(9) << "coverage"
      << std::setw(6) << "hard" << std::setw(12) << "perception"
      << "  covered\n";
  for (const ecosystem::BlockCoverage& b : r.blocks) {
    out << std::left << std::setw(46) << BlockLabel(f, b.block, lang) << std::right << std::setw(9)
        << Fixed(b.coverage, 1) << std::setw(6) << Fixed(b.hard, 0) << std::setw(12)
        << (b.perception ? Fixed(*b.perception, 1) : "-") << "  " << (b.covered ? "yes" : "no")
        << "\n";
    const size_t shown = std::min<size_t>(b.evidence.size(), 3);
    for (size_t i = 0; i < shown; ++i) {
      out << "    - " << b.evidence[i].name << ": " << In(b.evidence[i].reason, lang) << "\n";
    }
    if (b.evidence.size() > shown) {
      out << "    (" << b.evidence.size() - shown << " more; --json lists all)\n";
    }
  }
  out << "\n";
  PrintIndicators(out, r, lang);
}

void RunBlocks(Context& ctx, const BlocksArgs& args) {
  Status lang = ecosystem::CheckLanguage(args.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  auto framework = Framework(ctx);
  if (!framework.ok()) return Fail(ctx, framework.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto report = ecosystem::TerritoryBlocks(*s->store, Everything(), **framework, args.territory);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) return PrintJson(*ctx.out, ecosystem::ToJson(*report), args);
  PrintReport(*ctx.out, **framework, *report, args.lang);
}

std::string Cell(const json& v) {
  if (v.is_number_integer()) return v.dump();
  if (v.is_number()) return Fixed(v.get<double>(), 1);
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_string()) return v.get<std::string>();
  return "-";
}

void PrintComparison(std::ostream& out, const ecosystem::BlocksFramework& f,
                     const ecosystem::Comparison& c, const std::string& lang) {
  out << std::left << std::setw(46) << "coverage";
  for (const std::string& name : c.names) out << std::right << std::setw(18) << name.substr(0, 17);
  out << "\n";
  for (const ecosystem::MetricRow& row : c.rows) {
    std::string label;
    if (row.metric.starts_with("block.") && row.metric.ends_with(".coverage")) {
      label = BlockLabel(f, row.metric.substr(6, row.metric.size() - 6 - 9), lang);
    } else if (row.metric == "type" || row.metric == "sse_per_10000" || row.metric == "actors") {
      label = row.metric;
    } else {
      continue;
    }
    out << std::left << std::setw(46) << label;
    for (const json& v : row.values) out << std::right << std::setw(18) << Cell(v);
    out << "\n";
  }
  out << "\nDifferences:\n";
  if (c.differences.empty()) out << "  none\n";
  for (const ecosystem::Difference& d : c.differences) out << "  - " << In(d.text, lang) << "\n";
}

void RunCompare(Context& ctx, const BlocksArgs& args) {
  Status lang = ecosystem::CheckLanguage(args.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  auto framework = Framework(ctx);
  if (!framework.ok()) return Fail(ctx, framework.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto c = ecosystem::CompareTerritories(*s->store, Everything(), **framework, args.territories);
  if (!c.ok()) return Fail(ctx, c.status());
  if (args.json) return PrintJson(*ctx.out, ecosystem::ToJson(*c), args);
  PrintComparison(*ctx.out, **framework, *c, args.lang);
}

ecosystem::PerceptionAuthor CliAuthor(const std::string& rater) {
  return {rater.empty() ? CliAuditWho() : rater, true, CliAuditWho(), "local"};
}

void RunPerceptionAdd(Context& ctx, const PerceptionArgs& args) {
  auto framework = Framework(ctx);
  if (!framework.ok()) return Fail(ctx, framework.status());
  auto doc = ReadJsonFile(args.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto input = ecosystem::PerceptionInputFromJson(*doc);
  if (!input.ok()) return Fail(ctx, input.status().WithContext("--file '" + args.file + "'"));
  if (!input->territory.empty() && input->territory != args.territory) {
    return Fail(ctx, InvalidArgument("--file rates territory '" + input->territory +
                                     "' but --territory is '" + args.territory + "'"));
  }
  input->territory = args.territory;
  if (!args.role.empty()) input->rater_role = args.role;
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto a = ecosystem::RecordPerception(*s->store, SystemClock(), **framework, *input,
                                       CliAuthor(args.rater));
  if (!a.ok()) return Fail(ctx, a.status());
  *ctx.out << "Recorded perception assessment " << a->id << " of " << a->territory << " by "
           << a->rater << " (" << a->scores.size() << " statements)\n";
}

void RunPerceptionList(Context& ctx, const PerceptionArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto list = ecosystem::ListPerception(*s->store, args.territory, args.with_deleted);
  if (!list.ok()) return Fail(ctx, list.status());
  if (args.json) {
    json out = json::array();
    for (const store::PerceptionAssessment& a : *list) {
      out.push_back(ecosystem::PerceptionToJson(a, true));
    }
    *ctx.out << out.dump(2) << "\n";
    return;
  }
  if (list->empty()) *ctx.out << "No perception assessments of " << args.territory << "\n";
  for (const store::PerceptionAssessment& a : *list) {
    *ctx.out << a.id << "  " << a.date << "  " << a.rater << " ("
             << (a.rater_role.empty() ? "no role" : a.rater_role) << ")  " << a.scores.size()
             << " statements" << (a.deleted ? "  [deleted]" : "") << "\n";
  }
}

void RunPerceptionDelete(Context& ctx, const PerceptionArgs& args, bool deleted) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto a =
      ecosystem::SetPerceptionDeleted(*s->store, SystemClock(), args.id, deleted, CliAuthor(""));
  if (!a.ok()) return Fail(ctx, a.status());
  *ctx.out << (deleted ? "Deleted" : "Restored") << " perception assessment " << a->id << " of "
           << a->territory << "\n";
}

void AddBlocks(CLI::App* eco, Context& ctx) {
  auto args = std::make_shared<BlocksArgs>();
  CLI::App* cmd = eco->add_subcommand(
      "blocks", "The building blocks of a territory: coverage, evidence, type and indicators");
  cmd->add_option("--territory", args->territory, "The territory (a path id such as CA/quebec)")
      ->required();
  AddLangJson(cmd, args, "report", [&ctx, args] { RunBlocks(ctx, *args); });
}

void AddCompare(CLI::App* eco, Context& ctx) {
  auto args = std::make_shared<BlocksArgs>();
  CLI::App* cmd = eco->add_subcommand(
      "compare", "Two or more territories side by side, with their differences in words");
  cmd->add_option("territories", args->territories, "Territory ids (CA/quebec CA/ontario ...)")
      ->required();
  AddLangJson(cmd, args, "comparison", [&ctx, args] { RunCompare(ctx, *args); });
}

void AddPerception(CLI::App* eco, Context& ctx) {
  CLI::App* p = eco->add_subcommand(
      "perception", "Perception assessments: raters' scores of the blocks' statements");
  p->require_subcommand(1);
  auto args = std::make_shared<PerceptionArgs>();
  CLI::App* add = p->add_subcommand("add", "Record an assessment from a ratings file");
  add->add_option("--territory", args->territory, "The territory rated")->required();
  add->add_option("--file", args->file,
                  "JSON: {\"scores\": {statement: 0-10 or null}} (and optionally rater_role)")
      ->required();
  add->add_option("--rater", args->rater, "Who rates (default: cli:<login>)");
  add->add_option("--role", args->role, "The rater's role: network, public_body, researcher...");
  add->callback([&ctx, args] { RunPerceptionAdd(ctx, *args); });
  CLI::App* list = p->add_subcommand("list", "The assessments of a territory");
  list->add_option("--territory", args->territory, "The territory")->required();
  list->add_flag("--with-deleted", args->with_deleted, "Also the deleted ones");
  list->add_flag("--json", args->json, "Print them as JSON");
  list->callback([&ctx, args] { RunPerceptionList(ctx, *args); });
  CLI::App* del = p->add_subcommand("delete", "Delete an assessment (it can be restored)");
  del->add_option("id", args->id, "The assessment's id (pa-...)")->required();
  del->callback([&ctx, args] { RunPerceptionDelete(ctx, *args, true); });
  CLI::App* restore = p->add_subcommand("restore", "Restore a deleted assessment");
  restore->add_option("id", args->id, "The assessment's id (pa-...)")->required();
  restore->callback([&ctx, args] { RunPerceptionDelete(ctx, *args, false); });
}

}  // namespace

void AddEcosystemBlocksCommands(CLI::App& app, Context& ctx) {
  CLI::App* eco = app.get_subcommand("ecosystem");
  AddBlocks(eco, ctx);
  AddCompare(eco, ctx);
  AddPerception(eco, ctx);
}

}  // namespace ecosol::cli
