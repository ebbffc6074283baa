#pragma once

// Private to the store module: Store implemented once over SqlConnection, with the places where
// SQLite and PostgreSQL differ (schema, full-text search, spatial index) left to subclasses.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/store/store.h"
#include "sql_connection.h"

namespace ecosol::store {

// A piece of SQL with its parameters, built up by the query code.
struct SqlFragment {
  std::string sql;
  std::vector<SqlValue> params;
};

// Migration steps both backends run with the same SQL.
//
// Migration 4: the current version of an actor is its row; actor_versions keeps the superseded
// ones.
inline constexpr const char* kCurrentVersionInRowSql = R"sql(
ALTER TABLE actors ADD COLUMN change TEXT NOT NULL DEFAULT 'create';
UPDATE actors SET change = COALESCE((SELECT v.change FROM actor_versions v
  WHERE v.actor_id = actors.id AND v.version = actors.version), 'create');
DELETE FROM actor_versions WHERE EXISTS (SELECT 1 FROM actors a
  WHERE a.id = actor_versions.actor_id AND a.version = actor_versions.version);
)sql";
// Part of migration 5: the registry's generation (Store::Generation).
inline constexpr const char* kRegistryStateSql = R"sql(
CREATE TABLE registry_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL);
INSERT INTO registry_state (id, generation) VALUES (1, 0);
)sql";
// Migration 6: the generation in which each actor row was last written (Store::ActorChanges).
// Rows written before it have 0.
inline constexpr const char* kChangedGenerationSql = R"sql(
ALTER TABLE actors ADD COLUMN changed_gen BIGINT NOT NULL DEFAULT 0;
CREATE INDEX actors_by_changed_gen ON actors (changed_gen, rid);
)sql";
// Migration 9: screening profiles (versioned), assessments, the latest verdict per actor and
// framework, and background jobs (store/screening.h).
inline constexpr const char* kScreeningSql = R"sql(
CREATE TABLE actor_profiles (
  actor_id TEXT NOT NULL, version BIGINT NOT NULL, created_at TEXT NOT NULL,
  who TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL, statutes_name TEXT NOT NULL DEFAULT '',
  statutes_text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (actor_id, version)
);
CREATE TABLE assessments (
  id TEXT PRIMARY KEY, actor_id TEXT NOT NULL, framework TEXT NOT NULL,
  framework_version TEXT NOT NULL, n BIGINT NOT NULL, verdict TEXT NOT NULL,
  created_at TEXT NOT NULL, who TEXT NOT NULL DEFAULT '', profile_version BIGINT NOT NULL,
  result TEXT NOT NULL,
  UNIQUE (actor_id, framework, n)
);
CREATE TABLE latest_verdicts (
  actor_id TEXT NOT NULL, framework TEXT NOT NULL, verdict TEXT NOT NULL,
  PRIMARY KEY (actor_id, framework)
);
CREATE INDEX latest_verdicts_by_verdict ON latest_verdicts (framework, verdict, actor_id);
CREATE TABLE jobs (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, params TEXT NOT NULL,
  done BIGINT NOT NULL DEFAULT 0, total BIGINT NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, who TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT ''
);
)sql";

// Migration 16: the work queue (Store::ClaimJob). Jobs an older release left queued or
// running were run on that server's threads and have no checkpoint: they are failed, not
// started again from the beginning (which would assess some actors twice).
inline constexpr const char* kJobQueueSql = R"sql(
ALTER TABLE jobs ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN max_attempts BIGINT NOT NULL DEFAULT 3;
ALTER TABLE jobs ADD COLUMN worker TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN checkpoint TEXT NOT NULL DEFAULT '';
UPDATE jobs SET state = 'failed',
  error = 'stopped by an upgrade of Ecosol (the job ran on an older release); start it again'
  WHERE state IN ('queued', 'running');
CREATE INDEX jobs_waiting ON jobs (state, created_at, id);
CREATE INDEX jobs_by_who ON jobs (who, created_at);
)sql";

// Migration 17: the files background jobs work on (an import's upload), each kept until its job
// no longer needs it (Store::PutJobInput). Base64url text, which both backends store as it is.
inline constexpr const char* kJobInputsSql = R"sql(
CREATE TABLE job_inputs (
  job_id TEXT PRIMARY KEY, name TEXT NOT NULL, content TEXT NOT NULL
);
)sql";

