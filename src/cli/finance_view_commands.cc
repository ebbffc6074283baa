// `ecosol finance guarantee|campaign|shares|impact`: stored guarantee funds, match-funded
// campaigns and share registers evaluated, and the impact export (docs/finance.md). Each prints
// text by default and the API's JSON with --json (impact: CSV, JSON-LD or JSON).

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/finance/impact.h"
#include "ecosol/finance/service.h"
#include "finance_text.h"

namespace ecosol::cli {
namespace {

using finance_text::At;
using finance_text::Int;
using finance_text::Money;
using finance_text::MoneyOf;
using finance_text::PrintTable;
using finance_text::Rows;
using finance_text::Str;
using nlohmann::json;

struct ViewArgs {
  std::string id;
  std::string as_of;
  std::string fund;
  std::string currency;
  std::string format = "csv";
  std::string lang = "en";
  bool json = false;
};

void PrintGuarantee(std::ostream& out, const json& view) {
  const json& r = At(view, "report");
  out << "guarantee fund " << Str(At(view, "record"), "id") << ": exposure "
      << MoneyOf(r, "exposure") << " of a limit of " << MoneyOf(r, "limit") << ", capacity left "
      << MoneyOf(r, "remaining_capacity") << ", capital left " << MoneyOf(r, "capital_left")
      << ", fees a year " << MoneyOf(r, "annual_fees") << "\n";
  Rows rows{{"LOAN", "GUARANTEED", "FEE A YEAR", "CALLED"}};
  for (const json& g : At(r, "guarantees")) {
    rows.push_back({Str(g, "loan_id"), MoneyOf(g, "guaranteed"), MoneyOf(g, "annual_fee"),
                    At(g, "called").is_boolean() && At(g, "called").get<bool>() ? "yes" : "no"});
  }
  PrintTable(out, rows);
  if (At(r, "calls").empty()) return;
  Rows calls{{"CALL ON", "LOSS", "COVERED", "PAID", "LIMITED BY", "LENDER BEARS"}};
  for (const json& c : At(r, "calls")) {
    calls.push_back({Str(c, "loan_id"), MoneyOf(c, "loss"), MoneyOf(c, "covered"),
                     MoneyOf(c, "paid"), Str(c, "limited_by"), MoneyOf(c, "lender_bears")});
  }
  PrintTable(out, calls);
}

void PrintCampaign(std::ostream& out, const json& view) {
  const json& m = At(view, "match");
  out << "campaign " << Str(m, "campaign") << " (rule " << Str(m, "rule") << ") at "
      << Str(m, "as_of") << ": raised " << MoneyOf(m, "raised") << " from " << Int(m, "backers")
      << " backers; match earned " << MoneyOf(m, "match_earned") << " (limited by "
      << Str(m, "limited_by") << "), owed now " << MoneyOf(m, "owed_now") << "; "
      << (At(m, "released").is_boolean() && At(m, "released").get<bool>() ? "released"
                                                                          : "not released")
      << "; outcome " << Str(At(m, "deadline"), "outcome") << "\n";
  for (const json& b : At(m, "blockers")) out << "  blocked: " << Str(b, "why") << "\n";
}

void PrintShares(std::ostream& out, const json& plan) {
  if (plan.is_null()) {
    out << "no share register\n";
    return;
  }
  Rows rows{{"MEMBER", "PAID ON", "AMOUNT"}};
  for (const json& p : At(plan, "payouts")) {
    rows.push_back({Str(p, "member"), Str(p, "paid_on"), MoneyOf(p, "amount")});
  }
  PrintTable(out, rows);
  for (const json& u : At(plan, "unpaid")) {
    out << "  unpaid within the horizon: " << Str(u, "member") << " " << MoneyOf(u, "amount")
        << "\n";
  }
}

template <typename Text>
void Show(Context& ctx, bool as_json, const Result<json>& answer, Text text) {
  if (!answer.ok()) return Fail(ctx, answer.status());
  if (as_json) {
    *ctx.out << answer->dump(2) << "\n";
  } else {
    text(*ctx.out, *answer);
  }
}

void RunGuarantee(Context& ctx, const ViewArgs& a) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  Show(ctx, a.json, finance::GuaranteeFundView(*s->store, a.id), PrintGuarantee);
}

void RunCampaign(Context& ctx, const ViewArgs& a) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  Show(ctx, a.json, finance::CampaignView(*s->store, SystemClock(), a.id, a.as_of), PrintCampaign);
}

