#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <set>

#include "ecosol/auth/accounts.h"
#include "ecosol/auth/credentials.h"
#include "ecosol/auth/policy.h"
#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::auth {
namespace {

using std::chrono::minutes;

const char kPassword[] = "correct horse battery";

TEST(CredentialsTest, PolicyExplainsWhatIsWrong) {
  EXPECT_EQ(CheckPasswordPolicy("short", "a@b.org").code(), StatusCode::kInvalidArgument);
  EXPECT_NE(CheckPasswordPolicy("short", "a@b.org").message().find("at least 12"),
            std::string::npos);
  EXPECT_NE(CheckPasswordPolicy("Password1234", "a@b.org").message().find("common"),
            std::string::npos);
  EXPECT_NE(CheckPasswordPolicy("aaaaaaaaaaaaaa", "a@b.org").message().find("repeated"),
            std::string::npos);
  EXPECT_NE(CheckPasswordPolicy("xx-marianne-2026", "marianne@coop.fr").message().find("e-mail"),
            std::string::npos);
  EXPECT_TRUE(CheckPasswordPolicy(kPassword, "ana@example.org").ok());
  // Twelve characters, counted as characters rather than bytes.
  EXPECT_FALSE(CheckPasswordPolicy("ééééééàààà", "a@b.org").ok());
}

TEST(CredentialsTest, HashesVerifyOnlyTheirPassword) {
  auto h = HashPassword(kPassword, PasswordCost::kMinimum);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*h, kPassword));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse battery!"));
  EXPECT_FALSE(VerifyPassword("", kPassword));
  auto h2 = HashPassword(kPassword, PasswordCost::kMinimum);
  EXPECT_NE(*h, *h2);  // salted
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_NE(RandomSecret(32), RandomSecret(32));
}

TEST(PolicyTest, ScopesOfGrants) {
  EXPECT_TRUE(CheckGrantScope(Role::kAdmin, "").ok());
  EXPECT_FALSE(CheckGrantScope(Role::kAdmin, "actor:x").ok());
  EXPECT_TRUE(CheckGrantScope(Role::kSteward, "network:ripess").ok());
  EXPECT_TRUE(CheckGrantScope(Role::kSteward, "territory:GB/wales").ok());
  EXPECT_FALSE(CheckGrantScope(Role::kSteward, "").ok());
  EXPECT_FALSE(CheckGrantScope(Role::kMember, "network:x").ok());
  EXPECT_FALSE(CheckGrantScope(Role::kMember, "actor:").ok());
  EXPECT_TRUE(CheckGrantScope(Role::kFunder, "actor:fund").ok());
  EXPECT_TRUE(CheckGrantScope(Role::kAssessor, "").ok());
  EXPECT_TRUE(WithinTerritory("GB/wales/cardiff", "GB/wales"));
  EXPECT_TRUE(WithinTerritory("GB/wales", "GB/wales"));
  EXPECT_FALSE(WithinTerritory("GB/walesx", "GB/wales"));
  EXPECT_FALSE(WithinTerritory("GB", "GB/wales"));
}

Principal With(std::vector<Grant> grants, bool read_only = false) {
  Principal p;
  p.user_id = "usr-1";
  p.who = "user:usr-1";
  p.signed_in = true;
  p.read_only = read_only;
  p.grants = std::move(grants);
  return p;
}

