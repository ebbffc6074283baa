// `ecosol screen`, `ecosol profile set|show`, `ecosol screenings ACTOR`, `ecosol frameworks
// list|show|check`: SSE screening from the command line (screening/service.h does the work).

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "context.h"
#include "ecosol/screening/service.h"
#include "ecosol/text/document.h"

namespace ecosol::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct ScreenArgs {
  std::string file;
  std::string actor;
  bool all = false;
  std::string statutes;
  std::vector<std::string> frameworks;
  std::vector<std::string> options;
  std::string lang = "en";
  std::string statutes_lang = "auto";
  bool json = false;
};

Result<screening::Statutes> ReadStatutes(const std::string& path) {
  auto text = text::ExtractDocumentText(fs::path(path));
  if (!text.ok()) return text.status();
  return screening::Statutes{fs::path(path).filename().string(), std::move(*text)};
}

struct Engines {
  std::shared_ptr<const screening::Catalogue> catalogue;
  std::shared_ptr<const text::ClauseAnalyzer> analyzer;
};

Result<Engines> LoadEngines(const Context& ctx) {
  auto catalogue = screening::LoadFrameworks(FrameworksDir(ctx));
  if (!catalogue.ok()) return catalogue.status();
  auto analyzer = text::ClauseAnalyzer::Load(fs::path(DataDir(ctx)) / "clauses");
  if (!analyzer.ok()) return analyzer.status();
  return Engines{*catalogue, *analyzer};
}

screening::ScreenRequest RequestOf(const ScreenArgs& a) {
  return {a.frameworks, a.options, a.lang, a.statutes_lang};
}

void PrintSummary(Context& ctx, const json& out) {
  if (out.contains("actor")) *ctx.out << "actor " << out["actor"].get<std::string>() << "\n";
  for (const json& r : out["results"]) {
    *ctx.out << r["framework"].get<std::string>() << " " << r["version"].get<std::string>() << ": "
             << r["verdict"].get<std::string>() << "\n";
    for (const json& p : r["principles"]) {
      *ctx.out << "  " << std::left << std::setw(24) << p["id"].get<std::string>() << " "
               << p["status"].get<std::string>() << "\n";
      for (const json& c : p["criteria"]) {
        std::string status = c["status"];
        if (status == "met" || status == "not_applicable") continue;
        *ctx.out << "    - " << c["id"].get<std::string>() << " ("
                 << c["severity"].get<std::string>() << "): " << status << ". "
                 << c.value("explanation", "") << "\n";
      }
    }
    for (const json& f : r["red_flags"]) {
      *ctx.out << "  red flag: " << f["id"].get<std::string>() << " ("
               << f["severity"].get<std::string>() << ")\n";
    }
  }
}

