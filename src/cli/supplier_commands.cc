// `ecosol ecosystem suppliers --tender FILE` (the SSE suppliers of a tender, with the evidence
// for each condition of its reservation) and `ecosol ecosystem award` (record that a supplier
// won a tender: a procurement link). docs/ecosystem.md, "Suppliers for a tender". Run on the
// server with access to the database, the suppliers command sees every actor as an admin does.

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/suppliers_service.h"
#include "ecosol/rules/yaml_json.h"
#include "ecosol/screening/service.h"
#include "ecosystem_cli.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

struct SupplierArgs {
  std::string tender;
  std::string supplier;
  std::string date;
};

// A tender file, JSON or YAML.
Result<json> ReadTenderFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("--tender: cannot read '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  return rules::YamlToJson(text.str(), path);
}

Result<std::shared_ptr<const screening::Catalogue>> Catalogue(const Context& ctx) {
  return screening::LoadFrameworks(FrameworksDir(ctx));
}

void PrintSupplier(std::ostream& out, const json& s) {
  out << "\n"
      << s["actor"]["name"].get<std::string>() << " (" << s["actor"]["id"].get<std::string>()
      << "): " << s["verdict"].get<std::string>() << ", evidence "
      << s["evidence"]["decided"].get<int>() << "/" << s["evidence"]["conditions"].get<int>()
      << "\n  " << s["summary"].get<std::string>() << "\n";
  for (const json& c : s["conditions"]) {
    out << "  [" << c["status"].get<std::string>() << "] " << c["id"].get<std::string>() << ": "
        << c["text"].get<std::string>() << "\n";
    for (const json& f : c["facts"]) {
      out << "      " << f["fact"].get<std::string>() << " = "
          << (f.contains("value") ? f["value"].dump() + " (" + f["source"].get<std::string>() + ")"
                                  : std::string("unknown"))
          << "\n";
    }
  }
}

void RunSuppliers(Context& ctx, const SupplierArgs& args, const LangJsonOptions& options) {
  Status lang = ecosystem::CheckLanguage(options.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  auto doc = ReadTenderFile(args.tender);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto tender = ecosystem::TenderFromJson(*doc, args.tender);
  if (!tender.ok()) return Fail(ctx, tender.status());
  auto catalogue = Catalogue(ctx);
  if (!catalogue.ok()) return Fail(ctx, catalogue.status());
  auto analyzer = text::ClauseAnalyzer::Load(std::filesystem::path(DataDir(ctx)) / "clauses");
  if (!analyzer.ok()) return Fail(ctx, analyzer.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  screening::ScreeningService screening(*s->registry, *catalogue, *analyzer, SystemClock());
  auto report = ecosystem::SuppliersFor(*s->store, Everything(), screening, **catalogue, *tender);
  if (!report.ok()) return Fail(ctx, report.status());
  json out = ecosystem::ToJson(*report);
  if (options.json) return PrintJson(*ctx.out, out, options);
  json text = ecosystem::Localize(out, options.lang);
  *ctx.out << "Suppliers for \"" << tender->title << "\" ("
           << text["buyer"]["name"].get<std::string>() << ", " << tender->territory << ")"
           << (text["reservation"].is_null()
                   ? std::string(", not reserved")
                   : ", " + text["reservation"]["title"].get<std::string>())
           << "\n"
           << text["counts"]["eligible"] << " eligible, " << text["counts"]["not_eligible"]
           << " not eligible, " << text["counts"]["insufficient_evidence"]
           << " with insufficient evidence\n";
  for (const json& supplier : text["suppliers"]) PrintSupplier(*ctx.out, supplier);
}

void RunAward(Context& ctx, const SupplierArgs& args, bool as_json) {
  auto doc = ReadTenderFile(args.tender);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto tender = ecosystem::TenderFromJson(*doc, args.tender);
  if (!tender.ok()) return Fail(ctx, tender.status());
  auto catalogue = Catalogue(ctx);
  if (!catalogue.ok()) return Fail(ctx, catalogue.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto rel = ecosystem::RecordAward(*s->registry, **catalogue,
                                    {std::move(*tender), args.supplier, args.date});
  if (!rel.ok()) return Fail(ctx, rel.status());
  if (as_json) {
    *ctx.out << json({{"id", rel->id},
                      {"from", rel->from},
                      {"to", rel->to},
                      {"type", "supplies"},
                      {"started", rel->started},
                      {"description", rel->description}})
                    .dump(2)
             << "\n";
    return;
  }
  *ctx.out << "Recorded " << rel->id << ": " << rel->description << "\n";
}

}  // namespace

void AddSupplierCommands(CLI::App& app, Context& ctx) {
  CLI::App* eco = app.get_subcommand("ecosystem");
  auto args = std::make_shared<SupplierArgs>();
  auto options = std::make_shared<LangJsonOptions>();
  CLI::App* cmd = eco->add_subcommand(
      "suppliers", "The SSE suppliers of a tender, with the evidence for each reserved condition");
  cmd->add_option("--tender", args->tender, "The tender (JSON or YAML; docs/ecosystem.md)")
      ->required();
  AddLangJson(cmd, options, "suppliers",
              [&ctx, args, options] { RunSuppliers(ctx, *args, *options); });

  auto award = std::make_shared<SupplierArgs>();
  auto award_json = std::make_shared<bool>(false);
  CLI::App* rec = eco->add_subcommand(
      "award", "Record that a supplier won a tender (a supplies link to the buyer)");
  rec->add_option("--tender", award->tender, "The tender (JSON or YAML)")->required();
  rec->add_option("--supplier", award->supplier, "The winner's actor id")->required();
  rec->add_option("--date", award->date, "The award date, YYYY-MM-DD")->required();
  rec->add_flag("--json", *award_json, "Print the relationship as JSON");
  rec->callback([&ctx, award, award_json] { RunAward(ctx, *award, *award_json); });
}

}  // namespace ecosol::cli
