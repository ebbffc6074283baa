// Participatory processes over the store (service.h): checks each document, writes it as a
// versioned record and as an entry of the process's decision log in one transaction.

#include "ecosol/participation/service.h"

#include <algorithm>
#include <map>
#include <set>

#include "ecosol/base/dates.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

const std::set<std::string> kPhaseKinds = {"diagnosis", "proposals",      "deliberation",
                                           "decision",  "accountability", "other"};
const std::set<std::string> kItemKinds = {"proposal", "amendment", "comment", "response", "result"};
const std::set<std::string> kAnswers = {"pending", "accepted", "partially_accepted", "rejected"};
const std::set<std::string> kResultStatuses = {"planned", "in_progress", "done", "abandoned"};

Status Bad(const std::string& message) { return InvalidArgument(message); }

// A required non-empty string field.
Result<std::string> RequiredString(const json& doc, const std::string& where,
                                   const std::string& key) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_string() || it->get<std::string>().empty()) {
    return Bad(where + "." + key + ": a non-empty string is required");
  }
  return it->get<std::string>();
}

// An optional string field ("" when absent); InvalidArgument when present but not a string.
Result<std::string> OptionalString(const json& doc, const std::string& where,
                                   const std::string& key) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Bad(where + "." + key + ": expected a string");
  return it->get<std::string>();
}

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.';
  });
}

Status CheckId(const std::string& where, const std::string& id) {
  if (!ValidId(id)) {
    return Bad(where + ": '" + id +
               "' is not a valid id (1 to 100 letters, digits, '-', '_' or '.')");
  }
  return Status::Ok();
}

// Checks and normalises a process document.
Result<json> CheckProcess(const json& in) {
  if (!in.is_object()) return Bad("process: expected a JSON object");
  json doc = in;
  auto id = RequiredString(doc, "process", "id");
  if (!id.ok()) return id.status();
  ECOSOL_RETURN_IF_ERROR(CheckId("process.id", *id));
  auto title = RequiredString(doc, "process", "title");
  if (!title.ok()) return title.status();
  if (doc.contains("organisations")) {
    if (!doc["organisations"].is_array()) return Bad("process.organisations: expected an array");
    for (size_t i = 0; i < doc["organisations"].size(); ++i) {
      if (!doc["organisations"][i].is_string()) {
        return Bad("process.organisations[" + std::to_string(i) + "]: expected an actor id");
      }
    }
  }
  if (!doc.contains("phases") || !doc["phases"].is_array() || doc["phases"].empty()) {
    return Bad(
        "process.phases: at least one phase is required, e.g. [{\"id\": \"proposals\", "
        "\"kind\": \"proposals\"}]");
  }
  std::set<std::string> phases;
  for (size_t i = 0; i < doc["phases"].size(); ++i) {
    const std::string where = "process.phases[" + std::to_string(i) + "]";
    const json& p = doc["phases"][i];
    if (!p.is_object()) return Bad(where + ": expected an object");
    auto pid = RequiredString(p, where, "id");
    if (!pid.ok()) return pid.status();
    if (!phases.insert(*pid).second) return Bad(where + ".id: '" + *pid + "' appears twice");
    auto kind = RequiredString(p, where, "kind");
    if (!kind.ok()) return kind.status();
    if (!kPhaseKinds.count(*kind)) {
      return Bad(where + ".kind: '" + *kind +
                 "' is not a phase kind (diagnosis, proposals, deliberation, decision, "
                 "accountability, other)");
    }
    for (const char* key : {"start", "end"}) {
      auto day = OptionalString(p, where, key);
      if (!day.ok()) return day.status();
      if (!day->empty() && !IsIsoDay(*day)) {
        return Bad(where + "." + key + ": '" + *day + "' is not a day (YYYY-MM-DD)");
      }
    }
    const std::string start = p.value("start", ""), end = p.value("end", "");
    if (!start.empty() && !end.empty() && end < start) {
      return Bad(where + ": it ends (" + end + ") before it starts (" + start + ")");
    }
  }
  auto current = OptionalString(doc, "process", "current_phase");
  if (!current.ok()) return current.status();
  if (current->empty()) {
    doc["current_phase"] = doc["phases"][0]["id"];
  } else if (!phases.count(*current)) {
    return Bad("process.current_phase: '" + *current + "' is not one of the process's phases");
  }
  if (!doc.contains("participants")) doc["participants"] = json::array();
  if (!doc["participants"].is_array()) return Bad("process.participants: expected an array");
  std::map<std::string, std::string> kinds;  // participant -> kind
  for (size_t i = 0; i < doc["participants"].size(); ++i) {
    const std::string where = "process.participants[" + std::to_string(i) + "]";
    json& p = doc["participants"][i];
    if (!p.is_object()) return Bad(where + ": expected an object");
    auto pid = RequiredString(p, where, "id");
    if (!pid.ok()) return pid.status();
    ECOSOL_RETURN_IF_ERROR(CheckId(where + ".id", *pid));
    const std::string kind = p.value("kind", "person");
    if (kind != "person" && kind != "organisation") {
      return Bad(where + ".kind: '" + kind + "' must be 'person' or 'organisation'");
    }
    p["kind"] = kind;
    if (!kinds.emplace(*pid, kind).second) {
      return Bad(where + ".id: '" + *pid + "' appears twice");
    }
    for (const char* key : {"name", "account", "actor_id", "delegate", "mandate", "college"}) {
      auto v = OptionalString(p, where, key);
      if (!v.ok()) return v.status();
    }
    if (p.contains("votes") && (!p["votes"].is_number_integer() || p["votes"].get<int>() < 1)) {
      return Bad(where + ".votes: plural votes are a whole number of at least 1");
    }
  }
  for (size_t i = 0; i < doc["participants"].size(); ++i) {
    const std::string where = "process.participants[" + std::to_string(i) + "]";
    const json& p = doc["participants"][i];
    if (p["kind"] != "organisation") continue;
    const std::string delegate = p.value("delegate", "");
    if (delegate.empty()) {
      return Bad(where +
                 ".delegate: an organisation takes part through a mandated delegate; "
                 "name the person participant who acts for it");
    }
    auto k = kinds.find(delegate);
    if (k == kinds.end() || k->second != "person") {
      return Bad(where + ".delegate: '" + delegate + "' is not a person among the participants");
    }
  }
  if (doc.contains("conveners")) {
    if (!doc["conveners"].is_array()) return Bad("process.conveners: expected an array");
    for (size_t i = 0; i < doc["conveners"].size(); ++i) {
      if (!doc["conveners"][i].is_string()) {
        return Bad("process.conveners[" + std::to_string(i) + "]: expected an account");
      }
    }
  }
  return doc;
}