void RunScreen(Context& ctx, const ScreenArgs& a) {
  int sources = (a.file.empty() ? 0 : 1) + (a.actor.empty() ? 0 : 1) + (a.all ? 1 : 0);
  if (sources != 1) {
    return Fail(ctx, InvalidArgument("give exactly one of --file PROFILE.json, --actor ID, --all"));
  }
  if (a.all && !a.statutes.empty()) {
    return Fail(ctx, InvalidArgument("--statutes goes with --file or --actor, not --all"));
  }
  auto engines = LoadEngines(ctx);
  if (!engines.ok()) return Fail(ctx, engines.status());
  std::optional<screening::Statutes> statutes;
  if (!a.statutes.empty()) {
    auto s = ReadStatutes(a.statutes);
    if (!s.ok()) return Fail(ctx, s.status());
    statutes = std::move(*s);
  }
  Result<json> out = json();
  if (!a.file.empty()) {
    auto doc = ReadJsonFile(a.file);
    if (!doc.ok()) return Fail(ctx, doc.status());
    auto profile = screening::ParseProfile(*doc, *engines->catalogue);
    if (!profile.ok()) return Fail(ctx, profile.status().WithContext(a.file));
    std::optional<text::StatutesAnalysis> analysis;
    if (statutes) {
      auto an = engines->analyzer->Analyze(statutes->text, a.statutes_lang);
      if (!an.ok()) return Fail(ctx, an.status().WithContext(a.statutes));
      analysis = std::move(*an);
      screening::ApplyStatutes(*analysis, *engines->catalogue, &*profile);
    }
    out = screening::Evaluate(*profile, *engines->catalogue, RequestOf(a),
                              analysis ? &*analysis : nullptr);
  } else {
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    screening::ScreeningService service(*s->registry, engines->catalogue, engines->analyzer,
                                        SystemClock());
    if (a.all) {
      auto progress = [&](const screening::JobProgress& p) {
        *ctx.err << "\rscreening: " << p.done << " of " << p.total << " actors" << std::flush;
        return true;
      };
      out = service.ScreenAll(RequestOf(a), CliAuditWho(), progress);
      *ctx.err << "\n";
    } else {
      if (statutes) {
        auto profile = service.ActorProfile(a.actor);
        if (!profile.ok()) return Fail(ctx, profile.status());
        json doc = (*profile)["profile"];
        auto saved = service.SaveProfile(a.actor, doc, &*statutes, CliAuditWho());
        if (!saved.ok()) return Fail(ctx, saved.status());
      }
      out = service.ScreenActor(a.actor, RequestOf(a), CliAuditWho());
    }
  }
  if (!out.ok()) return Fail(ctx, out.status());
  if (a.json || a.all) {
    *ctx.out << out->dump(2) << "\n";
  } else {
    PrintSummary(ctx, *out);
  }
}

void AddScreen(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ScreenArgs>();
  CLI::App* cmd = app.add_subcommand(
      "screen", "Screen an organisation against the UN/ILO definition and national schemes");
  cmd->add_option("--file", args->file, "A profile (JSON; facts as in frameworks/facts.yaml)");
  cmd->add_option("--actor", args->actor, "A registry actor (the assessment is stored)");
  cmd->add_flag("--all", args->all, "Every actor of the registry (assessments are stored)");
  cmd->add_option("--statutes", args->statutes, "Statutes: .txt, .md, .html, .pdf or .docx");
  cmd->add_option("--framework", args->frameworks,
                  "Framework id (repeatable; default: un-ilo "
                  "and the schemes that apply)");
  cmd->add_option("--option", args->options, "Framework option to switch on (e.g. esus)");
  cmd->add_option("--lang", args->lang, "Language of explanations: en, fr, es, pt");
  cmd->add_option("--statutes-lang", args->statutes_lang, "Language of the statutes (auto)");
  cmd->add_flag("--json", args->json, "Print the full result as JSON");
  cmd->callback([&ctx, args] { RunScreen(ctx, *args); });
}

void AddProfile(CLI::App& app, Context& ctx) {
  CLI::App* profile = app.add_subcommand("profile", "An actor's screening profile");
  profile->require_subcommand(1);
  auto set = std::make_shared<std::array<std::string, 3>>();  // actor, file, statutes
  CLI::App* cmd = profile->add_subcommand("set", "Store a new version of an actor's profile");
  cmd->add_option("actor", (*set)[0], "Actor id")->required();
  cmd->add_option("--file", (*set)[1], "Profile JSON")->required();
  cmd->add_option("--statutes", (*set)[2], "Statutes file");
  cmd->callback([&ctx, set] {
    auto engines = LoadEngines(ctx);
    if (!engines.ok()) return Fail(ctx, engines.status());
    auto doc = ReadJsonFile((*set)[1]);
    if (!doc.ok()) return Fail(ctx, doc.status());
    std::optional<screening::Statutes> statutes;
    if (!(*set)[2].empty()) {
      auto s = ReadStatutes((*set)[2]);
      if (!s.ok()) return Fail(ctx, s.status());
      statutes = std::move(*s);
    }
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    screening::ScreeningService service(*s->registry, engines->catalogue, engines->analyzer,
                                        SystemClock());
    auto version =
        service.SaveProfile((*set)[0], *doc, statutes ? &*statutes : nullptr, CliAuditWho());
    if (!version.ok()) return Fail(ctx, version.status());
    *ctx.out << "profile of " << (*set)[0] << ": version " << *version << "\n";
  });
  auto actor = std::make_shared<std::string>();
  CLI::App* show = profile->add_subcommand("show", "Print an actor's profile as JSON");
  show->add_option("actor", *actor, "Actor id")->required();
  show->callback([&ctx, actor] {
    auto engines = LoadEngines(ctx);
    if (!engines.ok()) return Fail(ctx, engines.status());
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    screening::ScreeningService service(*s->registry, engines->catalogue, engines->analyzer,
                                        SystemClock());
    auto out = service.ActorProfile(*actor);
    if (!out.ok()) return Fail(ctx, out.status());
    *ctx.out << out->dump(2) << "\n";
  });
}

