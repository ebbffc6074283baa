// `ecosol finance ...`: social finance over the store, or on a file (docs/finance.md).
//   finance match ACTOR_ID | --file REQUEST.json [--lang L]    mechanisms and funders
//   finance applicants FUNDER_ID | --file REQUEST.json          eligible applicants, ranked
//   finance readiness ACTOR_ID | --file REQUEST.json [--lang L] latest assessment and change
//   finance schedule TERMS.json                                 a loan's instalments
//   finance par [--as-of D] [--fund F] [--thresholds 30,90] | --file BOOK.json
//   finance allocate FUND_ID [--save] [--time-limit S] | --file PROBLEM.json
//   finance waterfall FUND_ID [--loss CENTS]                    who absorbs a loss
//   finance put KIND ID FILE | show KIND ID | list KIND | delete KIND ID | import BUNDLE
// Every command prints a table by default and the engine's JSON with --json. A file command
// opens no database; bad input names the file and the field and changes nothing. Writes are
// recorded as "cli:<login>", as the other commands' are.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <optional>

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/finance/allocation.h"
#include "ecosol/finance/loan_book.h"
#include "ecosol/finance/loan_schedule.h"
#include "ecosol/finance/matching.h"
#include "ecosol/finance/requests.h"
#include "ecosol/finance/service.h"
#include "ecosol/registry/registry.h"
#include "finance_text.h"