void RunShares(Context& ctx, const ViewArgs& a) {
  auto fw = finance::FinanceFrameworksIn(FrameworksDir(ctx));
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  finance::OrganisationFinanceRequest r;
  r.actor_id = a.id;
  r.as_of = a.as_of;
  auto view = finance::OrganisationFinance(*s->store, SystemClock(), **fw, r);
  if (!view.ok()) return Fail(ctx, view.status());
  Show(ctx, a.json, Result<json>((*view)["share_register"]), PrintShares);
}

void RunImpact(Context& ctx, const ViewArgs& a) {
  if (a.format != "csv" && a.format != "jsonld" && a.format != "json") {
    return Fail(ctx,
                InvalidArgument("--format: '" + a.format + "' is not one of csv, jsonld, json"));
  }
  auto fw = finance::FinanceFrameworksIn(FrameworksDir(ctx));
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  finance::ImpactRequest r;
  r.as_of = a.as_of;
  r.fund = a.fund;
  r.currency = a.currency;
  auto report = finance::ImpactOfStore(*s->store, SystemClock(), **fw, r);
  if (!report.ok()) return Fail(ctx, report.status());
  if (a.format == "csv") {
    *ctx.out << finance::ImpactToCsv(*report);
  } else if (a.format == "jsonld") {
    *ctx.out << finance::ImpactToJsonLd(*report).dump(2) << "\n";
  } else {
    *ctx.out << finance::ImpactToJson(*report).dump(2) << "\n";
  }
}

using Runner = void (*)(Context&, const ViewArgs&);

std::pair<CLI::App*, ViewArgs*> View(CLI::App* parent, Context& ctx, const char* name,
                                     const char* help, Runner run) {
  auto args = std::make_shared<ViewArgs>();
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->callback([&ctx, args, run] { run(ctx, *args); });
  return {cmd, args.get()};
}

}  // namespace

void AddFinanceViewCommands(CLI::App* f, Context& ctx) {
  auto [guarantee, g] =
      View(f, ctx, "guarantee", "A guarantee fund: cover, fees, calls, capacity", RunGuarantee);
  guarantee->add_option("id", g->id, "A stored guarantee fund's id")->required();
  guarantee->add_flag("--json", g->json, "Print the JSON");
  auto [campaign, c] =
      View(f, ctx, "campaign", "A match-funded campaign: the match owed and why", RunCampaign);
  campaign->add_option("id", c->id, "A stored campaign's id")->required();
  campaign->add_option("--as-of", c->as_of, "The date (YYYY-MM-DD; default today)");
  campaign->add_flag("--json", c->json, "Print the JSON");
  auto [shares, s] =
      View(f, ctx, "shares", "A co-operative's share withdrawals, planned", RunShares);
  shares->add_option("actor", s->id, "The co-operative's actor id")->required();
  shares->add_option("--as-of", s->as_of, "The date (YYYY-MM-DD; default today)");
  shares->add_flag("--json", s->json, "Print the JSON");
  auto [impact, i] =
      View(f, ctx, "impact",
           "Impact indicators (CIDS JSON-LD, IRIS+ codes) as CSV, JSON-LD or JSON", RunImpact);
  impact->add_option("--format", i->format, "csv (default), jsonld or json");
  impact->add_option("--fund", i->fund, "Only this fund and its loans");
  impact->add_option("--as-of", i->as_of, "The date (YYYY-MM-DD; default today)");
  impact->add_option("--currency", i->currency, "ISO 4217 code (default: the funds')");
}

}  // namespace ecosol::cli
