// VerifyLog (records.h): walks a process's log once, checking the chain entry by entry and
// replaying what each entry claims (votes, closes, sortitions, stored versions). It never stops
// at the first problem: an auditor wants the whole list, and one tampered entry usually shows
// in several places (its own hash, the next entry's prev_hash, a recount).

#include <map>
#include <set>
#include <tuple>

#include "ecosol/participation/records.h"
#include "records_internal.h"
#include "verify_decisions.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::string List(const json& ids) {
  std::string out;
  if (!ids.is_array()) return ids.dump();
  for (const json& id : ids)
    out += (out.empty() ? "" : ", ") + (id.is_string() ? id.get<std::string>() : id.dump());
  return "[" + out + "]";
}

using VersionKey = std::tuple<std::string, std::string, long long>;

std::string Describe(const VersionKey& key) {
  return std::get<0>(key) + " " + Quote(std::get<1>(key)) + " version " +
         std::to_string(std::get<2>(key));
}

class Verifier {
 public:
  explicit Verifier(const std::vector<StoredVersion>& stored) : decisions_(&problems_) {
    for (const StoredVersion& v : stored) stored_[{v.kind, v.id, v.version}] = &v;
  }

  VerifyReport Run(const std::vector<LogEntry>& entries) {
    report_.entries = static_cast<long long>(entries.size());
    report_.head_hash = entries.empty() ? GenesisHash() : entries.back().hash;
    CheckChain(entries);
    for (const LogEntry& e : entries) CheckEntry(e);
    CheckUnlogged();
    report_.decisions_closed = decisions_.closed_ok();
    report_.problems = problems_.list;
    report_.ok = report_.problems.empty();
    return std::move(report_);
  }

 private:
  void CheckChain(const std::vector<LogEntry>& entries) {
    for (size_t i = 0; i < entries.size(); ++i) {
      const LogEntry& e = entries[i];
      const auto position = static_cast<long long>(i + 1);
      if (e.seq != position) {
        problems_.Add(e, "seq",
                      "it stands at position " + std::to_string(position) + " of the log but " +
                          "its seq is " + std::to_string(e.seq) +
                          ": an entry is missing, repeated or out of order");
      }
      if (e.process_id != entries.front().process_id) {
        problems_.Add(e, "process_id",
                      "it belongs to process " + Quote(e.process_id) + ", not to " +
                          Quote(entries.front().process_id) + " as the first entry does");
      }
      CheckLinks(e, i == 0 ? nullptr : &entries[i - 1]);
    }
  }

  void CheckLinks(const LogEntry& e, const LogEntry* previous) {
    const std::string expected = previous == nullptr ? GenesisHash() : previous->hash;
    if (e.prev_hash != expected) {
      problems_.Add(e, "prev_hash",
                    "its prev_hash is " + e.prev_hash + " but " +
                        (previous == nullptr ? "the first entry's must be 64 zeros"
                                             : "the entry before it has hash " + expected));
    }
    auto hash = EntryHash(e);
    if (!hash.ok()) {
      problems_.Add(e, "hash", "it cannot be hashed: " + hash.status().message());
    } else if (*hash != e.hash) {
      problems_.Add(e, "hash",
                    "its hash is " + e.hash + " but its content hashes to " + *hash +
                        ": the entry was changed after it was written");
    }
  }

  void CheckEntry(const LogEntry& e) {
    if (!e.body.is_object()) {
      problems_.Add(e, "body", "its body is not a JSON object: " + e.body.dump());
      return;
    }
    if (e.kind == "process" || e.kind == "record") return CheckVersion(e);
    if (e.kind == "sortition") return CheckSortition(e);
    if (!decisions_.Check(e)) {
      problems_.Add(e, "kind",
                    "unknown kind " + Quote(e.kind) +
                        "; a log has process, record, decision_opened, voted, paper_ballots, "
                        "decision_closed and sortition entries");
    }
  }

  void CheckVersion(const LogEntry& e) {
    const std::string kind = e.kind == "process" ? "process" : StringField(e.body, "kind");
    const json& version = Field(e.body, "version");
    if (kind.empty() || StringField(e.body, "id").empty() || !version.is_number_integer()) {
      problems_.Add(e, "body", "it does not name what was put (kind, id and a whole version)");
      return;
    }
    const VersionKey key{kind, StringField(e.body, "id"), version.get<long long>()};
    const auto [first, fresh] = logged_.emplace(key, e.seq);
    if (!fresh) {
      problems_.Add(
          e, "version_twice",
          Describe(key) + " is already recorded at entry " + std::to_string(first->second));
      return;
    }
    const auto stored = stored_.find(key);
    if (stored == stored_.end()) {
      problems_.Add(e, "unstored",
                    Describe(key) + " is not in the store: it was removed or never kept");
      return;
    }
    CompareStored(e, key, *stored->second);
  }

