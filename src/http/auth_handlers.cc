// /api/v1/auth (sign-in, the signed-in user's account and tokens), /api/v1/users (accounts and
// roles) and /api/v1/audit (the audit log). Every decision is auth::Authorize's.

#include "api.h"
#include "ecosol/base/strings.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// Identifies the caller and runs `body(store, caller)` for a request that reads.
template <typename F>
void Read(ApiContext& ctx, const httplib::Request& req, httplib::Response& res,
          const std::set<std::string>& params, F&& body) {
  Status p = CheckParams(req, params);
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  body(*store, *caller);
}

Result<std::string> StringField(const json& body, const char* name, bool required = true) {
  if (!body.contains(name)) {
    if (required) return InvalidArgument(std::string(name) + ": is required");
    return std::string();
  }
  if (!body[name].is_string()) return InvalidArgument(std::string(name) + ": expected a string");
  return body[name].get<std::string>();
}

std::string SessionCookie(ApiContext& ctx, const httplib::Request& req, const std::string& value,
                          long long max_age) {
  bool secure = ctx.options.secure_cookies ||
                AsciiLower(req.get_header_value("X-Forwarded-Proto")) == "https";
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

Result<json> UserJson(auth::Accounts& accounts, const store::UserRecord& u) {
  auto grants = accounts.GrantsOf(u.id);
  if (!grants.ok()) return grants.status();
  return auth::UserToJson(u, *grants);
}

// --- sign-in and the caller's own account ------------------------------------------------------

void SignIn(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  // A form on another site cannot send this content type without the browser asking first
  // (CORS), so no other site can sign a visitor in to an account of its choosing.
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    return SendError(res, InvalidArgument("Content-Type: send the sign-in as application/json"));
  }
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto email = StringField(*body, "email");
  if (!email.ok()) return SendError(res, email.status());
  auto password = StringField(*body, "password");
  if (!password.ok()) return SendError(res, password.status());
  auto store = ctx.pool->Acquire();
  auth::Accounts accounts(*store, *ctx.clock, ctx.accounts_options);
  auto session = accounts.SignIn(*email, *password, req.remote_addr);
  std::fprintf(stderr, "sign-in %s from %s: %s\n", AsciiLower(*email).c_str(),
               req.remote_addr.c_str(),
               session.ok() ? "ok" : std::string(StatusCodeName(session.status().code())).c_str());
  if (!session.ok()) return SendError(res, session.status());
  auto user = accounts.FindUser(session->record.user_id);
  if (!user.ok()) return SendError(res, user.status());
  auto j = UserJson(accounts, *user);
  if (!j.ok()) return SendError(res, j.status());
  res.set_header("Set-Cookie", SessionCookie(ctx, req, session->secret,
                                             ctx.accounts_options.session_lifetime.count() * 60));
  SendJson(res, 200,
           {{"user", *j},
            {"csrf_token", session->record.csrf_token},
            {"expires_at", session->record.expires_at}});
}

void SignOut(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {}, [&](store::Store& store, const Caller& c) {
    if (c.by_cookie) {
      auth::Accounts accounts(store, *ctx.clock, ctx.accounts_options);
      Status s = accounts.SignOut(CookieValue(req, kSessionCookie));
      if (!s.ok()) return SendError(res, s);
    }
    res.set_header("Set-Cookie", SessionCookie(ctx, req, "", 0));
    res.status = 204;
  });
}

void Me(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {}, [&](store::Store& store, const Caller& c) {
    const auth::Principal& p = c.principal;
    if (!p.signed_in) {
      return SendError(res, Status(StatusCode::kUnauthenticated, "no one is signed in"));
    }
    json out = {{"who", p.who}, {"read_only", p.read_only}};
    json roles = json::array();
    for (const auth::Grant& g : p.grants) roles.push_back(auth::GrantToJson(g));
    out["roles"] = roles;
    if (!p.user_id.empty()) {
      auth::Accounts accounts(store, *ctx.clock, ctx.accounts_options);
      auto u = accounts.FindUser(p.user_id);
      if (!u.ok()) return SendError(res, u.status());
      auto j = UserJson(accounts, *u);
      if (!j.ok()) return SendError(res, j.status());
      out["user"] = *j;
    } else {
      out["user"] = nullptr;
    }
    if (c.by_cookie) {
      out["csrf_token"] = c.session.csrf_token;
      out["expires_at"] = c.session.expires_at;
    }
    SendJson(res, 200, out);
  });
}

