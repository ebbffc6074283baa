#pragma once

// The decision part of VerifyLog (records.h), private to the module: replays the decisions of a
// log (opened, voted, paper ballots, closed) and recounts each closed one.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "ecosol/participation/records.h"

namespace ecosol::participation {

// The problems found so far, in the order found.
struct Problems {
  std::vector<Problem> list;
  // Adds a problem about entry `e`, its message prefixed "entry 7 (voted): ".
  void Add(const LogEntry& e, std::string kind, const std::string& message);
  // Adds a problem about the log as a whole (seq 0) or with its own wording.
  void Add(long long seq, std::string kind, std::string message);
};

// Fed the entries in log order. Not thread-safe.
class DecisionChecker {
 public:
  explicit DecisionChecker(Problems* problems) : problems_(problems) {}

  // Checks a decision_opened, voted, paper_ballots or decision_closed entry against the
  // entries before it; false (and nothing checked) for any other kind.
  bool Check(const LogEntry& e);
  // Decisions closed whose entry showed no problem, recount included.
  int closed_ok() const { return closed_ok_; }

 private:
  struct Vote {
    long long seq = 0;
    std::string voter;
    std::string commitment;  // open decisions only
  };
  struct Decision {
    long long opened_seq = 0;
    long long closed_seq = 0;
    bool secret = false;
    nlohmann::json input;                            // the tally input without ballots
    std::set<std::string> roll;                      // empty: any participant
    std::map<std::string, long long> voters;         // voter -> the seq of the vote
    std::vector<Vote> votes;                         // in log order
    nlohmann::json paper = nlohmann::json::array();  // ballots of paper_ballots entries
  };

  void Opened(const LogEntry& e);
  void Voted(const LogEntry& e);
  void CheckOpenBallot(const LogEntry& e, const std::string& id, Vote& vote);
  void Paper(const LogEntry& e);
  void Closed(const LogEntry& e);
  std::vector<std::string> ClosedCommitments(const LogEntry& e, const std::string& id);
  void CheckClosedBallot(const LogEntry& e, const std::string& id, size_t i,
                         const nlohmann::json& b);
  void CheckAgainstVotes(const LogEntry& e, const std::string& id, const Decision& d,
                         const std::vector<std::string>& commitments);
  void CheckTree(const LogEntry& e, const std::vector<std::string>& commitments);
  void Recount(const LogEntry& e, const std::string& id, const Decision& d);
  // The decision an entry names, when it is open; reports why not and returns null otherwise.
  Decision* OpenDecision(const LogEntry& e, const std::string& id, const char* what);

  Problems* problems_;
  std::map<std::string, Decision> decisions_;
  int closed_ok_ = 0;
};

}  // namespace ecosol::participation
