#pragma once

// The registry service: every write to actors and relationships goes through here, so that
// validation, versions, provenance and deletion rules hold whatever the caller (CLI, HTTP API,
// importers).
//
//   Registry registry(store, SystemClock());
//   auto actor = registry.CreateActor(actor_from_request, "api");
//   auto page = registry.ListActors(query);
//
// Thread safety: not thread-safe (it holds a Store, which is used by one thread at a time).

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/model/json.h"
#include "ecosol/model/relationship.h"
#include "ecosol/registry/taxonomy.h"
#include "ecosol/store/store.h"

namespace ecosol::registry {

// One problem with one field of one input record.
struct FieldError {
  long long line = 0;  // input line (0 when not from a file)
  std::string field;
  std::string message;
};

// Checks an actor against the model's rules and the taxonomies; returns every problem found.
std::vector<FieldError> ValidateActor(const model::Actor& actor, const Taxonomy& taxonomy);

// One record from an import file.
struct ImportRow {
  long long line = 0;
  model::Actor actor;  // with identifiers[source_scheme] set; id may be empty
};

// Where an import stands: rows read so far, and the work done out of the total in the source's
// unit (bytes for a file), for a progress display.
struct ImportProgress {
  size_t rows = 0;
  size_t done = 0;
  size_t total = 0;
  // Every row is written and the import is finishing (building indexes, committing), which can
  // take a while after a large import into an empty registry.
  bool finishing = false;
};

// The records of an import, read batch by batch so that a large file is never held whole in
// memory. Import reads it on a thread of its own (one at a time).
class ImportSource {
 public:
  virtual ~ImportSource() = default;
  // Appends up to `max_rows` rows to `rows`, and the records that could not be read to
  // `rejected`; returns false once the input is exhausted.
  virtual Result<bool> Next(size_t max_rows, std::vector<ImportRow>* rows,
                            std::vector<FieldError>* rejected) = 0;
  // How much of the input has been read (done, total), in any unit.
  virtual std::pair<size_t, size_t> Position() const = 0;
};

// An ImportSource over rows already in memory.
class RowsSource : public ImportSource {
 public:
  explicit RowsSource(std::vector<ImportRow> rows) : rows_(std::move(rows)) {}
  Result<bool> Next(size_t max_rows, std::vector<ImportRow>* rows,
                    std::vector<FieldError>* rejected) override;
  std::pair<size_t, size_t> Position() const override { return {next_, rows_.size()}; }

 private:
  std::vector<ImportRow> rows_;
  size_t next_ = 0;
};

struct ImportReport;

struct ImportOptions {
  std::string source;         // provenance source, e.g. "coops-uk-standard-2023"
  std::string id_scheme;      // the identifier scheme the source's ids live in, e.g. "coops-uk"
  std::string id_prefix;      // prefix of generated actor ids, e.g. "cuk"
  bool skip_invalid = false;  // keep the valid rows when some are invalid
  bool dry_run = false;       // validate only; write nothing
  // Called now and then, and once at the end.
  std::function<void(const ImportProgress&)> progress;
  // Called inside the import's transaction once every row is written, before it commits (not
  // for a dry run or a refused import); an error rolls the whole import back. A background job
  // records that it is done in the same transaction, so that an import is never committed twice.
  // It gets the report as it will be returned.
  std::function<Status(const ImportReport&)> before_commit;
  // Into an empty registry that no other process has open, write each page once
  // (Store::BeginLoadAlone): `ecosol import`, whose loads may be large. Meanwhile another
  // process cannot open the database.
  bool load_alone = false;
};

struct ImportReport {
  long long imported = 0;   // new actors
  long long updated = 0;    // existing actors whose data changed (new version)
  long long unchanged = 0;  // existing actors with the same data
  std::vector<FieldError> rejected;
  bool committed = false;  // false when the batch was refused as a whole
};

// The territory id an address places an actor in: the country ("GB"), its region
// ("GB/wales", the region's name as a slug), its locality ("GB/wales/cardiff", or "GB/cardiff"
// when the address has no region). Empty without a country.
std::string TerritoryIdOf(const model::Address& address);

// A territory with the figures shown next to it.
struct TerritoryInfo {
  model::Territory territory;
  long long actors = 0;    // non-deleted actors in the territory or below it
  long long children = 0;  // direct sub-territories
};
// {"id", "parent_id" (null for a country), "name", "level", "population" (or null), "actors",
// "children"}: the form of the HTTP API and of `ecosol territories list --json`.
nlohmann::json TerritoryInfoToJson(const TerritoryInfo& info);

struct MergeRequest;  // registry/merge.h

class Registry {
 public:
  Registry(store::Store& store, const Clock& clock);
  // Shares an already loaded taxonomy snapshot (servers load it once for all requests).
  Registry(store::Store& store, const Clock& clock, std::shared_ptr<const Taxonomy> taxonomy);

  store::Store& store() { return store_; }
  // Who makes this registry's writes and from where, as the audit log records them (every
  // write appends an entry in its own transaction): "user:<id>", "token:<id>", "cli:<login>"...
  // and a client address or "local". By default "system" and "local".
  void SetAuditSource(std::string who, std::string address) {
    audit_who_ = std::move(who);
    audit_address_ = std::move(address);
  }
  const std::string& audit_who() const { return audit_who_; }
  const std::string& audit_address() const { return audit_address_; }
  // The taxonomies, loaded from the store on first use.
  Result<const Taxonomy*> taxonomy();
  // Loads the taxonomy folder (see ReadTaxonomyFolder) into the store.
  Status LoadTaxonomies(const std::string& folder);