// Migration 18: what finished jobs made (a report's document, an analysis; Store::PutJobOutput),
// as base64url text like the inputs.
inline constexpr const char* kJobOutputsSql = R"sql(
CREATE TABLE job_outputs (
  job_id TEXT PRIMARY KEY, name TEXT NOT NULL, content_type TEXT NOT NULL, content TEXT NOT NULL
);
)sql";

// Migration 10: merges of duplicates and their members, stewards' dedup decisions, dated
// indicators per actor and the federation peers' feed positions (store/resolution.h).
inline constexpr const char* kResolutionSql = R"sql(
CREATE TABLE merges (
  id TEXT PRIMARY KEY, survivor_id TEXT NOT NULL, created_at TEXT NOT NULL,
  who TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL, undone_at TEXT NOT NULL DEFAULT '',
  undone_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE merge_members (
  actor_id TEXT NOT NULL, merge_id TEXT NOT NULL, role TEXT NOT NULL, position BIGINT NOT NULL,
  PRIMARY KEY (actor_id, merge_id)
);
CREATE INDEX merge_members_by_merge ON merge_members (merge_id, position);
CREATE TABLE dedup_decisions (
  a_id TEXT NOT NULL, b_id TEXT NOT NULL, decision TEXT NOT NULL, decided_at TEXT NOT NULL,
  who TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (a_id, b_id)
);
CREATE TABLE indicators (
  actor_id TEXT NOT NULL, name TEXT NOT NULL, period TEXT NOT NULL, source TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL DEFAULT '', as_of TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (actor_id, name, period, source)
);
CREATE TABLE sync_peers (
  url TEXT PRIMARY KEY, cursor TEXT NOT NULL DEFAULT '', last_sync TEXT NOT NULL DEFAULT '',
  pulled BIGINT NOT NULL DEFAULT 0
);
)sql";

// Migration 11: perception assessments of territories' building blocks (store/ecosystem.h);
// scores are a JSON object {statement id: 0..10 or null}.
inline constexpr const char* kEcosystemSql = R"sql(
CREATE TABLE perception_assessments (
  id TEXT PRIMARY KEY, territory TEXT NOT NULL, rater TEXT NOT NULL DEFAULT '',
  rater_role TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
  framework TEXT NOT NULL DEFAULT '', scores TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX perception_assessments_by_territory ON perception_assessments (territory, date, id);
)sql";

// Migration 12: offers and wants of actors (store/ecosystem.h): the current version of each, and
// every version in offer_want_versions.
inline constexpr const char* kOffersWantsSql = R"sql(
CREATE TABLE offers_wants (
  id TEXT PRIMARY KEY, actor_id TEXT NOT NULL, exchange_type TEXT NOT NULL, doc TEXT NOT NULL,
  version BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX offers_wants_by_actor ON offers_wants (actor_id, id);
CREATE TABLE offer_want_versions (
  id TEXT NOT NULL, version BIGINT NOT NULL, actor_id TEXT NOT NULL,
  exchange_type TEXT NOT NULL, doc TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (id, version)
);
)sql";

// Migration 13 (with the backend's kCaseIndex*Sql): the knowledge commons (store/knowledge.h):
// cases and their versions, review trails, the facet values of each indexed version, transfers
// (versioned) and watches.
inline constexpr const char* kKnowledgeSql = R"sql(
CREATE TABLE cases (
  id TEXT PRIMARY KEY, head_version BIGINT NOT NULL, published_version BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE case_versions (
  case_id TEXT NOT NULL, version BIGINT NOT NULL, created_at TEXT NOT NULL,
  who TEXT NOT NULL DEFAULT '', change TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (case_id, version)
);
CREATE TABLE case_reviews (
  case_id TEXT NOT NULL, n BIGINT NOT NULL, action TEXT NOT NULL, version BIGINT NOT NULL,
  who TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, n)
);
CREATE TABLE case_facets (
  rid BIGINT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (rid, facet, value)
);
CREATE INDEX case_facets_by_value ON case_facets (facet, value, rid);
CREATE TABLE case_transfers (
  id TEXT NOT NULL, version BIGINT NOT NULL, origin_case TEXT NOT NULL, case_id TEXT NOT NULL,
  outcome TEXT NOT NULL, created_at TEXT NOT NULL, who TEXT NOT NULL DEFAULT '',
  doc TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id, version)
);
CREATE INDEX case_transfers_by_origin ON case_transfers (origin_case);
CREATE INDEX case_transfers_by_case ON case_transfers (case_id);
CREATE TABLE case_watches (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL,
  created_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_watches_by_owner ON case_watches (owner, name, id);
CREATE TABLE knowledge_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL);
INSERT INTO knowledge_state (id, generation) VALUES (1, 0);
)sql";
// Migration 14: social finance, versioned documents by kind and id (store/finance.h), with the
// current version of each in finance_heads.
inline constexpr const char* kFinanceSql = R"sql(
CREATE TABLE finance_records (
  kind TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
  actor_id TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL,
  who TEXT NOT NULL, at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, id, version)
);
CREATE TABLE finance_heads (
  kind TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
  actor_id TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, id)
);
CREATE INDEX finance_heads_by_actor ON finance_heads (actor_id, kind);
CREATE INDEX finance_heads_by_parent ON finance_heads (parent, kind);
)sql";

