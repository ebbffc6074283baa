#include "ecosol/auth/accounts.h"

#include <nlohmann/json.hpp>

#include "ecosol/base/strings.h"

namespace ecosol::auth {
namespace {

using store::TokenRecord;
using store::UserRecord;

const char kWrongCredentials[] = "the e-mail or the password is not right";

bool PlausibleEmail(const std::string& e) {
  size_t at = e.find('@');
  return at != std::string::npos && at > 0 && at == e.rfind('@') && at + 1 < e.size() &&
         e.find('.', at) != std::string::npos &&
         e.find_first_of(" \t\r\n<>,;\"") == std::string::npos && e.size() <= 254;
}

std::string RandomHex(size_t bytes) {
  std::string raw = RandomSecret(bytes);
  return store::Sha256Hex(raw).substr(0, bytes * 2);
}

std::string UserAuditDoc(const UserRecord& u) {
  return nlohmann::json{
      {"id", u.id}, {"email", u.email}, {"name", u.name}, {"disabled", u.disabled}}
      .dump();
}

}  // namespace

nlohmann::json GrantToJson(const Grant& g) {
  return {{"role", ToString(g.role)}, {"scope", g.scope}};
}

nlohmann::json UserToJson(const UserRecord& u, const std::vector<Grant>& grants) {
  nlohmann::json roles = nlohmann::json::array();
  for (const Grant& g : grants) roles.push_back(GrantToJson(g));
  return {
      {"id", u.id},
      {"email", u.email},
      {"name", u.name},
      {"created_at", u.created_at},
      {"disabled", u.disabled},
      {"locked_until", u.locked_until.empty() ? nlohmann::json() : nlohmann::json(u.locked_until)},
      {"roles", roles}};
}

nlohmann::json TokenToJson(const TokenRecord& t, const std::string& now) {
  std::string state = !t.revoked_at.empty() ? "revoked"
                      : t.expires_at <= now ? "expired"
                                            : "active";
  return {{"id", t.id},
          {"user_id", t.user_id},
          {"name", t.name},
          {"scope", t.scope},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at},
          {"revoked_at", t.revoked_at.empty() ? nlohmann::json() : nlohmann::json(t.revoked_at)},
          {"state", state}};
}

