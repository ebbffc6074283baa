#pragma once

// Data quality: how complete, fresh, precise, valid and unduplicated the registry's data is, per
// source and per territory, for a network's data steward; and confirmations ("these data are up
// to date"), which reset an actor's staleness.
//
//   QualityOptions o;
//   o.territory = "GB/wales";                       // the report over Wales, with its regions
//   auto report = BuildQualityReport(store, clock, taxonomy, o);
//   QualityReportToJson(*report);                   // GET /api/v1/quality, `ecosol quality --json`
//
//   DueOptions d;                                   // actors not confirmed for 365 days
//   auto due = ListDue(store, clock, d);            // oldest first, paged
//   ConfirmActor(store, clock, "cuk-r006884", {"user:u-1", "203.0.113.5"});
//
// Definitions (docs/quality.md says more):
//   - an actor's source is the provenance source of its name ("" when it has none);
//   - its last confirmation is the newest of attributes["last_confirmed"] (written by
//     ConfirmActor) and the provenance dates of its fields (an edit or an import that restates
//     data is a confirmation by its source); none when it has neither;
//   - it is due for confirmation when that date is more than `days` days before today, or when
//     it has none.
//
// The registry is read in pages of stored documents (never all decoded at once), over the actors
// the reader may see (QualityOptions::audience) and as the reader sees them (`view`).
//
// Thread safety: the functions use the store from the calling thread only.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/registry/taxonomy.h"
#include "ecosol/store/store.h"

namespace ecosol::registry {

// The attribute a confirmation writes (an ISO date) and the provenance method it records.
inline constexpr char kLastConfirmed[] = "last_confirmed";
inline constexpr char kConfirmedMethod[] = "confirmed";

// How an actor appears to the reader of a report: nullopt when it may not see it. The default
// (an empty function) is PublicView for a public-only audience and the actor as stored otherwise.
using ActorViewFn = std::function<std::optional<model::Actor>(model::Actor)>;

// What the report and the due list read: the actors in `territory` (or below it; "" for all)
// whose source is `source` (unset: any), among those `audience` may see.
struct QualityScope {
  std::string territory;
  std::optional<std::string> source;
  store::Audience audience;
  ActorViewFn view;
  int page_size = 2000;  // stored documents read per store query
};

struct QualityOptions : QualityScope {
  int days = 365;           // confirmations older than this are due (1..36500)
  bool duplicates = false;  // run FindDuplicates (slow: about 84 s on 1M actors)
  double duplicate_threshold = 0.85;
};

// The figures over one set of actors.
struct QualityFigures {
  long long actors = 0;
  std::map<std::string, long long> filled;   // data field -> actors with a value (QualityFields)
  std::map<std::string, long long> invalid;  // field -> actors with an invalid or unknown value
  long long with_invalid = 0;                // actors with at least one
  // exact, approximate, hidden (a location only its precision keeps private), none.
  std::map<std::string, long long> location;
  // Actors by the age of their last confirmation: under_90_days, under_1_year, under_2_years,
  // over_2_years, never.
  std::map<std::string, long long> staleness;
  long long due = 0;             // due for confirmation (QualityOptions::days)
  std::string oldest_confirmed;  // the oldest last confirmation ("" when none is dated)
  long long duplicates = 0;      // in a suspected duplicate pair (when checked)
};

struct TerritoryQuality {
  std::string id;    // "" for the actors with no territory (only in the report over everything)
  std::string name;  // the territory's name
  // True for the row of the actors placed in the report's territory itself rather than below it.
  bool direct = false;
  QualityFigures figures;
};

struct QualityReport {
  std::string today;
  std::string territory;  // the scope asked for
  std::string territory_name;
  std::optional<std::string> source;
  int days = 365;
  bool duplicates_checked = false;
  QualityFigures total;
  std::map<std::string, QualityFigures> by_source;  // source -> figures
  // One row per child of `territory` (the countries for the whole registry), by id, then the
  // row of the actors placed at `territory` itself (or with no territory).
  std::vector<TerritoryQuality> by_territory;
};

// The data fields whose completeness the report gives, in display order (JSON names).
const std::vector<std::string>& QualityFields();
// The fields checked for invalid or unknown values: the taxonomy codes (activities,
// primary_activity, structures, membership_types, qualifiers), address.country, territory,
// founded, dissolved, website, location, names, description, claims (ValidateActor's rules),
// and identifiers (IdentifierProblem).
const std::vector<std::string>& CheckedFields();

// Why an identifier's value is malformed in its scheme, or "" when it looks right or the scheme
// has no shape Ecosol knows. Any value: empty or with spaces at either end. companies-house:
// 8 characters, digits or two letters and six digits (or five and an R: "IP12345R").
std::string IdentifierProblem(const std::string& scheme, const std::string& value);

// An actor's last confirmation date ("" when none): see the definitions above.
std::string LastConfirmed(const model::Actor& actor);

// InvalidArgument for days outside 1..36500 or a page size below 1; NotFound for an unknown
// territory.
Result<QualityReport> BuildQualityReport(store::Store& store, const Clock& clock,
                                         const Taxonomy& taxonomy, const QualityOptions& options);

// {"today", "territory", "territory_name", "source", "days", "duplicates_checked", "fields",
//  "checked_fields", "total": figures, "by_source": [{"source", ...figures}],
//  "by_territory": [{"id", "name", "direct", ...figures}]}, figures being {"actors", "filled",
// "invalid", "with_invalid", "location", "staleness", "due", "oldest_confirmed",
// "duplicates"} ("duplicates" null when not checked): the form of `ecosol quality --json` and
// GET /api/v1/quality.
nlohmann::json QualityReportToJson(const QualityReport& report);

struct DueOptions : QualityScope {
  int days = 365;
  int limit = 50;      // 1..1000
  std::string cursor;  // from DuePage::next_cursor
};

struct DueActor {
  std::string id;
  std::string name;
  std::string source;
  std::string territory;
  std::string last_confirmed;  // "" when never
  std::string confirmed_by;    // attributes' confirmation's source, when it is the latest
  long long days = -1;         // days since last_confirmed (-1 when never)
};

struct DuePage {
  std::vector<DueActor> items;  // oldest confirmation first (never confirmed first of all)
  long long total = 0;          // actors due in the scope
  std::string next_cursor;      // empty on the last page
};

// The actors due for confirmation, oldest first. Each page reads the whole scope (memory stays
// at `limit` actors). InvalidArgument for bad days, limit or cursor; NotFound for an unknown
// territory.
Result<DuePage> ListDue(store::Store& store, const Clock& clock, const DueOptions& options);

// {"items": [{"id", "name", "source", "territory", "last_confirmed", "confirmed_by", "days"}],
//  "total", "days", "next_cursor"}: the form of `ecosol quality due --json` and
// GET /api/v1/quality/due.
nlohmann::json DuePageToJson(const DuePage& page, int days);

// Who confirms, as the audit log records them ("user:<id>", "cli:<login>") and from where.
struct Confirmer {
  std::string who;
  std::string address = "local";
};

// Records that the actor's data are up to date: a new version with attributes["last_confirmed"]
// = today and provenance["last_confirmed"] = {who, today, "confirmed"} (the other fields and
// their provenance unchanged), and an "actor.confirm" audit entry, in one transaction. A second
// confirmation on the same day by the same person changes nothing. NotFound for unknown and
// deleted actors.
Result<model::Actor> ConfirmActor(store::Store& store, const Clock& clock, const std::string& id,
                                  const Confirmer& confirmer);

}  // namespace ecosol::registry