// Migration 15: participatory processes (store/participation.h): versioned documents as in
// migration 14, each process's hash-chained decision log with its head, and the ballot box of
// secret decisions, which keeps no time, voter or insertion order (WITHOUT ROWID on SQLite: rows
// sit in commitment order).
inline constexpr const char* kParticipationSql = R"sql(
CREATE TABLE participation_records (
  kind TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
  process_id TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL,
  who TEXT NOT NULL, at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, id, version)
);
CREATE INDEX participation_records_by_process ON participation_records (process_id);
CREATE TABLE participation_heads (
  kind TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
  process_id TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, id)
);
CREATE INDEX participation_heads_by_process ON participation_heads (process_id, kind);
CREATE INDEX participation_heads_by_parent ON participation_heads (parent, kind);
CREATE TABLE decision_log (
  process_id TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL,
  who TEXT NOT NULL, at TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
  PRIMARY KEY (process_id, seq)
);
CREATE TABLE decision_log_heads (
  process_id TEXT NOT NULL PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL
);
CREATE TABLE ballot_box (
  process_id TEXT NOT NULL, decision_id TEXT NOT NULL, commitment TEXT NOT NULL,
  ballot TEXT NOT NULL, nonce TEXT NOT NULL,
  PRIMARY KEY (process_id, decision_id, commitment)
))sql";

// The columns of case_index both backends share (each adds its row id and text index).
#define ECOSOL_CASE_INDEX_COLUMNS                                                     \
  "case_id TEXT NOT NULL, version BIGINT NOT NULL, is_head INTEGER NOT NULL,\n"       \
  "  is_published INTEGER NOT NULL, title TEXT NOT NULL, sort_title TEXT NOT NULL,\n" \
  "  year INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,\n"                    \
  "  UNIQUE (case_id, version)"
#define ECOSOL_CASE_INDEX_INDEXES                                                          \
  "CREATE INDEX case_index_heads ON case_index (is_head, sort_title, case_id);\n"          \
  "CREATE INDEX case_index_published ON case_index (is_published, sort_title, case_id);\n" \
  "CREATE INDEX case_index_by_date ON case_index (created_at);\n"

// Migration 7: accounts, sessions, API tokens, role grants, the sign-in log and the audit log
// (auth/). The audit chain's head is one row, updated by every append: it numbers the entries
// and, on PostgreSQL, its row lock orders concurrent appends.
inline constexpr const char* kAccountsSql = R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
  failed_signins INTEGER NOT NULL DEFAULT 0, locked_until TEXT NOT NULL DEFAULT ''
);
CREATE TABLE role_grants (
  user_id TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '',
  granted_at TEXT NOT NULL, granted_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, role, scope)
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, secret_hash TEXT NOT NULL,
  scope TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
CREATE TABLE signin_events (
  at TEXT NOT NULL, email TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL, outcome TEXT NOT NULL
);
CREATE INDEX signin_events_by_address ON signin_events (address, at);
CREATE INDEX signin_events_by_time ON signin_events (at);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, address TEXT NOT NULL,
  action TEXT NOT NULL, object_type TEXT NOT NULL, object_id TEXT NOT NULL,
  before_doc TEXT NOT NULL, after_doc TEXT NOT NULL, prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
)sql";

class SqlStore : public Store {
 public:
  explicit SqlStore(std::unique_ptr<SqlConnection> conn) : conn_(std::move(conn)) {}

