// Accounts over HTTP: sign-in and sessions, CSRF, API tokens, lock-out, who may write what,
// the audit log, security headers and CORS. Runs on both backends.

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "ecosol/auth/accounts.h"
#include "ecosol/http/server.h"
#include "ecosol/registry/registry.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const char kPassword[] = "long enough passphrase";

// A signed-in browser: its session cookie and CSRF token.
struct Browser {
  std::string cookie;  // "ecosol_session=..."
  std::string csrf;
};

class AuthServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  AuthServerTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    // A network with one member co-op in Wales, and an unrelated co-op in France.
    model::Actor net;
    net.id = "wales-net";
    net.name = "Wales Co-operative Network";
    net.kind = model::ActorKind::kNetwork;
    net.address.country = "GB";
    net.address.region = "Wales";
    ASSERT_TRUE(reg.CreateActor(net, "test").ok());
    model::Actor coop;
    coop.id = "bro";
    coop.name = "Cwmni Bro";
    coop.address = {"", "Cardiff", "Wales", "", "GB"};
    ASSERT_TRUE(reg.CreateActor(coop, "test").ok());
    model::Actor other;
    other.id = "lyon";
    other.name = "Boulangerie de Lyon";
    other.address.country = "FR";
    ASSERT_TRUE(reg.CreateActor(other, "test").ok());
    model::Relationship m;
    m.from = "bro";
    m.to = "wales-net";
    m.type = model::RelationshipType::kMemberOf;
    ASSERT_TRUE(reg.CreateRelationship(m, "test").ok());

    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto add = [&](const std::string& email, std::optional<auth::Grant> grant) {
      auto u = accounts.AddUser(email, kPassword, "");
      ASSERT_TRUE(u.ok()) << u.status().ToString();
      if (grant) {
        ASSERT_TRUE(accounts.GrantRole(u->id, grant->role, grant->scope).ok());
      }
      ids_[email] = u->id;
    };
    add("admin@example.org", auth::Grant{auth::Role::kAdmin, ""});
    add("steward@example.org", auth::Grant{auth::Role::kSteward, "network:wales-net"});
    add("wales@example.org", auth::Grant{auth::Role::kSteward, "territory:GB/wales"});
    add("member@example.org", auth::Grant{auth::Role::kMember, "actor:bro"});
    add("assessor@example.org", auth::Grant{auth::Role::kAssessor, ""});
    add("funder@example.org", auth::Grant{auth::Role::kFunder, "actor:wales-net"});
    add("nobody@example.org", std::nullopt);
    Start(Options());
  }

  ServerOptions Options() { return testing::TestServerOptions(db_.url()); }

  // (Re)starts the server; a web_root is replaced by a temporary folder with an index.html.
  void Start(ServerOptions o) {
    server_.reset();
    if (!o.web_root.empty()) o.web_root = WebRoot();
    auto server = testing::TestServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  std::string WebRoot() {
    auto dir = std::filesystem::temp_directory_path() /
               ("ecosol_web_" + std::to_string(::getpid()) + "_" + GetParam());
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!doctype html><title>Ecosol</title>";
    return dir.string();
  }

  httplib::Result Send(const std::string& method, const std::string& path, const std::string& body,
                       const httplib::Headers& headers) {
    return server_->Send(method, path, body, headers);
  }
  std::pair<int, json> Call(const std::string& method, const std::string& path,
                            const std::string& body, const httplib::Headers& headers) {
    return server_->Call(method, path, body, headers);
  }

  Browser SignIn(const std::string& email) {
    auto res = Send("POST", "/api/v1/auth/signin",
                    json{{"email", email}, {"password", kPassword}}.dump(), {});
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    std::string set_cookie = res->get_header_value("Set-Cookie");
    Browser b;
    b.cookie = set_cookie.substr(0, set_cookie.find(';'));
    b.csrf = json::parse(res->body)["csrf_token"];
    return b;
  }

  static httplib::Headers As(const Browser& b, bool with_csrf = true) {
    httplib::Headers h = {{"Cookie", b.cookie}};
    if (with_csrf) h.emplace("X-CSRF-Token", b.csrf);
    return h;
  }

  testing::TestStore db_;
  std::map<std::string, std::string> ids_;
  std::unique_ptr<testing::TestServer> server_;  // after db_: stops before the store goes
};

