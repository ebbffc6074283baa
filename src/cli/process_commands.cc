// `ecosol decide ...` over the database: participatory processes, their items, decisions,
// sortition, the decision log and its verification (participation/service.h,
// docs/participation.md). The CLI's operator holds the database: it acts as a convener of every
// process and may cast a ballot as any participant (`--as`); the log records "cli:<login>".
//
//   ecosol decide processes [--json]
//   ecosol decide create FILE.json [--base-version N]      a process (N: the version edited)
//   ecosol decide show PROCESS [--json]
//   ecosol decide phase PROCESS PHASE
//   ecosol decide add PROCESS KIND FILE.json [--base-version N]   proposal, amendment, comment,
//                                                         response, result
//   ecosol decide proposal PROCESS PROPOSAL [--json]
//   ecosol decide open PROCESS FILE.json                  a decision
//   ecosol decide vote PROCESS DECISION --as PARTICIPANT --ballot JSON
//   ecosol decide paper PROCESS DECISION FILE.json        paper and in-person results
//   ecosol decide close PROCESS DECISION [--json]
//   ecosol decide receipt PROCESS DECISION COMMITMENT [--json]
//   ecosol decide draw PROCESS FILE.json                  sortition from a public seed
//   ecosol decide log PROCESS [--from N] [--limit N] [--json]
//   ecosol decide verify PROCESS [--json]                 exit 1 when anything is wrong

#include <sstream>

#include "context.h"
#include "ecosol/participation/service.h"
#include "finance_text.h"

