// `ecosol knowledge ...`: the knowledge commons of social innovations (docs/knowledge.md).
//   knowledge import FILE [--undp]         case documents (a JSON array), or the UNDP export
//   knowledge search [WORDS] [--sdg 5 ...] [--json]
//   knowledge show ID [--version N] [--json]
//   knowledge similar ID [--json]
//   knowledge add FILE | edit FILE [--base N]   write a draft (version 1, or a new version)
//   knowledge review ID ACTION [--comment TEXT]
//   knowledge transfer --case ID --context FILE [--lang fr] [--json]
//   knowledge record-transfer FILE         a transfer with its FRAME adaptations (lineage)
//   knowledge lineage ID [--json]
//   knowledge watch NAME [WORDS] [--sdg 5 ...]   save a search (owned by cli:<login>)
//   knowledge feed [WORDS] [--sdg 5 ...] | --watch ID   an Atom feed on standard output
// Run on the server with access to the database, the CLI acts as a steward: it sees drafts and
// may approve them; what it writes is recorded as "cli:<login>".

#include <unistd.h>

#include <iomanip>
#include <iostream>

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/partners_service.h"
#include "ecosol/knowledge/service.h"
#include "ecosystem_cli.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

Result<std::shared_ptr<const knowledge::TransferFramework>> Framework(const Context& ctx) {
  return knowledge::TransferFrameworkIn(FrameworksDir(ctx));
}

// Progress on a terminal, every 500 cases.
knowledge::ImportProgress Progress(const Context& ctx, const std::string& what) {
  if (!isatty(STDERR_FILENO)) return nullptr;
  return [&ctx, what](long long read) {
    *ctx.err << "\r" << what << ": " << read << " cases" << std::flush;
  };
}

void PrintReport(Context& ctx, const std::string& what, const knowledge::CaseImportReport& r) {
  if (isatty(STDERR_FILENO) && r.read >= 500) *ctx.err << "\n";
  *ctx.out << what << ": " << r.read << " cases read, " << r.created << " new, " << r.updated
           << " updated, " << r.unchanged << " unchanged";
  if (!r.warnings.empty()) {
    *ctx.out << "; " << r.warnings.size() << " values left out (first: " << r.warnings.front()
             << ")";
  }
  *ctx.out << "\n";
}

void RunImport(Context& ctx, const std::string& file, bool undp, bool json_out) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  auto report = undp ? knowledge::ImportUndpFile(*s->store, SystemClock(), **fw, file,
                                                 CliAuditWho(), Progress(ctx, file))
                     : knowledge::ImportCaseFile(*s->store, SystemClock(), **fw, file,
                                                 CliAuditWho(), Progress(ctx, file));
  if (!report.ok()) return Fail(ctx, report.status());
  if (json_out) {
    *ctx.out << knowledge::CaseImportReportToJson(*report).dump(2) << "\n";
    return;
  }
  PrintReport(ctx, file, *report);
}

struct SearchArgs {
  std::vector<std::string> words;
  std::map<std::string, std::vector<std::string>> filters;
  std::string status;
  int limit = 20;
  int offset = 0;
  std::string lang = "en";
  bool json = false;
};

// The words and facet filters of a search, a saved search or a feed.
void AddSearchOptions(CLI::App* cmd, const std::shared_ptr<SearchArgs>& args) {
  cmd->add_option("words", args->words, "Words to find");
  for (const std::string& facet : knowledge::CaseFacetNames()) {
    cmd->add_option_function<std::vector<std::string>>(
        "--" + facet,
        [args, facet](const std::vector<std::string>& v) { args->filters[facet] = v; },
        "Only cases with this " + facet + " (repeat for any of several)");
  }
}

void PrintItems(std::ostream& out, const json& items) {
  for (const json& item : items) {
    out << item.value("id", "") << "  " << item.value("title", "");
    if (item.contains("year")) out << " (" << item["year"].get<int>() << ")";
    if (item.value("status", "published") != "published") out << " [" << item["status"] << "]";
    out << "\n";
    std::string snippet = item.value("snippet", "");
    if (snippet.empty()) snippet = item.value("summary", "");
    if (!snippet.empty()) out << "    " << snippet << "\n";
  }
}

