// Verifiable records (records.h): hashing, canonical JSON, the chain of a decision log, ballot
// nonces and commitments, the RFC 6962 Merkle tree and where a receipt's commitment is.

#include "ecosol/participation/records.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "records_internal.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;
using Digest = std::array<unsigned char, crypto_hash_sha256_BYTES>;

// libsodium must be initialised once before its random source is read; sodium_init() is
// thread-safe and a static local runs it once.
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

Digest Sha256(std::string_view bytes) {
  Digest out;
  crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return out;
}

std::string Hex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0x0f]);
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// A 64-digit lower-case hex hash as its 32 bytes; false for anything else.
bool DecodeDigest(const std::string& hex, Digest* out) {
  if (hex.size() != 2 * out->size()) return false;
  for (size_t i = 0; i < out->size(); ++i) {
    const int high = HexValue(hex[2 * i]);
    const int low = HexValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    (*out)[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return true;
}

// Where a NaN or an infinity hides in `value`, as a JSON pointer, or nullopt.
std::optional<std::string> NonFiniteAt(const json& value, const std::string& path) {
  if (value.is_number_float()) {
    if (std::isfinite(value.get<double>())) return std::nullopt;
    return path.empty() ? "/" : path;
  }
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      auto found = NonFiniteAt(item, path + "/" + key);
      if (found) return found;
    }
  }
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      auto found = NonFiniteAt(value[i], path + "/" + std::to_string(i));
      if (found) return found;
    }
  }
  return std::nullopt;
}

Digest LeafHash(const std::string& leaf) { return Sha256(std::string(1, '\0') + leaf); }

Digest NodeHash(const Digest& left, const Digest& right) {
  std::string bytes(1, '\1');
  bytes.append(reinterpret_cast<const char*>(left.data()), left.size());
  bytes.append(reinterpret_cast<const char*>(right.data()), right.size());
  return Sha256(bytes);
}