  void CompareStored(const LogEntry& e, const VersionKey& key, const StoredVersion& stored) {
    const std::string logged = StringField(e.body, "doc_sha256");
    const json& deleted = Field(e.body, "deleted");
    bool same = true;
    if (logged != stored.doc_sha256) {
      problems_.Add(e, "stored_differs",
                    "the store's " + Describe(key) + " hashes to " + stored.doc_sha256 +
                        " but the log recorded " + logged +
                        ": the document was changed outside the log");
      same = false;
    }
    if (!deleted.is_boolean() || deleted.get<bool>() != stored.deleted) {
      problems_.Add(e, "stored_differs",
                    "the store's " + Describe(key) + " is " +
                        (stored.deleted ? "deleted" : "not deleted") + " but the log says " +
                        (deleted.is_boolean() && deleted.get<bool>() ? "deleted" : "not deleted"));
      same = false;
    }
    if (same) ++report_.records;
  }

  void CheckUnlogged() {
    for (const auto& [key, stored] : stored_) {
      if (logged_.count(key) == 0) {
        problems_.Add(0, "unlogged",
                      Describe(key) + " is in the store but no entry of the log records it");
      }
    }
  }

  void CheckSortition(const LogEntry& e) {
    const std::string id = StringField(e.body, "id");
    const auto [first, fresh] = sortitions_.emplace(id, e.seq);
    if (!fresh) {
      problems_.Add(e, "sortition_twice",
                    "sortition " + Quote(id) + " is drawn again (first at entry " +
                        std::to_string(first->second) + "); a draw is never repeated");
    }
    json in = e.body;
    for (const char* key : {"pool_sha256", "selected", "ranks"}) in.erase(key);
    auto input = ParseSortition(in);
    auto redraw = input.ok() ? Draw(*input) : Result<json>(input.status());
    if (!redraw.ok()) {
      problems_.Add(e, "sortition",
                    "sortition " + Quote(id) + " cannot be redrawn: " + redraw.status().message());
      return;
    }
    const size_t before = problems_.list.size();
    CompareDraw(e, id, *redraw, "selected");
    CompareDraw(e, id, *redraw, "pool_sha256");
    if (e.body.contains("ranks")) CompareDraw(e, id, *redraw, "ranks");
    if (problems_.list.size() == before && fresh) ++report_.sortitions;
  }

  void CompareDraw(const LogEntry& e, const std::string& id, const json& redraw, const char* key) {
    const json& recorded = Field(e.body, key);
    if (recorded == redraw[key]) return;
    const bool lists = std::string(key) == "selected";
    problems_.Add(e, "sortition",
                  "sortition " + Quote(id) + ": the recorded " + key + " " +
                      (lists ? List(recorded) : recorded.dump()) + " differs from the redraw's " +
                      (lists ? List(redraw[key]) : redraw[key].dump()));
  }

  VerifyReport report_;
  Problems problems_;
  DecisionChecker decisions_;
  std::map<VersionKey, const StoredVersion*> stored_;
  std::map<VersionKey, long long> logged_;  // each version recorded -> its entry's seq
  std::map<std::string, long long> sortitions_;
};

}  // namespace

void Problems::Add(const LogEntry& e, std::string kind, const std::string& message) {
  Add(e.seq, std::move(kind), "entry " + std::to_string(e.seq) + " (" + e.kind + "): " + message);
}

void Problems::Add(long long seq, std::string kind, std::string message) {
  list.push_back({seq, std::move(kind), std::move(message)});
}

VerifyReport VerifyLog(const std::vector<LogEntry>& entries,
                       const std::vector<StoredVersion>& stored) {
  return Verifier(stored).Run(entries);
}

json ToJson(const VerifyReport& report) {
  json problems = json::array();
  for (const Problem& p : report.problems) {
    problems.push_back({{"seq", p.seq}, {"kind", p.kind}, {"message", p.message}});
  }
  return {{"ok", report.ok},
          {"entries", report.entries},
          {"head_hash", report.head_hash},
          {"decisions_closed", report.decisions_closed},
          {"sortitions", report.sortitions},
          {"records", report.records},
          {"problems", problems}};
}

}  // namespace ecosol::participation
