#pragma once

// Verifiable records of a participatory process (docs/participation.md, "Verifiable records"):
// a hash-chained decision log per process, ballot commitments that a voter keeps as a receipt,
// a Merkle tree (RFC 6962) over the commitments of a closed decision so that a receipt proves
// inclusion, sortition from a public seed that anyone can redraw, and the check of a whole log.
//
// The voter roll is kept apart from the ballots: for a secret decision a "voted" entry names
// the voter and nothing of the ballot; the ballots wait in a ballot box outside the log and
// enter it only when the decision closes, sorted by commitment, so that the order of the log
// does not link a ballot to its voter.
//
// Log entry kinds and their bodies (every body is a JSON object; the service writes them, the
// check below reads them):
//   "process"         {"id", "version", "doc_sha256", "deleted"}: the process document was put
//   "record"          {"kind", "id", "version", "doc_sha256", "deleted"}: a proposal, amendment,
//                     comment, response or result was put (kind says which)
//   "decision_opened" {"decision", "title", "secret": bool, "input": the tally input without
//                     "ballots", "roll": [voter ids] (empty: any participant)}
//   "voted"           {"decision", "voter", "channel"} and, for an open (not secret) decision,
//                     also {"ballot", "nonce", "commitment"}
//   "paper_ballots"   {"decision", "ballots": [tally ballots, channel "paper" or "in_person",
//                     with counts], "entered_by", "note"}: results counted outside Ecosol
//   "decision_closed" {"decision", "ballots": [{"ballot", "nonce", "commitment"}] (the online
//                     ballots; for a secret decision sorted by commitment), "merkle_root",
//                     "roll_count": the number of "voted" entries of the decision, "result":
//                     the Tally() output}
//   "sortition"       {"id", "seed", "witnesses", "pool", "seats", "quotas", "pool_sha256",
//                     "selected"}
//
// Hashes are SHA-256 (libsodium) as 64 lower-case hex digits. Thread safety: pure functions,
// except NewNonce, which reads the system's random source.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::participation {

std::string Sha256Hex(std::string_view bytes);

// The JSON text that is hashed: object keys sorted, no spaces, strings as UTF-8. Refuses
// (InvalidArgument) a NaN or infinite number, which has no JSON text.
Result<std::string> CanonicalJson(const nlohmann::json& value);

// One entry of a process's decision log.
struct LogEntry {
  std::string process_id;
  long long seq = 0;      // 1, 2, ... within the process
  std::string kind;       // above
  nlohmann::json body;    // an object
  std::string who;        // the account that wrote it, or empty
  std::string at;         // ISO 8601 UTC
  std::string prev_hash;  // the hash of entry seq - 1; GenesisHash() for seq 1
  std::string hash;       // EntryHash(*this)
};

// 64 zeros: the prev_hash of a process's first entry.
std::string GenesisHash();

// SHA-256 of "ecosol-decision-log/1\n" + process_id + "\n" + seq + "\n" + kind + "\n" + who +
// "\n" + at + "\n" + prev_hash + "\n" + CanonicalJson(body).
Result<std::string> EntryHash(const LogEntry& entry);

// Sets next's seq (previous's + 1, or 1), prev_hash and hash. `previous` is null for the first;
// only its seq and hash are read. InvalidArgument when next's body is not an object (or holds
// a NaN) or previous's hash is not 64 hex digits.
Status ChainEntry(const LogEntry* previous, LogEntry* next);

// 32 random bytes as 64 hex digits.
std::string NewNonce();

// SHA-256 of "ecosol-ballot/1\n" + decision_id + "\n" + nonce + "\n" + CanonicalJson(ballot).
Result<std::string> BallotCommitment(const std::string& decision_id, const nlohmann::json& ballot,
                                     const std::string& nonce);

// The Merkle tree hash of RFC 6962 (section 2.1) over the leaves (hex commitments, hashed as
// their bytes): leaf = SHA-256(0x00 || leaf), node = SHA-256(0x01 || left || right), split at
// the largest power of two below the size; the root of no leaves is SHA-256 of nothing.
std::string MerkleRoot(const std::vector<std::string>& leaves);
// The audit path of leaves[index] (RFC 6962 section 2.1.1), each a hex hash.
std::vector<std::string> MerkleProof(const std::vector<std::string>& leaves, size_t index);
bool VerifyMerkleProof(const std::string& leaf, size_t index, size_t tree_size,
                       const std::vector<std::string>& proof, const std::string& root);

// Sortition from a public seed. Each member of the pool is ranked by SHA-256("ecosol-sortition/1\n"
// + seed + "\n" + id), lowest first; each quota takes its category's lowest-ranked members first,
// then the remaining seats go in rank order. The draw depends on the seed and the pool's ids only,
// not on the pool's order, so anyone can redraw it.
struct SortitionMember {
  std::string id;
  std::string category;  // may be empty
};
struct SortitionQuota {
  std::string category;
  int min = 0;  // at least this many selected from the category
};
struct SortitionInput {
  std::string id;
  std::string seed;                    // public, fixed before the pool is known to gain from it
  std::vector<std::string> witnesses;  // who saw the seed fixed (at least one)
  std::vector<SortitionMember> pool;   // ids unique
  int seats = 0;                       // 1..pool size
  std::vector<SortitionQuota> quotas;  // their mins sum to at most seats; each met by the pool
};
// {"id", "seed", "witnesses", "pool": [{"id", "category"?}] or [ids], "seats", "quotas"?}.
// Errors name the field.
Result<SortitionInput> ParseSortition(const nlohmann::json& in);
// {"id", "seed", "witnesses", "pool", "seats", "quotas", "pool_sha256", "selected": [ids in the
// order drawn], "ranks": [{"id", "score"}] in rank order}.
Result<nlohmann::json> Draw(const SortitionInput& input);

// A stored version of a process or of one of its records, as the store has it now.
struct StoredVersion {
  std::string kind;  // "process", "proposal", ...
  std::string id;
  long long version = 0;
  std::string doc_sha256;  // of the stored document text
  bool deleted = false;
};

struct Problem {
  long long seq = 0;  // the entry concerned, 0 when it is about the log as a whole
  std::string kind;
  std::string message;  // what is wrong, in words ("entry 12: its hash is ... but ... was stored")
};

struct VerifyReport {
  bool ok = true;
  long long entries = 0;
  std::string head_hash;
  int decisions_closed = 0;  // recounted and found equal
  int sortitions = 0;        // redrawn and found equal
  long long records = 0;     // stored versions matched with their entries
  std::vector<Problem> problems;
};

// Checks a whole process log: seq 1..n with no gap, each prev_hash and hash, one process id;
// each decision opened once, votes only while open, each voter at most once and on the roll,
// every closed decision's commitments, Merkle root and ballot count against its "voted"
// entries, and its result recounted by Tally(); each sortition redrawn; and each stored version
// matched by exactly one "process"/"record" entry with the same hash (and no entry without its
// stored version). Every problem is reported, not just the first.
VerifyReport VerifyLog(const std::vector<LogEntry>& entries,
                       const std::vector<StoredVersion>& stored);
nlohmann::json ToJson(const VerifyReport& report);

// Where a receipt's commitment is: {"decision", "commitment", "included": bool, "closed": bool,
// "index", "tree_size", "proof": [hex], "merkle_root", "closed_seq", "closed_hash"}. A decision
// still open answers "closed": false, "included": false.
Result<nlohmann::json> ReceiptInclusion(const std::vector<LogEntry>& entries,
                                        const std::string& decision_id,
                                        const std::string& commitment);

}  // namespace ecosol::participation
