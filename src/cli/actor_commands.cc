// `ecosol actors list|show|search`. Run on the server with access to the database, they show
// every actor and field (as an admin sees them); `ecosol export` publishes the public view.

#include <iomanip>
#include <nlohmann/json.hpp>

#include "context.h"
#include "ecosol/model/json.h"
#include "ecosol/text/search_text.h"

namespace ecosol::cli {
namespace {

struct ListArgs {
  std::string q;
  std::string kind;
  std::string country;
  std::string activity;
  std::string structure;
  std::string verdict;
  std::string verdict_framework;
  int limit = 20;
  std::string cursor;
  bool json = false;
};

Result<store::ActorQuery> ToQuery(const ListArgs& a) {
  store::ActorQuery q;
  // The command line acts as an instance admin (see auth_commands.cc): every actor, every field.
  q.audience.everything = true;
  q.q = a.q;
  if (!a.kind.empty()) {
    q.kind = model::ParseActorKind(a.kind);
    if (!q.kind) return InvalidArgument("--kind: '" + a.kind + "' is not a kind of actor");
  }
  q.country = a.country;
  for (char& c : q.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  q.activity = a.activity;
  q.structure = a.structure;
  q.verdict = a.verdict;
  q.verdict_framework = a.verdict_framework;
  if (a.limit < 1 || a.limit > 10000) return InvalidArgument("--limit: from 1 to 10000");
  q.limit = a.limit;
  q.cursor = a.cursor;
  return q;
}

void RunList(Context& ctx, const ListArgs& args) {
  auto q = ToQuery(args);
  if (!q.ok()) return Fail(ctx, q.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto page = s->registry->ListActors(*q);
  if (!page.ok()) return Fail(ctx, page.status());
  auto terms = text::QueryTerms(args.q);
  if (args.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : page->items) items.push_back(model::ActorToJson(a));
    *ctx.out << nlohmann::json{{"items", items},
                               {"next_cursor", page->next_cursor.empty()
                                                   ? nlohmann::json(nullptr)
                                                   : nlohmann::json(page->next_cursor)}}
                    .dump(2)
             << "\n";
    return;
  }
  for (const auto& a : page->items) {
    *ctx.out << std::left << std::setw(24) << a.id << " " << std::setw(14)
             << model::ToString(a.kind) << " " << std::setw(3) << a.address.country << " " << a.name
             << "\n";
  }
  if (!page->next_cursor.empty()) *ctx.out << "(more: --cursor " << page->next_cursor << ")\n";
}

void RunShow(Context& ctx, const std::string& id, bool json) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto actor = s->registry->GetActor(id);
  if (!actor.ok()) return Fail(ctx, actor.status());
  nlohmann::json j = model::ActorToJson(*actor);
  if (json) {
    *ctx.out << j.dump(2) << "\n";
    return;
  }
  *ctx.out << actor->name << " (" << actor->id << ", " << model::ToString(actor->kind)
           << ", version " << actor->version << ")\n";
  for (const auto& [key, value] : j.items()) {
    if (key == "name" || key == "id" || value.is_null() || value.empty()) continue;
    *ctx.out << "  " << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump())
             << "\n";
  }
  auto rels = s->registry->RelationshipsOf(id);
  if (rels.ok()) {
    for (const auto& r : *rels) {
      *ctx.out << "  relationship: " << r.from << " " << model::ToString(r.type) << " " << r.to
               << "\n";
    }
  }
}

void AddFilters(CLI::App* cmd, ListArgs& a) {
  cmd->add_option("--kind", a.kind, "organisation, informal_group, network, university, ...");
  cmd->add_option("--country", a.country, "ISO 3166-1 alpha-2 code");
  cmd->add_option("--activity", a.activity, "ICA activity code, e.g. ICA140");
  cmd->add_option("--structure", a.structure, "ESSGlobal organisational structure, e.g. OS115");
  cmd->add_option("--verdict", a.verdict,
                  "Latest screening verdict: consistent, partially_consistent, inconsistent, "
                  "insufficient_evidence, not_applicable");
  cmd->add_option("--verdict-framework", a.verdict_framework,
                  "The framework of --verdict (default un-ilo)");
  cmd->add_option("--limit", a.limit, "How many")->capture_default_str();
  cmd->add_option("--cursor", a.cursor, "Continue from a previous page");
  cmd->add_flag("--json", a.json, "Print JSON");
}

}  // namespace

void AddActorCommands(CLI::App& app, Context& ctx) {
  CLI::App* actors = app.add_subcommand("actors", "List, show and search actors");
  actors->require_subcommand(1);
  auto list = std::make_shared<ListArgs>();
  CLI::App* l = actors->add_subcommand("list", "List actors by name");
  AddFilters(l, *list);
  l->callback([&ctx, list] { RunList(ctx, *list); });

  auto search = std::make_shared<ListArgs>();
  CLI::App* se = actors->add_subcommand("search", "Full-text search (en/fr/es/pt aware)");
  se->add_option("query", search->q, "Words to find")->required();
  AddFilters(se, *search);
  se->callback([&ctx, search] { RunList(ctx, *search); });

  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sh = actors->add_subcommand("show", "Show one actor and its relationships");
  sh->add_option("id", *id, "Actor id")->required();
  sh->add_flag("--json", *json, "Print JSON");
  sh->callback([&ctx, id, json] { RunShow(ctx, *id, *json); });
}

}  // namespace ecosol::cli
