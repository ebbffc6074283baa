#pragma once

// What the store keeps for accounts (module auth) and the audit log: plain records, written and
// read by the Store (store.h). The rules (password policy, lock-out, who may do what) live in
// auth/; the audit chain's hash is defined here so that every writer and the verifier agree.

#include <string>

namespace ecosol::store {

struct UserRecord {
  std::string id;     // "usr-..."
  std::string email;  // lower case, unique
  std::string name;
  std::string password_hash;  // argon2id, in libsodium's encoded form
  std::string created_at;
  bool disabled = false;
  int failed_signins = 0;    // consecutive failed sign-ins since the last good one
  std::string locked_until;  // timestamp; "" when not locked
};

// A role held by a user over a scope: "" for the instance (admin), "network:<actor id>",
// "territory:<territory id>", "actor:<actor id>" (see auth/policy.h).
struct RoleGrant {
  std::string user_id;
  std::string role;
  std::string scope;
  std::string granted_at;
  std::string granted_by;
};

struct SessionRecord {
  std::string id_hash;  // SHA-256 of the cookie's secret, hex (the secret is never stored)
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string address;  // the client's address at sign-in
};

struct TokenRecord {
  std::string id;  // public part of the token ("tok-...")
  std::string user_id;
  std::string name;
  std::string secret_hash;  // SHA-256 of the secret part, hex
  std::string scope;        // "read" or "write"
  std::string created_at;
  std::string expires_at;
  std::string revoked_at;  // "" while valid
};

struct SignInEvent {
  std::string at;
  std::string email;    // as typed (folded to lower case)
  std::string user_id;  // "" for an unknown e-mail
  std::string address;
  std::string
      outcome;  // "ok", "bad_password", "unknown_user", "locked", "rate_limited", "disabled"
};

// One entry of the audit log. Entries form a chain: each one's hash covers its fields and the
// hash of the entry before it, so that editing, deleting or reordering any entry breaks the chain
// from there on.
struct AuditEntry {
  long long seq = 0;        // 1, 2, 3... (set by Store::AppendAudit)
  std::string at;           // timestamp
  std::string who;          // "user:<id>", "token:<id>", "admin-token", "cli:<login>", "system"
  std::string address;      // client address, or "local"
  std::string action;       // "actor.update", "user.grant", "import", ...
  std::string object_type;  // "actor", "relationship", "user", "token", "territory", "registry"
  std::string object_id;
  std::string before;     // JSON document of the object before ("" when none)
  std::string after;      // JSON document after ("" when none)
  std::string prev_hash;  // hash of entry seq - 1 (kAuditGenesis for the first)
  std::string hash;       // AuditHash(*this)
};

// The prev_hash of the first entry: 64 zeros.
extern const char kAuditGenesis[];

// SHA-256 (hex) of the entry's fields and prev_hash, each length-prefixed (seq as decimal).
std::string AuditHash(const AuditEntry& entry);

// SHA-256 of `bytes`, as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace ecosol::store