nlohmann::json AuditEntryToJson(const store::AuditEntry& e) {
  auto doc = [](const std::string& text) -> nlohmann::json {
    if (text.empty()) return nullptr;
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::json(text) : j;
  };
  return {{"seq", e.seq},
          {"at", e.at},
          {"who", e.who},
          {"address", e.address},
          {"action", e.action},
          {"object_type", e.object_type},
          {"object_id", e.object_id},
          {"before", doc(e.before)},
          {"after", doc(e.after)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

Accounts::Accounts(store::Store& store, const Clock& clock, AccountsOptions options)
    : store_(store), clock_(clock), options_(options) {}

void Accounts::SetAuditSource(std::string who, std::string address) {
  audit_who_ = std::move(who);
  audit_address_ = std::move(address);
}

std::string Accounts::Now() const { return FormatTimestamp(clock_.Now()); }
std::string Accounts::Later(std::chrono::minutes m) const {
  return FormatTimestamp(clock_.Now() + m);
}

Status Accounts::Audit(const std::string& action, const std::string& type, const std::string& id,
                       std::string before, std::string after) {
  store::AuditEntry e;
  e.at = Now();
  e.who = audit_who_;
  e.address = audit_address_;
  e.action = action;
  e.object_type = type;
  e.object_id = id;
  e.before = std::move(before);
  e.after = std::move(after);
  return store_.AppendAudit(&e);
}

Status Accounts::LogSignIn(const std::string& email, const std::string& user_id,
                           const std::string& address, const std::string& outcome) {
  return store_.AddSignInEvent({Now(), email, user_id, address, outcome});
}

// --- users -------------------------------------------------------------------------------------

Result<UserRecord> Accounts::AddUser(const std::string& email_in, const std::string& password,
                                     const std::string& name) {
  std::string email = AsciiLower(Trim(email_in));
  if (!PlausibleEmail(email)) {
    return InvalidArgument("email: '" + email_in + "' is not an e-mail address (name@domain)");
  }
  ECOSOL_RETURN_IF_ERROR(CheckPasswordPolicy(password, email));
  auto hash = HashPassword(password, options_.password_cost);
  if (!hash.ok()) return hash.status();
  UserRecord u;
  u.id = "usr-" + RandomHex(8);
  u.email = email;
  u.name = std::string(Trim(name));
  u.password_hash = *hash;
  u.created_at = Now();
  Status s = store_.InTransaction([&]() -> Status {
    auto existing = store_.GetUserByEmail(email);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return Conflict("email: a user with '" + email + "' exists");
    ECOSOL_RETURN_IF_ERROR(store_.PutUser(u));
    return Audit("user.create", "user", u.id, "", UserAuditDoc(u));
  });
  if (!s.ok()) return s;
  return u;
}

Result<UserRecord> Accounts::FindUser(const std::string& id_or_email) {
  auto u = StartsWith(id_or_email, "usr-") ? store_.GetUser(id_or_email)
                                           : store_.GetUserByEmail(AsciiLower(Trim(id_or_email)));
  if (!u.ok()) return u.status();
  if (!u->has_value()) return NotFound("no user '" + id_or_email + "'");
  return std::move(**u);
}

Status Accounts::SetPassword(const std::string& user_id, const std::string& password) {
  auto u = FindUser(user_id);
  if (!u.ok()) return u.status();
  ECOSOL_RETURN_IF_ERROR(CheckPasswordPolicy(password, u->email));
  auto hash = HashPassword(password, options_.password_cost);
  if (!hash.ok()) return hash.status();
  return store_.InTransaction([&]() -> Status {
    u->password_hash = *hash;
    u->failed_signins = 0;
    u->locked_until.clear();
    ECOSOL_RETURN_IF_ERROR(store_.PutUser(*u));
    auto ended = store_.DeleteSessionsOf(u->id);
    if (!ended.ok()) return ended.status();
    return Audit("user.password", "user", u->id, "", UserAuditDoc(*u));
  });
}

Status Accounts::SetDisabled(const std::string& user_id, bool disabled) {
  auto u = FindUser(user_id);
  if (!u.ok()) return u.status();
  if (u->disabled == disabled) return Status::Ok();
  return store_.InTransaction([&]() -> Status {
    std::string before = UserAuditDoc(*u);
    u->disabled = disabled;
    ECOSOL_RETURN_IF_ERROR(store_.PutUser(*u));
    if (disabled) {
      auto ended = store_.DeleteSessionsOf(u->id);
      if (!ended.ok()) return ended.status();
    }
    return Audit(disabled ? "user.disable" : "user.enable", "user", u->id, before,
                 UserAuditDoc(*u));
  });
}

Result<std::vector<Grant>> Accounts::GrantsOf(const std::string& user_id) {
  auto rows = store_.Grants(user_id);
  if (!rows.ok()) return rows.status();
  std::vector<Grant> out;
  for (const store::RoleGrant& g : *rows) {
    if (auto role = ParseRole(g.role)) out.push_back({*role, g.scope});
  }
  return out;
}

Status Accounts::GrantRole(const std::string& user_id, Role role, const std::string& scope) {
  ECOSOL_RETURN_IF_ERROR(CheckGrantScope(role, scope));
  auto u = FindUser(user_id);
  if (!u.ok()) return u.status();
  if (StartsWith(scope, "actor:") || StartsWith(scope, "network:")) {
    std::string actor_id = scope.substr(scope.find(':') + 1);
    auto actor = store_.GetActor(actor_id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value() || (*actor)->deleted) {
      return InvalidArgument("scope: no actor with id '" + actor_id + "'");
    }
  }
  if (StartsWith(scope, "territory:")) {
    auto t = store_.GetTerritory(scope.substr(10));
    if (!t.ok()) return t.status();
    if (!t->has_value()) return InvalidArgument("scope: no territory '" + scope.substr(10) + "'");
  }
  return store_.InTransaction([&]() -> Status {
    auto held = GrantsOf(u->id);
    if (!held.ok()) return held.status();
    for (const Grant& g : *held) {
      if (g.role == role && g.scope == scope) return Status::Ok();
    }
    ECOSOL_RETURN_IF_ERROR(
        store_.PutGrant({u->id, std::string(ToString(role)), scope, Now(), audit_who_}));
    return Audit("user.grant", "user", u->id, "", GrantToJson({role, scope}).dump());
  });
}

Status Accounts::RevokeRole(const std::string& user_id, Role role, const std::string& scope) {
  auto u = FindUser(user_id);
  if (!u.ok()) return u.status();
  return store_.InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_.DeleteGrant(u->id, std::string(ToString(role)), scope));
    return Audit("user.revoke", "user", u->id, GrantToJson({role, scope}).dump(), "");
  });
}

Result<Principal> Accounts::PrincipalOf(const UserRecord& user) {
  auto grants = GrantsOf(user.id);
  if (!grants.ok()) return grants.status();
  Principal p;
  p.user_id = user.id;
  p.email = user.email;
  p.who = "user:" + user.id;
  p.grants = std::move(*grants);
  p.signed_in = true;
  return p;
}

