// `ecosol territories list|set-population`.

#include <iomanip>
#include <nlohmann/json.hpp>

#include "context.h"

namespace ecosol::cli {
namespace {

void RunList(Context& ctx, const std::string& parent, bool json) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto territories = s->registry->ListTerritories(parent);
  if (!territories.ok()) return Fail(ctx, territories.status());
  if (json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& t : *territories) items.push_back(registry::TerritoryInfoToJson(t));
    *ctx.out << nlohmann::json{{"items", items}}.dump(2) << "\n";
    return;
  }
  for (const auto& info : *territories) {
    const model::Territory& t = info.territory;
    *ctx.out << std::left << std::setw(32) << t.id << " " << std::setw(8) << t.level << " "
             << std::right << std::setw(7) << info.actors << " actors  " << std::setw(12)
             << (t.population ? std::to_string(*t.population) : "-") << "  " << t.name << "\n";
  }
}

struct PopulationArgs {
  std::string id;
  long long population = -1;
  bool clear = false;
};

void RunSetPopulation(Context& ctx, const PopulationArgs& args, bool given) {
  if (given == args.clear) {
    return Fail(ctx, InvalidArgument("give either a population or --clear"));
  }
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  std::optional<long long> population;
  if (!args.clear) population = args.population;
  Status st = s->registry->SetPopulation(args.id, population);
  if (!st.ok()) return Fail(ctx, st);
  *ctx.out << args.id << ": population "
           << (population ? std::to_string(*population) : std::string("cleared")) << "\n";
}

}  // namespace

void AddTerritoryCommands(CLI::App& app, Context& ctx) {
  CLI::App* territories =
      app.add_subcommand("territories", "The territory hierarchy: countries, regions, localities");
  territories->require_subcommand(1);

  auto parent = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* l = territories->add_subcommand(
      "list", "List the territories under a parent (the countries by default) with actor counts");
  l->add_option("--parent", *parent, "Parent territory id, e.g. GB or GB/wales");
  l->add_flag("--json", *json, "Print JSON");
  l->callback([&ctx, parent, json] { RunList(ctx, *parent, *json); });

  auto args = std::make_shared<PopulationArgs>();
  CLI::App* sp = territories->add_subcommand("set-population", "Set or clear a population");
  sp->add_option("id", args->id, "Territory id, e.g. GB/wales")->required();
  CLI::Option* n = sp->add_option("population", args->population, "Number of inhabitants");
  sp->add_flag("--clear", args->clear, "Remove the population");
  sp->callback([&ctx, args, n] { RunSetPopulation(ctx, *args, n->count() > 0); });
}

}  // namespace ecosol::cli