const json* FindById(const json& list, const std::string& id) {
  if (!list.is_array()) return nullptr;
  for (const json& p : list) {
    if (p.is_object() && p.value("id", "") == id) return &p;
  }
  return nullptr;
}

bool HasAccount(const Caller& caller, const std::string& account) {
  return !account.empty() && std::find(caller.accounts.begin(), caller.accounts.end(), account) !=
                                 caller.accounts.end();
}

bool IsConvener(const json& process, const Caller& caller) {
  if (caller.convener) return true;
  for (const json& a : process.value("conveners", json::array())) {
    if (a.is_string() && HasAccount(caller, a.get<std::string>())) return true;
  }
  return false;
}

// True when the caller may act as the participant: a convener, its account, or the account of
// the delegate of the organisation it is.
bool ActsAs(const json& process, const std::string& participant_id, const Caller& caller) {
  if (IsConvener(process, caller)) return true;
  const json* p = FindById(process["participants"], participant_id);
  if (p == nullptr) return false;
  if (HasAccount(caller, p->value("account", ""))) return true;
  if ((*p)["kind"] == "organisation") {
    const json* d = FindById(process["participants"], p->value("delegate", ""));
    return d != nullptr && HasAccount(caller, d->value("account", ""));
  }
  return false;
}

// True when the caller may cast the participant's ballot: its own account, or the account of
// the delegate of the organisation it is. Conveners may not vote for others; the CLI's operator
// (a convener with no account: it holds the database) may, and the log says so.
bool VotesAs(const json& process, const json& participant, const Caller& caller) {
  if (caller.convener && caller.accounts.empty()) return true;
  if (HasAccount(caller, participant.value("account", ""))) return true;
  if (participant["kind"] == "organisation") {
    const json* d = FindById(process["participants"], participant.value("delegate", ""));
    return d != nullptr && HasAccount(caller, d->value("account", ""));
  }
  return false;
}

Status NotConvener(const std::string& process_id, const std::string& what) {
  return Status(StatusCode::kPermissionDenied,
                "only the conveners of process '" + process_id + "' may " + what);
}

const json* CurrentPhase(const json& process) {
  return FindById(process["phases"], process.value("current_phase", ""));
}

std::string PhaseKind(const json& process) {
  const json* p = CurrentPhase(process);
  return p == nullptr ? "" : p->value("kind", "");
}

Status WrongPhase(const json& process, const std::string& what, const std::string& needed) {
  return Conflict("process '" + process.value("id", "") + "' is in its '" +
                  process.value("current_phase", "") + "' phase (" + PhaseKind(process) +
                  "): " + what + " only during " + needed + "; a convener moves the phase");
}

LogEntry FromRow(const store::DecisionLogRow& r, std::vector<Problem>* problems) {
  LogEntry e;
  e.process_id = r.process_id;
  e.seq = r.seq;
  e.kind = r.kind;
  e.who = r.who;
  e.at = r.at;
  e.prev_hash = r.prev_hash;
  e.hash = r.hash;
  e.body = json::parse(r.body, nullptr, false);
  if (e.body.is_discarded()) {
    if (problems != nullptr) {
      problems->push_back(
          {r.seq, r.kind,
           "entry " + std::to_string(r.seq) + ": its body is not JSON (changed by hand?)"});
    }
    e.body = json::object();
  }
  return e;
}

json EntryJson(const LogEntry& e) {
  return {{"seq", e.seq}, {"kind", e.kind},           {"body", e.body}, {"who", e.who},
          {"at", e.at},   {"prev_hash", e.prev_hash}, {"hash", e.hash}};
}

}  // namespace

// --- private helpers, as free functions over the store -------------------------------------

