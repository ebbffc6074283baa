#pragma once

// The persistence boundary of Ecosol. One interface, two backends:
//
//   auto store = OpenStore("data/ecosol.db");                 // SQLite (WAL, FTS5, R*Tree)
//   auto store = OpenStore("postgresql://localhost/ecosol");  // PostgreSQL 15
//   if (!store.ok()) return store.status();
//   ECOSOL_RETURN_IF_ERROR((*store)->Migrate());
//
// Both backends pass the same test suite (store_contract_test.cc). Full-text search uses the
// index forms of text/search_text.h, so both find the same actors.
//
// Versions: every PutActor/PutRelationship stores the new state as a numbered version; nothing is
// overwritten without a trace, and deletion is a flag (restorable). The current version of an
// actor lives in its row and the versions it superseded in a history table, so that creating an
// actor writes its document once.
//
// Thread safety: a Store is used by one thread at a time; servers open one Store per worker
// thread (OpenStore is cheap) or guard it with a mutex.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"
#include "ecosol/store/accounts.h"
#include "ecosol/store/ecosystem.h"
#include "ecosol/store/finance.h"
#include "ecosol/store/knowledge.h"
#include "ecosol/store/participation.h"
#include "ecosol/store/resolution.h"
#include "ecosol/store/screening.h"

namespace ecosol::store {

struct BBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

// The actors a reader may see besides the public ones (decided by auth::AudienceOf). By default
// only public actors are listed, searched, mapped and counted.
struct Audience {
  bool everything = false;               // admins: every actor
  std::vector<std::string> actor_ids;    // actors visible whatever their visibility (members)
  std::vector<std::string> network_ids;  // actors visible when public or network
  std::vector<std::string> territories;  // public or network actors placed in these (stewards)
  bool public_only() const {
    return !everything && actor_ids.empty() && network_ids.empty() && territories.empty();
  }
};

struct ActorQuery {
  std::string q;  // full-text query; empty lists by name
  std::optional<model::ActorKind> kind;
  std::string country;    // ISO alpha-2
  std::string activity;   // ICA code (any of the actor's activities)
  std::string structure;  // OS code
  std::optional<BBox> bbox;
  // Only actors whose latest assessment under `verdict_framework` (default un-ilo) has this
  // verdict ("consistent", "inconsistent", ...).
  std::string verdict;
  std::string verdict_framework;
  // List in id order instead of name order (batch work over the whole registry: rows written
  // per actor then land in the order of the actor id indexes). Not with `q`.
  bool by_id = false;
  // Return the stored documents undecoded (ActorPage::stored) instead of the actors, for a
  // batch that decodes them on other threads (DecodeStoredActor).
  bool stored_docs = false;
  int limit = 50;
  std::string cursor;  // opaque, from ActorPage::next_cursor
  bool include_deleted = false;
  Audience audience;
};

// An actor as the store keeps it: its id and its stored document.
struct StoredActor {
  std::string id;
  std::string doc;
};
// Decodes a stored document. Pure: safe on any thread.
Result<model::Actor> DecodeStoredActor(const std::string& doc);

struct ActorPage {
  std::vector<model::Actor> items;
  std::vector<StoredActor> stored;  // instead of `items` with ActorQuery::stored_docs
  std::string next_cursor;          // empty on the last page
  // A search (ActorQuery::q): the row ids of the matches read for this page, best first, the
  // one read beyond it to tell whether there is a next page included. What SearchChangesSince's
  // caller compares with.
  std::vector<long long> matched_rids;
};

// What changed since a search was answered (Store::SearchChangesSince).
struct SearchChanges {
  bool too_many = false;  // more actors changed than asked about: answer the search again
  struct Changed {
    long long rid = 0;
    bool matches = false;  // the search's words match the actor as it is now
  };
  std::vector<Changed> changed;  // every actor written after the generation
};

// A compact map marker.
struct MapPoint {
  std::string id;
  double lon = 0;
  double lat = 0;
  std::string name;
  model::ActorKind kind = model::ActorKind::kOrganisation;
};

// An actor written after some generation (Store::ActorChanges).
struct ActorChange {
  long long rid = 0;      // the store's row id (stable for the actor's life)
  std::string sort_name;  // the key of listings by name, with the id
  // The actor, when public listings by box show it (public, not deleted, with a visible
  // location); nullopt when they do not (any more).
  std::optional<model::Actor> located;
};

// An actor in the change feed (Store::FeedActors).
struct FeedActor {
  long long generation = 0;  // of its last write
  long long rid = 0;         // its row id: with the generation, its place in the feed
  std::string id;
  // The actor when it is public and not deleted; nullopt when it is not (any more).
  std::optional<model::Actor> actor;
};

struct ActorVersion {
  long long version = 0;
  std::string changed_at;
  std::string change;  // "create", "update", "delete", "restore"
  model::Actor actor;
};

// An actor with the forms the store writes computed in advance: its stored document and its
// full-text forms. EncodeActor is a pure function (safe on any thread), so that a bulk import
// prepares the next rows while the store writes the current ones.
struct EncodedActor {
  model::Actor actor;
  std::string doc;         // the stored document (empty fields left out, provenance grouped)
  std::string sort_name;   // the folded name, for ordering
  std::string name_forms;  // full-text index forms of the names
  std::string body_forms;  // full-text index forms of the other text
};
EncodedActor EncodeActor(model::Actor actor);

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view Backend() const = 0;
  // Creates or upgrades the schema to the latest migration. Idempotent.
  virtual Status Migrate() = 0;
  // The schema version after Migrate().
  virtual Result<int> SchemaVersion() = 0;