  // --- actors ---
  // Validates and stores a new actor (version 1). An empty id gets a generated one. Every field
  // given gets provenance {source, today, method} unless the actor brings its own.
  Result<model::Actor> CreateActor(model::Actor actor, const std::string& source,
                                   const std::string& method = "api");
  // Applies a JSON merge patch. When `expected_version` is set and differs: Conflict.
  Result<model::Actor> UpdateActor(const std::string& id, const nlohmann::json& patch,
                                   std::optional<long long> expected_version,
                                   const std::string& source);
  Status DeleteActor(const std::string& id);
  Result<model::Actor> RestoreActor(const std::string& id);
  // NotFound for unknown and deleted actors.
  Result<model::Actor> GetActor(const std::string& id);
  Result<store::ActorPage> ListActors(const store::ActorQuery& query);

  // --- relationships ---
  Result<model::Relationship> CreateRelationship(model::Relationship rel, const std::string& source,
                                                 const std::string& method = "api");
  Result<model::Relationship> UpdateRelationship(const std::string& id, const nlohmann::json& patch,
                                                 const std::string& source);
  Status DeleteRelationship(const std::string& id);
  Result<std::vector<model::Relationship>> RelationshipsOf(const std::string& actor_id);

  // --- territories ---
  // Territory rows are written by the actor writes above: an actor without a territory of its
  // own (or with one that is an ancestor of its address's, such as its country) is placed in
  // TerritoryIdOf(address), and the chain from its country down is recorded.
  //
  // The territories under `parent_id` ("" for the countries), ordered by name. NotFound for an
  // unknown parent.
  Result<std::vector<TerritoryInfo>> ListTerritories(const std::string& parent_id);
  // NotFound for an unknown id.
  Result<TerritoryInfo> GetTerritory(const std::string& id);
  // Sets (or with nullopt clears) a territory's population. InvalidArgument when negative,
  // NotFound for an unknown id.
  Status SetPopulation(const std::string& id, std::optional<long long> population);

  // --- entity resolution (registry/merge.h) ---
  // Merges actors into a survivor by survivorship rules, in one transaction; see merge.h.
  Result<store::MergeRecord> MergeActors(const MergeRequest& request);
  // Undoes a merge: the merged actors come back as they were, and the survivor loses what it
  // took from them (fields edited since keep their edits). Conflict when already undone.
  Result<store::MergeRecord> UnmergeActors(const std::string& merge_id);

  // --- bulk ---
  // Imports rows in one transaction: new actors are created, existing ones (matched on
  // identifiers[id_scheme]) are updated field by field where this source provided the field
  // and no one else has changed it since. Invalid rows (and the source's unreadable records) are
  // rejected with their line; unless skip_invalid, one rejection means nothing is written.
  // The source is read, validated and prepared on a second thread while this one writes.
  Result<ImportReport> Import(ImportSource& source, const ImportOptions& options);
  Result<ImportReport> Import(std::vector<ImportRow> rows, const ImportOptions& options);
  // Creates or updates relationships by id (those without an id get one made of their from, to
  // and type), in one transaction; all-or-nothing. `lines` gives each one's place in the input.
  Result<ImportReport> ImportRelationships(std::vector<model::Relationship> rels,
                                           const std::string& source);

 private:
  std::string Today() const;
  std::string Now() const;
  Status CheckRelationship(const model::Relationship& rel);
  Result<std::string> NewActorId(const std::string& prefix, const std::string& hint);
  // Sets actor->territory (see the territories section) and records its chain of territories,
  // skipping the ids in `*written` and adding those it records.
  Status PlaceInTerritory(model::Actor* actor, std::set<std::string>* written);
  // Records the territories of `chain` that are not in `*written` yet (and adds them to it).
  Status RecordTerritories(const std::vector<model::Territory>& chain,
                           std::set<std::string>* written);
  Result<TerritoryInfo> InfoOf(model::Territory territory);
  // Appends an audit entry for a write made by this registry (in the current transaction).
  Status Audit(std::string action, std::string object_type, std::string object_id,
               std::string before, std::string after);

 public:
  struct PreparedRow;  // an import row ready to write (private to import.cc)

 private:
  static void PrepareRow(ImportRow row, const ImportOptions& options, const std::string& today,
                         const std::string& now, const Taxonomy& taxonomy, PreparedRow* out);
  // Appends [id, SHA-256 of its document] of a created actor to `created_log`, which the import
  // records in the audit log batch by batch. `reassigned` (into an empty registry only): the
  // ids this import gave instead of taken ones.
  Status WriteRow(PreparedRow& row, const ImportOptions& options, ImportReport* report,
                  std::set<std::string>* territories, std::unordered_set<std::string>* reassigned,
                  nlohmann::json* created_log);

  store::Store& store_;
  const Clock& clock_;
  std::shared_ptr<const Taxonomy> taxonomy_;
  std::string audit_who_ = "system";
  std::string audit_address_ = "local";
};

// Stamps provenance {source, date, method} on every non-empty field of `actor` that has none.
void StampProvenance(model::Actor* actor, const model::Provenance& provenance);

// The actor as a reader who may see `level` sees it (auth decides the level: public for
// everyone, network for the actor's networks and their stewards, private for its members and
// admins): nullopt when the record itself is more restricted; fields restricted beyond `level`
// emptied with their provenance (an address down to its country, and the territory with it);
// below private, the location as its precision allows (model::PublicLocation) and the field
// restrictions themselves left out.
std::optional<model::Actor> ViewAs(model::Actor actor, model::Visibility level);
// ViewAs(actor, public): what anyone may see (and exports publish).
std::optional<model::Actor> PublicView(model::Actor actor);

}  // namespace ecosol::registry
