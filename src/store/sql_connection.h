#pragma once

// Private to the store module: the few primitives each SQL backend provides, so that the Store
// logic (sql_store.cc) is written once. SQL uses '?' placeholders; backends that number their
// parameters translate them.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::store {

using SqlValue = std::variant<std::nullptr_t, long long, double, std::string>;
using SqlRow = std::vector<std::optional<std::string>>;
using SqlRows = std::vector<SqlRow>;

// Not thread-safe: one connection per thread.
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // Runs one statement with parameters; appends result rows (as text, NULL as nullopt) to `out`
  // when given.
  virtual Status Exec(std::string_view sql, const std::vector<SqlValue>& params,
                      SqlRows* out = nullptr) = 0;
  // Runs an INSERT of one row that may insert nothing (ON CONFLICT ... DO NOTHING); returns the
  // new row's `id_column` (0 when `id_column` is empty), or nullopt when nothing was inserted.
  // Cheaper than RETURNING on SQLite, which buffers returned rows in a temporary table.
  virtual Result<std::optional<long long>> InsertRow(std::string_view sql,
                                                     const std::vector<SqlValue>& params,
                                                     std::string_view id_column) = 0;
  // Runs a query of two columns, an integer and a number (ids and ranks), appending its rows to
  // `out` without making text of them (a search may read tens of thousands).
  virtual Status ExecIdNumbers(std::string_view sql, const std::vector<SqlValue>& params,
                               std::vector<std::pair<long long, double>>* out);
  // Runs several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
};

}  // namespace ecosol::store
