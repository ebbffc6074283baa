#pragma once

#include <memory>
#include <string>

#include "ecosol/store/store.h"

namespace ecosol::store {

// Private to the store module; use OpenStore().
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

// The page cache setting of a SQLite store's connection (PRAGMA cache_size: negative in KiB).
Result<long long> SqliteCacheSize(Store& store);
// How much of a SQLite store's database file its connection maps into memory (PRAGMA mmap_size).
Result<long long> SqliteMmapSize(Store& store);
// Where its temporary tables and sorts go (PRAGMA temp_store: 1 files, 2 memory).
Result<long long> SqliteTempStore(Store& store);

// Process-wide SQLite settings, applied once before the first connection opens (any later call
// does nothing): no memory statistics. SQLite's default (SQLITE_DEFAULT_MEMSTATUS=1, as Debian
// builds it) counts every allocation of every connection under one global mutex, so that a
// server's connections, each on its own thread, took turns at every malloc and free: under the
// mixed load of docs/benchmarks.md ("Running at scale") most request threads were found waiting
// on that mutex. Ecosol never reads those statistics (sqlite3_memory_used, sqlite3_status).
void ConfigureSqliteProcess();

// When the write-ahead log is checkpointed (each SQLite connection's wal hook, after every
// commit; see WalUpkeep in sqlite_store.cc). A passive checkpoint, as SQLite's own
// wal_autocheckpoint does, once the log holds `passive_pages`. A passive checkpoint never waits
// for readers, so a server that is never without one (every read of the mixed load overlapping
// the next) never starts its log again: it grew to 12.6 GB in a 30-minute soak. So once the log
// holds `restart_pages`, a restarting checkpoint waits up to `restart_wait_ms` for the readers
// of older snapshots (holding writers back meanwhile), after which the next write starts the log
// from its beginning; at most one such attempt every `restart_interval_ms` in the process.
struct WalUpkeepSettings {
  int passive_pages = 1000;
  int restart_pages = 16384;  // 64 MiB of 4 KiB pages
  int restart_wait_ms = 100;
  int restart_interval_ms = 1000;
};
// The settings of connections opened from now on and of those open (tests change them).
void SetWalUpkeepSettings(const WalUpkeepSettings& settings);
WalUpkeepSettings GetWalUpkeepSettings();

}  // namespace ecosol::store
