// The decisions of a log replayed (verify_decisions.h). A secret decision's "voted" entries
// only sign the roll; its ballots appear once, in the close, sorted by commitment. An open
// decision's ballots appear twice, in the votes and in the close, and must agree. Either way
// the close's commitments are recomputed, its Merkle root rebuilt and its result recounted.

#include "verify_decisions.h"

#include <algorithm>

#include "ecosol/participation/tally.h"
#include "records_internal.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The first 12 hex digits, enough for a person to tell commitments apart.
std::string Short(const std::string& hash) { return hash.substr(0, 12); }

std::string Seq(long long seq) { return "entry " + std::to_string(seq); }

// The top-level keys in which two results differ, for a message that says where to look.
std::string DifferingKeys(const json& a, const json& b) {
  std::set<std::string> keys;
  if (a.is_object()) {
    for (const auto& item : a.items()) keys.insert(item.key());
  }
  if (b.is_object()) {
    for (const auto& item : b.items()) keys.insert(item.key());
  }
  std::string out;
  for (const std::string& k : keys) {
    if (Field(a, k.c_str()) != Field(b, k.c_str())) out += (out.empty() ? "" : ", ") + k;
  }
  return out.empty() ? "the whole result" : out;
}

}  // namespace

bool DecisionChecker::Check(const LogEntry& e) {
  if (e.kind == "decision_opened") {
    Opened(e);
  } else if (e.kind == "voted") {
    Voted(e);
  } else if (e.kind == "paper_ballots") {
    Paper(e);
  } else if (e.kind == "decision_closed") {
    Closed(e);
  } else {
    return false;
  }
  return true;
}

void DecisionChecker::Opened(const LogEntry& e) {
  const std::string id = StringField(e.body, "decision");
  if (id.empty()) return problems_->Add(e, "body", "it names no decision");
  const auto found = decisions_.find(id);
  if (found != decisions_.end()) {
    return problems_->Add(e, "opened_twice",
                          "decision " + Quote(id) + " is opened again (first at " +
                              Seq(found->second.opened_seq) + ")");
  }
  Decision& d = decisions_[id];
  d.opened_seq = e.seq;
  d.secret = Field(e.body, "secret") == true;
  d.input = Field(e.body, "input");
  if (!d.input.is_object()) {
    problems_->Add(e, "body", "decision " + Quote(id) + " has no tally input (an object)");
  }
  const json& roll = Field(e.body, "roll");
  if (!roll.is_array()) return;
  for (const json& voter : roll) {
    if (voter.is_string()) d.roll.insert(voter.get<std::string>());
  }
}

DecisionChecker::Decision* DecisionChecker::OpenDecision(const LogEntry& e, const std::string& id,
                                                         const char* what) {
  const auto found = decisions_.find(id);
  if (found == decisions_.end()) {
    problems_->Add(e, "not_opened",
                   std::string(what) + " decision " + Quote(id) + ", which was not opened before");
    return nullptr;
  }
  if (found->second.closed_seq != 0) {
    problems_->Add(e, "after_close",
                   std::string(what) + " decision " + Quote(id) + " after it closed at " +
                       Seq(found->second.closed_seq));
    return nullptr;
  }
  return &found->second;
}

void DecisionChecker::Voted(const LogEntry& e) {
  const std::string id = StringField(e.body, "decision");
  const std::string voter = StringField(e.body, "voter");
  if (voter.empty()) return problems_->Add(e, "body", "it names no voter");
  Decision* d = OpenDecision(e, id, ("voter " + Quote(voter) + " voted in").c_str());
  if (d == nullptr) return;
  if (!d->roll.empty() && d->roll.count(voter) == 0) {
    problems_->Add(e, "not_on_roll",
                   "voter " + Quote(voter) + " is not on the roll of decision " + Quote(id));
  }
  const auto [first, fresh] = d->voters.emplace(voter, e.seq);
  if (!fresh) {
    return problems_->Add(e, "voted_twice",
                          "voter " + Quote(voter) + " voted twice in decision " + Quote(id) +
                              " (first at " + Seq(first->second) + ")");
  }
  Vote vote{e.seq, voter, ""};
  if (!d->secret) {
    CheckOpenBallot(e, id, vote);
  } else if (e.body.contains("ballot") || e.body.contains("nonce") ||
             e.body.contains("commitment")) {
    problems_->Add(e, "secret_exposed",
                   "decision " + Quote(id) + " is secret but the vote of " + Quote(voter) +
                       " carries its ballot, nonce or commitment, which links it to the voter");
  }
  d->votes.push_back(std::move(vote));
}

