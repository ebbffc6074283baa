// `ecosol ecosystem trends`: births, deaths, active organisations and yearly indicators of a
// territory, by sector, activity, kind or structure (docs/ecosystem.md, "Trends"). Run on the
// server with access to the database, it sees every actor as an admin does.

#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/trends_service.h"
#include "ecosystem_cli.h"

namespace ecosol::cli {
namespace {

struct TrendsArgs {
  std::string territory;
  std::string by = "none";
  int from = 0;
  int to = 0;
  std::string indicators;
  std::string lang = "en";
  bool lang_given = false;
  bool json = false;
  bool csv = false;
};

std::string Cell(double v, int precision) {
  if (std::isnan(v)) return "-";
  std::ostringstream s;
  s << std::fixed << std::setprecision(precision) << v;
  return s.str();
}

void PrintGroup(std::ostream& out, const ecosystem::TrendGroup& g, const std::string& lang) {
  out << "\n"
      << g.key << " (" << g.actors << " actors; " << g.unknown_founded
      << " without a founding year)\n"
      << In(g.summary.text, lang) << "\n";
  out << std::right << std::setw(6) << "year" << std::setw(8) << "births" << std::setw(8)
      << "deaths" << std::setw(8) << "active" << std::setw(8) << "net" << std::setw(8) << "birth%"
      << std::setw(8) << "death%"
      << "\n";
  for (const ecosystem::TrendYear& y : g.years) {
    out << std::setw(6) << y.year << std::setw(8) << y.births << std::setw(8) << y.deaths
        << std::setw(8) << y.active_end << std::setw(8) << y.net_change << std::setw(8)
        << Cell(y.birth_rate, 1) << std::setw(8) << Cell(y.death_rate, 1) << "\n";
  }
}

void RunTrends(Context& ctx, const TrendsArgs& args) {
  Status lang = ecosystem::CheckLanguage(args.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  if (args.json && args.csv) return Fail(ctx, InvalidArgument("give --json or --csv, not both"));
  ecosystem::TrendsQuery q;
  q.territory = args.territory;
  q.dimension = args.by;
  if (args.from != 0) q.from_year = args.from;
  if (args.to != 0) q.to_year = args.to;
  q.indicators = ecosystem::ParseNameList(args.indicators);
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto trends = ecosystem::TrendsFor(*s->store, Everything(), q);
  if (!trends.ok()) return Fail(ctx, trends.status());
  if (args.csv) {
    *ctx.out << ecosystem::TrendsToCsv(*trends);
    return;
  }
  if (args.json) {
    auto doc = ecosystem::TrendsToJson(*trends, args.lang_given ? args.lang : "");
    if (!doc.ok()) return Fail(ctx, doc.status());
    *ctx.out << doc->dump(2) << "\n";
    return;
  }
  std::ostream& out = *ctx.out;
  out << "Trends of " << (q.territory.empty() ? "the whole registry" : trends->query.territory_name)
      << ", " << trends->from_year << "-" << trends->to_year << ", by " << q.dimension << "\n";
  PrintGroup(out, trends->total, args.lang);
  for (const ecosystem::TrendGroup& g : trends->groups) PrintGroup(out, g, args.lang);
  if (trends->warnings_total > 0) {
    out << "\n" << trends->warnings_total << " records could not be read (--json lists them)\n";
  }
}

}  // namespace

void AddTrendsCommands(CLI::App& app, Context& ctx) {
  CLI::App* eco = app.get_subcommand("ecosystem");
  auto args = std::make_shared<TrendsArgs>();
  CLI::App* cmd = eco->add_subcommand(
      "trends", "Births, deaths, active organisations and yearly indicators over time");
  cmd->add_option("--territory", args->territory,
                  "The territory (GB/wales: it and below; default: the whole registry)");
  cmd->add_option("--by", args->by, "Breakdown: none, sector, activity, kind or structure")
      ->capture_default_str();
  cmd->add_option("--from", args->from, "First year (default: the data's first)");
  cmd->add_option("--to", args->to, "Last year (default: the data's last)");
  cmd->add_option("--indicators", args->indicators,
                  "Indicator names, comma-separated (default: all found)");
  CLI::Option* lang =
      cmd->add_option("--lang", args->lang, "Language of the texts (en, fr, es, pt)")
          ->capture_default_str();
  cmd->add_flag("--json", args->json, "Print the trends as JSON");
  cmd->add_flag("--csv", args->csv, "Print the yearly table as CSV");
  cmd->callback([&ctx, args, lang] {
    args->lang_given = lang->count() > 0;
    RunTrends(ctx, *args);
  });
}

}  // namespace ecosol::cli
