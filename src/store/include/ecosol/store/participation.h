#pragma once

// What the store keeps for participatory processes (docs/participation.md, store migration 15):
//   - versioned JSON documents by kind and id (the process, its proposals, amendments, comments,
//     institutional responses, accountability results and decisions), every version kept;
//   - each process's decision log, hash-chained (participation/records.h defines the hashes; the
//     store keeps the rows and orders appends), with its head (last seq and hash) in one row;
//   - the ballot box of secret decisions: ballots with their commitment and nonce, and nothing
//     that names or dates the voter, kept apart from the voter roll (the log's "voted" entries).

#include <string>

namespace ecosol::store {

// One version of a participation document.
struct ParticipationRecord {
  std::string kind;        // "process", "proposal", "amendment", "comment", "response", ...
  std::string id;          // unique within its kind
  long long version = 0;   // set by PutParticipationRecord: 1, 2, ...
  std::string process_id;  // the process it belongs to (its own id for a process)
  std::string parent;      // what it answers (a proposal's id), or empty
  std::string doc;         // JSON
  std::string who;
  std::string at;        // ISO 8601 timestamp
  bool deleted = false;  // a deletion is a version too: putting it again restores it
};

// Which heads ParticipationRecords lists: one kind; an empty process_id or parent is any.
struct ParticipationQuery {
  std::string kind;
  std::string process_id;
  std::string parent;
  bool with_deleted = false;
};

// One row of a process's decision log (participation::LogEntry, with its body as JSON text).
struct DecisionLogRow {
  std::string process_id;
  long long seq = 0;
  std::string kind;
  std::string body;  // JSON object
  std::string who;
  std::string at;
  std::string prev_hash;
  std::string hash;
};

// A secret ballot waiting for its decision to close.
struct BoxedBallot {
  std::string process_id;
  std::string decision_id;
  std::string commitment;  // participation::BallotCommitment
  std::string ballot;      // JSON
  std::string nonce;
};

}  // namespace ecosol::store