TEST_P(AuthServerTest, SignInSetsASafeCookieAndMeTellsWhoIsIn) {
  auto res = Send("POST", "/api/v1/auth/signin",
                  json{{"email", "Member@Example.org"}, {"password", kPassword}}.dump(), {});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("ecosol_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP
  json body = json::parse(res->body);
  EXPECT_EQ(body["user"]["email"], "member@example.org");
  EXPECT_EQ(body["user"]["roles"][0]["scope"], "actor:bro");
  EXPECT_FALSE(body["user"].contains("password_hash"));

  Browser b{cookie.substr(0, cookie.find(';')), body["csrf_token"]};
  auto me = Call("GET", "/api/v1/auth/me", "", As(b, false));
  ASSERT_EQ(me.first, 200);
  EXPECT_EQ(me.second["user"]["id"], ids_["member@example.org"]);
  EXPECT_EQ(me.second["csrf_token"], b.csrf);
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", "", {}).first, 401);

  // Behind a proxy that terminates TLS the cookie is Secure.
  auto tls = Send("POST", "/api/v1/auth/signin",
                  json{{"email", "member@example.org"}, {"password", kPassword}}.dump(),
                  {{"X-Forwarded-Proto", "https"}});
  ASSERT_TRUE(tls);
  EXPECT_NE(tls->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);

  // A cross-site form (text/plain) cannot sign anyone in.
  auto form = server_->client().Post(
      "/api/v1/auth/signin", json{{"email", "member@example.org"}, {"password", kPassword}}.dump(),
      "text/plain");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 400);
  EXPECT_FALSE(form->has_header("Set-Cookie"));

  // Signing out ends the session.
  EXPECT_EQ(Call("POST", "/api/v1/auth/signout", "", As(b)).first, 204);
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", "", As(b, false)).first, 401);
}

TEST_P(AuthServerTest, WritesWithTheCookieNeedTheCsrfToken) {
  Browser b = SignIn("member@example.org");
  std::string patch = R"({"website": "https://bro.example"})";
  auto no_csrf = Call("PATCH", "/api/v1/actors/bro", patch, As(b, false));
  EXPECT_EQ(no_csrf.first, 403);
  EXPECT_NE(no_csrf.second["error"]["message"].get<std::string>().find("CSRF"), std::string::npos);
  Browser forged = b;
  forged.csrf = "forged";
  EXPECT_EQ(Call("PATCH", "/api/v1/actors/bro", patch, As(forged)).first, 403);
  EXPECT_EQ(Call("GET", "/api/v1/actors/bro", "", {}).second["website"], nullptr);
  auto ok = Call("PATCH", "/api/v1/actors/bro", patch, As(b));
  EXPECT_EQ(ok.first, 200) << ok.second.dump();
  EXPECT_EQ(ok.second["website"], "https://bro.example");
  // Sign-out is state-changing too.
  EXPECT_EQ(Call("POST", "/api/v1/auth/signout", "", As(b, false)).first, 403);
}