// Changes of the caller's own account need a signed-in user (not the admin token).
Status NeedUser(const Caller& c) {
  ECOSOL_RETURN_IF_ERROR(auth::Authorize(c.principal, auth::Action::kManageOwnAccount));
  if (c.principal.user_id.empty()) {
    return Status(StatusCode::kPermissionDenied,
                  "the admin token has no account of its own; sign in as a user");
  }
  return Status::Ok();
}

void ChangePassword(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status allowed = NeedUser(c);
    if (!allowed.ok()) return SendError(res, allowed);
    auto current = StringField(body, "current_password");
    if (!current.ok()) return SendError(res, current.status());
    auto fresh = StringField(body, "new_password");
    if (!fresh.ok()) return SendError(res, fresh.status());
    auth::Accounts accounts = AccountsFor(ctx, reg.store(), c);
    auto u = accounts.FindUser(c.principal.user_id);
    if (!u.ok()) return SendError(res, u.status());
    if (!auth::VerifyPassword(u->password_hash, *current)) {
      return SendError(res, InvalidArgument("current_password: is not right"));
    }
    Status s = accounts.SetPassword(u->id, *fresh);
    if (!s.ok()) return SendError(res, s);
    // Every session ended with the change, this one too.
    res.set_header("Set-Cookie", SessionCookie(ctx, req, "", 0));
    res.status = 204;
  });
}

void ListTokens(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {}, [&](store::Store& store, const Caller& c) {
    Status allowed = NeedUser(c);
    if (!allowed.ok()) return SendError(res, allowed);
    auto tokens = store.Tokens(c.principal.user_id);
    if (!tokens.ok()) return SendError(res, tokens.status());
    std::string now = FormatTimestamp(ctx.clock->Now());
    json items = json::array();
    for (const store::TokenRecord& t : *tokens) items.push_back(auth::TokenToJson(t, now));
    SendJson(res, 200, {{"items", items}});
  });
}

void CreateToken(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status allowed = NeedUser(c);
    if (!allowed.ok()) return SendError(res, allowed);
    // A token may not give more than the one that creates it.
    if (c.principal.read_only) {
      return SendError(
          res, Status(StatusCode::kPermissionDenied, "a read-only token cannot create tokens"));
    }
    auto name = StringField(body, "name");
    if (!name.ok()) return SendError(res, name.status());
    auto scope = StringField(body, "scope", false);
    if (!scope.ok()) return SendError(res, scope.status());
    int days = 90;
    if (body.contains("days")) {
      if (!body["days"].is_number_integer()) {
        return SendError(res, InvalidArgument("days: expected a whole number from 1 to 366"));
      }
      days = body["days"].get<int>();
    }
    for (const auto& [key, unused] : body.items()) {
      if (key != "name" && key != "scope" && key != "days") {
        return SendError(res, InvalidArgument(key + ": unknown field (known: name, scope, days)"));
      }
    }
    auth::Accounts accounts = AccountsFor(ctx, reg.store(), c);
    auto t =
        accounts.CreateToken(c.principal.user_id, *name, scope->empty() ? "read" : *scope, days);
    if (!t.ok()) return SendError(res, t.status());
    json out = auth::TokenToJson(t->record, FormatTimestamp(ctx.clock->Now()));
    out["token"] = t->token;
    SendJson(res, 201, out);
  });
}

void RevokeToken(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    Status allowed = NeedUser(c);
    if (!allowed.ok()) return SendError(res, allowed);
    auth::Accounts accounts = AccountsFor(ctx, reg.store(), c);
    Status s = accounts.RevokeToken(c.principal.user_id, req.matches[1]);
    if (!s.ok()) return SendError(res, s);
    res.status = 204;
  });
}

// --- users and roles ---------------------------------------------------------------------------

void ListUsers(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {"email"}, [&](store::Store& store, const Caller& c) {
    auth::Accounts accounts(store, *ctx.clock, ctx.accounts_options);
    json items = json::array();
    if (req.has_param("email")) {
      // Stewards look users up by exact e-mail, to give them a role.
      Status allowed = auth::Authorize(c.principal, auth::Action::kListUsers);
      if (!allowed.ok()) return SendError(res, allowed);
      auto u = accounts.FindUser(req.get_param_value("email"));
      if (u.ok()) {
        auto j = UserJson(accounts, *u);
        if (!j.ok()) return SendError(res, j.status());
        items.push_back(*j);
      } else if (u.status().code() != StatusCode::kNotFound) {
        return SendError(res, u.status());
      }
      return SendJson(res, 200, {{"items", items}});
    }
    Status allowed = auth::Authorize(c.principal, auth::Action::kManageUsers);
    if (!allowed.ok()) return SendError(res, allowed);
    auto users = store.ListUsers();
    if (!users.ok()) return SendError(res, users.status());
    for (const store::UserRecord& u : *users) {
      auto j = UserJson(accounts, u);
      if (!j.ok()) return SendError(res, j.status());
      items.push_back(*j);
    }
    SendJson(res, 200, {{"items", items}});
  });
}