namespace {

struct Loaded {
  json doc;
  long long version = 0;
};

// The store's key of an item: ids are unique within their process only, so the store keeps
// items under "<process>/<id>" (ids cannot hold '/'); a process is stored under its own id.
std::string StoreKey(const std::string& kind, const std::string& process_id,
                     const std::string& id) {
  return kind == "process" ? id : process_id + "/" + id;
}

Result<Loaded> LoadRecord(store::Store& store, const std::string& kind, const std::string& id,
                          const std::string& process_id) {
  auto r = store.GetParticipationRecord(kind, StoreKey(kind, process_id, id));
  if (!r.ok()) return r.status();
  if (!r->has_value() || (*r)->deleted || (*r)->process_id != process_id) {
    return NotFound(kind + " '" + id + "' is not in process '" + process_id + "'");
  }
  json doc = json::parse((*r)->doc, nullptr, false);
  if (doc.is_discarded()) return Internal(kind + " '" + id + "': its stored document is not JSON");
  return Loaded{std::move(doc), (*r)->version};
}

Result<Loaded> LoadProcess(store::Store& store, const std::string& process_id) {
  auto r = store.GetParticipationRecord("process", process_id);
  if (!r.ok()) return r.status();
  if (!r->has_value() || (*r)->deleted) {
    return NotFound("no process '" + process_id + "'; list them with 'ecosol decide processes'");
  }
  json doc = json::parse((*r)->doc, nullptr, false);
  if (doc.is_discarded())
    return Internal("process '" + process_id + "': stored document is not JSON");
  return Loaded{std::move(doc), (*r)->version};
}

// Appends one entry to the process's log; call inside a transaction.
Result<LogEntry> Append(store::Store& store, const std::string& process_id, const std::string& kind,
                        json body, const std::string& who, const std::string& at) {
  auto head = store.LockDecisionLog(process_id);
  if (!head.ok()) return head.status();
  LogEntry previous;
  previous.process_id = process_id;
  previous.seq = head->first;
  previous.hash = head->second;
  LogEntry e;
  e.process_id = process_id;
  e.kind = kind;
  e.body = std::move(body);
  e.who = who;
  e.at = at;
  ECOSOL_RETURN_IF_ERROR(ChainEntry(head->first == 0 ? nullptr : &previous, &e));
  store::DecisionLogRow row{e.process_id, e.seq, e.kind,      e.body.dump(),
                            e.who,        e.at,  e.prev_hash, e.hash};
  ECOSOL_RETURN_IF_ERROR(store.AppendDecisionLog(row));
  return e;
}

// Writes a record and its log entry in the caller's transaction.
Result<long long> PutLogged(store::Store& store, const std::string& kind, const std::string& id,
                            const std::string& process_id, const std::string& parent,
                            const json& doc, long long base_version, bool deleted,
                            const std::string& who, const std::string& at) {
  store::ParticipationRecord r;
  r.kind = kind;
  r.id = StoreKey(kind, process_id, id);
  r.process_id = process_id;
  r.parent = parent;
  r.doc = doc.dump();
  r.who = who;
  r.at = at;
  r.deleted = deleted;
  ECOSOL_RETURN_IF_ERROR(store.PutParticipationRecord(&r, base_version));
  json body = {
      {"id", r.id}, {"version", r.version}, {"doc_sha256", Sha256Hex(r.doc)}, {"deleted", deleted}};
  if (kind != "process") body["kind"] = kind;
  auto e =
      Append(store, process_id, kind == "process" ? "process" : "record", std::move(body), who, at);
  if (!e.ok()) return e.status();
  return r.version;
}

Result<std::vector<LogEntry>> ReadLog(store::Store& store, const std::string& process_id,
                                      std::vector<Problem>* problems) {
  auto rows = store.DecisionLog(process_id, 1, 0);
  if (!rows.ok()) return rows.status();
  std::vector<LogEntry> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(FromRow(r, problems));
  return out;
}

// What the log says of one decision.
struct DecisionState {
  const LogEntry* opened = nullptr;
  const LogEntry* closed = nullptr;
  std::vector<const LogEntry*> voted;
  std::vector<const LogEntry*> paper;
};

DecisionState StateOf(const std::vector<LogEntry>& log, const std::string& decision_id) {
  DecisionState s;
  for (const LogEntry& e : log) {
    if (!e.body.is_object() || e.body.value("decision", "") != decision_id) continue;
    if (e.kind == "decision_opened") s.opened = &e;
    if (e.kind == "decision_closed") s.closed = &e;
    if (e.kind == "voted") s.voted.push_back(&e);
    if (e.kind == "paper_ballots") s.paper.push_back(&e);
  }
  return s;
}

// Locks the process's log head until the transaction ends, then reads the log: what the caller
// checks in it (who voted, whether a decision is closed) cannot change before it writes.
Result<std::vector<LogEntry>> LockedLog(store::Store& store, const std::string& process_id) {
  auto head = store.LockDecisionLog(process_id);
  if (!head.ok()) return head.status();
  return ReadLog(store, process_id, nullptr);
}

Status TakesBallots(const DecisionState& s, const std::string& decision_id) {
  if (s.closed == nullptr) return Status::Ok();
  return Conflict("decision '" + decision_id + "' is closed: no more ballots");
}

long long PaperCount(const DecisionState& s) {
  long long n = 0;
  for (const LogEntry* e : s.paper) {
    for (const json& b : e->body.value("ballots", json::array())) n += b.value("count", 1LL);
  }
  return n;
}

json DecisionJson(const json& doc, const DecisionState& s, const std::string& participant) {
  json out = {{"decision", doc},
              {"status", s.closed != nullptr ? "closed" : "open"},
              {"roll", doc.value("roll", json::array()).size()},
              {"voted", s.voted.size()},
              {"paper", PaperCount(s)}};
  if (s.closed != nullptr) {
    out["result"] = s.closed->body.value("result", json());
    out["merkle_root"] = s.closed->body.value("merkle_root", "");
    out["closed_seq"] = s.closed->seq;
  }
  if (!participant.empty()) {
    bool voted = false;
    for (const LogEntry* e : s.voted) voted = voted || e->body.value("voter", "") == participant;
    out["has_voted"] = voted;
  }
  return out;
}

std::string NewItemId(store::Store& store, const std::string& process_id, const std::string& kind) {
  auto existing = store.ParticipationRecords({kind, process_id, "", true});
  size_t n = existing.ok() ? existing->size() : 0;
  for (;;) {
    std::string id = process_id + "-" + kind + "-" + std::to_string(++n);
    auto r = store.GetParticipationRecord(kind, StoreKey(kind, process_id, id));
    if (r.ok() && !r->has_value()) return id;
    if (!r.ok()) return id;
  }
}

// The tally input of a decision with the given ballots.
json WithBallots(json input, json ballots) {
  input["ballots"] = std::move(ballots);
  return input;
}

}  // namespace

// --- processes ---------------------------------------------------------------------------

