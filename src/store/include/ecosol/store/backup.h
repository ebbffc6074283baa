#pragma once

// Backups of a store's database, their verification and their restoration, with each
// backend's own tools:
//
//   SQLite      the online backup API from the live database (readers and writers carry on) into
//               a single self-contained SQLite file (rollback journal, no -wal/-shm beside it);
//   PostgreSQL  `pg_dump --format=custom` and `pg_restore` (Debian package postgresql-client-15),
//               run with an argument vector, never through a shell.
//
//   auto report = Backup("data/ecosol.db", "backups/2026-11-30.db", {});
//   if (!report.ok()) return report.status();
//   auto restored = Restore("backups/2026-11-30.db", "data/ecosol.db", {.force = true});
//
// A backup is written under a temporary name in the folder of its file, verified, and only then
// given its name: a file under the final name is always a complete, verified backup. A restore
// verifies the backup first (nothing changes when it is bad), refuses a target that holds data
// unless forced, keeps the previous content (SQLite: `<target>.before-restore-<UTC time>`;
// PostgreSQL: a dump of it beside the backup file), then upgrades the restored database with
// Store::Migrate.
//
// Thread safety: free functions with no shared state; each opens its own connections.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::store {

// Progress of a SQLite backup or restore copy, in database pages.
struct BackupProgress {
  long long pages_done = 0;
  long long pages_total = 0;
};

struct BackupOptions {
  // Replace an existing file of that name (otherwise a Conflict).
  bool overwrite = false;
  // Called after each chunk of pages (SQLite only); may be empty.
  std::function<void(const BackupProgress&)> progress;
};

// What a verification found in a backup file.
struct BackupReport {
  std::string file;
  std::string format;  // "sqlite" or "pg_dump"
  long long size_bytes = 0;
  int schema_version = 0;
  // SQLite: the rows of the main tables that exist in the file, in a fixed order.
  std::vector<std::pair<std::string, long long>> table_counts;
  // PostgreSQL: the tables of the archive, "schema.table", in the archive's order.
  std::vector<std::string> tables;
};

struct RestoreOptions {
  // Restore over a target that holds data (its previous content is kept, see above).
  bool force = false;
  // Called during the SQLite copy; may be empty.
  std::function<void(const BackupProgress&)> progress;
};

struct RestoreReport {
  BackupReport backup;              // the verification of the file restored
  std::string target;               // the path or URL restored into
  std::string previous_kept;        // where the previous content was kept; empty when none
  int schema_version_restored = 0;  // the backup's schema version
  int schema_version_after = 0;     // after Store::Migrate
};

// Backs up the database `url` (a SQLite path or a postgresql:// URL, as OpenStore takes) into
// `file`, then verifies it (VerifyBackup). Errors: NotFound (no such SQLite database, pg_dump
// missing), Conflict (`file` exists without `overwrite`), Unavailable (busy, disk full, pg_dump
// failed), InvalidArgument (the file fails verification).
Result<BackupReport> Backup(const std::string& url, const std::string& file,
                            const BackupOptions& options);

// Checks a backup file without changing it. SQLite: `PRAGMA integrity_check`, the schema
// version (from schema_migrations, as the store reads it) and the rows of the main tables.
// PostgreSQL custom archive: `pg_restore --list` names the store's tables, every data block
// reads back (`pg_restore --file=/dev/null`), and the schema version comes from the archived
// schema_migrations rows. A schema version newer than this build supports is refused.
Result<BackupReport> VerifyBackup(const std::string& file);

// Restores `file` into `url` (see the top of this file). The kind of file must match the target:
// a SQLite backup to a SQLite path, a pg_dump archive to a postgresql:// URL.
Result<RestoreReport> Restore(const std::string& file, const std::string& url,
                              const RestoreOptions& options);

// The newest schema version this build knows (the number of its migrations).
int SupportedSchemaVersion();

}  // namespace ecosol::store