void GetUser(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {}, [&](store::Store& store, const Caller& c) {
    auth::Target target;
    target.scope = req.matches[1];
    Status allowed = auth::Authorize(c.principal, auth::Action::kReadUser, target);
    if (!allowed.ok()) return SendError(res, allowed);
    auth::Accounts accounts(store, *ctx.clock, ctx.accounts_options);
    auto u = accounts.FindUser(req.matches[1]);
    if (!u.ok()) return SendError(res, u.status());
    auto j = UserJson(accounts, *u);
    if (!j.ok()) return SendError(res, j.status());
    SendJson(res, 200, *j);
  });
}

void CreateUser(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status allowed = auth::Authorize(c.principal, auth::Action::kManageUsers);
    if (!allowed.ok()) return SendError(res, allowed);
    auto email = StringField(body, "email");
    if (!email.ok()) return SendError(res, email.status());
    auto password = StringField(body, "password");
    if (!password.ok()) return SendError(res, password.status());
    auto name = StringField(body, "name", false);
    if (!name.ok()) return SendError(res, name.status());
    auth::Accounts accounts = AccountsFor(ctx, reg.store(), c);
    auto u = accounts.AddUser(*email, *password, *name);
    if (!u.ok()) return SendError(res, u.status());
    res.set_header("Location", "/api/v1/users/" + u->id);
    SendJson(res, 201, auth::UserToJson(*u, {}));
  });
}

void PatchUser(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status allowed = auth::Authorize(c.principal, auth::Action::kManageUsers);
    if (!allowed.ok()) return SendError(res, allowed);
    auth::Accounts accounts = AccountsFor(ctx, reg.store(), c);
    auto u = accounts.FindUser(req.matches[1]);
    if (!u.ok()) return SendError(res, u.status());
    for (const auto& [key, value] : body.items()) {
      Status s;
      if (key == "disabled" && value.is_boolean()) {
        s = accounts.SetDisabled(u->id, value.get<bool>());
      } else if (key == "password" && value.is_string()) {
        s = accounts.SetPassword(u->id, value.get<std::string>());
      } else {
        s = InvalidArgument(key +
                            ": unknown field or wrong type (known: disabled as true or "
                            "false, password as a string)");
      }
      if (!s.ok()) return SendError(res, s);
    }
    auto fresh = accounts.FindUser(u->id);
    if (!fresh.ok()) return SendError(res, fresh.status());
    auto j = UserJson(accounts, *fresh);
    if (!j.ok()) return SendError(res, j.status());
    SendJson(res, 200, *j);
  });
}

// {"role": "member", "scope": "actor:coop-1"}: grants (POST) or revokes (DELETE).
void ChangeRole(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, bool grant) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    auto role_name = StringField(body, "role");
    if (!role_name.ok()) return SendError(res, role_name.status());
    auto role = auth::ParseRole(*role_name);
    if (!role) {
      return SendError(res, InvalidArgument("role: '" + *role_name +
                                            "' is unknown (admin, steward, member, assessor, "
                                            "funder)"));
    }
    auto scope = StringField(body, "scope", false);
    if (!scope.ok()) return SendError(res, scope.status());
    auth::Target target;
    target.role = *role;
    target.scope = *scope;
    if (StartsWith(*scope, "actor:")) {
      auto actor = reg.store().GetActor(scope->substr(6));
      if (!actor.ok()) return SendError(res, actor.status());
      if (actor->has_value()) {
        auto s = auth::ScopeOf(reg.store(), **actor);
        if (!s.ok()) return SendError(res, s.status());
        target.actors.push_back(std::move(*s));
      }
    }
    Status allowed = auth::Authorize(c.principal, auth::Action::kGrantRole, target);
    if (!allowed.ok()) return SendError(res, allowed);
    auth::Accounts accounts = AccountsFor(ctx, reg.store(), c);
    auto u = accounts.FindUser(req.matches[1]);
    if (!u.ok()) return SendError(res, u.status());
    Status s = grant ? accounts.GrantRole(u->id, *role, *scope)
                     : accounts.RevokeRole(u->id, *role, *scope);
    if (!s.ok()) return SendError(res, s);
    auto j = UserJson(accounts, *u);
    if (!j.ok()) return SendError(res, j.status());
    SendJson(res, 200, *j);
  });
}

