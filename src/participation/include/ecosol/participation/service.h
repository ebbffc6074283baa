#pragma once

// Participatory processes over the store (docs/participation.md, "Processes"): a process with
// phases and participants, spanning one organisation or several; proposals, amendments and
// comments from participants; institutional responses with a deadline and a mandatory
// justification; accountability results linked to the proposals they answer; decisions opened
// on the process, voted online (secret or open), completed with paper and in-person results,
// closed and tallied; sortition from a public seed. Every write is a versioned record
// (store/participation.h) and an entry of the process's hash-chained decision log
// (records.h), in one transaction, so VerifyProcess can check the whole process.
//
//   ParticipationService svc(store, clock);
//   svc.PutProcess(process_json, 0, convener);           // version 1, log entry 1
//   svc.PutItem("p-1", "proposal", proposal_json, 0, ana);
//   svc.OpenDecision("p-1", decision_json, convener);     // tally input without ballots + roll
//   auto receipt = svc.CastBallot("p-1", "d-1", "ana", ballot_json, ana);  // {"commitment", ...}
//   svc.CloseDecision("p-1", "d-1", convener);            // the tally, recorded in the log
//   auto report = svc.VerifyProcess("p-1");               // chain, recounts, redraws, records
//
// The process document: {"id", "title", "description"?, "organisations"?: [actor ids],
// "phases": [{"id", "kind": diagnosis|proposals|deliberation|decision|accountability|other,
// "title"?, "start"?, "end"? (ISO days)}], "current_phase"?: a phase id, "participants":
// [{"id", "kind": "person"|"organisation", "name"?, "account"? (the user id or e-mail that
// acts as this participant), "actor_id"? (an organisation's registry id), "delegate"? (the
// person participant mandated to act for an organisation), "mandate"?, "college"?,
// "votes"? (plural votes of a legal person)}], "conveners"?: [accounts]}.
//
// Items (kind, document, rules):
//   proposal   {"id"?, "title", "body"?, "author": participant}: during a "proposals" phase
//   amendment  {"id"?, "proposal", "text", "author"}: during a "proposals" or "deliberation" phase
//   comment    {"id"?, "on": a proposal or amendment id, "text", "author"}
//   response   {"id"?, "proposal", "by": who answers (an institution), "answer": pending |
//              accepted | partially_accepted | rejected, "deadline": ISO day,
//              "justification": required unless pending}: conveners only
//   result     {"id"?, "title", "proposals": [ids], "status": planned | in_progress | done |
//              abandoned, "progress"?: 0..100, "description"?}: conveners only
// Participants write as themselves (or as the organisation whose delegate they are);
// conveners may write for anyone.
//
// Errors are values: InvalidArgument naming the field, NotFound, PermissionDenied,
// FailedPrecondition-like Conflict for the wrong phase or a closed decision.
// Thread safety: one service per store connection.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/participation/records.h"
#include "ecosol/store/store.h"

namespace ecosol::participation {

// Who is calling: the log's "who", the accounts that identify them (user id, e-mail), and
// whether they may convene any process (stewards and admins; the CLI's operator).
struct Caller {
  std::string who;
  std::vector<std::string> accounts;
  bool convener = false;
};

class ParticipationService {
 public:
  ParticipationService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Creates (base_version 0) or edits a process. Creating needs caller.convener; editing, a
  // convener of the process. Returns {"process", "version"}.
  Result<nlohmann::json> PutProcess(const nlohmann::json& doc, long long base_version,
                                    const Caller& caller);
  // Moves the process to one of its phases. Returns {"process", "version"}.
  Result<nlohmann::json> SetPhase(const std::string& process_id, const std::string& phase,
                                  const Caller& caller);
  // [{"id", "title", "phase", "participants", "proposals", "decisions"}], by id.
  Result<nlohmann::json> ListProcesses();
  // {"process", "version", "phase", "proposals": [...], "decisions": [...], "sortitions":
  // [...], "results": [...], "log": {"entries", "head_hash"}}.
  Result<nlohmann::json> GetProcess(const std::string& process_id);