  Status Migrate() override;
  Result<int> SchemaVersion() override;
  Status InTransaction(const std::function<Status()>& body) override;
  Result<std::string> LogPosition() override { return std::string(); }
  Result<bool> HasReplayed(const std::string&) override { return true; }
  Result<long long> Generation() override;
  Result<bool> BeginBulkLoad() override;
  Status EndBulkLoad() override;
  Status Optimize() override { return conn().ExecScript("ANALYZE"); }
  Status BackgroundCheckpoints(bool) override { return Status::Ok(); }
  Result<bool> BeginLoadAlone() override { return false; }
  Status EndLoadAlone() override { return Status::Ok(); }
  Status PutEncodedActor(const EncodedActor& actor, std::string_view change) override;
  Result<std::optional<model::Actor>> GetActor(const std::string& id) override;
  Result<bool> ActorIdTaken(const std::string& id) override;
  Result<std::optional<std::string>> FindByIdentifier(const std::string& scheme,
                                                      const std::string& value) override;
  Result<ActorPage> ListActors(const ActorQuery& query) override;
  Status ActorChanges(long long since, const std::function<Status(ActorChange&&)>& visit) override;
  Result<SearchChanges> SearchChangesSince(long long since, const std::string& q,
                                           size_t max_changes) override;
  Result<std::vector<FeedActor>> FeedActors(long long after_generation, long long after_rid,
                                            long long up_to, int limit) override;
  Result<std::vector<MapPoint>> MapPoints(const ActorQuery& query, int limit,
                                          bool* truncated) override;
  Result<long long> CountActors() override;
  Result<std::vector<ActorVersion>> ActorHistory(const std::string& id) override;
  Status PutRelationship(const model::Relationship& rel, std::string_view change) override;
  Result<std::optional<model::Relationship>> GetRelationship(const std::string& id) override;
  Result<std::vector<model::Relationship>> RelationshipsOf(const std::string& actor_id) override;
  Result<long long> CountRelationships() override;
  Status VisitRelationships(const std::function<Status(model::Relationship&&)>& visit) override;
  Status PutSourceAttribution(const std::string& source, const std::string& attribution) override;
  Result<std::vector<std::string>> SourceAttributions() override;
  Status PutTerritory(const model::Territory& territory) override;
  Result<std::optional<model::Territory>> GetTerritory(const std::string& id) override;
  Result<std::vector<model::Territory>> Territories(const std::string& parent_id) override;
  Status SetTerritoryPopulation(const std::string& id,
                                std::optional<long long> population) override;
  Result<long long> CountActorsIn(const std::string& territory_id) override;
  Status PutUser(const UserRecord& user) override;
  Result<std::optional<UserRecord>> GetUser(const std::string& id) override;
  Result<std::optional<UserRecord>> GetUserByEmail(const std::string& email) override;
  Result<std::vector<UserRecord>> ListUsers() override;
  Result<long long> CountUsers() override;
  Status PutGrant(const RoleGrant& grant) override;
  Status DeleteGrant(const std::string& user_id, const std::string& role,
                     const std::string& scope) override;
  Result<std::vector<RoleGrant>> Grants(const std::string& user_id) override;
  Status PutSession(const SessionRecord& session) override;
  Result<std::optional<SessionRecord>> GetSession(const std::string& id_hash) override;
  Status DeleteSession(const std::string& id_hash) override;
  Result<long long> DeleteSessionsOf(const std::string& user_id) override;
  Result<long long> DeleteExpiredSessions(const std::string& now) override;
  Status PutToken(const TokenRecord& token) override;
  Result<std::optional<TokenRecord>> GetToken(const std::string& id) override;
  Result<std::vector<TokenRecord>> Tokens(const std::string& user_id) override;
  Status AddSignInEvent(const SignInEvent& event) override;
  Result<long long> CountFailedSignIns(const std::string& address,
                                       const std::string& since) override;
  Result<std::vector<SignInEvent>> SignInEvents(int limit) override;
  Status AppendAudit(AuditEntry* entry) override;
  Result<std::vector<AuditEntry>> AuditEntries(long long from_seq, long long limit) override;
  Result<std::pair<long long, std::string>> AuditHead() override;
  Status PutTerms(const std::vector<model::Term>& terms) override;
  Result<std::vector<model::Term>> Terms(const std::string& scheme) override;
  Status PutProfile(ProfileRecord* record) override;
  Result<std::optional<ProfileRecord>> GetProfile(const std::string& actor_id,
                                                  long long version) override;
  Result<std::vector<std::string>> ProfiledActors(const std::string& after_id, int limit) override;
  Result<std::vector<ProfileRecord>> LatestProfiles(const std::vector<std::string>& ids) override;
  Status AddAssessments(const std::vector<AssessmentRecord>& records) override;
  Status AddAssessment(AssessmentRecord* record) override;
  Result<std::vector<AssessmentRecord>> Assessments(const std::string& actor_id,
                                                    const std::string& framework) override;
  Result<std::vector<std::pair<std::string, long long>>> VerdictCounts(
      const std::string& framework) override;
  Status PutJob(const JobRecord& job) override;
  Result<std::optional<JobRecord>> GetJob(const std::string& id) override;
  Status PutJobInput(const std::string& job_id, const std::string& name,
                     std::string_view content) override;
  Result<std::optional<JobInput>> GetJobInput(const std::string& job_id) override;
  Status DeleteJobInput(const std::string& job_id) override;
  Status PutJobOutput(const std::string& job_id, const JobOutput& output) override;
  Result<std::optional<JobOutput>> GetJobOutput(const std::string& job_id) override;
  Result<std::optional<JobRecord>> ClaimJob(const std::string& worker,
                                            const std::vector<std::string>& kinds,
                                            long long lease_ms, const std::string& now) override;
  Status UpdateClaimedJob(const JobRecord& job, long long lease_ms) override;
  Status RenewJobLease(const JobRecord& job, long long lease_ms) override;
  Result<std::vector<std::pair<std::string, long long>>> JobCounts() override;
  Result<std::vector<JobRecord>> ListJobs(const std::string& who, const std::string& state,
                                          int limit) override;
  Status PutMerge(const MergeRecord& merge) override;
  Result<std::optional<MergeRecord>> GetMerge(const std::string& id) override;
  Result<std::vector<MergeRecord>> Merges(const std::string& actor_id, int limit) override;
  Status PutDedupDecision(const DedupDecision& decision) override;
  Status DeleteDedupDecision(const std::string& a_id, const std::string& b_id) override;
  Result<std::vector<DedupDecision>> DedupDecisions() override;
  Status PutIndicators(const std::vector<IndicatorRecord>& records) override;
  Result<std::vector<IndicatorRecord>> Indicators(const std::string& actor_id) override;
  Result<std::vector<IndicatorRecord>> AllIndicators() override;
  Result<long long> CountIndicators() override;
  Status PutSyncPeer(const SyncPeer& peer) override;
  Result<std::optional<SyncPeer>> GetSyncPeer(const std::string& url) override;
  Result<std::vector<SyncPeer>> SyncPeers() override;
  Status PutPerceptionAssessment(const PerceptionAssessment& assessment) override;
  Result<std::optional<PerceptionAssessment>> GetPerceptionAssessment(
      const std::string& id) override;
  Result<std::vector<PerceptionAssessment>> PerceptionAssessments(const std::string& territory,
                                                                  bool with_deleted) override;
  Status SetPerceptionAssessmentDeleted(const std::string& id, bool deleted) override;
  Result<long long> PutOfferWant(const OfferWantRecord& record) override;
  Result<std::optional<OfferWantRecord>> GetOfferWant(const std::string& id) override;
  Result<std::vector<OfferWantRecord>> OffersWants(const std::string& actor_id,
                                                   bool with_deleted) override;
  Result<std::vector<OfferWantRecord>> OfferWantHistory(const std::string& id) override;
  Status PutCase(CaseVersionRecord* version, const CaseIndexData& index, long long expected_head,
                 const std::string& status) override;
  Status ReviewCase(CaseReviewRecord* review, const std::string& status) override;
  Result<std::optional<CaseState>> GetCaseState(const std::string& id) override;
  Result<std::optional<CaseVersionRecord>> GetCaseVersion(const std::string& id,
                                                          long long version) override;
  Result<std::vector<CaseVersionRecord>> CaseVersions(const std::string& id) override;
  Result<std::vector<CaseReviewRecord>> CaseReviews(const std::string& id) override;
  Result<CaseSearchResult> SearchCases(const CaseSearchQuery& query) override;
  Result<long long> CountCases() override;
  Status PutTransfer(TransferRecord* record) override;
  Result<std::optional<TransferRecord>> GetTransfer(const std::string& id) override;
  Result<std::vector<TransferRecord>> Transfers(const std::string& case_id) override;
  Status PutWatch(const WatchRecord& watch) override;
  Result<std::optional<WatchRecord>> GetWatch(const std::string& id) override;
  Result<std::vector<WatchRecord>> Watches(const std::string& owner) override;
  Status PutFinanceRecord(FinanceRecord* record, long long expected_version) override;
  Result<std::optional<FinanceRecord>> GetFinanceRecord(const std::string& kind,
                                                        const std::string& id,
                                                        long long version) override;
  Result<std::vector<FinanceRecord>> FinanceRecordVersions(const std::string& kind,
                                                           const std::string& id) override;
  Result<std::vector<FinanceRecord>> FinanceRecords(const FinanceQuery& query) override;
  Status PutParticipationRecord(ParticipationRecord* record, long long expected_version) override;
  Result<std::optional<ParticipationRecord>> GetParticipationRecord(const std::string& kind,
                                                                    const std::string& id,
                                                                    long long version) override;
  Result<std::vector<ParticipationRecord>> ParticipationRecordVersions(
      const std::string& kind, const std::string& id) override;
  Result<std::vector<ParticipationRecord>> ParticipationRecords(
      const ParticipationQuery& query) override;
  Result<std::vector<ParticipationRecord>> ProcessRecordVersions(
      const std::string& process_id) override;
  Result<std::pair<long long, std::string>> LockDecisionLog(const std::string& process_id) override;
  Status AppendDecisionLog(const DecisionLogRow& row) override;
  Result<std::vector<DecisionLogRow>> DecisionLog(const std::string& process_id, long long from_seq,
                                                  long long limit) override;
  Status PutBoxedBallot(const BoxedBallot& ballot) override;
  Result<std::vector<BoxedBallot>> BoxedBallots(const std::string& process_id,
                                                const std::string& decision_id) override;