namespace ecosol::cli {
namespace {

using finance_text::At;
using finance_text::Join;
using finance_text::PrintTable;
using finance_text::Rows;
using finance_text::Str;
using nlohmann::json;

participation::Caller Operator() { return {CliAuditWho(), {}, true}; }

std::string Text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// Opens the database and runs `body(service) -> Result<json>`, printing JSON or `print`'s text.
template <typename Body, typename Print>
void Run(Context& ctx, bool as_json, Body&& body, Print&& print) {
  auto s = OpenSession(ctx, true);
  if (!s.ok()) return Fail(ctx, s.status());
  participation::ParticipationService svc(*s->store, SystemClock());
  Result<json> answer = body(svc);
  if (!answer.ok()) return Fail(ctx, answer.status());
  if (as_json) {
    *ctx.out << answer->dump(2) << "\n";
  } else {
    print(*ctx.out, *answer);
  }
}

void PrintProcesses(std::ostream& out, const json& list) {
  if (list.empty()) {
    out << "no process yet: create one with 'ecosol decide create FILE.json'\n";
    return;
  }
  Rows rows{{"PROCESS", "TITLE", "PHASE", "PARTICIPANTS", "PROPOSALS", "DECISIONS"}};
  for (const json& p : list) {
    rows.push_back({Str(p, "id"), Str(p, "title"), Str(At(p, "phase"), "id"),
                    Text(At(p, "participants")), Text(At(p, "proposals")),
                    Text(At(p, "decisions"))});
  }
  PrintTable(out, rows);
}

void PrintProcess(std::ostream& out, const json& v) {
  const json& p = At(v, "process");
  out << Str(p, "id") << ": " << Str(p, "title") << " (version " << Text(At(v, "version")) << ")\n";
  out << "phases:";
  for (const json& ph : At(p, "phases")) {
    const bool current = Str(ph, "id") == Str(p, "current_phase");
    out << " " << (current ? "[" : "") << Str(ph, "id") << " (" << Str(ph, "kind") << ")"
        << (current ? "]" : "");
  }
  out << "\n";
  if (!At(p, "organisations").empty())
    out << "organisations: " << Join(At(p, "organisations")) << "\n";
  Rows people{{"PARTICIPANT", "KIND", "COLLEGE", "DELEGATE"}};
  for (const json& x : At(p, "participants")) {
    people.push_back({Str(x, "id"), Str(x, "kind"), Str(x, "college"), Str(x, "delegate")});
  }
  PrintTable(out, people);
  if (!At(v, "proposals").empty()) {
    Rows rows{{"PROPOSAL", "TITLE", "AUTHOR", "AMENDMENTS", "RESPONSE"}};
    for (const json& x : At(v, "proposals")) {
      const json& r = At(x, "response");
      std::string response = r.is_object() ? Str(r, "answer") : "";
      if (r.is_object() && At(r, "overdue") == true) response += " (overdue)";
      rows.push_back(
          {Str(x, "id"), Str(x, "title"), Str(x, "author"), Text(At(x, "amendments")), response});
    }
    PrintTable(out, rows);
  }
  if (!At(v, "decisions").empty()) {
    Rows rows{{"DECISION", "METHOD", "SECRET", "STATUS", "VOTED", "WINNERS"}};
    for (const json& d : At(v, "decisions")) {
      rows.push_back({Str(d, "id"), Str(d, "method"), At(d, "secret") == true ? "yes" : "no",
                      Str(d, "status"), Text(At(d, "voted")) + " of " + Text(At(d, "roll")),
                      Join(At(At(d, "result"), "winners"))});
    }
    PrintTable(out, rows);
  }
  for (const json& s : At(v, "sortitions")) {
    out << "sortition " << Str(s, "id") << ": " << Join(At(s, "selected")) << " (seed '"
        << Str(s, "seed") << "', witnesses " << Join(At(s, "witnesses")) << ")\n";
  }
  out << "log: " << Text(At(At(v, "log"), "entries")) << " entries, head "
      << Str(At(v, "log"), "head_hash") << "\n";
}

void PrintProposal(std::ostream& out, const json& v) {
  const json& p = At(v, "proposal");
  out << Str(p, "id") << ": " << Str(p, "title") << " (by " << Str(p, "author") << ")\n";
  if (!Str(p, "body").empty()) out << Str(p, "body") << "\n";
  for (const json& a : At(v, "amendments")) {
    out << "amendment " << Str(a, "id") << " by " << Str(a, "author") << ": " << Str(a, "text")
        << "\n";
  }
  for (const json& c : At(v, "comments")) {
    out << "comment by " << Str(c, "author") << ": " << Str(c, "text") << "\n";
  }
  for (const json& r : At(v, "responses")) {
    out << "response of " << Str(r, "by") << ": " << Str(r, "answer") << ", deadline "
        << Str(r, "deadline") << (At(r, "overdue") == true ? " (overdue)" : "");
    if (!Str(r, "justification").empty()) out << ": " << Str(r, "justification");
    out << "\n";
  }
  for (const json& r : At(v, "results")) {
    out << "result " << Str(r, "id") << ": " << Str(r, "title") << " (" << Str(r, "status");
    if (At(r, "progress").is_number()) out << ", " << Text(At(r, "progress")) << "%";
    out << ")\n";
  }
}

void PrintDecision(std::ostream& out, const json& v) {
  const json& d = At(v, "decision");
  out << "decision " << Str(d, "id") << ": " << Str(d, "title") << "\n";
  out << "method " << Str(At(d, "input"), "method") << ", "
      << (At(d, "secret") == true ? "secret ballot" : "open vote") << ", " << Str(v, "status")
      << "; voted " << Text(At(v, "voted")) << " of " << Text(At(v, "roll"))
      << ", paper and in person " << Text(At(v, "paper")) << "\n";
  const json& r = At(v, "result");
  if (r.is_object()) {
    if (At(r, "decided") == true) {
      out << "decided: winners " << Join(At(r, "winners")) << "\n";
    } else {
      out << "not decided: " << Str(r, "why_undecided") << "\n";
    }
    out << "merkle root " << Str(v, "merkle_root") << "\n";
  }
}

void PrintReceipt(std::ostream& out, const json& r) {
  if (r.contains("voter")) {
    out << "ballot cast by " << Str(r, "voter") << " in " << Str(r, "decision") << " (entry "
        << Text(At(r, "seq")) << ")\n";
    out << "receipt: " << Str(r, "commitment") << "\n";
    out << "keep it: once the decision is closed, 'ecosol decide receipt " << Str(r, "process")
        << " " << Str(r, "decision") << " " << Str(r, "commitment")
        << "' proves your ballot was counted\n";
    return;
  }
  if (At(r, "closed") != true) {
    out << "decision " << Str(r, "decision") << " is still open: receipts prove inclusion once "
        << "it is closed\n";
    return;
  }
  if (At(r, "included") == true) {
    out << "included: ballot " << Text(At(r, "index")) << " of " << Text(At(r, "tree_size"))
        << " under merkle root " << Str(r, "merkle_root") << " (entry " << Text(At(r, "closed_seq"))
        << ")\n";
    out << "proof:";
    for (const json& h : At(r, "proof")) out << " " << Text(h);
    out << "\n";
  } else {
    out << "NOT included: no ballot of decision " << Str(r, "decision") << " has this commitment\n";
  }
}

void PrintLog(std::ostream& out, const json& entries) {
  Rows rows{{"SEQ", "KIND", "WHO", "AT", "HASH"}};
  for (const json& e : entries) {
    rows.push_back({Text(At(e, "seq")), Str(e, "kind"), Str(e, "who"), Str(e, "at"),
                    Str(e, "hash").substr(0, 16)});
  }
  PrintTable(out, rows);
}

void PrintSortition(std::ostream& out, const json& d) {
  out << "sortition " << Str(d, "id") << ": selected " << Join(At(d, "selected")) << "\n";
  out << "seed '" << Str(d, "seed") << "', witnesses " << Join(At(d, "witnesses")) << ", pool hash "
      << Str(d, "pool_sha256") << "\n";
}

void RunVerify(Context& ctx, const std::string& process, bool as_json) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  participation::ParticipationService svc(*s->store, SystemClock());
  auto report = svc.VerifyProcess(process);
  if (!report.ok()) return Fail(ctx, report.status());
  if (as_json) {
    *ctx.out << participation::ToJson(*report).dump(2) << "\n";
  } else if (report->ok) {
    *ctx.out << "process " << process << ": verified, " << report->entries << " log entries (head "
             << report->head_hash << "), " << report->records << " stored versions matched, "
             << report->decisions_closed << " closed decisions recounted, " << report->sortitions
             << " draws redrawn\n";
  } else {
    *ctx.out << "process " << process << ": " << report->problems.size() << " problems found\n";
    for (const auto& p : report->problems) *ctx.out << "  " << p.message << "\n";
  }
  if (!report->ok) {
    *ctx.err << "ecosol: error: process " << process
             << " does not verify: its records were changed outside Ecosol\n";
    ctx.exit_code = 1;
  }
}

}  // namespace