Result<json> ParticipationService::PutProcess(const json& in, long long base_version,
                                              const Caller& caller) {
  auto doc = CheckProcess(in);
  if (!doc.ok()) return doc.status();
  const std::string id = (*doc)["id"];
  if (base_version == 0) {
    if (!caller.convener) {
      return Status(StatusCode::kPermissionDenied, "only stewards and admins may create a process");
    }
  } else {
    auto current = LoadProcess(store_, id);
    if (!current.ok()) return current.status();
    if (!IsConvener(current->doc, caller)) return NotConvener(id, "edit it");
  }
  const std::string at = FormatTimestamp(clock_.Now());
  long long version = 0;
  Status s = store_.InTransaction([&]() -> Status {
    auto v = PutLogged(store_, "process", id, id, "", *doc, base_version, false, caller.who, at);
    if (!v.ok()) return v.status();
    version = *v;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return json{{"process", *doc}, {"version", version}};
}

Result<json> ParticipationService::SetPhase(const std::string& process_id, const std::string& phase,
                                            const Caller& caller) {
  auto current = LoadProcess(store_, process_id);
  if (!current.ok()) return current.status();
  if (!IsConvener(current->doc, caller)) return NotConvener(process_id, "move its phase");
  if (FindById(current->doc["phases"], phase) == nullptr) {
    std::string ids;
    for (const json& p : current->doc["phases"]) {
      ids += (ids.empty() ? "" : ", ") + p.value("id", "");
    }
    return Bad("phase: '" + phase + "' is not a phase of process '" + process_id + "' (" + ids +
               ")");
  }
  json doc = current->doc;
  doc["current_phase"] = phase;
  return PutProcess(doc, current->version, caller);
}

Result<json> ParticipationService::ListProcesses() {
  auto processes = store_.ParticipationRecords({"process", "", "", false});
  if (!processes.ok()) return processes.status();
  json out = json::array();
  for (const auto& r : *processes) {
    json doc = json::parse(r.doc, nullptr, false);
    if (doc.is_discarded()) continue;
    auto proposals = store_.ParticipationRecords({"proposal", r.id, "", false});
    auto decisions = store_.ParticipationRecords({"decision", r.id, "", false});
    if (!proposals.ok()) return proposals.status();
    if (!decisions.ok()) return decisions.status();
    const json* phase = CurrentPhase(doc);
    out.push_back({{"id", r.id},
                   {"title", doc.value("title", "")},
                   {"phase", phase == nullptr ? json() : *phase},
                   {"participants", doc.value("participants", json::array()).size()},
                   {"organisations", doc.value("organisations", json::array())},
                   {"proposals", proposals->size()},
                   {"decisions", decisions->size()},
                   {"version", r.version}});
  }
  return out;
}

Result<json> ParticipationService::GetProcess(const std::string& process_id) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  auto log = ReadLog(store_, process_id, nullptr);
  if (!log.ok()) return log.status();
  const std::string today = FormatDate(clock_.Now());
  auto list = [&](const std::string& kind) -> Result<json> {
    auto records = store_.ParticipationRecords({kind, process_id, "", false});
    if (!records.ok()) return records.status();
    json out = json::array();
    for (const auto& r : *records) {
      json doc = json::parse(r.doc, nullptr, false);
      if (!doc.is_discarded()) out.push_back(doc);
    }
    return out;
  };
  auto proposals = list("proposal");
  auto amendments = list("amendment");
  auto comments = list("comment");
  auto responses = list("response");
  auto results = list("result");
  auto decisions = list("decision");
  for (auto* r : {&proposals, &amendments, &comments, &responses, &results, &decisions}) {
    if (!r->ok()) return r->status();
  }
  json proposal_rows = json::array();
  for (const json& p : *proposals) {
    const std::string pid = p.value("id", "");
    json row = {{"id", pid},
                {"title", p.value("title", "")},
                {"author", p.value("author", "")},
                {"amendments", 0},
                {"comments", 0},
                {"response", nullptr}};
    for (const json& a : *amendments) {
      if (a.value("proposal", "") == pid) row["amendments"] = row["amendments"].get<int>() + 1;
    }
    for (const json& c : *comments) {
      if (c.value("on", "") == pid) row["comments"] = row["comments"].get<int>() + 1;
    }
    for (const json& r : *responses) {
      if (r.value("proposal", "") != pid) continue;
      json resp = r;
      resp["overdue"] = r.value("answer", "") == "pending" && r.value("deadline", "") < today;
      row["response"] = resp;
    }
    proposal_rows.push_back(row);
  }
  json decision_rows = json::array();
  for (const json& d : *decisions) {
    DecisionState s = StateOf(*log, d.value("id", ""));
    json view = DecisionJson(d, s, "");
    decision_rows.push_back({{"id", d.value("id", "")},
                             {"title", d.value("title", "")},
                             {"method", d["input"].value("method", "")},
                             {"secret", d.value("secret", true)},
                             {"status", view["status"]},
                             {"voted", view["voted"]},
                             {"roll", view["roll"]},
                             {"result", view.value("result", json())}});
  }
  json sortitions = json::array();
  for (const LogEntry& e : *log) {
    if (e.kind != "sortition") continue;
    sortitions.push_back({{"id", e.body.value("id", "")},
                          {"seed", e.body.value("seed", "")},
                          {"witnesses", e.body.value("witnesses", json::array())},
                          {"seats", e.body.value("seats", 0)},
                          {"selected", e.body.value("selected", json::array())},
                          {"seq", e.seq}});
  }
  const json* phase = CurrentPhase(process->doc);
  return json{
      {"process", process->doc},
      {"version", process->version},
      {"phase", phase == nullptr ? json() : *phase},
      {"proposals", proposal_rows},
      {"decisions", decision_rows},
      {"sortitions", sortitions},
      {"results", *results},
      {"log",
       {{"entries", log->size()}, {"head_hash", log->empty() ? std::string() : log->back().hash}}}};
}

// --- items -------------------------------------------------------------------------------

Result<json> ParticipationService::PutItem(const std::string& process_id, const std::string& kind,
                                           const json& in, long long base_version,
                                           const Caller& caller) {
  if (!kItemKinds.count(kind)) {
    return Bad("kind: '" + kind +
               "' is not an item of a process (proposal, amendment, comment, response, result)");
  }
  if (!in.is_object()) return Bad(kind + ": expected a JSON object");
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  const json& p = process->doc;
  json doc = in;
  std::string id = doc.value("id", "");
  if (doc.contains("id") && !doc["id"].is_string()) return Bad(kind + ".id: expected a string");
  if (id.empty()) {
    if (base_version != 0) return Bad(kind + ".id: an edit names the item it changes");
    id = NewItemId(store_, process_id, kind);
    doc["id"] = id;
  }
  ECOSOL_RETURN_IF_ERROR(CheckId(kind + ".id", id));
  const bool convener = IsConvener(p, caller);
  std::string parent;
  auto author_check = [&]() -> Status {
    auto author = RequiredString(doc, kind, "author");
    if (!author.ok()) return author.status();
    if (FindById(p["participants"], *author) == nullptr) {
      return Bad(kind + ".author: '" + *author + "' is not a participant of process '" +
                 process_id + "'");
    }
    if (!ActsAs(p, *author, caller)) {
      return Status(StatusCode::kPermissionDenied,
                    "you may not write as participant '" + *author +
                        "': sign in with its account (or its delegate's)");
    }
    return Status::Ok();
  };
  auto proposal_exists = [&](const std::string& field) -> Status {
    auto pid = RequiredString(doc, kind, field);
    if (!pid.ok()) return pid.status();
    auto found = LoadRecord(store_, "proposal", *pid, process_id);
    if (!found.ok()) return Bad(kind + "." + field + ": " + found.status().message());
    parent = *pid;
    return Status::Ok();
  };
  const std::string phase = PhaseKind(p);
  if (kind == "proposal") {
    auto title = RequiredString(doc, kind, "title");
    if (!title.ok()) return title.status();
    ECOSOL_RETURN_IF_ERROR(author_check());
    if (base_version == 0 && phase != "proposals") {
      return WrongPhase(p, "proposals are made", "a 'proposals' phase");
    }
  } else if (kind == "amendment") {
    ECOSOL_RETURN_IF_ERROR(proposal_exists("proposal"));
    auto text = RequiredString(doc, kind, "text");
    if (!text.ok()) return text.status();
    ECOSOL_RETURN_IF_ERROR(author_check());
    if (base_version == 0 && phase != "proposals" && phase != "deliberation") {
      return WrongPhase(p, "amendments are made", "a 'proposals' or 'deliberation' phase");
    }
  } else if (kind == "comment") {
    auto on = RequiredString(doc, kind, "on");
    if (!on.ok()) return on.status();
    auto prop = LoadRecord(store_, "proposal", *on, process_id);
    auto amend = LoadRecord(store_, "amendment", *on, process_id);
    if (!prop.ok() && !amend.ok()) {
      return Bad("comment.on: '" + *on + "' is neither a proposal nor an amendment of process '" +
                 process_id + "'");
    }
    parent = prop.ok() ? *on : amend->doc.value("proposal", "");
    auto text = RequiredString(doc, kind, "text");
    if (!text.ok()) return text.status();
    ECOSOL_RETURN_IF_ERROR(author_check());
  } else if (kind == "response") {
    if (!convener) return NotConvener(process_id, "record an institutional response");
    ECOSOL_RETURN_IF_ERROR(proposal_exists("proposal"));
    auto by = RequiredString(doc, kind, "by");
    if (!by.ok()) return by.status();
    auto answer = RequiredString(doc, kind, "answer");
    if (!answer.ok()) return answer.status();
    if (!kAnswers.count(*answer)) {
      return Bad("response.answer: '" + *answer +
                 "' must be pending, accepted, partially_accepted or rejected");
    }
    auto deadline = RequiredString(doc, kind, "deadline");
    if (!deadline.ok()) {
      return Bad("response.deadline: an institutional response has a deadline (YYYY-MM-DD)");
    }
    if (!IsIsoDay(*deadline)) {
      return Bad("response.deadline: '" + *deadline + "' is not a day (YYYY-MM-DD)");
    }
    auto why = OptionalString(doc, kind, "justification");
    if (!why.ok()) return why.status();
    if (*answer != "pending" && why->find_first_not_of(" \t\r\n") == std::string::npos) {
      return Bad("response.justification: a response that " +
                 std::string(*answer == "accepted" ? "accepts" : "rejects or amends") +
                 " a proposal must say why");
    }
    if (*answer != "pending" && !doc.contains("answered_at")) {
      doc["answered_at"] = FormatDate(clock_.Now());
    }
  } else if (kind == "result") {
    if (!convener) return NotConvener(process_id, "record an accountability result");
    auto title = RequiredString(doc, kind, "title");
    if (!title.ok()) return title.status();
    if (!doc.contains("proposals") || !doc["proposals"].is_array() || doc["proposals"].empty()) {
      return Bad("result.proposals: name the proposals this result answers");
    }
    for (size_t i = 0; i < doc["proposals"].size(); ++i) {
      const json& pid = doc["proposals"][i];
      const std::string where = "result.proposals[" + std::to_string(i) + "]";
      if (!pid.is_string()) return Bad(where + ": expected a proposal id");
      if (!LoadRecord(store_, "proposal", pid.get<std::string>(), process_id).ok()) {
        return Bad(where + ": '" + pid.get<std::string>() + "' is not a proposal of process '" +
                   process_id + "'");
      }
    }
    const std::string status = doc.value("status", "planned");
    if (!kResultStatuses.count(status)) {
      return Bad("result.status: '" + status + "' must be planned, in_progress, done or abandoned");
    }
    doc["status"] = status;
    if (doc.contains("progress")) {
      if (!doc["progress"].is_number() || doc["progress"].get<double>() < 0 ||
          doc["progress"].get<double>() > 100) {
        return Bad("result.progress: a percentage from 0 to 100");
      }
    }
  }
  const std::string at = FormatTimestamp(clock_.Now());
  long long version = 0;
  Status s = store_.InTransaction([&]() -> Status {
    auto v =
        PutLogged(store_, kind, id, process_id, parent, doc, base_version, false, caller.who, at);
    if (!v.ok()) return v.status();
    version = *v;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return json{{"kind", kind}, {"id", id}, {"version", version}, {"doc", doc}};
}

Result<json> ParticipationService::GetProposal(const std::string& process_id,
                                               const std::string& proposal_id) {
  auto proposal = LoadRecord(store_, "proposal", proposal_id, process_id);
  if (!proposal.ok()) return proposal.status();
  const std::string today = FormatDate(clock_.Now());
  auto of = [&](const std::string& kind) -> Result<json> {
    auto records = store_.ParticipationRecords({kind, process_id, proposal_id, false});
    if (!records.ok()) return records.status();
    json out = json::array();
    for (const auto& r : *records) {
      json doc = json::parse(r.doc, nullptr, false);
      if (doc.is_discarded()) continue;
      doc["version"] = r.version;
      doc["at"] = r.at;
      if (kind == "response") {
        doc["overdue"] = doc.value("answer", "") == "pending" && doc.value("deadline", "") < today;
      }
      out.push_back(doc);
    }
    return out;
  };
  auto amendments = of("amendment");
  auto comments = of("comment");
  auto responses = of("response");
  if (!amendments.ok()) return amendments.status();
  if (!comments.ok()) return comments.status();
  if (!responses.ok()) return responses.status();
  auto all_results = store_.ParticipationRecords({"result", process_id, "", false});
  if (!all_results.ok()) return all_results.status();
  json results = json::array();
  for (const auto& r : *all_results) {
    json doc = json::parse(r.doc, nullptr, false);
    if (doc.is_discarded()) continue;
    for (const json& pid : doc.value("proposals", json::array())) {
      if (pid == proposal_id) {
        results.push_back(doc);
        break;
      }
    }
  }
  return json{{"proposal", proposal->doc}, {"version", proposal->version},
              {"amendments", *amendments}, {"comments", *comments},
              {"responses", *responses},   {"results", results}};
}

// --- decisions ---------------------------------------------------------------------------

Result<json> ParticipationService::OpenDecision(const std::string& process_id, const json& in,
                                                const Caller& caller) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  const json& p = process->doc;
  if (!IsConvener(p, caller)) return NotConvener(process_id, "open a decision");
  if (PhaseKind(p) != "decision")
    return WrongPhase(p, "decisions are opened", "a 'decision' phase");
  if (!in.is_object()) return Bad("decision: expected a JSON object");
  json doc = in;
  auto id = RequiredString(doc, "decision", "id");
  if (!id.ok()) return id.status();
  ECOSOL_RETURN_IF_ERROR(CheckId("decision.id", *id));
  auto title = RequiredString(doc, "decision", "title");
  if (!title.ok()) return title.status();
  if (doc.contains("secret") && !doc["secret"].is_boolean()) {
    return Bad("decision.secret: true (a secret ballot) or false (an open vote)");
  }
  doc["secret"] = doc.value("secret", true);
  auto proposal = OptionalString(doc, "decision", "proposal");
  if (!proposal.ok()) return proposal.status();
  if (!proposal->empty() && !LoadRecord(store_, "proposal", *proposal, process_id).ok()) {
    return Bad("decision.proposal: '" + *proposal + "' is not a proposal of process '" +
               process_id + "'");
  }
  if (!doc.contains("input") || !doc["input"].is_object()) {
    return Bad(
        "decision.input: the tally's input without ballots is required, e.g. "
        "{\"method\": \"consent\", \"options\": [\"proposal\"]}");
  }
  if (doc["input"].contains("ballots")) {
    return Bad(
        "decision.input.ballots: a decision opens with no ballots; participants vote, "
        "and paper results are added while it is open");
  }
  json roll = json::array();
  if (doc.contains("roll")) {
    if (!doc["roll"].is_array()) return Bad("decision.roll: expected participant ids");
    std::set<std::string> seen;
    for (size_t i = 0; i < doc["roll"].size(); ++i) {
      const json& v = doc["roll"][i];
      const std::string where = "decision.roll[" + std::to_string(i) + "]";
      if (!v.is_string() || FindById(p["participants"], v.get<std::string>()) == nullptr) {
        return Bad(where + ": " + v.dump() + " is not a participant of process '" + process_id +
                   "'");
      }
      if (!seen.insert(v.get<std::string>()).second) return Bad(where + ": appears twice");
      roll.push_back(v);
    }
  } else {
    for (const json& part : p["participants"]) roll.push_back(part["id"]);
  }
  if (roll.empty()) return Bad("decision.roll: no participant may vote");
  doc["roll"] = roll;
  // Colleges come from the participants: every voter on the roll needs one when the input
  // declares colleges.
  if (doc["input"].contains("colleges")) {
    for (const json& v : roll) {
      const json* part = FindById(p["participants"], v.get<std::string>());
      if (part->value("college", "").empty()) {
        return Bad("decision.roll: participant '" + v.get<std::string>() +
                   "' has no college, but the decision weighs colleges; give each participant "
                   "its college in the process");
      }
    }
  }
  if (doc["input"].contains("quorum") && doc["input"]["quorum"].is_object() &&
      !doc["input"]["quorum"].contains("eligible")) {
    doc["input"]["quorum"]["eligible"] = roll.size();
  }
  auto check = ParseTallyInput(WithBallots(doc["input"], json::array()));
  if (!check.ok()) return Bad("decision.input: " + check.status().message());
  const std::string at = FormatTimestamp(clock_.Now());
  Status s = store_.InTransaction([&]() -> Status {
    auto v =
        PutLogged(store_, "decision", *id, process_id, *proposal, doc, 0, false, caller.who, at);
    if (!v.ok()) return v.status();
    json body = {{"decision", *id},
                 {"title", *title},
                 {"secret", doc["secret"]},
                 {"input", doc["input"]},
                 {"roll", roll}};
    auto e = Append(store_, process_id, "decision_opened", std::move(body), caller.who, at);
    return e.ok() ? Status::Ok() : e.status();
  });
  if (!s.ok()) return s;
  return DecisionView(process_id, *id);
}

Result<json> ParticipationService::CastBallot(const std::string& process_id,
                                              const std::string& decision_id,
                                              const std::string& participant_id,
                                              const json& ballot_in, const Caller& caller) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  const json& p = process->doc;
  auto decision = LoadRecord(store_, "decision", decision_id, process_id);
  if (!decision.ok()) return decision.status();
  const json& d = decision->doc;
  const json* participant = FindById(p["participants"], participant_id);
  if (participant == nullptr) {
    return Bad("voter: '" + participant_id + "' is not a participant of process '" + process_id +
               "'");
  }
  if (!VotesAs(p, *participant, caller)) {
    return Status(StatusCode::kPermissionDenied,
                  "you may not vote as '" + participant_id +
                      "': sign in with its account (or, for an organisation, its delegate's)");
  }
  bool on_roll = false;
  for (const json& v : d["roll"]) on_roll = on_roll || v == participant_id;
  if (!on_roll) {
    return Status(StatusCode::kPermissionDenied,
                  "'" + participant_id + "' is not on the roll of decision '" + decision_id + "'");
  }
  if (!ballot_in.is_object()) return Bad("ballot: expected a JSON object");
  for (const char* key : {"count", "channel", "college", "proxy_for", "votes"}) {
    if (ballot_in.contains(key)) {
      return Bad(std::string("ballot.") + key +
                 ": an online ballot is one voter's; the college and plural votes come from the "
                 "process, and proxies or counted ballots are entered by a convener as paper "
                 "results");
    }
  }
  json ballot = ballot_in;
  const std::string college = participant->value("college", "");
  if (d["input"].contains("colleges") && !college.empty()) ballot["college"] = college;
  if (participant->contains("votes")) ballot["votes"] = (*participant)["votes"];
  auto check = ParseTallyInput(WithBallots(d["input"], json::array({ballot})));
  if (!check.ok()) {
    std::string message = check.status().message();
    const std::string prefix = "ballots[0]";
    if (message.rfind(prefix, 0) == 0) message = "ballot" + message.substr(prefix.size());
    return Bad(message);
  }
  const bool secret = d.value("secret", true);
  const std::string nonce = NewNonce();
  auto commitment = BallotCommitment(decision_id, ballot, nonce);
  if (!commitment.ok()) return commitment.status();
  const std::string at = FormatTimestamp(clock_.Now());
  long long seq = 0;
  Status s = store_.InTransaction([&]() -> Status {
    // Read under the head's lock: two ballots of one voter cannot both pass.
    auto log = LockedLog(store_, process_id);
    if (!log.ok()) return log.status();
    DecisionState state = StateOf(*log, decision_id);
    ECOSOL_RETURN_IF_ERROR(TakesBallots(state, decision_id));
    for (const LogEntry* e : state.voted) {
      if (e->body.value("voter", "") == participant_id) {
        return Conflict("'" + participant_id + "' has already voted in decision '" + decision_id +
                        "' (entry " + std::to_string(e->seq) + "); a ballot cannot be changed");
      }
    }
    json body = {{"decision", decision_id}, {"voter", participant_id}, {"channel", "online"}};
    if (secret) {
      ECOSOL_RETURN_IF_ERROR(
          store_.PutBoxedBallot({process_id, decision_id, *commitment, ballot.dump(), nonce}));
    } else {
      body["ballot"] = ballot;
      body["nonce"] = nonce;
      body["commitment"] = *commitment;
    }
    // A secret ballot's "voted" entry is timed to the day only, so that its time cannot be
    // matched with anything the ballot box might reveal.
    auto e = Append(store_, process_id, "voted", std::move(body), secret ? "" : caller.who,
                    secret ? FormatDate(clock_.Now()) : at);
    if (!e.ok()) return e.status();
    seq = e->seq;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return json{{"process", process_id},     {"decision", decision_id}, {"voter", participant_id},
              {"commitment", *commitment}, {"secret", secret},        {"seq", seq}};
}

Result<json> ParticipationService::AddPaperBallots(const std::string& process_id,
                                                   const std::string& decision_id, const json& body,
                                                   const Caller& caller) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  if (!IsConvener(process->doc, caller)) return NotConvener(process_id, "enter paper results");
  auto decision = LoadRecord(store_, "decision", decision_id, process_id);
  if (!decision.ok()) return decision.status();
  if (!body.is_object() || !body.contains("ballots") || !body["ballots"].is_array() ||
      body["ballots"].empty()) {
    return Bad("paper results: {\"ballots\": [...], \"note\"?} with at least one ballot");
  }
  for (size_t i = 0; i < body["ballots"].size(); ++i) {
    const json& b = body["ballots"][i];
    const std::string channel = b.is_object() ? b.value("channel", "") : "";
    if (channel != "paper" && channel != "in_person") {
      return Bad("ballots[" + std::to_string(i) +
                 "].channel: paper results are 'paper' or 'in_person' ballots");
    }
  }
  auto check = ParseTallyInput(WithBallots(decision->doc["input"], body["ballots"]));
  if (!check.ok()) return Bad(check.status().message());
  const std::string at = FormatTimestamp(clock_.Now());
  Status s = store_.InTransaction([&]() -> Status {
    auto log = LockedLog(store_, process_id);
    if (!log.ok()) return log.status();
    ECOSOL_RETURN_IF_ERROR(TakesBallots(StateOf(*log, decision_id), decision_id));
    json entry = {{"decision", decision_id},
                  {"ballots", body["ballots"]},
                  {"entered_by", caller.who},
                  {"note", body.value("note", "")}};
    auto e = Append(store_, process_id, "paper_ballots", std::move(entry), caller.who, at);
    return e.ok() ? Status::Ok() : e.status();
  });
  if (!s.ok()) return s;
  return DecisionView(process_id, decision_id);
}

Result<json> ParticipationService::CloseDecision(const std::string& process_id,
                                                 const std::string& decision_id,
                                                 const Caller& caller) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  if (!IsConvener(process->doc, caller)) return NotConvener(process_id, "close a decision");
  auto decision = LoadRecord(store_, "decision", decision_id, process_id);
  if (!decision.ok()) return decision.status();
  const json& d = decision->doc;
  const bool secret = d.value("secret", true);
  const std::string at = FormatTimestamp(clock_.Now());
  Status s = store_.InTransaction([&]() -> Status {
    auto log = LockedLog(store_, process_id);
    if (!log.ok()) return log.status();
    DecisionState state = StateOf(*log, decision_id);
    if (state.closed != nullptr) {
      return Conflict("decision '" + decision_id + "' is already closed (entry " +
                      std::to_string(state.closed->seq) + ")");
    }
    json online = json::array();
    if (secret) {
      auto box = store_.BoxedBallots(process_id, decision_id);
      if (!box.ok()) return box.status();
      for (const auto& b : *box) {
        json ballot = json::parse(b.ballot, nullptr, false);
        if (ballot.is_discarded()) return Internal("a boxed ballot is not JSON");
        online.push_back({{"ballot", ballot}, {"nonce", b.nonce}, {"commitment", b.commitment}});
      }
      if (online.size() != state.voted.size()) {
        return Internal("decision '" + decision_id + "': the ballot box holds " +
                        std::to_string(online.size()) + " ballots but the roll records " +
                        std::to_string(state.voted.size()) + " voters");
      }
    } else {
      for (const LogEntry* e : state.voted) {
        online.push_back({{"ballot", e->body.value("ballot", json())},
                          {"nonce", e->body.value("nonce", "")},
                          {"commitment", e->body.value("commitment", "")}});
      }
    }
    json ballots = json::array();
    std::vector<std::string> commitments;
    for (const json& b : online) {
      ballots.push_back(b["ballot"]);
      commitments.push_back(b["commitment"].get<std::string>());
    }
    for (const LogEntry* e : state.paper) {
      for (const json& b : e->body.value("ballots", json::array())) ballots.push_back(b);
    }
    auto input = ParseTallyInput(WithBallots(d["input"], ballots));
    if (!input.ok()) return input.status();
    auto result = Tally(std::move(*input));
    if (!result.ok()) return result.status();
    json body = {{"decision", decision_id},
                 {"ballots", online},
                 {"merkle_root", MerkleRoot(commitments)},
                 {"roll_count", state.voted.size()},
                 {"result", *result}};
    auto e = Append(store_, process_id, "decision_closed", std::move(body), caller.who, at);
    return e.ok() ? Status::Ok() : e.status();
  });
  if (!s.ok()) return s;
  return DecisionView(process_id, decision_id);
}

Result<json> ParticipationService::DecisionView(const std::string& process_id,
                                                const std::string& decision_id,
                                                const std::string& participant_id) {
  auto decision = LoadRecord(store_, "decision", decision_id, process_id);
  if (!decision.ok()) return decision.status();
  auto log = ReadLog(store_, process_id, nullptr);
  if (!log.ok()) return log.status();
  return DecisionJson(decision->doc, StateOf(*log, decision_id), participant_id);
}

Result<std::vector<std::string>> ParticipationService::ParticipantsOf(const std::string& process_id,
                                                                      const Caller& caller) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  std::vector<std::string> out;
  Caller self = caller;
  self.convener = false;  // as themselves, not as a convener
  for (const json& p : process->doc["participants"]) {
    if (VotesAs(process->doc, p, self)) out.push_back(p["id"]);
  }
  return out;
}