// --- sessions ----------------------------------------------------------------------------------

Result<NewSession> Accounts::SignIn(const std::string& email_in, const std::string& password,
                                    const std::string& address) {
  std::string email = AsciiLower(Trim(email_in));
  const std::string now = Now();
  auto failures =
      store_.CountFailedSignIns(address, FormatTimestamp(clock_.Now() - options_.address_window));
  if (!failures.ok()) return failures.status();
  if (*failures >= options_.max_address_failures) {
    ECOSOL_RETURN_IF_ERROR(LogSignIn(email, "", address, "rate_limited"));
    return Status(StatusCode::kTooManyRequests,
                  "too many failed sign-ins from your address; try again in " +
                      std::to_string(options_.address_window.count()) + " minutes");
  }
  auto found = store_.GetUserByEmail(email);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    // Hash anyway, so that the answer takes as long as for a known account.
    static const std::string dummy = [&] {
      auto h = HashPassword("not-a-real-password-0", options_.password_cost);
      return h.ok() ? *h : std::string();
    }();
    (void)VerifyPassword(dummy, password);
    ECOSOL_RETURN_IF_ERROR(LogSignIn(email, "", address, "unknown_user"));
    return Status(StatusCode::kUnauthenticated, kWrongCredentials);
  }
  UserRecord u = std::move(**found);
  if (!u.locked_until.empty() && u.locked_until > now) {
    ECOSOL_RETURN_IF_ERROR(LogSignIn(email, u.id, address, "locked"));
    return Status(StatusCode::kTooManyRequests,
                  "this account is locked after " + std::to_string(options_.max_failures) +
                      " failed sign-ins, until " + u.locked_until +
                      "; try again then, or ask an admin to reset the password");
  }
  if (!VerifyPassword(u.password_hash, password)) {
    u.failed_signins += 1;
    if (u.failed_signins >= options_.max_failures) {
      u.locked_until = Later(options_.lockout);
      u.failed_signins = 0;
    }
    ECOSOL_RETURN_IF_ERROR(store_.PutUser(u));
    ECOSOL_RETURN_IF_ERROR(LogSignIn(email, u.id, address, "bad_password"));
    return Status(StatusCode::kUnauthenticated, kWrongCredentials);
  }
  if (u.disabled) {
    ECOSOL_RETURN_IF_ERROR(LogSignIn(email, u.id, address, "disabled"));
    return Status(StatusCode::kPermissionDenied,
                  "this account is disabled; ask an admin of this Ecosol to enable it");
  }
  NewSession session;
  session.secret = RandomSecret(32);
  session.record = {store::Sha256Hex(session.secret), u.id,   RandomSecret(24), now,
                    Later(options_.session_lifetime), address};
  Status s = store_.InTransaction([&]() -> Status {
    if (u.failed_signins != 0 || !u.locked_until.empty()) {
      u.failed_signins = 0;
      u.locked_until.clear();
      ECOSOL_RETURN_IF_ERROR(store_.PutUser(u));
    }
    ECOSOL_RETURN_IF_ERROR(store_.PutSession(session.record));
    // Sessions that ended without a sign-out are pruned here, at each sign-in: no background
    // task, and the table holds little more than the live sessions.
    auto pruned = store_.DeleteExpiredSessions(now);
    if (!pruned.ok()) return pruned.status();
    return LogSignIn(email, u.id, address, "ok");
  });
  if (!s.ok()) return s;
  return session;
}

Status Accounts::SignOut(const std::string& secret) {
  return store_.DeleteSession(store::Sha256Hex(secret));
}

Result<Principal> Accounts::SessionPrincipal(const std::string& secret,
                                             store::SessionRecord* record) {
  auto s = store_.GetSession(store::Sha256Hex(secret));
  if (!s.ok()) return s.status();
  if (!s->has_value()) {
    return Status(StatusCode::kUnauthenticated, "your session has ended; sign in again");
  }
  if ((*s)->expires_at <= Now()) {
    (void)store_.DeleteSession((*s)->id_hash);
    return Status(StatusCode::kUnauthenticated, "your session has expired; sign in again");
  }
  auto u = store_.GetUser((*s)->user_id);
  if (!u.ok()) return u.status();
  if (!u->has_value() || (*u)->disabled) {
    return Status(StatusCode::kUnauthenticated, "this account is disabled");
  }
  if (record) *record = **s;
  return PrincipalOf(**u);
}

// --- tokens ------------------------------------------------------------------------------------

