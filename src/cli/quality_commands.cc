// `ecosol quality [--territory T] [--source S] [--days N] [--duplicates] [--json]`, `ecosol
// quality due ...` and `ecosol actors confirm ID`. Run on the server with access to the
// database, they read every actor as an admin does (GET /api/v1/quality gives each reader the
// figures over what they may see).

#include <cstdio>
#include <iomanip>
#include <nlohmann/json.hpp>

#include "context.h"
#include "ecosol/model/json.h"
#include "ecosol/registry/quality.h"

namespace ecosol::cli {
namespace {

struct QualityArgs {
  std::string territory;
  std::string source;
  bool any_source = true;  // --source not given
  int days = 365;
  bool duplicates = false;
  bool json = false;
  int limit = 50;
  std::string cursor;
};

void Scope(const QualityArgs& args, registry::QualityScope* scope) {
  scope->territory = args.territory;
  if (!args.any_source) scope->source = args.source;
  scope->audience.everything = true;
}

std::string Percent(long long part, long long whole) {
  if (whole == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

long long Get(const std::map<std::string, long long>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

// One line of the text report: actors, due, invalid, exact or approximate location, suspected
// duplicates, and the completeness of a few telling fields.
void PrintFigures(std::ostream& out, const std::string& label, const registry::QualityFigures& f,
                  bool duplicates) {
  const long long located = Get(f.location, "exact") + Get(f.location, "approximate");
  out << std::left << std::setw(28) << (label.empty() ? "(none)" : label) << std::right
      << std::setw(8) << f.actors << std::setw(8) << Percent(f.due, f.actors) << std::setw(9)
      << Percent(f.with_invalid, f.actors) << std::setw(9) << Percent(located, f.actors)
      << std::setw(7) << (duplicates ? std::to_string(f.duplicates) : "-");
  for (const char* field : {"activities", "address", "website", "identifiers"}) {
    out << std::setw(12) << Percent(Get(f.filled, field), f.actors);
  }
  out << "\n";
}

void PrintHeader(std::ostream& out, const std::string& title) {
  out << "\n"
      << std::left << std::setw(28) << title << std::right << std::setw(8) << "actors"
      << std::setw(8) << "due" << std::setw(9) << "invalid" << std::setw(9) << "located"
      << std::setw(7) << "dupl." << std::setw(12) << "activities" << std::setw(12) << "address"
      << std::setw(12) << "website" << std::setw(12) << "identifiers"
      << "\n";
}

void RunReport(Context& ctx, const QualityArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto tax = s->registry->taxonomy();
  if (!tax.ok()) return Fail(ctx, tax.status());
  registry::QualityOptions o;
  Scope(args, &o);
  o.days = args.days;
  o.duplicates = args.duplicates;
  auto report = registry::BuildQualityReport(*s->store, SystemClock(), **tax, o);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) {
    *ctx.out << registry::QualityReportToJson(*report).dump(2) << "\n";
    return;
  }
  std::ostream& out = *ctx.out;
  out << "Data quality on " << report->today << " of "
      << (report->territory.empty() ? "the whole registry" : report->territory)
      << (report->source ? ", source " + *report->source : "") << " (due: not confirmed for "
      << report->days << " days)\n";
  PrintHeader(out, "");
  PrintFigures(out, "all", report->total, report->duplicates_checked);
  PrintHeader(out, "by source");
  for (const auto& [source, figures] : report->by_source) {
    PrintFigures(out, source, figures, report->duplicates_checked);
  }
  PrintHeader(out, "by territory");
  for (const registry::TerritoryQuality& t : report->by_territory) {
    std::string label = t.id.empty() ? "(no territory)" : t.id;
    if (t.direct && !t.id.empty()) label += " (itself)";
    PrintFigures(out, label, t.figures, report->duplicates_checked);
  }
  if (!report->duplicates_checked) out << "\n(suspected duplicates: add --duplicates)\n";
}

void RunDue(Context& ctx, const QualityArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  registry::DueOptions o;
  Scope(args, &o);
  o.days = args.days;
  o.limit = args.limit;
  o.cursor = args.cursor;
  auto page = registry::ListDue(*s->store, SystemClock(), o);
  if (!page.ok()) return Fail(ctx, page.status());
  if (args.json) {
    *ctx.out << registry::DuePageToJson(*page, o.days).dump(2) << "\n";
    return;
  }
  for (const registry::DueActor& a : page->items) {
    *ctx.out << std::left << std::setw(11)
             << (a.last_confirmed.empty() ? "never" : a.last_confirmed) << " " << std::setw(24)
             << a.id << " " << std::setw(20) << a.source << " " << a.name << "\n";
  }
  *ctx.out << page->total << " actors not confirmed for " << o.days << " days";
  if (!page->next_cursor.empty()) *ctx.out << " (more: --cursor " << page->next_cursor << ")";
  *ctx.out << "\n";
}

void RunConfirm(Context& ctx, const std::string& id, bool json) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto actor = registry::ConfirmActor(*s->store, SystemClock(), id, {CliAuditWho(), "local"});
  if (!actor.ok()) return Fail(ctx, actor.status());
  if (json) {
    *ctx.out << model::ActorToJson(*actor).dump(2) << "\n";
    return;
  }
  *ctx.out << "confirmed " << actor->id << " (" << actor->name << ") on "
           << actor->attributes[registry::kLastConfirmed] << ", version " << actor->version << "\n";
}

void AddScopeOptions(CLI::App* cmd, QualityArgs& a) {
  cmd->add_option("--territory", a.territory,
                  "Only this territory and below (a path id such as GB/wales)");
  cmd->add_option_function<std::string>(
      "--source",
      [&a](const std::string& v) {
        a.source = v;
        a.any_source = false;
      },
      "Only actors whose name came from this source");
  cmd->add_option("--days", a.days, "Confirmations older than this are due")->capture_default_str();
  cmd->add_flag("--json", a.json, "Print JSON");
}

}  // namespace

void AddQualityCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<QualityArgs>();
  CLI::App* quality = app.add_subcommand(
      "quality", "Data quality per source and territory; `quality due` lists stale actors");
  quality->require_subcommand(0, 1);
  AddScopeOptions(quality, *args);
  quality->add_flag("--duplicates", args->duplicates,
                    "Also count suspected duplicates (slow: about 84 s on 1M actors)");

  auto due_args = std::make_shared<QualityArgs>();
  CLI::App* due =
      quality->add_subcommand("due", "Actors whose data are due for confirmation, oldest first");
  AddScopeOptions(due, *due_args);
  due->add_option("--limit", due_args->limit, "How many (1-1000)")->capture_default_str();
  due->add_option("--cursor", due_args->cursor, "Continue from a previous page");
  due->callback([&ctx, due_args] { RunDue(ctx, *due_args); });
  // The parent's callback runs after its subcommand's: the report only without one.
  quality->callback([&ctx, args, due] {
    if (!due->parsed()) RunReport(ctx, *args);
  });

  // `ecosol actors confirm ID`, beside `actors show` (AddActorCommands runs first).
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* confirm = app.get_subcommand("actors")->add_subcommand(
      "confirm", "Record that an actor's data are up to date (a new version)");
  confirm->add_option("id", *id, "Actor id")->required();
  confirm->add_flag("--json", *json, "Print the actor as JSON");
  confirm->callback([&ctx, id, json] { RunConfirm(ctx, *id, *json); });
}

}  // namespace ecosol::cli