namespace ecosol::cli {
namespace {

using finance_text::At;
using finance_text::PrintAllocation;
using finance_text::PrintEligibility;
using finance_text::PrintMechanisms;
using finance_text::PrintOrganisation;
using finance_text::PrintPar;
using finance_text::PrintReadiness;
using finance_text::PrintSchedule;
using finance_text::PrintTable;
using finance_text::PrintWaterfall;
using finance_text::Rows;
using nlohmann::json;

// The options of every finance subcommand; each reads the ones it declares.
struct FinanceArgs {
  std::string id;
  std::string kind;
  std::string file;
  std::string lang = "en";
  std::string as_of;
  std::string fund;
  std::string thresholds = "30,90";
  std::string actor;
  std::string parent;
  std::int64_t loss = 0;
  double time_limit = 0;
  long long base_version = 0;
  long long version = 0;
  bool save = false;
  bool json = false;
  const CLI::Option* loss_given = nullptr;
  const CLI::Option* time_limit_given = nullptr;
  const CLI::Option* lang_given = nullptr;
};

// Prints the answer as JSON with --json, else with `text`.
template <typename Text>
void Print(Context& ctx, const FinanceArgs& a, const json& answer, Text text) {
  if (a.json) {
    *ctx.out << answer.dump(2) << "\n";
    return;
  }
  text(*ctx.out, answer);
}

Result<std::shared_ptr<const finance::FinanceFrameworks>> Frameworks(const Context& ctx) {
  return finance::FinanceFrameworksIn(FrameworksDir(ctx));
}

// An id or --file, exactly one.
Status IdOrFile(const FinanceArgs& a, const std::string& what) {
  if (a.id.empty() == a.file.empty()) {
    return InvalidArgument("give either " + what + " or --file FILE.json, not both or neither");
  }
  return Status::Ok();
}

// A request file, with --lang put into it when given.
Result<json> ReadRequest(const FinanceArgs& a) {
  auto doc = ReadJsonFile(a.file);
  if (!doc.ok()) return doc.status();
  if (a.lang_given != nullptr && a.lang_given->count() > 0 && doc->is_object()) {
    (*doc)["lang"] = a.lang;
  }
  return doc;
}

std::string Today() { return FormatDate(SystemClock().Now()); }

// --- match, applicants, readiness ---

void RunMatch(Context& ctx, const FinanceArgs& a) {
  Status st = IdOrFile(a, "ACTOR_ID");
  if (!st.ok()) return Fail(ctx, st);
  auto fw = Frameworks(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  if (!a.file.empty()) {
    auto request = ReadRequest(a);
    if (!request.ok()) return Fail(ctx, request.status());
    auto answer = finance::MatchRequest(*(*fw)->mechanisms, *(*fw)->readiness, *request);
    if (!answer.ok()) return Fail(ctx, answer.status().WithContext(a.file));
    return Print(ctx, a, *answer, [](std::ostream& out, const json& j) {
      PrintMechanisms(out, At(j, "mechanisms"));
      if (!At(j, "funders").is_object()) return;
      out << "Funders:\n";
      PrintEligibility(out, At(j, "funders"), "funder");
    });
  }
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto answer = finance::OrganisationFinance(*s->store, SystemClock(), **fw,
                                             {.actor_id = a.id, .lang = a.lang, .as_of = a.as_of});
  if (!answer.ok()) return Fail(ctx, answer.status());
  Print(ctx, a, *answer, PrintOrganisation);
}

// The current, not deleted records of a kind; an empty actor or parent is any.
Result<std::vector<store::FinanceRecord>> Records(store::Store& store, const std::string& kind,
                                                  const std::string& actor_id = "",
                                                  const std::string& parent = "") {
  store::FinanceQuery q;
  q.kind = kind;
  q.actor_id = actor_id;
  q.parent = parent;
  return store.FinanceRecords(q);
}

void RunApplicants(Context& ctx, const FinanceArgs& a) {
  Status st = IdOrFile(a, "FUNDER_ID");
  if (!st.ok()) return Fail(ctx, st);
  auto fw = Frameworks(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  Result<json> answer = NotFound("");
  if (a.file.empty()) {
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    answer = finance::FunderApplicants(*s->store, **fw, a.id, a.lang);
  } else {
    auto request = ReadRequest(a);
    if (!request.ok()) return Fail(ctx, request.status());
    answer = finance::ApplicantsRequest(*(*fw)->mechanisms, *(*fw)->readiness, *request);
  }
  if (!answer.ok()) return Fail(ctx, answer.status().WithContext(a.file.empty() ? a.id : a.file));
  Print(ctx, a, *answer, [](std::ostream& out, const json& j) {
    out << At(j, "results").size() << " applicants\n";
    PrintEligibility(out, j, "organisation");
  });
}

void RunReadiness(Context& ctx, const FinanceArgs& a) {
  Status st = IdOrFile(a, "ACTOR_ID");
  if (!st.ok()) return Fail(ctx, st);
  auto fw = Frameworks(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  Result<json> request = a.file.empty() ? Result<json>(NotFound("")) : ReadRequest(a);
  if (a.file.empty()) {
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    auto records = Records(*s->store, "assessment", a.id);
    if (!records.ok()) return Fail(ctx, records.status());
    if (records->empty()) return Fail(ctx, NotFound("no readiness assessment of '" + a.id + "'"));
    json list = json::array();
    for (const auto& r : *records) list.push_back(json::parse(r.doc, nullptr, false));
    request = json{{"assessments", std::move(list)}, {"lang", a.lang}};
  }
  if (!request.ok()) return Fail(ctx, request.status());
  auto answer = finance::ReadinessRequest(*(*fw)->readiness, *request);
  if (!answer.ok()) return Fail(ctx, answer.status().WithContext(a.file.empty() ? a.id : a.file));
  Print(ctx, a, *answer, PrintReadiness);
}

// --- loans: schedule, par ---

void RunSchedule(Context& ctx, const FinanceArgs& a) {
  auto doc = ReadJsonFile(a.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto terms = finance::ParseLoanTerms(*doc);
  if (!terms.ok()) return Fail(ctx, terms.status().WithContext(a.file));
  auto schedule = finance::BuildSchedule(*terms);
  if (!schedule.ok()) return Fail(ctx, schedule.status().WithContext(a.file));
  Print(ctx, a, finance::ScheduleToJson(*schedule), PrintSchedule);
}

Result<std::vector<int>> ParseThresholds(const std::string& text) {
  std::vector<int> days;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    char* end = nullptr;
    const long value = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || value < 0 || value > 3650) {
      return InvalidArgument("--thresholds: '" + item +
                             "' is not a number of days (write e.g. 30,90)");
    }
    days.push_back(static_cast<int>(value));
  }
  if (days.empty()) return InvalidArgument("--thresholds: give days, e.g. 30,90");
  return days;
}

void RunPar(Context& ctx, const FinanceArgs& a) {
  auto thresholds = ParseThresholds(a.thresholds);
  if (!thresholds.ok()) return Fail(ctx, thresholds.status());
  if (a.file.empty()) {
    auto s = OpenSession(ctx, false);
    if (!s.ok()) return Fail(ctx, s.status());
    auto view = finance::LoanBookView(
        *s->store, SystemClock(), {.as_of = a.as_of, .fund = a.fund, .thresholds = *thresholds});
    if (!view.ok()) return Fail(ctx, view.status());
    return Print(ctx, a, *view, [](std::ostream& out, const json& j) {
      PrintPar(out, At(j, "par"), At(j, "loans"));
    });
  }
  auto doc = ReadJsonFile(a.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto book = finance::ParseLoanBook(*doc);
  if (!book.ok()) return Fail(ctx, book.status().WithContext(a.file));
  auto as_of = finance::ParseLoanDate(a.as_of.empty() ? Today() : a.as_of, "--as-of");
  if (!as_of.ok()) return Fail(ctx, as_of.status());
  auto par = finance::PortfolioAtRisk(*book, *as_of, *thresholds);
  if (!par.ok()) return Fail(ctx, par.status().WithContext(a.file));
  Print(ctx, a, finance::PortfolioAtRiskToJson(*par),
        [](std::ostream& out, const json& j) { PrintPar(out, j, At(j, "loans")); });
}

// --- funds: allocate, waterfall ---

void RunAllocate(Context& ctx, const FinanceArgs& a) {
  Status st = IdOrFile(a, "FUND_ID");
  if (!st.ok()) return Fail(ctx, st);
  const bool limited = a.time_limit_given != nullptr && a.time_limit_given->count() > 0;
  if (limited && !(a.time_limit > 0)) {
    return Fail(ctx, InvalidArgument("--time-limit: give a positive number of seconds"));
  }
  if (a.file.empty()) {
    auto s = OpenSession(ctx, a.save);
    if (!s.ok()) return Fail(ctx, s.status());
    finance::AllocateFundRequest request;
    request.fund_id = a.id;
    request.save = a.save;
    request.who = CliAuditWho();
    if (limited) request.time_limit_seconds = a.time_limit;
    auto answer = finance::AllocateFund(*s->store, SystemClock(), request);
    if (!answer.ok()) return Fail(ctx, answer.status());
    Print(ctx, a, *answer, PrintAllocation);
    if (a.save && !a.json) *ctx.out << "saved as the allocation of fund " << a.id << "\n";
    return;
  }
  if (a.save) return Fail(ctx, InvalidArgument("--save needs a stored fund, not --file"));
  auto doc = ReadJsonFile(a.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto problem = finance::ParseAllocationProblem(*doc);
  if (!problem.ok()) return Fail(ctx, problem.status().WithContext(a.file));
  if (limited) problem->options.time_limit_seconds = a.time_limit;
  auto result = finance::Allocate(*problem);
  if (!result.ok()) return Fail(ctx, result.status().WithContext(a.file));
  Print(ctx, a, finance::AllocationResultToJson(*result), PrintAllocation);
}

void RunWaterfall(Context& ctx, const FinanceArgs& a) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  finance::FundViewRequest request{.fund_id = a.id, .loss = std::nullopt, .as_of = a.as_of};
  if (a.loss_given != nullptr && a.loss_given->count() > 0) request.loss = a.loss;
  auto view = finance::FundView(*s->store, SystemClock(), request);
  if (!view.ok()) return Fail(ctx, view.status());
  Print(ctx, a, *view, PrintWaterfall);
}

// --- records: put, show, list, delete, import ---

Status KnownKind(const std::string& kind) {
  const auto& kinds = finance::FinanceRecordKinds();
  if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return Status::Ok();
  std::string known;
  for (const std::string& k : kinds) known += (known.empty() ? "" : ", ") + k;
  return InvalidArgument("KIND: unknown kind '" + kind + "' (known: " + known + ")");
}

void PrintRecordLine(std::ostream& out, const store::FinanceRecord& r, const char* what) {
  out << r.kind << " " << r.id << ": " << what << " version " << r.version;
  if (!r.actor_id.empty()) out << ", actor " << r.actor_id;
  if (!r.parent.empty()) out << ", parent " << r.parent;
  out << " (" << r.who << ", " << r.at << ")\n";
}

void RunPut(Context& ctx, const FinanceArgs& a) {
  Status st = KnownKind(a.kind);
  if (!st.ok()) return Fail(ctx, st);
  auto fw = Frameworks(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto doc = ReadJsonFile(a.file);
  if (!doc.ok()) return Fail(ctx, doc.status());
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  finance::PutRecordRequest request{.kind = a.kind,
                                    .id = a.id,
                                    .doc = std::move(*doc),
                                    .actor_id = a.actor,
                                    .parent = a.parent,
                                    .base_version = a.base_version,
                                    .who = CliAuditWho()};
  auto saved = finance::PutRecord(*s->store, SystemClock(), **fw, std::move(request));
  if (!saved.ok()) return Fail(ctx, saved.status().WithContext(a.file));
  if (a.json) {
    *ctx.out << finance::FinanceRecordToJson(*saved).dump(2) << "\n";
    return;
  }
  PrintRecordLine(*ctx.out, *saved, "saved,");
}

void RunShow(Context& ctx, const FinanceArgs& a) {
  Status st = KnownKind(a.kind);
  if (!st.ok()) return Fail(ctx, st);
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto record = finance::GetRecord(*s->store, a.kind, a.id, a.version);
  if (!record.ok()) return Fail(ctx, record.status());
  const json out = finance::FinanceRecordToJson(*record);
  Print(ctx, a, out, [&](std::ostream& o, const json& j) {
    PrintRecordLine(o, *record, record->deleted ? "DELETED," : "");
    o << At(j, "doc").dump(2) << "\n";
  });
}

void RunList(Context& ctx, const FinanceArgs& a) {
  Status st = KnownKind(a.kind);
  if (!st.ok()) return Fail(ctx, st);
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto records = Records(*s->store, a.kind, a.actor, a.parent);
  if (!records.ok()) return Fail(ctx, records.status());
  json items = json::array();
  for (const auto& r : *records) items.push_back(finance::FinanceRecordToJson(r));
  Print(ctx, a, json{{"items", items}}, [&](std::ostream& o, const json&) {
    o << records->size() << " " << a.kind << " records\n";
    Rows rows{{"ID", "VERSION", "ACTOR", "PARENT", "WHO", "AT"}};
    for (const auto& r : *records) {
      rows.push_back({r.id, std::to_string(r.version), r.actor_id, r.parent, r.who, r.at});
    }
    PrintTable(o, rows);
  });
}

void RunDelete(Context& ctx, const FinanceArgs& a) {
  Status st = KnownKind(a.kind);
  if (!st.ok()) return Fail(ctx, st);
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto deleted =
      finance::DeleteRecord(*s->store, SystemClock(), a.kind, a.id, a.base_version, CliAuditWho());
  if (!deleted.ok()) return Fail(ctx, deleted.status());
  PrintRecordLine(*ctx.out, *deleted, "deleted,");
}

void RunImport(Context& ctx, const FinanceArgs& a) {
  auto fw = Frameworks(ctx);
  if (!fw.ok()) return Fail(ctx, fw.status());
  auto bundle = ReadJsonFile(a.file);
  if (!bundle.ok()) return Fail(ctx, bundle.status());
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  auto summary =
      finance::ImportFinanceBundle(*s->store, SystemClock(), **fw, *bundle, CliAuditWho());
  if (!summary.ok()) return Fail(ctx, summary.status().WithContext(a.file));
  const json out = {{"written", summary->written}, {"unchanged", summary->unchanged}};
  Print(ctx, a, out, [&](std::ostream& o, const json&) {
    o << a.file << ": " << summary->written << " records written, " << summary->unchanged
      << " unchanged\n";
  });
}

// --- registration ---

using Runner = void (*)(Context&, const FinanceArgs&);

// A subcommand with --json and its own options; the callback keeps them alive.
std::pair<CLI::App*, FinanceArgs*> Command(CLI::App* parent, Context& ctx, const char* name,
                                           const char* help, Runner run) {
  auto args = std::make_shared<FinanceArgs>();
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->add_flag("--json", args->json, "Print the engine's JSON");
  cmd->callback([&ctx, args, run] { run(ctx, *args); });
  return {cmd, args.get()};
}

void AddLang(CLI::App* cmd, FinanceArgs* a) {
  a->lang_given = cmd->add_option("--lang", a->lang, "en, fr, es or pt (default en)");
}

void AddAnalysisCommands(CLI::App* f, Context& ctx) {
  auto [match, m] =
      Command(f, ctx, "match", "Mechanisms and funders for an organisation", RunMatch);
  match->add_option("actor", m->id, "A stored organisation's actor id");
  match->add_option("--file", m->file, "A match request (JSON) instead of the store");
  match->add_option("--as-of", m->as_of, "Date of the loan positions (YYYY-MM-DD)");
  AddLang(match, m);
  auto [applicants, p] =
      Command(f, ctx, "applicants", "Eligible applicants of a funder, ranked", RunApplicants);
  applicants->add_option("funder", p->id, "A stored funder's id");
  applicants->add_option("--file", p->file, "An applicants request (JSON) instead of the store");
  AddLang(applicants, p);
  auto [readiness, r] =
      Command(f, ctx, "readiness", "An organisation's readiness, its history and latest change",
              RunReadiness);
  readiness->add_option("actor", r->id, "The organisation's actor id (stored assessments)");
  readiness->add_option("--file", r->file, "A readiness request (JSON) instead of the store");
  AddLang(readiness, r);
  auto [schedule, s] =
      Command(f, ctx, "schedule", "The repayment schedule of loan terms (JSON)", RunSchedule);
  schedule->add_option("file", s->file, "Loan terms (JSON)")->required();
  auto [par, b] = Command(f, ctx, "par", "Portfolio at risk of the loan book", RunPar);
  par->add_option("--as-of", b->as_of, "The date (YYYY-MM-DD; default today)");
  par->add_option("--fund", b->fund, "Only the loans of this fund");
  par->add_option("--thresholds", b->thresholds, "Days late, comma-separated (default 30,90)");
  par->add_option("--file", b->file, "A loan book (JSON) instead of the store");
}

void AddFundCommands(CLI::App* f, Context& ctx) {
  auto [allocate, a] = Command(
      f, ctx, "allocate", "Allocate a fund (MIP), with what each binding rule costs", RunAllocate);
  allocate->add_option("fund", a->id, "A stored fund's id");
  allocate->add_option("--file", a->file, "An allocation problem (JSON) instead of the store");
  allocate->add_flag("--save", a->save, "Save the answer as the fund's allocation record");
  a->time_limit_given =
      allocate->add_option("--time-limit", a->time_limit, "Seconds for the main solve");
  auto [waterfall, w] =
      Command(f, ctx, "waterfall", "Who absorbs a loss of the fund", RunWaterfall);
  waterfall->add_option("fund", w->id, "A stored fund's id")->required();
  w->loss_given =
      waterfall->add_option("--loss", w->loss, "The loss in cents (default 10% of the total)");
  waterfall->add_option("--as-of", w->as_of, "Date of the loans' outstanding principal");
}

void AddRecordCommands(CLI::App* f, Context& ctx) {
  auto [put, p] = Command(f, ctx, "put", "Write a finance record from a JSON document", RunPut);
  put->add_option("kind", p->kind, "funder, profile, assessment, fund, loan, ...")->required();
  put->add_option("id", p->id, "The record's id")->required();
  put->add_option("file", p->file, "The document (JSON)")->required();
  put->add_option("--actor", p->actor, "The organisation it concerns");
  put->add_option("--parent", p->parent, "What it belongs to (the fund of a loan)");
  put->add_option("--base-version", p->base_version,
                  "The version you edited (0: a new record; refused if it moved on)");
  auto [show, s] = Command(f, ctx, "show", "A finance record (its current version)", RunShow);
  show->add_option("kind", s->kind, "The kind")->required();
  show->add_option("id", s->id, "The record's id")->required();
  show->add_option("--version", s->version, "A version number");
  auto [list, l] = Command(f, ctx, "list", "The records of a kind", RunList);
  list->add_option("kind", l->kind, "The kind")->required();
  list->add_option("--actor", l->actor, "Only those of this organisation");
  list->add_option("--parent", l->parent, "Only those belonging to this record");
  auto [del, d] = Command(f, ctx, "delete", "Delete a finance record (a new version)", RunDelete);
  del->add_option("kind", d->kind, "The kind")->required();
  del->add_option("id", d->id, "The record's id")->required();
  del->add_option("--base-version", d->base_version, "The version you read")->required();
  auto [import, i] = Command(f, ctx, "import", "Write a bundle of finance records", RunImport);
  import->add_option("file", i->file, "The bundle (JSON): {\"<kind>\": [{id, doc, ...}]}")
      ->required();
}

}  // namespace

void AddFinanceCommands(CLI::App& app, Context& ctx) {
  CLI::App* f = app.add_subcommand(
      "finance", "Social finance: matching, readiness, loans, PAR, allocation, funds, records");
  f->require_subcommand(1);
  AddAnalysisCommands(f, ctx);
  AddFundCommands(f, ctx);
  AddRecordCommands(f, ctx);
  AddFinanceViewCommands(f, ctx);
}

}  // namespace ecosol::cli