void RunSearch(Context& ctx, const SearchArgs& args) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  knowledge::CaseSearchRequest q;
  for (const std::string& w : args.words) q.q += (q.q.empty() ? "" : " ") + w;
  q.filters = args.filters;
  q.drafts = true;
  q.status = args.status;
  q.limit = args.limit;
  q.offset = args.offset;
  q.lang = args.lang;
  auto found = knowledge::SearchCases(*s->store, **fw, q);
  if (!found.ok()) return Fail(ctx, found.status());
  if (args.json) {
    *ctx.out << found->dump(2) << "\n";
    return;
  }
  std::ostream& out = *ctx.out;
  out << (*found)["total"].get<long long>() << " cases\n";
  PrintItems(out, (*found)["items"]);
  for (const std::string& facet : knowledge::CaseFacetNames()) {
    const json& counts = (*found)["facets"][facet];
    if (counts.empty()) continue;
    out << facet << ":";
    size_t shown = 0;
    for (const json& c : counts) {
      if (shown++ == 8) break;
      out << " " << c["value"].get<std::string>() << " (" << c["count"].get<long long>() << ")";
    }
    out << "\n";
  }
}

void RunShow(Context& ctx, const std::string& id, long long version, bool json_out) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto c = knowledge::GetCase(*s->store, id, version, true);
  if (!c.ok()) return Fail(ctx, c.status());
  if (json_out) {
    *ctx.out << knowledge::StoredCaseToJson(*c).dump(2) << "\n";
    return;
  }
  std::ostream& out = *ctx.out;
  const json& doc = c->doc;
  auto text = [](const json& t) -> std::string {
    if (!t.is_object() || t.empty()) return "";
    if (t.contains("en")) return t["en"].get<std::string>();
    return t.begin()->get<std::string>();
  };
  out << text(doc.value("title", json::object())) << "\n"
      << c->state.id << ", version " << c->version.version << " (" << c->state.status
      << "; published version: "
      << (c->state.published_version ? std::to_string(c->state.published_version) : "none")
      << ")\n";
  std::string summary = text(doc.value("summary", json::object()));
  if (!summary.empty()) out << "\n" << summary << "\n";
  for (const char* field : {"stage", "policy_field", "type"}) {
    if (doc.contains(field)) out << field << ": " << doc[field].get<std::string>() << "\n";
  }
  if (doc.contains("core_elements")) {
    out << "core elements:\n";
    for (const json& e : doc["core_elements"]) {
      out << "  " << e.value("id", "") << ": " << text(e.value("label", json::object())) << " ("
          << e.value("relies_on", json::array()).size() << " dependencies)\n";
    }
  }
}

void RunSimilar(Context& ctx, const std::string& id, int limit, bool json_out) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto similar = knowledge::SimilarCases(*s->store, **fw, id, limit, true, "en");
  if (!similar.ok()) return Fail(ctx, similar.status());
  if (json_out) {
    *ctx.out << similar->dump(2) << "\n";
    return;
  }
  PrintItems(*ctx.out, (*similar)["items"]);
}

void RunWrite(Context& ctx, const std::string& file, bool create, long long base) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto doc = ReadJsonFile(file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  Result<knowledge::StoredCase> saved =
      create ? knowledge::CreateCase(*s->store, SystemClock(), **fw, *doc, CliAuditWho())
             : knowledge::UpdateCase(*s->store, SystemClock(), **fw,
                                     doc->is_object() ? doc->value("id", "") : "", *doc, base,
                                     CliAuditWho());
  if (!saved.ok()) return Fail(ctx, saved.status().WithContext(file));
  *ctx.out << saved->state.id << ": version " << saved->version.version << " ("
           << saved->state.status << ")\n";
}

void RunReview(Context& ctx, const std::string& id, const std::string& action,
               const std::string& comment) {
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  auto reviewed =
      knowledge::ReviewCaseAction(*s->store, SystemClock(), id, action, comment, CliAuditWho(),
                                  /*may_review=*/true);
  if (!reviewed.ok()) return Fail(ctx, reviewed.status());
  *ctx.out << id << ": " << reviewed->state.status << " (version " << reviewed->version.version
           << ")\n";
}

