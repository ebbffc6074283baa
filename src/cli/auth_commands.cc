// `ecosol users ...`, `ecosol tokens ...`, `ecosol audit ...`. The command line acts for whoever
// runs it on the server's machine with access to the database: as an instance admin, recorded
// in the audit log as "cli:<login>".

#include <termios.h>
#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "context.h"
#include "ecosol/auth/accounts.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

// Reads a password from the input: one line, without echo when it is a terminal.
Result<std::string> ReadPassword(Context& ctx, const std::string& prompt) {
  bool tty = ctx.in == &std::cin && isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    *ctx.err << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  bool got = static_cast<bool>(std::getline(*ctx.in, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    *ctx.err << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!got || line.empty()) {
    return InvalidArgument("password: none given (type it, or pipe it on the standard input)");
  }
  return line;
}

struct Opened {
  Session session;
  std::unique_ptr<auth::Accounts> accounts;
};

Result<Opened> OpenAccounts(Context& ctx) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return s.status();
  Opened o{std::move(*s), nullptr};
  o.accounts = std::make_unique<auth::Accounts>(*o.session.store, SystemClock());
  o.accounts->SetAuditSource(CliAuditWho(), "local");
  return o;
}

struct UserArgs {
  std::string user;
  std::string email;
  std::string name;
  std::string role;
  std::string scope;
  bool json = false;
};

void RunUsersAdd(Context& ctx, const UserArgs& a) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  auto password = ReadPassword(ctx, "password for " + a.email + ": ");
  if (!password.ok()) return Fail(ctx, password.status());
  auto u = o->accounts->AddUser(a.email, *password, a.name);
  if (!u.ok()) return Fail(ctx, u.status());
  *ctx.out << "added user " << u->id << " <" << u->email << ">\n";
}

void RunUsersList(Context& ctx, const UserArgs& a) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  auto users = o->session.store->ListUsers();
  if (!users.ok()) return Fail(ctx, users.status());
  json items = json::array();
  for (const store::UserRecord& u : *users) {
    auto grants = o->accounts->GrantsOf(u.id);
    if (!grants.ok()) return Fail(ctx, grants.status());
    if (a.json) {
      items.push_back(auth::UserToJson(u, *grants));
      continue;
    }
    std::string roles;
    for (const auth::Grant& g : *grants) {
      roles += (roles.empty() ? "" : ", ") + std::string(auth::ToString(g.role)) +
               (g.scope.empty() ? "" : " " + g.scope);
    }
    *ctx.out << std::left << std::setw(22) << u.id << " " << std::setw(32) << u.email << " "
             << (u.disabled ? "disabled " : "") << (roles.empty() ? "(no role)" : roles) << "\n";
  }
  if (a.json) *ctx.out << json{{"items", items}}.dump(2) << "\n";
}

void RunGrant(Context& ctx, const UserArgs& a, bool grant) {
  auto role = auth::ParseRole(a.role);
  if (!role) {
    return Fail(ctx, InvalidArgument("ROLE: '" + a.role +
                                     "' is unknown (admin, steward, member, assessor, funder)"));
  }
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  Status s = grant ? o->accounts->GrantRole(a.user, *role, a.scope)
                   : o->accounts->RevokeRole(a.user, *role, a.scope);
  if (!s.ok()) return Fail(ctx, s);
  *ctx.out << (grant ? "granted " : "revoked ") << a.role
           << (a.scope.empty() ? " on the instance" : " on " + a.scope) << " to " << a.user << "\n";
}

void RunDisable(Context& ctx, const UserArgs& a, bool disabled) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  Status s = o->accounts->SetDisabled(a.user, disabled);
  if (!s.ok()) return Fail(ctx, s);
  *ctx.out << a.user << (disabled ? " disabled (sessions ended)\n" : " enabled\n");
}

void RunPassword(Context& ctx, const UserArgs& a) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  auto password = ReadPassword(ctx, "new password for " + a.user + ": ");
  if (!password.ok()) return Fail(ctx, password.status());
  Status s = o->accounts->SetPassword(a.user, *password);
  if (!s.ok()) return Fail(ctx, s);
  *ctx.out << "password of " << a.user << " changed; their sessions ended\n";
}

