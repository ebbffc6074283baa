// VerifyLog on a log written as the service writes it, then tampered with in each way an
// auditor must catch; and ReceiptInclusion for a voter holding a receipt.

#include <gtest/gtest.h>

#include <algorithm>

#include "ecosol/participation/records.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

struct Sealed {
  json ballot;
  std::string nonce;
  std::string commitment;
};

Sealed Seal(const std::string& decision, const json& ballot) {
  Sealed s{ballot, NewNonce(), ""};
  s.commitment = *BallotCommitment(decision, ballot, s.nonce);
  return s;
}

json Version(const std::string& id, const std::string& doc) {
  return {{"id", id}, {"version", 1}, {"doc_sha256", Sha256Hex(doc)}, {"deleted", false}};
}

// The close of a decision as the service writes it; secret decisions sort the ballots.
json CloseBody(const std::string& decision, json input, std::vector<Sealed> box, const json& paper,
               bool secret) {
  if (secret) {
    std::sort(box.begin(), box.end(),
              [](const Sealed& a, const Sealed& b) { return a.commitment < b.commitment; });
  }
  json ballots = json::array();
  std::vector<std::string> commitments;
  input["ballots"] = json::array();
  for (const Sealed& s : box) {
    ballots.push_back({{"ballot", s.ballot}, {"nonce", s.nonce}, {"commitment", s.commitment}});
    commitments.push_back(s.commitment);
    input["ballots"].push_back(s.ballot);
  }
  for (const json& b : paper) input["ballots"].push_back(b);
  auto result = Tally(*ParseTallyInput(input));
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return {{"decision", decision},
          {"ballots", ballots},
          {"merkle_root", MerkleRoot(commitments)},
          {"roll_count", box.size()},
          {"result", *result}};
}

class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    stored_ = {{"process", "p1", 1, Sha256Hex("process v1"), false},
               {"proposal", "prop1", 1, Sha256Hex("proposal v1"), false}};
    const json d1_input = {{"method", "single_choice"}, {"options", {"yes", "no"}}};
    const json d2_input = {{"method", "approval"}, {"options", {"A", "B", "C"}}};
    const json paper = {{{"choice", "no"}, {"count", 2}, {"channel", "paper"}}};
    Add("process", Version("p1", "process v1"));  // 1
    json record = Version("prop1", "proposal v1");
    record["kind"] = "proposal";
    Add("record", record);  // 2
    Add("decision_opened", {{"decision", "d1"},
                            {"title", "Join the network?"},
                            {"secret", true},
                            {"input", d1_input},
                            {"roll", {"ana", "bob", "cid", "dan"}}});  // 3
    Add("decision_opened", {{"decision", "d2"},
                            {"title", "Projects"},
                            {"secret", false},
                            {"input", d2_input},
                            {"roll", json::array()}});  // 4
    SecretVote("d1", "ana", {{"choice", "yes"}});       // 5
    OpenVote("d2", "ana", {{"approve", {"A", "B"}}});   // 6
    SecretVote("d1", "bob", {{"choice", "yes"}});       // 7
    OpenVote("d2", "bob", {{"approve", {"B"}}});        // 8
    SecretVote("d1", "cid", {{"choice", "no"}});        // 9
    Add("paper_ballots", {{"decision", "d1"},
                          {"ballots", paper},
                          {"entered_by", "eve"},
                          {"note", "assembly of 1 March"}});                              // 10
    Add("decision_closed", CloseBody("d1", d1_input, box_["d1"], paper, true));           // 11
    Add("decision_closed", CloseBody("d2", d2_input, box_["d2"], json::array(), false));  // 12
    auto draw = Draw(*ParseSortition({{"id", "council"},
                                      {"seed", "dice: 3 1 6 6 2"},
                                      {"witnesses", {"ana"}},
                                      {"pool", {"ana", "bob", "cid"}},
                                      {"seats", 2}}));
    Add("sortition", *draw);  // 13
  }

  void Add(const std::string& kind, json body) {
    LogEntry e;
    e.process_id = "p1";
    e.kind = kind;
    e.body = std::move(body);
    e.who = "ana";
    e.at = "2025-03-01T10:" + std::to_string(10 + log_.size()) + ":00Z";
    ASSERT_TRUE(ChainEntry(log_.empty() ? nullptr : &log_.back(), &e).ok());
    log_.push_back(std::move(e));
  }
  void SecretVote(const std::string& d, const std::string& voter, const json& ballot) {
    box_[d].push_back(Seal(d, ballot));
    Add("voted", {{"decision", d}, {"voter", voter}, {"channel", "online"}});
  }
  void OpenVote(const std::string& d, const std::string& voter, const json& ballot) {
    box_[d].push_back(Seal(d, ballot));
    const Sealed& s = box_[d].back();
    Add("voted", {{"decision", d},
                  {"voter", voter},
                  {"channel", "online"},
                  {"ballot", s.ballot},
                  {"nonce", s.nonce},
                  {"commitment", s.commitment}});
  }
  // What someone with write access to the store would do to hide a change: hash again.
  void Rechain() {
    for (size_t i = 0; i < log_.size(); ++i) {
      ASSERT_TRUE(ChainEntry(i == 0 ? nullptr : &log_[i - 1], &log_[i]).ok());
    }
  }
  LogEntry& At(long long seq) { return log_[static_cast<size_t>(seq - 1)]; }
  VerifyReport Verify() { return VerifyLog(log_, stored_); }

  std::vector<LogEntry> log_;
  std::vector<StoredVersion> stored_;
  std::map<std::string, std::vector<Sealed>> box_;
};