TEST(PolicyTest, DecidesByRoleAndScope) {
  ActorScope coop{"coop", "GB/wales/cardiff", {"wales-net"}};
  ActorScope other{"other", "FR", {}};
  Target on_coop{{coop}, "", Role::kMember, ""};
  Target on_other{{other}, "", Role::kMember, ""};

  EXPECT_EQ(Authorize(Public(), Action::kEditActor, on_coop).code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(Authorize(AdminTokenHolder(), Action::kRestoreActor, on_coop).ok());

  Principal member = With({{Role::kMember, "actor:coop"}});
  EXPECT_TRUE(Authorize(member, Action::kEditActor, on_coop).ok());
  EXPECT_EQ(Authorize(member, Action::kEditActor, on_other).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Authorize(member, Action::kDeleteActor, on_coop).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Authorize(member, Action::kCreateActor, {}).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Authorize(member, Action::kViewAudit).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(Authorize(member, Action::kManageOwnAccount).ok());
  // Relationships: either end will do.
  EXPECT_TRUE(
      Authorize(member, Action::kEditRelationship, Target{{other, coop}, "", Role::kMember, ""})
          .ok());

  Principal net = With({{Role::kSteward, "network:wales-net"}});
  EXPECT_TRUE(Authorize(net, Action::kEditActor, on_coop).ok());
  EXPECT_TRUE(Authorize(net, Action::kDeleteActor, on_coop).ok());
  EXPECT_FALSE(Authorize(net, Action::kDeleteActor, on_other).ok());
  EXPECT_FALSE(Authorize(net, Action::kRestoreActor, on_coop).ok());
  EXPECT_TRUE(Authorize(net, Action::kGrantRole, on_coop).ok());  // member of coop
  Target admin_role = on_coop;
  admin_role.role = Role::kAdmin;
  EXPECT_FALSE(Authorize(net, Action::kGrantRole, admin_role).ok());
  EXPECT_TRUE(Authorize(net, Action::kListUsers).ok());
  EXPECT_FALSE(Authorize(net, Action::kManageUsers).ok());

  Principal wales = With({{Role::kSteward, "territory:GB/wales"}});
  EXPECT_TRUE(Authorize(wales, Action::kEditActor, on_coop).ok());
  EXPECT_FALSE(Authorize(wales, Action::kEditActor, on_other).ok());
  EXPECT_TRUE(
      Authorize(wales, Action::kCreateActor, Target{{}, "GB/wales/swansea", Role::kMember, ""})
          .ok());
  EXPECT_FALSE(
      Authorize(wales, Action::kCreateActor, Target{{}, "GB/scotland", Role::kMember, ""}).ok());
  EXPECT_TRUE(
      Authorize(wales, Action::kEditTerritory, Target{{}, "GB/wales/cardiff", Role::kMember, ""})
          .ok());
  EXPECT_FALSE(Authorize(wales, Action::kEditTerritory, Target{{}, "GB", Role::kMember, ""}).ok());

  // Merges: the steward must curate every actor involved; members may not merge.
  Target both{{coop, other}, "", Role::kMember, ""};
  EXPECT_TRUE(Authorize(wales, Action::kMergeActors, on_coop).ok());
  EXPECT_EQ(Authorize(wales, Action::kMergeActors, both).code(), StatusCode::kPermissionDenied);
  EXPECT_FALSE(Authorize(member, Action::kMergeActors, on_coop).ok());
  EXPECT_FALSE(Authorize(wales, Action::kMergeActors, {}).ok());
  EXPECT_TRUE(Authorize(AdminTokenHolder(), Action::kMergeActors, both).ok());
  EXPECT_FALSE(Authorize(wales, Action::kSyncPeers).ok());
  EXPECT_TRUE(Authorize(With({{Role::kSteward, ""}}), Action::kSyncPeers).ok());
  // Knowledge cases: any signed-in writer contributes; stewards of any scope review.
  EXPECT_TRUE(Authorize(member, Action::kContributeCase).ok());
  EXPECT_EQ(Authorize(Public(), Action::kContributeCase).code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Authorize(member, Action::kReviewCase).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(Authorize(wales, Action::kReviewCase).ok());
  // Finance: stewards of any scope and admins; members for their own organisation only; a
  // read-only token reads but does not write.
  EXPECT_TRUE(Authorize(wales, Action::kReadFinance).ok());
  EXPECT_TRUE(Authorize(wales, Action::kManageFinance).ok());
  EXPECT_EQ(Authorize(member, Action::kReadFinance).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(Authorize(member, Action::kReadFinance, on_coop).ok());
  EXPECT_TRUE(Authorize(member, Action::kManageFinance, on_coop).ok());
  EXPECT_FALSE(
      Authorize(member, Action::kReadFinance, Target{{other}, "", Role::kMember, ""}).ok());
  EXPECT_EQ(Authorize(Public(), Action::kReadFinance).code(), StatusCode::kUnauthenticated);
  Principal reader = wales;
  reader.read_only = true;
  EXPECT_TRUE(Authorize(reader, Action::kReadFinance).ok());
  EXPECT_EQ(Authorize(reader, Action::kManageFinance).code(), StatusCode::kPermissionDenied);

  Principal assessor = With({{Role::kAssessor, ""}});
  EXPECT_FALSE(Authorize(assessor, Action::kEditActor, on_coop).ok());
  Principal funder = With({{Role::kFunder, "actor:coop"}});
  EXPECT_FALSE(Authorize(funder, Action::kEditActor, on_coop).ok());

  Principal admin_read = With({{Role::kAdmin, ""}}, /*read_only=*/true);
  Status ro = Authorize(admin_read, Action::kEditActor, on_coop);
  EXPECT_EQ(ro.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(ro.message().find("read-only"), std::string::npos);
}

class AccountsTest : public ::testing::TestWithParam<std::string> {
 protected:
  AccountsTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    AccountsOptions o;
    o.password_cost = PasswordCost::kMinimum;
    accounts_ = std::make_unique<Accounts>(db_.store(), clock_, o);
    accounts_->SetAuditSource("cli:test", "local");
  }
  store::UserRecord Add(const std::string& email) {
    auto u = accounts_->AddUser(email, kPassword, "Ana");
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : store::UserRecord{};
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_P(AccountsTest, UsersAreUniqueByEmailAndNeverStoreThePassword) {
  store::UserRecord u = Add("Ana@Example.org ");
  EXPECT_EQ(u.email, "ana@example.org");
  EXPECT_EQ(u.password_hash.find(kPassword), std::string::npos);
  EXPECT_EQ(accounts_->AddUser("ana@example.org", kPassword, "").status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(accounts_->AddUser("not an address", kPassword, "").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->AddUser("bo@example.org", "short", "").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(*db_.store().CountUsers(), 1);
  auto found = accounts_->FindUser("ANA@example.org");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, u.id);
  EXPECT_EQ(accounts_->FindUser(u.id)->email, "ana@example.org");
  nlohmann::json j = UserToJson(u, {});
  EXPECT_FALSE(j.contains("password_hash"));
}

TEST_P(AccountsTest, SignInMakesASessionThatExpires) {
  store::UserRecord u = Add("ana@example.org");
  auto s = accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->secret.size(), 40u);
  EXPECT_NE(s->record.id_hash, s->secret);  // only the hash is stored
  store::SessionRecord rec;
  auto p = accounts_->SessionPrincipal(s->secret, &rec);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user_id, u.id);
  EXPECT_EQ(p->who, "user:" + u.id);
  EXPECT_FALSE(rec.csrf_token.empty());
  EXPECT_EQ(accounts_->SessionPrincipal("nonsense", nullptr).status().code(),
            StatusCode::kUnauthenticated);

  clock_.Set(clock_.Now() + minutes(12 * 60 + 1));
  auto late = accounts_->SessionPrincipal(s->secret, nullptr);
  EXPECT_EQ(late.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(late.status().message().find("expired"), std::string::npos);

  auto s2 = accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1");
  ASSERT_TRUE(s2.ok());
  ASSERT_TRUE(accounts_->SignOut(s2->secret).ok());
  EXPECT_FALSE(accounts_->SessionPrincipal(s2->secret, nullptr).ok());
}

TEST_P(AccountsTest, ASignInPrunesSessionsThatExpired) {
  Add("ana@example.org");
  Add("bo@example.org");
  auto old_ana = accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1");
  ASSERT_TRUE(old_ana.ok());
  clock_.Set(clock_.Now() + minutes(6 * 60));
  auto live_ana = accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1");
  ASSERT_TRUE(live_ana.ok());
  // Bo signs in after Ana's first session expired but not her second.
  clock_.Set(clock_.Now() + minutes(6 * 60 + 1));
  auto bo = accounts_->SignIn("bo@example.org", kPassword, "192.0.2.2");
  ASSERT_TRUE(bo.ok());
  EXPECT_FALSE(db_.store().GetSession(old_ana->record.id_hash)->has_value());
  EXPECT_TRUE(db_.store().GetSession(live_ana->record.id_hash)->has_value());
  EXPECT_TRUE(accounts_->SessionPrincipal(live_ana->secret, nullptr).ok());
  EXPECT_TRUE(accounts_->SessionPrincipal(bo->secret, nullptr).ok());
  // Nothing left to prune right after.
  EXPECT_EQ(*db_.store().DeleteExpiredSessions(FormatTimestamp(clock_.Now())), 0);
}

TEST_P(AccountsTest, RepeatedFailuresLockTheAccountAndEveryAttemptIsLogged) {
  Add("ana@example.org");
  for (int i = 0; i < 5; ++i) {
    auto bad = accounts_->SignIn("ana@example.org", "wrong password!!", "192.0.2.1");
    EXPECT_EQ(bad.status().code(), StatusCode::kUnauthenticated) << i;
  }
  // Locked now, even with the right password.
  auto locked = accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1");
  EXPECT_EQ(locked.status().code(), StatusCode::kTooManyRequests);
  EXPECT_NE(locked.status().message().find("locked"), std::string::npos);
  clock_.Set(clock_.Now() + minutes(16));
  EXPECT_TRUE(accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1").ok());
  // Unknown e-mails get the same answer as wrong passwords.
  auto unknown = accounts_->SignIn("nobody@example.org", kPassword, "192.0.2.1");
  EXPECT_EQ(unknown.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(
      unknown.status().message(),
      accounts_->SignIn("ana@example.org", "wrong password!!", "192.0.2.1").status().message());
  auto events = db_.store().SignInEvents(100);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 9u);
  std::multiset<std::string> outcomes;
  for (const auto& e : *events) outcomes.insert(e.outcome);
  EXPECT_EQ(outcomes.count("bad_password"), 6u);
  EXPECT_EQ(outcomes.count("locked"), 1u);
  EXPECT_EQ(outcomes.count("ok"), 1u);
  EXPECT_EQ(outcomes.count("unknown_user"), 1u);
}

TEST_P(AccountsTest, AnAddressFailingTooOftenIsRefused) {
  Add("ana@example.org");
  for (int i = 0; i < 20; ++i) {
    (void)accounts_->SignIn("user" + std::to_string(i) + "@example.org", kPassword, "198.51.100.9");
  }
  auto refused = accounts_->SignIn("ana@example.org", kPassword, "198.51.100.9");
  EXPECT_EQ(refused.status().code(), StatusCode::kTooManyRequests);
  // Another address is not affected.
  EXPECT_TRUE(accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1").ok());
  clock_.Set(clock_.Now() + minutes(16));
  EXPECT_TRUE(accounts_->SignIn("ana@example.org", kPassword, "198.51.100.9").ok());
}

TEST_P(AccountsTest, TokensAreShownOnceScopedRevocableAndExpire) {
  store::UserRecord u = Add("ana@example.org");
  ASSERT_TRUE(accounts_->GrantRole(u.id, Role::kAdmin, "").ok());
  auto t = accounts_->CreateToken(u.id, "nightly export", "read", 30);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->token.rfind("eco_", 0), 0u);
  EXPECT_EQ(t->record.secret_hash.find(t->token.substr(t->token.find('_', 4) + 1)),
            std::string::npos);
  auto p = accounts_->TokenPrincipal(t->token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_TRUE(p->read_only);
  EXPECT_TRUE(p->IsAdmin());
  EXPECT_EQ(p->who, "token:" + t->record.id);
  // A mistyped secret, a wrong id, garbage.
  std::string wrong = t->token;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(accounts_->TokenPrincipal(wrong).status().code(), StatusCode::kUnauthenticated);
  EXPECT_FALSE(accounts_->TokenPrincipal("eco_").ok());
  EXPECT_FALSE(accounts_->TokenPrincipal("Bearer x").ok());

  EXPECT_EQ(accounts_->CreateToken(u.id, "x", "admin", 30).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->CreateToken(u.id, "x", "read", 0).status().code(),
            StatusCode::kInvalidArgument);

  auto w = accounts_->CreateToken(u.id, "sync", "write", 1);
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE(accounts_->TokenPrincipal(w->token)->read_only);
  ASSERT_TRUE(accounts_->RevokeToken(u.id, w->record.id).ok());
  EXPECT_EQ(accounts_->TokenPrincipal(w->token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts_->RevokeToken("usr-other", t->record.id).code(), StatusCode::kNotFound);

  clock_.Set(clock_.Now() + minutes(31 * 24 * 60));
  EXPECT_EQ(accounts_->TokenPrincipal(t->token).status().code(), StatusCode::kUnauthenticated);
  auto listed = db_.store().Tokens(u.id);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  std::set<std::string> states;
  for (const auto& r : *listed)
    states.insert(TokenToJson(r, FormatTimestamp(clock_.Now()))["state"]);
  EXPECT_EQ(states, (std::set<std::string>{"expired", "revoked"}));
}

TEST_P(AccountsTest, DisablingAUserEndsSessionsAndTokens) {
  store::UserRecord u = Add("ana@example.org");
  auto s = accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1");
  auto t = accounts_->CreateToken(u.id, "t", "write", 5);
  ASSERT_TRUE(s.ok() && t.ok());
  ASSERT_TRUE(accounts_->SetDisabled(u.id, true).ok());
  EXPECT_FALSE(accounts_->SessionPrincipal(s->secret, nullptr).ok());
  EXPECT_FALSE(accounts_->TokenPrincipal(t->token).ok());
  EXPECT_EQ(accounts_->SignIn("ana@example.org", kPassword, "192.0.2.1").status().code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(accounts_->SetDisabled(u.id, false).ok());
  EXPECT_TRUE(accounts_->TokenPrincipal(t->token).ok());
}

TEST_P(AccountsTest, GrantsNeedAValidScopeAndAreRevocable) {
  store::UserRecord u = Add("ana@example.org");
  EXPECT_EQ(accounts_->GrantRole(u.id, Role::kMember, "actor:nope").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->GrantRole(u.id, Role::kSteward, "").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(accounts_->GrantRole(u.id, Role::kAssessor, "").ok());
  ASSERT_TRUE(accounts_->GrantRole(u.id, Role::kAssessor, "").ok());  // idempotent
  EXPECT_EQ(accounts_->GrantsOf(u.id)->size(), 1u);
  ASSERT_TRUE(accounts_->RevokeRole(u.id, Role::kAssessor, "").ok());
  EXPECT_EQ(accounts_->RevokeRole(u.id, Role::kAssessor, "").code(), StatusCode::kNotFound);
  EXPECT_TRUE(accounts_->GrantsOf(u.id)->empty());
}

// --- audit chain ---

class AuditTest : public AccountsTest {
 protected:
  void MakeHistory() {
    registry::Registry reg(db_.store(), clock_);
    reg.SetAuditSource("user:usr-x", "192.0.2.1");
    ASSERT_TRUE(reg.LoadTaxonomies(ecosol::testing::TaxonomyFolder()).ok());
    model::Actor a;
    a.name = "Cwmni Bro";
    a.address.country = "GB";
    auto created = reg.CreateActor(a, "test");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    ASSERT_TRUE(
        reg.UpdateActor(created->id, {{"website", "https://bro.example"}}, {}, "test").ok());
    ASSERT_TRUE(reg.DeleteActor(created->id).ok());
    ASSERT_TRUE(reg.RestoreActor(created->id).ok());
    Add("ana@example.org");
    id_ = created->id;
  }
  // Runs SQL on the store's database behind its back, as an attacker with file access would.
  void Tamper(const std::string& sql) {
    if (GetParam() == "sqlite") {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(db_.url().c_str(), &db), SQLITE_OK);
      char* err = nullptr;
      ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
      sqlite3_close(db);
    } else {
      PGconn* pg = PQconnectdb(db_.url().c_str());
      ASSERT_EQ(PQstatus(pg), CONNECTION_OK) << PQerrorMessage(pg);
      PGresult* r = PQexec(pg, sql.c_str());
      EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(pg);
      PQclear(r);
      PQfinish(pg);
    }
  }
  std::string id_;
};

TEST_P(AuditTest, EveryWriteIsChainedWithWhoWhatAndWhere) {
  MakeHistory();
  auto entries = db_.store().AuditEntries(1, 0);
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> actions;
  for (const auto& e : *entries) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"actor.create", "actor.update", "actor.delete",
                                               "actor.restore", "user.create"}));
  const store::AuditEntry& update = (*entries)[1];
  EXPECT_EQ(update.who, "user:usr-x");
  EXPECT_EQ(update.address, "192.0.2.1");
  EXPECT_EQ(update.object_id, id_);
  EXPECT_EQ(update.before.find("bro.example"), std::string::npos);
  EXPECT_NE(update.after.find("bro.example"), std::string::npos);
  EXPECT_EQ((*entries)[0].prev_hash, store::kAuditGenesis);
  EXPECT_EQ((*entries)[1].prev_hash, (*entries)[0].hash);
  // No password or hash of one in the log.
  EXPECT_EQ((*entries)[4].after.find("argon2"), std::string::npos);
  auto check = VerifyAudit(db_.store());
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok) << check->problem;
  EXPECT_EQ(check->entries, 5);
}

TEST_P(AuditTest, AnEditedEntryIsFound) {
  MakeHistory();
  Tamper("UPDATE audit_log SET who = 'user:someone-else' WHERE seq = 2");
  auto check = VerifyAudit(db_.store());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->first_bad, 2);
  EXPECT_NE(check->problem.find("hash"), std::string::npos);
}

TEST_P(AuditTest, AnEditedEntryWithARecomputedHashBreaksTheNextLink) {
  MakeHistory();
  auto entries = db_.store().AuditEntries(3, 1);
  ASSERT_TRUE(entries.ok() && entries->size() == 1u);
  store::AuditEntry e = (*entries)[0];
  e.after = "{}";
  std::string forged = store::AuditHash(e);
  Tamper("UPDATE audit_log SET after_doc = '{}', hash = '" + forged + "' WHERE seq = 3");
  auto check = VerifyAudit(db_.store());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->first_bad, 4);
  EXPECT_NE(check->problem.find("link"), std::string::npos);
}

TEST_P(AuditTest, ADeletedEntryIsFound) {
  MakeHistory();
  Tamper("DELETE FROM audit_log WHERE seq = 3");
  auto check = VerifyAudit(db_.store());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->first_bad, 3);
  EXPECT_NE(check->problem.find("missing"), std::string::npos);
}

TEST_P(AuditTest, ADeletedLastEntryIsFound) {
  MakeHistory();
  Tamper("DELETE FROM audit_log WHERE seq = 5");
  auto check = VerifyAudit(db_.store());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->first_bad, 5);
}

TEST_P(AuditTest, ReorderedEntriesAreFound) {
  MakeHistory();
  Tamper(
      "UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
      "UPDATE audit_log SET seq = 3 WHERE seq = 100");
  auto check = VerifyAudit(db_.store());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->first_bad, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& i) { return i.param; });
INSTANTIATE_TEST_SUITE_P(Backends, AuditTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& i) { return i.param; });

}  // namespace
}  // namespace ecosol::auth