void RunTransfer(Context& ctx, const std::string& id, const std::string& context_file,
                 const std::string& lang, bool json_out) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto context = ReadJsonFile(context_file);
  if (!context.ok()) return Fail(ctx, context.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto analysis = knowledge::TransferOfCase(
      *s->store, **fw, id, *context, true,
      [&](const std::vector<std::string>& assets, const std::string& territory) {
        auto holders = ecosystem::ActorsOffering(*s->store, Everything(), assets, territory, 10,
                                                 SystemClock());
        if (!holders.ok()) return Result<json>(holders.status());
        return Result<json>(ecosystem::AssetHoldersToJson(*holders));
      });
  if (!analysis.ok()) return Fail(ctx, analysis.status().WithContext(context_file));
  if (json_out) {
    *ctx.out << analysis->dump(2) << "\n";
    return;
  }
  auto in = [&](const json& t) -> std::string {
    if (t.is_string()) return t.get<std::string>();
    if (!t.is_object()) return "";
    if (t.contains(lang)) return t[lang].get<std::string>();
    return t.value("en", "");
  };
  std::ostream& out = *ctx.out;
  const json& a = *analysis;
  out << "Transfer of " << id << ": " << a.value("verdict", "") << "\n"
      << in(a["judgement"]) << "\n\nDomains:\n";
  for (const json& d : a["domains"]) {
    out << "  " << std::left << std::setw(18) << d["domain"].get<std::string>()
        << d["fit"].get<std::string>() << "\n";
    for (const json& r : d["reasons"]) out << "      - " << in(r["text"]) << "\n";
  }
  if (!a["risk_flags"].empty()) out << "\nRisk flags:\n";
  for (const json& f : a["risk_flags"]) {
    out << "  " << f["id"].get<std::string>() << " (" << f["severity"].get<std::string>()
        << ", threatens " << f["element"].get<std::string>() << "): " << in(f["text"]) << "\n";
  }
  if (!a["adaptations"].empty()) out << "\nAdaptations:\n";
  for (const json& ad : a["adaptations"]) out << "  - " << in(ad["text"]) << "\n";
  if (!a["unknowns"].empty()) out << "\nTo find out:\n";
  for (const json& u : a["unknowns"]) out << "  - " << in(u["question"]) << "\n";
  for (const json& lp : a["local_partners"]) {
    if (lp["actors"].empty()) continue;
    out << "\nWho in " << a["territory"].get<std::string>() << " could help with "
        << lp["flag"].get<std::string>() << ":\n";
    for (const json& actor : lp["actors"]) {
      out << "  " << actor["id"].get<std::string>() << "  " << actor["name"].get<std::string>()
          << " (" << actor["asset_type"].get<std::string>() << ": "
          << actor["offer"].get<std::string>() << ")\n";
    }
  }
}

void RunRecordTransfer(Context& ctx, const std::string& file) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto doc = ReadJsonFile(file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  auto recorded = knowledge::RecordTransfer(*s->store, SystemClock(), **fw, *doc, CliAuditWho());
  if (!recorded.ok()) return Fail(ctx, recorded.status().WithContext(file));
  *ctx.out << (*recorded)["id"].get<std::string>() << ": version "
           << (*recorded)["version"].get<long long>() << ", "
           << (*recorded)["origin_case"].get<std::string>() << " -> "
           << (*recorded)["case"].get<std::string>() << " ("
           << (*recorded)["outcome"].get<std::string>()
           << "; flags before: " << (*recorded)["flags"].size() << ")\n";
}

