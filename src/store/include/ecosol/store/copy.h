#pragma once

// Copies a whole SQLite database into an empty PostgreSQL database: the way from one laptop or
// one server (SQLite) to several servers sharing PostgreSQL (docs/operations.md), keeping
// everything: actors with their versions and deletions, relationships, accounts and sessions,
// screenings, knowledge cases, finance and decision records, jobs and the audit log.
//
//   auto report = CopyDatabase("data/ecosol.db", "postgresql://ecosol@db/ecosol", {});
//
// How:
//   - the source is read in one read transaction (a server may keep writing to it meanwhile;
//     the copy holds the database as it was when the copy began), never changed;
//   - the target's schema is created or upgraded first (Store::Migrate); both must then be at
//     the same schema version;
//   - everything is written in one PostgreSQL transaction with COPY: a failure leaves the target
//     as it was;
//   - the target must hold nothing but what `ecosol init` puts in a new database (the schema
//     version, the registry's state and the vocabularies, which the source's replace);
//   - every source table and column must have a place in the target, so nothing is dropped
//     silently; what each backend derives (SQLite's FTS5 and R*Tree tables and the actors' index
//     forms; PostgreSQL's text vectors) is rebuilt from the source's index forms, and the
//     target's id sequences are moved past the copied ids;
//   - before the commit, the rows of every table are counted on both sides and must match.
//
// Thread safety: a free function with no shared state; it opens its own connections.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::store {

struct CopyProgress {
  std::string table;         // the table being copied
  long long rows_done = 0;   // rows copied so far, over all tables
  long long rows_total = 0;  // rows to copy, over all tables
};

struct CopyOptions {
  // Called every few thousand rows and at each table's end; may be empty.
  std::function<void(const CopyProgress&)> progress;
};

struct CopyReport {
  std::string from;
  std::string to;
  int schema_version = 0;
  // Rows copied per table, in the order copied (actor_text: the rebuilt text vectors).
  std::vector<std::pair<std::string, long long>> table_counts;
  long long rows = 0;  // their sum
  double seconds = 0;
};

// Copies the SQLite database at `from` into the PostgreSQL database `to` (a postgresql:// URL,
// whose search_path may name a schema). Errors: InvalidArgument (not a SQLite path and a
// PostgreSQL URL), NotFound (no such file, or not an Ecosol database), Conflict (the target holds
// data; a schema older than this ecosol, which `ecosol --db FROM init` upgrades, or newer),
// Unavailable (PostgreSQL unreachable, the copy failed; the target is unchanged), Internal (a table
// or column without a place in the target, or counts that differ after the copy; the target is
// unchanged).
Result<CopyReport> CopyDatabase(const std::string& from, const std::string& to,
                                const CopyOptions& options);

}  // namespace ecosol::store