 protected:
  SqlConnection& conn() { return *conn_; }

  // Versioned documents (finance, participation): every version in `records`, the current
  // one's keys in `heads`; `scope` names the column that groups them (actor_id, process_id).
 public:
  struct DocTables {
    const char* records;
    const char* heads;
    const char* scope;
  };
  struct VersionedDoc {
    std::string kind, id;
    long long version = 0;
    std::string scope, parent, doc, who, at;
    bool deleted = false;
  };

 protected:
  Status PutDoc(const DocTables& t, VersionedDoc* d, long long expected_version);
  Result<std::optional<VersionedDoc>> GetDoc(const DocTables& t, const std::string& kind,
                                             const std::string& id, long long version);
  Result<std::vector<VersionedDoc>> DocVersions(const DocTables& t, const std::string& kind,
                                                const std::string& id);
  // Current versions of `kind` (any kind when empty), by id; empty scope or parent is any.
  Result<std::vector<VersionedDoc>> Docs(const DocTables& t, const std::string& kind,
                                         const std::string& scope, const std::string& parent,
                                         bool with_deleted);

  // The migrations of this backend, in order; migration i (from 1) is the schema version i.
  virtual const std::vector<std::string>& Migrations() const = 0;
  // SQL run by BeginBulkLoad, and after the transaction of a bulk load has ended (committed or
  // rolled back), to give the connection back its usual settings.
  virtual std::string_view BulkLoadSql() const = 0;
  virtual std::string_view AfterBulkLoadSql() const { return ""; }
  // Runs AfterBulkLoadSql once the transaction of a bulk load has ended.
  void EndBulkLoadSettings();
  // Drops the indexes a bulk load into an empty registry builds at the end; false when the
  // backend keeps them up to date row by row. Called only when the registry has no actor.
  virtual Result<bool> DeferIndexes() { return false; }
  // Builds what DeferIndexes dropped, from the rows written since.
  virtual Status BuildDeferredIndexes() { return Status::Ok(); }
  // Whether a bulk load is deferring index maintenance (IndexText and IndexLocation then leave
  // new rows to BuildDeferredIndexes).
  bool indexes_deferred() const { return indexes_deferred_; }
  bool in_transaction() const { return transaction_depth_ > 0; }
  // The columns (", a, b") and values (", ?, ?") that write the full-text forms into a new row,
  // in that order: name forms, body forms.
  virtual std::pair<std::string, std::string> TextColumnsOfNewRow() const = 0;
  // SQL run first in the transaction that migrates the schema, to make processes that migrate
  // one database together take turns ("" where BeginSql's lock already does).
  virtual std::string MigrationLockSql() const { return ""; }
  // SQL that starts a write transaction.
  virtual std::string_view BeginSql() const = 0;
  // SQL that starts a read-only transaction whose reads all see one snapshot.
  virtual std::string_view ReadSnapshotSql() const { return "BEGIN"; }
  // The database's clock in milliseconds since 1970, as an SQL expression (job leases).
  virtual std::string_view NowMillisSql() const = 0;
  // What a SELECT appends to lock the rows it returns and pass over those locked by others
  // ("" where one writer at a time makes it needless).
  virtual std::string_view SkipLockedSql() const { return ""; }
  // Writes the full-text forms of the actor with row id `rid` (`fresh`: a row just inserted with
  // TextColumnsOfNewRow, not yet in the full-text index).
  virtual Status IndexText(long long rid, bool fresh, const std::string& name_forms,
                           const std::string& body_forms) = 0;
  // Writes (or removes, when `actor` has no visible location or is deleted) the spatial entry.
  virtual Status IndexLocation(long long rid, bool fresh, const EncodedActor& actor) = 0;
  // FROM/JOIN + WHERE pieces restricting to the full-text query `match` (built by MatchQuery),
  // and the expression giving a rank (lower is better).
  virtual SqlFragment SearchFrom(const std::string& match) const = 0;
  virtual std::string RankExpression() const = 0;
  // SELECT of the row ids (column 0) matching `match`, best first, from the full-text index alone
  // (no other filter); the caller appends LIMIT and OFFSET.
  virtual SqlFragment RankedMatches(const std::string& match) const = 0;
  // Called before a ranked search: a backend brings what its rank expression reads up to date.
  virtual Status PrepareActorRank() { return Status::Ok(); }
  // True when a search filtered only by its reader's audience is best ranked in the full-text
  // index alone (RankedMatches, ties by row id) and then filtered (SQLite's FTS5 table,
  // PostgreSQL's actor_text); such searches then order ties by row id, by the join too.
  virtual bool RanksMatchesInIndexFirst() const { return false; }
  // A SELECT of the row ids in the JSON array given as its one parameter ("[1,5,9]").
  virtual std::string RowIdsInJsonArraySql() const { return "SELECT value FROM json_each(?)"; }
  // The rows offset .. offset + count of RankedMatches(match) that `where` keeps, from the best
  // ranked ones only; false when too few of those are kept (the caller then joins).
  Result<bool> RankedThenSeen(const std::string& match, const SqlFragment& where, long long offset,
                              long long count, SqlRows* rows);
  // A query with two parameters, `match` and a row id, giving a row when that actor matches.
  virtual std::string MatchesRowSql() const = 0;
  // Whether the actor with row id `rid` matches the full-text query `match` (MatchQuery of
  // `terms`). By MatchesRowSql; a backend may answer faster from the actor's row.
  virtual Result<bool> RowMatches(const std::vector<std::vector<std::string>>& terms,
                                  const std::string& match, long long rid);
  // Converts query terms (alternatives per word; the last word is also a prefix) to the
  // backend's full-text query syntax.
  std::string MatchQuery(const std::vector<std::vector<std::string>>& terms) const {
    return MatchQuery(terms, true);
  }
  // The same, with the last word a prefix only when `prefix_last`.
  virtual std::string MatchQuery(const std::vector<std::vector<std::string>>& terms,
                                 bool prefix_last) const = 0;
  // The ORDER BY of a listing by name; a backend may change it to steer its planner.
  virtual std::string NameOrder(const ActorQuery& query) const;
  // A SELECT of (rid, sort_name, id) of the public, non-deleted actors located in the box, from
  // which the caller keeps a page by name ("a." columns, WHERE clause started, no ORDER BY);
  // nullopt when the backend has no faster way than BBoxCondition on the actors table.
  virtual Result<std::optional<SqlFragment>> BBoxListing(const BBox&) {
    return std::optional<SqlFragment>();
  }
  // A WHERE condition restricting actor `a` to the bounding box.
  virtual SqlFragment BBoxCondition(const BBox& bbox) const = 0;
  // The full-text index of cases (case_index rows): writes the forms of row `rid` (a row just
  // inserted), or removes them before the row is deleted.
  virtual Status IndexCaseText(long long rid, const std::string& title_forms,
                               const std::string& body_forms) = 0;
  virtual Status UnindexCaseText(long long rid) = 0;
  // FROM/JOIN + WHERE pieces restricting case_index `ci` to rows matching `match` (built by
  // MatchQuery), and the expression giving their rank (lower is better).
  virtual SqlFragment CaseMatchFrom(const std::string& match) const = 0;
  virtual std::string CaseRankExpression() const = 0;
  // Appends (rid, rank) of every case_index row matching `match`, whatever its conditions
  // (lower rank is better): a search works out the rest in memory (CaseIndexCache).
  virtual Status CaseMatchRanks(const std::string& match,
                                std::vector<std::pair<long long, double>>* out) = 0;
  // How many case_index rows (any version kept) match `match` (built by MatchQuery).
  virtual Result<long long> CaseRowsMatching(const std::string& match) = 0;
  // Brings what the backend keeps in memory for ranking up to date (SQLite: the text lengths
  // ecosol_case_rank reads); called when the case index cache is read again.
  virtual Status RefreshCaseRankData() { return Status::Ok(); }
  // The backend's operator joining alternatives in a full-text query (" OR ", " | ").
  virtual std::string_view MatchOr() const = 0;