void RunLineage(Context& ctx, const std::string& id, bool json_out) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto lineage = knowledge::LineageOf(*s->store, **fw, id, true);
  if (!lineage.ok()) return Fail(ctx, lineage.status());
  if (json_out) {
    *ctx.out << lineage->dump(2) << "\n";
    return;
  }
  std::ostream& out = *ctx.out;
  for (const json& t : (*lineage)["origin"]) {
    out << "came from " << t["origin_case"].get<std::string>() << " (" << t["id"].get<std::string>()
        << ", " << t["outcome"].get<std::string>() << ", " << t["adaptations"].size()
        << " adaptations)\n";
  }
  for (const json& t : (*lineage)["transfers"]) {
    out << "went to " << t["case"].get<std::string>() << " (" << t["id"].get<std::string>() << ", "
        << t["outcome"].get<std::string>() << ", " << t["adaptations"].size() << " adaptations)\n";
  }
  const json& h = (*lineage)["flag_history"];
  out << "flag history over " << h["transfers_known"].get<long long>()
      << " transfers with a known outcome (" << h["failed"].get<long long>() << " failed):\n";
  for (const json& f : h["flags"]) {
    out << "  " << std::left << std::setw(30) << f["flag"].get<std::string>() << " preceded "
        << f["transfers"].get<long long>() << ", failed " << f["failed"].get<long long>() << "\n";
  }
}

void RunWatch(Context& ctx, const std::string& name, const SearchArgs& args) {
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  json doc = {{"name", name}};
  std::string q;
  for (const std::string& w : args.words) q += (q.empty() ? "" : " ") + w;
  if (!q.empty()) doc["q"] = q;
  for (const auto& [facet, values] : args.filters) doc[facet] = values;
  auto saved = knowledge::SaveWatch(*s->store, SystemClock(), doc, CliAuditWho());
  if (!saved.ok()) return Fail(ctx, saved.status());
  const std::string id = (*saved)["id"];
  *ctx.out << id << ": feed at /api/v1/knowledge/watches/" << id << "/feed\n";
}

void RunFeed(Context& ctx, const SearchArgs& args, const std::string& watch) {
  auto fw = Framework(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  knowledge::CaseSearchRequest q;
  std::string title = "Ecosol knowledge commons";
  if (!watch.empty()) {
    auto saved = knowledge::WatchSearch(*s->store, watch);
    if (!saved.ok()) return Fail(ctx, saved.status());
    q = *saved;
    title += ": " + watch;
  } else {
    for (const std::string& w : args.words) q.q += (q.q.empty() ? "" : " ") + w;
    q.filters = args.filters;
  }
  q.lang = args.lang;
  auto feed = knowledge::CasesFeedAtom(*s->store, **fw, q, title, "",
                                       "urn:ecosol:knowledge:" + (watch.empty() ? q.q : watch));
  if (!feed.ok()) return Fail(ctx, feed.status());
  *ctx.out << *feed;
}

}  // namespace