// The problems of a report as "seq kind" lines, for readable failures.
std::string Lines(const VerifyReport& r) {
  std::string out;
  for (const Problem& p : r.problems) {
    out += std::to_string(p.seq) + " " + p.kind + ": " + p.message + "\n";
  }
  return out;
}

bool Has(const VerifyReport& r, long long seq, const std::string& kind) {
  return std::any_of(r.problems.begin(), r.problems.end(),
                     [&](const Problem& p) { return p.seq == seq && p.kind == kind; });
}

const Problem* Find(const VerifyReport& r, const std::string& kind) {
  for (const Problem& p : r.problems) {
    if (p.kind == kind) return &p;
  }
  return nullptr;
}

TEST_F(VerifyTest, ALogAsWrittenVerifies) {
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << Lines(r);
  EXPECT_EQ(r.entries, 13);
  EXPECT_EQ(r.head_hash, log_.back().hash);
  EXPECT_EQ(r.decisions_closed, 2);
  EXPECT_EQ(r.sortitions, 1);
  EXPECT_EQ(r.records, 2);
  json out = ToJson(r);
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["problems"], json::array());
  EXPECT_EQ(out["head_hash"], log_.back().hash);
  // The paper ballots counted: 2 online yes, 1 online no, 2 paper no.
  EXPECT_EQ(At(11).body["result"]["winners"], json::array({"no"}));
}

TEST_F(VerifyTest, AChangedBodyBreaksItsHash) {
  At(5).body["voter"] = "dan";
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, 5, "hash")) << Lines(r);
  EXPECT_EQ(r.problems.size(), 1u) << Lines(r);
  EXPECT_NE(r.problems[0].message.find("entry 5 (voted): its hash is"), std::string::npos);
}

TEST_F(VerifyTest, AChangedHashBreaksItAndTheNextLink) {
  At(6).hash = Sha256Hex("forged");
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 6, "hash")) << Lines(r);
  EXPECT_TRUE(Has(r, 7, "prev_hash")) << Lines(r);
}

TEST_F(VerifyTest, ARemovedEntryLeavesAGap) {
  log_.erase(log_.begin() + 6);  // seq 7: bob's vote in d1
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 8, "seq")) << Lines(r);
  EXPECT_TRUE(Has(r, 8, "prev_hash")) << Lines(r);
  EXPECT_TRUE(Has(r, 11, "ballot_count")) << Lines(r);
}

TEST_F(VerifyTest, SwappedEntriesAreOutOfOrder) {
  std::swap(log_[4], log_[5]);
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 6, "seq")) << Lines(r);
  EXPECT_TRUE(Has(r, 5, "seq")) << Lines(r);
  EXPECT_TRUE(Has(r, 5, "prev_hash")) << Lines(r);
}