void AddProcessCommands(CLI::App& decide, Context& ctx) {
  struct Args {
    std::string process, item, kind, file, phase, participant, ballot, commitment;
    long long base_version = 0, from = 1, limit = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();

  CLI::App* list = decide.add_subcommand("processes", "List participatory processes");
  list->add_flag("--json", a->json, "Print JSON");
  list->callback([&ctx, a] {
    Run(
        ctx, a->json, [](auto& svc) { return svc.ListProcesses(); }, PrintProcesses);
  });

  CLI::App* create = decide.add_subcommand(
      "create", "Create a process (or edit one with --base-version) from a JSON file");
  create->add_option("file", a->file, "The process (JSON; docs/participation.md)")->required();
  create->add_option("--base-version", a->base_version, "The version being edited (0: new)");
  create->callback([&ctx, a] {
    auto doc = ReadJsonFile(a->file);
    if (!doc.ok()) return Fail(ctx, doc.status());
    Run(
        ctx, false, [&](auto& svc) { return svc.PutProcess(*doc, a->base_version, Operator()); },
        [](std::ostream& out, const json& r) {
          out << "process " << Str(At(r, "process"), "id") << " saved (version "
              << Text(At(r, "version")) << ")\n";
        });
  });

  CLI::App* show = decide.add_subcommand("show", "Show a process: phases, proposals, decisions");
  show->add_option("process", a->process, "The process id")->required();
  show->add_flag("--json", a->json, "Print JSON");
  show->callback([&ctx, a] {
    Run(
        ctx, a->json, [&](auto& svc) { return svc.GetProcess(a->process); }, PrintProcess);
  });

  CLI::App* phase = decide.add_subcommand("phase", "Move a process to one of its phases");
  phase->add_option("process", a->process, "The process id")->required();
  phase->add_option("phase", a->phase, "The phase id")->required();
  phase->callback([&ctx, a] {
    Run(
        ctx, false, [&](auto& svc) { return svc.SetPhase(a->process, a->phase, Operator()); },
        [&](std::ostream& out, const json&) {
          out << "process " << a->process << " is now in phase " << a->phase << "\n";
        });
  });

  CLI::App* add = decide.add_subcommand(
      "add", "Add a proposal, amendment, comment, response or result from a JSON file");
  add->add_option("process", a->process, "The process id")->required();
  add->add_option("kind", a->kind, "proposal, amendment, comment, response or result")->required();
  add->add_option("file", a->file, "The item (JSON)")->required();
  add->add_option("--base-version", a->base_version, "The version being edited (0: new)");
  add->callback([&ctx, a] {
    auto doc = ReadJsonFile(a->file);
    if (!doc.ok()) return Fail(ctx, doc.status());
    Run(
        ctx, false,
        [&](auto& svc) {
          return svc.PutItem(a->process, a->kind, *doc, a->base_version, Operator());
        },
        [](std::ostream& out, const json& r) {
          out << Str(r, "kind") << " " << Str(r, "id") << " saved (version "
              << Text(At(r, "version")) << ")\n";
        });
  });

  CLI::App* proposal = decide.add_subcommand(
      "proposal", "Show a proposal with its amendments, comments, responses and results");
  proposal->add_option("process", a->process, "The process id")->required();
  proposal->add_option("proposal", a->item, "The proposal id")->required();
  proposal->add_flag("--json", a->json, "Print JSON");
  proposal->callback([&ctx, a] {
    Run(
        ctx, a->json, [&](auto& svc) { return svc.GetProposal(a->process, a->item); },
        PrintProposal);
  });

  CLI::App* open = decide.add_subcommand("open", "Open a decision of a process (JSON file)");
  open->add_option("process", a->process, "The process id")->required();
  open->add_option("file", a->file, "The decision: id, title, secret, input, roll")->required();
  open->add_flag("--json", a->json, "Print JSON");
  open->callback([&ctx, a] {
    auto doc = ReadJsonFile(a->file);
    if (!doc.ok()) return Fail(ctx, doc.status());
    Run(
        ctx, a->json, [&](auto& svc) { return svc.OpenDecision(a->process, *doc, Operator()); },
        PrintDecision);
  });

  CLI::App* vote = decide.add_subcommand("vote", "Cast a participant's ballot; prints a receipt");
  vote->add_option("process", a->process, "The process id")->required();
  vote->add_option("decision", a->item, "The decision id")->required();
  vote->add_option("--as", a->participant, "The participant voting")->required();
  vote->add_option("--ballot", a->ballot,
                   "The ballot, e.g. '{\"approve\": [\"bikes\"]}' or '{\"ranking\": [...]}'")
      ->required();
  vote->add_flag("--json", a->json, "Print JSON");
  vote->callback([&ctx, a] {
    json ballot = json::parse(a->ballot, nullptr, false);
    if (ballot.is_discarded()) {
      return Fail(ctx, InvalidArgument("--ballot: not JSON; e.g. '{\"choice\": \"agree\"}'"));
    }
    Run(
        ctx, a->json,
        [&](auto& svc) {
          return svc.CastBallot(a->process, a->item, a->participant, ballot, Operator());
        },
        PrintReceipt);
  });

  CLI::App* paper = decide.add_subcommand(
      "paper", "Add paper or in-person results to an open decision (JSON file)");
  paper->add_option("process", a->process, "The process id")->required();
  paper->add_option("decision", a->item, "The decision id")->required();
  paper->add_option("file", a->file, "{\"ballots\": [...], \"note\"?}")->required();
  paper->callback([&ctx, a] {
    auto doc = ReadJsonFile(a->file);
    if (!doc.ok()) return Fail(ctx, doc.status());
    Run(
        ctx, false,
        [&](auto& svc) { return svc.AddPaperBallots(a->process, a->item, *doc, Operator()); },
        PrintDecision);
  });

  CLI::App* close = decide.add_subcommand("close", "Close a decision and record its tally");
  close->add_option("process", a->process, "The process id")->required();
  close->add_option("decision", a->item, "The decision id")->required();
  close->add_flag("--json", a->json, "Print JSON");
  close->callback([&ctx, a] {
    Run(
        ctx, a->json, [&](auto& svc) { return svc.CloseDecision(a->process, a->item, Operator()); },
        PrintDecision);
  });

  CLI::App* receipt =
      decide.add_subcommand("receipt", "Check that a receipt's ballot is in a closed decision");
  receipt->add_option("process", a->process, "The process id")->required();
  receipt->add_option("decision", a->item, "The decision id")->required();
  receipt->add_option("commitment", a->commitment, "The receipt")->required();
  receipt->add_flag("--json", a->json, "Print JSON");
  receipt->callback([&ctx, a] {
    Run(
        ctx, a->json, [&](auto& svc) { return svc.Receipt(a->process, a->item, a->commitment); },
        PrintReceipt);
  });

  CLI::App* draw = decide.add_subcommand(
      "draw", "Draw by lot from a public seed with witnesses, and record the draw (JSON file)");
  draw->add_option("process", a->process, "The process id")->required();
  draw->add_option("file", a->file, "{\"id\", \"seed\", \"witnesses\", \"pool\", \"seats\", ...}")
      ->required();
  draw->add_flag("--json", a->json, "Print JSON");
  draw->callback([&ctx, a] {
    auto doc = ReadJsonFile(a->file);
    if (!doc.ok()) return Fail(ctx, doc.status());
    Run(
        ctx, a->json, [&](auto& svc) { return svc.Sortition(a->process, *doc, Operator()); },
        PrintSortition);
  });

  CLI::App* log = decide.add_subcommand("log", "Print a process's hash-chained decision log");
  log->add_option("process", a->process, "The process id")->required();
  log->add_option("--from", a->from, "The first entry (default 1)");
  log->add_option("--limit", a->limit, "At most this many entries (default all)");
  log->add_flag("--json", a->json, "Print JSON (with each entry's body)");
  log->callback([&ctx, a] {
    Run(
        ctx, a->json, [&](auto& svc) { return svc.Log(a->process, a->from, a->limit); }, PrintLog);
  });

  CLI::App* verify = decide.add_subcommand(
      "verify",
      "Check a whole process: the hash chain, every stored record, every recount and redraw");
  verify->add_option("process", a->process, "The process id")->required();
  verify->add_flag("--json", a->json, "Print the report's JSON");
  verify->callback([&ctx, a] { RunVerify(ctx, a->process, a->json); });
}

}  // namespace ecosol::cli