void AddKnowledgeCommands(CLI::App& app, Context& ctx) {
  CLI::App* k = app.add_subcommand(
      "knowledge", "The knowledge commons of social innovations: cases, search, transfer");
  k->require_subcommand(1);

  auto file = std::make_shared<std::string>();
  auto undp = std::make_shared<bool>(false);
  auto json_out = std::make_shared<bool>(false);
  CLI::App* import = k->add_subcommand(
      "import", "Import case documents (a JSON array), published; or the UNDP export (--undp)");
  import->add_option("file", *file, "The file")->required();
  import->add_flag("--undp", *undp, "The file is the UNDP SDG Innovation Commons JSON Lines");
  import->add_flag("--json", *json_out, "Print the report as JSON");
  import->callback([&ctx, file, undp, json_out] { RunImport(ctx, *file, *undp, *json_out);
});

auto args = std::make_shared<SearchArgs>();
CLI::App* search = k->add_subcommand("search", "Search cases, with facet counts");
AddSearchOptions(search, args);
search->add_option("--status", args->status,
                   "Only cases whose latest version is draft, "
                   "in_review, published or withdrawn");
search->add_option("--limit", args->limit, "1..100 (default 20)");
search->add_option("--offset", args->offset, "Skip this many");
search->add_option("--lang", args->lang, "Show titles in en, fr, es or pt when they have it");
search->add_flag("--json", args->json, "Print the API's JSON");
search->callback([&ctx, args] { RunSearch(ctx, *args); });

auto id = std::make_shared<std::string>();
auto version = std::make_shared<long long>(0);
CLI::App* show = k->add_subcommand("show", "A case (its latest version, or --version N)");
show->add_option("id", *id, "The case id")->required();
show->add_option("--version", *version, "A version number");
show->add_flag("--json", *json_out, "Print the stored case as JSON");
show->callback([&ctx, id, version, json_out] { RunShow(ctx, *id, *version, *json_out); });

auto limit = std::make_shared<int>(5);
CLI::App* similar = k->add_subcommand("similar", "Cases similar to a case");
similar->add_option("id", *id, "The case id")->required();
similar->add_option("--limit", *limit, "1..100 (default 5)");
similar->add_flag("--json", *json_out, "Print the API's JSON");
similar->callback([&ctx, id, limit, json_out] { RunSimilar(ctx, *id, *limit, *json_out); });

CLI::App* add = k->add_subcommand("add", "Write a new case from a JSON document (a draft)");
add->add_option("file", *file, "The case document")->required();
add->callback([&ctx, file] { RunWrite(ctx, *file, true, 0); });
auto base = std::make_shared<long long>(0);
CLI::App* edit = k->add_subcommand("edit", "Write a new version of a case (a draft)");
edit->add_option("file", *file, "The case document (its id names the case)")->required();
edit->add_option("--base", *base, "The version you edited (refused if the case moved on)");
edit->callback([&ctx, file, base] { RunWrite(ctx, *file, false, *base); });

auto action = std::make_shared<std::string>();
auto comment = std::make_shared<std::string>();
CLI::App* review = k->add_subcommand("review", "Submit, approve, return or withdraw a case");
review->add_option("id", *id, "The case id")->required();
review->add_option("action", *action, "submit | approve | return | withdraw")->required();
review->add_option("--comment", *comment, "Why (required to return a case)");
review->callback([&ctx, id, action, comment] { RunReview(ctx, *id, *action, *comment); });

auto context_file = std::make_shared<std::string>();
auto lang = std::make_shared<std::string>("en");
CLI::App* transfer = k->add_subcommand(
    "transfer", "Can a case work in another context? Fits per domain, risk flags, adaptations");
transfer->add_option("--case", *id, "The case id")->required();
transfer->add_option("--context", *context_file, "The target's context profile (JSON)")->required();
transfer->add_option("--lang", *lang, "en, fr, es or pt (text output)");
transfer->add_flag("--json", *json_out, "Print the analysis as JSON");
transfer->callback([&ctx, id, context_file, lang, json_out] {
  RunTransfer(ctx, *id, *context_file, *lang, *json_out);
});

CLI::App* record = k->add_subcommand(
    "record-transfer", "Record a transfer of a case with its adaptations (FRAME) and outcome");
record->add_option("file", *file, "The transfer document (JSON)")->required();
record->callback([&ctx, file] { RunRecordTransfer(ctx, *file); });

CLI::App* lineage = k->add_subcommand(
    "lineage", "Where a case came from and went, and how often each flag preceded a failure");
lineage->add_option("id", *id, "The case id")->required();
lineage->add_flag("--json", *json_out, "Print the API's JSON");
lineage->callback([&ctx, id, json_out] { RunLineage(ctx, *id, *json_out); });

auto watch_args = std::make_shared<SearchArgs>();
auto name = std::make_shared<std::string>();
CLI::App* watch = k->add_subcommand("watch", "Save a search to follow as an Atom feed");
watch->add_option("name", *name, "What the feed is about")->required();
AddSearchOptions(watch, watch_args);
watch->callback([&ctx, name, watch_args] { RunWatch(ctx, *name, *watch_args); });

auto feed_args = std::make_shared<SearchArgs>();
auto watch_id = std::make_shared<std::string>();
CLI::App* feed = k->add_subcommand("feed", "Print the Atom feed of a search or a saved one");
AddSearchOptions(feed, feed_args);
feed->add_option("--watch", *watch_id, "A saved search's id");
feed->add_option("--lang", feed_args->lang, "en, fr, es or pt");
feed->callback([&ctx, feed_args, watch_id] { RunFeed(ctx, *feed_args, *watch_id); });
}  // namespace ecosol::cli

}  // namespace ecosol::cli