  // Puts a proposal, amendment, comment, response or result (above). Returns {"kind", "id",
  // "version", "doc"}.
  Result<nlohmann::json> PutItem(const std::string& process_id, const std::string& kind,
                                 const nlohmann::json& doc, long long base_version,
                                 const Caller& caller);
  // {"proposal", "version", "amendments", "comments", "responses", "results"}; a pending
  // response past its deadline says "overdue": true.
  Result<nlohmann::json> GetProposal(const std::string& process_id, const std::string& proposal_id);

  // Opens a decision: {"id", "title", "secret"? (default true), "proposal"?, "input": the tally
  // input without ballots (tally.h), "roll"?: participant ids (default: every participant)}.
  // Only conveners, during a "decision" phase. Returns the decision's view.
  Result<nlohmann::json> OpenDecision(const std::string& process_id, const nlohmann::json& doc,
                                      const Caller& caller);
  // Casts the participant's ballot (its method's field only; the college and plural votes come
  // from the participant). Returns the receipt {"process", "decision", "voter", "commitment",
  // "secret", "seq"}: the commitment proves inclusion once the decision is closed.
  Result<nlohmann::json> CastBallot(const std::string& process_id, const std::string& decision_id,
                                    const std::string& participant_id, const nlohmann::json& ballot,
                                    const Caller& caller);
  // Adds results counted outside: {"ballots": [tally ballots with "channel": "paper" or
  // "in_person" and counts], "note"?}. Conveners only, while the decision is open.
  Result<nlohmann::json> AddPaperBallots(const std::string& process_id,
                                         const std::string& decision_id, const nlohmann::json& body,
                                         const Caller& caller);
  // Closes and tallies. Conveners only. Returns the decision's view (with "result").
  Result<nlohmann::json> CloseDecision(const std::string& process_id,
                                       const std::string& decision_id, const Caller& caller);
  // {"decision", "status": "open"|"closed", "roll", "voted", "paper", "result"?,
  // "has_voted"? (when participant_id is given)}.
  Result<nlohmann::json> DecisionView(const std::string& process_id, const std::string& decision_id,
                                      const std::string& participant_id = "");
  // The participants the caller acts as in the process (by account, or as the delegate of an
  // organisation), in the process's order.
  Result<std::vector<std::string>> ParticipantsOf(const std::string& process_id,
                                                  const Caller& caller);
  // ReceiptInclusion (records.h) of a commitment.
  Result<nlohmann::json> Receipt(const std::string& process_id, const std::string& decision_id,
                                 const std::string& commitment);

  // Draws by lot (records.h ParseSortition) and records the draw. Conveners only.
  Result<nlohmann::json> Sortition(const std::string& process_id, const nlohmann::json& input,
                                   const Caller& caller);

  // The log's entries from `from_seq`, at most `limit` (0: all): [{"seq", "kind", "body",
  // "who", "at", "prev_hash", "hash"}].
  Result<nlohmann::json> Log(const std::string& process_id, long long from_seq, long long limit);
  // Checks the whole process (records.h VerifyLog) against its stored records.
  Result<VerifyReport> VerifyProcess(const std::string& process_id);

  // Runs a script of steps as `caller`, all in one transaction (the demo process,
  // data/participation/demo-process.json): {"steps": [{"process": doc} (first), {"phase": id},
  // {"item": {"kind", "doc"}}, {"open": decision}, {"vote": {"decision", "as", "ballot"}},
  // {"paper": {"decision", "ballots", "note"?}}, {"close": decision id}, {"draw": sortition}]}.
  // A process that exists already is left as it is. Returns {"process", "created": bool,
  // "steps"}; an error names the step ("steps[4].vote: ...") and writes nothing.
  Result<nlohmann::json> RunProcessScript(const nlohmann::json& script, const Caller& caller);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace ecosol::participation
