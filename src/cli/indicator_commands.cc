// `ecosol indicators ACTOR [--json]`: an actor's dated figures (turnover, members, employees...
// by year and source), as imported with `ecosol import --format coops-uk-economy`. Like
// `ecosol actors show`, it acts as an instance admin: any non-deleted actor.

#include <algorithm>
#include <iomanip>
#include <tuple>

#include "context.h"
#include "ecosol/interop/indicators.h"

namespace ecosol::cli {
namespace {

struct IndicatorArgs {
  std::string actor;
  bool json = false;
};

// The actor id of ACTOR: an actor id, or SCHEME:IDENTIFIER such as coops-uk:R000001 (actor ids
// never hold a ':').
Result<std::string> ActorIdOf(store::Store& store, const std::string& actor) {
  size_t colon = actor.find(':');
  if (colon == std::string::npos) return actor;
  const std::string scheme = actor.substr(0, colon), value = actor.substr(colon + 1);
  auto id = store.FindByIdentifier(scheme, value);
  if (!id.ok()) return id.status();
  if (!id->has_value()) {
    return NotFound("no actor has the " + scheme + " identifier '" + value +
                    "' (give an actor id, or SCHEME:IDENTIFIER such as coops-uk:R000001)");
  }
  return **id;
}

void PrintText(Context& ctx, const model::Actor& actor,
               std::vector<store::IndicatorRecord> indicators) {
  if (indicators.empty()) {
    *ctx.out << actor.name << " (" << actor.id << "): no figures recorded\n";
    return;
  }
  *ctx.out << actor.name << " (" << actor.id << "): " << indicators.size() << " figures\n";
  // By year, then figure: how the economy of an organisation reads over time.
  std::stable_sort(indicators.begin(), indicators.end(), [](const auto& a, const auto& b) {
    return std::tie(a.period, a.name, a.source) < std::tie(b.period, b.name, b.source);
  });
  for (const store::IndicatorRecord& i : indicators) {
    *ctx.out << "  " << std::left << std::setw(6) << i.period << " " << std::setw(18) << i.name
             << " " << std::right << std::setw(16) << interop::IndicatorToJson(i)["value"].dump()
             << " " << std::left << std::setw(7) << i.unit
             << (i.as_of.empty() ? "" : " year end " + i.as_of) << "  " << i.source << "\n";
  }
}

void RunIndicators(Context& ctx, const IndicatorArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto id = ActorIdOf(*s->store, args.actor);
  if (!id.ok()) return Fail(ctx, id.status());
  auto actor = s->registry->GetActor(*id);
  if (!actor.ok()) return Fail(ctx, actor.status());
  auto indicators = s->store->Indicators(actor->id);
  if (!indicators.ok()) return Fail(ctx, indicators.status());
  if (args.json) {
    *ctx.out << interop::IndicatorsToJson(actor->id, *indicators).dump(2) << "\n";
    return;
  }
  PrintText(ctx, *actor, std::move(*indicators));
}

}  // namespace

void AddIndicatorCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<IndicatorArgs>();
  CLI::App* cmd = app.add_subcommand(
      "indicators", "Show an actor's figures by year (turnover, members, employees...)");
  cmd->add_option("actor", args->actor, "Actor id, or SCHEME:IDENTIFIER such as coops-uk:R000001")
      ->required();
  cmd->add_flag("--json", args->json, "Print JSON (the form of the HTTP API)");
  cmd->callback([&ctx, args] { RunIndicators(ctx, *args); });
}

}  // namespace ecosol::cli
