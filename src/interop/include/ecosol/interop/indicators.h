#pragma once

// Dated indicators per actor (its turnover in 2016, its employees, its members...) as files bring
// them: rows that name their actor by an identifier, an import that finds the actors and writes
// every figure in one transaction, and the JSON form that the HTTP API and `ecosol indicators`
// serve. Registry::Import writes actors; this is the path for figures about actors already in
// the registry (Co-operatives UK's economy file, see coops_uk.h).
//
//   ParsedIndicators parsed = ...;            // a reader's rows and rejections
//   IndicatorImportOptions o;
//   o.source = "coops-uk-economy-2011-2016";
//   o.id_scheme = "coops-uk";
//   auto report = ImportIndicators(store, std::move(parsed), o);
//
// Indicators are stored by (actor, name, period, source): importing the same source again
// replaces its figures, and figures of other sources stay beside them.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/registry/registry.h"
#include "ecosol/store/resolution.h"
#include "ecosol/store/store.h"

namespace ecosol::interop {

// One figure read from a file, its actor still to be found.
struct IndicatorRow {
  long long line = 0;
  std::string key;                // the actor's identifier in the import's scheme ("R000001")
  store::IndicatorRecord record;  // name, period, value, unit, as_of (the rest set on import)
};

struct ParsedIndicators {
  std::vector<IndicatorRow> rows;              // several per line when a line has several figures
  std::vector<registry::FieldError> rejected;  // lines that did not parse, with line and column
  long long records = 0;                       // data records read
  std::string key_column = "identifier";       // the column of the keys, for rejections
};

struct IndicatorImportOptions {
  std::string source;     // provenance source of every figure; required
  std::string id_scheme;  // the identifier scheme of the rows' keys; required
  bool skip_invalid = false;
  bool dry_run = false;
  const Clock* clock = nullptr;  // stamps recorded_at; the system clock when null
  // Who imports, from where, as the audit log records it (one entry per committed import).
  std::string audit_who = "system";
  std::string audit_address = "local";
  // As registry::ImportOptions::before_commit.
  std::function<Status(const registry::ImportReport&)> before_commit;
};

// Finds each row's actor by identifiers[id_scheme] and writes the figures in one transaction.
// A row whose key no actor has (or only a deleted one), or whose figure repeats another row's
// (same actor, name and period), is a rejection naming its line and the key column. As
// Registry::Import: unless skip_invalid, one rejection (the reader's included) writes nothing;
// a dry run writes nothing; then the counts are 0 and `committed` false. Otherwise `imported`
// counts new figures, `updated` figures whose value, unit or date changed, `unchanged` the
// others (not rewritten). Rejections are sorted by line. Errors of the store are returned as is.
Result<registry::ImportReport> ImportIndicators(store::Store& store, ParsedIndicators parsed,
                                                const IndicatorImportOptions& options);

// {"name", "period", "value", "unit", "source", "as_of", "recorded_at"}; a whole value is written
// as a JSON integer.
nlohmann::json IndicatorToJson(const store::IndicatorRecord& indicator);
// {"actor_id", "items": [...]}: the form of GET /api/v1/actors/{id}/indicators and of
// `ecosol indicators --json`, items by name, period and source.
nlohmann::json IndicatorsToJson(const std::string& actor_id,
                                const std::vector<store::IndicatorRecord>& indicators);

}  // namespace ecosol::interop
