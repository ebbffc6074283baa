// `ecosol merge`, `ecosol unmerge` and `ecosol merges`: merging the records of one organisation
// by survivorship rules, undoing a merge, and listing merges.

#include <iostream>

#include "context.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/importer.h"
#include "ecosol/model/json.h"
#include "ecosol/registry/merge.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

struct MergeArgs {
  std::vector<std::string> ids;  // survivor, then the merged actors
  std::string rules_file;
  bool dry_run = false;
  bool json = false;
};

void PrintMerge(Context& ctx, const store::MergeRecord& m, bool dry_run) {
  json j = registry::MergeRecordToJson(m);
  *ctx.out << (dry_run               ? "would merge "
               : m.undone_at.empty() ? "merged "
                                     : "undone: merge ")
           << (dry_run ? "" : m.id + " ") << Join(m.merged_ids, ", ") << " into " << m.survivor_id
           << "\n";
  for (const json& f : j["fields"]) {
    std::vector<std::string> from;
    for (const json& id : f["from"]) from.push_back(id.get<std::string>());
    *ctx.out << "  " << f["field"].get<std::string>() << ": from " << Join(from, ", ") << "\n";
  }
  for (const json& i : j.value("identifiers", json::array())) {
    *ctx.out << "  identifier " << i["scheme"].get<std::string>() << " "
             << i["value"].get<std::string>() << ": from " << i["from"].get<std::string>() << "\n";
  }
  if (j.contains("undo")) {
    for (const json& f : j["undo"]["kept"]) {
      *ctx.out << "  " << f.get<std::string>()
               << ": edited since the merge, kept as it is (check it)\n";
    }
  }
}

void RunMerge(Context& ctx, const MergeArgs& args) {
  if (args.ids.size() < 2) {
    return Fail(ctx, InvalidArgument("name the survivor, then the actors to merge into it"));
  }
  registry::MergeRequest request;
  request.survivor = args.ids[0];
  request.merged.assign(args.ids.begin() + 1, args.ids.end());
  request.dry_run = args.dry_run;
  if (!args.rules_file.empty()) {
    auto text = interop::ReadFile(args.rules_file);
    if (!text.ok()) return Fail(ctx, text.status());
    auto parsed = model::ParseJson(*text);
    if (!parsed.ok()) {
      return Fail(ctx, InvalidArgument(args.rules_file + ": " + parsed.status().message()));
    }
    auto rules = registry::SurvivorshipRulesFromJson(*parsed);
    if (!rules.ok()) {
      return Fail(ctx, InvalidArgument(args.rules_file + ": " + rules.status().message()));
    }
    request.rules = std::move(*rules);
  }
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto merge = s->registry->MergeActors(request);
  if (!merge.ok()) return Fail(ctx, merge.status());
  if (args.json) {
    *ctx.out << registry::MergeRecordToJson(*merge).dump(2) << "\n";
    return;
  }
  PrintMerge(ctx, *merge, args.dry_run);
}

void RunUnmerge(Context& ctx, const std::string& id, bool as_json) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto merge = s->registry->UnmergeActors(id);
  if (!merge.ok()) return Fail(ctx, merge.status());
  if (as_json) {
    *ctx.out << registry::MergeRecordToJson(*merge).dump(2) << "\n";
    return;
  }
  PrintMerge(ctx, *merge, false);
}

void RunMerges(Context& ctx, const std::string& actor, int limit, bool as_json) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto merges = s->store->Merges(actor, limit);
  if (!merges.ok()) return Fail(ctx, merges.status());
  if (as_json) {
    json items = json::array();
    for (const auto& m : *merges) items.push_back(registry::MergeRecordToJson(m));
    *ctx.out << json{{"items", items}}.dump(2) << "\n";
    return;
  }
  for (const auto& m : *merges) {
    *ctx.out << m.id << "  " << m.created_at << "  " << Join(m.merged_ids, ", ") << " -> "
             << m.survivor_id << "  by " << m.who
             << (m.undone_at.empty() ? "" : "  (undone " + m.undone_at + ")") << "\n";
  }
  *ctx.out << merges->size() << " merges\n";
}

}  // namespace

void AddMergeCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* merge = app.add_subcommand(
      "merge", "Merge actors into a survivor by survivorship rules (reversible: ecosol unmerge)");
  merge->add_option("ids", args->ids, "The survivor, then the actors merged into it")
      ->required()
      ->expected(2, 1000);
  merge->add_option("--rules", args->rules_file,
                    "Survivorship rules (JSON: {\"default\": [sources], \"fields\": {...}})");
  merge->add_flag("--dry-run", args->dry_run, "Show what the merge would decide; write nothing");
  merge->add_flag("--json", args->json, "Print the merge record as JSON");
  merge->callback([&ctx, args] { RunMerge(ctx, *args); });

  auto unmerge_id = std::make_shared<std::string>();
  auto unmerge_json = std::make_shared<bool>(false);
  CLI::App* unmerge = app.add_subcommand("unmerge", "Undo a merge (ecosol merges lists them)");
  unmerge->add_option("merge", *unmerge_id, "The merge's id (mrg-...)")->required();
  unmerge->add_flag("--json", *unmerge_json, "Print the merge record as JSON");
  unmerge->callback(
      [&ctx, unmerge_id, unmerge_json] { RunUnmerge(ctx, *unmerge_id, *unmerge_json); });

  struct ListArgs {
    std::string actor;
    int limit = 50;
    bool json = false;
  };
  auto list = std::make_shared<ListArgs>();
  CLI::App* merges = app.add_subcommand("merges", "List merges, newest first");
  merges->add_option("--actor", list->actor, "Only the merges this actor took part in");
  merges->add_option("--limit", list->limit, "How many (0: all)")->capture_default_str();
  merges->add_flag("--json", list->json, "Print the merges as JSON");
  merges->callback([&ctx, list] { RunMerges(ctx, list->actor, list->limit, list->json); });
}

}  // namespace ecosol::cli