Result<json> ParticipationService::Receipt(const std::string& process_id,
                                           const std::string& decision_id,
                                           const std::string& commitment) {
  auto decision = LoadRecord(store_, "decision", decision_id, process_id);
  if (!decision.ok()) return decision.status();
  auto log = ReadLog(store_, process_id, nullptr);
  if (!log.ok()) return log.status();
  return ReceiptInclusion(*log, decision_id, commitment);
}

Result<json> ParticipationService::Sortition(const std::string& process_id, const json& in,
                                             const Caller& caller) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  if (!IsConvener(process->doc, caller)) return NotConvener(process_id, "draw by lot");
  auto input = ParseSortition(in);
  if (!input.ok()) return input.status();
  auto draw = Draw(*input);
  if (!draw.ok()) return draw.status();
  const std::string at = FormatTimestamp(clock_.Now());
  Status s = store_.InTransaction([&]() -> Status {
    auto log = ReadLog(store_, process_id, nullptr);
    if (!log.ok()) return log.status();
    for (const LogEntry& e : *log) {
      if (e.kind == "sortition" && e.body.value("id", "") == input->id) {
        return Conflict("sortition '" + input->id + "' was drawn already (entry " +
                        std::to_string(e.seq) + "); a draw is never repeated");
      }
    }
    auto e = Append(store_, process_id, "sortition", *draw, caller.who, at);
    return e.ok() ? Status::Ok() : e.status();
  });
  if (!s.ok()) return s;
  return *draw;
}