struct TokenArgs {
  std::string user;
  std::string name;
  std::string scope = "read";
  int days = 90;
  std::string id;
  bool json = false;
};

void RunTokensCreate(Context& ctx, const TokenArgs& a) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  auto t = o->accounts->CreateToken(a.user, a.name, a.scope, a.days);
  if (!t.ok()) return Fail(ctx, t.status());
  *ctx.err << "token " << t->record.id << " (" << t->record.scope << ", expires "
           << t->record.expires_at << "); it is shown only now:\n";
  *ctx.out << t->token << "\n";
}

void RunTokensList(Context& ctx, const TokenArgs& a) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  std::string user_id;
  if (!a.user.empty()) {
    auto u = o->accounts->FindUser(a.user);
    if (!u.ok()) return Fail(ctx, u.status());
    user_id = u->id;
  }
  auto tokens = o->session.store->Tokens(user_id);
  if (!tokens.ok()) return Fail(ctx, tokens.status());
  std::string now = FormatTimestamp(SystemClock().Now());
  json items = json::array();
  for (const store::TokenRecord& t : *tokens) {
    json j = auth::TokenToJson(t, now);
    if (a.json) {
      items.push_back(j);
      continue;
    }
    *ctx.out << std::left << std::setw(22) << t.id << " " << std::setw(22) << t.user_id << " "
             << std::setw(6) << t.scope << " " << std::setw(8) << j["state"].get<std::string>()
             << " " << t.expires_at << "  " << t.name << "\n";
  }
  if (a.json) *ctx.out << json{{"items", items}}.dump(2) << "\n";
}

void RunTokensRevoke(Context& ctx, const TokenArgs& a) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  Status s = o->accounts->RevokeToken("", a.id);
  if (!s.ok()) return Fail(ctx, s);
  *ctx.out << "revoked " << a.id << "\n";
}

void RunAuditVerify(Context& ctx) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  auto check = auth::VerifyAudit(*o->session.store);
  if (!check.ok()) return Fail(ctx, check.status());
  if (check->ok) {
    *ctx.out << "audit log intact: " << check->entries << " entries, each linked to the one "
             << "before\n";
    return;
  }
  *ctx.out << "audit log BROKEN at entry " << check->first_bad << ": " << check->problem << " ("
           << check->entries << " entries before it are intact)\n";
  ctx.exit_code = 1;
}

void RunAuditShow(Context& ctx, long long from, long long limit, bool as_json) {
  auto o = OpenAccounts(ctx);
  if (!o.ok()) return Fail(ctx, o.status());
  if (from < 1 || limit < 1) return Fail(ctx, InvalidArgument("--from and --limit: from 1 up"));
  auto entries = o->session.store->AuditEntries(from, limit);
  if (!entries.ok()) return Fail(ctx, entries.status());
  json items = json::array();
  for (const store::AuditEntry& e : *entries) {
    if (as_json) {
      items.push_back(auth::AuditEntryToJson(e));
      continue;
    }
    *ctx.out << std::setw(6) << e.seq << "  " << e.at << "  " << std::left << std::setw(20) << e.who
             << " " << std::setw(16) << e.address << " " << std::setw(20) << e.action << " "
             << e.object_type << " " << e.object_id << std::right << "\n";
  }
  if (as_json) *ctx.out << json{{"items", items}}.dump(2) << "\n";
}

}  // namespace