 private:
  // Runs `body` in a transaction that changes the registry (moving its generation on).
  Status Write(const std::function<Status()>& body);
  // Inserts (`fresh`) or replaces the actor's row; returns its row id.
  Result<long long> WriteActorRow(const EncodedActor& actor, bool fresh, std::string_view change);
  // The documents of the actors whose row ids are in column 0 of `rid_rows`, in that order.
  Result<std::vector<model::Actor>> DocumentsOf(const SqlRows& rid_rows);
  Status WriteActorCodes(long long rid, bool fresh, const model::Actor& actor);
  Status WriteIdentifiers(bool fresh, const model::Actor& actor);
  SqlFragment FilterConditions(const ActorQuery& query) const;
  // The condition restricting actor `a` to those `audience` may see (empty for everything).
  static SqlFragment AudienceCondition(const Audience& audience);
  Result<ActorPage> ListByName(const ActorQuery& query);
  Result<ActorPage> ListBySearch(const ActorQuery& query);
  Status DropUnusedCaseEntries(const std::string& case_id);
  SqlFragment CaseConditions(const CaseSearchQuery& query, const std::string& skip_facet);
  // Moves the knowledge generation on (in the current transaction): the facet cache is stale.
  Status CasesChanged();
  // Brings case_cache_ up to the database's knowledge generation.
  Status RefreshCaseCache();
  // Runs `body` in a read-only transaction (one snapshot), or in the current transaction.
  Status InReadSnapshot(const std::function<Status()>& body);
  // SearchCases for a full-text query whose conditions the cache can tell (flags, facets,
  // excluded ids): one pass over the text matches, the rest in memory.
  Result<CaseSearchResult> SearchCaseMatches(const CaseSearchQuery& query,
                                             const std::string& match);