  // A number that moves on with every committed transaction that changed the registry, from any
  // process or server sharing the database, so that a reader can tell whether what it computed
  // earlier (a cached response) still holds.
  virtual Result<long long> Generation() = 0;

  // Bulk loading, inside a transaction: tunes this connection for many rows until the transaction
  // ends (SQLite: a 256 MiB page cache) and, when the registry holds no actor yet, lets the
  // backend build its secondary, full-text and spatial indexes once at the end (SQLite).
  // Until EndBulkLoad (which the transaction's commit also runs), write only new actors
  // (PutActor "create"); lookups by id and identifier work. No effect on results. Returns whether
  // the registry held no actor at all (deleted ones included) when the load began.
  virtual Result<bool> BeginBulkLoad() = 0;
  virtual Status EndBulkLoad() = 0;
  // Refreshes the query planner's statistics (after a large import).
  virtual Status Optimize() = 0;
  // For a long run of large commits (screening the whole registry): with `on`, SQLite's
  // write-ahead log is copied back into the database by a background thread with its own
  // connection, so that a commit no longer waits for that copy; with `on` false, commits do it
  // again. No effect on results, nor on PostgreSQL. Outside transactions only.
  virtual Status BackgroundCheckpoints(bool on) = 0;
  // For a load into an empty registry, outside transactions: when no other connection has the
  // database open and it holds no actor, SQLite writes the load's pages once, into the database
  // with a rollback journal, instead of into the write-ahead log and then again into the
  // database. Returns whether it did (false, changing nothing, when another connection has the
  // database open, when it holds an actor, or on PostgreSQL). The load is as safe either way: a
  // crash leaves a journal that the next opening rolls back. Meanwhile another process cannot
  // open the database (its switch to WAL mode fails at once: "database is locked").
  // EndLoadAlone, after the load's transaction, returns to the write-ahead log.
  virtual Result<bool> BeginLoadAlone() = 0;
  virtual Status EndLoadAlone() = 0;

  // Read replicas (docs/operations.md, "Read replicas"). The position of the database's
  // write-ahead log: on a primary, the end of what it has written (after a commit: a position
  // that includes it); on a streaming replica, what it has replayed. "" where there is no such
  // log (SQLite).
  virtual Result<std::string> LogPosition() = 0;
  // Whether this database holds everything up to `position` (a LogPosition of the primary):
  // always true on a primary and on SQLite; on a replica, whether it has replayed that far.
  // InvalidArgument when `position` is not a position.
  virtual Result<bool> HasReplayed(const std::string& position) = 0;

  // Runs `body` in one transaction: committed when it returns OK, rolled back otherwise (or on
  // any store error). Nested calls join the outer transaction.
  virtual Status InTransaction(const std::function<Status()>& body) = 0;