TEST_F(VerifyTest, AChangedResultFailsTheRecountEvenRehashed) {
  At(11).body["result"]["winners"] = {"yes"};
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 11, "result")) << Lines(r);
  EXPECT_EQ(r.problems.size(), 1u) << Lines(r);
  EXPECT_NE(r.problems[0].message.find("in: winners"), std::string::npos) << Lines(r);
  EXPECT_EQ(r.decisions_closed, 1);
}

TEST_F(VerifyTest, AChangedBallotInASecretCloseBreaksItsCommitment) {
  json& ballot = At(11).body["ballots"][0]["ballot"];
  ballot["choice"] = ballot["choice"] == "yes" ? "no" : "yes";
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 11, "commitment")) << Lines(r);
  EXPECT_TRUE(Has(r, 11, "result")) << Lines(r);
}

TEST_F(VerifyTest, AChangedBallotInAnOpenCloseBreaksItsCommitment) {
  At(12).body["ballots"][0]["ballot"] = {{"approve", {"C"}}};
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 12, "commitment")) << Lines(r);
}

TEST_F(VerifyTest, ACommitmentThatMatchesNothing) {
  At(12).body["ballots"][1]["commitment"] = Sha256Hex("forged");
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 12, "commitment")) << Lines(r);
  EXPECT_TRUE(Has(r, 12, "merkle_root")) << Lines(r);
  EXPECT_TRUE(Has(r, 12, "ballot_missing")) << Lines(r);
  EXPECT_TRUE(Has(r, 12, "ballot_extra")) << Lines(r);
}

TEST_F(VerifyTest, AChangedMerkleRoot) {
  At(11).body["merkle_root"] = MerkleRoot({"x"});
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 11, "merkle_root")) << Lines(r);
  EXPECT_EQ(r.problems.size(), 1u) << Lines(r);
}

TEST_F(VerifyTest, ASecondVoteBySameVoter) {
  LogEntry again = At(5);
  log_.insert(log_.begin() + 9, again);  // becomes entry 10, before the paper ballots
  Rechain();
  VerifyReport r = Verify();
  const Problem* p = Find(r, "voted_twice");
  ASSERT_NE(p, nullptr) << Lines(r);
  EXPECT_EQ(p->seq, 10);
  EXPECT_EQ(p->message,
            "entry 10 (voted): voter 'ana' voted twice in decision 'd1' (first at "
            "entry 5)");
}

TEST_F(VerifyTest, AVoteAfterTheClose) {
  Add("voted", {{"decision", "d1"}, {"voter", "dan"}, {"channel", "online"}});
  VerifyReport r = Verify();
  const Problem* p = Find(r, "after_close");
  ASSERT_NE(p, nullptr) << Lines(r);
  EXPECT_EQ(p->message,
            "entry 14 (voted): voter 'dan' voted in decision 'd1' after it closed at "
            "entry 11");
}

TEST_F(VerifyTest, AVoterOffTheRoll) {
  At(9).body["voter"] = "zoe";
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 9, "not_on_roll")) << Lines(r);
}

TEST_F(VerifyTest, ASecretVoteMustNotCarryItsBallot) {
  At(5).body["ballot"] = {{"choice", "yes"}};
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 5, "secret_exposed")) << Lines(r);
}

TEST_F(VerifyTest, ASecretClosesItsBallotsSortedByCommitment) {
  json& ballots = At(11).body["ballots"];
  std::reverse(ballots.begin(), ballots.end());
  std::vector<std::string> commitments;
  for (const json& b : ballots) commitments.push_back(b["commitment"]);
  At(11).body["merkle_root"] = MerkleRoot(commitments);
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 11, "order")) << Lines(r);
  EXPECT_EQ(r.problems.size(), 1u) << Lines(r);
}

TEST_F(VerifyTest, ABallotDroppedFromTheClose) {
  json& ballots = At(11).body["ballots"];
  ballots.erase(ballots.begin());
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 11, "ballot_count")) << Lines(r);
  EXPECT_TRUE(Has(r, 11, "merkle_root")) << Lines(r);
}

TEST_F(VerifyTest, AChangedSortitionSelection) {
  json& selected = At(13).body["selected"];
  const std::string left_out = selected[0] != "ana" && selected[1] != "ana"   ? "ana"
                               : selected[0] != "bob" && selected[1] != "bob" ? "bob"
                                                                              : "cid";
  selected[0] = left_out;
  Rechain();
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 13, "sortition")) << Lines(r);
  EXPECT_EQ(r.sortitions, 0);
}