Result<json> ParticipationService::Log(const std::string& process_id, long long from_seq,
                                       long long limit) {
  auto process = LoadProcess(store_, process_id);
  if (!process.ok()) return process.status();
  auto rows = store_.DecisionLog(process_id, from_seq, limit);
  if (!rows.ok()) return rows.status();
  json out = json::array();
  for (const auto& r : *rows) out.push_back(EntryJson(FromRow(r, nullptr)));
  return out;
}

Result<VerifyReport> ParticipationService::VerifyProcess(const std::string& process_id) {
  auto exists = store_.GetParticipationRecord("process", process_id);
  if (!exists.ok()) return exists.status();
  if (!exists->has_value()) return NotFound("no process '" + process_id + "'");
  std::vector<Problem> parse_problems;
  auto log = ReadLog(store_, process_id, &parse_problems);
  if (!log.ok()) return log.status();
  auto versions = store_.ProcessRecordVersions(process_id);
  if (!versions.ok()) return versions.status();
  std::vector<StoredVersion> stored;
  stored.reserve(versions->size());
  for (const auto& v : *versions) {
    stored.push_back({v.kind, v.id, v.version, Sha256Hex(v.doc), v.deleted});
  }
  VerifyReport report = VerifyLog(*log, stored);
  if (!parse_problems.empty()) {
    report.ok = false;
    report.problems.insert(report.problems.begin(), parse_problems.begin(), parse_problems.end());
  }
  return report;
}