  std::unique_ptr<SqlConnection> conn_;
  // Every indexed case version (case_index row) with its flags and facet values, by row id, so
  // that a full-text search applies its conditions, counts facets and orders its matches in
  // memory (a GROUP BY over case_facets took 70 ms for 2,700 matches; joining case_index to
  // 50,000 text matches 30 ms). Read once per knowledge generation (knowledge_state), which
  // every case write moves on.
  struct CaseIndexCache {
    static constexpr uint8_t kHead = 1;
    static constexpr uint8_t kPublished = 2;
    long long generation = -1;
    std::vector<long long> rids;        // sorted
    std::vector<std::string> case_ids;  // of rids[i]
    std::vector<uint8_t> flags;         // of rids[i]: kHead, kPublished
    std::vector<uint32_t> offsets;      // values of rids[i]: [offsets[i], offsets[i + 1])
    std::vector<uint32_t> values;       // ids into `names`
    std::vector<std::pair<std::string, std::string>> names;  // (facet, value)
    std::vector<int32_t> position;                           // by rid: its index in `rids`, or -1
    // The position of `rid` in `rids`, or -1.
    long long Find(long long rid) const {
      return rid >= 0 && static_cast<size_t>(rid) < position.size()
                 ? position[static_cast<size_t>(rid)]
                 : -1;
    }
  };
  CaseIndexCache case_cache_;
  int transaction_depth_ = 0;
  bool indexes_deferred_ = false;
  // The INSERT of a new actor (WriteActorRow), made at its first use.
  std::string insert_new_actor_sql_;
  bool insert_new_actor_has_forms_ = false;
  bool bulk_loading_ = false;       // BeginBulkLoad ran in this transaction
  bool changed_ = false;            // the current transaction changed the registry
  long long write_generation_ = 0;  // the generation it commits (when changed_)
};

// PostgreSQL's full-text vector of index forms (the SQL text expressions `name` and `body`):
// the name weighted A, the rest B. Both the PostgreSQL store's writes and CopyDatabase use it, so
// that a copied database ranks as one written by the store.
std::string PostgresWeightedText(std::string_view name, std::string_view body);

}  // namespace ecosol::store