void AddAuthCommands(CLI::App& app, Context& ctx) {
  auto u = std::make_shared<UserArgs>();
  CLI::App* users = app.add_subcommand("users", "Accounts and their roles");
  users->require_subcommand(1);
  CLI::App* add = users->add_subcommand(
      "add", "Add a user; the password is read from the standard input (never an argument)");
  add->add_option("EMAIL", u->email, "E-mail address")->required();
  add->add_option("--name", u->name, "Display name");
  add->callback([&ctx, u] { RunUsersAdd(ctx, *u); });
  CLI::App* list = users->add_subcommand("list", "List users with their roles");
  list->add_flag("--json", u->json, "Print JSON");
  list->callback([&ctx, u] { RunUsersList(ctx, *u); });
  const std::string scope_help =
      "Scope: none for admin; network:<actor id> or territory:<id> for steward; actor:<id> for "
      "member and funder";
  CLI::App* grant = users->add_subcommand("grant", "Grant a role over a scope");
  grant->add_option("USER", u->user, "User id or e-mail")->required();
  grant->add_option("ROLE", u->role, "admin, steward, member, assessor or funder")->required();
  grant->add_option("SCOPE", u->scope, scope_help);
  grant->callback([&ctx, u] { RunGrant(ctx, *u, true); });
  CLI::App* revoke = users->add_subcommand("revoke", "Revoke a role");
  revoke->add_option("USER", u->user, "User id or e-mail")->required();
  revoke->add_option("ROLE", u->role, "The role")->required();
  revoke->add_option("SCOPE", u->scope, scope_help);
  revoke->callback([&ctx, u] { RunGrant(ctx, *u, false); });
  CLI::App* disable = users->add_subcommand("disable", "Disable a user (ends their sessions)");
  disable->add_option("USER", u->user, "User id or e-mail")->required();
  disable->callback([&ctx, u] { RunDisable(ctx, *u, true); });
  CLI::App* enable = users->add_subcommand("enable", "Enable a disabled user");
  enable->add_option("USER", u->user, "User id or e-mail")->required();
  enable->callback([&ctx, u] { RunDisable(ctx, *u, false); });
  CLI::App* password = users->add_subcommand(
      "password", "Set a user's password (read from the standard input); ends their sessions");
  password->add_option("USER", u->user, "User id or e-mail")->required();
  password->callback([&ctx, u] { RunPassword(ctx, *u); });

  auto t = std::make_shared<TokenArgs>();
  CLI::App* tokens = app.add_subcommand("tokens", "API tokens for scripts");
  tokens->require_subcommand(1);
  CLI::App* create = tokens->add_subcommand(
      "create", "Create a token for a user; it is printed once and stored only as a hash");
  create->add_option("USER", t->user, "User id or e-mail")->required();
  create->add_option("--name", t->name, "What the token is for")->required();
  create->add_option("--scope", t->scope, "read or write")->capture_default_str();
  create->add_option("--days", t->days, "Days until it expires (1 to 366)")->capture_default_str();
  create->callback([&ctx, t] { RunTokensCreate(ctx, *t); });
  CLI::App* tlist = tokens->add_subcommand("list", "List tokens (of one user, or all)");
  tlist->add_option("USER", t->user, "User id or e-mail");
  tlist->add_flag("--json", t->json, "Print JSON");
  tlist->callback([&ctx, t] { RunTokensList(ctx, *t); });
  CLI::App* trevoke = tokens->add_subcommand("revoke", "Revoke a token");
  trevoke->add_option("TOKEN_ID", t->id, "The token's id (tok-...)")->required();
  trevoke->callback([&ctx, t] { RunTokensRevoke(ctx, *t); });

  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit log");
  audit->require_subcommand(1);
  audit
      ->add_subcommand("verify",
                       "Check the chain; names the first edited, deleted or reordered entry "
                       "(exit 1)")
      ->callback([&ctx] { RunAuditVerify(ctx); });
  auto from = std::make_shared<long long>(1);
  auto limit = std::make_shared<long long>(100);
  auto as_json = std::make_shared<bool>(false);
  CLI::App* show = audit->add_subcommand("show", "Print entries");
  show->add_option("--from", *from, "First entry number")->capture_default_str();
  show->add_option("--limit", *limit, "How many")->capture_default_str();
  show->add_flag("--json", *as_json, "Print JSON with the before and after documents");
  show->callback([&ctx, from, limit, as_json] { RunAuditShow(ctx, *from, *limit, *as_json); });
}

}  // namespace ecosol::cli