void AddScreenings(CLI::App& app, Context& ctx) {
  auto actor = std::make_shared<std::pair<std::string, std::string>>("", "en");
  CLI::App* cmd = app.add_subcommand("screenings", "An actor's stored assessments, with changes");
  cmd->add_option("actor", actor->first, "Actor id")->required();
  cmd->add_option("--lang", actor->second, "Language of explanations");
  cmd->callback([&ctx, actor] {
    auto engines = LoadEngines(ctx);
    if (!engines.ok()) return Fail(ctx, engines.status());
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    screening::ScreeningService service(*s->registry, engines->catalogue, engines->analyzer,
                                        SystemClock());
    auto out = service.History(actor->first, actor->second);
    if (!out.ok()) return Fail(ctx, out.status());
    *ctx.out << out->dump(2) << "\n";
  });
}

void AddFrameworks(CLI::App& app, Context& ctx) {
  CLI::App* group = app.add_subcommand("frameworks", "Assessment frameworks (frameworks/*.yaml)");
  group->require_subcommand(1);
  group->add_subcommand("list", "List the frameworks")->callback([&ctx] {
    auto c = screening::LoadFrameworks(FrameworksDir(ctx));
    if (!c.ok()) return Fail(ctx, c.status());
    for (const screening::Framework& f : (*c)->frameworks()) {
      *ctx.out << std::left << std::setw(38) << f.id << std::setw(8) << f.version << std::setw(14)
               << f.subject << f.criteria.size() << " criteria  " << f.title.at("en") << "\n";
    }
  });
  auto id = std::make_shared<std::string>();
  CLI::App* show = group->add_subcommand("show", "Print a framework as JSON");
  show->add_option("id", *id, "Framework id")->required();
  show->callback([&ctx, id] {
    auto c = screening::LoadFrameworks(FrameworksDir(ctx));
    if (!c.ok()) return Fail(ctx, c.status());
    const screening::Framework* f = (*c)->Find(*id);
    if (!f) return Fail(ctx, NotFound("framework '" + *id + "' (see `ecosol frameworks list`)"));
    *ctx.out << f->document.dump(2) << "\n";
  });
  auto dir = std::make_shared<std::string>();
  CLI::App* check = group->add_subcommand("check", "Check a frameworks folder");
  check->add_option("dir", *dir, "Folder (default: the project's frameworks/)");
  check->callback([&ctx, dir] {
    auto c = screening::LoadFrameworks(dir->empty() ? FrameworksDir(ctx) : *dir);
    if (!c.ok()) return Fail(ctx, c.status());
    *ctx.out << (*c)->frameworks().size() << " frameworks, " << (*c)->facts().size()
             << " facts: all valid\n";
  });
}

}  // namespace

void AddScreeningCommands(CLI::App& app, Context& ctx) {
  AddScreen(app, ctx);
  AddProfile(app, ctx);
  AddScreenings(app, ctx);
  AddFrameworks(app, ctx);
}

}  // namespace ecosol::cli