  // --- actors ---
  // Stores `actor` (whose version the caller has set) as the current version of the actor with
  // its id, under the given change name ("create", "update", "delete", "restore"); the state it
  // replaces is kept in the history. "create" means the actor is new: Conflict when the id (or
  // one of its identifiers) is taken.
  Status PutActor(const model::Actor& actor, std::string_view change) {
    return PutEncodedActor(EncodeActor(actor), change);
  }
  virtual Status PutEncodedActor(const EncodedActor& actor, std::string_view change) = 0;
  virtual Result<std::optional<model::Actor>> GetActor(const std::string& id) = 0;
  // Whether an actor (deleted or not) has this id.
  virtual Result<bool> ActorIdTaken(const std::string& id) = 0;
  // The id of the actor holding identifier `value` in `scheme`, if any (deleted ones included).
  virtual Result<std::optional<std::string>> FindByIdentifier(const std::string& scheme,
                                                              const std::string& value) = 0;
  virtual Result<ActorPage> ListActors(const ActorQuery& query) = 0;
  // Calls `visit` for every actor whose last write committed in a generation after `since`
  // (-1: every actor), in the order of those generations, so that a reader holding what it read
  // at generation G catches up by reading the changes since G (read the generation first).
  virtual Status ActorChanges(long long since,
                              const std::function<Status(ActorChange&&)>& visit) = 0;
  // The actors whose last write committed in a generation after `since`, at most `max_changes`
  // (more: too_many), each with whether the words of the search `q` (ActorQuery::q) match it
  // now. A first page of the search answered at generation `since` still holds when no changed
  // actor matches now and none is among its matched_rids: the rest of the registry did not
  // move (except the ranking's statistics over the whole registry, such as the number of
  // actors, which a caller bounds by the age of its answer). Read the generation first.
  virtual Result<SearchChanges> SearchChangesSince(long long since, const std::string& q,
                                                   size_t max_changes) = 0;
  // The actors whose last write comes after the position (after_generation, after_rid) in the
  // order of (generation, row id) and at generation `up_to` or before, in that order, at most
  // `limit`: the pages of the change feed (interop/feed.h). A bulk import writes many actors in
  // one generation; the row id pages through them. Read the generation first and pass it as
  // `up_to`, so that a page never reaches into a later write.
  virtual Result<std::vector<FeedActor>> FeedActors(long long after_generation, long long after_rid,
                                                    long long up_to, int limit) = 0;
  // Markers for the map: non-deleted actors with a visible location matching the filters (its
  // limit and cursor are ignored), at their public coordinates (model::PublicLocation).
  // `*truncated` tells whether more than `limit` matched.
  virtual Result<std::vector<MapPoint>> MapPoints(const ActorQuery& query, int limit,
                                                  bool* truncated) = 0;
  virtual Result<long long> CountActors() = 0;
  // Every version of the actor, oldest first (the last is the current one).
  virtual Result<std::vector<ActorVersion>> ActorHistory(const std::string& id) = 0;

  // --- relationships ---
  virtual Status PutRelationship(const model::Relationship& rel, std::string_view change) = 0;
  virtual Result<std::optional<model::Relationship>> GetRelationship(const std::string& id) = 0;
  // Non-deleted relationships from or to `actor_id`.
  virtual Result<std::vector<model::Relationship>> RelationshipsOf(const std::string& actor_id) = 0;
  virtual Result<long long> CountRelationships() = 0;
  // Calls `visit` for every non-deleted relationship, in id order (the whole network, for the
  // analytics of ecosystem/). Stops at, and returns, the first error `visit` returns.
  virtual Status VisitRelationships(const std::function<Status(model::Relationship&&)>& visit) = 0;

  // --- data sources ---
  // Records (or replaces) the attribution a data source's licence requires, shown wherever its
  // data is published ("Contains Co-operatives UK open data, licensed under ODC-By 1.0").
  virtual Status PutSourceAttribution(const std::string& source,
                                      const std::string& attribution) = 0;
  // Every recorded attribution, ordered by source.
  virtual Result<std::vector<std::string>> SourceAttributions() = 0;

  // --- territories ---
  // Territory ids are paths ("GB", "GB/wales", "GB/wales/cardiff"), so a territory's
  // descendants are the ids that start with its id and a '/'.
  //
  // Inserts or replaces the territory with `territory.id`; a population given as nullopt keeps
  // the stored one (use SetTerritoryPopulation to clear it).
  virtual Status PutTerritory(const model::Territory& territory) = 0;
  virtual Result<std::optional<model::Territory>> GetTerritory(const std::string& id) = 0;
  // The children of `parent_id` ordered by name; "" gives the countries.
  virtual Result<std::vector<model::Territory>> Territories(const std::string& parent_id) = 0;
  // Sets or (with nullopt) clears a territory's population. NotFound for an unknown id.
  virtual Status SetTerritoryPopulation(const std::string& id,
                                        std::optional<long long> population) = 0;
  // The number of public, non-deleted actors whose territory is `territory_id` or lies below it.
  virtual Result<long long> CountActorsIn(const std::string& territory_id) = 0;