void DecisionChecker::CheckOpenBallot(const LogEntry& e, const std::string& id, Vote& vote) {
  vote.commitment = StringField(e.body, "commitment");
  const std::string nonce = StringField(e.body, "nonce");
  if (!e.body.contains("ballot") || nonce.empty() || vote.commitment.empty()) {
    return problems_->Add(
        e, "body",
        "decision " + Quote(id) + " is open but the vote carries no ballot, nonce and commitment");
  }
  auto recomputed = BallotCommitment(id, e.body["ballot"], nonce);
  if (!recomputed.ok() || *recomputed != vote.commitment) {
    problems_->Add(e, "commitment",
                   "the commitment " + Short(vote.commitment) + " of " + Quote(vote.voter) +
                       "'s vote does not match its ballot and nonce (they give " +
                       (recomputed.ok() ? Short(*recomputed) : recomputed.status().message()) +
                       ")");
  }
}

void DecisionChecker::Paper(const LogEntry& e) {
  const std::string id = StringField(e.body, "decision");
  Decision* d = OpenDecision(e, id, "paper ballots entered for");
  if (d == nullptr) return;
  const json& ballots = Field(e.body, "ballots");
  if (!ballots.is_array()) return problems_->Add(e, "body", "its ballots are not an array");
  for (size_t i = 0; i < ballots.size(); ++i) {
    const std::string channel = StringField(ballots[i], "channel");
    if (channel != "paper" && channel != "in_person") {
      problems_->Add(e, "channel",
                     "ballots[" + std::to_string(i) + "] has channel " + Quote(channel) +
                         "; ballots counted outside Ecosol are paper or in_person");
    }
    d->paper.push_back(ballots[i]);
  }
}

void DecisionChecker::Closed(const LogEntry& e) {
  const std::string id = StringField(e.body, "decision");
  Decision* d = OpenDecision(e, id, "closing");
  if (d == nullptr) return;
  d->closed_seq = e.seq;
  const size_t before = problems_->list.size();
  const std::vector<std::string> commitments = ClosedCommitments(e, id);
  CheckAgainstVotes(e, id, *d, commitments);
  CheckTree(e, commitments);
  Recount(e, id, *d);
  if (problems_->list.size() == before) ++closed_ok_;
}

std::vector<std::string> DecisionChecker::ClosedCommitments(const LogEntry& e,
                                                            const std::string& id) {
  std::vector<std::string> out;
  const json& ballots = Field(e.body, "ballots");
  if (!ballots.is_array()) {
    problems_->Add(e, "body", "its ballots are not an array");
    return out;
  }
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < ballots.size(); ++i) {
    CheckClosedBallot(e, id, i, ballots[i]);
    out.push_back(StringField(ballots[i], "commitment"));
    const auto [first, fresh] = seen.emplace(out.back(), i);
    if (!fresh) {
      problems_->Add(e, "commitment_twice",
                     "ballots[" + std::to_string(i) + "] repeats the commitment " +
                         Short(out.back()) + " of ballots[" + std::to_string(first->second) + "]");
    }
  }
  return out;
}

void DecisionChecker::CheckClosedBallot(const LogEntry& e, const std::string& id, size_t i,
                                        const json& b) {
  const std::string where = "ballots[" + std::to_string(i) + "]";
  const std::string commitment = StringField(b, "commitment");
  auto recomputed = BallotCommitment(id, Field(b, "ballot"), StringField(b, "nonce"));
  if (!recomputed.ok() || *recomputed != commitment) {
    problems_->Add(e, "commitment",
                   where + ": the commitment " + Short(commitment) +
                       " does not match the ballot and nonce beside it (they give " +
                       (recomputed.ok() ? Short(*recomputed) : recomputed.status().message()) +
                       "): a ballot or its commitment was changed");
  }
  const json& ballot = Field(b, "ballot");
  const json& count = Field(ballot, "count");
  if (!count.is_null() && count != 1) {
    problems_->Add(
        e, "ballot_count",
        where + ": an online ballot stands for one voter but its count is " + count.dump());
  }
  const std::string channel = StringField(ballot, "channel");
  if (!channel.empty() && channel != "online") {
    problems_->Add(e, "channel",
                   where + ": an online ballot has channel " + Quote(channel) +
                       "; paper and in-person ballots go in paper_ballots entries");
  }
}