Result<NewToken> Accounts::CreateToken(const std::string& user_id, const std::string& name,
                                       const std::string& scope, int days) {
  if (scope != "read" && scope != "write") {
    return InvalidArgument("scope: must be 'read' or 'write', not '" + scope + "'");
  }
  if (days < 1 || days > 366) return InvalidArgument("days: must be from 1 to 366");
  if (Trim(name).empty()) return InvalidArgument("name: say what the token is for");
  auto u = FindUser(user_id);
  if (!u.ok()) return u.status();
  NewToken t;
  std::string secret = RandomSecret(32);
  t.record = {"tok-" + RandomHex(8),
              u->id,
              std::string(Trim(name)),
              store::Sha256Hex(secret),
              scope,
              Now(),
              Later(std::chrono::minutes(days * 24 * 60)),
              ""};
  t.token = "eco_" + t.record.id.substr(4) + "_" + secret;
  Status s = store_.InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_.PutToken(t.record));
    return Audit("token.create", "token", t.record.id, "", TokenToJson(t.record, Now()).dump());
  });
  if (!s.ok()) return s;
  return t;
}

Status Accounts::RevokeToken(const std::string& user_id, const std::string& token_id) {
  auto t = store_.GetToken(token_id);
  if (!t.ok()) return t.status();
  if (!t->has_value() || (!user_id.empty() && (*t)->user_id != user_id)) {
    return NotFound("no token '" + token_id + "'");
  }
  TokenRecord rec = **t;
  if (!rec.revoked_at.empty()) return Status::Ok();
  return store_.InTransaction([&]() -> Status {
    std::string before = TokenToJson(rec, Now()).dump();
    rec.revoked_at = Now();
    ECOSOL_RETURN_IF_ERROR(store_.PutToken(rec));
    return Audit("token.revoke", "token", rec.id, before, TokenToJson(rec, Now()).dump());
  });
}

Result<Principal> Accounts::TokenPrincipal(const std::string& token) {
  const Status invalid(StatusCode::kUnauthenticated,
                       "the API token is not valid (revoked, expired or mistyped)");
  if (!StartsWith(token, "eco_")) return invalid;
  size_t sep = token.find('_', 4);
  if (sep == std::string::npos) return invalid;
  auto t = store_.GetToken("tok-" + token.substr(4, sep - 4));
  if (!t.ok()) return t.status();
  if (!t->has_value()) return invalid;
  const TokenRecord& rec = **t;
  if (!ConstantTimeEquals(store::Sha256Hex(token.substr(sep + 1)), rec.secret_hash)) {
    return invalid;
  }
  if (!rec.revoked_at.empty() || rec.expires_at <= Now()) return invalid;
  auto u = store_.GetUser(rec.user_id);
  if (!u.ok()) return u.status();
  if (!u->has_value() || (*u)->disabled) return invalid;
  auto p = PrincipalOf(**u);
  if (!p.ok()) return p.status();
  p->who = "token:" + rec.id;
  p->token_id = rec.id;
  p->read_only = rec.scope != "write";
  return p;
}

// --- audit -------------------------------------------------------------------------------------

Result<AuditCheck> VerifyAudit(store::Store& store) {
  AuditCheck check;
  std::string prev = store::kAuditGenesis;
  long long next = 1;
  const long long kPage = 5000;
  while (true) {
    auto page = store.AuditEntries(next, kPage);
    if (!page.ok()) return page.status();
    for (const store::AuditEntry& e : *page) {
      auto bad = [&](std::string problem) {
        check.ok = false;
        check.first_bad = e.seq;
        check.problem = std::move(problem);
        return check;
      };
      if (e.seq != next) {
        check.ok = false;
        check.first_bad = next;
        check.problem = "entry " + std::to_string(next) + " is missing (the next one is " +
                        std::to_string(e.seq) + ")";
        return check;
      }
      if (e.prev_hash != prev) return bad("does not link to the entry before it");
      if (store::AuditHash(e) != e.hash) return bad("its content does not match its hash");
      prev = e.hash;
      ++next;
      ++check.entries;
    }
    if (static_cast<long long>(page->size()) < kPage) break;
  }
  auto head = store.AuditHead();
  if (!head.ok()) return head.status();
  if (head->first != next - 1 || head->second != prev) {
    check.ok = false;
    check.first_bad = next;
    check.problem = "the chain ends at entry " + std::to_string(next - 1) +
                    " but its head records entry " + std::to_string(head->first) +
                    " (entries were deleted from the end, or the head was changed)";
  }
  return check;
}

}  // namespace ecosol::auth