// The largest power of two strictly below n (n >= 2): where RFC 6962 splits a tree.
size_t Split(size_t n) {
  size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// MTH(D[begin:end]) of RFC 6962 section 2.1, for a non-empty range.
Digest TreeHash(const std::vector<std::string>& leaves, size_t begin, size_t end) {
  if (end - begin == 1) return LeafHash(leaves[begin]);
  const size_t k = Split(end - begin);
  return NodeHash(TreeHash(leaves, begin, begin + k), TreeHash(leaves, begin + k, end));
}

// PATH(m, D[begin:end]) of RFC 6962 section 2.1.1: the sibling hashes from the leaf upwards.
void AuditPath(const std::vector<std::string>& leaves, size_t m, size_t begin, size_t end,
               std::vector<std::string>* out) {
  if (end - begin <= 1) return;
  const size_t k = Split(end - begin);
  Digest sibling;
  if (m < k) {
    AuditPath(leaves, m, begin, begin + k, out);
    sibling = TreeHash(leaves, begin + k, end);
  } else {
    AuditPath(leaves, m - k, begin + k, end, out);
    sibling = TreeHash(leaves, begin, begin + k);
  }
  out->push_back(Hex(sibling.data(), sibling.size()));
}

bool IsHash(const std::string& s) {
  Digest unused;
  return DecodeDigest(s, &unused);
}

const LogEntry* FindEntry(const std::vector<LogEntry>& entries, const std::string& kind,
                          const std::string& decision_id) {
  for (const LogEntry& e : entries) {
    if (e.kind == kind && StringField(e.body, "decision") == decision_id) {
      return &e;
    }
  }
  return nullptr;
}

// The commitments of a closed decision's ballots, in the order of its entry (the Merkle leaves).
std::vector<std::string> ClosedCommitments(const LogEntry& closed) {
  std::vector<std::string> out;
  const json& ballots = Field(closed.body, "ballots");
  if (!ballots.is_array()) return out;
  for (const json& b : ballots) out.push_back(StringField(b, "commitment"));
  return out;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  const Digest digest = Sha256(bytes);
  return Hex(digest.data(), digest.size());
}

Result<std::string> CanonicalJson(const json& value) {
  if (auto where = NonFiniteAt(value, "")) {
    return InvalidArgument(*where +
                           ": a NaN or infinite number has no JSON text; give a finite number");
  }
  try {
    return value.dump();
  } catch (const json::exception& e) {
    // dump() throws on a string that is not valid UTF-8.
    return InvalidArgument(std::string("the value cannot be written as JSON text (") + e.what() +
                           "); give strings in UTF-8");
  }
}

std::string GenesisHash() { return std::string(64, '0'); }

Result<std::string> EntryHash(const LogEntry& entry) {
  auto body = CanonicalJson(entry.body);
  if (!body.ok()) return body.status().WithContext("body");
  return Sha256Hex("ecosol-decision-log/1\n" + entry.process_id + "\n" + std::to_string(entry.seq) +
                   "\n" + entry.kind + "\n" + entry.who + "\n" + entry.at + "\n" + entry.prev_hash +
                   "\n" + *body);
}

Status ChainEntry(const LogEntry* previous, LogEntry* next) {
  if (!next->body.is_object()) {
    return InvalidArgument("body: expected a JSON object, got " + next->body.dump());
  }
  if (previous == nullptr) {
    next->seq = 1;
    next->prev_hash = GenesisHash();
  } else {
    if (!IsHash(previous->hash)) {
      return InvalidArgument("previous entry " + std::to_string(previous->seq) +
                             " has no hash; chain it first");
    }
    next->seq = previous->seq + 1;
    next->prev_hash = previous->hash;
  }
  auto hash = EntryHash(*next);
  if (!hash.ok()) return hash.status();
  next->hash = *hash;
  return Status::Ok();
}

std::string NewNonce() {
  EnsureSodium();
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

Result<std::string> BallotCommitment(const std::string& decision_id, const json& ballot,
                                     const std::string& nonce) {
  auto text = CanonicalJson(ballot);
  if (!text.ok()) return text.status().WithContext("ballot");
  return Sha256Hex("ecosol-ballot/1\n" + decision_id + "\n" + nonce + "\n" + *text);
}

std::string MerkleRoot(const std::vector<std::string>& leaves) {
  const Digest root = leaves.empty() ? Sha256("") : TreeHash(leaves, 0, leaves.size());
  return Hex(root.data(), root.size());
}

std::vector<std::string> MerkleProof(const std::vector<std::string>& leaves, size_t index) {
  std::vector<std::string> out;
  if (index < leaves.size()) AuditPath(leaves, index, 0, leaves.size(), &out);
  return out;
}

// RFC 9162 section 2.1.3.2: walks up from the leaf with fn (the node's index) and sn (the last
// node's index at that level); a proof too long or too short for the tree fails.
bool VerifyMerkleProof(const std::string& leaf, size_t index, size_t tree_size,
                       const std::vector<std::string>& proof, const std::string& root) {
  if (index >= tree_size) return false;
  size_t fn = index;
  size_t sn = tree_size - 1;
  Digest r = LeafHash(leaf);
  for (const std::string& hex : proof) {
    Digest p;
    if (sn == 0 || !DecodeDigest(hex, &p)) return false;
    if ((fn & 1) == 1 || fn == sn) {
      r = NodeHash(p, r);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && Hex(r.data(), r.size()) == root;
}

Result<json> ReceiptInclusion(const std::vector<LogEntry>& entries, const std::string& decision_id,
                              const std::string& commitment) {
  if (!IsHash(commitment)) {
    return InvalidArgument("commitment: '" + commitment +
                           "' is not a commitment; give the 64 lower-case hex digits of the "
                           "receipt");
  }
  if (FindEntry(entries, "decision_opened", decision_id) == nullptr) {
    return NotFound("decision: '" + decision_id + "' was never opened in this process's log");
  }
  json out = {{"decision", decision_id},
              {"commitment", commitment},
              {"included", false},
              {"closed", false}};
  const LogEntry* closed = FindEntry(entries, "decision_closed", decision_id);
  if (closed == nullptr) return out;
  const std::vector<std::string> leaves = ClosedCommitments(*closed);
  out["closed"] = true;
  out["tree_size"] = leaves.size();
  out["merkle_root"] = StringField(closed->body, "merkle_root");
  out["closed_seq"] = closed->seq;
  out["closed_hash"] = closed->hash;
  const auto found = std::find(leaves.begin(), leaves.end(), commitment);
  if (found == leaves.end()) return out;
  const auto index = static_cast<size_t>(found - leaves.begin());
  out["included"] = true;
  out["index"] = index;
  out["proof"] = MerkleProof(leaves, index);
  return out;
}

}  // namespace ecosol::participation