TEST_P(AuthServerTest, AnExpiredSessionCountsAsNoOne) {
  ServerOptions o = Options();
  o.session_minutes = 0;  // every session has expired as soon as it starts
  Start(o);
  Browser b = SignIn("member@example.org");
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", "", As(b, false)).first, 401);
  auto write = Call("PATCH", "/api/v1/actors/bro", R"({"website": "https://x.example"})", As(b));
  EXPECT_EQ(write.first, 401);
}

TEST_P(AuthServerTest, TokensWorkUntilRevokedAndReadTokensCannotWrite) {
  Browser b = SignIn("member@example.org");
  auto created = Call("POST", "/api/v1/auth/tokens",
                      R"({"name": "sync script", "scope": "write", "days": 7})", As(b));
  ASSERT_EQ(created.first, 201) << created.second.dump();
  std::string token = created.second["token"];
  std::string id = created.second["id"];
  EXPECT_EQ(created.second["state"], "active");
  // Listed without the secret.
  auto listed = Call("GET", "/api/v1/auth/tokens", "", As(b, false));
  ASSERT_EQ(listed.first, 200);
  ASSERT_EQ(listed.second["items"].size(), 1u);
  EXPECT_FALSE(listed.second["items"][0].contains("token"));

  std::string patch = R"({"website": "https://bro.example"})";
  EXPECT_EQ(Call("PATCH", "/api/v1/actors/bro", patch, testing::BearerHeaders(token)).first, 200);
  // A token needs no CSRF token (no cookie is involved) and cannot act beyond its user's roles.
  EXPECT_EQ(Call("PATCH", "/api/v1/actors/lyon", patch, testing::BearerHeaders(token)).first, 403);

  EXPECT_EQ(Call("DELETE", "/api/v1/auth/tokens/" + id, "", As(b)).first, 204);
  auto revoked = Call("PATCH", "/api/v1/actors/bro", patch, testing::BearerHeaders(token));
  EXPECT_EQ(revoked.first, 401);

  auto read = Call("POST", "/api/v1/auth/tokens", R"({"name": "reader", "scope": "read"})", As(b));
  ASSERT_EQ(read.first, 201);
  auto refused =
      Call("PATCH", "/api/v1/actors/bro", patch, testing::BearerHeaders(read.second["token"]));
  EXPECT_EQ(refused.first, 403);
  EXPECT_NE(refused.second["error"]["message"].get<std::string>().find("read-only"),
            std::string::npos);
  EXPECT_EQ(Call("GET", "/api/v1/auth/me", "", testing::BearerHeaders(read.second["token"])).first,
            200);
  EXPECT_EQ(Call("POST", "/api/v1/auth/tokens", R"({"name": "x", "scope": "admin"})", As(b)).first,
            400);
}

TEST_P(AuthServerTest, RepeatedFailuresLockTheAccount) {
  for (int i = 0; i < 5; ++i) {
    auto bad =
        Call("POST", "/api/v1/auth/signin",
             json{{"email", "member@example.org"}, {"password", "wrong but long"}}.dump(), {});
    EXPECT_EQ(bad.first, 401) << i;
  }
  auto locked = Call("POST", "/api/v1/auth/signin",
                     json{{"email", "member@example.org"}, {"password", kPassword}}.dump(), {});
  EXPECT_EQ(locked.first, 429);
  EXPECT_NE(locked.second["error"]["message"].get<std::string>().find("locked"), std::string::npos);
  // The admin sees every attempt in the sign-in log.
  Browser admin = SignIn("admin@example.org");
  auto log = Call("GET", "/api/v1/auth/signins?limit=20", "", As(admin, false));
  ASSERT_EQ(log.first, 200);
  int failures = 0;
  for (const json& e : log.second["items"]) failures += e["outcome"] != "ok";
  EXPECT_EQ(failures, 6);
  EXPECT_EQ(Call("GET", "/api/v1/auth/signins", "", As(SignIn("steward@example.org"), false)).first,
            403);
}

// Who may do what: every endpoint that changes something or reads accounts and logs, and the
// open ones, for every role, with the exact status.
TEST_P(AuthServerTest, WritePermissionMatrix) {
  struct Case {
    std::string method, path, body;
  };
  const std::string patch = R"({"website": "https://changed.example"})";
  const std::vector<Case> cases = {
      {"PATCH", "/api/v1/actors/bro", patch},   // 0
      {"PATCH", "/api/v1/actors/lyon", patch},  // 1
      {"POST", "/api/v1/actors",
       R"({"name": "New Welsh co-op", "address": {"country": "GB", "region": "Wales"}})"},  // 2
      {"POST", "/api/v1/relationships",
       R"({"from": "lyon", "to": "bro", "type": "partner_of"})"},               // 3
      {"PATCH", "/api/v1/territories/GB/wales", R"({"population": 3100000})"},  // 4
      {"DELETE", "/api/v1/actors/bro", ""},                                     // 5
      {"POST", "/api/v1/actors/bro/restore", ""},                               // 6
      {"GET", "/api/v1/users", ""},                                             // 7
      {"GET", "/api/v1/audit", ""},                                             // 8
      {"PATCH", "/api/v1/relationships/REL", R"({"description": "changed"})"},  // 9
      {"DELETE", "/api/v1/relationships/REL", ""},                              // 10
      {"POST", "/api/v1/users", R"({"email": "EMAIL", "password": "a long new passphrase"})"},
      {"PATCH", "/api/v1/users/NOBODY", R"({"disabled": false})"},  // 12
      {"GET", "/api/v1/users/NOBODY", ""},                          // 13
      {"GET", "/api/v1/audit/verify", ""},                          // 14
      {"GET", "/api/v1/auth/signins", ""},                          // 15
      {"POST", "/api/v1/users/NOBODY/roles", R"({"role": "member", "scope": "actor:bro"})"},
      {"DELETE", "/api/v1/users/NOBODY/roles", R"({"role": "member", "scope": "actor:bro"})"},
      {"GET", "/api/v1/auth/me", ""},                            // 18
      {"GET", "/api/v1/auth/tokens", ""},                        // 19
      {"POST", "/api/v1/auth/tokens", R"({"name": "matrix"})"},  // 20
      {"DELETE", "/api/v1/auth/tokens/tok-none", ""},            // 21
      {"POST", "/api/v1/auth/password",
       R"({"current_password": "not the password", "new_password": "x"})"},  // 22
      {"GET", "/api/v1/actors/bro/access", ""},                              // 23
      {"GET", "/api/v1/territories", ""},                                    // 24
      {"GET", "/api/v1/taxonomies", ""},                                     // 25
      {"GET", "/api/v1/config", ""},                                         // 26
  };
  // Expected statuses per role, in the order of `cases` (11: add a user; 16 and 17: grant and
  // revoke "member" of bro to "nobody"). Rows 9 and 10 act on the relationship the role created in
  // row 3 (none when it could not: 404); rows 12 to 17 on the user "nobody", who may read their
  // own account (row 13).
  // Rows 18 to 26: one's own account (a wrong current password is 400), and reads open to all.
  const std::vector<int> own = {200, 200, 201, 404, 400, 200, 200, 200, 200};
  const std::vector<int> anonymous = {401, 401, 401, 401, 401, 200, 200, 200, 200};
  auto row = [](std::vector<int> first, const std::vector<int>& rest) {
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
  };
  const std::map<std::string, std::vector<int>> expected = {
      {"", row({401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401,
                401},
               anonymous)},
      {"nobody@example.org", row({403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 404, 403, 403,
                                  200, 403, 403, 403, 403},
                                 own)},
      {"assessor@example.org", row({403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 404, 403, 403,
                                    403, 403, 403, 403, 403},
                                   own)},
      {"funder@example.org", row({403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 404, 403, 403,
                                  403, 403, 403, 403, 403},
                                 own)},
      {"member@example.org", row({200, 403, 403, 201, 403, 403, 403, 403, 403, 200, 204, 403, 403,
                                  403, 403, 403, 403, 403},
                                 own)},
      {"steward@example.org", row({200, 403, 201, 201, 403, 204, 403, 403, 403, 200, 204, 403, 403,
                                   403, 403, 403, 200, 200},
                                  own)},
      {"wales@example.org", row({200, 403, 201, 201, 200, 204, 403, 403, 403, 200, 204, 403, 403,
                                 403, 403, 403, 200, 200},
                                own)},
      {"admin@example.org", row({200, 200, 201, 201, 200, 204, 200, 200, 200, 200, 204, 201, 200,
                                 200, 200, 200, 200, 200},
                                own)},
  };
  for (const auto& [who, statuses] : expected) {
    // Each role starts from the same registry: the delete is undone by an admin afterwards.
    Browser b = who.empty() ? Browser{} : SignIn(who);
    for (size_t i = 0; i < cases.size(); ++i) {
      const Case& c = cases[i];
      std::string body = c.body;
      std::string path = c.path;
      const std::string rel_id = "rel-" + std::to_string(std::hash<std::string>{}(who));
      if (i == 3) {  // one relationship id per role, so that creating it twice does not conflict
        body = json{{"from", "lyon"}, {"to", "bro"}, {"type", "partner_of"}, {"id", rel_id}}.dump();
      }
      auto replace = [](std::string* text, const std::string& from, const std::string& to) {
        size_t at = text->find(from);
        if (at != std::string::npos) text->replace(at, from.size(), to);
      };
      replace(&path, "REL", rel_id);
      replace(&path, "NOBODY", ids_["nobody@example.org"]);
      replace(&body, "EMAIL", "new-" + std::to_string(i) + "@example.org");
      auto r = Call(c.method, path, body, who.empty() ? httplib::Headers{} : As(b));
      EXPECT_EQ(r.first, statuses[i])
          << who << ": " << c.method << " " << path << " -> " << r.second.dump();
      if (c.method == "DELETE" && r.first == 204) {
        Browser admin = SignIn("admin@example.org");
        ASSERT_EQ(Call("POST", "/api/v1/actors/bro/restore", "", As(admin)).first, 200);
      }
    }
  }
}

TEST_P(AuthServerTest, StewardsGrantMembershipOfWhatTheyCurateOnly) {
  Browser steward = SignIn("steward@example.org");
  std::string nobody = ids_["nobody@example.org"];
  auto found = Call("GET", "/api/v1/users?email=nobody@example.org", "", As(steward, false));
  ASSERT_EQ(found.first, 200);
  ASSERT_EQ(found.second["items"].size(), 1u);
  EXPECT_EQ(found.second["items"][0]["id"], nobody);
  auto grant = Call("POST", "/api/v1/users/" + nobody + "/roles",
                    R"({"role": "member", "scope": "actor:bro"})", As(steward));
  EXPECT_EQ(grant.first, 200) << grant.second.dump();
  EXPECT_EQ(Call("POST", "/api/v1/users/" + nobody + "/roles",
                 R"({"role": "member", "scope": "actor:lyon"})", As(steward))
                .first,
            403);
  EXPECT_EQ(
      Call("POST", "/api/v1/users/" + nobody + "/roles", R"({"role": "admin"})", As(steward)).first,
      403);
  // The new member may now edit the co-op.
  Browser member = SignIn("nobody@example.org");
  EXPECT_EQ(
      Call("PATCH", "/api/v1/actors/bro", R"({"website": "https://m.example"})", As(member)).first,
      200);
  EXPECT_EQ(Call("DELETE", "/api/v1/users/" + nobody + "/roles",
                 R"({"role": "member", "scope": "actor:bro"})", As(steward))
                .first,
            200);
  EXPECT_EQ(
      Call("PATCH", "/api/v1/actors/bro", R"({"website": "https://n.example"})", As(member)).first,
      403);
}

TEST_P(AuthServerTest, TheAuditLogRecordsWhoWhatAndWhereAndVerifies) {
  Browser member = SignIn("member@example.org");
  ASSERT_EQ(
      Call("PATCH", "/api/v1/actors/bro", R"({"website": "https://audit.example"})", As(member))
          .first,
      200);
  Browser admin = SignIn("admin@example.org");
  auto log = Call("GET", "/api/v1/audit?limit=1000", "", As(admin, false));
  ASSERT_EQ(log.first, 200);
  const json& last = log.second["items"].back();
  EXPECT_EQ(last["action"], "actor.update");
  EXPECT_EQ(last["who"], "user:" + ids_["member@example.org"]);
  EXPECT_EQ(last["address"], "127.0.0.1");
  EXPECT_EQ(last["object_id"], "bro");
  EXPECT_TRUE(last["before"]["website"].is_null());
  EXPECT_EQ(last["after"]["website"], "https://audit.example");
  auto verify = Call("GET", "/api/v1/audit/verify", "", As(admin, false));
  ASSERT_EQ(verify.first, 200);
  EXPECT_EQ(verify.second["ok"], true);
  EXPECT_EQ(verify.second["entries"], log.second["items"].size());
}

TEST_P(AuthServerTest, EveryResponseCarriesTheSecurityHeaders) {
  ServerOptions o = Options();
  o.web_root = "web";  // replaced by a temporary folder with an index.html
  o.tile_url = "https://{s}.tile.example.org/{z}/{x}/{y}.png";
  Start(o);
  for (const std::string path : {"/api/v1/health", "/", "/index.html", "/api/v1/nothing"}) {
    auto res = server_->client().Get(path.c_str());
    ASSERT_TRUE(res) << path;
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_NE(csp.find("img-src 'self' data: https://*.tile.example.org"), std::string::npos)
        << csp;
    EXPECT_EQ(csp.find("unsafe"), std::string::npos) << csp;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin")) << path;
  }
}

TEST_P(AuthServerTest, CorsIsClosedUnlessAnOriginIsAllowed) {
  httplib::Headers from_elsewhere = {{"Origin", "https://evil.example"}};
  auto res = server_->client().Get("/api/v1/actors", from_elsewhere);
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  auto preflight = server_->client().Options("/api/v1/actors", from_elsewhere);
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 403);

  ServerOptions o = Options();
  o.cors_origins = {"https://map.example.org"};
  Start(o);
  httplib::Headers allowed = {{"Origin", "https://map.example.org"}};
  res = server_->client().Get("/api/v1/actors", allowed);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "https://map.example.org");
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Credentials"));
  preflight = server_->client().Options("/api/v1/actors", allowed);
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization"),
            std::string::npos);
  res = server_->client().Get("/api/v1/actors", from_elsewhere);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));

  o.cors_origins = {"map.example.org"};
  EXPECT_EQ(Server::Create([&] {
              ServerOptions bad = o;
              bad.db_url = db_.url();
              return bad;
            }())
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST_P(AuthServerTest, OversizedRequestsAreRefused) {
  std::string huge(2 << 20, 'x');
  // Refused from its Content-Length before the body is read (only imports may send more): the
  // client reads the 413, or, when the server closes the connection while it is still sending,
  // sees the connection end. Either way the server goes on serving.
  auto res = server_->client().Post("/api/v1/auth/signin", huge, "application/json");
  EXPECT_TRUE(!res || res->status == 413) << res->status;
  auto after = server_->client().Get("/api/v1/health");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  std::string just_over((1 << 20) + 10, 'x');
  auto over = server_->client().Post("/api/v1/auth/signin", just_over, "application/json");
  EXPECT_TRUE(!over || over->status == 413);
  httplib::Headers big = {{"X-Filler", std::string(20000, 'y')}};
  auto r2 = server_->client().Get("/api/v1/health", big);
  EXPECT_TRUE(!r2 || r2->status >= 400);
}

// Who may read what: for every role, the exact status of each read endpoint on public, network
// and private data, and that nothing it may not see appears in any response (actors, fields,
// search results and snippets, boxes, map points, relationships, counts).
TEST_P(AuthServerTest, ReadPermissionMatrix) {
  {
    registry::Registry reg(db_.store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    // "bro" (public) keeps its phone to its members and a note to its network.
    ASSERT_TRUE(reg.UpdateActor("bro",
                                {{"contacts", {{"phone", "SECRETPHONE"}}},
                                 {"description", {{"en", "Networknote for members"}}},
                                 {"field_visibility",
                                  {{"contacts", "private"}, {"description", "network"}}}},
                                {}, "test")
                    .ok());
    model::Actor hidden;
    hidden.id = "hidden-group";
    hidden.name = "Zzyzx women's transport";
    hidden.description = {{"en", "Hiddenwords about routes"}};
    hidden.address = {"", "Cardiff", "Wales", "", "GB"};
    hidden.location = model::Location{51.4816, -3.1791, model::LocationPrecision::kExact};
    hidden.visibility = model::Visibility::kPrivate;
    ASSERT_TRUE(reg.CreateActor(hidden, "test").ok());
    model::Actor net_only;
    net_only.id = "netonly";
    net_only.name = "Netonly circle";
    net_only.address = {"", "Swansea", "Wales", "", "GB"};
    net_only.location = model::Location{51.62, -3.94, model::LocationPrecision::kExact};
    net_only.visibility = model::Visibility::kNetwork;
    ASSERT_TRUE(reg.CreateActor(net_only, "test").ok());
    for (const char* id : {"hidden-group", "netonly"}) {
      model::Relationship m;
      m.id = std::string("m-") + id;
      m.from = id;
      m.to = "wales-net";
      m.type = model::RelationshipType::kMemberOf;
      ASSERT_TRUE(reg.CreateRelationship(m, "test").ok());
    }
    auth::AccountsOptions ao;
    ao.password_cost = auth::PasswordCost::kMinimum;
    auth::Accounts accounts(db_.store(), SystemClock(), ao);
    auto lyon = accounts.AddUser("lyon@example.org", kPassword, "");
    ASSERT_TRUE(lyon.ok());
    ASSERT_TRUE(accounts.GrantRole(lyon->id, auth::Role::kMember, "actor:lyon").ok());
  }
  // What each role sees: the hidden group, the network-only actor, bro's private phone and
  // bro's network note.
  struct Sees {
    bool hidden, net_only, phone, note;
  };
  const std::map<std::string, Sees> roles = {
      {"", {false, false, false, false}},
      {"nobody@example.org", {false, false, false, false}},
      {"lyon@example.org", {false, false, false, false}},
      {"assessor@example.org", {false, false, false, false}},
      {"funder@example.org", {false, false, false, false}},
      {"member@example.org", {false, true, true, true}},
      {"steward@example.org", {false, true, false, true}},
      {"wales@example.org", {false, true, false, true}},
      {"admin@example.org", {true, true, true, true}},
  };
  const std::string box = "bbox=-3.2,51.4,-3.1,51.5";  // around the hidden group only
  for (const auto& [who, sees] : roles) {
    httplib::Headers h = who.empty() ? httplib::Headers{} : As(SignIn(who), false);
    std::string all_bodies;
    auto get = [&](const std::string& path) {
      auto res = Send("GET", path, "", h);
      EXPECT_TRUE(res) << path;
      if (!res) return std::pair<int, json>{0, nullptr};
      all_bodies += res->body;
      return std::pair<int, json>{res->status, json::parse(res->body, nullptr, false)};
    };
    auto ids_of = [](const json& items) {
      std::set<std::string> ids;
      for (const json& i : items) ids.insert(i.is_array() ? i[0] : i["id"]);
      return ids;
    };
    SCOPED_TRACE(who.empty() ? "public" : who);
    EXPECT_EQ(get("/api/v1/actors/hidden-group").first, sees.hidden ? 200 : 404);
    EXPECT_EQ(get("/api/v1/actors/hidden-group/relationships").first, sees.hidden ? 200 : 404);
    EXPECT_EQ(get("/api/v1/actors/hidden-group/access").first, sees.hidden ? 200 : 404);
    EXPECT_EQ(get("/api/v1/relationships/m-hidden-group").first, sees.hidden ? 200 : 404);
    EXPECT_EQ(get("/api/v1/actors/netonly").first, sees.net_only ? 200 : 404);
    EXPECT_EQ(get("/api/v1/relationships/m-netonly").first, sees.net_only ? 200 : 404);
    auto bro = get("/api/v1/actors/bro");
    ASSERT_EQ(bro.first, 200);
    EXPECT_EQ(bro.second["contacts"].contains("phone"), sees.phone);
    EXPECT_EQ(!bro.second["description"].empty(), sees.note);
    EXPECT_EQ(bro.second.contains("field_visibility"), sees.phone);  // members and admins
    EXPECT_EQ(bro.second["provenance"].contains("contacts"), sees.phone);
    // Search: by name; never by restricted words (they are not indexed).
    EXPECT_EQ(ids_of(get("/api/v1/actors?q=zzyzx").second["items"]).count("hidden-group"),
              sees.hidden ? 1u : 0u);
    EXPECT_EQ(ids_of(get("/api/v1/actors?q=netonly").second["items"]).count("netonly"),
              sees.net_only ? 1u : 0u);
    // A private record's own text is indexed, and found only by those who may see it.
    EXPECT_EQ(ids_of(get("/api/v1/actors?q=hiddenwords").second["items"]).count("hidden-group"),
              sees.hidden ? 1u : 0u);
    EXPECT_TRUE(get("/api/v1/actors?q=networknote").second["items"].empty());
    // Boxes and map points, narrowed around the hidden group.
    EXPECT_EQ(ids_of(get("/api/v1/actors?" + box).second["items"]).count("hidden-group"),
              sees.hidden ? 1u : 0u);
    EXPECT_EQ(ids_of(get("/api/v1/map/points?" + box).second["items"]).count("hidden-group"),
              sees.hidden ? 1u : 0u);
    std::set<std::string> expected_gb = {"bro", "wales-net"};
    if (sees.hidden) expected_gb.insert("hidden-group");
    if (sees.net_only) expected_gb.insert("netonly");
    EXPECT_EQ(ids_of(get("/api/v1/actors?country=GB&limit=500").second["items"]), expected_gb);
    // The network's members: the hidden ones only to those who may see them.
    std::set<std::string> members;
    auto rels = get("/api/v1/actors/wales-net/relationships");
    for (const json& r : rels.second["items"]) members.insert(r["from"]);
    SCOPED_TRACE(rels.second.dump());
    EXPECT_EQ(members.count("hidden-group"), sees.hidden ? 1u : 0u);
    EXPECT_EQ(members.count("netonly"), sees.net_only ? 1u : 0u);
    // Counts are of public actors, for everyone, and no territory exists only because a hidden
    // actor is there (the network-only circle is the only actor in Swansea).
    EXPECT_EQ(get("/api/v1/territories/GB/wales").second["actors"], 2);
    EXPECT_EQ(get("/api/v1/territories/GB/wales/swansea").first, 404);
    std::set<std::string> localities;
    auto wales = get("/api/v1/territories?parent=GB/wales");
    SCOPED_TRACE(wales.second.dump());
    for (const json& t : wales.second["items"]) {
      localities.insert(t["id"]);
    }
    EXPECT_EQ(localities, std::set<std::string>{"GB/wales/cardiff"});
    // And nothing restricted anywhere in what was sent.
    if (!sees.hidden) {
      for (const char* secret : {"Zzyzx", "Hiddenwords", "51.4816"}) {
        EXPECT_EQ(all_bodies.find(secret), std::string::npos) << secret;
      }
    }
    if (!sees.net_only) {
      EXPECT_EQ(all_bodies.find("Netonly"), std::string::npos);
    }
    if (!sees.phone) {
      EXPECT_EQ(all_bodies.find("SECRETPHONE"), std::string::npos);
    }
    if (!sees.note) {
      EXPECT_EQ(all_bodies.find("Networknote"), std::string::npos);
    }
  }
}

// A field restricted beyond what a steward sees cannot be changed by it, and only members and
// admins change who sees what.
TEST_P(AuthServerTest, ChangesTouchOnlyWhatTheirAuthorSees) {
  Browser member = SignIn("member@example.org");
  auto restricted =
      Call("PATCH", "/api/v1/actors/bro",
           R"({"contacts": {"phone": "+44 1"}, "field_visibility": {"contacts": "private"},
                             "location": {"lat": 51.48163, "lon": -3.17909, "precision": "approximate"}})",
           As(member));
  ASSERT_EQ(restricted.first, 200) << restricted.second.dump();
  EXPECT_EQ(restricted.second["field_visibility"]["contacts"], "private");
  EXPECT_DOUBLE_EQ(restricted.second["location"]["lat"], 51.48163);  // members see it exactly
  auto pub = Call("GET", "/api/v1/actors/bro", "", {});
  EXPECT_TRUE(pub.second["contacts"].empty());
  EXPECT_DOUBLE_EQ(pub.second["location"]["lat"], 51.48);
  EXPECT_EQ(pub.second["location"]["precision"], "approximate");

  Browser steward = SignIn("steward@example.org");
  auto blind =
      Call("PATCH", "/api/v1/actors/bro", R"({"contacts": {"phone": "+44 2"}})", As(steward));
  EXPECT_EQ(blind.first, 403);
  EXPECT_NE(blind.second["error"]["message"].get<std::string>().find("contacts"),
            std::string::npos);
  EXPECT_EQ(Call("PATCH", "/api/v1/actors/bro", R"({"visibility": "private"})", As(steward)).first,
            403);
  EXPECT_EQ(Call("PATCH", "/api/v1/actors/bro", R"({"website": "https://ok.example"})", As(steward))
                .first,
            200);
  // A member hides the actor: the public loses it everywhere, the member keeps it.
  EXPECT_EQ(Call("PATCH", "/api/v1/actors/bro", R"({"visibility": "private"})", As(member)).first,
            200);
  EXPECT_EQ(Call("GET", "/api/v1/actors/bro", "", {}).first, 404);
  EXPECT_EQ(Call("GET", "/api/v1/actors/bro", "", As(member, false)).first, 200);
  EXPECT_EQ(
      Call("PATCH", "/api/v1/actors/bro", R"({"website": "https://x.example"})", As(steward)).first,
      404);
  auto access = Call("GET", "/api/v1/actors/bro/access", "", As(member, false));
  ASSERT_EQ(access.first, 200);
  EXPECT_EQ(access.second["sees"], "private");
  EXPECT_EQ(access.second["can_edit"], true);
  EXPECT_EQ(access.second["can_delete"], false);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& i) { return i.param; });

}  // namespace
}  // namespace ecosol::http
