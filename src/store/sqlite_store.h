#pragma once

#include <memory>
#include <string>

#include "ecosol/store/store.h"

namespace ecosol::store {

// Private to the store module; use OpenStore().
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

// Process-wide SQLite settings, applied once before the first connection opens (any later call
// does nothing): no memory statistics. SQLite's default (SQLITE_DEFAULT_MEMSTATUS=1, as Debian
// builds it) counts every allocation of every connection under one global mutex, so that a
// server's connections, each on its own thread, took turns at every malloc and free: under the
// mixed load of docs/benchmarks.md ("Running at scale") most request threads were found waiting
// on that mutex. Ecosol never reads those statistics (sqlite3_memory_used, sqlite3_status).
void ConfigureSqliteProcess();

}  // namespace ecosol::store
