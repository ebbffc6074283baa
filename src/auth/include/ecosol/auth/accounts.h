#pragma once

// Accounts: users, role grants, sign-in with sessions, API tokens, and the audit entries these
// changes make. Sessions and tokens are random secrets given to the client once; the database
// keeps only their SHA-256.
//
//   Accounts accounts(store, SystemClock());
//   auto session = accounts.SignIn("ana@example.org", password, "203.0.113.7");
//   auto principal = accounts.SessionPrincipal(session->secret);
//
// Not thread-safe (it holds a Store): one per request or command.

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/auth/credentials.h"
#include "ecosol/auth/policy.h"
#include "ecosol/base/clock.h"
#include "ecosol/store/store.h"

namespace ecosol::auth {

struct AccountsOptions {
  PasswordCost password_cost = PasswordCost::kInteractive;
  std::chrono::minutes session_lifetime{12 * 60};
  // An account is locked for `lockout` after this many failed sign-ins in a row.
  int max_failures = 5;
  std::chrono::minutes lockout{15};
  // An address is refused for a while after this many failed sign-ins within `address_window`.
  int max_address_failures = 20;
  std::chrono::minutes address_window{15};
};

struct NewSession {
  std::string secret;  // the cookie's value, given once
  store::SessionRecord record;
};

struct NewToken {
  std::string token;  // "eco_<id>_<secret>", shown once
  store::TokenRecord record;
};

class Accounts {
 public:
  Accounts(store::Store& store, const Clock& clock, AccountsOptions options = {});
  // Who makes the changes, for the audit log (see Registry::SetAuditSource).
  void SetAuditSource(std::string who, std::string address);

  // --- users ---
  // InvalidArgument for a malformed e-mail or a password failing the policy; Conflict when the
  // e-mail is taken.
  Result<store::UserRecord> AddUser(const std::string& email, const std::string& password,
                                    const std::string& name);
  // By id ("usr-...") or e-mail; NotFound otherwise.
  Result<store::UserRecord> FindUser(const std::string& id_or_email);
  Status SetPassword(const std::string& user_id, const std::string& password);
  // Disabling ends the user's sessions; their tokens stop working.
  Status SetDisabled(const std::string& user_id, bool disabled);
  Result<std::vector<Grant>> GrantsOf(const std::string& user_id);
  Status GrantRole(const std::string& user_id, Role role, const std::string& scope);
  Status RevokeRole(const std::string& user_id, Role role, const std::string& scope);

  // --- sessions ---
  // Unauthenticated for a wrong e-mail or password (the same message for both);
  // TooManyRequests when the account is locked or the address has failed too often. Every
  // attempt is logged in the sign-in log.
  Result<NewSession> SignIn(const std::string& email, const std::string& password,
                            const std::string& address);
  Status SignOut(const std::string& secret);
  // The principal of a session cookie; Unauthenticated when unknown or expired. `record`
  // receives the session (for its CSRF token).
  Result<Principal> SessionPrincipal(const std::string& secret, store::SessionRecord* record);

  // --- API tokens ---
  // `scope` is "read" or "write"; the token expires after `days` (1 to 366).
  Result<NewToken> CreateToken(const std::string& user_id, const std::string& name,
                               const std::string& scope, int days);
  // NotFound when `user_id` (unless empty: any user, for admins) holds no such token.
  Status RevokeToken(const std::string& user_id, const std::string& token_id);
  // The principal of "eco_<id>_<secret>"; Unauthenticated when malformed, unknown, revoked or
  // expired.
  Result<Principal> TokenPrincipal(const std::string& token);

  // The principal of a user (their current grants).
  Result<Principal> PrincipalOf(const store::UserRecord& user);

 private:
  std::string Now() const;
  std::string Later(std::chrono::minutes m) const;
  Status Audit(const std::string& action, const std::string& type, const std::string& id,
               std::string before, std::string after);
  Status LogSignIn(const std::string& email, const std::string& user_id, const std::string& address,
                   const std::string& outcome);

  store::Store& store_;
  const Clock& clock_;
  AccountsOptions options_;
  std::string audit_who_ = "system";
  std::string audit_address_ = "local";
};

// The JSON forms shown by the API and the CLI (no password hash, no secret hash).
nlohmann::json UserToJson(const store::UserRecord& user, const std::vector<Grant>& grants);
nlohmann::json TokenToJson(const store::TokenRecord& token, const std::string& now);
nlohmann::json GrantToJson(const Grant& grant);

// --- audit ---
struct AuditCheck {
  bool ok = true;
  long long entries = 0;    // entries checked
  long long first_bad = 0;  // seq of the first bad entry (0 when ok)
  std::string problem;      // what is wrong with it
};
// Walks the whole chain: every entry's hash must match its fields, link to the one before,
// carry the next number, and the last must match the chain's head.
Result<AuditCheck> VerifyAudit(store::Store& store);
nlohmann::json AuditEntryToJson(const store::AuditEntry& entry);

}  // namespace ecosol::auth
