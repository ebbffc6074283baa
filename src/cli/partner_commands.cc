// `ecosol ecosystem partners|brokers` and `ecosol offers ...`: partner recommendations, the
// building blocks of a territory with no broker between two types of actors, and the offers and
// wants of actors (docs/ecosystem.md, "Partner matching"). Run on the server with access to the
// database, the commands see every actor as an admin does; the API gives each reader what they
// may see.

#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/partners_service.h"
#include "ecosystem_cli.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

struct PartnerArgs : LangJsonOptions {
  std::string actor;
  std::string territory;
  std::string block;
  std::string asset;
  double max_km = -1;
  bool include_tied = false;
  int limit = 10;
};

struct OfferArgs {
  std::string actor;
  std::string file;
  std::string id;
  bool with_deleted = false;
  bool json = false;
};

ecosystem::EditAuthor CliAuthor() { return {CliAuditWho(), "local"}; }

void RunPartners(Context& ctx, const PartnerArgs& args) {
  Status lang = ecosystem::CheckLanguage(args.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  ecosystem::PartnerQuery q;
  q.actor_id = args.actor;
  q.block = args.block;
  q.asset_type = args.asset;
  q.limit = args.limit;
  q.include_tied = args.include_tied;
  if (args.max_km >= 0) q.max_km = args.max_km;
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto found =
      ecosystem::PartnersFor(*s->store, Everything(), FrameworksDir(ctx), q, SystemClock());
  if (!found.ok()) return Fail(ctx, found.status());
  if (args.json) return PrintJson(*ctx.out, ecosystem::ToJson(*found), args);
  std::ostream& out = *ctx.out;
  out << "Partners for " << found->actor_id
      << " (needs: " << ecosystem::ToString(found->needs_source) << "). "
      << In(found->needs_note, args.lang) << "\n";
  if (found->items.empty()) out << "No partner offers what is needed.\n";
  int rank = 0;
  for (const ecosystem::Recommendation& r : found->items) {
    out << ++rank << ". " << r.partner_name << " (" << r.partner_id << ", " << r.group
        << ")  score " << Fixed(r.score, 2) << " = complementarity " << Fixed(r.complementarity, 2)
        << ", proximity " << Fixed(r.proximity, 2) << ", trust " << Fixed(r.trust, 2)
        << (r.tied ? "  [already tied]" : "") << "\n   " << In(r.explanation, args.lang) << "\n";
  }
  out << found->candidates_scored << " candidates scored";
  if (found->tied_left_out > 0) {
    out << "; " << found->tied_left_out << " already tied left out (--include-tied shows them)";
  }
  out << "\n";
}

void RunBrokers(Context& ctx, const PartnerArgs& args) {
  Status lang = ecosystem::CheckLanguage(args.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto report = ecosystem::BrokerGapsIn(*s->store, Everything(), FrameworksDir(ctx), args.territory,
                                        SystemClock());
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) return PrintJson(*ctx.out, ecosystem::ToJson(*report), args);
  std::ostream& out = *ctx.out;
  out << "Missing brokers in " << report->territory << ": " << report->gaps.size() << "\n";
  for (const ecosystem::BrokerGap& g : report->gaps) {
    out << "- " << In(g.text, args.lang) << " (" << g.actors_a << " and " << g.actors_b
        << " actors)\n";
    for (const ecosystem::Bridge& b : g.bridges) {
      out << "    could bridge: " << b.name << " (" << b.id << "), tied to " << b.ties_to_side
          << " of side " << b.side << "\n";
    }
  }
}

Result<std::shared_ptr<const ecosystem::PartnerFramework>> Assets(const Context& ctx) {
  return ecosystem::PartnerFrameworkIn(FrameworksDir(ctx));
}

void RunOfferAdd(Context& ctx, const OfferArgs& args) {
  auto framework = Assets(ctx);
  if (!framework.ok()) return Fail(ctx, framework.status());
  auto doc = ReadJsonFile(args.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto input =
      ecosystem::OfferWantInput(*doc, args.actor, **framework, "--file '" + args.file + "'");
  if (!input.ok()) return Fail(ctx, input.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto saved = ecosystem::SaveOfferWant(*s->store, SystemClock(), **framework, *input, CliAuthor());
  if (!saved.ok()) return Fail(ctx, saved.status());
  *ctx.out << "Recorded " << saved->exchange_type << " " << saved->id << " of " << saved->actor_id
           << " (version " << saved->version << ")\n";
}

void RunOfferImport(Context& ctx, const OfferArgs& args) {
  auto framework = Assets(ctx);
  if (!framework.ok()) return Fail(ctx, framework.status());
  auto doc = ReadJsonFile(args.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto n = ecosystem::ImportOffersWants(*s->store, SystemClock(), **framework, *doc, args.actor,
                                        CliAuthor());
  if (!n.ok()) return Fail(ctx, n.status().WithContext("--file '" + args.file + "'"));
  *ctx.out << "Imported " << *n << " offers and wants from " << args.file << "\n";
}

void RunOfferList(Context& ctx, const OfferArgs& args, bool murmurations) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto list = ecosystem::OffersWantsOf(*s->store, args.actor, args.with_deleted);
  if (!list.ok()) return Fail(ctx, list.status());
  if (murmurations || args.json) {
    json out = json::array();
    for (const ecosystem::OfferWant& o : *list) {
      out.push_back(murmurations ? ecosystem::ToMurmurations(o) : ecosystem::ToJson(o));
    }
    *ctx.out << out.dump(2) << "\n";
    return;
  }
  if (list->empty()) *ctx.out << "No offers or wants\n";
  for (const ecosystem::OfferWant& o : *list) {
    *ctx.out << o.id << "  " << o.actor_id << "  " << o.exchange_type << "  "
             << (o.asset_type.empty() ? "-" : o.asset_type) << "  " << o.title
             << (o.deleted ? "  [deleted]" : "") << "\n";
  }
}

void RunOfferHistory(Context& ctx, const OfferArgs& args) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto versions = ecosystem::OfferWantVersions(*s->store, args.id);
  if (!versions.ok()) return Fail(ctx, versions.status());
  for (const store::OfferWantRecord& r : *versions) {
    *ctx.out << "version " << r.version << "  " << r.updated_at << "  " << r.updated_by
             << (r.deleted ? "  [deleted]" : "") << "\n  " << r.doc << "\n";
  }
}

void RunOfferDelete(Context& ctx, const OfferArgs& args, bool deleted) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto r = ecosystem::SetOfferWantDeleted(*s->store, SystemClock(), args.id, deleted, CliAuthor());
  if (!r.ok()) return Fail(ctx, r.status());
  *ctx.out << (deleted ? "Deleted " : "Restored ") << r->exchange_type << " " << r->id << " of "
           << r->actor_id << " (version " << r->version << ")\n";
}

void AddPartners(CLI::App* eco, Context& ctx) {
  auto args = std::make_shared<PartnerArgs>();
  CLI::App* cmd = eco->add_subcommand(
      "partners", "Partners with complementary assets for an actor, each with its reasons");
  cmd->add_option("actor", args->actor, "The actor's id")->required();
  cmd->add_option("--block", args->block, "Only needs of this building block (market_access...)");
  cmd->add_option("--asset", args->asset, "Only needs of this asset type (finance, premises...)");
  cmd->add_option("--max-km", args->max_km, "Only partners at most this far (located ones)");
  cmd->add_flag("--include-tied", args->include_tied, "Also actors already tied to it");
  cmd->add_option("--limit", args->limit, "How many (1-100)")->capture_default_str();
  AddLangJson(cmd, args, "recommendations", [&ctx, args] { RunPartners(ctx, *args); });
}

void AddBrokers(CLI::App* eco, Context& ctx) {
  auto args = std::make_shared<PartnerArgs>();
  CLI::App* cmd = eco->add_subcommand(
      "brokers", "Building blocks of a territory with no broker between two types of actors");
  cmd->add_option("--territory", args->territory, "The territory (a path id such as CA/quebec)")
      ->required();
  AddLangJson(cmd, args, "gaps", [&ctx, args] { RunBrokers(ctx, *args); });
}

void AddOffers(CLI::App& app, Context& ctx) {
  CLI::App* offers = app.add_subcommand(
      "offers", "Offers and wants of actors (Murmurations offers_wants), for partner matching");
  offers->require_subcommand(1);
  auto args = std::make_shared<OfferArgs>();
  CLI::App* add = offers->add_subcommand("add", "Record an offer or a want of an actor");
  add->add_option("actor", args->actor, "The actor's id")->required();
  add->add_option(
         "--file", args->file,
         "JSON: a Murmurations offers_wants profile, or Ecosol's shape (docs/ecosystem.md)")
      ->required();
  add->callback([&ctx, args] { RunOfferAdd(ctx, *args); });
  CLI::App* import = offers->add_subcommand(
      "import", "Import a list of offers and wants, all or nothing (each names its actor_id)");
  import->add_option("--file", args->file, "JSON array of profiles")->required();
  import->add_option("--actor", args->actor, "The actor of every entry (else each's actor_id)");
  import->callback([&ctx, args] { RunOfferImport(ctx, *args);
});
CLI::App* list = offers->add_subcommand("list", "The offers and wants (of one actor)");
list->add_option("actor", args->actor, "The actor's id (default: every actor)");
list->add_flag("--with-deleted", args->with_deleted, "Also the deleted ones");
list->add_flag("--json", args->json, "Print them as JSON");
list->callback([&ctx, args] { RunOfferList(ctx, *args, false); });
CLI::App* exp = offers->add_subcommand("export", "Print them as Murmurations profiles (JSON)");
exp->add_option("actor", args->actor, "The actor's id (default: every actor)");
exp->callback([&ctx, args] { RunOfferList(ctx, *args, true); });
CLI::App* history = offers->add_subcommand("history", "Every version of one");
history->add_option("id", args->id, "Its id (ow-...)")->required();
history->callback([&ctx, args] { RunOfferHistory(ctx, *args); });
CLI::App* del = offers->add_subcommand("delete", "Delete one (it can be restored)");
del->add_option("id", args->id, "Its id (ow-...)")->required();
del->callback([&ctx, args] { RunOfferDelete(ctx, *args, true); });
CLI::App* restore = offers->add_subcommand("restore", "Restore a deleted one");
restore->add_option("id", args->id, "Its id (ow-...)")->required();
restore->callback([&ctx, args] { RunOfferDelete(ctx, *args, false); });
}  // namespace

}  // namespace ecosol::cli

void AddPartnerCommands(CLI::App& app, Context& ctx) {
  CLI::App* eco = app.get_subcommand("ecosystem");
  AddPartners(eco, ctx);
  AddBrokers(eco, ctx);
  AddOffers(app, ctx);
}

}  // namespace ecosol::cli