  // --- accounts (auth/) ---
  // Users, by id and by (lower-case) e-mail. PutUser inserts or replaces by id; Conflict when
  // another user has the e-mail.
  virtual Status PutUser(const UserRecord& user) = 0;
  virtual Result<std::optional<UserRecord>> GetUser(const std::string& id) = 0;
  virtual Result<std::optional<UserRecord>> GetUserByEmail(const std::string& email) = 0;
  virtual Result<std::vector<UserRecord>> ListUsers() = 0;  // by e-mail
  virtual Result<long long> CountUsers() = 0;
  // Role grants. PutGrant keeps an existing identical grant; DeleteGrant: NotFound when absent.
  virtual Status PutGrant(const RoleGrant& grant) = 0;
  virtual Status DeleteGrant(const std::string& user_id, const std::string& role,
                             const std::string& scope) = 0;
  // The grants of one user ("" for every user's), ordered by user, role, scope.
  virtual Result<std::vector<RoleGrant>> Grants(const std::string& user_id) = 0;
  // Sessions, by the hash of their secret.
  virtual Status PutSession(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> GetSession(const std::string& id_hash) = 0;
  virtual Status DeleteSession(const std::string& id_hash) = 0;
  // Ends every session of a user (password change, disabling); returns how many.
  virtual Result<long long> DeleteSessionsOf(const std::string& user_id) = 0;
  // Deletes every session that expired at or before `now` (a timestamp as sessions store
  // them); returns how many. Expired sessions are refused anyway; this keeps the table small.
  virtual Result<long long> DeleteExpiredSessions(const std::string& now) = 0;
  // API tokens: PutToken inserts or replaces by id.
  virtual Status PutToken(const TokenRecord& token) = 0;
  virtual Result<std::optional<TokenRecord>> GetToken(const std::string& id) = 0;
  // The tokens of one user ("" for all), newest first.
  virtual Result<std::vector<TokenRecord>> Tokens(const std::string& user_id) = 0;
  // The sign-in log.
  virtual Status AddSignInEvent(const SignInEvent& event) = 0;
  // Failed sign-ins (outcome other than "ok") from `address` at or after `since`.
  virtual Result<long long> CountFailedSignIns(const std::string& address,
                                               const std::string& since) = 0;
  // The latest `limit` events, newest first.
  virtual Result<std::vector<SignInEvent>> SignInEvents(int limit) = 0;

  // --- audit log ---
  // Appends `entry` to the chain in the current transaction (or one of its own): sets its seq,
  // prev_hash and hash. Appends are serialised, so the chain has no gap or fork.
  virtual Status AppendAudit(AuditEntry* entry) = 0;
  // Entries with seq >= from_seq, in order, at most `limit` (0: all).
  virtual Result<std::vector<AuditEntry>> AuditEntries(long long from_seq, long long limit) = 0;
  // The number of the last entry and its hash, as the chain's head records them.
  virtual Result<std::pair<long long, std::string>> AuditHead() = 0;

  // --- screening (screening/) ---
  // Appends a new version of the actor's profile; sets record->version.
  virtual Status PutProfile(ProfileRecord* record) = 0;
  // The latest version (version 0) or the given one; nullopt when there is none.
  virtual Result<std::optional<ProfileRecord>> GetProfile(const std::string& actor_id,
                                                          long long version) = 0;
  // The latest profiles of several actors at once (those without one are absent).
  virtual Result<std::vector<ProfileRecord>> LatestProfiles(
      const std::vector<std::string>& ids) = 0;
  // Ids of the actors that have a profile, in id order, after `after_id`, at most `limit`.
  virtual Result<std::vector<std::string>> ProfiledActors(const std::string& after_id,
                                                          int limit) = 0;
  // Stores an assessment (sets record->n) and makes it the actor's latest for its framework.
  virtual Status AddAssessment(AssessmentRecord* record) = 0;
  // Stores many assessments (their `n` is assigned in the database and not read back) in the
  // current transaction or one of its own: the batch form of AddAssessment.
  virtual Status AddAssessments(const std::vector<AssessmentRecord>& records) = 0;
  // The actor's assessments (all frameworks when `framework` is empty), by framework then n.
  virtual Result<std::vector<AssessmentRecord>> Assessments(const std::string& actor_id,
                                                            const std::string& framework) = 0;
  // Counts of the latest verdicts under a framework: verdict -> number of actors.
  virtual Result<std::vector<std::pair<std::string, long long>>> VerdictCounts(
      const std::string& framework) = 0;
  // Background jobs: PutJob inserts or replaces by id.
  virtual Status PutJob(const JobRecord& job) = 0;
  virtual Result<std::optional<JobRecord>> GetJob(const std::string& id) = 0;
  // The file a job works on (an import's upload, any bytes), stored with the job so that any
  // worker sharing the database can run it; replaced when put again.
  virtual Status PutJobInput(const std::string& job_id, const std::string& name,
                             std::string_view content) = 0;
  virtual Result<std::optional<JobInput>> GetJobInput(const std::string& job_id) = 0;
  virtual Status DeleteJobInput(const std::string& job_id) = 0;
  // What a job made (a report's document...), kept with the job for whoever may see the job;
  // replaced when put again.
  virtual Status PutJobOutput(const std::string& job_id, const JobOutput& output) = 0;
  virtual Result<std::optional<JobOutput>> GetJobOutput(const std::string& job_id) = 0;
  // The work queue, shared by every server and worker on the database (docs/operations.md).
  // Claims the oldest job of one of `kinds` that waits: queued, or running under a lease that
  // ran out (its worker died). It becomes running under `worker`, with attempts + 1 and a lease
  // of `lease_ms` by the database's clock; `now` is its updated_at. Jobs whose lease ran out
  // after max_attempts claims are failed first. Two claims never take the same job
  // (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer at a time). nullopt when none waits.
  virtual Result<std::optional<JobRecord>> ClaimJob(const std::string& worker,
                                                    const std::vector<std::string>& kinds,
                                                    long long lease_ms, const std::string& now) = 0;
  // Writes state, done, total, updated_at, error, result and checkpoint of a job its worker
  // holds (the row with job.id, job.worker and job.attempts, running), and renews the lease for
  // `lease_ms` while the state stays running. State "queued" hands the job back (the claim is
  // not counted). Conflict when the worker no longer holds the job (its lease ran out and
  // another worker claimed it). Inside a transaction, the row stays locked until the commit:
  // a batch of work and its checkpoint are committed together or not at all.
  virtual Status UpdateClaimedJob(const JobRecord& job, long long lease_ms) = 0;
  // Renews the lease of a job its worker holds, as UpdateClaimedJob, changing nothing else.
  virtual Status RenewJobLease(const JobRecord& job, long long lease_ms) = 0;
  // The number of jobs in each state, by state.
  virtual Result<std::vector<std::pair<std::string, long long>>> JobCounts() = 0;
  // Jobs newest first: those started by `who` ("" for everyone's), in `state` ("" for any), at
  // most `limit`.
  virtual Result<std::vector<JobRecord>> ListJobs(const std::string& who, const std::string& state,
                                                  int limit) = 0;

  // --- entity resolution, indicators, federation (store/resolution.h) ---
  // Inserts or replaces a merge by id, with its members (the survivor and the merged actors).
  virtual Status PutMerge(const MergeRecord& merge) = 0;
  virtual Result<std::optional<MergeRecord>> GetMerge(const std::string& id) = 0;
  // The merges an actor took part in (as survivor or merged; "" for every merge), newest first,
  // at most `limit` (0: all).
  virtual Result<std::vector<MergeRecord>> Merges(const std::string& actor_id, int limit) = 0;
  // Inserts or replaces the decision on a pair (a_id < b_id; InvalidArgument otherwise).
  virtual Status PutDedupDecision(const DedupDecision& decision) = 0;
  // NotFound when the pair has no decision.
  virtual Status DeleteDedupDecision(const std::string& a_id, const std::string& b_id) = 0;
  // Every decision, by pair.
  virtual Result<std::vector<DedupDecision>> DedupDecisions() = 0;
  // Inserts or replaces indicators by (actor, name, period, source), in the current
  // transaction or one of their own.
  virtual Status PutIndicators(const std::vector<IndicatorRecord>& records) = 0;
  // An actor's indicators, by name, period and source.
  virtual Result<std::vector<IndicatorRecord>> Indicators(const std::string& actor_id) = 0;
  // Every actor's indicators, by actor, name, period and source (trends over a registry).
  virtual Result<std::vector<IndicatorRecord>> AllIndicators() = 0;
  virtual Result<long long> CountIndicators() = 0;
  // Federation peers, by URL: PutSyncPeer inserts or replaces.
  virtual Status PutSyncPeer(const SyncPeer& peer) = 0;
  virtual Result<std::optional<SyncPeer>> GetSyncPeer(const std::string& url) = 0;
  // Every peer, by URL.
  virtual Result<std::vector<SyncPeer>> SyncPeers() = 0;

  // --- ecosystem perception assessments (store/ecosystem.h) ---
  // Inserts or replaces an assessment by id, deleted flag included. InvalidArgument without an
  // id or a territory.
  virtual Status PutPerceptionAssessment(const PerceptionAssessment& assessment) = 0;
  virtual Result<std::optional<PerceptionAssessment>> GetPerceptionAssessment(
      const std::string& id) = 0;
  // A territory's assessments, by date then id; the deleted ones too when `with_deleted`.
  virtual Result<std::vector<PerceptionAssessment>> PerceptionAssessments(
      const std::string& territory, bool with_deleted) = 0;
  // Deletes (true) or restores (false) an assessment; NotFound when there is no such id.
  virtual Status SetPerceptionAssessmentDeleted(const std::string& id, bool deleted) = 0;

  // --- offers and wants of actors (store/ecosystem.h), versioned ---
  // Writes a new version of an offer or a want, in the current transaction or one of its own:
  // version 1 for a new id, else the current version + 1 (`record.version` is ignored); returns
  // the version written. Deleting or restoring is writing a version with `deleted` set or not.
  // InvalidArgument without an id or an actor, for an exchange type other than "offer" or
  // "want", or when `doc` is not a JSON object.
  virtual Result<long long> PutOfferWant(const OfferWantRecord& record) = 0;
  // The current version; nullopt for an unknown id.
  virtual Result<std::optional<OfferWantRecord>> GetOfferWant(const std::string& id) = 0;
  // Current versions of one actor's offers and wants (every actor's when `actor_id` is empty),
  // by actor then id; the deleted ones too when `with_deleted`.
  virtual Result<std::vector<OfferWantRecord>> OffersWants(const std::string& actor_id,
                                                           bool with_deleted) = 0;
  // Every version of one, oldest first; empty for an unknown id.
  virtual Result<std::vector<OfferWantRecord>> OfferWantHistory(const std::string& id) = 0;

  // --- knowledge commons: cases, reviews, transfers, watches (store/knowledge.h) ---
  // Writes a new version of a case (sets version->version) with its index data, in the current
  // transaction or one of its own. `expected_head`: 0 creates the case (Conflict when it
  // exists); n > 0 requires the head to be version n (Conflict otherwise); -1 accepts any head
  // (or none). The head's status becomes `status` (draft, in_review or published); "published"
  // also makes it the published version.
  virtual Status PutCase(CaseVersionRecord* version, const CaseIndexData& index,
                         long long expected_head, const std::string& status) = 0;
  // Records a review step (sets review->n) and sets the head's status: "published" makes the
  // head the published version; "withdrawn" leaves no published version. The caller checks the
  // transition. NotFound for an unknown case; Conflict when review->version is not the head.
  virtual Status ReviewCase(CaseReviewRecord* review, const std::string& status) = 0;
  virtual Result<std::optional<CaseState>> GetCaseState(const std::string& id) = 0;
  // A version of a case (the head when `version` is 0); nullopt when there is none.
  virtual Result<std::optional<CaseVersionRecord>> GetCaseVersion(const std::string& id,
                                                                  long long version) = 0;
  // Every version of a case, oldest first.
  virtual Result<std::vector<CaseVersionRecord>> CaseVersions(const std::string& id) = 0;
  virtual Result<std::vector<CaseReviewRecord>> CaseReviews(const std::string& id) = 0;
  virtual Result<CaseSearchResult> SearchCases(const CaseSearchQuery& query) = 0;
  // Number of cases (heads).
  virtual Result<long long> CountCases() = 0;
  // Writes a new version of a transfer (sets record->version).
  virtual Status PutTransfer(TransferRecord* record) = 0;
  virtual Result<std::optional<TransferRecord>> GetTransfer(const std::string& id) = 0;
  // Current versions of the transfers from or to a case (every transfer when `case_id` is
  // empty), not deleted, by id.
  virtual Result<std::vector<TransferRecord>> Transfers(const std::string& case_id) = 0;
  // Inserts or replaces a watch by id.
  virtual Status PutWatch(const WatchRecord& watch) = 0;
  virtual Result<std::optional<WatchRecord>> GetWatch(const std::string& id) = 0;
  // An owner's watches (everyone's when `owner` is empty), not deleted, by name then id.
  virtual Result<std::vector<WatchRecord>> Watches(const std::string& owner) = 0;

  // --- social finance: versioned documents (store/finance.h) ---
  // Writes a new version of `record` (kind, id, doc, who, at, actor_id, parent, deleted) and
  // sets its version. `expected_version` is the version the writer read: 0 for a new record.
  // Conflict when it is not the current one (someone wrote in between), InvalidArgument
  // without a kind, id or document.
  virtual Status PutFinanceRecord(FinanceRecord* record, long long expected_version) = 0;
  // A version (`version` 0: the current one, deleted or not), or nullopt.
  virtual Result<std::optional<FinanceRecord>> GetFinanceRecord(const std::string& kind,
                                                                const std::string& id,
                                                                long long version = 0) = 0;
  // Every version of a record, oldest first.
  virtual Result<std::vector<FinanceRecord>> FinanceRecordVersions(const std::string& kind,
                                                                   const std::string& id) = 0;
  // The current versions of the records a query selects, by id.
  virtual Result<std::vector<FinanceRecord>> FinanceRecords(const FinanceQuery& query) = 0;

  // --- participatory processes (store/participation.h) ---
  // Versioned documents, as the finance ones: `expected_version` is the version the writer read
  // (0 for a new record); Conflict when another was written in between.
  virtual Status PutParticipationRecord(ParticipationRecord* record,
                                        long long expected_version) = 0;
  virtual Result<std::optional<ParticipationRecord>> GetParticipationRecord(
      const std::string& kind, const std::string& id, long long version = 0) = 0;
  virtual Result<std::vector<ParticipationRecord>> ParticipationRecordVersions(
      const std::string& kind, const std::string& id) = 0;
  virtual Result<std::vector<ParticipationRecord>> ParticipationRecords(
      const ParticipationQuery& query) = 0;
  // Every version of every record of a process (the process included), by kind, id, version.
  virtual Result<std::vector<ParticipationRecord>> ProcessRecordVersions(
      const std::string& process_id) = 0;
  // The process log's head {seq, hash} ({0, ""} before its first entry). In a transaction, it is
  // locked until the commit (PostgreSQL), so appends from several connections follow each other.
  virtual Result<std::pair<long long, std::string>> LockDecisionLog(
      const std::string& process_id) = 0;
  // Appends a chained row: its seq must be the head's + 1 and its prev_hash the head's hash
  // (Conflict otherwise); moves the head.
  virtual Status AppendDecisionLog(const DecisionLogRow& row) = 0;
  // Rows with seq >= from_seq, in order, at most `limit` (0: all).
  virtual Result<std::vector<DecisionLogRow>> DecisionLog(const std::string& process_id,
                                                          long long from_seq, long long limit) = 0;
  // Puts a secret ballot in its decision's box (Conflict when the commitment is there).
  virtual Status PutBoxedBallot(const BoxedBallot& ballot) = 0;
  // A decision's boxed ballots, by commitment.
  virtual Result<std::vector<BoxedBallot>> BoxedBallots(const std::string& process_id,
                                                        const std::string& decision_id) = 0;

  // --- taxonomies ---
  virtual Status PutTerms(const std::vector<model::Term>& terms) = 0;
  virtual Result<std::vector<model::Term>> Terms(const std::string& scheme) = 0;
};

// Opens a store: "postgresql://..." or "postgres://..." selects PostgreSQL, anything else is a
// SQLite file path (created if missing; its folder must exist). ":memory:" is a private
// in-memory SQLite database.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

// Whether `url` names a PostgreSQL database (OpenStore's rule) rather than a SQLite file.
inline bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// `url` as it may be shown in messages, reports and logs: a PostgreSQL URL's password (in its
// user part, "user:secret@host", or a "password=" parameter) replaced by "***"; anything else
// (a SQLite path) unchanged.
std::string RedactUrl(std::string_view url);

}  // namespace ecosol::store