void DecisionChecker::CheckAgainstVotes(const LogEntry& e, const std::string& id, const Decision& d,
                                        const std::vector<std::string>& commitments) {
  if (commitments.size() != d.votes.size()) {
    problems_->Add(e, "ballot_count",
                   "decision " + Quote(id) + " closes with " + std::to_string(commitments.size()) +
                       " ballots but " + std::to_string(d.votes.size()) +
                       " voters signed its roll");
  }
  const json& roll_count = Field(e.body, "roll_count");
  if (roll_count != d.votes.size()) {
    problems_->Add(e, "roll_count",
                   "its roll_count is " + roll_count.dump() + " but " +
                       std::to_string(d.votes.size()) + " 'voted' entries name decision " +
                       Quote(id));
  }
  if (d.secret) {
    for (size_t i = 1; i < commitments.size(); ++i) {
      if (commitments[i - 1] < commitments[i]) continue;
      problems_->Add(e, "order",
                     "decision " + Quote(id) +
                         " is secret but its ballots are not sorted by "
                         "commitment (ballots[" +
                         std::to_string(i) +
                         "] comes after a larger or "
                         "equal one), so their order could link a ballot to its voter");
      break;
    }
    return;
  }
  std::multiset<std::string> closed(commitments.begin(), commitments.end());
  for (const Vote& v : d.votes) {
    const auto found = closed.find(v.commitment);
    if (found != closed.end()) {
      closed.erase(found);
      continue;
    }
    problems_->Add(e, "ballot_missing",
                   "the ballot of " + Quote(v.voter) + " (" + Seq(v.seq) + ", commitment " +
                       Short(v.commitment) + ") is not among the closed ballots");
  }
  for (const std::string& extra : closed) {
    problems_->Add(e, "ballot_extra",
                   "the closed ballot with commitment " + Short(extra) +
                       " matches no 'voted' entry of decision " + Quote(id));
  }
}

void DecisionChecker::CheckTree(const LogEntry& e, const std::vector<std::string>& commitments) {
  const std::string recorded = StringField(e.body, "merkle_root");
  const std::string rebuilt = MerkleRoot(commitments);
  if (recorded != rebuilt) {
    problems_->Add(e, "merkle_root",
                   "its merkle_root is " + recorded + " but the tree of its " +
                       std::to_string(commitments.size()) + " commitments has root " + rebuilt);
  }
}

void DecisionChecker::Recount(const LogEntry& e, const std::string& id, const Decision& d) {
  json input = d.input.is_object() ? d.input : json::object();
  json ballots = json::array();
  for (const json& b : Field(e.body, "ballots")) ballots.push_back(Field(b, "ballot"));
  for (const json& b : d.paper) ballots.push_back(b);
  input["ballots"] = std::move(ballots);
  auto parsed = ParseTallyInput(input);
  auto result = parsed.ok() ? Tally(std::move(*parsed)) : Result<json>(parsed.status());
  if (!result.ok()) {
    return problems_->Add(
        e, "recount",
        "decision " + Quote(id) + " cannot be recounted: " + result.status().message());
  }
  const json& recorded = Field(e.body, "result");
  auto a = CanonicalJson(recorded);
  auto b = CanonicalJson(*result);
  if (a.ok() && b.ok() && *a == *b) return;
  problems_->Add(e, "result",
                 "the recorded result of decision " + Quote(id) +
                     " differs from the recount (in: " + DifferingKeys(recorded, *result) +
                     "); recorded winners " + Field(recorded, "winners").dump() + ", recount " +
                     Field(*result, "winners").dump());
}

}  // namespace ecosol::participation