TEST_F(VerifyTest, AStoredVersionWithoutEntry) {
  stored_.push_back({"proposal", "prop2", 1, Sha256Hex("proposal 2"), false});
  VerifyReport r = Verify();
  const Problem* p = Find(r, "unlogged");
  ASSERT_NE(p, nullptr) << Lines(r);
  EXPECT_EQ(p->seq, 0);
  EXPECT_NE(p->message.find("proposal 'prop2' version 1"), std::string::npos);
}

TEST_F(VerifyTest, AStoredVersionChangedOutsideTheLog) {
  stored_[1].doc_sha256 = Sha256Hex("proposal v1, edited in the database");
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 2, "stored_differs")) << Lines(r);
  EXPECT_EQ(r.records, 1);
}

TEST_F(VerifyTest, AnEntryWithoutItsStoredVersion) {
  stored_.erase(stored_.begin());
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 1, "unstored")) << Lines(r);
}

TEST_F(VerifyTest, EveryProblemIsReported) {
  At(11).body["merkle_root"] = MerkleRoot({"x"});
  At(12).body["result"]["winners"] = json::array();
  Rechain();
  stored_.push_back({"proposal", "prop2", 1, Sha256Hex("proposal 2"), false});
  VerifyReport r = Verify();
  EXPECT_TRUE(Has(r, 11, "merkle_root")) << Lines(r);
  EXPECT_TRUE(Has(r, 12, "result")) << Lines(r);
  EXPECT_TRUE(Has(r, 0, "unlogged")) << Lines(r);
  EXPECT_EQ(ToJson(r)["problems"].size(), 3u);
}

TEST_F(VerifyTest, ReceiptOfASecretDecisionProvesInclusion) {
  for (const Sealed& s : box_["d1"]) {
    auto receipt = ReceiptInclusion(log_, "d1", s.commitment);
    ASSERT_TRUE(receipt.ok()) << receipt.status().ToString();
    EXPECT_EQ((*receipt)["included"], true);
    EXPECT_EQ((*receipt)["closed"], true);
    EXPECT_EQ((*receipt)["closed_seq"], 11);
    EXPECT_EQ((*receipt)["closed_hash"], At(11).hash);
    EXPECT_TRUE(VerifyMerkleProof(s.commitment, (*receipt)["index"], (*receipt)["tree_size"],
                                  (*receipt)["proof"], (*receipt)["merkle_root"]));
  }
}

TEST_F(VerifyTest, ReceiptOfAnOpenDecisionProvesInclusion) {
  const Sealed& s = box_["d2"][1];
  auto receipt = ReceiptInclusion(log_, "d2", s.commitment);
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ((*receipt)["included"], true);
  EXPECT_EQ((*receipt)["index"], 1);
  EXPECT_EQ((*receipt)["tree_size"], 2);
  EXPECT_TRUE(
      VerifyMerkleProof(s.commitment, 1, 2, (*receipt)["proof"], At(12).body["merkle_root"]));
}

TEST_F(VerifyTest, ReceiptBeforeTheCloseOrNotInTheTree) {
  std::vector<LogEntry> before_close(log_.begin(), log_.begin() + 10);
  auto open = ReceiptInclusion(before_close, "d1", box_["d1"][0].commitment);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ((*open)["closed"], false);
  EXPECT_EQ((*open)["included"], false);
  auto missing = ReceiptInclusion(log_, "d1", Sha256Hex("not a ballot"));
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ((*missing)["closed"], true);
  EXPECT_EQ((*missing)["included"], false);
  // A receipt of d2 is not one of d1.
  EXPECT_EQ((*ReceiptInclusion(log_, "d1", box_["d2"][0].commitment))["included"], false);
  EXPECT_EQ(ReceiptInclusion(log_, "d9", Sha256Hex("x")).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReceiptInclusion(log_, "d1", "ABC").status().code(), StatusCode::kInvalidArgument);
}

TEST(VerifyLogTest, AnEmptyLogWithNothingStoredIsConsistent) {
  VerifyReport r = VerifyLog({}, {});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.entries, 0);
  EXPECT_EQ(r.head_hash, GenesisHash());
}

}  // namespace
}  // namespace ecosol::participation