Result<json> ParticipationService::RunProcessScript(const json& script, const Caller& caller) {
  if (!script.is_object() || !script.contains("steps") || !script["steps"].is_array() ||
      script["steps"].empty() || !script["steps"][0].contains("process")) {
    return Bad("steps: a list of steps whose first is {\"process\": the process document}");
  }
  const json& steps = script["steps"];
  const std::string id = steps[0]["process"].value("id", "");
  auto existing = store_.GetParticipationRecord("process", id);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return json{{"process", id}, {"created", false}, {"steps", 0}};
  }
  Status s = store_.InTransaction([&]() -> Status {
    for (size_t i = 0; i < steps.size(); ++i) {
      const json& step = steps[i];
      if (!step.is_object() || step.size() != 1) {
        return Bad("steps[" + std::to_string(i) +
                   "]: one of process, phase, item, open, vote, "
                   "paper, close, draw");
      }
      const std::string what = step.begin().key();
      const json& arg = step.begin().value();
      Result<json> done = Bad("steps[" + std::to_string(i) + "]: '" + what +
                              "' is not a step (process, phase, item, open, vote, paper, close, "
                              "draw)");
      if (what == "process") done = PutProcess(arg, 0, caller);
      if (what == "phase")
        done = SetPhase(id, arg.is_string() ? arg.get<std::string>() : "", caller);
      if (what == "item")
        done = PutItem(id, arg.value("kind", ""), arg.value("doc", json()), 0, caller);
      if (what == "open") done = OpenDecision(id, arg, caller);
      if (what == "vote") {
        done = CastBallot(id, arg.value("decision", ""), arg.value("as", ""),
                          arg.value("ballot", json()), caller);
      }
      if (what == "paper") done = AddPaperBallots(id, arg.value("decision", ""), arg, caller);
      if (what == "close") {
        done = CloseDecision(id, arg.is_string() ? arg.get<std::string>() : "", caller);
      }
      if (what == "draw") done = Sortition(id, arg, caller);
      if (!done.ok()) return done.status().WithContext("steps[" + std::to_string(i) + "]." + what);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return json{{"process", id}, {"created", true}, {"steps", steps.size()}};
}

}  // namespace ecosol::participation