// --- audit and sign-in logs --------------------------------------------------------------------

void Audit(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {"from", "limit"}, [&](store::Store& store, const Caller& c) {
    Status allowed = auth::Authorize(c.principal, auth::Action::kViewAudit);
    if (!allowed.ok()) return SendError(res, allowed);
    long long from = 1, limit = 100;
    if (req.has_param("from") && (!ParseInt64(req.get_param_value("from"), &from) || from < 1)) {
      return SendError(res, InvalidArgument("from: expected an entry number from 1"));
    }
    if (req.has_param("limit") &&
        (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > 1000)) {
      return SendError(res, InvalidArgument("limit: expected a whole number from 1 to 1000"));
    }
    auto entries = store.AuditEntries(from, limit + 1);
    if (!entries.ok()) return SendError(res, entries.status());
    json items = json::array();
    json next = nullptr;
    for (size_t i = 0; i < entries->size(); ++i) {
      if (static_cast<long long>(i) == limit) {
        next = (*entries)[i].seq;
        break;
      }
      items.push_back(auth::AuditEntryToJson((*entries)[i]));
    }
    SendJson(res, 200, {{"items", items}, {"next_from", next}});
  });
}

void VerifyAudit(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {}, [&](store::Store& store, const Caller& c) {
    Status allowed = auth::Authorize(c.principal, auth::Action::kViewAudit);
    if (!allowed.ok()) return SendError(res, allowed);
    auto check = auth::VerifyAudit(store);
    if (!check.ok()) return SendError(res, check.status());
    SendJson(res, 200,
             {{"ok", check->ok},
              {"entries", check->entries},
              {"first_bad", check->ok ? json(nullptr) : json(check->first_bad)},
              {"problem", check->ok ? json(nullptr) : json(check->problem)}});
  });
}

void SignIns(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Read(ctx, req, res, {"limit"}, [&](store::Store& store, const Caller& c) {
    Status allowed = auth::Authorize(c.principal, auth::Action::kViewSignIns);
    if (!allowed.ok()) return SendError(res, allowed);
    long long limit = 100;
    if (req.has_param("limit") &&
        (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > 1000)) {
      return SendError(res, InvalidArgument("limit: expected a whole number from 1 to 1000"));
    }
    auto events = store.SignInEvents(static_cast<int>(limit));
    if (!events.ok()) return SendError(res, events.status());
    json items = json::array();
    for (const store::SignInEvent& e : *events) {
      items.push_back({{"at", e.at},
                       {"email", e.email},
                       {"user_id", e.user_id.empty() ? json(nullptr) : json(e.user_id)},
                       {"address", e.address},
                       {"outcome", e.outcome}});
    }
    SendJson(res, 200, {{"items", items}});
  });
}

}  // namespace

void AddAuthRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/auth/signin", Bind(ctx, SignIn));
  router.Add("POST", "/api/v1/auth/signout", Bind(ctx, SignOut));
  router.Add("GET", "/api/v1/auth/me", Bind(ctx, Me));
  router.Add("POST", "/api/v1/auth/password", Bind(ctx, ChangePassword));
  router.Add("GET", "/api/v1/auth/tokens", Bind(ctx, ListTokens));
  router.Add("POST", "/api/v1/auth/tokens", Bind(ctx, CreateToken));
  router.Add("DELETE", "/api/v1/auth/tokens/{id}", Bind(ctx, RevokeToken));
  router.Add("GET", "/api/v1/auth/signins", Bind(ctx, SignIns));
  router.Add("GET", "/api/v1/users", Bind(ctx, ListUsers));
  router.Add("POST", "/api/v1/users", Bind(ctx, CreateUser));
  router.Add("GET", "/api/v1/users/{id}", Bind(ctx, GetUser));
  router.Add("PATCH", "/api/v1/users/{id}", Bind(ctx, PatchUser));
  router.Add(
      "POST", "/api/v1/users/{id}/roles",
      [&ctx](const httplib::Request& q, httplib::Response& r) { ChangeRole(ctx, q, r, true); });
  router.Add(
      "DELETE", "/api/v1/users/{id}/roles",
      [&ctx](const httplib::Request& q, httplib::Response& r) { ChangeRole(ctx, q, r, false); });
  router.Add("GET", "/api/v1/audit", Bind(ctx, Audit));
  router.Add("GET", "/api/v1/audit/verify", Bind(ctx, VerifyAudit));
}

}  // namespace ecosol::http
